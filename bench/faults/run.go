package main

import (
	"bytes"
	"context"
	"database/sql"
	"encoding/json"
	"fmt"
	"io"
	"net/http"
	"net/http/cookiejar"
	"os"
	"os/exec"
	"sort"
	"strings"
	"sync"
	"time"

	"github.com/progetto-win/win/domain/gid"
	"github.com/progetto-win/win/server/store"
)

// client is one signed-in browser of the coordinator of the Empoli table.
type client struct {
	base string
	http *http.Client
}

// answer is what a request got: its status, its first error's code, and
// its data.
type answer struct {
	status int
	code   string
	data   json.RawMessage
	stack  bool // the body carries something like a stack trace or SQL
}

// outcome names an answer for the tallies: "200", "503 UNAVAILABLE",
// "connection refused"…
func (a answer) outcome(err error) string {
	if err != nil {
		switch {
		case strings.Contains(err.Error(), "connection refused"):
			return "no answer: connection refused"
		case strings.Contains(err.Error(), "EOF"), strings.Contains(err.Error(), "reset"):
			return "no answer: connection closed"
		}
		return "no answer: " + err.Error()
	}
	if a.code == "" {
		return fmt.Sprint(a.status)
	}
	return fmt.Sprintf("%d %s", a.status, a.code)
}

var leakWords = []string{"goroutine", "panic", "pq:", "SQLITE", "sql:", "dial tcp", ".go:"}

func (c *client) do(ctx context.Context, query string, vars map[string]any) (answer, error) {
	body, _ := json.Marshal(map[string]any{"query": query, "variables": vars})
	req, err := http.NewRequestWithContext(ctx, http.MethodPost, c.base+"/graphql", bytes.NewReader(body))
	if err != nil {
		return answer{}, err
	}
	req.Header.Set("Content-Type", "application/json")
	resp, err := c.http.Do(req)
	if err != nil {
		return answer{}, err
	}
	defer resp.Body.Close()
	raw, err := io.ReadAll(resp.Body)
	if err != nil {
		return answer{}, err
	}
	a := answer{status: resp.StatusCode}
	for _, w := range leakWords {
		if bytes.Contains(raw, []byte(w)) {
			a.stack = true
		}
	}
	var r struct {
		Data   json.RawMessage `json:"data"`
		Errors []struct {
			Extensions struct{ Code string } `json:"extensions"`
		} `json:"errors"`
	}
	if json.Unmarshal(raw, &r) == nil {
		a.data = r.Data
		if len(r.Errors) > 0 {
			a.code = r.Errors[0].Extensions.Code
			if a.code == "" {
				a.code = "(no code)"
			}
		}
	}
	return a, nil
}

func signIn(ctx context.Context, base, email, password string) (*client, error) {
	jar, _ := cookiejar.New(nil)
	c := &client{base: base, http: &http.Client{Jar: jar, Timeout: 15 * time.Second}}
	a, err := c.do(ctx, `mutation($e: String!, $p: String!) { login(input: {email: $e, password: $p}) { viewer { name } } }`,
		map[string]any{"e": email, "p": password})
	if err != nil {
		return nil, err
	}
	if a.status != http.StatusOK || a.code != "" {
		return nil, fmt.Errorf("signing in as %s: %d %s", email, a.status, a.code)
	}
	return c, nil
}

// casesToWrite lists the Empoli table's cases a plan step may be taken on.
func casesToWrite(ctx context.Context, c *client) ([]gid.ID, error) {
	a, err := c.do(ctx, `{ cases(first: 100, where: {statusIn: [IN_CHARGE, MONITORING], hasTableWith: [{code: "EMP"}]}) {
		edges { node { id } } } }`, nil)
	if err != nil {
		return nil, err
	}
	var out struct {
		Cases struct {
			Edges []struct{ Node struct{ ID gid.ID } }
		}
	}
	if err := json.Unmarshal(a.data, &out); err != nil || a.code != "" {
		return nil, fmt.Errorf("listing cases: %d %s %v", a.status, a.code, err)
	}
	var ids []gid.ID
	for _, e := range out.Cases.Edges {
		ids = append(ids, e.Node.ID)
	}
	return ids, nil
}

// recorder keeps the tallies and the timeline of a run.
type recorder struct {
	mu       sync.Mutex
	start    time.Time
	outcomes map[string]int // by operation and outcome
	leaks    int
	writes   []write
	okAt     []time.Duration // successful answers, since the start
	failAt   []time.Duration // failed answers
	ready    []sample        // /readyz
	dbUp     []sample        // the database accepting connections
}

type sample struct {
	At time.Duration
	OK bool
}

func (r *recorder) note(op string, a answer, err error) {
	r.mu.Lock()
	defer r.mu.Unlock()
	r.outcomes[op+" → "+a.outcome(err)]++
	if a.stack {
		r.leaks++
	}
	at := time.Since(r.start)
	if err == nil && a.status == http.StatusOK && a.code == "" {
		r.okAt = append(r.okAt, at)
	} else {
		r.failAt = append(r.failAt, at)
	}
}

