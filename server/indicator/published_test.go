package indicator_test

import (
	"context"
	"errors"
	"fmt"
	"strings"
	"testing"
	"time"

	"github.com/progetto-win/win/domain"
	"github.com/progetto-win/win/domain/fault"
	"github.com/progetto-win/win/domain/viewer"
	"github.com/progetto-win/win/ent/organization"
	"github.com/progetto-win/win/ent/person"
	"github.com/progetto-win/win/ent/schema/rule"
	"github.com/progetto-win/win/server/indicator"
	"github.com/progetto-win/win/server/store"
	"github.com/progetto-win/win/server/store/storetest"
)

// TestPublishedToTheCommittee: the committee's period is whole months
// already over and its filters one value each; a median by gender with
// one small group withholds the other group too, since the total's
// persons minus the other's would give the small one.
func TestPublishedToTheCommittee(t *testing.T) {
	storetest.Each(t, func(t *testing.T, db *store.DB) {
		ctx := rule.SystemContext(context.Background())
		c := db.Client()
		org := c.Organization.Create().SetName("Comune").SetKind(organization.KindMunicipality).SaveX(ctx)
		tab := c.TerritorialTable.Create().SetName("Tavolo").SetCode("EMP").SaveX(ctx)
		for i := range 9 {
			g := person.GenderFemale
			if i < 2 {
				g = person.GenderMale
			}
			p := c.Person.Create().SetBirthYear(1980).SetGender(g).SetCitizenshipArea(person.CitizenshipAreaItaly).SaveX(ctx)
			referred := domain.NewDate(2025, 1, 2+i)
			c.CaseFile.Create().SetCode(fmt.Sprintf("EMP-2025-%04d", i+1)).SetPerson(p).SetTable(tab).SetReferringOrganization(org).
				SetReferredOn(referred).SetReferralReason("Prova").SetNeedAreas([]domain.NeedArea{domain.NeedIncome}).
				SetStatus("IN_CHARGE").SetTakenInChargeOn(referred.AddDays(3 + i)).ExecX(ctx)
		}
		src := &indicator.Source{DB: db.SQL, Dialect: db.Dialect, Client: c}
		vctx := viewer.NewContext(context.Background(), &viewer.Viewer{UserID: "usr_s", Roles: []domain.Role{domain.RoleSteering}})
		month := func(y int, m time.Month) *domain.Date {
			d := domain.NewDate(y, m, 1)
			return &d
		}
		day := domain.NewDate(2025, 1, 2)
		today := domain.Today()
		for _, tc := range []struct {
			name   string
			filter indicator.Filter
			field  string
		}{
			{"a day", indicator.Filter{From: &day, To: month(2025, 2)}, "from"},
			{"to a day", indicator.Filter{From: month(2025, 1), To: &day}, "to"},
			{"no end", indicator.Filter{From: month(2025, 1)}, "to"},
			{"this month", indicator.Filter{From: month(today.Year(), today.Month()), To: month(today.Year(), today.Month()+1)}, "to"},
			{"two genders", indicator.Filter{To: month(2025, 2), Genders: []person.Gender{person.GenderMale, person.GenderFemale}}, "genders"},
		} {
			var invalid *fault.Invalid
			if _, err := src.For(vctx, &tc.filter); !errors.As(err, &invalid) || invalid.Field != tc.field {
				t.Errorf("%s: %v, want it refused on %s", tc.name, err, tc.field)
			}
		}

		ix, err := src.For(vctx, &indicator.Filter{From: month(2025, 1), To: month(2025, 3)})
		if err != nil {
			t.Fatal(err)
		}
		r, err := ix.DaysToTakeChargeMedian(vctx, []indicator.Dimension{indicator.Gender})
		if err != nil {
			t.Fatal(err)
		}
		if r.Total.Suppressed || *r.Total.Persons != 9 || len(r.Cells) != 2 || !r.Cells[0].Suppressed || !r.Cells[1].Suppressed {
			t.Errorf("median by gender: total %+v, cells %+v %+v; want both genders withheld", r.Total, r.Cells[0], r.Cells[1])
		}
		if !strings.Contains(r.Definition, "whole calendar months already over") {
			t.Errorf("the definition does not state the committee's rule: %s", r.Definition)
		}
	})
}
