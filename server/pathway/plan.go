package pathway

import (
	"context"
	"strings"

	"github.com/progetto-win/win/domain"
	"github.com/progetto-win/win/domain/fault"
	"github.com/progetto-win/win/domain/gid"
	"github.com/progetto-win/win/ent"
	"github.com/progetto-win/win/ent/caseevent"
	"github.com/progetto-win/win/ent/casefile"
	"github.com/progetto-win/win/ent/commitment"
	"github.com/progetto-win/win/ent/goal"
	"github.com/progetto-win/win/ent/organization"
	"github.com/progetto-win/win/ent/plan"
)

// checkGoal refuses a goal without a description.
func checkGoal(field string, g *GoalInput) error {
	return required(field+".description", g.Description)
}

// goalCreate prepares a goal of a plan.
func goalCreate(client *ent.Client, planID gid.ID, g *GoalInput) *ent.GoalCreate {
	return client.Goal.Create().SetPlanID(planID).SetArea(g.Area).
		SetDescription(strings.TrimSpace(g.Description)).SetNillableDueOn(g.DueOn)
}

// checkCommitment refuses a commitment without a description or with
// negative hours.
func checkCommitment(field string, c *CommitmentInput) error {
	if err := required(field+".description", c.Description); err != nil {
		return err
	}
	if c.HoursAgreed < 0 {
		return fault.Invalidf(field+".hoursAgreed", "must not be negative")
	}
	return nil
}

// commitmentCreate prepares a reciprocal commitment of a plan.
func commitmentCreate(client *ent.Client, planID gid.ID, c *CommitmentInput) *ent.CommitmentCreate {
	return client.Commitment.Create().SetPlanID(planID).SetKind(c.Kind).
		SetDescription(strings.TrimSpace(c.Description)).SetHoursAgreed(c.HoursAgreed).
		SetNillableDueOn(c.DueOn).SetNillableHostID(c.HostID)
}

// planOf returns the plan of the step's case.
func (s *step) planOf() (*ent.Plan, error) {
	return s.Client.Plan.Query().Where(plan.HasCaseWith(casefile.ID(s.c.ID))).Only(s.Sys)
}

// checkHost refuses a host organisation that does not exist.
func (s *step) checkHost(field string, id *gid.ID) error {
	if id == nil {
		return nil
	}
	ok, err := s.Client.Organization.Query().Where(organization.ID(*id)).Exist(s.Sys)
	if err == nil && !ok {
		err = fault.Invalidf(field, "no such organisation")
	}
	return err
}

// UpdatePlan changes the plan's text and dates.
func UpdatePlan(ctx context.Context, id gid.ID, version int, in UpdatePlanInput) (*ent.Plan, error) {
	s, err := begin(ctx, domain.ActionUpdatePlan, id, &version)
	if err != nil {
		return nil, err
	}
	p, err := s.planOf()
	if err != nil {
		return nil, err
	}
	if in.AgreedOn != nil {
		if err := notFuture("agreedOn", *in.AgreedOn); err != nil {
			return nil, err
		}
	}
	agreed, review := p.AgreedOn, p.ReviewOn
	if in.AgreedOn != nil {
		agreed = in.AgreedOn
	}
	if in.ReviewOn != nil {
		review = in.ReviewOn
	}
	if agreed != nil && review != nil && review.Before(*agreed) {
		return nil, fault.Invalidf("reviewOn", "must not be before the plan is agreed")
	}
	// Agreeing the plan, where the table wants the coordinator's
	// approval, proposes it: the plan stays a draft until approved.
	proposed := in.AgreedOn != nil && !in.AgreedOn.Equal(domain.Deref(p.AgreedOn)) && s.needsApproval(s.table.PlanNeedsApproval)
	if proposed {
		agreed = p.AgreedOn
	}
	if err := s.save(nil); err != nil {
		return nil, err
	}
	u := p.Update().SetNillableAgreedOn(agreed).SetNillableReviewOn(review)
	if in.Summary != nil {
		u.SetSummary(strings.TrimSpace(*in.Summary))
	}
	if p, err = u.Save(s.Sys); err != nil {
		return nil, err
	}
	if proposed {
		return p, s.proposePlan(*in.AgreedOn)
	}
	return p, s.record(caseevent.KindPlanUpdated, "")
}

