package demo

import "github.com/progetto-win/win/ent/person"

// TaxCode computes a codice fiscale as the demo does.
var TaxCode = taxCode

// BirthplaceCode returns the cadastral code of a birthplace the demo
// gives, "" for any other name.
func BirthplaceCode(name string) string {
	all := append(append(append([]birthplace{}, italianCities...), emigration...), statelessBirthplaces...)
	for _, p := range places {
		all = append(all, birthplace{p.Name, p.CadastralCode})
	}
	for _, ws := range origins {
		for _, w := range ws {
			if w.value.code != "" {
				all = append(all, birthplace{w.value.country, w.value.code})
			}
		}
	}
	for _, b := range all {
		if b.name == name {
			return b.code
		}
	}
	return ""
}

// Names returns the first names and surnames of the countries of a
// citizenship area.
func Names(area person.CitizenshipArea) (first, last []string) {
	for _, w := range origins[area] {
		first = append(append(first, w.value.female...), w.value.male...)
		last = append(last, w.value.surnames...)
	}
	return first, last
}

// BirthStates returns the foreign states a citizen of an area may be
// born in.
func BirthStates(area person.CitizenshipArea) []string {
	var states []string
	switch area {
	case person.CitizenshipAreaItaly:
		for _, b := range emigration {
			states = append(states, b.name)
		}
	case person.CitizenshipAreaStateless:
		for _, b := range statelessBirthplaces {
			states = append(states, b.name)
		}
	default:
		for _, w := range origins[area] {
			states = append(states, w.value.country)
		}
	}
	return states
}

// Streets returns the streets of a municipality.
func Streets(municipality string) []string { return streets[municipality] }

// Municipalities returns the names of the municipalities of the demo.
func Municipalities() []string {
	var names []string
	for _, p := range places {
		names = append(names, p.Name)
	}
	return names
}
