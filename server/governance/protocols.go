package governance

import (
	"context"
	"slices"
	"strings"
	"time"

	"github.com/progetto-win/win/domain"
	"github.com/progetto-win/win/domain/fault"
	"github.com/progetto-win/win/domain/gid"
	"github.com/progetto-win/win/ent"
	"github.com/progetto-win/win/ent/protocol"
	"github.com/progetto-win/win/ent/protocolcommitment"
	"github.com/progetto-win/win/ent/protocolparty"
	"github.com/progetto-win/win/server/action"
)

// begin starts an action, refusing read-only tokens and viewers without
// any of the roles (none given: any signed-in viewer, whose rights the
// action checks itself).
func begin(ctx context.Context, roles ...domain.Role) (*action.Action, error) {
	a, err := action.Start(ctx)
	if err != nil {
		return nil, err
	}
	if err := a.Writable(); err != nil {
		return nil, err
	}
	if len(roles) > 0 && !slices.ContainsFunc(roles, a.Viewer.Has) {
		return nil, &fault.Forbidden{Message: "only the steering committee and administrators may do this"}
	}
	return a, nil
}

// committee are the roles that run protocols and directives.
var committee = []domain.Role{domain.RoleSteering, domain.RoleAdmin}

// ActivateProtocol brings a draft protocol into force, once its parties,
// two at least, have all signed.
func ActivateProtocol(ctx context.Context, id gid.ID, signedOn, validFrom, validUntil *domain.Date) (*ent.Protocol, error) {
	a, err := begin(ctx, committee...)
	if err != nil {
		return nil, err
	}
	p, err := a.Client.Protocol.Query().Where(protocol.ID(id)).WithParties().Only(a.Ctx)
	if err != nil {
		return nil, err
	}
	if p.Status != protocol.StatusDraft {
		return nil, fault.Invalidf("status", "only a DRAFT protocol can be activated; this one is %s", p.Status)
	}
	signed := domain.DateOr(signedOn, domain.Today())
	if signed.After(domain.Today()) {
		return nil, fault.Invalidf("signedOn", "must not be in the future")
	}
	if err := signatures(p.Edges.Parties, signed); err != nil {
		return nil, err
	}
	from := domain.DateOr(validFrom, signed)
	u := p.Update().SetStatus(protocol.StatusActive).SetSignedOn(signed).SetValidFrom(from)
	if validUntil != nil {
		until := *validUntil
		if until.Before(from) {
			return nil, fault.Invalidf("validUntil", "must not be before validFrom")
		}
		u.SetValidUntil(until)
	}
	if p, err = u.Save(a.Sys); err != nil {
		return nil, err
	}
	return p, a.Audit("ACTIVATE_PROTOCOL", "Protocol", p.ID)
}

// TerminateProtocol ends an active protocol before its term.
func TerminateProtocol(ctx context.Context, id gid.ID) (*ent.Protocol, error) {
	a, err := begin(ctx, committee...)
	if err != nil {
		return nil, err
	}
	p, err := a.Client.Protocol.Get(a.Ctx, id)
	if err != nil {
		return nil, err
	}
	if p.Status != protocol.StatusActive {
		return nil, fault.Invalidf("status", "only an ACTIVE protocol can be terminated; this one is %s", p.Status)
	}
	if p, err = p.Update().SetStatus(protocol.StatusTerminated).SetValidUntil(domain.Today()).Save(a.Sys); err != nil {
		return nil, err
	}
	return p, a.Audit("TERMINATE_PROTOCOL", "Protocol", p.ID)
}

// CurrentProtocolStatus is a protocol's status today: ACTIVE past its
// last day of validity is EXPIRED.
func CurrentProtocolStatus(p *ent.Protocol) protocol.Status {
	if p.Status == protocol.StatusActive && p.ValidUntil != nil && p.ValidUntil.Before(domain.Today()) {
		return protocol.StatusExpired
	}
	return p.Status
}

// AddProtocolParty adds a party to a draft or active protocol.
func AddProtocolParty(ctx context.Context, protocolID gid.ID, in ProtocolPartyInput) (*ent.ProtocolParty, error) {
	a, err := begin(ctx, committee...)
	if err != nil {
		return nil, err
	}
	p, err := a.Client.Protocol.Get(a.Ctx, protocolID)
	if err != nil {
		return nil, err
	}
	if s := CurrentProtocolStatus(p); s != protocol.StatusDraft && s != protocol.StatusActive {
		return nil, fault.Invalidf("protocolID", "the protocol is %s: parties join draft or active protocols", s)
	}
	party, err := a.Client.ProtocolParty.Create().SetProtocolID(p.ID).SetOrganizationID(in.OrganizationID).
		SetRole(in.Role).SetOperatingMode(strings.TrimSpace(domain.Deref(in.OperatingMode))).Save(a.Sys)
	if err != nil {
		return nil, err
	}
	return party, a.Audit("ADD_PROTOCOL_PARTY", "Protocol", p.ID)
}

