package schema

import (
	"context"
	"fmt"

	"entgo.io/ent"
	"entgo.io/ent/dialect/sql"

	"github.com/progetto-win/win/domain"
	"github.com/progetto-win/win/domain/fault"
	"github.com/progetto-win/win/domain/gid"
	gen "github.com/progetto-win/win/ent"
	"github.com/progetto-win/win/ent/casefile"
	"github.com/progetto-win/win/ent/fund"
	"github.com/progetto-win/win/ent/hook"
	"github.com/progetto-win/win/ent/intervention"
	"github.com/progetto-win/win/ent/person"
	"github.com/progetto-win/win/ent/personidentity"
	"github.com/progetto-win/win/ent/protocol"
	"github.com/progetto-win/win/ent/schema/rule"
)

// statusTransition refuses a change of a case's status that is not a
// step of the pathway, whoever makes it.
var statusTransition = transitions("a case", domain.CaseTransitions)

// interventionTransition refuses a change of an intervention's status
// that is not one of its transitions.
var interventionTransition = transitions("an intervention", domain.InterventionTransitions)

// transitions refuses a single-row change of the status field that is not
// one of the moves.
func transitions(subject string, moves map[string][]string) ent.Hook {
	return hook.On(func(next ent.Mutator) ent.Mutator {
		return ent.MutateFunc(func(ctx context.Context, m ent.Mutation) (ent.Value, error) {
			if to, ok := m.Field("status"); ok {
				from, err := m.OldField(ctx, "status")
				if err != nil {
					return nil, err
				}
				if f, t := fmt.Sprint(from), fmt.Sprint(to); f != t && !domain.CanMove(moves, f, t) {
					return nil, fault.Invalidf("status", "%s cannot go from %s to %s", subject, f, t)
				}
			}
			return next.Mutate(ctx, m)
		})
	}, ent.OpUpdateOne)
}

// statusOneByOne refuses a change of status to many cases at once, which
// statusTransition could not check case by case.
var statusOneByOne = hook.On(func(next ent.Mutator) ent.Mutator {
	return hook.CaseFileFunc(func(ctx context.Context, m *gen.CaseFileMutation) (ent.Value, error) {
		if _, ok := m.Status(); ok {
			return nil, fault.Invalidf("status", "change the status of one case at a time")
		}
		return next.Mutate(ctx, m)
	})
}, ent.OpUpdate)

// internshipLength refuses an internship longer than the law allows.
var internshipLength = hook.On(func(next ent.Mutator) ent.Mutator {
	return hook.InterventionFunc(func(ctx context.Context, m *gen.InterventionMutation) (ent.Value, error) {
		kind, ok := m.Kind()
		if !ok && m.Op().Is(ent.OpUpdateOne) {
			old, err := m.OldKind(ctx)
			if err != nil {
				return nil, err
			}
			kind, ok = old, true
		}
		starts, hasStart := dateOf(ctx, m, "starts_on")
		ends, hasEnd := dateOf(ctx, m, "ends_on")
		if ok && kind == intervention.KindInternship && hasStart && hasEnd && ends.After(starts.AddMonths(domain.InternshipMonths)) {
			return nil, fault.Invalidf("endsOn", "an inclusion internship lasts at most %d months (24, extendable by 12)", domain.InternshipMonths)
		}
		return next.Mutate(ctx, m)
	})
}, ent.OpCreate|ent.OpUpdateOne)

// youthGuaranteeAge refuses a Youth Guarantee traineeship for a person
// outside its ages on the start date. The birth date is in the identity,
// read as the system: the answer says only that the age does not fit.
var youthGuaranteeAge = hook.On(func(next ent.Mutator) ent.Mutator {
	return hook.InterventionFunc(func(ctx context.Context, m *gen.InterventionMutation) (ent.Value, error) {
		kind, ok := m.Kind()
		_, startSet := m.StartsOn()
		if !ok && !startSet {
			return next.Mutate(ctx, m)
		}
		sys := rule.SystemContext(ctx)
		if !ok && m.Op().Is(ent.OpUpdateOne) {
			old, err := m.OldKind(sys) // ent loads the stored row once, for every hook
			if err != nil {
				return nil, err
			}
			kind = old
		}
		starts, hasStart := dateOf(ctx, m, "starts_on")
		if kind != intervention.KindYouthGuaranteeTraineeship || !hasStart {
			return next.Mutate(ctx, m)
		}
		caseID, err := interventionCase(sys, m)
		if err != nil || caseID == "" {
			if err != nil {
				return nil, err
			}
			return next.Mutate(ctx, m)
		}
		identity, err := m.Client().PersonIdentity.Query().
			Where(personidentity.HasPersonWith(person.HasCasesWith(casefile.ID(caseID)))).Only(sys)
		if gen.IsNotFound(err) {
			return nil, fault.Invalidf("kind", "a Youth Guarantee traineeship needs the person's birth date, which WIN no longer holds")
		}
		if err != nil {
			return nil, err
		}
		if !domain.YouthGuaranteeFits(identity.BirthDate, starts) {
			return nil, fault.Invalidf("kind", "%s", domain.YouthGuaranteeRefusal(starts))
		}
		return next.Mutate(ctx, m)
	})
}, ent.OpCreate|ent.OpUpdateOne)