// AddGoal adds a goal to the plan.
func AddGoal(ctx context.Context, id gid.ID, version int, in GoalInput) (*ent.Goal, error) {
	s, err := begin(ctx, domain.ActionAddGoal, id, &version)
	if err != nil {
		return nil, err
	}
	if err := checkGoal("input", &in); err != nil {
		return nil, err
	}
	p, err := s.planOf()
	if err != nil {
		return nil, err
	}
	if err := s.save(nil); err != nil {
		return nil, err
	}
	g, err := goalCreate(s.Client, p.ID, &in).Save(s.Sys)
	if err != nil {
		return nil, err
	}
	return g, s.record(caseevent.KindPlanUpdated, g.Description, detail(caseevent.DetailGoalAdded))
}

// UpdateGoal changes a goal of the plan.
func UpdateGoal(ctx context.Context, id gid.ID, version int, in UpdateGoalInput) (*ent.Goal, error) {
	s, err := beginOn(ctx, domain.ActionUpdateGoal, func(c *ent.Client) (gid.ID, error) {
		return c.Goal.Query().Where(goal.ID(id)).QueryPlan().QueryCase().OnlyID(ctx)
	}, version)
	if err != nil {
		return nil, err
	}
	if in.Description != nil {
		if err := required("description", *in.Description); err != nil {
			return nil, err
		}
	}
	if err := s.save(nil); err != nil {
		return nil, err
	}
	u := s.Client.Goal.UpdateOneID(id).SetNillableDueOn(in.DueOn).SetNillableStatus(in.Status)
	if in.Description != nil {
		u.SetDescription(strings.TrimSpace(*in.Description))
	}
	g, err := u.Save(s.Sys)
	if err != nil {
		return nil, err
	}
	return g, s.record(caseevent.KindPlanUpdated, g.Description, detail(caseevent.DetailGoalChanged))
}

// AddCommitment adds a reciprocal commitment to the plan.
func AddCommitment(ctx context.Context, id gid.ID, version int, in CommitmentInput) (*ent.Commitment, error) {
	s, err := begin(ctx, domain.ActionAddCommitment, id, &version)
	if err != nil {
		return nil, err
	}
	if err := checkCommitment("input", &in); err != nil {
		return nil, err
	}
	if err := s.checkHost("hostID", in.HostID); err != nil {
		return nil, err
	}
	p, err := s.planOf()
	if err != nil {
		return nil, err
	}
	if err := s.save(nil); err != nil {
		return nil, err
	}
	c, err := commitmentCreate(s.Client, p.ID, &in).Save(s.Sys)
	if err != nil {
		return nil, err
	}
	return c, s.record(caseevent.KindPlanUpdated, c.Description, detail(caseevent.DetailCommitmentAdded))
}

// UpdateCommitment changes a reciprocal commitment, e.g. its hours done.
func UpdateCommitment(ctx context.Context, id gid.ID, version int, in UpdateCommitmentInput) (*ent.Commitment, error) {
	s, err := beginOn(ctx, domain.ActionUpdateCommitment, func(c *ent.Client) (gid.ID, error) {
		return c.Commitment.Query().Where(commitment.ID(id)).QueryPlan().QueryCase().OnlyID(ctx)
	}, version)
	if err != nil {
		return nil, err
	}
	if in.Description != nil {
		if err := required("description", *in.Description); err != nil {
			return nil, err
		}
	}
	for field, n := range map[string]*int{"hoursAgreed": in.HoursAgreed, "hoursDone": in.HoursDone} {
		if n != nil && *n < 0 {
			return nil, fault.Invalidf(field, "must not be negative")
		}
	}
	if err := s.save(nil); err != nil {
		return nil, err
	}
	u := s.Client.Commitment.UpdateOneID(id).SetNillableHoursAgreed(in.HoursAgreed).
		SetNillableHoursDone(in.HoursDone).SetNillableDueOn(in.DueOn)
	if in.Description != nil {
		u.SetDescription(strings.TrimSpace(*in.Description))
	}
	c, err := u.Save(s.Sys)
	if err != nil {
		return nil, err
	}
	return c, s.record(caseevent.KindPlanUpdated, c.Description, detail(caseevent.DetailCommitmentChanged))
}
