package web

import (
	"context"
	"encoding/csv"
	"encoding/json"
	"errors"
	"io"
	"log/slog"
	"mime"
	"net/http"
	"regexp"
	"slices"
	"strconv"
	"strings"
	"sync"
	"time"

	"entgo.io/contrib/entgql"
	"entgo.io/ent/dialect/sql"
	"github.com/vektah/gqlparser/v2/ast"
	"github.com/vektah/gqlparser/v2/gqlerror"
	"github.com/vektah/gqlparser/v2/validator"

	"github.com/progetto-win/win/domain"
	"github.com/progetto-win/win/domain/fault"
	"github.com/progetto-win/win/domain/gid"
	"github.com/progetto-win/win/domain/viewer"
	"github.com/progetto-win/win/ent"
	"github.com/progetto-win/win/ent/audit"
	"github.com/progetto-win/win/ent/casefile"
	"github.com/progetto-win/win/ent/municipality"
	"github.com/progetto-win/win/ent/person"
	"github.com/progetto-win/win/ent/personidentity"
	"github.com/progetto-win/win/ent/predicate"
	"github.com/progetto-win/win/ent/territorialtable"
	"github.com/progetto-win/win/ent/user"
	"github.com/progetto-win/win/graph"
	"github.com/progetto-win/win/server/pathway"
)

// The case list as CSV (docs/api.md, "The case list as CSV"):
//
//	GET /export/cases.csv?where={"status":"IN_CHARGE"}&orderBy=[{"field":"REFERRED_ON","direction":"DESC"}]&lang=it&separator=semicolon&identities=1
//
// where and orderBy are the JSON of the cases list's arguments as the
// web app sends them, checked against the schema as GraphQL checks its
// variables, and applied with the same generated filter: the file holds
// the rows the list shows, read with the viewer's rights (the privacy
// rules, never the system's) and in the same order. The list's text
// search (searchCases) is not a filter and is not exported. The export
// reads the keys of CaseExportKeys cases at a time, each page after the
// last key of the one before in the list's order (keyset pagination, no
// OFFSET), then their cases CaseExportBatch at a time, each batch
// written and flushed before the next is read: the file may have any
// size in the memory of one page of keys and one batch. identities=1
// adds surname, first name and tax code, filled where the viewer may
// read the identity (rule.ReadableIdentities, applied by the
// identities' privacy policy) and empty elsewhere; each identity read is
// recorded as READ_IDENTITY before its row leaves; the committee and
// analysts, who read every case pseudonymised, get no identity columns
// at all. The export itself is recorded once, EXPORT_CASES, with the
// filter, the order, whether it wrote identities and how many cases it
// matched; never which.

// CaseExportBatch is how many cases the export reads, and writes, at a
// time. At 500, PostgreSQL read the persons of a batch (IN with 500 IDs,
// under the privacy rule's EXISTS) by scanning the whole table of
// persons, 50 ms; at 250 by their key, 4 ms. Tests lower it.
var CaseExportBatch = 250

// CaseExportKeys is how many cases' keys (ID and the order's columns)
// the export reads at a time, in the list's order; their cases are then
// read CaseExportBatch at a time. Tests lower it.
var CaseExportKeys = 5000

// CaseExportTimeout bounds a case list export, which reads every case
// the filter matches: of 100,000 cases on PostgreSQL, on a shared
// two-core machine (BenchmarkCaseListExport), the committee's whole list
// took 8 s in the default order and 15 s by table, a coordinator's
// 28,000 with identities 11 s: about ten times what other requests get,
// a deadline for lists fifteen times longer. Past it the download breaks
// off, never silently short.
const CaseExportTimeout = 2 * time.Minute

// CaseExportsPerUser bounds the exports one user runs at once, in a
// server process: each reads the database for up to CaseExportTimeout.
const CaseExportsPerUser = 2

const caseExportPath = "/export/cases.csv"

