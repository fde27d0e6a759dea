package governance

import (
	"context"
	"strings"

	"github.com/progetto-win/win/domain"
	"github.com/progetto-win/win/domain/fault"
	"github.com/progetto-win/win/domain/gid"
	"github.com/progetto-win/win/ent"
	"github.com/progetto-win/win/ent/intervention"
	"github.com/progetto-win/win/ent/protocol"
	"github.com/progetto-win/win/ent/protocolparty"
	"github.com/progetto-win/win/ent/schema/rule"
)

// SignProtocolParty records a party's signature of a protocol, once: the
// day and who signed for it.
func SignProtocolParty(ctx context.Context, id gid.ID, signedOn domain.Date, signerName string, signerRole *string) (*ent.ProtocolParty, error) {
	a, err := begin(ctx, committee...)
	if err != nil {
		return nil, err
	}
	party, err := a.Client.ProtocolParty.Query().Where(protocolparty.ID(id)).WithProtocol().Modify(rule.ForUpdate).Only(a.Sys)
	if err != nil {
		return nil, err
	}
	signer := strings.TrimSpace(signerName)
	switch {
	case party.SignedOn != nil:
		return nil, &fault.Conflict{Message: "the party already signed, on " + party.SignedOn.Italian()}
	case signer == "":
		return nil, fault.Invalidf("signerName", "name the person who signed for the party")
	case signedOn.After(domain.Today()):
		return nil, fault.Invalidf("signedOn", "must not be in the future")
	}
	if s := CurrentProtocolStatus(party.Edges.Protocol); s != protocol.StatusDraft && s != protocol.StatusActive {
		return nil, fault.Invalidf("id", "the protocol is %s: parties sign draft or active protocols", s)
	}
	protocolID := party.Edges.Protocol.ID
	party, err = party.Update().SetSignedOn(signedOn).SetSignerName(signer).SetSignerRole(strings.TrimSpace(domain.Deref(signerRole))).Save(a.Sys)
	if err != nil {
		return nil, err
	}
	return party, a.Audit("SIGN_PROTOCOL_PARTY", "Protocol", protocolID)
}

// signatures refuses to activate a protocol that fewer than two parties
// signed, or that a party has not signed yet; the protocol is signed on
// the last signature's day, not before.
func signatures(parties []*ent.ProtocolParty, signedOn domain.Date) error {
	if len(parties) < domain.MinProtocolParties {
		return fault.Invalidf("id", "a protocol is an agreement of %d parties at least: add them before activating it", domain.MinProtocolParties)
	}
	for _, p := range parties {
		if p.SignedOn == nil {
			return fault.Invalidf("id", "every party signs before the protocol is activated: record their signatures with signProtocolParty")
		}
		if p.SignedOn.After(signedOn) {
			return fault.Invalidf("signedOn", "must not be before the last party signed, on %s", p.SignedOn.Italian())
		}
	}
	return nil
}

// Delivered sums the interventions delivered under a protocol, as the
// system: totals identify nobody, and must not shrink to the
// interventions the viewer may see.
func Delivered(ctx context.Context, client *ent.Client, p *ent.Protocol) (*ProtocolDelivery, error) {
	use, err := useOf(ctx, client, intervention.HasProtocolWith(protocol.ID(p.ID)))
	if err != nil {
		return nil, err
	}
	return &ProtocolDelivery{Interventions: use.n, CostCents: use.committed + use.spent, SpentCents: use.spent}, nil
}
