package governance

import (
	"context"
	"slices"
	"strings"
	"time"

	"github.com/progetto-win/win/domain"
	"github.com/progetto-win/win/domain/fault"
	"github.com/progetto-win/win/domain/gid"
	"github.com/progetto-win/win/domain/viewer"
	"github.com/progetto-win/win/ent"
	"github.com/progetto-win/win/ent/audit"
	"github.com/progetto-win/win/ent/protocol"
	"github.com/progetto-win/win/ent/protocolcommitment"
	"github.com/progetto-win/win/ent/protocolparty"
	"github.com/progetto-win/win/ent/schema/rule"
	"github.com/progetto-win/win/graph/model"
)

// act is one governance action: who asks, the request's transaction, and
// the system's context for writes once the rights are checked.
type act struct {
	ctx    context.Context
	sys    context.Context
	client *ent.Client
	viewer *viewer.Viewer
}

// begin starts an action, refusing viewers without any of the roles (none
// given: any signed-in viewer, whose rights the action checks itself).
func begin(ctx context.Context, roles ...domain.Role) (*act, error) {
	v := viewer.FromContext(ctx)
	if v == nil {
		return nil, fault.ErrUnauthenticated
	}
	client := ent.FromContext(ctx)
	if client == nil {
		return nil, errNoTransaction
	}
	if v.ReadOnly {
		return nil, &fault.Forbidden{Message: "a read-only API token cannot change data"}
	}
	if len(roles) > 0 && !slices.ContainsFunc(roles, v.Has) {
		return nil, &fault.Forbidden{Message: "only the steering committee and administrators may do this"}
	}
	return &act{ctx: ctx, sys: rule.SystemContext(ctx), client: client, viewer: v}, nil
}

// audit records the action on an object.
func (a *act) audit(action, entityType string, id gid.ID) error {
	return audit.Record(a.sys, a.client, a.viewer, action, entityType, []gid.ID{id})
}

// committee are the roles that run protocols and directives.
var committee = []domain.Role{domain.RoleSteering, domain.RoleAdmin}

