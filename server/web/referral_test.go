package web_test

import (
	"strings"
	"testing"

	"github.com/progetto-win/win/domain"
	"github.com/progetto-win/win/domain/gid"
	"github.com/progetto-win/win/ent/auditevent"
	"github.com/progetto-win/win/ent/casefile"
	"github.com/progetto-win/win/server/demo"
	"github.com/progetto-win/win/server/store"
	"github.com/progetto-win/win/server/store/storetest"
	"github.com/progetto-win/win/server/webtest"
)

// referredCase is what a referral answers, identity included when the
// referrer may read it.
type referredCase struct {
	ID     gid.ID `json:"id"`
	Person struct {
		ID       gid.ID `json:"id"`
		Identity *struct {
			LastName string  `json:"lastName"`
			TaxCode  *string `json:"taxCode"`
			Phone    *string `json:"phone"`
		} `json:"identity"`
	} `json:"person"`
}

const referForIdentity = `mutation($t: ID!, $p: NewPersonInput, $pid: ID, $pi: PersonIdentifiersInput) { referCase(input: {
	tableID: $t, reason: "Perdita del lavoro", needAreas: [EMPLOYMENT], channel: EMPLOYMENT_CENTRE, newPerson: $p, personID: $pid, personIdentifiers: $pi}) {
	id person { id identity { lastName taxCode phone email address } } } }`