// caseExportDeadline is the deadline of a request: a case list export
// gets CaseExportTimeout if that is longer than the timeout, and as long
// to be written (the server's write timeout is the request timeout's).
func caseExportDeadline(w http.ResponseWriter, r *http.Request, timeout time.Duration) time.Duration {
	if r.Method != http.MethodGet || r.URL.Path != caseExportPath || timeout >= CaseExportTimeout {
		return timeout
	}
	return longRequest(w, CaseExportTimeout, false)
}

// caseExportParams are the parameters the export takes; any other is
// refused, so that nobody believes a filter applied that was not (a
// text search, q or text, above all).
var caseExportParams = []string{"where", "orderBy", "lang", "separator", "identities"}

// paramName is a parameter's name an answer may repeat.
var paramName = regexp.MustCompile(`^[A-Za-z][A-Za-z0-9_]{0,39}$`)

// defaultCaseOrder is the web app's default order of the list: the
// latest referrals first, by code within a day.
const defaultCaseOrder = `[{"field":"REFERRED_ON","direction":"DESC"},{"field":"CODE","direction":"DESC"}]`

// caseExport is a request of the export, read and checked.
type caseExport struct {
	where      *ent.CaseWhereInput
	order      []exportTerm
	lang       csvLang
	semicolon  bool
	identities bool // asked for; the viewer may still read none
	// what the audit log keeps of the request: where and orderBy as
	// checked, compact JSON.
	whereJSON, orderJSON json.RawMessage
}

// CaseExportRecord is what the audit log keeps of an export (the event's
// changes): the filter and order as given, whether identities were
// written, and how many cases matched when it began; never which.
type CaseExportRecord struct {
	Where      json.RawMessage `json:"where,omitempty"`
	OrderBy    json.RawMessage `json:"orderBy"`
	Identities bool            `json:"identities"`
	Results    int             `json:"results"`
}

// exportCases serves the case list as CSV, streamed.
func exportCases(client *ent.Client, logger *slog.Logger) http.Handler {
	slots := &exportSlots{running: map[gid.ID]int{}}
	return http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
		ctx := r.Context()
		fail := func(err error) { writeFailure(w, r, logger, "case export", err) }
		v := viewer.FromContext(ctx)
		if v == nil {
			fail(fault.ErrUnauthenticated)
			return
		}
		req, err := readCaseExport(r)
		if err != nil {
			fail(err)
			return
		}
		if !slots.take(v.UserID) {
			tooMany(w, 10*time.Second, "at most "+strconv.Itoa(CaseExportsPerUser)+" case exports at once: wait for one to end")
			return
		}
		defer slots.release(v.UserID)
		// The committee and analysts read identities of nobody: no
		// columns for them (the privacy rule would leave them empty).
		withIdentities := req.identities && !readsPseudonymised(v)
		if err := req.rankTables(ctx, client); err != nil {
			fail(err)
			return
		}
		matched, err := req.query(client)
		if err != nil {
			fail(err)
			return
		}
		results, err := matched.Count(ctx)
		if err != nil {
			fail(err)
			return
		}
		record := CaseExportRecord{Where: req.whereJSON, OrderBy: req.orderJSON, Identities: withIdentities, Results: results}
		if err := audit.RecordSearch(ctx, client, v, "EXPORT_CASES", "Case", record); err != nil {
			fail(err)
			return
		}
		// The identities each batch reads are recorded together, before
		// the batch is written (as identityReads does for a query).
		ctx = audit.CollectReads(ctx)
		out := csv.NewWriter(w)
		if req.semicolon {
			out.Comma = ';'
		}
		rc := http.NewResponseController(w)
		started := false // nothing is sent before the first batch: a failure there is answered properly
		start := func() {
			started = true
			h := w.Header()
			h.Set("Content-Type", "text/csv; charset=utf-8")
			h.Set("Content-Disposition", mime.FormatMediaType("attachment", map[string]string{"filename": "cases_" + domain.Today().String() + ".csv"}))
			h.Set("Cache-Control", "no-store")
			_, _ = io.WriteString(w, byteOrderMark)
			_ = out.Write(req.lang.caseHeader(withIdentities))
		}
		err = req.each(ctx, client, withIdentities, func(batch []*ent.CaseFile) error {
			// The identities the batch read are recorded before it leaves.
			if err := audit.RecordReads(ctx); err != nil {
				return err
			}
			if !started {
				start()
			}
			rows := make([][]string, len(batch))
			for i, c := range batch {
				rows[i] = req.lang.caseRow(c, withIdentities)
			}
			if err := out.WriteAll(neutralised(rows)); err != nil { // WriteAll flushes
				return errClientLeft
			}
			_ = rc.Flush()
			return nil
		})
		switch {
		case errors.Is(err, errClientLeft):
		case err != nil && !started:
			fail(err)
		case err != nil:
			// The status left with the first batch: break the download
			// off, so that no short file passes for whole.
			logger.ErrorContext(ctx, "case export interrupted", "error", err.Error(), "request_id", RequestID(ctx))
			panic(http.ErrAbortHandler)
		case !started: // no case: the header alone
			start()
			out.Flush()
		}
	})
}

