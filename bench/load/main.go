// Command load drives running WIN servers with concurrent signed-in
// clients — a realistic mix of reads as several roles and versioned
// writes — through vegeta's attacker, then reconciles every write against
// the database and prints throughput and latency per operation.
//
//	go run ./bench/load -urls http://127.0.0.1:8080 -database-url 'postgres://…' -clients 64 -duration 60s
//
// bench/load.sh builds the server, loads the demo data and runs it;
// docs/load-testing.md explains the figures.
package main

import (
	"context"
	crand "crypto/rand"
	"encoding/hex"
	"flag"
	"fmt"
	"math/rand/v2"
	"net/http"
	"os"
	"regexp"
	"strconv"
	"strings"
	"sync"
	"time"

	vegeta "github.com/tsenart/vegeta/v12/lib"

	"github.com/progetto-win/win/server/demo"
	"github.com/progetto-win/win/server/store"
)

func main() {
	if err := run(); err != nil {
		fmt.Fprintln(os.Stderr, "load:", err)
		os.Exit(1)
	}
}

func run() error {
	urls := flag.String("urls", "http://127.0.0.1:8080", "the servers' base URLs, comma-separated: each client sends its requests to them in turn")
	dbURL := flag.String("database-url", os.Getenv("WIN_DATABASE_URL"), "the servers' database, read directly to reconcile the writes")
	clients := flag.Int("clients", 64, "concurrent clients, each with its own session")
	duration := flag.Duration("duration", 60*time.Second, "length of the attack")
	hot := flag.Int("hot-cases", 20, "working cases per table the writers of that table share (fewer: more races)")
	writeShare := flag.Float64("write-share", 0.2, "share of requests that are writes")
	seed := flag.Uint64("seed", 2026, "seed of the clients' choices")
	without := flag.String("without", "", "leave agenda and/or dashboard out of the mix (comma-separated; the case list takes their turn), to see what they cost the other operations")
	timeout := flag.Duration("timeout", 5*time.Minute, "how long a client waits for an answer: longer than the server's WIN_REQUEST_TIMEOUT, so that the server's own deadline answers")
	perf := flag.Bool("perf", false, "run the benchmark's phases (perf.go) instead of the mix: one operation, role and authentication at a time")
	metricsURL := flag.String("metrics-url", "", "with -perf: the server's metrics address, for its SQL statements per request")
	pid := flag.Int("server-pid", 0, "with -perf: the server's process ID, for its CPU time and peak memory")
	perfClients := flag.String("perf-clients", "8,32", "with -perf: the client counts each phase runs at, comma-separated")
	phases := flag.String("phases", "", `with -perf: a regular expression the phases run must match, on "operation role auth clients", e.g. "^caseList committee"`)
	pgbenchURL := flag.String("pgbench-url", "", "with -perf: the server's PostgreSQL database, to run the hand-written case list through pgbench")
	flag.Parse()
	if *perf {
		cfg := perfConfig{base: strings.Split(*urls, ",")[0], metrics: *metricsURL, pid: *pid, duration: *duration, pgbench: *pgbenchURL}
		var err error
		if cfg.phases, err = regexp.Compile(*phases); err != nil {
			return fmt.Errorf("-phases: %w", err)
		}
		for _, n := range strings.Split(*perfClients, ",") {
			c, err := strconv.Atoi(strings.TrimSpace(n))
			if err != nil || c < 1 {
				return fmt.Errorf("-perf-clients: %q is not a number of clients", n)
			}
			cfg.clients = append(cfg.clients, c)
		}
		if cfg.metrics == "" || cfg.pid == 0 {
			return fmt.Errorf("-perf needs -metrics-url and -server-pid")
		}
		return runPerf(context.Background(), &http.Client{Timeout: *timeout, Transport: &http.Transport{MaxIdleConnsPerHost: 64, IdleConnTimeout: time.Minute}}, cfg)
	}
	if *dbURL == "" {
		return fmt.Errorf("-database-url (or WIN_DATABASE_URL) is required to reconcile")
	}
	ctx := context.Background()
	bases := strings.Split(*urls, ",")
	hc := &http.Client{Timeout: *timeout, Transport: &http.Transport{MaxIdleConnsPerHost: *clients, IdleConnTimeout: time.Minute}}
	db, err := store.Open(*dbURL)
	if err != nil {
		return err
	}
	defer db.Close()

	runID := make([]byte, 4)
	_, _ = crand.Read(runID)
	w := &world{runID: hex.EncodeToString(runID), bases: bases, hot: map[string][]string{}, filter: dashboardPeriod(time.Now()), without: map[string]bool{}}
	for _, op := range strings.Split(*without, ",") {
		switch op {
		case opAgenda, opDashboard:
			w.without[op] = true
		case "":
		default:
			return fmt.Errorf("-without takes %s and %s, not %q", opAgenda, opDashboard, op)
		}
	}
	cs, signInTime, err := signInAll(ctx, hc, w, *clients, *seed)
	if err != nil {
		return err
	}
	members := 0
	for _, c := range cs {
		if c.acct.member != "" {
			members++
		}
	}
	// A write costs two requests (its case page, then the write): a
	// member starting one with chance p makes p/(1+p) of its requests
	// writes.
	perMember := *writeShare * float64(*clients) / float64(max(members, 1))
	if perMember >= 1 {
		return fmt.Errorf("too few members among %d clients for a write share of %.2f", *clients, *writeShare)
	}
	w.startWrite = perMember / (1 - perMember)
	if err := w.lookUp(ctx, hc, cs, *hot); err != nil {
		return err
	}
	var hotCases []string
	for _, ids := range w.hot {
		hotCases = append(hotCases, ids...)
	}
	before, err := takeSnapshot(ctx, db.SQL, hotCases, w.funds)
	if err != nil {
		return err
	}

	fmt.Printf("WIN load: %d clients (%d writing at a table) on %s for %s; database %s; run %s\n",
		*clients, members, strings.Join(bases, " + "), *duration, db.Dialect, w.runID)
	fmt.Printf("sign-in of %d sessions: %s; %d shared working cases, %d funds\n", len(cs), signInTime.Round(time.Millisecond), len(hotCases), len(w.funds))
	rec, elapsed := attack(hc, cs, *duration)
	rec.print(os.Stdout, elapsed)

	after, err := takeSnapshot(ctx, db.SQL, hotCases, w.funds)
	if err != nil {
		return err
	}
	got, err := findWrites(ctx, db.SQL, w.runID, rec.writes)
	if err != nil {
		return err
	}
	api, err := fundsAsReported(ctx, hc, bases[0], cs)
	if err != nil {
		return err
	}
	f := facts{Found: got, VersionBefore: before.versions, VersionAfter: after.versions, EventsAdded: map[string]int{},
		CommittedAdded: map[string]int64{}, FundSQL: after.funds, FundAPI: api, Allocated: after.allocated}
	for c, n := range after.events {
		f.EventsAdded[c] = n - before.events[c]
	}
	for fund, n := range after.committed {
		f.CommittedAdded[fund] = n - before.committed[fund]
	}
	v := reconcile(rec.writes, f)
	fmt.Printf("writes: %d succeeded, %d CONFLICT (%d real races), %d refused otherwise, %d without an answer\n",
		v.Succeeded, v.Conflicts, v.RealRaces, v.Refused, v.Unanswered)
	fails := v.Problems
	if n := rec.count(broken); n > 0 {
		fails = append(fails, fmt.Sprintf("%d answers were missing, untyped HTTP errors, INTERNAL or RATE_LIMITED", n))
	}
	if n := rec.count(func(code string) bool { return code == "TIMEOUT" }); n > 0 {
		// A typed answer, with nothing written: the server is saturated,
		// which the figures show; it is not a reconciliation failure.
		fmt.Printf("saturated: %d requests (%.1f%%) ran past the server's request timeout and were answered TIMEOUT\n",
			n, 100*float64(n)/float64(rec.all.Requests))
	}
	if rec.locked > 0 {
		fails = append(fails, fmt.Sprintf("%d answers said \"database is locked\"", rec.locked))
	}
	if len(fails) > 0 {
		fmt.Println("RECONCILIATION FAILED:")
		for _, p := range fails {
			fmt.Println("  -", p)
		}
		return fmt.Errorf("%d problems", len(fails))
	}
	fmt.Println("reconciliation: OK — every success is in the database once with its timeline and audit events, no refused write is, every CONFLICT was a real race, versions and fund totals add up")
	return nil
}

