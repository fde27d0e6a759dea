package indicator

import (
	"slices"
	"strings"

	"github.com/progetto-win/win/domain"
	"github.com/progetto-win/win/domain/fault"
	"github.com/progetto-win/win/domain/viewer"
)

// The committee and analysts see published categories only. Suppression
// guards the cells of one answer; these rules keep two answers from
// being subtracted into a withheld cell: a period is whole calendar
// months that are over (two periods a day apart, or one asked on two
// days, would differ by a day's records), a filter takes one value (two
// value sets would differ by one category), and a filtered value is the
// cell of the unfiltered breakdown, withheld as it is there (a filtered
// answer suppressed on its own would differ from that breakdown by cells
// it withholds).

// publishedRule is added to the definition of every result the rule
// applies to.
const publishedRule = " For the steering committee and analysts: the period is whole calendar months already over, " +
	"from the first day of a month to the first day of a later one (Italian time); each filter takes at most one value; " +
	"filters and breakdown together span at most two dimensions, and a filtered value is that cell of the unfiltered breakdown; " +
	"values about fewer than 5 persons are withheld, with enough others that no total gives them away."

// Published reports whether a viewer sees the indicators in published
// categories only, suppressed: the committee and analysts (whatever
// tables they also coordinate). Governance evaluates objectives for them
// within the same rule.
func Published(v *viewer.Viewer) bool {
	return v != nil && (v.Has(domain.RoleSteering) || v.Has(domain.RoleAnalyst))
}

// checkPublished refuses, for the committee and analysts, a period other
// than whole months over by today, and a filter with several values.
func checkPublished(f Filter, today domain.Date) error {
	if f.To == nil {
		return fault.Invalidf("to", "give the first day of a month: the committee and analysts see whole calendar months")
	}
	for _, d := range []struct {
		field string
		day   *domain.Date
	}{{"from", f.From}, {"to", f.To}} {
		if d.day != nil && d.day.Day() != 1 {
			return fault.Invalidf(d.field, "must be the first day of a month, not %s: the committee and analysts see whole calendar months",
				d.day)
		}
	}
	thisMonth := domain.NewDate(today.Year(), today.Month(), 1)
	if f.To.After(thisMonth) {
		return fault.Invalidf("to", "must be %s or earlier: a month still under way changes day by day, and the committee and analysts see months that are over",
			thisMonth)
	}
	for _, l := range f.lists() {
		if len(l.values) > 1 {
			return fault.Invalidf(l.field, "give at most one value: the committee and analysts see published categories, and two sets of values would subtract to one")
		}
	}
	return nil
}

// list is a filter's values on one dimension, by the filter's field.
type list struct {
	field     string
	dimension Dimension
	values    []string
}

// lists are the filter's lists, in the order of the filter's fields.
func (f Filter) lists() []list {
	return []list{
		{"tableIDs", Table, domain.StringsOf(f.TableIDs)},
		{"municipalityIDs", Municipality, domain.StringsOf(f.MunicipalityIDs)},
		{"needAreas", NeedArea, domain.StringsOf(f.NeedAreas)},
		{"genders", Gender, domain.StringsOf(f.Genders)},
		{"ageBands", AgeBandDim, domain.StringsOf(f.AgeBands)},
	}
}

// selected are the lists that select something, one value each once
// checkPublished has passed.
func (f Filter) selected() []list {
	var out []list
	for _, l := range f.lists() {
		if len(l.values) > 0 {
			out = append(out, l)
		}
	}
	return out
}

// selects reports whether a cell is the one the lists select.
func selects(c *Cell, sel []list) bool {
	for _, l := range sel {
		i := slices.IndexFunc(c.Keys, func(k *Key) bool { return k.Dimension == l.dimension })
		if i < 0 || c.Keys[i].Key != l.values[0] {
			return false
		}
	}
	return true
}

// published answers a filtered question of the committee or an analyst
// from the unfiltered breakdown by the filtered dimensions and groupBy:
// the cells are those of that breakdown the filter selects, and the total
// is the filter's cell of the breakdown by the filtered dimensions alone,
// each withheld as it is there. compute is the indicator, asked of the
// unfiltered indicators.
func (ix *Indicators) published(m measure, groupBy []Dimension, compute func(*Indicators, []Dimension) (*Result, error)) (*Result, error) {
	sel := ix.filter.selected()
	var filtered []Dimension
	dims := slices.Clone(groupBy)
	for _, l := range sel {
		if _, err := m.dimensionExpr("", l.dimension, ""); err != nil {
			return nil, fault.Invalidf(l.field, "%s cannot be filtered by %s", m.name, l.field)
		}
		filtered = append(filtered, l.dimension)
		if !slices.Contains(dims, l.dimension) {
			dims = append(dims, l.dimension)
		}
	}
	if len(dims) > 2 {
		var names []string
		for _, d := range dims {
			names = append(names, string(d))
		}
		return nil, fault.Invalidf("groupBy", "filters and breakdown span %s: the committee and analysts see at most two dimensions together",
			strings.Join(names, ", "))
	}
	all := *ix
	all.filter = Filter{From: ix.filter.From, To: ix.filter.To, scope: ix.filter.scope}
	all.memo = ix.memo.unfiltered()
	margin, err := compute(&all, filtered)
	if err != nil {
		return nil, err
	}
	r := &Result{Indicator: margin.Indicator, Definition: margin.Definition, GroupBy: append([]Dimension{}, groupBy...), Cells: []*Cell{},
		Total: &Cell{Keys: []*Key{}, Suppressed: true}} // nobody in the cell: as a total of nobody, withheld
	if i := slices.IndexFunc(margin.Cells, func(c *Cell) bool { return selects(c, sel) }); i >= 0 {
		total := *margin.Cells[i]
		total.Keys = []*Key{}
		r.Total = &total
	}
	if len(groupBy) == 0 {
		return r, nil
	}
	breakdown := margin
	if !slices.Equal(dims, filtered) {
		if breakdown, err = compute(&all, dims); err != nil {
			return nil, err
		}
	}
	for _, c := range breakdown.Cells {
		if selects(c, sel) {
			c.Keys = c.Keys[:len(groupBy)]
			r.Cells = append(r.Cells, c)
		}
	}
	return r, nil
}
