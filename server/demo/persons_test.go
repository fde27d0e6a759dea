package demo_test

import (
	"context"
	"fmt"
	"slices"
	"strconv"
	"strings"
	"testing"

	"github.com/progetto-win/win/domain"
	"github.com/progetto-win/win/ent"
	"github.com/progetto-win/win/ent/organization"
	"github.com/progetto-win/win/ent/pactsignatory"
	"github.com/progetto-win/win/ent/person"
	"github.com/progetto-win/win/ent/schema/rule"
	"github.com/progetto-win/win/server/demo"
)

// TestTaxCode checks the demo's codice fiscale against one computed by
// hand, and the birthplaces' codes against the validation of the code base.
func TestTaxCode(t *testing.T) {
	for _, c := range []struct {
		surname, name string
		birth         domain.Date
		female        bool
		place, want   string
	}{
		{"Rossi", "Mario", domain.NewDate(1980, 1, 1), false, "H501", "RSSMRA80A01H501U"},
		{"Rossi", "Maria", domain.NewDate(1980, 1, 1), true, "H501", "RSSMRA80A41H501Y"},
	} {
		if got := demo.TaxCode(c.surname, c.name, c.birth, c.female, c.place); got != c.want {
			t.Errorf("%s %s: %s, want %s", c.name, c.surname, got, c.want)
		}
		if err := domain.ValidateTaxCode(c.want); err != nil {
			t.Errorf("%s: %v", c.want, err)
		}
	}
	for _, m := range demo.Municipalities() {
		if demo.BirthplaceCode(m) == "" || len(demo.Streets(m)) < 5 {
			t.Errorf("%s: no cadastral code or too few streets", m)
		}
	}
}

// checkPersons checks every identity of the demo: a birthplace, a valid
// tax code that encodes the name, birth date, gender and birthplace, names
// from the lists of the citizenship's countries, a birthplace that fits
// the citizenship, and a street of the municipality of residence.
func checkPersons(t *testing.T, c *ent.Client) {
	t.Helper()
	ctx := rule.SystemContext(context.Background())
	born := map[bool][2]int{} // Italian citizen → born abroad, all
	for _, id := range c.PersonIdentity.Query().WithPerson(func(q *ent.PersonQuery) { q.WithMunicipality() }).AllX(ctx) {
		p := id.Edges.Person
		code := demo.BirthplaceCode(id.BirthPlace)
		if id.TaxCode == nil || code == "" {
			t.Errorf("%s %s: tax code %v, birthplace %q", id.FirstName, id.LastName, id.TaxCode, id.BirthPlace)
			continue
		}
		tc, b, area := *id.TaxCode, id.BirthDate, *p.CitizenshipArea
		if err := domain.ValidateTaxCode(tc); err != nil {
			t.Errorf("%s: %v", tc, err)
		}
		day, _ := strconv.Atoi(tc[9:11])
		female := day > 40
		if want := fmt.Sprintf("%02d%c", b.Year()%100, domain.TaxCodeMonthLetter(int(b.Month()))); tc[6:9] != want ||
			day%40 != b.Day() || tc[11:15] != code {
			t.Errorf("%s does not encode %s born in %s (%s)", tc, b, id.BirthPlace, code)
		}
		if (*p.Gender == person.GenderFemale && !female) || (*p.Gender == person.GenderMale && female) {
			t.Errorf("%s does not encode the gender %s", tc, *p.Gender)
		}
		if want := demo.TaxCode(id.LastName, id.FirstName, b, female, code); tc != want {
			t.Errorf("%s for %s %s, want %s", tc, id.FirstName, id.LastName, want)
		}
		firsts, lasts := demo.Names(area)
		if !slices.Contains(firsts, id.FirstName) || !slices.Contains(lasts, id.LastName) {
			t.Errorf("%s %s is not a name of the citizenship %s", id.FirstName, id.LastName, area)
		}
		abroad := strings.HasPrefix(code, "Z")
		if abroad && !slices.Contains(demo.BirthStates(area), id.BirthPlace) {
			t.Errorf("a citizen of %s born in %s", area, id.BirthPlace)
		}
		italian := area == person.CitizenshipAreaItaly
		n := born[italian]
		if abroad {
			n[0]++
		}
		n[1]++
		born[italian] = n
		city := p.Edges.Municipality.Name
		if street := id.Address[:strings.LastIndexByte(id.Address, ' ')]; id.City != city || !slices.Contains(demo.Streets(city), street) {
			t.Errorf("%s, %s: not a street of %s", id.Address, id.City, city)
		}
	}
	// Most Italian citizens were born in Italy, most foreign ones abroad.
	if it, other := born[true], born[false]; it[0]*10 > it[1] || other[0]*2 < other[1] || it[0] == 0 || other[0] == other[1] {
		t.Errorf("born abroad: %d of %d Italian citizens, %d of %d others", it[0], it[1], other[0], other[1])
	}
	for _, o := range c.Organization.Query().WithMunicipality().AllX(ctx) {
		street, _, _ := strings.Cut(o.Address, ",")
		street = street[:strings.LastIndexByte(street, ' ')]
		if !slices.Contains(demo.Streets(o.Edges.Municipality.Name), street) {
			t.Errorf("%s: %s is not a street of %s", o.Name, o.Address, o.Edges.Municipality.Name)
		}
	}
	// The founding party of the pact, with the Union.
	vnp := c.Organization.Query().Where(organization.Name("Associazione VNP")).OnlyX(ctx)
	if vnp.Kind != organization.KindThirdSector || !c.Pact.Query().QuerySignatories().Where(pactsignatory.HasOrganizationWith(organization.ID(vnp.ID))).ExistX(ctx) {
		t.Errorf("Associazione VNP is %s, and not a signatory of the pact", vnp.Kind)
	}
}
