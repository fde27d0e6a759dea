package rule

import (
	"context"

	"github.com/progetto-win/win/domain"
	"github.com/progetto-win/win/domain/viewer"
	"github.com/progetto-win/win/ent"
	"github.com/progetto-win/win/ent/decision"
	"github.com/progetto-win/win/ent/meeting"
	"github.com/progetto-win/win/ent/predicate"
	"github.com/progetto-win/win/ent/privacy"
	"github.com/progetto-win/win/ent/territorialtable"
)

// ScopeMeetings narrows meetings, and the decisions taken in them: a
// table's minutes and decisions speak of its cases, so they are read by
// that table and by the committee, which steers the tables; the
// committee's own meetings are read by every signed-in user.
func ScopeMeetings() privacy.QueryRule {
	return privacy.QueryRuleFunc(func(ctx context.Context, q ent.Query) error {
		v := viewer.FromContext(ctx)
		if v == nil {
			return denyUnauthenticated
		}
		if v.Has(domain.RoleSteering) {
			return privacy.Skip
		}
		visible := meetingsOf(v)
		switch q := q.(type) {
		case *ent.MeetingQuery:
			q.Where(visible)
		case *ent.DecisionQuery:
			q.Where(decision.HasMeetingWith(visible))
		default:
			panic("rule.ScopeMeetings on a type it does not know") // a schema wiring mistake, caught by the tests
		}
		return privacy.Skip
	})
}

// meetingsOf is the predicate of the meetings a viewer outside the
// committee reads: the committee's, and those of the tables they sit at.
func meetingsOf(v *viewer.Viewer) predicate.Meeting {
	return meeting.Or(meeting.BodyEQ(meeting.BodySteeringCommittee),
		meeting.HasTableWith(territorialtable.IDIn(WorksAt(v)...)))
}
