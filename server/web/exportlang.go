package web

import (
	"strconv"
	"strings"

	"github.com/progetto-win/win/domain/fault"
	"github.com/progetto-win/win/server/indicator"
)

// The languages of the CSV export. People open the file in a spreadsheet
// and read its first row; programs read the second, the same keys in every
// language, so that a client parses the file whatever language a person
// downloaded it in (docs/api.md, "CSV export").

// csvLang is one language of the export's header and cells.
type csvLang struct {
	// index into the [Italian, English] pairs below; -1 for keysOnly.
	index int
	// keysOnly writes the file as it was before the export had languages:
	// the key row alone, labels as stored, suppressed as true or false.
	keysOnly bool
}

var (
	langItalian = csvLang{index: 0}
	langEnglish = csvLang{index: 1}
	langKeys    = csvLang{index: -1, keysOnly: true}
)

// exportLanguage reads the lang parameter: it (the default), en, or keys.
func exportLanguage(v string) (csvLang, error) {
	switch v {
	case "", "it":
		return langItalian, nil
	case "en":
		return langEnglish, nil
	case "keys":
		return langKeys, nil
	}
	return csvLang{}, fault.Invalidf("lang", "is it, en or keys")
}

// pick returns the text of a pair in the language.
func (l csvLang) pick(pair [2]string) string { return pair[l.index] }

// csvColumns names the columns that follow the dimensions.
var csvColumns = map[string][2]string{
	"value":      {"Valore", "Value"},
	"persons":    {"Persone", "Persons"},
	"suppressed": {"Oscurato (meno di 5 persone)", "Withheld (fewer than 5 people)"},
	"key":        {"codice", "key"},
	"total":      {"Totale", "Total"},
	"withheld":   {"oscurato", "withheld"},
	"published":  {"no", "no"},
	"unknown":    {"non indicato", "not stated"},
}

// dimensionNames are the dimensions' names as the dashboard shows them.
var dimensionNames = map[indicator.Dimension][2]string{
	indicator.Table:          {"Tavolo", "Table"},
	indicator.Municipality:   {"Comune", "Municipality"},
	indicator.Month:          {"Mese", "Month"},
	indicator.Quarter:        {"Trimestre", "Quarter"},
	indicator.NeedArea:       {"Area di bisogno", "Need area"},
	indicator.Gender:         {"Genere", "Gender"},
	indicator.AgeBandDim:     {"Fascia d'età", "Age band"},
	indicator.OutcomeKind:    {"Tipo di esito", "Outcome kind"},
	indicator.ValueDimension: {"Dimensione di valore", "Value dimension"},
}

