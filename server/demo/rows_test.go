package demo

import (
	"slices"
	"testing"
)

// TestColumnsMatchSchema fails when a table the cases fill gains, loses
// or renames a column: the writer must then set it as ent would.
func TestColumnsMatchSchema(t *testing.T) {
	for _, r := range newChunk().tables() {
		var want []string
		for _, c := range r.table.Columns {
			want = append(want, c.Name)
		}
		got := slices.Clone(r.columns)
		slices.Sort(got)
		slices.Sort(want)
		if !slices.Equal(got, want) {
			t.Errorf("%s: the writer sets %v, the schema has %v", r.table.Name, got, want)
		}
	}
}
