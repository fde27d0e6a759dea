package domain

import (
	"errors"
	"strings"
	"testing"
)

// FuzzTaxCode checks the tax-code validator on any text: it answers one
// of its three errors or accepts, never panics; normalising is idempotent;
// what it accepts is 16 ASCII capitals and digits in normal form, with the
// right check character, and is accepted again however a user types it
// (lower case, spaces) and in its omocodia spellings; a wrong check
// character is always caught.
func FuzzTaxCode(f *testing.F) {
	for _, s := range []string{
		"RSSMRA85T10A562S", "rssmra85t10a562s", " RSS MRA 85T10 A562S ", "RSSMRA85T10A56NS", "RSSMRALRTMLA562S",
		"BNCGLI90A41D612X", "RSSMRA85T10A562", "RSSMRA85Z10A562S", "RSSMRA85T32A562S", "1SSMRA85T10A562S",
		"", "ſſſſſſ85T10A562S", "ıSSMRA85T10A562S", "RSSMRA85T10A562S\u00a0", "RSSMRA85T10A562Ś", "\xff\xfe",
	} {
		f.Add(s)
	}
	f.Fuzz(func(t *testing.T, s string) {
		err := ValidateTaxCode(s)
		if err != nil && !errors.Is(err, ErrTaxCodeLength) && !errors.Is(err, ErrTaxCodeFormat) && !errors.Is(err, ErrTaxCodeCheck) {
			t.Fatalf("ValidateTaxCode(%q) = %v, not one of its errors", s, err)
		}
		code := NormalizeTaxCode(s)
		if again := NormalizeTaxCode(code); again != code {
			t.Fatalf("NormalizeTaxCode is not idempotent: %q -> %q -> %q", s, code, again)
		}
		if err == nil && code != s {
			t.Fatalf("ValidateTaxCode accepts %q, which normalises to %q", s, code)
		}
		if ValidateTaxCode(code) != nil {
			return
		}
		for i := range len(code) {
			if c := code[i]; (c < 'A' || c > 'Z') && (c < '0' || c > '9') {
				t.Fatalf("accepted %q (from %q) has %q at %d", code, s, c, i)
			}
		}
		if len(code) != 16 || TaxCodeCheckChar(code[:15]) != code[15] {
			t.Fatalf("accepted %q (from %q) without its check character", code, s)
		}
		typed := " " + strings.ToLower(code[:6]) + " " + code[6:11] + " " + strings.ToLower(code[11:]) + " "
		if NormalizeTaxCode(typed) != code {
			t.Fatalf("%q typed as %q normalises to %q", code, typed, NormalizeTaxCode(typed))
		}
		for c := byte('A'); c <= 'Z'; c++ {
			if c != code[15] && !errors.Is(ValidateTaxCode(code[:15]+string(c)), ErrTaxCodeCheck) {
				t.Fatalf("%q with check character %c is not refused as a typing error", code, c)
			}
		}
		for _, i := range numericPositions {
			if d := code[i]; d >= '0' && d <= '9' {
				first := code[:i] + string(omocodia[d-'0']) + code[i+1:15]
				if err := ValidateTaxCode(first + string(TaxCodeCheckChar(first))); err != nil {
					t.Fatalf("omocodia spelling of %q at %d refused: %v", code, i, err)
				}
			}
		}
	})
}
