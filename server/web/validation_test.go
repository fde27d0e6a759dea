package web_test

import (
	"context"
	"errors"
	"log/slog"
	"strings"
	"testing"

	"github.com/progetto-win/win/ent/schema/rule"

	"github.com/progetto-win/win/domain"
	"github.com/progetto-win/win/domain/gid"
	"github.com/progetto-win/win/ent"
	"github.com/progetto-win/win/ent/organization"
	"github.com/progetto-win/win/server/store"
	"github.com/progetto-win/win/server/store/storetest"
	"github.com/progetto-win/win/server/web"
	"github.com/progetto-win/win/server/webtest"
)

func organizationKind(k string) organization.Kind { return organization.Kind(k) }

// TestValidationErrors sends bad input through the API: each is refused
// with BAD_USER_INPUT naming the field, and nothing is written.
func TestValidationErrors(t *testing.T) {
	storetest.Each(t, func(t *testing.T, db *store.DB) {
		a := webtest.NewAPI(t, db)
		f := webtest.SeedOneOfEach(t, a.Client)
		ctx := rule.SystemContext(context.Background())
		protocols := a.Client.Protocol.Query().CountX(ctx)
		funds := a.Client.Fund.Query().CountX(ctx)
		municipalities := a.Client.Municipality.Query().CountX(ctx)

		for _, tc := range []struct {
			name, query, code, field string
			vars                     map[string]any
		}{
			{"end before start", `mutation { createProtocol(input: {title: "P", validFrom: "2026-06-01", validUntil: "2026-01-01"}) { id } }`,
				"BAD_USER_INPUT", "validUntil", nil},
			{"end moved before stored start", `mutation($id: ID!) { a: updateProtocol(id: $id, input: {validFrom: "2026-06-01"}) { id }
				b: updateProtocol(id: $id, input: {validUntil: "2026-01-01"}) { id } }`,
				"BAD_USER_INPUT", "validUntil", map[string]any{"id": f["Protocol"]}},
			{"bad ISTAT code", `mutation { createMunicipality(input: {name: "Nowhere", istatCode: "48A", population: 10}) { id } }`,
				"BAD_USER_INPUT", "istatCode", nil},
			{"negative population", `mutation { createMunicipality(input: {name: "Nowhere", istatCode: "048999", population: -1}) { id } }`,
				"BAD_USER_INPUT", "population", nil},
			{"missing municipality", `mutation($m: ID!, $o: ID!) { createFund(input: {name: "F", year: 2026, allocatedCents: 100, ownerID: $o, municipalityID: $m}) { id } }`,
				"BAD_USER_INPUT", "", map[string]any{"m": gid.New("mun"), "o": f["Organization"]}},
			{"duplicate name", `mutation { createMunicipality(input: {name: "Empoli", istatCode: "048998", population: 10}) { id } }`,
				"CONFLICT", "", nil},
			{"unknown object", `mutation($id: ID!) { updateFund(id: $id, input: {year: 2026}) { id } }`,
				"NOT_FOUND", "", map[string]any{"id": gid.New("fnd")}},
		} {
			r := a.Post(tc.query, tc.vars)
			if r.Code() != tc.code {
				t.Errorf("%s: code %q, want %s: %s", tc.name, r.Code(), tc.code, r.Raw)
				continue
			}
			if field, _ := r.Errors[0].Extensions["field"].(string); field != tc.field {
				t.Errorf("%s: field %q, want %q", tc.name, field, tc.field)
			}
			webtest.AssertNoLeak(t, r)
		}
		// Each mutation is atomic, and the refused ones wrote nothing: the
		// first update of "end moved before stored start" ran in the same
		// request but in its own transaction, so only it stays.
		if n := a.Client.Protocol.Query().CountX(ctx); n != protocols {
			t.Errorf("protocols: %d, want %d", n, protocols)
		}
		if n := a.Client.Fund.Query().CountX(ctx); n != funds {
			t.Errorf("funds: %d, want %d", n, funds)
		}
		if n := a.Client.Municipality.Query().CountX(ctx); n != municipalities {
			t.Errorf("municipalities: %d, want %d", n, municipalities)
		}
		p := a.Client.Protocol.GetX(ctx, f["Protocol"])
		if p.ValidUntil != nil {
			t.Errorf("refused update wrote validUntil = %v", p.ValidUntil)
		}
	})
}