// errClientLeft ends an export whose client stopped reading.
var errClientLeft = errors.New("the client left")

// readsPseudonymised reports whether the viewer reads every case
// pseudonymised: the committee and analysts, whatever else they are
// (rule.ReadableIdentities gives them no identity).
func readsPseudonymised(v *viewer.Viewer) bool {
	return v.Has(domain.RoleSteering) || v.Has(domain.RoleAnalyst)
}

// exportSlots counts the exports each user runs.
type exportSlots struct {
	mu      sync.Mutex
	running map[gid.ID]int
}

func (s *exportSlots) take(user gid.ID) bool {
	s.mu.Lock()
	defer s.mu.Unlock()
	if s.running[user] >= CaseExportsPerUser {
		return false
	}
	s.running[user]++
	return true
}

func (s *exportSlots) release(user gid.ID) {
	s.mu.Lock()
	defer s.mu.Unlock()
	if s.running[user]--; s.running[user] <= 0 {
		delete(s.running, user)
	}
}

// schema is the API's schema, against which where and orderBy are
// checked as GraphQL checks an operation's variables.
var schema = sync.OnceValue(func() *ast.Schema { return graph.NewExecutableSchema(graph.Config{}).Schema() })

// readCaseExport reads and checks the request's parameters.
func readCaseExport(r *http.Request) (*caseExport, error) {
	q := r.URL.Query()
	for name := range q {
		if !slices.Contains(caseExportParams, name) {
			if !paramName.MatchString(name) {
				name = "parameters" // not echoed
			}
			return nil, fault.Invalidf(name, "the export takes %s only; a text search (searchCases) is not exported: filter the list instead", strings.Join(caseExportParams, ", "))
		}
	}
	for _, name := range caseExportParams {
		if len(q[name]) > 1 {
			return nil, fault.Invalidf(name, "give it once")
		}
	}
	req := &caseExport{}
	var err error
	if req.lang, err = exportLanguage(q.Get("lang")); err != nil {
		return nil, err
	}
	switch q.Get("separator") {
	case "", "comma":
	case "semicolon":
		req.semicolon = true
	default:
		return nil, fault.Invalidf("separator", "is comma or semicolon")
	}
	switch q.Get("identities") {
	case "", "0":
	case "1":
		req.identities = true
	default:
		return nil, fault.Invalidf("identities", "is 1 (add surname, first name and tax code where you may read them) or 0")
	}
	// Both are checked together, as the variables of one operation, so
	// that their values count against one budget, as in GraphQL.
	vars := map[string]any{}
	order := q.Get("orderBy")
	if order == "" {
		order = defaultCaseOrder
	}
	if vars["orderBy"], err = decodeJSONParam("orderBy", order); err != nil {
		return nil, err
	}
	if where := q.Get("where"); where != "" {
		if vars["where"], err = decodeJSONParam("where", where); err != nil {
			return nil, err
		}
	}
	w := walker{limits: DefaultLimits}
	for _, name := range []string{"where", "orderBy"} {
		if v, ok := vars[name]; ok {
			w.input(name, v, 1)
		}
	}
	if w.err != nil {
		field, _ := w.err.Extensions["field"].(string)
		name, _, _ := strings.Cut(field, ".")
		return nil, fault.Invalidf(name, "%s", w.err.Message)
	}
	op := &ast.OperationDefinition{Operation: ast.Query, VariableDefinitions: ast.VariableDefinitionList{
		{Variable: "where", Type: ast.NamedType("CaseWhereInput", nil)},
		{Variable: "orderBy", Type: ast.ListType(ast.NonNullNamedType("CaseOrder", nil), nil)},
	}}
	for _, d := range op.VariableDefinitions {
		d.Definition = schema().Types[d.Type.Name()]
	}
	coerced, err := validator.VariableValues(schema(), op, vars)
	if err != nil {
		return nil, invalidVariable(err)
	}
	if req.orderJSON, err = json.Marshal(coerced["orderBy"]); err != nil {
		return nil, fault.Invalidf("orderBy", "%v", err)
	}
	if req.order, err = exportOrder(req.orderJSON); err != nil {
		return nil, err
	}
	if where, ok := coerced["where"]; ok && where != nil {
		if req.whereJSON, err = json.Marshal(where); err != nil {
			return nil, fault.Invalidf("where", "%v", err)
		}
		req.where = &ent.CaseWhereInput{}
		if err := json.Unmarshal(req.whereJSON, req.where); err != nil {
			return nil, fault.Invalidf("where", "not a CaseWhereInput: %v", err)
		}
		// An empty filter is none; one empty inside another ({"and":[{}]})
		// is refused, as the list's Filter refuses it: the sentinel
		// itself, not wrapped.
		if _, err := req.where.P(); err != nil && err != ent.ErrEmptyCaseWhereInput {
			return nil, fault.Invalidf("where", "%v", err)
		}
	}
	return req, nil
}

