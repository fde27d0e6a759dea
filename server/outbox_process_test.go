package main

import (
	"bytes"
	"encoding/json"
	"fmt"
	"net"
	"net/http"
	"net/http/cookiejar"
	"net/http/httptest"
	"os"
	"os/exec"
	"path/filepath"
	"slices"
	"strings"
	"sync"
	"testing"
	"time"

	"entgo.io/ent/dialect"

	"github.com/progetto-win/win/server/demo"
	"github.com/progetto-win/win/server/store/storetest"
	"github.com/progetto-win/win/server/webhook"
)

// The outbox as the real server runs it: built, started, killed and
// started again, with a partner's endpoint receiving its webhooks.

// TestNothingLostWhenKilled: a process killed with SIGKILL while it
// delivers loses no event; after restart each is delivered, in order,
// and what was acknowledged is not sent again.
func TestNothingLostWhenKilled(t *testing.T) {
	if testing.Short() {
		t.Skip("builds and runs the server: not in -short")
	}
	bin := buildServer(t)
	for _, d := range storetest.Dialects {
		t.Run(d, func(t *testing.T) {
			target := filepath.Join(t.TempDir(), "win.db")
			if d == dialect.Postgres {
				target = storetest.PostgresURL(t)
			}
			rcv := newReceiver(t)
			p := startServer(t, bin, target)
			partner := p.partner(t)
			partner.register(t, rcv.URL)
			caseID := partner.aCase(t)

			for i := range 3 {
				partner.addNote(t, caseID, fmt.Sprintf("nota %d", i))
			}
			first := rcv.waitAcked(t, 3, 30*time.Second)

			// The endpoint holds the next delivery: the process is
			// killed with it in flight and two more behind it.
			held := rcv.holdNext()
			for i := range 3 {
				partner.addNote(t, caseID, fmt.Sprintf("nota %d", i+3))
			}
			var inFlight string
			select {
			case inFlight = <-held:
			case <-time.After(30 * time.Second):
				t.Fatalf("no delivery reached the endpoint; the server said:\n%s", p.log())
			}
			p.kill()
			rcv.release()

			startServer(t, bin, target)
			// The killed process's lease runs out (WIN_WEBHOOK_LEASE),
			// then the new one delivers the rest.
			all := rcv.waitAcked(t, 6, 60*time.Second)
			time.Sleep(time.Second) // for a duplicate, were one sent
			for _, id := range all {
				if n := rcv.acks(id); n != 1 {
					t.Errorf("event %s acknowledged %d times, want once", id, n)
				}
			}
			if !slices.Equal(all[:3], first) {
				t.Errorf("delivered before the kill %v, then %v", first, all[:3])
			}
			if n := rcv.received(inFlight); n < 2 {
				t.Errorf("the delivery in flight when the process died was received %d times, want again after restart", n)
			}
			rcv.checkOrder(t)
			t.Logf("%s: 6 events delivered; the one in flight at SIGKILL (%s) again after restart", d, inFlight)
		})
	}
}

// TestTwoProcessesShareTheOutbox: two server processes on one PostgreSQL
// database deliver each event once, whichever wrote it.
func TestTwoProcessesShareTheOutbox(t *testing.T) {
	if testing.Short() {
		t.Skip("builds and runs the server: not in -short")
	}
	target := storetest.PostgresURL(t)
	bin := buildServer(t)
	rcv := newReceiver(t)
	a := startServer(t, bin, target)
	b := startServer(t, bin, target)
	partner := a.partner(t)
	partner.register(t, rcv.URL)
	caseID := partner.aCase(t)
	other := *partner
	other.base = b.base // the same token, through the other process
	for i := range 10 {
		p := partner
		if i%2 == 1 {
			p = &other
		}
		p.addNote(t, caseID, fmt.Sprintf("nota %d", i))
	}
	all := rcv.waitAcked(t, 10, 30*time.Second)
	time.Sleep(2 * time.Second) // for a duplicate, were one sent
	for _, id := range all {
		if n := rcv.received(id); n != 1 {
			t.Errorf("event %s received %d times, want once", id, n)
		}
	}
	rcv.checkOrder(t)
}

// buildServer builds this command into a temporary directory.
func buildServer(t *testing.T) string {
	t.Helper()
	bin := filepath.Join(t.TempDir(), "win")
	if out, err := exec.Command("go", "build", "-o", bin, ".").CombinedOutput(); err != nil { //nolint:gosec // bin is the test's temporary file
		t.Fatalf("go build: %v\n%s", err, out)
	}
	return bin
}

// process is a running server.
type process struct {
	cmd  *exec.Cmd
	base string
	out  *lockedBuffer
	done chan struct{} // closed when it has exited
}