// AddProtocolCommitment adds what a party undertakes.
func AddProtocolCommitment(ctx context.Context, partyID gid.ID, in ProtocolCommitmentInput) (*ent.ProtocolCommitment, error) {
	a, err := begin(ctx, committee...)
	if err != nil {
		return nil, err
	}
	party, err := a.Client.ProtocolParty.Query().Where(protocolparty.ID(partyID)).WithProtocol().Only(a.Ctx)
	if err != nil {
		return nil, err
	}
	if s := CurrentProtocolStatus(party.Edges.Protocol); s != protocol.StatusDraft && s != protocol.StatusActive {
		return nil, fault.Invalidf("partyID", "the protocol is %s: commitments go into draft or active protocols", s)
	}
	if strings.TrimSpace(in.Description) == "" {
		return nil, fault.Invalidf("description", "is required")
	}
	c := a.Client.ProtocolCommitment.Create().SetPartyID(party.ID).SetDescription(strings.TrimSpace(in.Description))
	if in.DueOn != nil {
		c.SetDueOn(*in.DueOn)
	}
	commitment, err := c.Save(a.Sys)
	if err != nil {
		return nil, err
	}
	return commitment, a.Audit("ADD_PROTOCOL_COMMITMENT", "ProtocolCommitment", commitment.ID)
}

// commitmentFor loads a commitment the viewer may settle: the committee's,
// or one of the viewer's own organisation.
func commitmentFor(a *action.Action, id gid.ID) (*ent.ProtocolCommitment, error) {
	c, err := a.Client.ProtocolCommitment.Query().Where(protocolcommitment.ID(id)).
		WithParty(func(q *ent.ProtocolPartyQuery) { q.WithOrganization() }).Only(a.Ctx)
	if err != nil {
		return nil, err
	}
	owner := c.Edges.Party.Edges.Organization.ID
	if !slices.ContainsFunc(committee, a.Viewer.Has) && owner != a.Viewer.OrganizationID {
		return nil, &fault.Forbidden{Message: "only the committee, administrators and the owner organisation settle a commitment"}
	}
	if c.Status == protocolcommitment.StatusDone || c.Status == protocolcommitment.StatusDropped {
		return nil, fault.Invalidf("id", "the commitment is already %s", c.Status)
	}
	return c, nil
}

// FulfilProtocolCommitment records a commitment as done, with evidence.
func FulfilProtocolCommitment(ctx context.Context, id gid.ID, doneOn *domain.Date, evidence string) (*ent.ProtocolCommitment, error) {
	a, err := begin(ctx)
	if err != nil {
		return nil, err
	}
	c, err := commitmentFor(a, id)
	if err != nil {
		return nil, err
	}
	if strings.TrimSpace(evidence) == "" {
		return nil, fault.Invalidf("evidence", "say what shows the commitment was fulfilled")
	}
	done := domain.DateOr(doneOn, domain.Today())
	if done.After(domain.Today()) {
		return nil, fault.Invalidf("doneOn", "must not be in the future")
	}
	if c, err = c.Update().SetStatus(protocolcommitment.StatusDone).SetDoneOn(done).SetEvidence(strings.TrimSpace(evidence)).Save(a.Sys); err != nil {
		return nil, err
	}
	return c, a.Audit("FULFIL_PROTOCOL_COMMITMENT", "ProtocolCommitment", c.ID)
}

// DropProtocolCommitment records a commitment as abandoned.
func DropProtocolCommitment(ctx context.Context, id gid.ID, reason string) (*ent.ProtocolCommitment, error) {
	a, err := begin(ctx)
	if err != nil {
		return nil, err
	}
	c, err := commitmentFor(a, id)
	if err != nil {
		return nil, err
	}
	if strings.TrimSpace(reason) == "" {
		return nil, fault.Invalidf("reason", "is required")
	}
	if c, err = c.Update().SetStatus(protocolcommitment.StatusDropped).SetEvidence("Ritirato: " + strings.TrimSpace(reason)).Save(a.Sys); err != nil {
		return nil, err
	}
	return c, a.Audit("DROP_PROTOCOL_COMMITMENT", "ProtocolCommitment", c.ID)
}

// CurrentCommitmentStatus is a commitment's status today: OPEN past its
// due date is LATE, from the day after it falls due.
func CurrentCommitmentStatus(c *ent.ProtocolCommitment, now time.Time) protocolcommitment.Status {
	if c.Status == protocolcommitment.StatusOpen && c.DueOn != nil && c.DueOn.Before(domain.DayOf(now)) {
		return protocolcommitment.StatusLate
	}
	return c.Status
}