// decodeJSONParam reads a parameter holding JSON, numbers kept as
// written.
func decodeJSONParam(name, value string) (any, error) {
	dec := json.NewDecoder(strings.NewReader(value))
	dec.UseNumber()
	var v any
	if err := dec.Decode(&v); err != nil {
		return nil, fault.Invalidf(name, "give the JSON of the cases list's %s argument, as the web app sends it: %v", name, err)
	}
	if dec.More() {
		return nil, fault.Invalidf(name, "give one JSON value")
	}
	return v, nil
}

// invalidVariable turns the schema's refusal of a value, at a path such
// as variable.where.statusIn[0], into a refusal of the parameter.
func invalidVariable(err error) error {
	var gqlErr *gqlerror.Error
	if !errors.As(err, &gqlErr) {
		return fault.Invalidf("where", "%v", err)
	}
	name, path := "where", strings.TrimPrefix(gqlErr.Path.String(), "variable.")
	if strings.HasPrefix(path, "orderBy") {
		name = "orderBy"
	}
	return fault.Invalidf(name, "%s: %s", path, gqlErr.Message)
}

// exportTerm is one term of the export's order: a column of the cases,
// or (TABLE_NAME) the rank of the case's table among the tables by name.
type exportTerm struct {
	column string
	desc   bool
	value  func(*ent.CaseFile) any // the row's value, nil for NULL
	// ranks are the tables' IDs in the order of their names, for
	// TABLE_NAME: names are unique, so ordering the cases by their
	// table's rank orders them as the list's join on the table's name,
	// the database's collation included, on a column of the cases.
	ranks    []gid.ID
	table    bool
	nullable bool
}

