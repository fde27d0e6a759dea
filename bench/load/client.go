package main

import (
	"encoding/json"
	"fmt"
	"math/rand/v2"
	"net/http"
	"strings"
	"time"

	vegeta "github.com/tsenart/vegeta/v12/lib"

	"github.com/progetto-win/win/domain"
)

// The operations of the mix.
const (
	opCaseList        = "caseList"
	opCasePage        = "casePage"
	opAgenda          = "agenda"
	opDashboard       = "dashboard"
	opAddNote         = "addNote"
	opAddGoal         = "addGoal"
	opAddIntervention = "addIntervention"
)

// account is a demo account and what it does.
type account struct {
	email  string
	member string // the code of the table it works at, "" for the committee and analysts
}

// roles are the clients' accounts, in turn: two of eight read everything
// pseudonymised (committee, analyst), six work at a table — two tables,
// so that writers of one table race on the same cases.
var roles = []account{
	{"steering@demo.example", ""},
	{"analyst@demo.example", ""},
	{"operator@demo.example", "EMP"},
	{"coordinator@demo.example", "EMP"},
	{"operator@demo.example", "EMP"},
	{"operator.vinci@demo.example", "VIN"},
	{"operator@demo.example", "EMP"},
	{"coordinator@demo.example", "EMP"},
}

// world is what every client picks from, looked up before the attack.
type world struct {
	hot        map[string][]string // table code → the working cases its members write on
	funds      []string            // this year's funds
	providers  []string
	filter     map[string]any // the dashboard's period: whole months, as it asks for the committee
	runID      string
	bases      []string            // the servers, in turn
	startWrite float64             // chance that a member's next step is a write (preceded by the case page)
	without    map[string]bool     // the heavy reads left out of the mix, to see what they cost the others
	visible    map[string][]string // account email → the cases of its first list page (perf.go)
}

// seen is a case as the client last read it.
type seen struct {
	id      string
	version int
}

// client is one signed-in browser: one session, one request at a time.
type client struct {
	idx    int
	acct   account
	cookie string
	token  string // an API token sent instead of the cookie (perf.go)
	only   string // the one operation of a perf phase (perf.go), "" for the mix
	w      *world
	rnd    *rand.Rand
	rec    *recorder

	seq       int
	pending   string // the operation in flight
	write     *write // the write in flight
	wantWrite string // the write to send once its case page is read
	target    string // the case the write is about
	listIDs   []string
	last      seen
	processed chan struct{} // one token per processed result: the pacer's go-ahead
}

// Pace makes the client a closed loop: the next request waits until the
// previous answer has been read, as a browser's user waits for the page.
// Waiting here, not in the targeter, keeps the wait out of the latency.
func (c *client) Pace(_ time.Duration, hits uint64) (time.Duration, bool) {
	if hits > 0 {
		<-c.processed
	}
	return 0, false
}

// Rate is unknown in advance: as fast as the server answers.
func (c *client) Rate(time.Duration) float64 { return 0 }

// marker names a request: its X-Request-ID (the audit log keeps it) and
// the text a write leaves, so that reconciliation finds it.
func (c *client) marker() string {
	return fmt.Sprintf("load-%s-c%d-s%d", c.w.runID, c.idx, c.seq)
}

// next is the targeter: it chooses the client's next request.
func (c *client) next(t *vegeta.Target) error {
	c.seq++
	op, vars := c.choose()
	c.pending = op
	if op == opCasePage {
		c.last = seen{} // a write goes only on the version this read shows
	}
	doc := map[string]string{
		opCaseList: casesListDoc, opCaseListNoCount: casesListNoCountDoc, opCasePage: casePageDoc, opAgenda: agendaDoc, opDashboard: dashboardDoc,
		opAddNote: addNoteDoc, opAddGoal: addGoalDoc, opAddIntervention: addInterventionDoc,
	}[op]
	t.Method = http.MethodPost
	t.URL = c.w.bases[(c.idx+c.seq)%len(c.w.bases)] + "/graphql"
	t.Body = jsonBody(doc, vars)
	t.Header = http.Header{"Content-Type": {"application/json"}, "X-Request-Id": {c.marker()}}
	if c.token != "" {
		t.Header.Set("Authorization", "Bearer "+c.token)
	} else {
		t.Header.Set("Cookie", c.cookie)
	}
	return nil
}

// choose picks the next operation: a queued write once its case page is
// read, else a read of the role's screens or the start of a write.
func (c *client) choose() (string, map[string]any) {
	c.write = nil
	if c.wantWrite != "" && c.last.id == c.target {
		op := c.wantWrite
		c.wantWrite = ""
		return op, c.writeVars(op)
	}
	c.wantWrite = "" // a write whose case page failed is given up
	if op, vars, ok := c.phaseStep(); ok {
		return op, vars
	}
	if c.acct.member != "" && c.rnd.Float64() < c.w.startWrite {
		c.wantWrite = pick(c.rnd, []string{opAddNote, opAddNote, opAddGoal, opAddIntervention})
		c.target = pick(c.rnd, c.w.hot[c.acct.member])
		return opCasePage, map[string]any{"id": c.target}
	}
	x := c.rnd.Float64()
	switch {
	case x < 0.35:
		return opCaseList, c.listVars()
	case x < 0.7:
		id := ""
		if len(c.listIDs) > 0 {
			id = pick(c.rnd, c.listIDs)
		} else if c.acct.member != "" {
			id = pick(c.rnd, c.w.hot[c.acct.member])
		} else {
			return opCaseList, c.listVars()
		}
		return opCasePage, map[string]any{"id": id}
	case c.acct.member != "" && !c.w.without[opAgenda]:
		return opAgenda, nil
	case c.acct.member == "" && !c.w.without[opDashboard]:
		return opDashboard, map[string]any{"filter": c.w.filter}
	default:
		return opCaseList, c.listVars()
	}
}

