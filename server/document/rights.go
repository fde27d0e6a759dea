package document

import (
	"slices"

	"github.com/progetto-win/win/domain"
	"github.com/progetto-win/win/domain/fault"
	"github.com/progetto-win/win/domain/gid"
	"github.com/progetto-win/win/ent"
	"github.com/progetto-win/win/ent/casefile"
	"github.com/progetto-win/win/ent/consent"
	"github.com/progetto-win/win/ent/directiveacknowledgement"
	"github.com/progetto-win/win/ent/meeting"
	"github.com/progetto-win/win/ent/monitoringmeeting"
	"github.com/progetto-win/win/ent/person"
	"github.com/progetto-win/win/ent/protocolcommitment"
	"github.com/progetto-win/win/ent/schema/rule"
	"github.com/progetto-win/win/server/action"
)

// Who attaches and removes the documents of an object
// (docs/documents.md#who-attaches-them) — those who write the object:
// of a case and its monitoring meetings, the members of the case's table;
// of a consent record, the members of a table with a case of the person;
// of a protocol commitment, the committee, administrators and the
// organisation that owns it; of a meeting, the committee for its own, the
// table's coordinator for the table's; of a table's implementation of a
// directive, the table's coordinator.

// mayWrite finds the object as the viewer reads it (NOT_FOUND if they do
// not), then checks they write its documents (FORBIDDEN), then that they
// may write at all.
func mayWrite(a *action.Action, id gid.ID) (target, error) {
	t := target{id: id}
	var member func() (bool, error)
	var refused string
	switch id.Prefix() {
	case "cas":
		c, err := a.Client.CaseFile.Query().Where(casefile.ID(id)).WithTable().WithPerson().Only(a.Ctx)
		if err != nil {
			return t, err
		}
		t.person = c.Edges.Person.ID
		member = func() (bool, error) { return slices.Contains(rule.WorksAt(a.Viewer), c.Edges.Table.ID), nil }
		refused = "only members of the case's table attach and remove its documents"
	case "mon":
		m, err := a.Client.MonitoringMeeting.Query().Where(monitoringmeeting.ID(id)).
			WithCase(func(q *ent.CaseFileQuery) { q.WithTable().WithPerson() }).Only(a.Ctx)
		if err != nil {
			return t, err
		}
		t.person = m.Edges.Case.Edges.Person.ID
		member = func() (bool, error) { return slices.Contains(rule.WorksAt(a.Viewer), m.Edges.Case.Edges.Table.ID), nil }
		refused = "only members of the case's table attach and remove the documents of its monitoring meetings"
	case "cns":
		k, err := a.Client.Consent.Query().Where(consent.ID(id)).WithPerson().Only(a.Ctx)
		if err != nil {
			return t, err
		}
		t.person = k.Edges.Person.ID
		member = func() (bool, error) {
			tables := rule.WorksAt(a.Viewer)
			if len(tables) == 0 {
				return false, nil
			}
			return a.Client.CaseFile.Query().Where(casefile.HasPersonWith(person.ID(t.person)), rule.CasesAt(tables...)).Exist(a.Sys)
		}
		refused = "only members of a table with a case of the person attach and remove the forms of their consent records"
	case "pcm":
		c, err := a.Client.ProtocolCommitment.Query().Where(protocolcommitment.ID(id)).
			WithParty(func(q *ent.ProtocolPartyQuery) { q.WithOrganization() }).Only(a.Ctx)
		if err != nil {
			return t, err
		}
		member = func() (bool, error) {
			return a.Viewer.Has(domain.RoleSteering) || a.Viewer.Has(domain.RoleAdmin) ||
				c.Edges.Party.Edges.Organization.ID == a.Viewer.OrganizationID, nil
		}
		refused = "only the committee, administrators and the organisation that owns the commitment attach and remove its evidence"
	case "dak":
		d, err := a.Client.DirectiveAcknowledgement.Query().Where(directiveacknowledgement.ID(id)).WithTable().Only(a.Ctx)
		if err != nil {
			return t, err
		}
		member = func() (bool, error) { return slices.Contains(a.Viewer.Coordinates, d.Edges.Table.ID), nil }
		refused = "only the table's coordinator attaches and removes the documents of how the table carries out a directive"
	case "mtg":
		m, err := a.Client.Meeting.Query().Where(meeting.ID(id)).WithTable().Only(a.Ctx)
		if err != nil {
			return t, err
		}
		member = func() (bool, error) {
			if m.Body == meeting.BodySteeringCommittee {
				return a.Viewer.Has(domain.RoleSteering), nil
			}
			return m.Edges.Table != nil && slices.Contains(a.Viewer.Coordinates, m.Edges.Table.ID), nil
		}
		refused = "only the committee attaches and removes the documents of its meetings, and a table's coordinator those of the table's"
	default:
		return t, fault.Invalidf("attachedToID", attachable)
	}
	ok, err := member()
	if err != nil {
		return t, err
	}
	// The committee and analysts read a person's documents never, seats
	// at tables or not (rule.ReadableDocuments): they attach none either.
	if t.person != "" && (a.Viewer.Has(domain.RoleSteering) || a.Viewer.Has(domain.RoleAnalyst)) {
		ok, refused = false, "the committee and analysts read cases pseudonymised, without their documents: they attach none"
	}
	if !ok {
		return t, &fault.Forbidden{Message: refused}
	}
	return t, a.Writable()
}
