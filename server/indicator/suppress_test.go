package indicator

import (
	"fmt"
	"slices"
	"strings"
	"testing"
)

// grid builds a result broken down by two dimensions from persons per
// row and column; a zero is a combination with nobody, so no cell.
func grid(persons [][]int) *Result {
	r := &Result{GroupBy: []Dimension{Table, Gender}}
	total := 0
	for i, row := range persons {
		for j, n := range row {
			if n == 0 {
				continue
			}
			total += n
			v, p := float64(n), n
			r.Cells = append(r.Cells, &Cell{Value: &v, Persons: &p,
				Keys: []*Key{{Dimension: Table, Key: fmt.Sprint("t", i)}, {Dimension: Gender, Key: fmt.Sprint("g", j)}}})
		}
	}
	v, p := float64(total), total
	r.Total = &Cell{Value: &v, Persons: &p}
	return r
}

// recoverable reports a line of cells whose only withheld value can be
// worked out from the line's total, published when it concerns enough
// persons; persons are the cells' before suppression.
func recoverable(r *Result, persons map[*Cell]int) []string {
	var bad []string
	for _, line := range linesOf(r) {
		withheld, total := 0, 0
		for _, c := range line {
			total += persons[c]
			if c.Suppressed {
				withheld++
			}
		}
		if withheld == 1 && total >= threshold {
			bad = append(bad, fmt.Sprint(line[0].Keys[0].Key, "/", line[0].Keys[len(line[0].Keys)-1].Key))
		}
	}
	return bad
}

func TestSuppression(t *testing.T) {
	for _, tc := range []struct {
		name     string
		persons  [][]int
		withheld int
	}{
		// One small cell, whose row and column totals would give it away.
		{"one small cell", [][]int{{3, 8, 20}, {9, 7, 30}}, 4},
		{"nothing small", [][]int{{5, 8}, {9, 7}}, 0},
		{"a small row", [][]int{{1, 2}, {9, 7}}, 4},
		{"a single cell", [][]int{{2}}, 1},
		{"an empty combination", [][]int{{3, 0, 12}, {5, 6, 30}}, 4},
	} {
		r := grid(tc.persons)
		before := map[*Cell]int{}
		for _, c := range r.Cells {
			before[c] = *c.Persons
		}
		suppress(r)
		withheld := 0
		for _, c := range r.Cells {
			if c.Suppressed {
				withheld++
				if c.Value != nil || c.Persons != nil {
					t.Errorf("%s: a withheld cell shows its value", tc.name)
				}
			} else if *c.Persons < threshold {
				t.Errorf("%s: a cell of %d persons is shown", tc.name, *c.Persons)
			}
		}
		if bad := recoverable(r, before); len(bad) > 0 {
			t.Errorf("%s: withheld values recoverable from the totals of %v", tc.name, bad)
		}
		if withheld != tc.withheld {
			t.Errorf("%s: %d cells withheld, want %d", tc.name, withheld, tc.withheld)
		}
	}
	// One dimension: the grand total is the line's.
	r := grid([][]int{{3}, {10}, {12}, {40}})
	r.GroupBy = r.GroupBy[:1]
	for _, c := range r.Cells {
		c.Keys = c.Keys[:1]
	}
	suppress(r)
	if r.Cells[0].Value != nil || r.Cells[1].Value != nil || r.Cells[2].Value == nil || r.Total.Value == nil {
		t.Errorf("by one dimension: the small cell and the next smallest should be withheld, the rest shown")
	}
}

// TestSuppressionOrderFree: the same breakdown asked as [A, B] and as
// [B, A] withholds the same cells; two patterns, put side by side, would
// show what each hides.
func TestSuppressionOrderFree(t *testing.T) {
	for _, persons := range [][][]int{{{2, 7, 9}, {7, 6, 2}, {7, 1, 9}}, {{3, 6, 6}, {6, 6, 6}}, {{3, 0, 12}, {5, 6, 30}}} {
		withheld := func(swap bool) []string {
			r := grid(persons)
			if swap {
				r.GroupBy = []Dimension{r.GroupBy[1], r.GroupBy[0]}
				for _, c := range r.Cells {
					c.Keys = []*Key{c.Keys[1], c.Keys[0]}
				}
				// As the database orders them: by the first key, then the second.
				slices.SortStableFunc(r.Cells, func(a, b *Cell) int { return strings.Compare(a.Keys[0].Key, b.Keys[0].Key) })
			}
			suppress(r)
			var out []string
			for _, c := range r.Cells {
				if c.Suppressed {
					out = append(out, identity(c))
				}
			}
			slices.Sort(out)
			return out
		}
		if a, b := withheld(false), withheld(true); !slices.Equal(a, b) {
			t.Errorf("%v: withheld %v by [A, B] but %v by [B, A]", persons, a, b)
		}
	}
}
