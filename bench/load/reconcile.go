package main

import (
	"fmt"
	"slices"
	"sort"
	"strings"
)

// write is one write the load sent and what the server answered.
type write struct {
	Op             string
	Marker         string // the request's X-Request-ID and the text the write leaves
	Case           string
	Version        int // the case's version the client sent; -1 for a note
	Fund           string
	Cost           int64
	Status         int    // HTTP status, 0 without an answer
	Code           string // "" for success, else the error code: TRANSPORT or HTTP_nnn without a GraphQL answer
	NewVersion     int    // the case's version the answer reported
	CurrentVersion int    // a CONFLICT's extensions.currentVersion
}

// found is what the database holds of one write.
type found struct {
	Rows   int // the note, goal or intervention carrying the marker
	Events int // timeline events of the write on its case (notes and goals name the marker)
	Audits int // audit events of the write's action with the request's ID
}

// facts are what the database says, read after the attack (and, for
// versions and funds, before it).
type facts struct {
	Found          map[string]found // by marker
	VersionBefore  map[string]int   // case → version
	VersionAfter   map[string]int
	EventsAdded    map[string]int      // case → timeline events of the load's kinds added during the run
	CommittedAdded map[string]int64    // fund → growth of the sum of its planned and ongoing interventions
	FundSQL        map[string][2]int64 // fund → committed, spent by SQL at the end
	FundAPI        map[string][3]int64 // fund → committed, spent, available as the API reports them at the end
	Allocated      map[string]int64    // fund → allocated cents
}

// verdict is the outcome of reconciliation.
type verdict struct {
	Succeeded, Refused, Conflicts, RealRaces, Unanswered int
	Problems                                             []string
}

// reconcile checks the writes against the database: every success there
// exactly once with its timeline and audit events, every refusal absent,
// every CONFLICT a real race (another committed write took the version
// the client sent), each case's version moved once per versioned
// success, and each fund's totals equal to its interventions.
func reconcile(writes []write, f facts) verdict {
	var v verdict
	problem := func(format string, args ...any) { v.Problems = append(v.Problems, fmt.Sprintf(format, args...)) }
	consumed := map[string]map[int][]string{} // case → version sent by a success → markers
	successes := map[string]int{}             // case → versioned successes
	events := map[string]int{}                // case → timeline events the successes wrote
	costs := map[string]int64{}               // fund → cost of the interventions added
	for _, w := range writes {
		got := f.Found[w.Marker]
		switch {
		case w.Code == "":
			v.Succeeded++
			wantEvents := 1
			if w.Op == opAddIntervention {
				wantEvents = 0 // its event names the kind, not the marker: counted per case below
			}
			if got.Rows != 1 || got.Audits != 1 || got.Events != wantEvents {
				problem("%s %s answered success but the database holds %d rows, %d timeline events, %d audit events of it", w.Op, w.Marker, got.Rows, got.Events, got.Audits)
			}
			events[w.Case]++
			if w.Version >= 0 {
				if consumed[w.Case] == nil {
					consumed[w.Case] = map[int][]string{}
				}
				consumed[w.Case][w.Version] = append(consumed[w.Case][w.Version], w.Marker)
				successes[w.Case]++
				if w.NewVersion != w.Version+1 {
					problem("%s %s sent version %d and its answer shows version %d, not %d", w.Op, w.Marker, w.Version, w.NewVersion, w.Version+1)
				}
			}
			if w.Op == opAddIntervention {
				costs[w.Fund] += w.Cost
			}
		case w.Code == "TRANSPORT" || strings.HasPrefix(w.Code, "HTTP_"):
			// No GraphQL answer: whether it was written is unknown.
			v.Unanswered++
			problem("%s %s got no answer but %s (HTTP %d)", w.Op, w.Marker, w.Code, w.Status)
		default:
			if w.Code == "CONFLICT" {
				v.Conflicts++
			} else {
				v.Refused++
			}
			if got.Rows != 0 || got.Audits != 0 || got.Events != 0 {
				problem("%s %s answered %s but the database holds %d rows, %d audit events of it", w.Op, w.Marker, w.Code, got.Rows, got.Audits)
			}
		}
	}
	for _, w := range writes {
		if w.Code != "CONFLICT" {
			continue
		}
		if takers := consumed[w.Case][w.Version]; len(takers) > 0 && !slices.Contains(takers, w.Marker) {
			v.RealRaces++
		} else {
			problem("%s %s on case %s was refused as CONFLICT at version %d, which no other committed write took", w.Op, w.Marker, w.Case, w.Version)
		}
		if w.CurrentVersion <= w.Version {
			problem("%s %s: CONFLICT says the case is at version %d, not past the %d sent", w.Op, w.Marker, w.CurrentVersion, w.Version)
		}
	}
	for _, c := range sortedKeys(consumed) {
		for version, markers := range consumed[c] {
			if len(markers) > 1 {
				problem("case %s: %d writes succeeded on the same version %d (a lost update): %v", c, len(markers), version, markers)
			}
			if version < f.VersionBefore[c] || version >= f.VersionAfter[c] {
				problem("case %s: a write succeeded on version %d, outside the run's %d..%d", c, version, f.VersionBefore[c], f.VersionAfter[c])
			}
		}
	}
	for _, c := range sortedKeys(f.VersionAfter) {
		if moved := f.VersionAfter[c] - f.VersionBefore[c]; moved != successes[c] {
			problem("case %s moved from version %d to %d, but %d versioned writes succeeded on it", c, f.VersionBefore[c], f.VersionAfter[c], successes[c])
		}
	}
	for _, c := range sortedKeys(f.EventsAdded) {
		if f.EventsAdded[c] != events[c] {
			problem("case %s gained %d timeline events of the load's kinds, but %d writes succeeded on it", c, f.EventsAdded[c], events[c])
		}
	}
	for _, c := range sortedKeys(events) {
		if _, ok := f.EventsAdded[c]; !ok {
			problem("case %s: %d writes succeeded on it, but the timeline gained none", c, events[c])
		}
	}
	for _, fund := range sortedKeys(f.FundSQL) {
		sql, api := f.FundSQL[fund], f.FundAPI[fund]
		if f.CommittedAdded[fund] != costs[fund] {
			problem("fund %s: committed grew by %d cents, but the interventions answered with success cost %d", fund, f.CommittedAdded[fund], costs[fund])
		}
		if api[0] != sql[0] || api[1] != sql[1] || api[2] != f.Allocated[fund]-sql[0]-sql[1] {
			problem("fund %s: the API reports committed %d, spent %d, available %d; its interventions sum to committed %d, spent %d of %d allocated", fund, api[0], api[1], api[2], sql[0], sql[1], f.Allocated[fund])
		}
		if api[2] < 0 {
			problem("fund %s is overspent: %d cents available", fund, api[2])
		}
	}
	return v
}

// sortedKeys returns a map's keys in order, for stable reports.
func sortedKeys[V any](m map[string]V) []string {
	keys := make([]string, 0, len(m))
	for k := range m {
		keys = append(keys, k)
	}
	sort.Strings(keys)
	return keys
}