func runCommand(args []string) error {
	fs := flags("run")
	server := fs.String("server", "http://127.0.0.1:18090", "the WIN server")
	dbURL := fs.String("db", "", "the server's database, for the record of the cases before the run")
	probe := fs.String("probe", "", "a postgres:// URL to probe, for when the database accepts connections again (PostgreSQL only)")
	statePath := fs.String("state", "faults-state.json", "where to write the run's record, for verify")
	clients := fs.Int("clients", 8, "concurrent clients")
	duration := fs.Duration("duration", 20*time.Second, "how long to run")
	fault := fs.String("fault", "", "a shell command run once, at -fault-at")
	faultAt := fs.Duration("fault-at", 8*time.Second, "when to run the fault")
	_ = fs.Parse(args)

	ctx := context.Background()
	boss, err := signIn(ctx, *server, "coordinator@demo.example", "win-demo-2026")
	if err != nil {
		return err
	}
	ids, err := casesToWrite(ctx, boss)
	if err != nil {
		return err
	}
	if len(ids) < *clients {
		return fmt.Errorf("only %d cases to write for %d clients", len(ids), *clients)
	}
	db, err := store.Open(*dbURL)
	if err != nil {
		return err
	}
	s := &state{Started: time.Now(), Cases: map[string]trace{}}
	for _, id := range ids {
		t, err := readTrace(ctx, db.Client(), id)
		if err != nil {
			return fmt.Errorf("reading case %s: %w", id, err)
		}
		s.Cases[string(id)] = t
	}
	_ = db.Close()

	// Signed in before the clock starts: sign-ins take a second each.
	browsers := make([]*client, *clients)
	for w := range browsers {
		if browsers[w], err = signIn(ctx, *server, "coordinator@demo.example", "win-demo-2026"); err != nil {
			return err
		}
	}
	rec := &recorder{start: time.Now(), outcomes: map[string]int{}}
	runCtx, stop := context.WithTimeout(ctx, *duration)
	defer stop()
	var wg sync.WaitGroup
	for w, c := range browsers {
		var own []gid.ID
		for i := w; i < len(ids); i += *clients {
			own = append(own, ids[i])
		}
		wg.Add(1)
		go func() {
			defer wg.Done()
			work(runCtx, c, w, own, rec)
		}()
	}
	wg.Add(1)
	go func() {
		defer wg.Done()
		watch(runCtx, *server, *probe, rec)
	}()
	var faultDone time.Duration
	if *fault != "" {
		go func() {
			select {
			case <-runCtx.Done():
				return
			case <-time.After(*faultAt):
			}
			fmt.Printf("fault at %.2fs: %s\n", time.Since(rec.start).Seconds(), *fault)
			cmd := exec.Command("sh", "-c", *fault)
			cmd.Stdout, cmd.Stderr = os.Stderr, os.Stderr
			if err := cmd.Run(); err != nil {
				fmt.Fprintln(os.Stderr, "fault command:", err)
			}
			rec.mu.Lock()
			faultDone = time.Since(rec.start)
			rec.mu.Unlock()
			fmt.Printf("fault command returned at %.2fs\n", faultDone.Seconds())
		}()
	}
	wg.Wait()
	s.Writes = rec.writes
	report(rec, *faultAt)
	return saveState(*statePath, s)
}

// work runs one client until the run ends: on each of its own cases in
// turn a plan step with the version it knows, a note, and a read of the
// case list. Requests are not cancelled at the end, so that every write
// sent gets its answer.
func work(run context.Context, c *client, w int, own []gid.ID, rec *recorder) {
	ctx := context.Background()
	versions := map[gid.ID]int{}
	n := 0
	for run.Err() == nil {
		id := own[n%len(own)]
		n++
		if _, known := versions[id]; !known {
			a, err := c.do(ctx, `query($id: ID!) { node(id: $id) { ... on Case { version } } }`, map[string]any{"id": id})
			rec.note("read case", a, err)
			var out struct{ Node struct{ Version int } }
			if err != nil || a.code != "" || json.Unmarshal(a.data, &out) != nil {
				pause(run, a, err)
				continue
			}
			versions[id] = out.Node.Version
		}
		text := fmt.Sprintf("%sclient %d step %d at %s", notePrefix, w, n, time.Now().Format(time.RFC3339Nano))
		a, err := c.do(ctx, `mutation($id: ID!, $v: Int!, $s: String!) { updatePlan(id: $id, version: $v, input: {summary: $s}) { id } }`,
			map[string]any{"id": id, "v": versions[id], "s": text})
		rec.note("updatePlan", a, err)
		ok := err == nil && a.status == http.StatusOK && a.code == ""
		rec.add(write{Kind: "plan", Case: string(id), Text: text, Acked: ok})
		if ok {
			versions[id]++
		} else {
			// Whether it committed is unknown: read the version again.
			delete(versions, id)
			pause(run, a, err)
			continue
		}
		note := fmt.Sprintf("%snote of client %d, %d", notePrefix, w, n)
		a, err = c.do(ctx, `mutation($id: ID!, $t: String!) { addNote(id: $id, text: $t) { id } }`, map[string]any{"id": id, "t": note})
		rec.note("addNote", a, err)
		rec.add(write{Kind: "note", Case: string(id), Text: note, Acked: err == nil && a.status == http.StatusOK && a.code == ""})
		a, err = c.do(ctx, `{ cases(first: 20, orderBy: [{field: REFERRED_ON, direction: DESC}]) { totalCount edges { node { id code status version } } } }`, nil)
		rec.note("case list", a, err)
		pause(run, a, err)
	}
}