// listVars are the case list's: the first page, newest first, sometimes
// filtered as the list's filters do.
func (c *client) listVars() map[string]any {
	vars := map[string]any{"first": 25, "orderBy": []any{
		map[string]any{"field": "REFERRED_ON", "direction": "DESC"}, map[string]any{"field": "CODE", "direction": "DESC"},
	}}
	switch c.rnd.IntN(3) {
	case 1:
		vars["where"] = map[string]any{"and": []any{map[string]any{"statusIn": domain.OpenCaseStatuses}}}
	case 2:
		vars["where"] = map[string]any{"and": []any{map[string]any{"status": "IN_CHARGE"}}}
	}
	return vars
}

// writeVars builds a write on the case just read, with the version read.
func (c *client) writeVars(op string) map[string]any {
	m := c.marker()
	c.write = &write{Op: op, Marker: m, Case: c.last.id, Version: -1}
	switch op {
	case opAddNote:
		return map[string]any{"id": c.last.id, "text": m}
	case opAddGoal:
		c.write.Version = c.last.version
		return map[string]any{"id": c.last.id, "version": c.last.version,
			"input": map[string]any{"area": pick(c.rnd, []string{"EMPLOYMENT", "INCOME", "HOUSING"}), "description": m}}
	default:
		c.write.Version = c.last.version
		c.write.Fund = pick(c.rnd, c.w.funds)
		c.write.Cost = int64(100 * (1 + c.rnd.IntN(50)))
		return map[string]any{"id": c.last.id, "version": c.last.version, "input": map[string]any{
			"kind": pick(c.rnd, []string{"ORIENTATION", "TRAINING"}), "description": m,
			"providerID": pick(c.rnd, c.w.providers), "startsOn": today(), "status": "PLANNED",
			"costCents": c.write.Cost, "fundID": c.write.Fund,
		}}
	}
}

// today is today's date in Italy, as the forms send dates.
func today() string {
	rome, err := time.LoadLocation("Europe/Rome")
	if err != nil {
		rome = time.UTC
	}
	y, m, d := time.Now().In(rome).Date()
	return time.Date(y, m, d, 0, 0, 0, 0, rome).Format(time.DateOnly)
}

// observe reads an answer: it records it, keeps what the next requests
// need (the cases listed, the version read) and lets the pacer go on.
func (c *client) observe(r *vegeta.Result) {
	defer func() { c.processed <- struct{}{} }()
	var a answer
	parsed := r.Error == "" || r.Code != 0
	if len(r.Body) > 0 && json.Unmarshal(r.Body, &a) != nil {
		parsed = false
	}
	code := outcomeCode(r, &a, parsed)
	c.rec.add(c.pending, r, code, message(r, &a), strings.Contains(string(r.Body), "database is locked"))
	if code == "" {
		c.keep(&a)
	}
	if c.write != nil {
		c.write.Code = code
		c.write.Status = int(r.Code)
		if code == "CONFLICT" {
			if v, ok := a.Errors[0].Extensions["currentVersion"].(float64); ok {
				c.write.CurrentVersion = int(v)
			}
		}
		if code == "" {
			c.write.NewVersion = newVersion(c.write.Op, a.Data)
		}
		c.rec.addWrite(*c.write)
	}
}

// outcomeCode is "" for success, else the GraphQL error code, HTTP_nnn
// for an HTTP error without one, or TRANSPORT when no answer came.
func outcomeCode(r *vegeta.Result, a *answer, parsed bool) string {
	switch {
	case r.Code == 0:
		return "TRANSPORT"
	case !parsed:
		return fmt.Sprintf("HTTP_%d", r.Code)
	case a.code() != "":
		return a.code()
	case r.Code >= 300:
		return fmt.Sprintf("HTTP_%d", r.Code)
	}
	return ""
}

// message is what an answer said went wrong.
func message(r *vegeta.Result, a *answer) string {
	if len(a.Errors) > 0 {
		return a.Errors[0].Message
	}
	if r.Error != "" {
		return r.Error
	}
	return string(r.Body)
}

// keep remembers what a successful read showed.
func (c *client) keep(a *answer) {
	switch c.pending {
	case opCaseList:
		var d caseListData
		if json.Unmarshal(a.Data, &d) == nil && len(d.Cases.Edges) > 0 {
			c.listIDs = d.ids()
		}
	case opCasePage:
		var d struct {
			Node *struct {
				ID      string `json:"id"`
				Version int    `json:"version"`
			} `json:"node"`
		}
		if json.Unmarshal(a.Data, &d) == nil && d.Node != nil {
			c.last = seen{id: d.Node.ID, version: d.Node.Version}
		}
	}
}

// newVersion is the case's version a versioned write's answer reports.
func newVersion(op string, data json.RawMessage) int {
	var d struct {
		AddGoal *struct {
			Plan struct {
				Case struct{ Version int } `json:"case"`
			} `json:"plan"`
		} `json:"addGoal"`
		AddIntervention *struct {
			Case struct{ Version int } `json:"case"`
		} `json:"addIntervention"`
	}
	if json.Unmarshal(data, &d) != nil {
		return 0
	}
	switch {
	case op == opAddGoal && d.AddGoal != nil:
		return d.AddGoal.Plan.Case.Version
	case op == opAddIntervention && d.AddIntervention != nil:
		return d.AddIntervention.Case.Version
	}
	return 0
}

// pick returns a random element.
func pick[T any](r *rand.Rand, xs []T) T { return xs[r.IntN(len(xs))] }
