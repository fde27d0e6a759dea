package main

import (
	"bufio"
	"context"
	"fmt"
	"maps"
	"math/rand/v2"
	"net/http"
	"os"
	"os/exec"
	"path/filepath"
	"regexp"
	"slices"
	"strconv"
	"strings"
	"time"

	"github.com/progetto-win/win/server/demo"
)

// The perf phases' operations besides the mix's: the case list without
// its count, and the write mix (a case page, then a write on that case).
const (
	opCaseListNoCount = "caseListNoCount"
	opWrites          = "writes"
)

// casesListNoCountDoc is the case list's document without totalCount,
// under the same operation name.
var casesListNoCountDoc = strings.Replace(casesListDoc, "    totalCount\n", "", 1)

// perfListVars ask for the case list as the pgbench script does: the first
// 50 cases, newest first, unfiltered.
var perfListVars = map[string]any{"first": 50, "orderBy": []any{map[string]any{"field": "REFERRED_ON", "direction": "DESC"}}}

// perfRoles are the perf phases' accounts: the committee reads every case
// pseudonymised, the coordinator and the operator their table's.
var perfRoles = []struct {
	name string
	acct account
}{
	{"committee", roles[0]},
	{"coordinator", roles[3]},
	{"operator", roles[2]},
}

// perfOps are the phases' operations and the roles each fits.
var perfOps = []struct {
	op    string
	roles []string
}{
	{opCaseList, []string{"committee", "coordinator", "operator"}},
	{opCaseListNoCount, []string{"committee", "coordinator", "operator"}},
	{opCasePage, []string{"committee", "coordinator", "operator"}},
	{opAgenda, []string{"coordinator", "operator"}},
	{opDashboard, []string{"committee", "coordinator"}},
	{opWrites, []string{"coordinator", "operator"}},
}

// phaseStep is a perf client's next request; ok is false for the mix and
// for the write mix, which choose goes on with (startWrite is 1 then).
func (c *client) phaseStep() (op string, vars map[string]any, ok bool) {
	switch c.only {
	case "", opWrites:
		return "", nil, false
	case opCaseList, opCaseListNoCount:
		return c.only, perfListVars, true
	case opCasePage:
		return opCasePage, map[string]any{"id": pick(c.rnd, c.w.visible[c.acct.email])}, true
	case opDashboard:
		return opDashboard, map[string]any{"filter": c.w.filter}, true
	default:
		return c.only, nil, true
	}
}

// perfConfig is what runPerf measures.
type perfConfig struct {
	base, metrics string // the server's URL and its metrics address's
	pid           int    // the server's process, for its CPU time and memory
	clients       []int
	duration      time.Duration
	phases        *regexp.Regexp // of "op role auth clients"
	pgbench       string         // the server's PostgreSQL database, "" on SQLite
}

