package governance

import (
	"context"
	"fmt"
	"slices"
	"strings"

	"entgo.io/ent/dialect/sql"

	"github.com/progetto-win/win/domain"
	"github.com/progetto-win/win/domain/fault"
	"github.com/progetto-win/win/domain/gid"
	"github.com/progetto-win/win/ent"
	"github.com/progetto-win/win/ent/fund"
	"github.com/progetto-win/win/ent/intervention"
	"github.com/progetto-win/win/ent/predicate"
	"github.com/progetto-win/win/ent/schema/rule"
	"github.com/progetto-win/win/server/action"
)

// FundUse is what a fund's interventions committed and spent, and what is
// left, in cents: derived from the interventions, never typed twice.
type FundUse struct {
	CommittedCents, SpentCents, AvailableCents int64
}

// UseOf sums a fund's interventions by status.
func UseOf(ctx context.Context, client *ent.Client, f *ent.Fund) (*FundUse, error) {
	use, err := useOf(ctx, client, intervention.HasFundWith(fund.ID(f.ID)))
	if err != nil {
		return nil, err
	}
	return &FundUse{CommittedCents: use.committed, SpentCents: use.spent,
		AvailableCents: f.AllocatedCents - use.committed - use.spent}, nil
}

// interventionsUse is what some interventions cost: committed (pending)
// and spent (ended), and how many they are.
type interventionsUse struct {
	committed, spent int64
	n                int
}

// useOf sums the interventions selected by status, in one query, as the
// system: totals of money identify nobody, and must not shrink to the
// interventions the viewer may see.
func useOf(ctx context.Context, client *ent.Client, which predicate.Intervention) (interventionsUse, error) {
	var rows []struct {
		Status string `json:"status"`
		Sum    int64  `json:"sum"`
		Count  int    `json:"count"`
	}
	err := client.Intervention.Query().Where(which).
		GroupBy(intervention.FieldStatus).
		Aggregate(func(s *sql.Selector) string {
			return sql.As("COALESCE(SUM("+s.C(intervention.FieldCostCents)+"), 0)", "sum")
		}, ent.Count()).Scan(rule.SystemContext(ctx), &rows)
	var use interventionsUse
	if err != nil {
		return use, err
	}
	for _, r := range rows {
		if slices.Contains(domain.PendingInterventionStatuses, r.Status) {
			use.committed += r.Sum
		} else {
			use.spent += r.Sum
		}
		use.n += r.Count
	}
	return use, nil
}

// The reasons (extensions.reason) of amendFund's refusals on
// allocatedCents, for a client that says them in the user's language.
const (
	// BelowUsedReason: the amount is below what the fund's interventions
	// committed and spent (extensions.usedCents).
	BelowUsedReason = "BELOW_USED"
	// UnchangedReason: the amount is the one the fund already allocates.
	UnchangedReason = "UNCHANGED"
)

// AmendFund changes what a fund allocates, keeping the amount before and
// why: never below what its interventions committed and spent, never on a
// closed fund.
func AmendFund(ctx context.Context, id gid.ID, allocatedCents int64, reason string) (*ent.Fund, error) {
	a, f, reason, err := changeFund(ctx, id, reason, "say why the amount changes, e.g. the resolution that changed it")
	if err != nil {
		return nil, err
	}
	use, err := UseOf(ctx, a.Client, f)
	if err != nil {
		return nil, err
	}
	if used := use.CommittedCents + use.SpentCents; allocatedCents < used {
		err := fault.Invalidf("allocatedCents", "is less than what the fund's interventions committed and spent, %s", domain.Euros(used))
		err.Details = map[string]any{"reason": BelowUsedReason, "usedCents": used}
		return nil, err
	}
	if allocatedCents == f.AllocatedCents {
		err := fault.Invalidf("allocatedCents", "is the amount the fund already allocates")
		err.Details = map[string]any{"reason": UnchangedReason}
		return nil, err
	}
	if err := a.Client.FundAmendment.Create().SetFundID(f.ID).SetPreviousCents(f.AllocatedCents).SetAllocatedCents(allocatedCents).
		SetReason(reason).SetAmendedByID(a.Viewer.UserID).Exec(a.Sys); err != nil {
		return nil, err
	}
	if f, err = f.Update().SetAllocatedCents(allocatedCents).Save(a.Sys); err != nil {
		return nil, err
	}
	return f, a.Audit("AMEND_FUND", "Fund", f.ID)
}

// CloseFund closes a fund: nothing more is charged to it nor amended;
// what it paid stays.
func CloseFund(ctx context.Context, id gid.ID, reason string) (*ent.Fund, error) {
	a, f, reason, err := changeFund(ctx, id, reason, "say why the fund is closed")
	if err != nil {
		return nil, err
	}
	if f, err = f.Update().SetClosedOn(domain.Today()).SetClosureReason(reason).Save(a.Sys); err != nil {
		return nil, err
	}
	return f, a.Audit("CLOSE_FUND", "Fund", f.ID)
}

// changeFund starts a change of an open fund by the committee: the fund,
// locked where the database can, refused once closed, and the reason
// given, which every change needs (missing says so).
func changeFund(ctx context.Context, id gid.ID, reason, missing string) (*action.Action, *ent.Fund, string, error) {
	a, err := begin(ctx, committee...)
	if err != nil {
		return nil, nil, "", err
	}
	f, err := a.Client.Fund.Query().Where(fund.ID(id)).Modify(rule.ForUpdate).Only(a.Sys)
	if ent.IsNotFound(err) {
		return nil, nil, "", fault.Invalidf("id", "no such fund")
	}
	if err != nil {
		return nil, nil, "", err
	}
	if f.ClosedOn != nil {
		return nil, nil, "", &fault.Conflict{Message: fmt.Sprintf("the fund %q was closed on %s", f.Name, f.ClosedOn.Italian())}
	}
	if reason = strings.TrimSpace(reason); reason == "" {
		return nil, nil, "", fault.Invalidf("reason", "%s", missing)
	}
	return a, f, reason, nil
}
