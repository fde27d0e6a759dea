package domain

import (
	"errors"
	"strings"
)

// The Italian tax code (codice fiscale) of a person: 16 characters,
// surname and name letters, birth year, month letter, birth day (plus 40
// for women), birthplace code and a check character. Digits may be
// replaced by letters (omocodia) when two people would otherwise share a
// code, so letters are accepted in the digit positions too.

// Errors returned by ValidateTaxCode; their text is shown to users.
var (
	ErrTaxCodeLength = errors.New("a tax code has 16 characters")
	ErrTaxCodeFormat = errors.New("the tax code does not have the pattern of an Italian codice fiscale")
	ErrTaxCodeCheck  = errors.New("the tax code's check character is wrong: please check for a typing error")
)

// omocodia maps the letters that may stand for digits.
const omocodia = "LMNPQRSTUV"

// monthLetters are the birth-month letters, January to December.
const monthLetters = "ABCDEHLMPRST"

// numericPositions are the positions that hold digits (or omocodia letters).
var numericPositions = [...]int{6, 7, 9, 10, 12, 13, 14}

// oddValues are the values of characters in odd (1-based) positions, A–Z;
// digits take the value of the letter at the same index.
var oddValues = [26]int{1, 0, 5, 7, 9, 13, 15, 17, 19, 21, 2, 4, 18, 20, 11, 3, 6, 8, 12, 14, 16, 10, 22, 25, 24, 23}

// NormalizeTaxCode upper-cases a tax code and removes spaces.
func NormalizeTaxCode(s string) string {
	return strings.ToUpper(strings.ReplaceAll(strings.TrimSpace(s), " ", ""))
}

// ValidateTaxCode checks the pattern and the check character of a
// normalised tax code.
func ValidateTaxCode(code string) error {
	if len(code) != 16 {
		return ErrTaxCodeLength
	}
	digits := []byte(code)
	for i, c := range digits {
		isLetter := c >= 'A' && c <= 'Z'
		if isNumericPosition(i) {
			switch {
			case c >= '0' && c <= '9':
			case strings.IndexByte(omocodia, c) >= 0:
				digits[i] = "0123456789"[strings.IndexByte(omocodia, c)]
			default:
				return ErrTaxCodeFormat
			}
		} else if !isLetter {
			return ErrTaxCodeFormat
		}
	}
	if strings.IndexByte(monthLetters, code[8]) < 0 {
		return ErrTaxCodeFormat
	}
	day := int(digits[9]-'0')*10 + int(digits[10]-'0')
	if (day < 1 || day > 31) && (day < 41 || day > 71) {
		return ErrTaxCodeFormat
	}
	if TaxCodeCheckChar(code[:15]) != code[15] {
		return ErrTaxCodeCheck
	}
	return nil
}

// TaxCodeCheckChar computes the check character of the first 15
// characters of a tax code.
func TaxCodeCheckChar(first15 string) byte {
	sum := 0
	for i := 0; i < 15 && i < len(first15); i++ {
		c := first15[i]
		idx := int(c - 'A')
		if c >= '0' && c <= '9' {
			idx = int(c - '0')
		}
		if i%2 == 0 { // odd in 1-based counting
			sum += oddValues[idx]
		} else {
			sum += idx
		}
	}
	return byte('A' + sum%26)
}

// TaxCodeMonthLetter returns the letter that encodes a birth month (1–12).
func TaxCodeMonthLetter(month int) byte { return monthLetters[month-1] }

func isNumericPosition(i int) bool {
	for _, p := range numericPositions {
		if p == i {
			return true
		}
	}
	return false
}