// signInAll opens a session per client, on the servers in turn, four at
// a time (the server hashes a few passwords at once).
func signInAll(ctx context.Context, hc *http.Client, w *world, n int, seed uint64) ([]*client, time.Duration, error) {
	cs := make([]*client, n)
	start := time.Now()
	errs := make(chan error, n)
	sem := make(chan struct{}, 4)
	var wg sync.WaitGroup
	for i := range cs {
		c := &client{idx: i, acct: roles[i%len(roles)], w: w, rnd: rand.New(rand.NewPCG(seed, uint64(i))), processed: make(chan struct{}, 1)}
		cs[i] = c
		wg.Add(1)
		go func() {
			defer wg.Done()
			sem <- struct{}{}
			defer func() { <-sem }()
			cookie, err := signIn(ctx, hc, w.bases[i%len(w.bases)], c.acct.email, demo.Password)
			c.cookie = cookie
			errs <- err
		}()
	}
	wg.Wait()
	close(errs)
	for err := range errs {
		if err != nil {
			return nil, 0, err
		}
	}
	return cs, time.Since(start), nil
}

// lookUp finds, as the clients' own accounts, the working cases each
// table's writers share, this year's funds and the providers.
func (w *world) lookUp(ctx context.Context, hc *http.Client, cs []*client, hot int) error {
	for _, c := range cs {
		table := c.acct.member
		if table == "" || w.hot[table] != nil {
			continue
		}
		var d caseListData
		where := map[string]any{"statusIn": []string{"IN_CHARGE", "MONITORING"}, "hasPlan": true, "hasTableWith": []any{map[string]any{"code": table}}}
		_, err := call(ctx, hc, w.bases[0], c.cookie, casesListDoc, map[string]any{"first": hot, "where": where,
			"orderBy": []any{map[string]any{"field": "CODE", "direction": "ASC"}}}, &d)
		if err != nil {
			return fmt.Errorf("finding %s's working cases: %w", table, err)
		}
		if len(d.Cases.Edges) == 0 {
			return fmt.Errorf("table %s has no working case", table)
		}
		w.hot[table] = d.ids()
		if w.funds != nil {
			continue
		}
		var f fundsData
		if _, err := call(ctx, hc, w.bases[0], c.cookie, fundsDoc, nil, &f); err != nil {
			return fmt.Errorf("listing funds: %w", err)
		}
		year := time.Now().Year()
		for _, e := range f.Funds.Edges {
			if e.Node.Year == year && e.Node.Use.AvailableCents > 0 {
				w.funds = append(w.funds, e.Node.ID)
			}
		}
		if len(w.funds) == 0 {
			return fmt.Errorf("no fund of %d has money left", year)
		}
		var o struct {
			Organizations struct {
				Edges []struct {
					Node struct{ ID string } `json:"node"`
				} `json:"edges"`
			} `json:"organizations"`
		}
		if _, err := call(ctx, hc, w.bases[0], c.cookie, organizationsDoc, nil, &o); err != nil {
			return fmt.Errorf("listing organisations: %w", err)
		}
		for _, e := range o.Organizations.Edges {
			w.providers = append(w.providers, e.Node.ID)
		}
	}
	if len(w.hot) == 0 {
		return fmt.Errorf("no client works at a table: use at least %d clients", len(roles))
	}
	return nil
}

