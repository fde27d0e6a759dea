package governance_test

import (
	"context"
	"fmt"
	"testing"
	"time"

	"github.com/progetto-win/win/domain"
	"github.com/progetto-win/win/domain/gid"
	"github.com/progetto-win/win/domain/viewer"
	"github.com/progetto-win/win/ent"
	"github.com/progetto-win/win/ent/objective"
	"github.com/progetto-win/win/ent/organization"
	"github.com/progetto-win/win/ent/person"
	"github.com/progetto-win/win/ent/protocolcommitment"
	"github.com/progetto-win/win/ent/schema/rule"
	"github.com/progetto-win/win/server/governance"
	"github.com/progetto-win/win/server/indicator"
	"github.com/progetto-win/win/server/store"
	"github.com/progetto-win/win/server/store/storetest"
)

func day(y int, m time.Month, d int) domain.Date { return domain.NewDate(y, m, d) }

// TestObjectiveEvaluation evaluates objectives on known data: twelve
// referrals in 2025, on the 10th of each month, taken in charge after 10,
// 12, … 32 days.
func TestObjectiveEvaluation(t *testing.T) {
	storetest.Each(t, func(t *testing.T, db *store.DB) {
		ctx := rule.SystemContext(context.Background())
		c := db.Client()
		org := c.Organization.Create().SetName("Comune").SetKind(organization.KindMunicipality).SaveX(ctx)
		tab := c.TerritorialTable.Create().SetName("Tavolo").SetCode("EMP").SaveX(ctx)
		for i := range 12 {
			p := c.Person.Create().SetBirthYear(1980).SetGender(person.GenderMale).SetCitizenshipArea(person.CitizenshipAreaItaly).SaveX(ctx)
			referred := day(2025, time.Month(1+i), 10)
			c.CaseFile.Create().SetCode(fmt.Sprintf("EMP-2025-%04d", i+1)).SetPerson(p).SetTable(tab).SetReferringOrganization(org).
				SetReferredOn(referred).SetReferralReason("Prova").SetNeedAreas([]domain.NeedArea{domain.NeedIncome}).
				SetStatus("IN_CHARGE").SetTakenInChargeOn(referred.AddDays(10 + 2*i)).ExecX(ctx)
		}
		src := &indicator.Source{DB: db.SQL, Dialect: db.Dialect, Client: c}
		// A coordinator of the table: evaluated over the period so far, day
		// by day. The committee and analysts see whole months already over
		// (TestObjectiveEvaluationPublished).
		coordinator := c.User.Create().SetEmail("c@prova.example").SetName("C").SetRoles([]domain.Role{domain.RoleCoordinator}).SetOrganization(org).SaveX(ctx)
		vctx := viewer.NewContext(context.Background(), &viewer.Viewer{UserID: coordinator.ID, Roles: coordinator.Roles, Coordinates: []gid.ID{tab.ID}})
		objectiveOf := func(ind objective.Indicator, target float64, lower bool, from, to domain.Date) *ent.Objective {
			return c.Objective.Create().SetTitle("Obiettivo").SetIndicator(ind).SetTarget(target).SetLowerIsBetter(lower).
				SetPeriodStart(from).SetPeriodEnd(to).AddTableIDs(tab.ID).SaveX(ctx)
		}
		for _, tc := range []struct {
			name     string
			o        *ent.Objective
			now      domain.Date
			value    float64
			expected float64
			status   governance.ObjectiveStatus
		}{
			{"referrals met", objectiveOf(objective.IndicatorReferrals, 12, false, day(2025, 1, 1), day(2025, 12, 31)), day(2026, 3, 1), 12, 12, governance.OnTrack},
			{"referrals missed", objectiveOf(objective.IndicatorReferrals, 13, false, day(2025, 1, 1), day(2025, 12, 31)), day(2026, 3, 1), 12, 13, governance.Missed},
			// On 1 July 2025, 181 of 365 days are gone: 6 referrals so far
			// against 12 × 181/365 = 5.95 due.
			{"referrals pro rata", objectiveOf(objective.IndicatorReferrals, 12, false, day(2025, 1, 1), day(2025, 12, 31)), day(2025, 6, 30), 6, 12 * 181.0 / 365, governance.OnTrack},
			{"referrals behind", objectiveOf(objective.IndicatorReferrals, 24, false, day(2025, 1, 1), day(2025, 12, 31)), day(2025, 6, 30), 6, 24 * 181.0 / 365, governance.AtRisk},
			// Days to take charge: 10, 12, … 30 in 2025 (the twelfth, 32 days,
			// falls in January 2026); median 20.
			{"median under a ceiling", objectiveOf(objective.IndicatorDaysToTakeChargeMedian, 20, true, day(2025, 1, 1), day(2025, 12, 31)), day(2026, 1, 5), 20, 20, governance.OnTrack},
			{"median over a ceiling", objectiveOf(objective.IndicatorDaysToTakeChargeMedian, 19, true, day(2025, 1, 1), day(2025, 12, 31)), day(2026, 1, 5), 20, 19, governance.Missed},
		} {
			e, err := governance.Evaluate(vctx, src, tc.o, tc.now.Start())
			if err != nil {
				t.Fatalf("%s: %v", tc.name, err)
			}
			if e.Value == nil || *e.Value != tc.value || fmt.Sprintf("%.6f", e.Expected) != fmt.Sprintf("%.6f", tc.expected) || e.Status != tc.status {
				var got any = e.Value
				if e.Value != nil {
					got = *e.Value
				}
				t.Errorf("%s: value %v expected %v status %s, want %v %v %s", tc.name, got, e.Expected, e.Status, tc.value, tc.expected, tc.status)
			}
		}
	})
}

