package caseimport

import (
	"encoding/json"
	"os"
	"testing"

	"github.com/progetto-win/win/domain"
	"github.com/progetto-win/win/ent/casefile"
	"github.com/progetto-win/win/ent/intervention"
	"github.com/progetto-win/win/ent/outcome"
	"github.com/progetto-win/win/ent/person"
)

// TestLabelsAreTheWebApps checks that the values the enumerated columns
// take are the data model's, labelled as the web app labels them in
// both languages, and that no spelling names two values.
func TestLabelsAreTheWebApps(t *testing.T) {
	catalogues := map[string]map[string]string{}
	for _, lang := range []string{"it", "en"} {
		b, err := os.ReadFile("../../frontend/src/i18n/" + lang + "/enums.json")
		if err != nil {
			t.Fatal(err)
		}
		m := map[string]string{}
		if err := json.Unmarshal(b, &m); err != nil {
			t.Fatal(err)
		}
		catalogues[lang] = m
	}
	for _, e := range []struct {
		enum   string
		labels map[string]label
		valid  func(string) error
	}{
		{"PersonGender", genderLabels, func(s string) error { return person.GenderValidator(person.Gender(s)) }},
		{"PersonCitizenshipArea", citizenshipLabels, func(s string) error { return person.CitizenshipAreaValidator(person.CitizenshipArea(s)) }},
		{"NeedArea", needAreaLabels, func(s string) error {
			if _, err := domain.UnmarshalEnum(s, domain.NeedAreas, "NeedArea"); err != nil {
				return err
			}
			return nil
		}},
		{"CaseStatus", statusLabels, func(s string) error { return casefile.StatusValidator(casefile.Status(s)) }},
		{"ReferralChannel", channelLabels, func(s string) error { return casefile.ReferralChannelValidator(casefile.ReferralChannel(s)) }},
		{"CaseClosureReason", closureReasonLabels, func(s string) error { return casefile.ClosureReasonValidator(casefile.ClosureReason(s)) }},
		{"InterventionKind", interventionKindLabels, func(s string) error { return intervention.KindValidator(intervention.Kind(s)) }},
		{"InterventionStatus", interventionStatusLabels, func(s string) error { return intervention.StatusValidator(intervention.Status(s)) }},
		{"OutcomeKind", outcomeKindLabels, func(s string) error { return outcome.KindValidator(outcome.Kind(s)) }},
	} {
		seen := map[string]string{}
		for code, l := range e.labels {
			if err := e.valid(code); err != nil {
				t.Errorf("%s.%s: %v", e.enum, code, err)
			}
			for lang, text := range map[string]string{"it": l.it, "en": l.en} {
				if want := catalogues[lang]["enum."+e.enum+"."+code]; text != want {
					t.Errorf("%s.%s in %s is %q, the web app's %q", e.enum, code, lang, text, want)
				}
			}
			for _, spelling := range []string{code, l.it, l.en} {
				if other, ok := seen[fold(spelling)]; ok && other != code {
					t.Errorf("%s: %q names %s and %s", e.enum, spelling, other, code)
				}
				seen[fold(spelling)] = code
			}
		}
		for key := range catalogues["it"] {
			if code, ok := cut(key, "enum."+e.enum+"."); ok {
				if _, known := e.labels[code]; !known {
					t.Errorf("%s.%s is not read", e.enum, code)
				}
			}
		}
	}
}

func cut(s, prefix string) (string, bool) {
	if len(s) > len(prefix) && s[:len(prefix)] == prefix {
		return s[len(prefix):], true
	}
	return "", false
}

// TestParseDate reads the days registers write, and no others.
func TestParseDate(t *testing.T) {
	for in, want := range map[string]string{
		"2025-03-15": "2025-03-15", "15/03/2025": "2025-03-15", "5/3/2025": "2025-03-05", "15-03-2025": "2025-03-15",
		"15.03.2025": "2025-03-15", "31/02/2025": "", "2025/03/15": "", "15/03/25": "", "15/13/2025": "", "aa/03/2025": "", "": "",
	} {
		d, ok := parseDate(in)
		if got := map[bool]string{true: d.String(), false: ""}[ok]; got != want {
			t.Errorf("parseDate(%q) = %q, want %q", in, got, want)
		}
	}
}

// TestFold compares as the import compares.
func TestFold(t *testing.T) {
	for in, want := range map[string]string{
		"Unione Europea": "unione europea", "UNIONE_EUROPEA": "unione europea", " Impegno nella comunità ": "impegno nella comunita",
		"Sostegno all'autoimpiego": "sostegno all autoimpiego", "EMP": "emp",
	} {
		if got := fold(in); got != want {
			t.Errorf("fold(%q) = %q, want %q", in, got, want)
		}
	}
}