func (r *recorder) add(w write) {
	r.mu.Lock()
	defer r.mu.Unlock()
	r.writes = append(r.writes, w)
}

// pause waits a little after a failure, as a client told to retry would
// (not the full Retry-After, to see the recovery to the tenth of a second).
func pause(ctx context.Context, a answer, err error) {
	if err == nil && a.status == http.StatusOK && a.code == "" {
		return
	}
	select {
	case <-ctx.Done():
	case <-time.After(100 * time.Millisecond):
	}
}

// watch polls /readyz and, when given, the database itself, every 100 ms.
func watch(ctx context.Context, server, probe string, rec *recorder) {
	hc := &http.Client{Timeout: 3 * time.Second}
	tick := time.NewTicker(100 * time.Millisecond)
	defer tick.Stop()
	for {
		select {
		case <-ctx.Done():
			return
		case <-tick.C:
		}
		// The database first, then /readyz, each stamped when it
		// answered: a /readyz ok stamped after the database's return
		// was asked after it.
		if probe != "" {
			up := dbAccepts(probe)
			rec.mu.Lock()
			rec.dbUp = append(rec.dbUp, sample{time.Since(rec.start), up})
			rec.mu.Unlock()
		}
		resp, err := hc.Get(server + "/readyz")
		ok := err == nil && resp.StatusCode == http.StatusOK
		if err == nil {
			_ = resp.Body.Close()
		}
		rec.mu.Lock()
		rec.ready = append(rec.ready, sample{time.Since(rec.start), ok})
		rec.mu.Unlock()
	}
}

// dbAccepts opens a fresh connection to the database and runs a query.
func dbAccepts(url string) bool {
	db, err := sql.Open("postgres", url)
	if err != nil {
		return false
	}
	defer db.Close()
	ctx, cancel := context.WithTimeout(context.Background(), time.Second)
	defer cancel()
	return db.PingContext(ctx) == nil
}

// firstAfter is the first sample with ok after at, or -1.
func firstAfter(samples []sample, at time.Duration, ok bool) time.Duration {
	for _, s := range samples {
		if s.At > at && s.OK == ok {
			return s.At
		}
	}
	return -1
}

func report(rec *recorder, faultAt time.Duration) {
	rec.mu.Lock()
	defer rec.mu.Unlock()
	keys := make([]string, 0, len(rec.outcomes))
	for k := range rec.outcomes {
		keys = append(keys, k)
	}
	sort.Strings(keys)
	fmt.Println("answers by operation and outcome:")
	for _, k := range keys {
		fmt.Printf("  %-60s %6d\n", k, rec.outcomes[k])
	}
	fmt.Printf("answers carrying a stack, SQL or driver words: %d\n", rec.leaks)
	acked := 0
	for _, w := range rec.writes {
		if w.Acked {
			acked++
		}
	}
	fmt.Printf("writes sent %d, answered with success %d\n", len(rec.writes), acked)
	sec := func(d time.Duration) string { return fmt.Sprintf("%.2fs", d.Seconds()) }
	if len(rec.failAt) > 0 {
		fmt.Printf("failed answers from %s to %s after the start (fault at %s)\n", sec(rec.failAt[0]), sec(rec.failAt[len(rec.failAt)-1]), sec(faultAt))
	}
	notReady := firstAfter(rec.ready, faultAt, false)
	if notReady < 0 {
		fmt.Println("/readyz: never reported not ready after the fault")
	} else {
		if again := firstAfter(rec.ready, notReady, true); again < 0 {
			fmt.Printf("/readyz: not ready at %s, and not again during the run\n", sec(notReady))
		} else {
			fmt.Printf("/readyz: not ready at %s, ready again at %s\n", sec(notReady), sec(again))
		}
	}
	if len(rec.dbUp) > 0 {
		down := firstAfter(rec.dbUp, faultAt, false)
		back := firstAfter(rec.dbUp, down, true)
		if down < 0 || back < 0 {
			fmt.Println("database: the probe never saw it down and back")
			return
		}
		firstOK := time.Duration(-1)
		for _, at := range rec.okAt {
			if at > back {
				firstOK = at
				break
			}
		}
		ready := firstAfter(rec.ready, back, true)
		fmt.Printf("database: refused connections at %s, accepted them again at %s (probed every 100 ms)\n", sec(down), sec(back))
		fmt.Printf("recovery: first successful answer %s after the database came back, /readyz ok %s after (to the probes' 100 ms)\n", sec(firstOK-back), sec(ready-back))
	}
}