// exportOrders are the list's order fields, by their API names: the
// column of each and its value in a row (ent.CaseOrderField keeps its
// column to itself). TestCaseListExportTakesEveryOrder checks that the
// schema has no other.
var exportOrders = map[string]exportTerm{
	"CREATED_AT":           {column: casefile.FieldCreatedAt, value: func(c *ent.CaseFile) any { return c.CreatedAt }},
	"UPDATED_AT":           {column: casefile.FieldUpdatedAt, value: func(c *ent.CaseFile) any { return c.UpdatedAt }},
	"CODE":                 {column: casefile.FieldCode, value: func(c *ent.CaseFile) any { return c.Code }},
	"REFERRED_ON":          {column: casefile.FieldReferredOn, value: func(c *ent.CaseFile) any { return c.ReferredOn }},
	"STATUS":               {column: casefile.FieldStatus, value: func(c *ent.CaseFile) any { return string(c.Status) }},
	"PRIORITY":             {column: casefile.FieldPriority, value: func(c *ent.CaseFile) any { return string(c.Priority) }},
	"TAKEN_IN_CHARGE_ON":   {column: casefile.FieldTakenInChargeOn, nullable: true, value: func(c *ent.CaseFile) any { return day(c.TakenInChargeOn) }},
	"CLOSED_ON":            {column: casefile.FieldClosedOn, nullable: true, value: func(c *ent.CaseFile) any { return day(c.ClosedOn) }},
	"FIRST_MEETING_ON":     {column: casefile.FieldFirstMeetingOn, nullable: true, value: func(c *ent.CaseFile) any { return day(c.FirstMeetingOn) }},
	"FIRST_MEETING_DUE_ON": {column: casefile.FieldFirstMeetingDueOn, nullable: true, value: func(c *ent.CaseFile) any { return day(c.FirstMeetingDueOn) }},
	"PLAN_DUE_ON":          {column: casefile.FieldPlanDueOn, nullable: true, value: func(c *ent.CaseFile) any { return day(c.PlanDueOn) }},
	"TABLE_NAME":           {table: true, nullable: true},
}

func day(d *domain.Date) any {
	if d == nil {
		return nil
	}
	return *d
}

// exportOrder reads the checked orderBy, as JSON (a single order is a
// list of one, as the schema coerces it): the list's order fields with
// their directions (ASC when not given, the schema's default), each
// field once.
func exportOrder(orderJSON []byte) ([]exportTerm, error) {
	var items []struct{ Field, Direction string }
	if err := json.Unmarshal(orderJSON, &items); err != nil {
		return nil, fault.Invalidf("orderBy", "%v", err)
	}
	var terms []exportTerm
	seen := map[string]bool{}
	for _, o := range items {
		name := o.Field
		var field ent.CaseOrderField
		if err := field.UnmarshalGQL(name); err != nil {
			return nil, fault.Invalidf("orderBy", "%v", err)
		}
		term, ok := exportOrders[field.String()]
		if !ok {
			return nil, fault.Invalidf("orderBy", "the export cannot order by %s", field.String())
		}
		if seen[field.String()] {
			return nil, fault.Invalidf("orderBy", "%s is named twice", field.String())
		}
		seen[field.String()] = true
		direction := entgql.OrderDirectionAsc
		if o.Direction != "" {
			direction = entgql.OrderDirection(o.Direction)
		}
		if err := direction.Validate(); err != nil {
			return nil, fault.Invalidf("orderBy", "%v", err)
		}
		term.desc = direction == entgql.OrderDirectionDesc
		terms = append(terms, term)
	}
	return terms, nil
}

// rankTables reads, for an order by TABLE_NAME, the tables the viewer
// reads in the order of their names.
func (req *caseExport) rankTables(ctx context.Context, client *ent.Client) error {
	for i := range req.order {
		if req.order[i].table {
			ids, err := client.TerritorialTable.Query().Order(territorialtable.ByName(), territorialtable.ByID()).IDs(ctx)
			if err != nil {
				return err
			}
			rank := make(map[gid.ID]int, len(ids))
			for n, id := range ids {
				rank[id] = n
			}
			req.order[i].ranks = ids
			req.order[i].value = func(c *ent.CaseFile) any {
				if c.Edges.Table == nil {
					return nil
				}
				if n, ok := rank[c.Edges.Table.ID]; ok {
					return n
				}
				return nil
			}
		}
	}
	return nil
}

// query is the viewer's cases the filter matches, as the list's.
func (req *caseExport) query(client *ent.Client) (*ent.CaseFileQuery, error) {
	q, err := req.where.Filter(client.CaseFile.Query())
	if err != nil {
		return nil, fault.Invalidf("where", "%v", err)
	}
	return q, nil
}

