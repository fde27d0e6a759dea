package main

import (
	"strings"
	"testing"
)

// A run of three writes on one case at version 4: a goal that took
// version 4, an intervention refused as CONFLICT on version 4 (a real
// race), then an intervention on version 5 charged to a fund; and a note.
func goodRun() ([]write, facts) {
	writes := []write{
		{Op: opAddGoal, Marker: "g", Case: "cas_a", Version: 4, NewVersion: 5},
		{Op: opAddIntervention, Marker: "i1", Case: "cas_a", Version: 4, Fund: "fnd_f", Cost: 300, Status: 200, Code: "CONFLICT", CurrentVersion: 5},
		{Op: opAddIntervention, Marker: "i2", Case: "cas_a", Version: 5, NewVersion: 6, Fund: "fnd_f", Cost: 500},
		{Op: opAddNote, Marker: "n", Case: "cas_a", Version: -1},
	}
	f := facts{
		Found: map[string]found{
			"g":  {Rows: 1, Events: 1, Audits: 1},
			"i2": {Rows: 1, Audits: 1},
			"n":  {Rows: 1, Events: 1, Audits: 1},
		},
		VersionBefore:  map[string]int{"cas_a": 4},
		VersionAfter:   map[string]int{"cas_a": 6},
		EventsAdded:    map[string]int{"cas_a": 3},
		CommittedAdded: map[string]int64{"fnd_f": 500},
		FundSQL:        map[string][2]int64{"fnd_f": {1500, 200}},
		FundAPI:        map[string][3]int64{"fnd_f": {1500, 200, 300}},
		Allocated:      map[string]int64{"fnd_f": 2000},
	}
	return writes, f
}

func TestReconcileAcceptsAConsistentRun(t *testing.T) {
	writes, f := goodRun()
	v := reconcile(writes, f)
	if len(v.Problems) > 0 {
		t.Fatalf("problems in a consistent run: %v", v.Problems)
	}
	if v.Succeeded != 3 || v.Conflicts != 1 || v.RealRaces != 1 {
		t.Errorf("counted %+v", v)
	}
}

func TestReconcileFindsEachInconsistency(t *testing.T) {
	for _, tc := range []struct {
		name   string
		change func([]write, *facts)
		want   string
	}{
		{"a success missing", func(_ []write, f *facts) { f.Found["n"] = found{} }, "answered success but the database holds 0 rows"},
		{"a success written twice", func(_ []write, f *facts) { f.Found["g"] = found{Rows: 2, Events: 2, Audits: 2} }, "holds 2 rows"},
		{"a success without its audit event", func(_ []write, f *facts) { f.Found["i2"] = found{Rows: 1} }, "0 audit events"},
		{"a refused write present", func(_ []write, f *facts) { f.Found["i1"] = found{Rows: 1, Audits: 1} }, "answered CONFLICT but the database holds 1 rows"},
		{"a conflict nothing explains", func(w []write, _ *facts) { w[1].Version = 6; w[1].CurrentVersion = 7 }, "which no other committed write took"},
		{"a conflict behind its own version", func(w []write, _ *facts) { w[1].CurrentVersion = 4 }, "not past the 4 sent"},
		{"a lost update", func(w []write, f *facts) {
			w[2].Version, w[2].NewVersion = 4, 5
			f.VersionAfter["cas_a"] = 6
		}, "succeeded on the same version 4"},
		{"a version moved by nobody", func(_ []write, f *facts) { f.VersionAfter["cas_a"] = 7 }, "but 2 versioned writes succeeded"},
		{"an answer with a stale version", func(w []write, _ *facts) { w[0].NewVersion = 4 }, "its answer shows version 4, not 5"},
		{"a timeline event missing", func(_ []write, f *facts) { f.EventsAdded["cas_a"] = 2 }, "gained 2 timeline events"},
		{"a write without an answer", func(w []write, _ *facts) { w[3].Status, w[3].Code = 0, "TRANSPORT" }, "got no answer"},
		{"a fund's total off its interventions", func(_ []write, f *facts) { f.CommittedAdded["fnd_f"] = 800 }, "committed grew by 800 cents"},
		{"the API's use off the sums", func(_ []write, f *facts) { f.FundAPI["fnd_f"] = [3]int64{1000, 200, 800} }, "the API reports committed 1000"},
		{"an overspent fund", func(_ []write, f *facts) {
			f.FundSQL["fnd_f"] = [2]int64{1500, 700}
			f.FundAPI["fnd_f"] = [3]int64{1500, 700, -200}
		}, "is overspent"},
	} {
		t.Run(tc.name, func(t *testing.T) {
			writes, f := goodRun()
			tc.change(writes, &f)
			v := reconcile(writes, f)
			for _, p := range v.Problems {
				if strings.Contains(p, tc.want) {
					return
				}
			}
			t.Errorf("no problem saying %q in %v", tc.want, v.Problems)
		})
	}
}

// TestCasesListNoCount: the perf phase without the count asks for
// everything else the case list asks for, and not the count.
func TestCasesListNoCount(t *testing.T) {
	if strings.Contains(casesListNoCountDoc, "totalCount") || len(casesListNoCountDoc) != len(casesListDoc)-len("    totalCount\n") {
		t.Errorf("the case list without its count:\n%s", casesListNoCountDoc)
	}
}