// ActivateProtocol brings a draft protocol into force: signed, with at
// least one party.
func ActivateProtocol(ctx context.Context, id gid.ID, signedOn, validFrom, validUntil *domain.Date) (*ent.Protocol, error) {
	a, err := begin(ctx, committee...)
	if err != nil {
		return nil, err
	}
	p, err := a.client.Protocol.Query().Where(protocol.ID(id)).WithParties().Only(a.ctx)
	if err != nil {
		return nil, err
	}
	if p.Status != protocol.StatusDraft {
		return nil, fault.Invalidf("status", "only a DRAFT protocol can be activated; this one is %s", p.Status)
	}
	if len(p.Edges.Parties) == 0 {
		return nil, fault.Invalidf("id", "add the protocol's parties before activating it")
	}
	signed := domain.DateOr(signedOn, domain.Today())
	if signed.After(domain.Today()) {
		return nil, fault.Invalidf("signedOn", "must not be in the future")
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
	if p, err = u.Save(a.sys); err != nil {
		return nil, err
	}
	return p, a.audit("ACTIVATE_PROTOCOL", "Protocol", p.ID)
}

// TerminateProtocol ends an active protocol before its term.
func TerminateProtocol(ctx context.Context, id gid.ID) (*ent.Protocol, error) {
	a, err := begin(ctx, committee...)
	if err != nil {
		return nil, err
	}
	p, err := a.client.Protocol.Get(a.ctx, id)
	if err != nil {
		return nil, err
	}
	if p.Status != protocol.StatusActive {
		return nil, fault.Invalidf("status", "only an ACTIVE protocol can be terminated; this one is %s", p.Status)
	}
	if p, err = p.Update().SetStatus(protocol.StatusTerminated).SetValidUntil(domain.Today()).Save(a.sys); err != nil {
		return nil, err
	}
	return p, a.audit("TERMINATE_PROTOCOL", "Protocol", p.ID)
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
func AddProtocolParty(ctx context.Context, protocolID gid.ID, in model.ProtocolPartyInput) (*ent.ProtocolParty, error) {
	a, err := begin(ctx, committee...)
	if err != nil {
		return nil, err
	}
	p, err := a.client.Protocol.Get(a.ctx, protocolID)
	if err != nil {
		return nil, err
	}
	if s := CurrentProtocolStatus(p); s != protocol.StatusDraft && s != protocol.StatusActive {
		return nil, fault.Invalidf("protocolID", "the protocol is %s: parties join draft or active protocols", s)
	}
	party, err := a.client.ProtocolParty.Create().SetProtocolID(p.ID).SetOrganizationID(in.OrganizationID).
		SetRole(in.Role).SetOperatingMode(strings.TrimSpace(deref(in.OperatingMode))).Save(a.sys)
	if err != nil {
		return nil, err
	}
	return party, a.audit("ADD_PROTOCOL_PARTY", "Protocol", p.ID)
}

// AddProtocolCommitment adds what a party undertakes.
func AddProtocolCommitment(ctx context.Context, partyID gid.ID, in model.ProtocolCommitmentInput) (*ent.ProtocolCommitment, error) {
	a, err := begin(ctx, committee...)
	if err != nil {
		return nil, err
	}
	party, err := a.client.ProtocolParty.Query().Where(protocolparty.ID(partyID)).WithProtocol().Only(a.ctx)
	if err != nil {
		return nil, err
	}
	if s := CurrentProtocolStatus(party.Edges.Protocol); s != protocol.StatusDraft && s != protocol.StatusActive {
		return nil, fault.Invalidf("partyID", "the protocol is %s: commitments go into draft or active protocols", s)
	}
	if strings.TrimSpace(in.Description) == "" {
		return nil, fault.Invalidf("description", "is required")
	}
	c := a.client.ProtocolCommitment.Create().SetPartyID(party.ID).SetDescription(strings.TrimSpace(in.Description))
	if in.DueOn != nil {
		c.SetDueOn(*in.DueOn)
	}
	commitment, err := c.Save(a.sys)
	if err != nil {
		return nil, err
	}
	return commitment, a.audit("ADD_PROTOCOL_COMMITMENT", "ProtocolCommitment", commitment.ID)
}

// commitmentFor loads a commitment the viewer may settle: the committee's,
// or one of the viewer's own organisation.
func commitmentFor(a *act, id gid.ID) (*ent.ProtocolCommitment, error) {
	c, err := a.client.ProtocolCommitment.Query().Where(protocolcommitment.ID(id)).
		WithParty(func(q *ent.ProtocolPartyQuery) { q.WithOrganization() }).Only(a.ctx)
	if err != nil {
		return nil, err
	}
	owner := c.Edges.Party.Edges.Organization.ID
	if !slices.ContainsFunc(committee, a.viewer.Has) && owner != a.viewer.OrganizationID {
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
	if c, err = c.Update().SetStatus(protocolcommitment.StatusDone).SetDoneOn(done).SetEvidence(strings.TrimSpace(evidence)).Save(a.sys); err != nil {
		return nil, err
	}
	return c, a.audit("FULFIL_PROTOCOL_COMMITMENT", "ProtocolCommitment", c.ID)
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
	if c, err = c.Update().SetStatus(protocolcommitment.StatusDropped).SetEvidence("Abbandonato: " + strings.TrimSpace(reason)).Save(a.sys); err != nil {
		return nil, err
	}
	return c, a.audit("DROP_PROTOCOL_COMMITMENT", "ProtocolCommitment", c.ID)
}

// CurrentCommitmentStatus is a commitment's status today: OPEN past its
// due date is LATE, from the day after it falls due.
func CurrentCommitmentStatus(c *ent.ProtocolCommitment, now time.Time) protocolcommitment.Status {
	if c.Status == protocolcommitment.StatusOpen && c.DueOn != nil && c.DueOn.Before(domain.DayOf(now)) {
		return protocolcommitment.StatusLate
	}
	return c.Status
}

// deref returns the value a pointer points to, or the zero value.
func deref[T any](p *T) T {
	var zero T
	if p == nil {
		return zero
	}
	return *p
}
