package web_test

import (
	"testing"

	"github.com/progetto-win/win/domain"
	"github.com/progetto-win/win/domain/gid"
	"github.com/progetto-win/win/ent/casefile"
	"github.com/progetto-win/win/ent/fund"
	"github.com/progetto-win/win/ent/municipality"
	"github.com/progetto-win/win/ent/organization"
	"github.com/progetto-win/win/ent/schema/rule"
	"github.com/progetto-win/win/server/demo"
	"github.com/progetto-win/win/server/governance"
	"github.com/progetto-win/win/server/store"
	"github.com/progetto-win/win/server/store/storetest"
	"github.com/progetto-win/win/server/webtest"
)

const (
	chargeTo = `mutation($id: ID!, $v: Int!, $o: ID!, $f: ID!, $d: Date!) { addIntervention(id: $id, version: $v, input: {
		kind: HOUSING_SUPPORT, providerID: $o, startsOn: $d, costCents: 10000, fundID: $f}) { id fund { id } } }`
	amendFund = `mutation($id: ID!, $c: Int!, $r: String!) { amendFund(id: $id, allocatedCents: $c, reason: $r) {
		id allocatedCents amendments { previousCents allocatedCents reason amendedBy { id } } } }`
	closeFund = `mutation($id: ID!, $r: String!) { closeFund(id: $id, reason: $r) { id closedOn closureReason } }`
)

