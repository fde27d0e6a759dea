package web

import (
	"strconv"
	"strings"
	"sync"

	"github.com/progetto-win/win/domain/fault"
	"github.com/progetto-win/win/frontend"
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
	indicator.Table:           {"Tavolo", "Table"},
	indicator.Municipality:    {"Comune", "Municipality"},
	indicator.Month:           {"Mese", "Month"},
	indicator.Quarter:         {"Trimestre", "Quarter"},
	indicator.NeedArea:        {"Area di bisogno", "Need area"},
	indicator.Gender:          {"Genere", "Gender"},
	indicator.AgeBandDim:      {"Fascia d'età", "Age band"},
	indicator.OutcomeKind:     {"Tipo di esito", "Outcome kind"},
	indicator.ValueDimension:  {"Dimensione di valore", "Value dimension"},
	indicator.FundSource:      {"Fonte di finanziamento", "Source of funding"},
	indicator.FundOwner:       {"Ente titolare", "Owning body"},
	indicator.ReferralChannel: {"Canale di invio", "Referral channel"},
}

// enumNames are the API's enums whose values are the enumerated dimensions'
// keys: their labels are the web app's (frontend.EnumLabels).
var enumNames = map[indicator.Dimension]string{
	indicator.NeedArea: "NeedArea", indicator.Gender: "PersonGender", indicator.AgeBandDim: "AgeBand",
	indicator.OutcomeKind: "OutcomeKind", indicator.ValueDimension: "OutcomeValueDimension",
	indicator.FundSource: "FundSource", indicator.ReferralChannel: "ReferralChannel",
}

// enumLabels are the web app's catalogues of enum labels, Italian then
// English, read once from the binary.
var enumLabels = sync.OnceValue(func() [2]map[string]string {
	var out [2]map[string]string
	for i, lang := range []string{"it", "en"} {
		labels, err := frontend.EnumLabels(lang)
		if err != nil {
			panic(err) // embedded at build time, and checked by the frontend's tests
		}
		out[i] = labels
	}
	return out
})

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
	if name, ok := enumNames[k.Dimension]; ok {
		if text := enumLabels()[l.index]["enum."+name+"."+k.Key]; text != "" {
			return text
		}
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
