package indicator

import (
	"slices"
	"sort"
	"strings"
)

// threshold is the fewest persons a published value may concern.
const threshold = 5

// suppress withholds the values about fewer than threshold persons, and
// enough others that none of those can be worked out by subtraction from
// a total. Totals are published for every line of a breakdown (the same
// indicator broken down by fewer dimensions), so each row and column of
// cells keeps either no withheld value or at least two. Averages and
// percentiles are protected the same way: their persons add up like a
// count's, and an average times its persons is a sum.
func suppress(r *Result) {
	all := append([]*Cell{r.Total}, r.Cells...)
	for _, c := range all {
		c.Suppressed = c.persons() < threshold
	}
	if len(r.Cells) > 0 {
		lines := linesOf(r)
		alone := map[*Cell]bool{} // the only cell of a line: its line's total shows it
		for _, line := range lines {
			if len(line) == 1 {
				alone[line[0]] = true
			}
		}
		for changed := true; changed; {
			changed = false
			for _, line := range lines {
				if protect(line, alone) {
					changed = true
				}
			}
		}
	}
	for _, c := range all {
		if c.Suppressed {
			c.Value, c.Persons = nil, nil
		}
	}
}

// linesOf groups the cells whose sum a coarser breakdown publishes: all
// of them for one dimension; each row and each column for two. Lines
// come in the order of their dimensions' names and keys, not of groupBy,
// so that [A, B] and [B, A] withhold the same cells: two patterns would
// give away together what each hides.
func linesOf(r *Result) [][]*Cell {
	if len(r.GroupBy) < 2 {
		return [][]*Cell{r.Cells}
	}
	dims := []int{0, 1}
	if r.GroupBy[1] < r.GroupBy[0] {
		dims = []int{1, 0}
	}
	var lines [][]*Cell
	for _, dim := range dims {
		byKey := map[string][]*Cell{}
		for _, c := range r.Cells {
			k := c.Keys[dim].Key
			byKey[k] = append(byKey[k], c)
		}
		keys := make([]string, 0, len(byKey))
		for k := range byKey {
			keys = append(keys, k)
		}
		slices.Sort(keys)
		for _, k := range keys {
			lines = append(lines, byKey[k])
		}
	}
	return lines
}

// identity names a cell by its keys in the order of their dimensions'
// names, whatever the order of groupBy.
func identity(c *Cell) string {
	parts := make([]string, len(c.Keys))
	for i, k := range c.Keys {
		parts[i] = string(k.Dimension) + "=" + k.Key
	}
	slices.Sort(parts)
	return strings.Join(parts, "|")
}

// protect withholds the smallest other value of a line that withholds
// exactly one, preferring cells that are not alone in their other line,
// and reports whether it did. Ties go to the first by identity.
func protect(line []*Cell, alone map[*Cell]bool) bool {
	var withheld int
	var open []*Cell
	for _, c := range line {
		if c.Suppressed {
			withheld++
		} else {
			open = append(open, c)
		}
	}
	if withheld != 1 || len(open) == 0 {
		return false
	}
	sort.SliceStable(open, func(i, j int) bool {
		if alone[open[i]] != alone[open[j]] {
			return !alone[open[i]]
		}
		if open[i].persons() != open[j].persons() {
			return open[i].persons() < open[j].persons()
		}
		return identity(open[i]) < identity(open[j])
	})
	open[0].Suppressed = true
	return true
}