// followUpWhenDue refuses a follow-up dated before it falls due: an
// employment checked on the day it began would count as held six
// months on.
var followUpWhenDue = hook.On(func(next ent.Mutator) ent.Mutator {
	return hook.OutcomeFunc(func(ctx context.Context, m *gen.OutcomeMutation) (ent.Value, error) {
		on, set := m.FollowedUpOn()
		if !set {
			return next.Mutate(ctx, m)
		}
		due, hasDue := dateOf(ctx, m, "follow_up_due_on")
		if hasDue && on.Before(due) {
			return nil, fault.Invalidf("followedUpOn", "the follow-up falls due on %s: it cannot be recorded before", due.Italian())
		}
		return next.Mutate(ctx, m)
	})
}, ent.OpCreate|ent.OpUpdateOne)

// oneOpenCase keeps open_person in step with the status: the person's ID
// while the case is open, none after.
var oneOpenCase = hook.On(func(next ent.Mutator) ent.Mutator {
	return hook.CaseFileFunc(func(ctx context.Context, m *gen.CaseFileMutation) (ent.Value, error) {
		status, set := m.Status()
		if !set && m.Op().Is(ent.OpCreate) {
			status, set = casefile.DefaultStatus, true
		}
		if !set {
			return next.Mutate(ctx, m)
		}
		if !domain.CaseStatus(status).Open() {
			if err := m.ClearField("open_person"); err != nil {
				return nil, err
			}
			return next.Mutate(ctx, m)
		}
		person, ok := m.PersonID()
		if !ok {
			id, _ := m.ID()
			var err error
			if person, err = m.Client().CaseFile.Query().Where(casefile.ID(id)).QueryPerson().OnlyID(rule.SystemContext(ctx)); err != nil {
				return nil, err
			}
		}
		if err := m.SetField("open_person", string(person)); err != nil {
			return nil, err
		}
		return next.Mutate(ctx, m)
	})
}, ent.OpCreate|ent.OpUpdateOne)

// nameKeys keeps the duplicate-search form of the names beside them.
func nameKeys(next ent.Mutator) ent.Mutator {
	return hook.PersonIdentityFunc(func(ctx context.Context, m *gen.PersonIdentityMutation) (ent.Value, error) {
		for name, key := range map[string]string{"first_name": "first_name_key", "last_name": "last_name_key"} {
			if v, ok := m.Field(name); ok {
				if err := m.SetField(key, domain.NameKey(v.(string))); err != nil {
					return nil, err
				}
			}
		}
		return next.Mutate(ctx, m)
	})
}

// withinFund refuses an intervention whose cost exceeds what is left of
// its fund. The fund's row is locked first (PostgreSQL; SQLite writes one
// transaction at a time), so two interventions charged at once cannot
// both take the last euro.
var withinFund = hook.On(func(next ent.Mutator) ent.Mutator {
	return hook.InterventionFunc(func(ctx context.Context, m *gen.InterventionMutation) (ent.Value, error) {
		_, costSet := m.CostCents()
		_, fundSet := m.FundID()
		if !costSet && !fundSet {
			return next.Mutate(ctx, m)
		}
		sys := rule.SystemContext(ctx)
		fundID, cost, self, err := chargeOf(sys, m)
		if err != nil || fundID == "" {
			if err != nil {
				return nil, err
			}
			return next.Mutate(ctx, m)
		}
		f, err := m.Client().Fund.Query().Where(fund.ID(fundID)).Modify(rule.ForUpdate).Only(sys)
		if err != nil {
			return nil, err
		}
		if err := fundTakes(sys, m, f, cost, fundSet); err != nil {
			return nil, err
		}
		charged, err := m.Client().Intervention.Query().
			Where(intervention.HasFundWith(fund.ID(fundID)), intervention.IDNEQ(self)).
			Aggregate(sumOrZero(intervention.FieldCostCents)).Int(sys)
		if err != nil {
			return nil, err
		}
		if left := f.AllocatedCents - int64(charged); cost > left {
			return nil, fault.Invalidf("costCents", "exceeds what is left of the fund %q for %d: %s", f.Name, f.Year, domain.Euros(max(left, 0)))
		}
		return next.Mutate(ctx, m)
	})
}, ent.OpCreate|ent.OpUpdateOne)