// caseListData is the answer of casesListDoc, as far as the load reads it.
type caseListData struct {
	Cases struct {
		Edges []struct {
			Node struct{ ID string } `json:"node"`
		} `json:"edges"`
	} `json:"cases"`
}

// ids are the listed cases' IDs, in order.
func (d caseListData) ids() []string {
	ids := make([]string, 0, len(d.Cases.Edges))
	for _, e := range d.Cases.Edges {
		ids = append(ids, e.Node.ID)
	}
	return ids
}

type fundsData struct {
	Funds struct {
		Edges []struct {
			Node struct {
				ID   string `json:"id"`
				Year int    `json:"year"`
				Use  struct {
					CommittedCents, SpentCents, AvailableCents int64
				} `json:"use"`
			} `json:"node"`
		} `json:"edges"`
	} `json:"funds"`
}

// fundsAsReported reads the funds' use through the API after the run.
func fundsAsReported(ctx context.Context, hc *http.Client, base string, cs []*client) (map[string][3]int64, error) {
	for _, c := range cs {
		if c.acct.member == "" {
			continue
		}
		var f fundsData
		if _, err := call(ctx, hc, base, c.cookie, fundsDoc, nil, &f); err != nil {
			return nil, fmt.Errorf("reading the funds: %w", err)
		}
		out := map[string][3]int64{}
		for _, e := range f.Funds.Edges {
			out[e.Node.ID] = [3]int64{e.Node.Use.CommittedCents, e.Node.Use.SpentCents, e.Node.Use.AvailableCents}
		}
		return out, nil
	}
	return nil, fmt.Errorf("no member client to read the funds")
}

// dashboardPeriod is the dashboard's default for the committee: the
// twelve whole months before this one, Italian time.
func dashboardPeriod(now time.Time) map[string]any {
	rome, err := time.LoadLocation("Europe/Rome")
	if err != nil {
		rome = time.UTC
	}
	y, m, _ := now.In(rome).Date()
	to := time.Date(y, m, 1, 0, 0, 0, 0, rome)
	return map[string]any{"from": to.AddDate(-1, 0, 0).Format(time.DateOnly), "to": to.Format(time.DateOnly)}
}

// attack runs every client, each a closed loop on its own vegeta
// attacker, for the duration, and returns what they recorded and how
// long they took.
func attack(hc *http.Client, cs []*client, duration time.Duration) (*recorder, time.Duration) {
	rec := newRecorder()
	start := time.Now()
	var wg sync.WaitGroup
	for _, c := range cs {
		c.rec = rec
		atk := vegeta.NewAttacker(vegeta.Client(hc), vegeta.Workers(1), vegeta.MaxWorkers(1))
		results := atk.Attack(c.next, c, duration, fmt.Sprintf("client-%d", c.idx))
		wg.Add(1)
		go func() {
			defer wg.Done()
			for r := range results {
				c.observe(r)
			}
		}()
	}
	wg.Wait()
	return rec, time.Since(start)
}
