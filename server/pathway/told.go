package pathway

import (
	"github.com/progetto-win/win/domain"
	"github.com/progetto-win/win/domain/gid"
	"github.com/progetto-win/win/ent"
	"github.com/progetto-win/win/ent/caseevent"
	"github.com/progetto-win/win/server/action"
	"github.com/progetto-win/win/server/outbox"
)

// told is what others must hear of a timeline event, for the outbox
// (domain.EventRules): that the case changed, once per step however many
// events it writes, and the kinds people are told of. table is the
// case's table when the step took it.
func told(a *action.Action, id, table gid.ID, m *ent.CaseEventMutation) []outbox.Event {
	event := func(k domain.EventKind) outbox.Event {
		return outbox.Event{Kind: k, Actor: a.Viewer.UserID, Case: id, Table: table}
	}
	var out []outbox.Event
	if a.Once("changed " + string(id)) {
		out = append(out, event(domain.EventCaseChanged))
	}
	kind, _ := m.Kind()
	d, _ := m.Detail()
	assignee, _ := m.AssigneeID()
	from, _ := m.FromTableID()
	to, _ := m.ToTableID()
	switch {
	case kind == caseevent.KindReferred, kind == caseevent.KindReopened && d == caseevent.DetailReopens:
		out = append(out, event(domain.EventReferralReceived))
	case kind == caseevent.KindDeclined:
		out = append(out, event(domain.EventReferralDeclined))
	case kind == caseevent.KindTakenInCharge:
		assigned := event(domain.EventCaseManagerAssigned)
		assigned.User = assignee
		out = append(out, event(domain.EventCaseTakenInCharge), assigned)
	case kind == caseevent.KindCaseManagerAssigned:
		assigned := event(domain.EventCaseManagerAssigned)
		assigned.User = assignee
		out = append(out, assigned)
	case kind == caseevent.KindTransferRequested, kind == caseevent.KindTransferDeclined:
		e := event(domain.EventTransferRequested)
		if kind == caseevent.KindTransferDeclined {
			e.Kind = domain.EventTransferDeclined
		}
		e.OtherTable = to
		out = append(out, e)
	case kind == caseevent.KindProposed:
		out = append(out, event(domain.EventApprovalRequested))
	case kind == caseevent.KindTransferred:
		e := event(domain.EventTransferAccepted)
		e.Table, e.OtherTable = from, to
		out = append(out, e)
	}
	return out
}
