package web_test

import (
	"testing"

	"github.com/progetto-win/win/domain"
	"github.com/progetto-win/win/domain/gid"
	"github.com/progetto-win/win/ent/casefile"
	"github.com/progetto-win/win/ent/intervention"
	"github.com/progetto-win/win/server/store"
	"github.com/progetto-win/win/server/store/storetest"
	"github.com/progetto-win/win/server/webtest"
)

const addYouthGuarantee = `mutation($id: ID!, $v: Int!, $o: ID!, $d: Date!) { addIntervention(id: $id, version: $v, input: {
	kind: YOUTH_GUARANTEE_TRAINEESHIP, providerID: $o, startsOn: $d}) { id kind startsOn } }`

// TestYouthGuaranteeAges: a Youth Guarantee traineeship is for a person
// aged 15 to 29 on its start date, by whatever path it is written; the
// refusal names no age, and writes nothing.
func TestYouthGuaranteeAges(t *testing.T) {
	storetest.Each(t, func(t *testing.T, db *store.DB) {
		w := newWorld(t, db)
		today := domain.Today()
		id, _ := w.CaseIn(casefile.StatusInCharge)
		// Thirty in ten days.
		born := today.AddDate(-30, 0, 10)
		per := w.Client.CaseFile.Query().Where(casefile.ID(id)).QueryPerson().OnlyX(w.Ctx)
		w.Client.PersonIdentity.Create().SetPerson(per).SetFirstName("Giulia").SetLastName("Neri").SetBirthDate(born).ExecX(w.Ctx)
		count := func() int {
			return w.Client.Intervention.Query().Where(intervention.HasCaseWith(casefile.ID(id)),
				intervention.KindEQ(intervention.KindYouthGuaranteeTraineeship)).CountX(w.Ctx)
		}

		r := w.Op.Send(addYouthGuarantee, map[string]any{"id": id, "v": w.Snapshot(id).Version, "o": w.Provider,
			"d": today.AddDays(10).String()}, nil)
		webtest.Refused(t, r, "BAD_USER_INPUT", "kind")
		// The rule, and nothing of the person: not their age.
		if msg, want := r.Errors[0].Message, "kind: "+domain.YouthGuaranteeRefusal(today.AddDays(10)); msg != want {
			t.Errorf("refused with %q, want %q", msg, want)
		}
		if n := count(); n != 0 {
			t.Errorf("a refused traineeship was written: %d", n)
		}

		var got struct{ ID gid.ID }
		w.Op.Must(addYouthGuarantee, map[string]any{"id": id, "v": w.Snapshot(id).Version, "o": w.Provider,
			"d": today.AddDays(9).String()}, &got)
		if n := count(); n != 1 {
			t.Fatalf("the traineeship starting on the last day of the 29th year: %d written", n)
		}

		// The rule is the data's: a write outside the API is refused too.
		if err := w.Client.Intervention.UpdateOneID(got.ID).SetStartsOn(today.AddDays(10)).Exec(w.Ctx); err == nil {
			t.Error("moving the start past the 30th birthday was accepted")
		}
		if err := w.Client.Intervention.Create().SetCaseID(id).SetProviderID(w.Provider).
			SetKind(intervention.KindYouthGuaranteeTraineeship).SetStartsOn(born.AddDate(14, 11, 0)).Exec(w.Ctx); err == nil {
			t.Error("a traineeship for a 14-year-old was accepted")
		}
		// Other kinds have no age.
		w.Op.Must(`mutation($id: ID!, $v: Int!, $o: ID!, $d: Date!) { addIntervention(id: $id, version: $v, input: {
			kind: INTERNSHIP, providerID: $o, startsOn: $d}) { id } }`,
			map[string]any{"id": id, "v": w.Snapshot(id).Version, "o": w.Provider, "d": today.AddDays(30).String()}, nil)

		// Without a birth date (the identity erased), it cannot be checked.
		other, _ := w.CaseIn(casefile.StatusInCharge)
		webtest.Refused(t, w.Op.Send(addYouthGuarantee, map[string]any{"id": other, "v": w.Snapshot(other).Version, "o": w.Provider,
			"d": today.String()}, nil), "BAD_USER_INPUT", "kind")
	})
}

// TestReferralChannel: a referral says where it comes from; the case
// keeps it for the lists and filters.
func TestReferralChannel(t *testing.T) {
	storetest.Each(t, func(t *testing.T, db *store.DB) {
		w := newWorld(t, db)
		const refer = `mutation($t: ID!, $c: ReferralChannel!) { referCase(input: {tableID: $t, reason: "Sfratto", needAreas: [HOUSING],
			channel: $c, newPerson: {firstName: "Elsa", lastName: "Canale", birthDate: "1975-05-05", gender: FEMALE,
			citizenshipArea: ITALY}}) { id referralChannel } }`
		var c struct {
			ID              gid.ID
			ReferralChannel string
		}
		const fromCentre = `{ cases(first: 1, where: {referralChannel: EMPLOYMENT_CENTRE}) { totalCount } }`
		before := w.Op.Count(fromCentre, nil)
		w.Op.Must(refer, map[string]any{"t": w.Empoli, "c": "EMPLOYMENT_CENTRE"}, &c)
		if c.ReferralChannel != "EMPLOYMENT_CENTRE" {
			t.Errorf("the case says it came from %q", c.ReferralChannel)
		}
		if r := w.Op.Send(refer, map[string]any{"t": w.Empoli, "c": "TELEPATHY"}, nil); len(r.Errors) == 0 {
			t.Errorf("a referral from an unknown channel was accepted: %s", r.Raw)
		}
		if n := w.Op.Count(fromCentre, nil); n != before+1 {
			t.Errorf("%d cases from the employment centre, want %d", n, before+1)
		}
	})
}