// TestReferralOfAKnownPerson: linking a known person by personID needs the
// identifiers they were found by and tells the referrer nothing they did
// not bring; recording a new person lets the referrer read what they
// entered.
func TestReferralOfAKnownPerson(t *testing.T) {
	storetest.Each(t, func(t *testing.T, db *store.DB) {
		w := newWorld(t, db)
		taxCode := "BNCGNN80A41D403"
		taxCode += string(domain.TaxCodeCheckChar(taxCode))
		otherTaxCode := "BNCGNN80A42D403"
		otherTaxCode += string(domain.TaxCodeCheckChar(otherTaxCode))
		const phone = "+39 333 7654321"

		// Her only case was closed at the Empoli table.
		closed, _ := w.CaseIn(casefile.StatusClosed)
		pid := w.Client.CaseFile.Query().Where(casefile.ID(closed)).QueryPerson().OnlyIDX(w.Ctx)
		identityID := w.Client.PersonIdentity.Create().SetPersonID(pid).SetFirstName("Giovanna").SetLastName("Bianchi-Lò").
			SetTaxCode(taxCode).SetBirthDate(domain.NewDate(1980, 1, 1)).SetPhone(phone).
			SetEmail("giovanna@example.org").SetAddress("Via Roma 1").SaveX(w.Ctx).ID
		hidden := func(what string, r webtest.Response) {
			t.Helper()
			for _, s := range []string{"Bianchi", taxCode, phone, "giovanna@", "Via Roma"} {
				if strings.Contains(r.Raw, s) {
					t.Errorf("%s gives Vinci's operator %q: %s", what, s, r.Raw)
				}
			}
		}

		// Vinci's operator finds her by name, written their own way.
		var matches []struct {
			PersonID gid.ID `json:"personID"`
		}
		w.Vinci.Must(`query { findPersonMatches(lastName: "BIANCHI LO", firstName: "giovanna", birthDate: "1980-01-01") { personID } }`,
			nil, &matches)
		if len(matches) != 1 || matches[0].PersonID != pid {
			t.Fatalf("matches %+v, want %s", matches, pid)
		}

		cases := w.Client.CaseFile.Query().CountX(w.Ctx)
		links := func() int {
			return w.Client.AuditEvent.Query().Where(auditevent.Action("LINK_PERSON")).CountX(w.Ctx)
		}
		for name, given := range map[string]map[string]any{
			"no identifiers":     nil,
			"a surname alone":    {"lastName": "Bianchi-Lò"},
			"another birth date": {"lastName": "Bianchi-Lò", "firstName": "Giovanna", "birthDate": "1980-01-02"},
			"another first name": {"lastName": "Bianchi-Lò", "firstName": "Giovanni", "birthDate": "1980-01-01"},
			"another tax code":   {"taxCode": otherTaxCode},
		} {
			r := w.Vinci.Send(referForIdentity, map[string]any{"t": w.Empoli, "pid": pid, "pi": given}, nil)
			webtest.Refused(t, r, "BAD_USER_INPUT", "personIdentifiers")
			hidden(name, r)
		}
		if got := w.Client.CaseFile.Query().CountX(w.Ctx); got != cases || links() != 0 {
			t.Fatalf("refused links wrote %d cases (was %d) and %d LINK_PERSON events", got, cases, links())
		}

		// The names she was found by: the referral is done, her identity
		// is not in the answer, nor behind any ID it gives.
		var linked referredCase
		r := w.Vinci.Send(referForIdentity, map[string]any{"t": w.Empoli, "pid": pid,
			"pi": map[string]any{"lastName": "BIANCHI LO", "firstName": "giovanna", "birthDate": "1980-01-01"}}, &linked)
		if len(r.Errors) > 0 || linked.ID == "" || linked.Person.ID != pid {
			t.Fatalf("the link is not done: %s", r.Raw)
		}
		if linked.Person.Identity != nil {
			t.Errorf("the referral answers her identity: %+v", *linked.Person.Identity)
		}
		hidden("referCase", r)
		if c := w.Client.CaseFile.GetX(w.Ctx, linked.ID); c.Status != casefile.StatusReferred || c.ReferrerEnteredIdentity {
			t.Errorf("linked case: %s, referrer entered the identity %v", c.Status, c.ReferrerEnteredIdentity)
		}
		for _, read := range []struct {
			what  string
			id    gid.ID
			query string
		}{
			{"the case", linked.ID, `query($id: ID!) { node(id: $id) { ... on Case { person { pseudonym identity { lastName taxCode phone } } } } }`},
			{"the person", pid, `query($id: ID!) { node(id: $id) { ... on Person { pseudonym identity { lastName taxCode phone } } } }`},
		} {
			id := read.id
			var seen struct {
				Node *struct {
					Pseudonym string
					Person    *struct{ Pseudonym string }
					Identity  *struct{ LastName string }
				}
			}
			r := w.Vinci.Post(read.query, map[string]any{"id": id})
			hidden(read.what, r)
			w.Vinci.OK(read.query, map[string]any{"id": id}, &seen)
			if seen.Node == nil || seen.Node.Pseudonym == "" && (seen.Node.Person == nil || seen.Node.Person.Pseudonym == "") {
				t.Errorf("Vinci's operator does not see %s they referred: %s", read.what, r.Raw)
			}
		}
		hidden("the identity", w.Vinci.Post(`query($id: ID!) { node(id: $id) { ... on PersonIdentity { lastName taxCode phone } } }`,
			map[string]any{"id": identityID}))

		// The table now holding her open case reads her identity, as before.
		var atTable struct {
			Node struct {
				Person struct{ Identity *struct{ LastName string } }
			}
		}
		w.Op.OK(`query($id: ID!) { node(id: $id) { ... on Case { person { identity { lastName } } } } }`, map[string]any{"id": linked.ID}, &atTable)
		if atTable.Node.Person.Identity == nil || atTable.Node.Person.Identity.LastName != "Bianchi-Lò" {
			t.Errorf("Empoli's operator does not read the identity of the case at their table: %+v", atTable)
		}

		// The link is in her access report, by Vinci's operator.
		var report struct {
			IdentityAccessReport []struct {
				Action string
				Actor  struct{ Email string }
			}
		}
		webtest.As(t, w.Base, demo.AdminEmail).OK(`query($id: ID!) { identityAccessReport(personID: $id) { action actor { email } } }`,
			map[string]any{"id": pid}, &report)
		var linkers []string
		for _, e := range report.IdentityAccessReport {
			if e.Action == "LINK_PERSON" {
				linkers = append(linkers, e.Actor.Email)
			}
		}
		if len(linkers) != 1 || linkers[0] != demo.OperatorVinciEmail {
			t.Errorf("the access report names the link by %v: %+v", linkers, report)
		}

		// A new person referred to Empoli by Vinci's operator: they read
		// what they entered, in the answer and afterwards.
		var fresh referredCase
		w.Vinci.Must(referForIdentity, map[string]any{"t": w.Empoli, "p": map[string]any{"firstName": "Elena", "lastName": "Verdi",
			"birthDate": "1975-05-05", "gender": "FEMALE", "citizenshipArea": "ITALY", "phone": phone}}, &fresh)
		if fresh.Person.Identity == nil || fresh.Person.Identity.LastName != "Verdi" || fresh.Person.Identity.Phone == nil || *fresh.Person.Identity.Phone != phone {
			t.Errorf("the referrer of a new person does not read what they entered: %+v", fresh.Person.Identity)
		}
		var later struct {
			Node struct{ Identity *struct{ LastName string } }
		}
		w.Vinci.OK(`query($id: ID!) { node(id: $id) { ... on Person { identity { lastName } } } }`, map[string]any{"id": fresh.Person.ID}, &later)
		if later.Node.Identity == nil || later.Node.Identity.LastName != "Verdi" {
			t.Errorf("the referrer of a new person no longer reads it: %+v", later)
		}
	})
}