// runPerf runs each phase — one operation, one role, session or token, a
// number of closed-loop clients — and prints its throughput, latency,
// SQL statements, CPU and memory; then, on PostgreSQL, the hand-written
// case list through pgbench and WIN's ratio to it.
func runPerf(ctx context.Context, hc *http.Client, cfg perfConfig) error {
	w := &world{runID: "perf", bases: []string{cfg.base}, hot: map[string][]string{}, visible: map[string][]string{},
		filter: dashboardPeriod(time.Now()), startWrite: 1}
	type who struct{ cookie, token string }
	signed := map[string]who{}
	var lookups []*client
	expires := time.Now().Add(24 * time.Hour).Format(time.RFC3339)
	for _, r := range perfRoles {
		cookie, err := signIn(ctx, hc, cfg.base, r.acct.email, demo.Password)
		if err != nil {
			return err
		}
		var t struct {
			CreateAPIToken struct{ Token string } `json:"createApiToken"`
		}
		if _, err := call(ctx, hc, cfg.base, cookie, createTokenDoc, map[string]any{"input": map[string]any{
			"name": "bench " + r.name, "scope": "READ_WRITE", "expiresAt": expires}}, &t); err != nil {
			return fmt.Errorf("creating %s's API token: %w", r.name, err)
		}
		signed[r.name] = who{cookie, t.CreateAPIToken.Token}
		var d caseListData
		if _, err := call(ctx, hc, cfg.base, cookie, casesListDoc, perfListVars, &d); err != nil {
			return fmt.Errorf("listing %s's cases: %w", r.name, err)
		}
		if len(d.Cases.Edges) == 0 {
			return fmt.Errorf("%s sees no case", r.name)
		}
		w.visible[r.acct.email] = d.ids()
		lookups = append(lookups, &client{acct: r.acct, cookie: cookie})
	}
	if err := w.lookUp(ctx, hc, lookups, 20); err != nil {
		return err
	}

	fmt.Printf("%-16s %-12s %-7s %4s %8s %8s %9s %9s %9s %8s %8s  %s\n",
		"operation", "role", "auth", "cli", "requests", "req/s", "p50", "p99", "stmts/req", "cpu ms/r", "peak MB", "outcomes")
	listRate := map[string]float64{} // "auth clients [nocount]" → the committee's case list req/s
	for _, n := range cfg.clients {
		for _, o := range perfOps {
			for _, role := range o.roles {
				for _, auth := range []string{"session", "token"} {
					if !cfg.phases.MatchString(fmt.Sprintf("%s %s %s %d", o.op, role, auth, n)) {
						continue
					}
					cs := make([]*client, n)
					for i := range cs {
						c := &client{idx: i, acct: perfAccount(role), w: w, only: o.op, rnd: rand.New(rand.NewPCG(2026, uint64(i))), processed: make(chan struct{}, 1)}
						if auth == "token" {
							c.token = signed[role].token
						} else {
							c.cookie = signed[role].cookie
						}
						cs[i] = c
					}
					p, err := measure(ctx, hc, cfg, cs)
					if err != nil {
						return err
					}
					fmt.Printf("%-16s %-12s %-7s %4d %8d %8.1f %9s %9s %9.1f %8.2f %8.1f  %s\n", o.op, role, auth, n, p.requests, p.rate,
						ms(p.p50), ms(p.p99), p.statements, p.cpuMS, p.peakMB, p.outcomes)
					for _, e := range p.errors {
						fmt.Printf("    %s\n", e)
					}
					if role == "committee" && (o.op == opCaseList || o.op == opCaseListNoCount) {
						listRate[fmt.Sprintf("%s %s %d", o.op, auth, n)] = p.rate
					}
				}
			}
		}
	}
	if cfg.pgbench == "" {
		return nil
	}
	fmt.Println()
	fmt.Println("The committee's case list against the same rows fetched by hand-written SQL (pgbench, same database):")
	fmt.Printf("%-16s %4s %12s %14s %14s %10s %10s\n", "variant", "cli", "pgbench tps", "WIN session/s", "WIN token/s", "session×", "token×")
	for _, n := range cfg.clients {
		for _, op := range []string{opCaseList, opCaseListNoCount} {
			session, token := listRate[fmt.Sprintf("%s session %d", op, n)], listRate[fmt.Sprintf("%s token %d", op, n)]
			if session == 0 && token == 0 {
				continue
			}
			tps, err := pgbench(ctx, cfg, op == opCaseList, n)
			if err != nil {
				return err
			}
			fmt.Printf("%-16s %4d %12.1f %14.1f %14.1f %9.2f× %9.2f×\n", op, n, tps, session, token, session/tps, token/tps)
		}
	}
	return nil
}

// perfAccount is the account of a perf role.
func perfAccount(role string) account {
	for _, r := range perfRoles {
		if r.name == role {
			return r.acct
		}
	}
	panic("no perf role " + role) // the roles are perfOps', all in perfRoles
}

// phase is what one phase measured.
type phase struct {
	requests                  uint64
	rate                      float64
	p50, p99                  time.Duration
	statements, cpuMS, peakMB float64
	outcomes                  string
	errors                    []string // an example of each error code
}

// measure runs the clients for the phase's duration, with the server's
// statement count and CPU time read before and after.
func measure(ctx context.Context, hc *http.Client, cfg perfConfig, cs []*client) (phase, error) {
	stmts0, reqs0, err := statementsServed(ctx, hc, cfg.metrics)
	if err != nil {
		return phase{}, err
	}
	cpu0, err := cpuTime(cfg.pid)
	if err != nil {
		return phase{}, err
	}
	rec, elapsed := attack(hc, cs, cfg.duration)
	cpu1, err := cpuTime(cfg.pid)
	if err != nil {
		return phase{}, err
	}
	stmts1, reqs1, err := statementsServed(ctx, hc, cfg.metrics)
	if err != nil {
		return phase{}, err
	}
	peak, err := peakRSS(cfg.pid)
	if err != nil {
		return phase{}, err
	}
	m := &rec.all
	m.Close()
	all := map[string]int{}
	for _, codes := range rec.codes {
		for code, n := range codes {
			all[code] += n
		}
	}
	p := phase{requests: m.Requests, rate: float64(m.Requests) / elapsed.Seconds(), p50: m.Latencies.P50, p99: m.Latencies.P99,
		peakMB: float64(peak) / 1024, outcomes: codes(all)}
	for _, code := range slices.Sorted(maps.Keys(rec.samples)) {
		p.errors = append(p.errors, code+", e.g. "+rec.samples[code])
	}
	if reqs1 > reqs0 {
		p.statements = (stmts1 - stmts0) / (reqs1 - reqs0)
	}
	if m.Requests > 0 {
		p.cpuMS = float64(cpu1-cpu0) / float64(m.Requests)
	}
	return p, nil
}