// enumLabels are the labels of the enumerated keys, the same as the web
// app's catalogues (frontend/src/i18n/*/enums.json; a test compares them).
var enumLabels = map[indicator.Dimension]map[string][2]string{
	indicator.NeedArea: { // enum.NeedArea
		"EMPLOYMENT":       {"Lavoro", "Employment"},
		"INCOME":           {"Reddito", "Income"},
		"HOUSING":          {"Casa", "Housing"},
		"HEALTH":           {"Salute", "Health"},
		"FAMILY":           {"Famiglia", "Family"},
		"EDUCATION":        {"Istruzione e formazione", "Education"},
		"DEBT":             {"Debiti", "Debt"},
		"LEGAL":            {"Questioni legali", "Legal"},
		"SOCIAL_ISOLATION": {"Isolamento sociale", "Social isolation"},
	},
	indicator.Gender: { // enum.PersonGender
		"FEMALE":     {"Femminile", "Female"},
		"MALE":       {"Maschile", "Male"},
		"NON_BINARY": {"Non binario", "Non binary"},
		"NOT_STATED": {"Non dichiarato", "Not stated"},
	},
	indicator.AgeBandDim: { // enum.AgeBand
		"UNDER_25":      {"Meno di 25 anni", "Under 25"},
		"FROM_25_TO_34": {"Da 25 a 34 anni", "25 to 34"},
		"FROM_35_TO_49": {"Da 35 a 49 anni", "35 to 49"},
		"FROM_50_TO_64": {"Da 50 a 64 anni", "50 to 64"},
		"FROM_65":       {"65 anni e più", "65 and over"},
	},
	indicator.OutcomeKind: { // enum.OutcomeKind
		"EMPLOYMENT_PERMANENT":   {"Lavoro a tempo indeterminato", "Employment permanent"},
		"EMPLOYMENT_FIXED_TERM":  {"Lavoro a tempo determinato", "Employment fixed term"},
		"APPRENTICESHIP":         {"Apprendistato", "Apprenticeship"},
		"SELF_EMPLOYMENT":        {"Lavoro autonomo", "Self employment"},
		"INTERNSHIP_COMPLETED":   {"Tirocinio concluso", "Internship completed"},
		"TRAINING_COMPLETED":     {"Formazione conclusa", "Training completed"},
		"QUALIFICATION_OBTAINED": {"Qualifica conseguita", "Qualification obtained"},
		"HOUSING_SECURED":        {"Casa ottenuta", "Housing secured"},
		"INCOME_STABILISED":      {"Reddito stabilizzato", "Income stabilised"},
		"HEALTH_PATHWAY_STARTED": {"Percorso sanitario avviato", "Health pathway started"},
		"SOCIAL_REINTEGRATION":   {"Reinserimento sociale", "Social reintegration"},
		"COMMUNITY_ENGAGEMENT":   {"Impegno nella comunità", "Community engagement"},
		"DROPPED_OUT":            {"Abbandono", "Dropped out"},
		"OTHER":                  {"Altro", "Other"},
	},
	indicator.ValueDimension: { // enum.OutcomeValueDimension
		"ECONOMIC": {"Economico", "Economic"},
		"SOCIAL":   {"Sociale", "Social"},
		"CULTURAL": {"Culturale", "Cultural"},
	},
}

var monthNames = [2][12]string{
	{"gennaio", "febbraio", "marzo", "aprile", "maggio", "giugno", "luglio", "agosto", "settembre", "ottobre", "novembre", "dicembre"},
	{"January", "February", "March", "April", "May", "June", "July", "August", "September", "October", "November", "December"},
}

// header is the people's header row: a name per dimension's key and
// label column, then value, persons and withheld.
func (l csvLang) header(dims []indicator.Dimension) []string {
	var row []string
	for _, d := range dims {
		name := l.pick(dimensionNames[d])
		if name == "" {
			name = string(d)
		}
		row = append(row, name+" ("+l.pick(csvColumns["key"])+")", name)
	}
	return append(row, l.pick(csvColumns["value"]), l.pick(csvColumns["persons"]), l.pick(csvColumns["suppressed"]))
}

// label is a key's label in the language: tables and municipalities keep
// their names, months and quarters are written out, enumerated values
// take the catalogues' labels; a key not given reads "not stated".
func (l csvLang) label(k *indicator.Key) string {
	if l.keysOnly {
		return k.Label
	}
	if k.Key == "" {
		return l.pick(csvColumns["unknown"])
	}
	switch k.Dimension {
	case indicator.Month:
		if y, m, ok := strings.Cut(k.Key, "-"); ok {
			if n, err := strconv.Atoi(m); err == nil && n >= 1 && n <= 12 {
				return monthNames[l.index][n-1] + " " + y
			}
		}
	case indicator.Quarter:
		if y, q, ok := strings.Cut(k.Key, "-Q"); ok {
			if l.index == 0 {
				return q + "º trimestre " + y
			}
			return "Q" + q + " " + y
		}
	}
	if pair, ok := enumLabels[k.Dimension][k.Key]; ok {
		return l.pick(pair)
	}
	return k.Label
}

// withheld is the last column's cell.
func (l csvLang) withheld(suppressed bool) string {
	switch {
	case l.keysOnly:
		return strconv.FormatBool(suppressed)
	case suppressed:
		return l.pick(csvColumns["withheld"])
	}
	return l.pick(csvColumns["published"])
}
