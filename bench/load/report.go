package main

import (
	"fmt"
	"io"
	"maps"
	"slices"
	"sort"
	"strings"
	"sync"
	"time"

	vegeta "github.com/tsenart/vegeta/v12/lib"
)

// recorder gathers every client's results: vegeta's metrics per
// operation, the outcome codes, and the writes for reconciliation.
type recorder struct {
	mu      sync.Mutex
	metrics map[string]*vegeta.Metrics
	all     vegeta.Metrics
	codes   map[string]map[string]int // operation → outcome code ("OK", CONFLICT, HTTP_503…) → count
	samples map[string]string         // outcome code → the first message seen with it
	locked  int                       // answers that said "database is locked"
	writes  []write
}

func newRecorder() *recorder {
	return &recorder{metrics: map[string]*vegeta.Metrics{}, codes: map[string]map[string]int{}, samples: map[string]string{}}
}

func (r *recorder) add(op string, res *vegeta.Result, code, message string, locked bool) {
	r.mu.Lock()
	defer r.mu.Unlock()
	m := r.metrics[op]
	if m == nil {
		m = &vegeta.Metrics{}
		r.metrics[op] = m
		r.codes[op] = map[string]int{}
	}
	m.Add(res)
	r.all.Add(res)
	if code == "" {
		code = "OK"
	}
	r.codes[op][code]++
	if _, ok := r.samples[code]; !ok && code != "OK" {
		r.samples[code] = op + ": " + message
	}
	if locked {
		r.locked++
	}
}

func (r *recorder) addWrite(w write) {
	r.mu.Lock()
	defer r.mu.Unlock()
	r.writes = append(r.writes, w)
}

// count adds up the outcomes that match.
func (r *recorder) count(match func(code string) bool) int {
	n := 0
	for _, codes := range r.codes {
		for code, count := range codes {
			if match(code) {
				n += count
			}
		}
	}
	return n
}

// broken is an outcome the run must not have: no answer, an HTTP error
// without a GraphQL one, INTERNAL, or a throttled client (the load runs
// with the rate limit raised).
func broken(code string) bool {
	return code == "TRANSPORT" || strings.HasPrefix(code, "HTTP_") || code == "INTERNAL" || code == "RATE_LIMITED"
}

// print writes the figures: per operation the requests, their share,
// the throughput over the attack, the latency percentiles, and the
// outcome codes.
func (r *recorder) print(w io.Writer, elapsed time.Duration) {
	ops := slices.Sorted(maps.Keys(r.metrics))
	fmt.Fprintf(w, "%-16s %8s %6s %8s %8s %8s %8s %8s  %s\n", "operation", "requests", "share", "req/s", "p50", "p90", "p99", "max", "outcomes")
	line := func(name string, m *vegeta.Metrics, outcomes string) {
		m.Close()
		fmt.Fprintf(w, "%-16s %8d %5.1f%% %8.1f %8s %8s %8s %8s  %s\n", name, m.Requests, 100*float64(m.Requests)/float64(r.all.Requests),
			float64(m.Requests)/elapsed.Seconds(), ms(m.Latencies.P50), ms(m.Latencies.P90), ms(m.Latencies.P99), ms(m.Latencies.Max), outcomes)
	}
	for _, op := range ops {
		line(op, r.metrics[op], codes(r.codes[op]))
	}
	line("all", &r.all, "")
	for _, code := range slices.Sorted(maps.Keys(r.samples)) {
		fmt.Fprintf(w, "  %s, e.g. %s\n", code, r.samples[code])
	}
	if r.locked > 0 {
		fmt.Fprintf(w, "answers saying \"database is locked\": %d\n", r.locked)
	}
}

// ms formats a latency in milliseconds.
func ms(d time.Duration) string {
	return fmt.Sprintf("%.1fms", float64(d)/float64(time.Millisecond))
}

// codes formats outcome counts, most frequent first.
func codes(m map[string]int) string {
	keys := slices.Collect(maps.Keys(m))
	sort.Slice(keys, func(i, j int) bool { return m[keys[i]] > m[keys[j]] || m[keys[i]] == m[keys[j]] && keys[i] < keys[j] })
	parts := make([]string, len(keys))
	for i, k := range keys {
		parts[i] = fmt.Sprintf("%s=%d", k, m[k])
	}
	return strings.Join(parts, " ")
}