// TestObjectiveEvaluationPublished: for the committee and analysts an
// objective is evaluated over the whole months already over within its
// period, never refused; one whose filters are not a published category,
// or whose value is about fewer than 5 persons, is WITHHELD, so two
// objectives cannot be subtracted into a withheld value. Same data as
// TestObjectiveEvaluation: a referral on the 10th of each month of 2025.
func TestObjectiveEvaluationPublished(t *testing.T) {
	storetest.Each(t, func(t *testing.T, db *store.DB) {
		ctx := rule.SystemContext(context.Background())
		c := db.Client()
		org := c.Organization.Create().SetName("Comune").SetKind(organization.KindMunicipality).SaveX(ctx)
		tab := c.TerritorialTable.Create().SetName("Tavolo").SetCode("EMP").SaveX(ctx)
		other := c.TerritorialTable.Create().SetName("Altro tavolo").SetCode("HOU").SaveX(ctx)
		town := c.Municipality.Create().SetName("Comune").SetIstatCode("048001").SetPopulation(1000).SaveX(ctx)
		for i := range 12 {
			p := c.Person.Create().SetBirthYear(1980).SetGender(person.GenderMale).SetCitizenshipArea(person.CitizenshipAreaItaly).SaveX(ctx)
			referred := day(2025, time.Month(1+i), 10)
			c.CaseFile.Create().SetCode(fmt.Sprintf("EMP-2025-%04d", i+1)).SetPerson(p).SetTable(tab).SetReferringOrganization(org).
				SetReferredOn(referred).SetReferralReason("Prova").SetNeedAreas([]domain.NeedArea{domain.NeedIncome}).
				SetStatus("IN_CHARGE").SetTakenInChargeOn(referred.AddDays(10 + 2*i)).ExecX(ctx)
		}
		src := &indicator.Source{DB: db.SQL, Dialect: db.Dialect, Client: c}
		objectiveOf := func(target float64, from, to domain.Date, tables ...gid.ID) *ent.Objective {
			return c.Objective.Create().SetTitle("Obiettivo").SetIndicator(objective.IndicatorReferrals).SetTarget(target).
				SetPeriodStart(from).SetPeriodEnd(to).AddTableIDs(tables...).SaveX(ctx)
		}
		year := objectiveOf(12, day(2025, 1, 1), day(2025, 12, 31), tab.ID)
		threeDimensions := c.Objective.Create().SetTitle("Obiettivo").SetIndicator(objective.IndicatorReferrals).SetTarget(12).
			SetPeriodStart(day(2025, 1, 1)).SetPeriodEnd(day(2025, 12, 31)).AddTableIDs(tab.ID).AddMunicipalityIDs(town.ID).
			SetNeedAreas([]domain.NeedArea{domain.NeedIncome}).SaveX(ctx)
		for _, role := range []domain.Role{domain.RoleSteering, domain.RoleAnalyst} {
			u := c.User.Create().SetEmail(fmt.Sprintf("%s@prova.example", role)).SetName("S").SetRoles([]domain.Role{role}).SetOrganization(org).SaveX(ctx)
			vctx := viewer.NewContext(context.Background(), &viewer.Viewer{UserID: u.ID, Roles: u.Roles})
			for _, tc := range []struct {
				name     string
				o        *ent.Objective
				now      domain.Date
				value    float64 // -1: none
				expected float64
				status   governance.ObjectiveStatus
				asOf     domain.Date
			}{
				// On 30 June June is under way: January to May, 151 of 365
				// days, 5 referrals against 12 × 151/365 = 4.96 due. June's
				// referral of the 10th is not counted.
				{"in progress", year, day(2025, 6, 30), 5, 12 * 151.0 / 365, governance.OnTrack, day(2025, 5, 31)},
				// On 1 July June is over: as a coordinator saw it on 30 June.
				{"June over", year, day(2025, 7, 1), 6, 12 * 181.0 / 365, governance.OnTrack, day(2025, 6, 30)},
				{"year over", year, day(2026, 3, 1), 12, 12, governance.OnTrack, day(2025, 12, 31)},
				// From 15 January: February to July, 181 of 351 days.
				{"first whole month", objectiveOf(12, day(2025, 1, 15), day(2025, 12, 31), tab.ID), day(2025, 8, 15), 6, 12 * 181.0 / 351,
					governance.AtRisk, day(2025, 7, 31)},
				// To 20 June, over: January to May, 151 of 171 days.
				{"last whole month", objectiveOf(12, day(2025, 1, 1), day(2025, 6, 20), tab.ID), day(2026, 1, 1), 5, 12 * 151.0 / 171,
					governance.Missed, day(2025, 5, 31)},
				// February to May: 4 referrals, about fewer than 5 persons.
				{"few persons", objectiveOf(12, day(2025, 1, 15), day(2025, 12, 31), tab.ID), day(2025, 6, 30), -1, 12 * 120.0 / 351,
					governance.Withheld, day(2025, 5, 31)},
				{"no whole month over", objectiveOf(12, day(2025, 6, 1), day(2025, 12, 31), tab.ID), day(2025, 6, 20), -1, 0,
					governance.NotEnoughData, day(2025, 6, 20)},
				{"no whole month in the period", objectiveOf(12, day(2025, 6, 5), day(2025, 7, 20), tab.ID), day(2025, 9, 1), -1, 0,
					governance.NotEnoughData, day(2025, 7, 20)},
				// Two tables: this objective minus one of the table alone
				// would be the other table's referrals, however few.
				{"several tables", objectiveOf(12, day(2025, 1, 1), day(2025, 12, 31), tab.ID, other.ID), day(2026, 3, 1), -1, 0,
					governance.Withheld, day(2025, 12, 31)},
				{"three dimensions", threeDimensions, day(2026, 3, 1), -1, 0, governance.Withheld, day(2025, 12, 31)},
			} {
				e, err := governance.Evaluate(vctx, src, tc.o, tc.now.Start())
				if err != nil {
					t.Fatalf("%s, %s: %v", role, tc.name, err)
				}
				var got any = e.Value
				if e.Value != nil {
					got = *e.Value
				}
				if (tc.value < 0) != (e.Value == nil) || e.Value != nil && *e.Value != tc.value || e.Status != tc.status ||
					fmt.Sprintf("%.6f", e.Expected) != fmt.Sprintf("%.6f", tc.expected) || e.AsOf != tc.asOf {
					t.Errorf("%s, %s: value %v expected %v status %s as of %s, want %v %v %s %s", role, tc.name, got, e.Expected, e.Status,
						e.AsOf, tc.value, tc.expected, tc.status, tc.asOf)
				}
			}
		}
	})
}

