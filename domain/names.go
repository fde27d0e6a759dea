package domain

import (
	"strings"
	"unicode"

	"golang.org/x/text/unicode/norm"
)

// NameKey is the form of a name that duplicate search compares: letters
// only, upper-case, without accents, so that "Nicolò D'Amico",
// "NICOLO' DAMICO" and "nicolo d amico" meet.
func NameKey(name string) string {
	var b strings.Builder
	for _, r := range norm.NFD.String(name) {
		switch {
		case unicode.Is(unicode.Mn, r): // the accent of a decomposed letter
		case unicode.IsLetter(r):
			b.WriteRune(unicode.ToUpper(r))
		}
	}
	return b.String()
}
