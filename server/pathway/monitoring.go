package pathway

import (
	"context"
	"fmt"
	"strings"

	"github.com/progetto-win/win/domain"
	"github.com/progetto-win/win/domain/fault"
	"github.com/progetto-win/win/domain/gid"
	"github.com/progetto-win/win/ent"
	"github.com/progetto-win/win/ent/caseevent"
	"github.com/progetto-win/win/ent/casefile"
	"github.com/progetto-win/win/ent/commitment"
	"github.com/progetto-win/win/ent/goal"
	"github.com/progetto-win/win/ent/monitoringitem"
	"github.com/progetto-win/win/ent/monitoringmeeting"
	"github.com/progetto-win/win/ent/plan"
)

// ScheduleMonitoringMeeting plans a meeting on a case with the goals to
// review and the commitments to verify, each of the case's own plan.
func ScheduleMonitoringMeeting(ctx context.Context, id gid.ID, version int, in MonitoringMeetingInput) (*ent.MonitoringMeeting, error) {
	s, err := begin(ctx, domain.ActionScheduleMonitoringMeeting, id, &version)
	if err != nil {
		return nil, err
	}
	if len(in.GoalIDs)+len(in.CommitmentIDs) == 0 {
		return nil, fault.Invalidf("goalIDs", "name at least one goal to review or commitment to verify")
	}
	ofCase := plan.HasCaseWith(casefile.ID(s.c.ID))
	goals, err := s.Client.Goal.Query().Where(goal.IDIn(in.GoalIDs...), goal.HasPlanWith(ofCase)).Count(s.Sys)
	if err == nil && goals != len(unique(in.GoalIDs)) {
		err = fault.Invalidf("goalIDs", "every goal must be of the case's plan, once")
	}
	if err != nil {
		return nil, err
	}
	commitments, err := s.Client.Commitment.Query().Where(commitment.IDIn(in.CommitmentIDs...), commitment.HasPlanWith(ofCase)).Count(s.Sys)
	if err == nil && commitments != len(unique(in.CommitmentIDs)) {
		err = fault.Invalidf("commitmentIDs", "every commitment must be of the case's plan, once")
	}
	if err != nil {
		return nil, err
	}
	planned := in.PlannedOn
	if err := s.save(nil); err != nil {
		return nil, err
	}
	m, err := s.Client.MonitoringMeeting.Create().SetCaseID(s.c.ID).SetPlannedOn(planned).Save(s.Sys)
	if err != nil {
		return nil, err
	}
	for _, g := range unique(in.GoalIDs) {
		if err := s.Client.MonitoringItem.Create().SetMeetingID(m.ID).SetGoalID(g).Exec(s.Sys); err != nil {
			return nil, err
		}
	}
	for _, c := range unique(in.CommitmentIDs) {
		if err := s.Client.MonitoringItem.Create().SetMeetingID(m.ID).SetCommitmentID(c).Exec(s.Sys); err != nil {
			return nil, err
		}
	}
	return m, s.record(caseevent.KindMonitoringMeetingScheduled, "", func(e *ent.CaseEventCreate) {
		e.SetDay(planned)
	})
}

// unique returns the IDs without repeats, in their first order.
func unique(ids []gid.ID) []gid.ID {
	seen := map[gid.ID]bool{}
	var out []gid.ID
	for _, id := range ids {
		if !seen[id] {
			seen[id] = true
			out = append(out, id)
		}
	}
	return out
}

// RecordMonitoringMeeting records what a planned meeting found: the
// goals take the status recorded, the commitments the hours done.
func RecordMonitoringMeeting(ctx context.Context, id gid.ID, version int, in MonitoringResultInput) (*ent.MonitoringMeeting, error) {
	s, err := beginOn(ctx, domain.ActionRecordMonitoringMeeting, func(c *ent.Client) (gid.ID, error) {
		return c.MonitoringMeeting.Query().Where(monitoringmeeting.ID(id)).QueryCase().OnlyID(ctx)
	}, version)
	if err != nil {
		return nil, err
	}
	m, err := s.Client.MonitoringMeeting.Query().Where(monitoringmeeting.ID(id)).
		WithItems(func(q *ent.MonitoringItemQuery) { q.WithGoal().WithCommitment() }).Only(s.Sys)
	if err != nil {
		return nil, err
	}
	if m.HeldOn != nil {
		return nil, fault.Invalidf("id", "this meeting was already recorded on %s", m.HeldOn.Italian())
	}
	if err := required("summary", in.Summary); err != nil {
		return nil, err
	}
	held := dateOr(in.HeldOn)
	if err := notFuture("heldOn", held); err != nil {
		return nil, err
	}
	items := map[gid.ID]*ent.MonitoringItem{}
	for _, it := range m.Edges.Items {
		items[it.ID] = it
	}
	for i, in := range in.Items {
		field := fmt.Sprintf("items[%d]", i)
		it, ok := items[in.ItemID]
		switch {
		case !ok:
			return nil, fault.Invalidf(field+".itemID", "is not an item of this meeting")
		case in.GoalStatus != nil && it.Edges.Goal == nil:
			return nil, fault.Invalidf(field+".goalStatus", "is for goals; this item is a commitment")
		case in.HoursDone != nil && it.Edges.Commitment == nil:
			return nil, fault.Invalidf(field+".hoursDone", "is for commitments; this item is a goal")
		case in.HoursDone != nil && *in.HoursDone < 0:
			return nil, fault.Invalidf(field+".hoursDone", "must not be negative")
		}
	}
	if err := s.save(nil); err != nil {
		return nil, err
	}
	for _, in := range in.Items {
		it := items[in.ItemID]
		u := s.Client.MonitoringItem.UpdateOneID(it.ID).SetNillableGoalStatus((*monitoringitem.GoalStatus)(in.GoalStatus)).
			SetNillableHoursDone(in.HoursDone)
		if in.Progress != nil {
			u.SetProgress(strings.TrimSpace(*in.Progress))
		}
		if err := u.Exec(s.Sys); err != nil {
			return nil, err
		}
		if in.GoalStatus != nil {
			if err := s.Client.Goal.UpdateOneID(it.Edges.Goal.ID).SetStatus(*in.GoalStatus).Exec(s.Sys); err != nil {
				return nil, err
			}
		}
		if in.HoursDone != nil {
			if err := s.Client.Commitment.UpdateOneID(it.Edges.Commitment.ID).SetHoursDone(*in.HoursDone).Exec(s.Sys); err != nil {
				return nil, err
			}
		}
	}
	m, err = m.Update().SetHeldOn(held).SetSummary(strings.TrimSpace(in.Summary)).SetRecordedByID(s.Viewer.UserID).Save(s.Sys)
	if err != nil {
		return nil, err
	}
	return m, s.record(caseevent.KindMonitoringMeetingHeld, "", func(e *ent.CaseEventCreate) {
		e.SetDay(held)
	})
}