// fundTakes refuses a charge a fund does not take: a new charge or a
// higher cost on a closed fund, and a charge for a person the fund does
// not cover — a municipality's fund pays for its residents only; a fund
// of no municipality (the Union's, the Region's) for anyone's.
func fundTakes(sys context.Context, m *gen.InterventionMutation, f *gen.Fund, cost int64, newCharge bool) error {
	if closed := f.ClosedOn; closed != nil {
		raised := newCharge
		if !raised && m.Op().Is(ent.OpUpdateOne) {
			old, err := m.OldCostCents(sys)
			if err != nil {
				return err
			}
			raised = cost > old
		}
		if raised {
			return fault.Invalidf("fundID", "the fund %q was closed on %s: nothing more is charged to it", f.Name, closed.Italian())
		}
	}
	if !newCharge {
		return nil
	}
	covered, err := f.QueryMunicipality().Only(sys)
	if gen.IsNotFound(err) {
		return nil
	}
	if err != nil {
		return err
	}
	caseID, err := interventionCase(sys, m)
	if err != nil || caseID == "" {
		return err
	}
	lives, err := m.Client().CaseFile.Query().Where(casefile.ID(caseID)).QueryPerson().QueryMunicipality().Only(sys)
	switch {
	case gen.IsNotFound(err):
		return fault.Invalidf("fundID", "the fund %q pays for residents of %s, and the person's municipality of residence is not recorded", f.Name, covered.Name)
	case err != nil:
		return err
	case lives.ID != covered.ID:
		return fault.Invalidf("fundID", "the fund %q pays for residents of %s, and the person lives in %s: charge a fund of %s, or of the Union or another body that covers it", f.Name, covered.Name, lives.Name, lives.Name)
	}
	return nil
}

// interventionCase is the case of the intervention the mutation creates
// (none yet when it names none: ent refuses that itself), or of the
// stored one it updates (a case's intervention never moves).
func interventionCase(sys context.Context, m *gen.InterventionMutation) (gid.ID, error) {
	if id, ok := m.CaseID(); ok || !m.Op().Is(ent.OpUpdateOne) {
		return id, nil
	}
	id, _ := m.ID()
	return m.Client().Intervention.Query().Where(intervention.ID(id)).QueryCase().OnlyID(sys)
}

// sumOrZero sums a column, zero over no rows (SQL's SUM gives NULL).
func sumOrZero(column string) gen.AggregateFunc {
	return func(s *sql.Selector) string {
		return sql.As(fmt.Sprintf("COALESCE(SUM(%s), 0)", s.C(column)), "sum")
	}
}

// chargeOf returns the fund an intervention will be charged to, its cost
// and its own ID (empty on creation), reading what the mutation leaves
// unchanged from the stored row.
func chargeOf(ctx context.Context, m *gen.InterventionMutation) (fundID gid.ID, cost int64, self gid.ID, err error) {
	fundID, _ = m.FundID()
	cost, costSet := m.CostCents()
	if !m.Op().Is(ent.OpUpdateOne) {
		return fundID, cost, "", nil
	}
	self, _ = m.ID()
	if m.FundCleared() {
		return "", 0, self, nil
	}
	if fundID == "" {
		if fundID, err = m.Client().Intervention.Query().Where(intervention.ID(self)).QueryFund().OnlyID(ctx); gen.IsNotFound(err) {
			return "", 0, self, nil
		}
	}
	if err == nil && !costSet {
		cost, err = m.OldCostCents(ctx)
	}
	return fundID, cost, self, err
}

// protocolInForce refuses to deliver an intervention under a protocol
// that is not in force: only an ACTIVE protocol, valid on the day the
// intervention starts, is named; one ended since stays named.
var protocolInForce = hook.On(func(next ent.Mutator) ent.Mutator {
	return hook.InterventionFunc(func(ctx context.Context, m *gen.InterventionMutation) (ent.Value, error) {
		id, ok := m.ProtocolID()
		if !ok {
			return next.Mutate(ctx, m)
		}
		sys := rule.SystemContext(ctx)
		p, err := m.Client().Protocol.Get(sys, id)
		if gen.IsNotFound(err) {
			return nil, fault.Invalidf("protocolID", "no protocol has that ID")
		} else if err != nil {
			return nil, err
		}
		starts, ok := m.StartsOn()
		if !ok {
			if starts, err = m.OldStartsOn(ctx); err != nil {
				return nil, err
			}
		}
		switch {
		case p.Status != protocol.StatusActive:
			return nil, fault.Invalidf("protocolID", "the protocol %q is %s: interventions are delivered under an ACTIVE protocol", p.Title, p.Status)
		case p.ValidFrom != nil && starts.Before(*p.ValidFrom), p.ValidUntil != nil && starts.After(*p.ValidUntil):
			return nil, fault.Invalidf("protocolID", "the protocol %q is not in force on %s, the day the intervention starts", p.Title, starts.Italian())
		}
		return next.Mutate(ctx, m)
	})
}, ent.OpCreate|ent.OpUpdateOne)
