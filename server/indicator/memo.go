package indicator

import (
	"context"
	"strings"
	"sync"

	"golang.org/x/sync/singleflight"
)

// memo keeps what the indicators of a filter have computed, before
// suppression, so that a request reads the same rows once — the
// dashboard's ratios ask again for totals its breakdowns already gave,
// and the two percentiles rank the same days — and, kept by a Cache, so
// that the next requests read none until the data change.
type memo struct {
	mu       sync.Mutex
	results  map[string]*Result     // by measure and breakdown (memoKey)
	totals   map[string]*Result     // by measure: any of its results, for its total
	hists    map[string][]histogram // the days to take charge, by breakdown
	all      *memo                  // the unfiltered indicators' memo (published.go)
	names    *names                 // the labels of tables and municipalities, shared with all
	revision uint64                 // the data's, when the memo was begun (Cache)
	cells    int                    // the cells kept
	full     func()                 // told once the cells pass memoBudget, if a Cache keeps the memo
	flights  singleflight.Group     // computations under way, by memoKey
}

// names are the labels of tables and municipalities, read once per
// request.
type names struct {
	mu     sync.Mutex
	tables map[string]string // nil until read
	muns   map[string]string // nil until read
	orgs   map[string]string // nil until read
}

func newMemo(n *names, full func()) *memo {
	return &memo{results: map[string]*Result{}, totals: map[string]*Result{}, hists: map[string][]histogram{}, names: n, full: full}
}

// unfiltered is the memo of the indicators without the filter's lists,
// which published answers come from.
func (mo *memo) unfiltered() *memo {
	mo.mu.Lock()
	defer mo.mu.Unlock()
	if mo.all == nil {
		mo.all = newMemo(mo.names, mo.full) // past its budget, the cache drops both
	}
	return mo.all
}

// once runs compute, which keeps what it computes in the memo, unless
// the same computation is under way for another request of a shared
// memo: then it waits for that one, within its own deadline. The
// dashboards of a committee's meeting, asked together after a change,
// read the cases once, not once each. If the other request's deadline
// ended the computation, it is run again for this one.
func (mo *memo) once(ctx context.Context, key string, compute func(context.Context) error) error {
	for attempt := 0; ; attempt++ {
		done := mo.flights.DoChan(key, func() (any, error) { return nil, compute(ctx) })
		select {
		case <-ctx.Done():
			return ctx.Err()
		case res := <-done:
			if res.Err == nil || !res.Shared || ctx.Err() != nil || attempt > 0 {
				return res.Err
			}
		}
	}
}

// grew counts cells kept, and tells full once they pass the budget.
// The caller holds mo.mu.
func (mo *memo) grew(cells int) {
	before := mo.cells
	mo.cells += cells
	if mo.full != nil && before <= memoBudget && mo.cells > memoBudget {
		mo.full()
	}
}

func memoKey(name string, groupBy []Dimension) string {
	parts := []string{name}
	for _, d := range groupBy {
		parts = append(parts, string(d))
	}
	return strings.Join(parts, "/")
}

// result returns a copy of a measure's result by a breakdown, if
// computed: the total alone comes from any breakdown of the measure, all
// of which carry it.
func (mo *memo) result(name string, groupBy []Dimension) *Result {
	mo.mu.Lock()
	defer mo.mu.Unlock()
	if r, ok := mo.results[memoKey(name, groupBy)]; ok {
		return r.clone()
	}
	if r, ok := mo.totals[name]; ok && len(groupBy) == 0 {
		total := r.clone()
		total.GroupBy, total.Cells = []Dimension{}, []*Cell{}
		return total
	}
	return nil
}

// keep memoises results, by their measure and breakdown.
func (mo *memo) keep(rs ...*Result) {
	mo.mu.Lock()
	defer mo.mu.Unlock()
	for _, r := range rs {
		mo.results[memoKey(r.Indicator, r.GroupBy)] = r.clone()
		mo.totals[r.Indicator] = mo.results[memoKey(r.Indicator, r.GroupBy)]
		mo.grew(1 + len(r.Cells))
	}
}

// histograms returns the histograms of a breakdown, if read.
func (mo *memo) histograms(key string) ([]histogram, bool) {
	mo.mu.Lock()
	defer mo.mu.Unlock()
	hists, ok := mo.hists[key]
	return hists, ok
}

// keepHistograms memoises the histograms of a breakdown.
func (mo *memo) keepHistograms(key string, hists []histogram) {
	mo.mu.Lock()
	defer mo.mu.Unlock()
	mo.hists[key] = hists
	for _, h := range hists {
		mo.grew(len(h.groups))
	}
}

// clone copies a result deeply enough that suppression and published
// answers, which rewrite cells and their keys, leave the original alone.
func (r *Result) clone() *Result {
	out := *r
	out.GroupBy = append([]Dimension{}, r.GroupBy...)
	out.Total = r.Total.clone()
	out.Cells = make([]*Cell, len(r.Cells))
	for i, c := range r.Cells {
		out.Cells[i] = c.clone()
	}
	return &out
}

func (c *Cell) clone() *Cell {
	if c == nil {
		return nil
	}
	out := *c
	out.Keys = make([]*Key, len(c.Keys))
	for i, k := range c.Keys {
		key := *k
		out.Keys[i] = &key
	}
	return &out
}