// startServer starts the server on the database with demo data (loaded
// once: a database with data keeps it) and waits until it answers.
func startServer(t *testing.T, bin, target string) *process {
	t.Helper()
	l, err := net.Listen("tcp", "127.0.0.1:0")
	if err != nil {
		t.Fatal(err)
	}
	addr := l.Addr().String()
	_ = l.Close()
	p := &process{cmd: exec.Command(bin, "-demo-cases", "12"), base: "http://" + addr, out: &lockedBuffer{}, done: make(chan struct{})}
	p.cmd.Env = append(os.Environ(), "WIN_DEMO=1", "WIN_ADDR="+addr, "WIN_DATABASE_URL="+target,
		webhook.AllowPrivateEnv+"=1", "WIN_WEBHOOK_LEASE=11s", "WIN_RATE_LIMIT=1000", "WIN_RATE_BURST=1000")
	p.cmd.Stdout, p.cmd.Stderr = p.out, p.out
	if err := p.cmd.Start(); err != nil {
		t.Fatal(err)
	}
	go func() { _ = p.cmd.Wait(); close(p.done) }()
	t.Cleanup(p.kill)
	deadline := time.Now().Add(60 * time.Second)
	for {
		if r, err := http.Get(p.base + "/healthz"); err == nil {
			_ = r.Body.Close()
			if r.StatusCode == http.StatusOK {
				return p
			}
		}
		select {
		case <-p.done:
			t.Fatalf("the server exited:\n%s", p.log())
		case <-time.After(100 * time.Millisecond):
		}
		if time.Now().After(deadline) {
			t.Fatalf("the server did not start:\n%s", p.log())
		}
	}
}

// kill kills the process with SIGKILL, as a crash would, once.
func (p *process) kill() {
	_ = p.cmd.Process.Kill()
	<-p.done
}

func (p *process) log() string { return p.out.String() }

// lockedBuffer is a buffer the process's output and the test share.
type lockedBuffer struct {
	mu sync.Mutex
	b  bytes.Buffer
}

func (l *lockedBuffer) Write(p []byte) (int, error) {
	l.mu.Lock()
	defer l.mu.Unlock()
	return l.b.Write(p)
}

func (l *lockedBuffer) String() string {
	l.mu.Lock()
	defer l.mu.Unlock()
	return l.b.String()
}

// program is a partner's program: the demo coordinator's read-write
// token, on a process.
type program struct {
	base, token string
}

// partner signs in as the demo coordinator and creates a read-write
// token.
func (p *process) partner(t *testing.T) *program {
	t.Helper()
	jar, _ := cookiejar.New(nil)
	browser := &http.Client{Jar: jar, Timeout: 30 * time.Second}
	post(t, browser, p.base, "", `mutation($e: String!, $p: String!) { login(input: {email: $e, password: $p}) { __typename } }`,
		map[string]any{"e": demo.CoordinatorEmail, "p": demo.Password}, nil)
	var created struct {
		CreateAPIToken struct{ Token string } `json:"createApiToken"`
	}
	post(t, browser, p.base, "", `mutation($x: Time!) { createApiToken(input: {name: "gestionale", scope: READ_WRITE, expiresAt: $x}) { token } }`,
		map[string]any{"x": time.Now().Add(24 * time.Hour).UTC().Format(time.RFC3339)}, &created)
	return &program{base: p.base, token: created.CreateAPIToken.Token}
}

func (g *program) register(t *testing.T, url string) {
	t.Helper()
	post(t, http.DefaultClient, g.base, g.token, `mutation($u: String!) { createWebhook(input: {url: $u, kinds: [CASE_CHANGED]}) { secret } }`,
		map[string]any{"u": url}, nil)
}

// aCase is a case of the coordinator's table.
func (g *program) aCase(t *testing.T) string {
	t.Helper()
	var out struct {
		Cases struct {
			Edges []struct{ Node struct{ ID string } }
		}
	}
	post(t, http.DefaultClient, g.base, g.token, `{ cases(first: 1) { edges { node { id } } } }`, nil, &out)
	if len(out.Cases.Edges) == 0 {
		t.Fatal("the coordinator sees no case")
	}
	return out.Cases.Edges[0].Node.ID
}

func (g *program) addNote(t *testing.T, caseID, text string) {
	t.Helper()
	post(t, http.DefaultClient, g.base, g.token, `mutation($id: ID!, $t: String!) { addNote(id: $id, text: $t) { id } }`,
		map[string]any{"id": caseID, "t": text}, nil)
}