// TestCommitmentLateness: an open commitment turns LATE the day after it
// falls due, in Italian time; a fulfilled one never does.
func TestCommitmentLateness(t *testing.T) {
	due := day(2026, 3, 31)
	open := &ent.ProtocolCommitment{Status: protocolcommitment.StatusOpen, DueOn: &due}
	done := &ent.ProtocolCommitment{Status: protocolcommitment.StatusDone, DueOn: &due}
	for _, tc := range []struct {
		now  time.Time
		c    *ent.ProtocolCommitment
		want protocolcommitment.Status
	}{
		{time.Date(2026, 3, 31, 23, 59, 0, 0, domain.Rome), open, protocolcommitment.StatusOpen},
		{time.Date(2026, 3, 31, 22, 30, 0, 0, time.UTC), open, protocolcommitment.StatusLate}, // 00:30 on 1 April in Rome
		{time.Date(2026, 4, 1, 0, 0, 0, 0, domain.Rome), open, protocolcommitment.StatusLate},
		{time.Date(2026, 5, 1, 0, 0, 0, 0, domain.Rome), done, protocolcommitment.StatusDone},
	} {
		if got := governance.CurrentCommitmentStatus(tc.c, tc.now); got != tc.want {
			t.Errorf("%s, %s: %s, want %s", tc.c.Status, tc.now, got, tc.want)
		}
	}
}