// TestFundsFromEverySource: a fund belongs to a municipality, the Union or
// another body; a municipality's fund pays for its residents only, one of
// no municipality for anyone; the committee amends an amount saying why,
// never below what is used, and closes a fund, which then takes nothing
// more.
func TestFundsFromEverySource(t *testing.T) {
	storetest.Each(t, func(t *testing.T, db *store.DB) {
		w := newWorld(t, db)
		sys := rule.SystemContext(w.Ctx)
		steering := webtest.As(t, w.Base, demo.SteeringEmail)
		year := domain.Today().Year()
		empoli := w.Client.Municipality.Query().Where(municipality.Name("Empoli")).OnlyX(sys)
		vinci := w.Client.Municipality.Query().Where(municipality.Name("Vinci")).OnlyX(sys)
		union := w.Client.Organization.Query().Where(organization.KindEQ(organization.KindUnionOfMunicipalities)).OnlyIDX(sys)
		empoliFund := w.Client.Fund.Query().Where(fund.Year(year), fund.HasMunicipalityWith(municipality.ID(empoli.ID))).OnlyX(sys)

		// The committee records the Region's money, for the whole network.
		var region struct{ ID gid.ID }
		steering.Must(`mutation($o: ID!, $y: Int!) { createFund(input: {name: "Fondo regionale povertà", year: $y, source: REGION,
			allocatedCents: 2000000, ownerID: $o}) { id } }`, map[string]any{"o": union, "y": year}, &region)
		if r := steering.Send(`mutation($y: Int!) { createFund(input: {name: "Senza titolare", year: $y, allocatedCents: 100}) { id } }`,
			map[string]any{"y": year}, nil); len(r.Errors) == 0 {
			t.Errorf("a fund without an owner was created: %s", r.Raw)
		}

		// A resident of Vinci: not from Empoli's fund; from Vinci's, the
		// Union's or the Region's.
		id, _ := w.CaseIn(casefile.StatusInCharge)
		w.Client.CaseFile.GetX(sys, id).QueryPerson().OnlyX(sys).Update().SetMunicipality(vinci).ExecX(sys)
		charge := func(f gid.ID) webtest.Response {
			return w.Op.Send(chargeTo, map[string]any{"id": id, "v": w.Snapshot(id).Version, "o": w.Provider, "f": f,
				"d": domain.Today().String()}, nil)
		}
		webtest.Refused(t, charge(empoliFund.ID), "BAD_USER_INPUT", "fundID")
		if n := w.Client.CaseFile.GetX(sys, id).QueryInterventions().CountX(sys); n != 0 {
			t.Errorf("the refused charge wrote %d interventions", n)
		}
		vinciFund := w.Client.Fund.Query().Where(fund.Year(year), fund.HasMunicipalityWith(municipality.ID(vinci.ID))).OnlyIDX(sys)
		for _, f := range []gid.ID{vinciFund, w.Fund, region.ID} {
			if r := charge(f); len(r.Errors) > 0 {
				t.Errorf("charging a fund that covers a resident of Vinci: %s", r.Raw)
			}
		}
		// A person whose residence is not recorded: only funds of no
		// municipality.
		other, _ := w.CaseIn(casefile.StatusInCharge)
		webtest.Refused(t, w.Op.Send(chargeTo, map[string]any{"id": other, "v": w.Snapshot(other).Version, "o": w.Provider,
			"f": vinciFund, "d": domain.Today().String()}, nil), "BAD_USER_INPUT", "fundID")

		// Amending: the committee, saying why, not below what is used.
		webtest.Refused(t, w.Coord.Send(amendFund, map[string]any{"id": region.ID, "c": 3000000, "r": "Delibera"}, nil), "FORBIDDEN", "")
		webtest.Refused(t, steering.Send(amendFund, map[string]any{"id": region.ID, "c": 3000000, "r": " "}, nil), "BAD_USER_INPUT", "reason")
		below := steering.Send(amendFund, map[string]any{"id": region.ID, "c": 9999, "r": "Taglio"}, nil)
		webtest.Refused(t, below, "BAD_USER_INPUT", "allocatedCents")
		// Told apart by its reason, with what is used, for the web app to say it.
		if ext := below.Errors[0].Extensions; ext["reason"] != governance.BelowUsedReason || ext["usedCents"] == nil {
			t.Errorf("below what is used: extensions %v", ext)
		}
		same := steering.Send(amendFund, map[string]any{"id": region.ID, "c": 2000000, "r": "Nessuna variazione"}, nil)
		webtest.Refused(t, same, "BAD_USER_INPUT", "allocatedCents")
		if reason := same.Errors[0].Extensions["reason"]; reason != governance.UnchangedReason {
			t.Errorf("the same amount: reason %v", reason)
		}
		var amended struct {
			AllocatedCents int
			Amendments     []struct {
				PreviousCents, AllocatedCents int
				Reason                        string
				AmendedBy                     *struct{ ID gid.ID }
			}
		}
		steering.Must(amendFund, map[string]any{"id": region.ID, "c": 3000000, "r": "Delibera regionale n. 12"}, &amended)
		if a := amended.Amendments; amended.AllocatedCents != 3000000 || len(a) != 1 || a[0].PreviousCents != 2000000 ||
			a[0].AllocatedCents != 3000000 || a[0].Reason != "Delibera regionale n. 12" {
			t.Errorf("amended: %+v", amended)
		}
		if r := steering.Send(`mutation($id: ID!) { updateFund(id: $id, input: {allocatedCents: 1}) { id } }`,
			map[string]any{"id": region.ID}, nil); len(r.Errors) == 0 {
			t.Error("updateFund changed the amount without a reason")
		}

		// Closed: nothing more charged nor amended; what it paid stays.
		var closed struct {
			ClosedOn      *string
			ClosureReason string
		}
		steering.Must(closeFund, map[string]any{"id": region.ID, "r": "Esercizio chiuso"}, &closed)
		if closed.ClosedOn == nil || *closed.ClosedOn != domain.Today().String() || closed.ClosureReason != "Esercizio chiuso" {
			t.Errorf("closed: %+v", closed)
		}
		webtest.Refused(t, charge(region.ID), "BAD_USER_INPUT", "fundID")
		webtest.Refused(t, steering.Send(amendFund, map[string]any{"id": region.ID, "c": 4000000, "r": "Ancora"}, nil), "CONFLICT", "")
		webtest.Refused(t, steering.Send(closeFund, map[string]any{"id": region.ID, "r": "Di nuovo"}, nil), "CONFLICT", "")
		if n := w.Client.Fund.GetX(sys, region.ID).QueryInterventions().CountX(sys); n != 1 {
			t.Errorf("the closed fund pays for %d interventions, want the 1 charged before", n)
		}
	})
}