// post sends a GraphQL request as a browser (the session's cookie, and
// the Origin a browser sends) or a program (its token), and fails the
// test on an error.
func post(t *testing.T, c *http.Client, base, token, query string, vars map[string]any, out any) {
	t.Helper()
	body, _ := json.Marshal(map[string]any{"query": query, "variables": vars})
	req, _ := http.NewRequest(http.MethodPost, base+"/graphql", bytes.NewReader(body))
	req.Header.Set("Content-Type", "application/json")
	if token != "" {
		req.Header.Set("Authorization", "Bearer "+token)
	} else {
		req.Header.Set("Origin", base)
	}
	r, err := c.Do(req)
	if err != nil {
		t.Fatal(err)
	}
	defer r.Body.Close()
	var res struct {
		Data   json.RawMessage
		Errors []struct{ Message string }
	}
	if err := json.NewDecoder(r.Body).Decode(&res); err != nil || len(res.Errors) > 0 {
		t.Fatalf("%s: %v %v", strings.Fields(query)[0], err, res.Errors)
	}
	if out != nil {
		if err := json.Unmarshal(res.Data, out); err != nil {
			t.Fatal(err)
		}
	}
}

// receiver is a partner's endpoint: it acknowledges deliveries, or
// holds them unanswered while told to.
type receiver struct {
	*httptest.Server
	mu    sync.Mutex
	count map[string]int // requests received, by webhook-id
	ack   map[string]int // of them acknowledged (2xx)
	order []string       // IDs in the order of their first acknowledgement
	times map[string]string
	hold  chan struct{} // while open, requests wait on it
	held  chan string
}

func newReceiver(t *testing.T) *receiver {
	r := &receiver{count: map[string]int{}, ack: map[string]int{}, times: map[string]string{}}
	r.Server = httptest.NewServer(http.HandlerFunc(r.serve))
	t.Cleanup(r.Close)
	return r
}

func (r *receiver) serve(w http.ResponseWriter, req *http.Request) {
	id := req.Header.Get("webhook-id")
	var p webhook.Payload
	_ = json.NewDecoder(req.Body).Decode(&p)
	r.mu.Lock()
	r.count[id]++
	hold, held := r.hold, r.held
	r.mu.Unlock()
	if hold != nil {
		select {
		case held <- id:
		default:
		}
		select {
		case <-hold:
		case <-req.Context().Done(): // the sender died: no answer
		}
		return
	}
	r.mu.Lock()
	if r.ack[id] == 0 {
		r.order = append(r.order, id)
		r.times[id] = p.Timestamp
	}
	r.ack[id]++
	r.mu.Unlock()
	w.WriteHeader(http.StatusNoContent)
}

// holdNext holds the requests from now on, unanswered; the channel
// gives the first held one's ID.
func (r *receiver) holdNext() <-chan string {
	r.mu.Lock()
	defer r.mu.Unlock()
	r.hold, r.held = make(chan struct{}), make(chan string, 1)
	return r.held
}

// release stops holding requests.
func (r *receiver) release() {
	r.mu.Lock()
	defer r.mu.Unlock()
	close(r.hold)
	r.hold = nil
}

func (r *receiver) acks(id string) int {
	r.mu.Lock()
	defer r.mu.Unlock()
	return r.ack[id]
}

func (r *receiver) received(id string) int {
	r.mu.Lock()
	defer r.mu.Unlock()
	return r.count[id]
}

// waitAcked waits until n events are acknowledged and returns their IDs
// in the order of acknowledgement.
func (r *receiver) waitAcked(t *testing.T, n int, within time.Duration) []string {
	t.Helper()
	deadline := time.Now().Add(within)
	for {
		r.mu.Lock()
		got := slices.Clone(r.order)
		r.mu.Unlock()
		if len(got) >= n {
			return got
		}
		if time.Now().After(deadline) {
			t.Fatalf("%d of %d events acknowledged within %s", len(got), n, within)
		}
		time.Sleep(50 * time.Millisecond)
	}
}

// checkOrder checks that the events, all of one case, were acknowledged
// in the order they occurred.
func (r *receiver) checkOrder(t *testing.T) {
	t.Helper()
	r.mu.Lock()
	defer r.mu.Unlock()
	for i := 1; i < len(r.order); i++ {
		before, after := r.times[r.order[i-1]], r.times[r.order[i]]
		if !mustParse(t, before).Before(mustParse(t, after)) {
			t.Errorf("event %s (%s) acknowledged after %s (%s): out of order", r.order[i], after, r.order[i-1], before)
		}
	}
}

func mustParse(t *testing.T, s string) time.Time {
	t.Helper()
	v, err := time.Parse(time.RFC3339Nano, s)
	if err != nil {
		t.Fatalf("timestamp %q: %v", s, err)
	}
	return v
}