// each reads the cases in the list's order and hands them to write,
// CaseExportBatch at a time: it reads the keys of the next
// CaseExportKeys cases after the last ones (the ID and the order's
// columns, light rows), then the cases themselves by ID, a batch at a
// time, with what the rows show. Ordered by a column without an index,
// the database sorts what remains of the list at each read of keys:
// that costs as much as reading 5,000 keys at once, not 250 cases, so
// the keys come in pages twenty times larger than the batches.
func (req *caseExport) each(ctx context.Context, client *ent.Client, identities bool, write func([]*ent.CaseFile) error) error {
	var last *ent.CaseFile
	for {
		keys, err := req.keys(ctx, client, last)
		if err != nil {
			return err
		}
		for from := 0; from < len(keys); from += CaseExportBatch {
			batch, err := req.load(ctx, client, keys[from:min(from+CaseExportBatch, len(keys))], identities)
			if err != nil {
				return err
			}
			if len(batch) > 0 {
				if err := write(batch); err != nil {
					return err
				}
			}
		}
		if len(keys) < CaseExportKeys {
			return nil
		}
		last = keys[len(keys)-1]
	}
}

// keys reads the ID and the order's values of the next CaseExportKeys
// cases after last (from the start when nil), in the list's order.
func (req *caseExport) keys(ctx context.Context, client *ent.Client, last *ent.CaseFile) ([]*ent.CaseFile, error) {
	q, err := req.query(client)
	if err != nil {
		return nil, err
	}
	if last != nil {
		q.Where(req.after(last))
	}
	fields := []string{casefile.FieldID}
	for _, t := range req.order {
		if t.table {
			q.WithTable(func(t *ent.TerritorialTableQuery) { t.Select(territorialtable.FieldID) })
		} else {
			fields = append(fields, t.column)
		}
	}
	q.Select(fields...)
	return q.Order(req.orderBy).Limit(CaseExportKeys).All(ctx)
}

// load reads the cases of keys, with what the rows show, in the keys'
// order. The filter applies again, with the privacy rules: a case that
// changed since its key was read is written as it is now, or not at all
// if it no longer matches or may no longer be read.
func (req *caseExport) load(ctx context.Context, client *ent.Client, keys []*ent.CaseFile, identities bool) ([]*ent.CaseFile, error) {
	q, err := req.query(client)
	if err != nil {
		return nil, err
	}
	ids := make([]gid.ID, len(keys))
	for i, k := range keys {
		ids[i] = k.ID
	}
	// Only the columns the file shows: none of the free text written
	// about the person, which the file does not carry.
	q.Where(casefile.IDIn(ids...)).Select(caseExportFields...)
	cases, err := q.
		WithTable(func(t *ent.TerritorialTableQuery) { t.Select(territorialtable.FieldName) }).
		WithCaseManager(func(u *ent.UserQuery) { u.Select(user.FieldName) }).
		WithPerson(func(p *ent.PersonQuery) {
			p.Select(person.FieldPseudonym)
			p.WithMunicipality(func(m *ent.MunicipalityQuery) { m.Select(municipality.FieldName) })
			if identities {
				// Only what the file shows, of what identifies the person.
				p.WithIdentity(func(i *ent.PersonIdentityQuery) {
					i.Select(personidentity.FieldFirstName, personidentity.FieldLastName, personidentity.FieldTaxCode)
				})
			}
		}).
		All(ctx)
	if err != nil {
		return nil, err
	}
	byID := make(map[gid.ID]*ent.CaseFile, len(cases))
	for _, c := range cases {
		byID[c.ID] = c
	}
	ordered := cases[:0]
	for _, id := range ids {
		if c, ok := byID[id]; ok {
			ordered = append(ordered, c)
		}
	}
	return ordered, nil
}

// caseExportFields are the columns of the cases the export writes (the
// overdue cell reads the status and the deadlines).
var caseExportFields = []string{
	casefile.FieldCode, casefile.FieldReferredOn, casefile.FieldNeedAreas, casefile.FieldStatus, casefile.FieldPriority,
	casefile.FieldReferralChannel, casefile.FieldTakenInChargeOn, casefile.FieldClosedOn, casefile.FieldFirstMeetingDueOn, casefile.FieldPlanDueOn,
}