// statementsServed adds up, over every operation, the sum and the count
// of the server's win_sql_statements_per_request histogram.
func statementsServed(ctx context.Context, hc *http.Client, metrics string) (sum, count float64, err error) {
	req, err := http.NewRequestWithContext(ctx, http.MethodGet, metrics+"/metrics", nil)
	if err != nil {
		return 0, 0, err
	}
	resp, err := hc.Do(req)
	if err != nil {
		return 0, 0, fmt.Errorf("reading the server's metrics: %w", err)
	}
	defer resp.Body.Close()
	if resp.StatusCode != http.StatusOK {
		return 0, 0, fmt.Errorf("reading the server's metrics: HTTP %d", resp.StatusCode)
	}
	sc := bufio.NewScanner(resp.Body)
	for sc.Scan() {
		line := sc.Text()
		var into *float64
		switch {
		case strings.HasPrefix(line, "win_sql_statements_per_request_sum{"):
			into = &sum
		case strings.HasPrefix(line, "win_sql_statements_per_request_count{"):
			into = &count
		default:
			continue
		}
		v, err := strconv.ParseFloat(line[strings.LastIndexByte(line, ' ')+1:], 64)
		if err != nil {
			return 0, 0, fmt.Errorf("metrics line %q: %w", line, err)
		}
		*into += v
	}
	return sum, count, sc.Err()
}

// clockTicks is the unit of /proc/<pid>/stat's times (USER_HZ, 100 on
// Linux whatever the kernel's HZ).
const clockTicks = 100

// cpuTime is the process's user and system CPU time so far, in ms.
func cpuTime(pid int) (int64, error) {
	b, err := os.ReadFile(fmt.Sprintf("/proc/%d/stat", pid))
	if err != nil {
		return 0, err
	}
	// After the command's name in parentheses: state is field 3, utime
	// and stime fields 14 and 15.
	f := strings.Fields(string(b[strings.LastIndexByte(string(b), ')')+1:]))
	if len(f) < 13 {
		return 0, fmt.Errorf("/proc/%d/stat: %d fields", pid, len(f))
	}
	var ticks int64
	for _, s := range f[11:13] {
		n, err := strconv.ParseInt(s, 10, 64)
		if err != nil {
			return 0, err
		}
		ticks += n
	}
	return ticks * 1000 / clockTicks, nil
}

// peakRSS is the process's peak resident memory (VmHWM), in KiB.
func peakRSS(pid int) (int64, error) {
	b, err := os.ReadFile(fmt.Sprintf("/proc/%d/status", pid))
	if err != nil {
		return 0, err
	}
	for _, line := range strings.Split(string(b), "\n") {
		if rest, ok := strings.CutPrefix(line, "VmHWM:"); ok {
			return strconv.ParseInt(strings.TrimSuffix(strings.TrimSpace(rest), " kB"), 10, 64)
		}
	}
	return 0, fmt.Errorf("/proc/%d/status has no VmHWM", pid)
}

// handListSQL is the committee's case list by hand: the rows and columns
// casesListDoc asks for, the first 50 newest first (ent breaks ties by
// ID), then the count.
const handListSQL = `SELECT c.id, c.code, c.status, c.priority, c.referred_on, c.first_meeting_due_on, c.plan_due_on,
  p.id, p.pseudonym, p.birth_year, t.id, t.name, m.id, m.name
FROM cases c
JOIN persons p ON p.id = c.case_file_person
JOIN territorial_tables t ON t.id = c.case_file_table
LEFT JOIN users m ON m.id = c.case_file_case_manager
ORDER BY c.referred_on DESC, c.id DESC
LIMIT 50;
`

// pgbench runs the hand-written case list, with its count or without, on
// n connections for the phase's duration and returns its transactions a
// second (one transaction: the list, and the count).
func pgbench(ctx context.Context, cfg perfConfig, withCount bool, n int) (float64, error) {
	script := handListSQL
	if withCount {
		script += "SELECT count(*) FROM cases;\n"
	}
	dir, err := os.MkdirTemp("", "win-pgbench")
	if err != nil {
		return 0, err
	}
	defer os.RemoveAll(dir)
	file := filepath.Join(dir, "caselist.sql")
	if err := os.WriteFile(file, []byte(script), 0o600); err != nil {
		return 0, err
	}
	cmd := exec.CommandContext(ctx, "pgbench", "-n", "-f", file, "-c", strconv.Itoa(n), "-j", "2",
		"-T", strconv.Itoa(max(1, int(cfg.duration.Seconds()))), cfg.pgbench)
	out, err := cmd.CombinedOutput()
	if err != nil {
		return 0, fmt.Errorf("pgbench: %w: %s", err, out)
	}
	m := regexp.MustCompile(`tps = ([0-9.]+) \(without initial connection time\)`).FindSubmatch(out)
	if m == nil {
		return 0, fmt.Errorf("pgbench printed no tps: %s", out)
	}
	return strconv.ParseFloat(string(m[1]), 64)
}

// createTokenDoc is the account page's (ApiTokens.tsx), asking only for
// the secret.
const createTokenDoc = `mutation AccountCreateApiToken($input: CreateApiTokenInput!) { createApiToken(input: $input) { token } }`
