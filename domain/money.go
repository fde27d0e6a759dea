package domain

import "fmt"

// Euros writes an amount in cents the Italian way, € 1.234,50, in
// messages.
func Euros(cents int64) string {
	whole, frac := cents/100, cents%100
	s := fmt.Sprint(whole)
	for i := len(s) - 3; i > 0; i -= 3 {
		s = s[:i] + "." + s[i:]
	}
	return fmt.Sprintf("€ %s,%02d", s, frac)
}
