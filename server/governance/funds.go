package governance

import (
	"context"
	"slices"

	"entgo.io/ent/dialect/sql"

	"github.com/progetto-win/win/domain"
	"github.com/progetto-win/win/ent"
	"github.com/progetto-win/win/ent/fund"
	"github.com/progetto-win/win/ent/intervention"
	"github.com/progetto-win/win/ent/schema/rule"
)

// FundUse is what a fund's interventions committed and spent, and what is
// left, in cents: derived from the interventions, never typed twice.
type FundUse struct {
	CommittedCents, SpentCents, AvailableCents int64
}

// UseOf sums a fund's interventions by status, in one query, as the
// system: totals of money identify nobody, and must not shrink to the
// interventions the viewer may see.
func UseOf(ctx context.Context, client *ent.Client, f *ent.Fund) (*FundUse, error) {
	var rows []struct {
		Status string `json:"status"`
		Sum    int64  `json:"sum"`
	}
	err := client.Intervention.Query().Where(intervention.HasFundWith(fund.ID(f.ID))).
		GroupBy(intervention.FieldStatus).
		Aggregate(func(s *sql.Selector) string {
			return sql.As("COALESCE(SUM("+s.C(intervention.FieldCostCents)+"), 0)", "sum")
		}).Scan(rule.SystemContext(ctx), &rows)
	if err != nil {
		return nil, err
	}
	use := &FundUse{}
	for _, r := range rows {
		if slices.Contains(domain.PendingInterventionStatuses, r.Status) {
			use.CommittedCents += r.Sum
		} else {
			use.SpentCents += r.Sum
		}
	}
	use.AvailableCents = f.AllocatedCents - use.CommittedCents - use.SpentCents
	return use, nil
}
