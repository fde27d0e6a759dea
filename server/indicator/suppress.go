package indicator

import "sort"

// threshold is the fewest persons a published value may concern.
const threshold = 5

// suppress withholds the values about fewer than threshold persons, and,
// for additive indicators, enough others that none of those can be
// worked out by subtraction from a total. Totals are published for every
// line of a breakdown (the same indicator broken down by fewer
// dimensions), so each row and column of cells keeps either no withheld
// value or at least two.
func suppress(r *Result, additive bool) {
	all := append([]*Cell{r.Total}, r.Cells...)
	for _, c := range all {
		c.Suppressed = c.persons() < threshold
	}
	if additive && len(r.Cells) > 0 {
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
// of them for one dimension; each row and each column for two.
func linesOf(r *Result) [][]*Cell {
	if len(r.GroupBy) < 2 {
		return [][]*Cell{r.Cells}
	}
	var lines [][]*Cell
	for dim := range 2 {
		byKey := map[string][]*Cell{}
		var order []string
		for _, c := range r.Cells {
			k := c.Keys[dim].Key
			if _, ok := byKey[k]; !ok {
				order = append(order, k)
			}
			byKey[k] = append(byKey[k], c)
		}
		for _, k := range order {
			lines = append(lines, byKey[k])
		}
	}
	return lines
}

// protect withholds the smallest other value of a line that withholds
// exactly one, preferring cells that are not alone in their other line,
// and reports whether it did.
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
		return open[i].persons() < open[j].persons()
	})
	open[0].Suppressed = true
	return true
}
