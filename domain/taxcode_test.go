package domain

import (
	"errors"
	"testing"
)

func TestValidateTaxCode(t *testing.T) {
	for _, tc := range []struct {
		code string
		want error
	}{
		{"RSSMRA85T10A562S", nil},              // the textbook example
		{"RSSMRA85T10A562T", ErrTaxCodeCheck},  // one wrong check letter
		{"RSSMRA85T10A56NS", ErrTaxCodeCheck},  // omocodia accepted, but the check changes
		{"RSSMRA85T10A562", ErrTaxCodeLength},  // too short
		{"RSSMRA85Z10A562S", ErrTaxCodeFormat}, // Z is no month
		{"RSSMRA85T32A562S", ErrTaxCodeFormat}, // day 32
		{"1SSMRA85T10A562S", ErrTaxCodeFormat}, // digit in a letter position
	} {
		if err := ValidateTaxCode(tc.code); !errors.Is(err, tc.want) {
			t.Errorf("ValidateTaxCode(%q) = %v, want %v", tc.code, err, tc.want)
		}
	}
	// An omocodia variant with its own correct check character is valid.
	first := "RSSMRA85T10A56N"
	if err := ValidateTaxCode(first + string(TaxCodeCheckChar(first))); err != nil {
		t.Errorf("omocodia variant rejected: %v", err)
	}
}

func TestNameKey(t *testing.T) {
	for in, want := range map[string]string{
		"Nicolò D'Amico":  "NICOLODAMICO",
		"NICOLO' DAMICO":  "NICOLODAMICO",
		"nicolo d amico":  "NICOLODAMICO",
		"Façade-Müller ":  "FACADEMULLER",
		"  ":              "",
		"Maria Grazia":    "MARIAGRAZIA",
		"Çelik Ğüneş":     "CELIKGUNES",
		"Ørsted":          "ØRSTED", // a letter of its own, not an accented O
		"San Miniato 2.0": "SANMINIATO",
	} {
		if got := NameKey(in); got != want {
			t.Errorf("NameKey(%q) = %q, want %q", in, got, want)
		}
	}
}
