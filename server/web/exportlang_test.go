package web

import (
	"slices"
	"strings"
	"testing"

	"github.com/progetto-win/win/server/indicator"
)

// TestExportLabelsMatchCatalogues: the CSV labels enumerated keys with
// the web app's words, in both languages: every enum it names is in both
// catalogues with the same values (a misspelt name would fall back to the
// stored key), and a key reads as the screens show it.
func TestExportLabelsMatchCatalogues(t *testing.T) {
	labels := enumLabels()
	for dim, enum := range enumNames {
		var values [2][]string
		for i := range labels {
			for id := range labels[i] {
				if value, ok := strings.CutPrefix(id, "enum."+enum+"."); ok {
					values[i] = append(values[i], value)
				}
			}
			slices.Sort(values[i])
		}
		if len(values[0]) == 0 || !slices.Equal(values[0], values[1]) {
			t.Errorf("%s: enum %s has values %v in Italian, %v in English", dim, enum, values[0], values[1])
		}
	}
	for i, want := range []string{"Lavoro", "Employment"} {
		l := csvLang{index: i}
		if got := l.label(&indicator.Key{Dimension: indicator.NeedArea, Key: "EMPLOYMENT", Label: "EMPLOYMENT"}); got != want {
			t.Errorf("the need area EMPLOYMENT reads %q, want %q", got, want)
		}
	}
	for i, want := range []string{"Unione dei Comuni", "Union of municipalities"} {
		l := csvLang{index: i}
		if got := l.label(&indicator.Key{Dimension: indicator.FundSource, Key: "UNION", Label: "UNION"}); got != want {
			t.Errorf("the fund source UNION reads %q, want %q", got, want)
		}
	}
	for _, d := range []indicator.Dimension{indicator.Table, indicator.Municipality, indicator.Month, indicator.Quarter, indicator.FundOwner} {
		if dimensionNames[d] == [2]string{} {
			t.Errorf("%s has no name", d)
		}
	}
	for d := range enumNames {
		if dimensionNames[d] == [2]string{} {
			t.Errorf("%s has no name", d)
		}
	}
}
