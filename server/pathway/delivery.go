package pathway

import (
	"context"
	"slices"
	"strings"

	"github.com/progetto-win/win/domain"
	"github.com/progetto-win/win/domain/fault"
	"github.com/progetto-win/win/domain/gid"
	"github.com/progetto-win/win/ent"
	"github.com/progetto-win/win/ent/caseevent"
	"github.com/progetto-win/win/ent/casefile"
	"github.com/progetto-win/win/ent/fund"
	"github.com/progetto-win/win/ent/intervention"
	"github.com/progetto-win/win/ent/outcome"
)

// checkFund refuses a fund that does not exist; what is left of it is
// checked by the intervention's own hook, under the fund's row lock.
func (s *step) checkFund(id *gid.ID) error {
	if id == nil {
		return nil
	}
	ok, err := s.Client.Fund.Query().Where(fund.ID(*id)).Exist(s.Sys)
	if err == nil && !ok {
		err = fault.Invalidf("fundID", "no such fund")
	}
	return err
}

// AddIntervention adds an intervention to the case's plan.
func AddIntervention(ctx context.Context, id gid.ID, version int, in InterventionInput) (*ent.Intervention, error) {
	s, err := begin(ctx, domain.ActionAddIntervention, id, &version)
	if err != nil {
		return nil, err
	}
	if err := s.checkHost("providerID", &in.ProviderID); err != nil {
		return nil, err
	}
	if err := s.checkFund(in.FundID); err != nil {
		return nil, err
	}
	if in.CostCents != nil && *in.CostCents < 0 {
		return nil, fault.Invalidf("costCents", "must not be negative")
	}
	if err := s.save(nil); err != nil {
		return nil, err
	}
	create := s.Client.Intervention.Create().SetCaseID(s.c.ID).SetKind(in.Kind).SetProviderID(in.ProviderID).
		SetStartsOn(in.StartsOn).SetNillableEndsOn(in.EndsOn).
		SetNillableStatus(in.Status).SetNillableFundID(in.FundID).SetNillableProtocolID(in.ProtocolID)
	if in.Description != nil {
		create.SetDescription(strings.TrimSpace(*in.Description))
	}
	if in.CostCents != nil {
		create.SetCostCents(int64(*in.CostCents))
	}
	i, err := create.Save(s.Sys)
	if err != nil {
		return nil, err
	}
	return i, s.record(caseevent.KindInterventionAdded, "", func(e *ent.CaseEventCreate) {
		e.SetInterventionKind(caseevent.InterventionKind(i.Kind))
	})
}

// UpdateIntervention changes an intervention's status, end date, cost or
// fund; the schema's hooks check the move of status, the dates and the
// fund.
func UpdateIntervention(ctx context.Context, id gid.ID, version int, in UpdateInterventionInput) (*ent.Intervention, error) {
	s, err := beginOn(ctx, domain.ActionUpdateIntervention, func(c *ent.Client) (gid.ID, error) {
		return c.Intervention.Query().Where(intervention.ID(id)).QueryCase().OnlyID(ctx)
	}, version)
	if err != nil {
		return nil, err
	}
	i, err := s.Client.Intervention.Get(s.Sys, id)
	if err != nil {
		return nil, err
	}
	if in.FundID != nil && domain.Deref(in.ClearFund) {
		return nil, fault.Invalidf("clearFund", "give a fund or clear it, not both")
	}
	if in.ProtocolID != nil && domain.Deref(in.ClearProtocol) {
		return nil, fault.Invalidf("clearProtocol", "give a protocol or clear it, not both")
	}
	if err := s.checkFund(in.FundID); err != nil {
		return nil, err
	}
	if in.CostCents != nil && *in.CostCents < 0 {
		return nil, fault.Invalidf("costCents", "must not be negative")
	}
	if err := s.save(nil); err != nil {
		return nil, err
	}
	u := i.Update().SetNillableStatus(in.Status).SetNillableEndsOn(in.EndsOn).SetNillableFundID(in.FundID).SetNillableProtocolID(in.ProtocolID)
	if in.Description != nil {
		u.SetDescription(strings.TrimSpace(*in.Description))
	}
	if in.CostCents != nil {
		u.SetCostCents(int64(*in.CostCents))
	}
	if domain.Deref(in.ClearFund) {
		u.ClearFund()
	}
	if domain.Deref(in.ClearProtocol) {
		u.ClearProtocol()
	}
	if i, err = u.Save(s.Sys); err != nil {
		return nil, err
	}
	return i, s.record(caseevent.KindInterventionUpdated, "", func(e *ent.CaseEventCreate) {
		e.SetInterventionKind(caseevent.InterventionKind(i.Kind)).SetInterventionStatus(caseevent.InterventionStatus(i.Status))
	})
}

// employment are the outcomes checked again six months on.
var employment = []outcome.Kind{outcome.KindEmploymentPermanent, outcome.KindEmploymentFixedTerm, outcome.KindApprenticeship, outcome.KindSelfEmployment}

