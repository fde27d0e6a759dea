package web

import (
	"encoding/json"
	"os"
	"strings"
	"testing"

	"github.com/progetto-win/win/server/indicator"
)

// TestExportLabelsMatchCatalogues holds the CSV's labels of enumerated
// keys to the web app's catalogues, in both languages and both ways: a
// value added to an enum, or a label reworded, in one place only fails.
func TestExportLabelsMatchCatalogues(t *testing.T) {
	enums := map[indicator.Dimension]string{
		indicator.NeedArea: "NeedArea", indicator.Gender: "PersonGender", indicator.AgeBandDim: "AgeBand",
		indicator.OutcomeKind: "OutcomeKind", indicator.ValueDimension: "OutcomeValueDimension",
	}
	if len(enums) != len(enumLabels) {
		t.Fatalf("enumLabels has %d dimensions, the test knows %d", len(enumLabels), len(enums))
	}
	for i, lang := range []string{"it", "en"} {
		file, err := os.ReadFile("../../frontend/src/i18n/" + lang + "/enums.json")
		if err != nil {
			t.Fatal(err)
		}
		var catalogue map[string]string
		if err := json.Unmarshal(file, &catalogue); err != nil {
			t.Fatal(err)
		}
		for dim, enum := range enums {
			prefix := "enum." + enum + "."
			seen := 0
			for id, text := range catalogue {
				value, ok := strings.CutPrefix(id, prefix)
				if !ok {
					continue
				}
				seen++
				if got := enumLabels[dim][value][i]; got != text {
					t.Errorf("%s %s: the CSV writes %q, the catalogue %q", lang, id, got, text)
				}
			}
			if seen != len(enumLabels[dim]) {
				t.Errorf("%s %s: %d labels in the catalogue, %d in the CSV's", lang, enum, seen, len(enumLabels[dim]))
			}
		}
	}
	for _, d := range []indicator.Dimension{indicator.Table, indicator.Municipality, indicator.Month, indicator.Quarter} {
		if dimensionNames[d] == [2]string{} {
			t.Errorf("%s has no name", d)
		}
	}
	for d := range enums {
		if dimensionNames[d] == [2]string{} {
			t.Errorf("%s has no name", d)
		}
	}
}