// TestTaxCodeRule checks the tax-code rule where it lives, in the data
// layer: a wrong check character is refused with a typed error and nothing
// is written; spaces and case are normalised before the check.
func TestTaxCodeRule(t *testing.T) {
	storetest.Each(t, func(t *testing.T, db *store.DB) {
		c := db.Client()
		f := webtest.SeedOneOfEach(t, c)
		ctx := rule.SystemContext(context.Background())
		per := c.Person.GetX(ctx, f["Person"])
		other := c.Person.Create().SetNillableBirthYear(per.BirthYear).SetNillableGender(per.Gender).SetNillableCitizenshipArea(per.CitizenshipArea).SaveX(ctx)
		_, err := c.PersonIdentity.Create().SetPerson(other).SetFirstName("Mario").SetLastName("Rossi").
			SetTaxCode("RSSMRA85T10A562T").SetBirthDate(webtest.Day(1985, 12, 10)).Save(ctx)
		var verr *ent.ValidationError
		if !errors.As(err, &verr) || verr.Name != "tax_code" || !errors.Is(err, domain.ErrTaxCodeCheck) {
			t.Fatalf("wrong check character: got %v", err)
		}
		if n := c.PersonIdentity.Query().CountX(ctx); n != 1 {
			t.Fatalf("a refused identity was written: %d identities", n)
		}
		first15 := "VRDLGU80A01D612"
		valid := first15 + string(domain.TaxCodeCheckChar(first15))
		id := c.PersonIdentity.Create().SetPerson(other).SetFirstName("Luigi").SetLastName("Verdi").
			SetTaxCode(" " + strings.ToLower(valid[:8]) + " " + valid[8:]).SetBirthDate(webtest.Day(1980, 1, 1)).SaveX(ctx)
		if id.TaxCode == nil || *id.TaxCode != valid {
			t.Fatalf("tax code stored as %v", id.TaxCode)
		}
	})
}

// TestUnexpectedErrorsAreInternal breaks the database under the API: the
// client gets INTERNAL with the request ID, the log gets the details.
func TestUnexpectedErrorsAreInternal(t *testing.T) {
	storetest.Each(t, func(t *testing.T, db *store.DB) {
		var log strings.Builder
		a := webtest.NewAPI(t, db)
		a.Handler = web.New(a.Options(db, slog.New(slog.NewTextHandler(&log, nil))))
		drop := "DROP TABLE funds"
		if db.Dialect == "postgres" {
			drop += " CASCADE"
		}
		if _, err := db.SQL.Exec(drop); err != nil {
			t.Fatal(err)
		}
		r := a.Post(`{ funds(first: 5) { totalCount } }`, nil)
		if r.Code() != "INTERNAL" || !strings.Contains(r.Errors[0].Message, "quote request") {
			t.Fatalf("got %s", r.Raw)
		}
		webtest.AssertNoLeak(t, r)
		if !strings.Contains(log.String(), "funds") {
			t.Errorf("the log lacks the cause: %s", log.String())
		}
	})
}

// TestValuesWithinBounds: free text longer than its stated limit, dates
// outside 1900–2100 and amounts beyond any fund are bad input on the field
// concerned, and nothing is written.
func TestValuesWithinBounds(t *testing.T) {
	storetest.Each(t, func(t *testing.T, db *store.DB) {
		a := webtest.NewAPI(t, db)
		f := webtest.SeedOneOfEach(t, a.Client)
		long := strings.Repeat("è", 10001)
		for _, c := range []struct {
			field, query string
			vars         map[string]any
		}{
			{"allocatedCents", `mutation($m: ID!, $o: ID!) { createFund(input: {name: "Fondo", year: 2025, allocatedCents: 1000000000000000, ownerID: $o, municipalityID: $m}) { id } }`,
				map[string]any{"m": f["Municipality"], "o": f["Organization"]}},
			{"periodStart", `mutation { createObjective(input: {title: "Obiettivo", indicator: REFERRALS, target: 1,
				periodStart: "1800-01-01", periodEnd: "2026-12-31"}) { id } }`, nil},
			{"periodEnd", `mutation { createObjective(input: {title: "Obiettivo", indicator: REFERRALS, target: 1,
				periodStart: "2026-01-01", periodEnd: "2101-01-01"}) { id } }`, nil},
			{"purpose", `mutation($p: String) { createProtocol(input: {title: "Protocollo", purpose: $p}) { id } }`,
				map[string]any{"p": long}},
		} {
			r := a.Post(c.query, c.vars)
			if len(r.Errors) == 0 || r.Code() != "BAD_USER_INPUT" || r.Errors[0].Extensions["field"] != c.field {
				t.Errorf("%s out of bounds: %s", c.field, r.Raw)
			}
		}
		ctx := rule.SystemContext(context.Background())
		if n := a.Client.Fund.Query().CountX(ctx) + a.Client.Objective.Query().CountX(ctx) + a.Client.Protocol.Query().CountX(ctx); n != 3 {
			t.Errorf("%d funds, objectives and protocols, want the fixture's 3: something out of bounds was written", n)
		}
		// The limit is in characters, as stated: 10,000 accented letters fit.
		if r := a.Post(`mutation($p: String) { createProtocol(input: {title: "Protocollo", purpose: $p}) { id } }`,
			map[string]any{"p": long[2:]}); len(r.Errors) > 0 {
			t.Errorf("10,000 characters refused: %.300s", r.Raw)
		}
	})
}