// expr writes a term's expression: its column, or the rank of the
// case's table.
func (t exportTerm) expr(s *sql.Selector, b *sql.Builder) {
	if !t.table {
		b.WriteString(s.C(t.column))
		return
	}
	if len(t.ranks) == 0 {
		b.WriteString("NULL")
		return
	}
	b.WriteString("CASE ").WriteString(s.C(casefile.TableColumn))
	for n, id := range t.ranks {
		b.WriteString(" WHEN ").Arg(id).WriteString(" THEN ").WriteString(strconv.Itoa(n))
	}
	b.WriteString(" END")
}

// orderBy orders the cases as the list does (ent.CaseFileQuery.Paginate):
// by each term, NULL the largest value, then by ID.
func (req *caseExport) orderBy(s *sql.Selector) {
	for _, t := range req.order {
		// sql.ExprFunc, not OrderExprFunc, which drops the arguments
		// (the table ranks' IDs).
		s.OrderExpr(sql.ExprFunc(func(b *sql.Builder) {
			t.expr(s, b)
			if t.desc {
				b.WriteString(" DESC NULLS FIRST")
			} else {
				b.WriteString(" ASC NULLS LAST")
			}
		}))
	}
	s.OrderBy(sql.Asc(s.C(casefile.FieldID)))
}

// after is the predicate of the cases after a row in the order, as the
// list's cursors select them (cursorsPredicate in ent/gql_pagination.go):
// after it on the first term, or equal on it and after on the second,
// and so on to the ID, where NULL is the largest value.
func (req *caseExport) after(last *ent.CaseFile) predicate.CaseFile {
	values := make([]any, len(req.order))
	for i, t := range req.order {
		values[i] = t.value(last)
	}
	return func(s *sql.Selector) {
		var or []*sql.Predicate
		for i := 0; i <= len(req.order); i++ {
			var and []*sql.Predicate
			for j := range i {
				t, v := req.order[j], values[j]
				and = append(and, sql.P(func(b *sql.Builder) {
					t.expr(s, b)
					if v == nil {
						b.WriteString(" IS NULL")
					} else {
						b.WriteString(" = ").Arg(v)
					}
				}))
			}
			if i == len(req.order) {
				and = append(and, sql.GT(s.C(casefile.FieldID), last.ID))
				or = append(or, sql.And(and...))
				break
			}
			t, v := req.order[i], values[i]
			switch {
			case !t.desc && v == nil: // nothing is after NULL going up
				continue
			case !t.desc:
				and = append(and, sql.P(func(b *sql.Builder) {
					b.WriteString("(")
					t.expr(s, b)
					b.WriteString(" > ").Arg(v).WriteString(" OR ")
					t.expr(s, b)
					b.WriteString(" IS NULL)")
				}))
			case v == nil: // every value is after NULL going down
				and = append(and, sql.P(func(b *sql.Builder) {
					t.expr(s, b)
					b.WriteString(" IS NOT NULL")
				}))
			default:
				and = append(and, sql.P(func(b *sql.Builder) {
					t.expr(s, b)
					b.WriteString(" < ").Arg(v)
				}))
			}
			or = append(or, sql.And(and...))
		}
		s.Where(sql.Or(or...))
		if bound := req.bound(s, values[0]); bound != nil {
			s.Where(bound)
		}
	}
}

// bound is what the rows after a row in the order hold of the first
// term's column, implied by after's predicate but written so that the
// database reads the column's index from the row on, rather than from
// the start of the order each time (every batch would cost as much as
// all those before it: 20 ms instead of 1 at the middle of 100,000
// cases); nil when it bounds nothing.
func (req *caseExport) bound(s *sql.Selector, v any) *sql.Predicate {
	if len(req.order) == 0 || req.order[0].table {
		return nil
	}
	t := req.order[0]
	column := s.C(t.column)
	switch {
	case t.desc && v == nil: // NULL first: everything may follow
		return nil
	case t.desc:
		return sql.LTE(column, v)
	case v == nil: // NULL last: only NULL follows
		return sql.IsNull(column)
	case t.nullable:
		return sql.Or(sql.GTE(column, v), sql.IsNull(column))
	}
	return sql.GTE(column, v)
}

