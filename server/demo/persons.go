package demo

import (
	"fmt"
	"strings"
	"time"

	"github.com/progetto-win/win/domain"
	"github.com/progetto-win/win/domain/gid"
	"github.com/progetto-win/win/ent/person"
	"github.com/progetto-win/win/ent/personidentity"
)

// personDraft is a fictional person before it is written.
type personDraft struct {
	id          gid.ID
	place       int // index in places: residence
	gender      person.Gender
	citizenship person.CitizenshipArea
	household   int
	first, last string
	birth       domain.Date
	birthPlace  birthplace
	taxCode     string
	written     bool
}

var citizenshipWeights = []weighted[person.CitizenshipArea]{
	{person.CitizenshipAreaItaly, 0.72}, {person.CitizenshipAreaEuropeanUnion, 0.07}, {person.CitizenshipAreaOtherEurope, 0.06},
	{person.CitizenshipAreaAfrica, 0.08}, {person.CitizenshipAreaAsia, 0.04}, {person.CitizenshipAreaAmericas, 0.025},
	{person.CitizenshipAreaOceania, 0.002}, {person.CitizenshipAreaStateless, 0.003},
}

// newPerson invents a person resident in a place, with a name of the
// country their family comes from, a birthplace that fits it, and a tax
// code that encodes them, valid and unique among those already given.
func (g *generator) newPerson(place int, taxCodes map[string]bool) *personDraft {
	p := &personDraft{id: gid.New("per"), place: place, household: g.between(1, 6)}
	switch r := g.rnd.Float64(); {
	case r < 0.52:
		p.gender = person.GenderFemale
	case r < 0.985:
		p.gender = person.GenderMale
	case r < 0.99:
		p.gender = person.GenderNonBinary
	default:
		p.gender = person.GenderNotStated
	}
	p.citizenship = draw(g.rnd, citizenshipWeights)
	female := p.gender == person.GenderFemale || (p.gender != person.GenderMale && g.chance(0.5))
	from := draw(g.rnd, origins[p.citizenship])
	names := from.male
	if female {
		names = from.female
	}
	p.first, p.last = pick(g.rnd, names), pick(g.rnd, from.surnames)
	age := g.between(18, 66)
	p.birthPlace = g.birthplace(from, place, age)
	p.birth = date(g.today.Year()-age, time.Month(g.between(1, 12)), g.between(1, 28))
	for {
		p.taxCode = taxCode(p.last, p.first, p.birth, female, p.birthPlace.code)
		if !taxCodes[p.taxCode] {
			break
		}
		p.birth = p.birth.AddDays(1) // a namesake born the same day and place: move a day
	}
	taxCodes[p.taxCode] = true
	return p
}

// empoli is the index of Empoli in places: its hospital serves the
// whole Circondario, so many residents were born there.
const empoli = 4

// birthplace draws where a person aged age, resident in a place, whose
// family comes from a country, was born. Italian citizens were mostly
// born in the Circondario, some elsewhere in Italy, a few abroad to
// emigrant families; foreign citizens mostly in their country, but a
// third of the young ones in Italy (the second generation), and
// stateless persons in the former Yugoslavia or here.
func (g *generator) birthplace(from *origin, place, age int) birthplace {
	here := func() birthplace {
		if g.chance(0.5) {
			place = empoli
		}
		return birthplace{places[place].Name, places[place].CadastralCode}
	}
	switch {
	case from == italy:
		switch r := g.rnd.Float64(); {
		case r < 0.65:
			return here()
		case r < 0.95:
			return pick(g.rnd, italianCities)
		default:
			return pick(g.rnd, emigration)
		}
	case age <= 30 && g.chance(0.35), from == stateless && g.chance(0.3):
		return here()
	case from == stateless:
		return pick(g.rnd, statelessBirthplaces)
	default:
		return birthplace{from.country, from.code}
	}
}

// taxCode computes the codice fiscale of a person.
func taxCode(surname, name string, birth domain.Date, female bool, birthplace string) string {
	day := birth.Day()
	if female {
		day += 40
	}
	first15 := fmt.Sprintf("%s%s%02d%c%02d%s", surnameCode(surname), nameCode(name),
		birth.Year()%100, domain.TaxCodeMonthLetter(int(birth.Month())), day, birthplace)
	return first15 + string(domain.TaxCodeCheckChar(first15))
}

// letters splits a name into its consonants and vowels, upper-case;
// other characters (spaces, apostrophes) do not count.
func letters(s string) (consonants, vowels []rune) {
	for _, r := range strings.ToUpper(s) {
		switch {
		case strings.ContainsRune("AEIOU", r):
			vowels = append(vowels, r)
		case r >= 'A' && r <= 'Z':
			consonants = append(consonants, r)
		}
	}
	return consonants, vowels
}

func threeLetters(cs, vs []rune) string {
	out := append(append(append([]rune{}, cs...), vs...), 'X', 'X', 'X')
	return string(out[:3])
}

func surnameCode(s string) string {
	cs, vs := letters(s)
	return threeLetters(cs, vs)
}

func nameCode(s string) string {
	cs, vs := letters(s)
	if len(cs) >= 4 {
		return string([]rune{cs[0], cs[2], cs[3]})
	}
	return threeLetters(cs, vs)
}

// addPerson adds a person's pseudonymous record and identity.
func (w *writer) addPerson(p *personDraft) {
	g := w.g
	pl := places[p.place]
	w.c.persons.add(str(p.id), w.created, w.created, g.pseudonym(), int64(p.birth.Year()), string(p.gender), int64(p.household),
		string(p.citizenship), str(g.net.municipalities[p.place].ID))
	email := fmt.Sprintf("%s.%s.%d@example.org", slug(p.first), slug(p.last), g.rnd.IntN(1000))
	phone := fmt.Sprintf("+39 3%02d %07d", g.rnd.IntN(100), g.rnd.IntN(10_000_000))
	address := fmt.Sprintf("%s %d", pick(g.rnd, streets[pl.Name]), 1+g.rnd.IntN(150))
	// The name keys and the tax code's spelling as the hooks of
	// PersonIdentity (nameKeys, normalizeTaxCode) store them.
	w.c.identities.add(str(personidentity.DefaultID()), w.created, w.created, p.first, p.last, domain.NameKey(p.last),
		domain.NameKey(p.first), domain.NormalizeTaxCode(p.taxCode), g.day(p.birth), p.birthPlace.name, email, phone, address,
		pl.PostalCode, pl.Name, str(p.id))
}

// pseudonym draws a person's pseudonym, as ent would, redrawing one
// already given: 40 random bits collide once in a million persons about
// one time in three.
func (g *generator) pseudonym() string {
	for {
		if s := person.DefaultPseudonym(); !g.pseudonyms[s] {
			g.pseudonyms[s] = true
			return s
		}
	}
}