// dimensionOf is the value dimension an outcome counts for unless the
// table says otherwise: work and income are economic value, learning is
// cultural, the rest social.
func dimensionOf(kind outcome.Kind) outcome.ValueDimension {
	switch kind {
	case outcome.KindEmploymentPermanent, outcome.KindEmploymentFixedTerm, outcome.KindApprenticeship,
		outcome.KindSelfEmployment, outcome.KindIncomeStabilised:
		return outcome.ValueDimensionEconomic
	case outcome.KindInternshipCompleted, outcome.KindTrainingCompleted, outcome.KindQualificationObtained:
		return outcome.ValueDimensionCultural
	}
	return outcome.ValueDimensionSocial
}

// followUpMonths is how long after an employment outcome it is checked.
const followUpMonths = 6

// OutcomeDefaults are what an outcome of a kind achieved on a day has
// unless the table says otherwise: its value dimension and, for work,
// the day its six-month follow-up falls due — for recordOutcome and for
// imported outcomes alike.
func OutcomeDefaults(kind outcome.Kind, achieved domain.Date) (outcome.ValueDimension, *domain.Date) {
	if !slices.Contains(employment, kind) {
		return dimensionOf(kind), nil
	}
	due := achieved.AddMonths(followUpMonths)
	return dimensionOf(kind), &due
}

// RecordOutcome records a result of the case; an employment outcome
// schedules its follow-up.
func RecordOutcome(ctx context.Context, id gid.ID, version int, in OutcomeInput) (*ent.Outcome, error) {
	s, err := begin(ctx, domain.ActionRecordOutcome, id, &version)
	if err != nil {
		return nil, err
	}
	achieved := in.AchievedOn
	if err := notFuture("achievedOn", achieved); err != nil {
		return nil, err
	}
	if achieved.Before(s.c.ReferredOn) {
		return nil, fault.Invalidf("achievedOn", "must not be before the referral, %s", s.c.ReferredOn.Italian())
	}
	if in.InterventionID != nil {
		ok, err := s.Client.Intervention.Query().
			Where(intervention.ID(*in.InterventionID), intervention.HasCaseWith(casefile.ID(s.c.ID))).Exist(s.Sys)
		if err == nil && !ok {
			err = fault.Invalidf("interventionID", "is not an intervention of this case")
		}
		if err != nil {
			return nil, err
		}
	}
	dimension, due := OutcomeDefaults(in.Kind, achieved)
	if in.ValueDimension != nil {
		dimension = *in.ValueDimension
	}
	if err := s.save(nil); err != nil {
		return nil, err
	}
	create := s.Client.Outcome.Create().SetCaseID(s.c.ID).SetKind(in.Kind).SetValueDimension(dimension).
		SetAchievedOn(achieved).SetNillableFollowUpDueOn(due).SetNillableInterventionID(in.InterventionID).
		SetVerifiedByID(s.Viewer.UserID)
	if in.Evidence != nil {
		create.SetEvidence(strings.TrimSpace(*in.Evidence))
	}
	o, err := create.Save(s.Sys)
	if err != nil {
		return nil, err
	}
	return o, s.record(caseevent.KindOutcomeRecorded, "", func(e *ent.CaseEventCreate) {
		e.SetOutcomeKind(caseevent.OutcomeKind(o.Kind))
	})
}

// RecordFollowUp records whether an outcome still held at its follow-up.
func RecordFollowUp(ctx context.Context, id gid.ID, version int, in FollowUpInput) (*ent.Outcome, error) {
	s, err := beginOn(ctx, domain.ActionRecordFollowUp, func(c *ent.Client) (gid.ID, error) {
		return c.Outcome.Query().Where(outcome.ID(id)).QueryCase().OnlyID(ctx)
	}, version)
	if err != nil {
		return nil, err
	}
	o, err := s.Client.Outcome.Get(s.Sys, id)
	if err != nil {
		return nil, err
	}
	switch {
	case o.FollowUpDueOn == nil:
		return nil, fault.Invalidf("id", "this outcome has no follow-up")
	case o.FollowedUpOn != nil:
		return nil, fault.Invalidf("id", "the follow-up was already recorded on %s", o.FollowedUpOn.Italian())
	}
	on := dateOr(in.FollowedUpOn)
	if err := notFuture("followedUpOn", on); err != nil {
		return nil, err
	}
	if err := s.save(nil); err != nil {
		return nil, err
	}
	if o, err = o.Update().SetFollowedUpOn(on).SetStillHeld(in.StillHeld).Save(s.Sys); err != nil {
		return nil, err
	}
	return o, s.record(caseevent.KindFollowUpRecorded, domain.Deref(in.Note), func(e *ent.CaseEventCreate) {
		e.SetStillHeld(in.StillHeld)
		e.SetOutcomeKind(caseevent.OutcomeKind(o.Kind))
	})
}