// caseColumns name the export's columns: key, Italian, English. The
// labels are the web app's for the same fields.
var caseColumns = [][3]string{
	{"code", "Numero del caso", "Case number"},
	{"pseudonym", "Pseudonimo", "Pseudonym"},
	{"status", "Stato", "Status"},
	{"priority", "Priorità", "Priority"},
	{"referral_channel", "Canale di invio", "Referral channel"},
	{"table", "Tavolo", "Table"},
	{"municipality", "Comune di residenza", "Municipality of residence"},
	{"need_areas", "Aree di bisogno", "Need areas"},
	{"referred_on", "Data della segnalazione", "Referral date"},
	{"taken_in_charge_on", "Presa in carico", "Taken in charge"},
	{"closed_on", "Data di chiusura", "Closing date"},
	{"case_manager", "Referente del caso", "Case manager"},
	{"overdue", "Termini", "Time limits"},
}

// identityColumns follow with identities=1.
var identityColumns = [][3]string{
	{"last_name", "Cognome", "Surname"},
	{"first_name", "Nome", "First name"},
	{"tax_code", "Codice fiscale", "Tax code"},
}

// overdueCells are the overdue column's cells, as the list shows it.
var overdueCells = map[bool][2]string{true: {"In ritardo", "Overdue"}, false: {"Nei termini", "On time"}}

// caseHeader is the header row: the labels in the language, or the keys
// with lang=keys.
func (l csvLang) caseHeader(identities bool) []string {
	columns := caseColumns
	if identities {
		columns = append(columns[:len(columns):len(columns)], identityColumns...)
	}
	row := make([]string, len(columns))
	for i, c := range columns {
		switch {
		case l.keysOnly:
			row[i] = c[0]
		default:
			row[i] = c[1+l.index]
		}
	}
	return row
}

// enum is an enumerated value's label in the language (the web app's),
// or its key with lang=keys.
func (l csvLang) enum(name, key string) string {
	if l.keysOnly {
		return key
	}
	if label := enumLabels()[l.index]["enum."+name+"."+key]; label != "" {
		return label
	}
	return key
}

// caseRow is a case's row. What the viewer may not read is empty: the
// municipality for the committee, the case manager when the viewer may
// not read the account, the identity unless readable.
func (l csvLang) caseRow(c *ent.CaseFile, identities bool) []string {
	var table, municipality, manager, pseudonym string
	if t := c.Edges.Table; t != nil {
		table = t.Name
	}
	if m := c.Edges.CaseManager; m != nil {
		manager = m.Name
	}
	p := c.Edges.Person
	if p != nil {
		pseudonym = p.Pseudonym
		if m := p.Edges.Municipality; m != nil {
			municipality = m.Name
		}
	}
	areas := make([]string, len(c.NeedAreas))
	for i, a := range c.NeedAreas {
		areas[i] = l.enum("NeedArea", string(a))
	}
	sep := ", "
	if l.keysOnly {
		sep = " "
	}
	overdue := pathway.Overdue(c)
	overdueCell := strconv.FormatBool(overdue)
	if !l.keysOnly {
		overdueCell = overdueCells[overdue][l.index]
	}
	var channel string
	if c.ReferralChannel != nil {
		channel = l.enum("ReferralChannel", string(*c.ReferralChannel))
	}
	row := []string{c.Code, pseudonym, l.enum("CaseStatus", string(c.Status)), l.enum("CasePriority", string(c.Priority)), channel,
		table, municipality, strings.Join(areas, sep), c.ReferredOn.String(), dayText(c.TakenInChargeOn), dayText(c.ClosedOn),
		manager, overdueCell}
	if identities {
		var last, first, taxCode string
		if p != nil && p.Edges.Identity != nil {
			i := p.Edges.Identity
			last, first = i.LastName, i.FirstName
			if i.TaxCode != nil {
				taxCode = *i.TaxCode
			}
		}
		row = append(row, last, first, taxCode)
	}
	return row
}

func dayText(d *domain.Date) string {
	if d == nil {
		return ""
	}
	return d.String()
}
