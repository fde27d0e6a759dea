package web_test

import (
	"encoding/csv"
	"encoding/json"
	"net/http"
	"net/http/httptest"
	"net/url"
	"slices"
	"strconv"
	"strings"
	"testing"
	"time"

	"github.com/vektah/gqlparser/v2/ast"

	"github.com/progetto-win/win/domain/gid"
	"github.com/progetto-win/win/ent/auditevent"
	"github.com/progetto-win/win/ent/user"
	"github.com/progetto-win/win/graph"
	"github.com/progetto-win/win/server/demo"
	"github.com/progetto-win/win/server/store"
	"github.com/progetto-win/win/server/store/storetest"
	"github.com/progetto-win/win/server/web"
	"github.com/progetto-win/win/server/webtest"
)

// caseListExportQuery reads the case list as the export writes it.
const caseListExportQuery = `query($where: CaseWhereInput, $orderBy: [CaseOrder!], $identities: Boolean!) {
	cases(first: 100, where: $where, orderBy: $orderBy) { totalCount edges { node {
		code status priority referralChannel referredOn takenInChargeOn closedOn needAreas overdue
		person { pseudonym municipality { name } identity @include(if: $identities) { id firstName lastName taxCode } }
		table { name } caseManager { name } } } } }`

// webAppOrder is the web app's default order of the list, the export's
// when it is given none.
const webAppOrder = `[{"field":"REFERRED_ON","direction":"DESC"},{"field":"CODE","direction":"DESC"}]`

// listedCase is a node of caseListExportQuery.
type listedCase struct {
	Code, Status, Priority, ReferredOn string
	ReferralChannel                    *string
	TakenInChargeOn, ClosedOn          *string
	NeedAreas                          []string
	Overdue                            bool
	Person                             struct {
		Pseudonym    string
		Municipality *struct{ Name string }
		Identity     *struct {
			ID                  gid.ID
			FirstName, LastName string
			TaxCode             *string
		}
	}
	Table       struct{ Name string }
	CaseManager *struct{ Name string }
}

// listedRows returns the case list as rows of the export with lang=keys,
// and the IDs of the identities it read.
func listedRows(t *testing.T, a *webtest.API, where, orderBy string, identities bool) ([][]string, []gid.ID) {
	t.Helper()
	vars := map[string]any{"identities": identities}
	for name, v := range map[string]string{"where": where, "orderBy": orderBy} {
		if v != "" {
			var decoded any
			if err := json.Unmarshal([]byte(v), &decoded); err != nil {
				t.Fatal(err)
			}
			vars[name] = decoded
		}
	}
	var out struct {
		TotalCount int
		Edges      []struct{ Node listedCase }
	}
	a.Must(caseListExportQuery, vars, &out)
	if out.TotalCount > 100 {
		t.Fatalf("%d cases: the comparison reads one page of 100", out.TotalCount)
	}
	var rows [][]string
	var ids []gid.ID
	text := func(s *string) string {
		if s == nil {
			return ""
		}
		return *s
	}
	for _, e := range out.Edges {
		c := e.Node
		var municipality, manager string
		if c.Person.Municipality != nil {
			municipality = c.Person.Municipality.Name
		}
		if c.CaseManager != nil {
			manager = c.CaseManager.Name
		}
		row := []string{c.Code, c.Person.Pseudonym, c.Status, c.Priority, text(c.ReferralChannel), c.Table.Name, municipality,
			strings.Join(c.NeedAreas, " "), c.ReferredOn, text(c.TakenInChargeOn), text(c.ClosedOn), manager, strconv.FormatBool(c.Overdue)}
		if identities {
			if i := c.Person.Identity; i != nil {
				row = append(row, i.LastName, i.FirstName, text(i.TaxCode))
				ids = append(ids, i.ID)
			} else {
				row = append(row, "", "", "")
			}
		}
		rows = append(rows, row)
	}
	return rows, ids
}

// exportCasesAs downloads the case list export with the parameters and
// reads it back: the answer, the header and the rows.
func exportCasesAs(t *testing.T, a *webtest.API, params url.Values) (*httptest.ResponseRecorder, []string, [][]string) {
	t.Helper()
	req := httptest.NewRequest(http.MethodGet, "/export/cases.csv?"+params.Encode(), nil)
	req.Header.Set("Sec-Fetch-Site", "same-origin")
	rec := a.Fetch(req)
	if rec.Code != http.StatusOK {
		return rec, nil, nil
	}
	body, ok := strings.CutPrefix(rec.Body.String(), "\uFEFF")
	if !ok {
		t.Fatalf("no byte-order mark: %q", rec.Body.String())
	}
	reader := csv.NewReader(strings.NewReader(body))
	if params.Get("separator") == "semicolon" {
		reader.Comma = ';'
	}
	rows, err := reader.ReadAll()
	if err != nil || len(rows) == 0 {
		t.Fatalf("reading the export: %v\n%s", err, body)
	}
	return rec, rows[0], rows[1:]
}

// lowBatch makes the export read a few keys and cases at a time, so
// that every file takes several pages of keys, each several batches
// (the last one shorter), until the test ends.
func lowBatch(t *testing.T, batch, keys int) {
	savedBatch, savedKeys := web.CaseExportBatch, web.CaseExportKeys
	web.CaseExportBatch, web.CaseExportKeys = batch, keys
	t.Cleanup(func() { web.CaseExportBatch, web.CaseExportKeys = savedBatch, savedKeys })
}

// TestCaseListExportEqualsTheList downloads the case list, as several
// roles, with several filters and orders, and compares it with the
// cases list of the API for the same where and orderBy: the same rows,
// in the same order, read over several batches.
func TestCaseListExportEqualsTheList(t *testing.T) {
	storetest.Each(t, func(t *testing.T, db *store.DB) {
		w := webtest.NewWorld(t, db)
		lowBatch(t, 3, 7)
		roles := map[string]*webtest.API{
			"coordinator": w.Coord, "operator (Vinci)": w.Vinci, "partner": w.Partner,
			"committee": webtest.As(t, w.Base, demo.SteeringEmail), "analyst": webtest.As(t, w.Base, demo.AnalystEmail),
		}
		open := `{"statusIn":["REFERRED","UNDER_ASSESSMENT","IN_CHARGE","MONITORING"]}`
		for _, c := range []struct{ where, orderBy string }{
			{"", ""}, // the web app's default order
			{"", `[{"field":"REFERRED_ON","direction":"DESC"},{"field":"CODE","direction":"DESC"}]`},
			{open, `[{"field":"TABLE_NAME","direction":"ASC"},{"field":"CODE","direction":"ASC"}]`},
			{`{"hasTableWith":[{"id":"` + string(w.Empoli) + `"}]}`, `[{"field":"PLAN_DUE_ON","direction":"DESC"},{"field":"CODE","direction":"DESC"}]`},
			{`{"and":[{"hasCaseManager":true},{"not":{"status":"CLOSED"}}]}`, `[{"field":"FIRST_MEETING_DUE_ON","direction":"ASC"}]`},
			{`{"or":[{"priority":"HIGH"},{"priority":"URGENT"}]}`, `[{"field":"TABLE_NAME","direction":"DESC"},{"field":"UPDATED_AT","direction":"DESC"}]`},
			{"", `{"field":"CLOSED_ON"}`}, // one order, not a list: ascending, as the schema coerces it
		} {
			for role, a := range roles {
				orderBy := c.orderBy
				if orderBy == "" {
					orderBy = webAppOrder
				}
				want, _ := listedRows(t, a, c.where, orderBy, false)
				params := url.Values{"lang": {"keys"}}
				if c.where != "" {
					params.Set("where", c.where)
				}
				if c.orderBy != "" {
					params.Set("orderBy", c.orderBy)
				}
				rec, header, got := exportCasesAs(t, a, params)
				if rec.Code != http.StatusOK {
					t.Fatalf("%s, %v: %d %s", role, params, rec.Code, rec.Body.String())
				}
				if len(header) != 13 {
					t.Errorf("%s: header %v", role, header)
				}
				if !slices.EqualFunc(got, want, slices.Equal) {
					t.Errorf("%s, where %s, orderBy %s:\nexport %v\nlist   %v", role, c.where, c.orderBy, got, want)
				}
				if role == "partner" && len(got) != 0 {
					t.Errorf("the partner operator, at no table, exported %d cases", len(got))
				}
				if role == "coordinator" && c.where == "" && len(got) <= 7 {
					t.Errorf("the coordinator exported %d cases: too few to take several pages of keys", len(got))
				}
			}
		}
	})
}

// TestCaseListExportTakesEveryOrder exports the committee's list in
// every order the API offers, both ways, as the list gives it.
func TestCaseListExportTakesEveryOrder(t *testing.T) {
	storetest.Each(t, func(t *testing.T, db *store.DB) {
		w := webtest.NewWorld(t, db)
		lowBatch(t, 2, 5)
		committee := webtest.As(t, w.Base, demo.SteeringEmail)
		def := graph.NewExecutableSchema(graph.Config{}).Schema().Types["CaseOrderField"]
		if def == nil || def.Kind != ast.Enum {
			t.Fatal("no enum CaseOrderField")
		}
		for _, v := range def.EnumValues {
			for _, dir := range []string{"ASC", "DESC"} {
				orderBy := `[{"field":"` + v.Name + `","direction":"` + dir + `"}]`
				want, _ := listedRows(t, committee, "", orderBy, false)
				rec, _, got := exportCasesAs(t, committee, url.Values{"lang": {"keys"}, "orderBy": {orderBy}})
				if rec.Code != http.StatusOK {
					t.Fatalf("%s: %d %s", orderBy, rec.Code, rec.Body.String())
				}
				if !slices.EqualFunc(got, want, slices.Equal) {
					t.Errorf("orderBy %s:\nexport %v\nlist   %v", orderBy, got, want)
				}
			}
		}
	})
}

// auditedReads returns the IDs of the identities whose reads by a user
// the audit log holds.
func auditedReads(t *testing.T, w *webtest.World, actor gid.ID) map[string]int {
	t.Helper()
	reads := map[string]int{}
	for _, id := range w.Client.AuditEvent.Query().Where(auditevent.Action("READ_IDENTITY"), auditevent.HasActorWith(user.ID(actor))).
		Select(auditevent.FieldEntityID).StringsX(w.Ctx) {
		reads[id]++
	}
	return reads
}

// since returns the identities read in after and not before, sorted,
// once for each read.
func since(before, after map[string]int) []string {
	var out []string
	for id, n := range after {
		for range n - before[id] {
			out = append(out, id)
		}
	}
	slices.Sort(out)
	return out
}

// TestCaseListExportIdentities asks for identities: they come where the
// viewer may read them, empty elsewhere, each read audited; the
// committee gets no identity columns; nobody gets them unasked; the
// export is audited with its filter and its number of cases.
func TestCaseListExportIdentities(t *testing.T) {
	storetest.Each(t, func(t *testing.T, db *store.DB) {
		w := webtest.NewWorld(t, db)
		lowBatch(t, 4, 9)
		where := `{"not":{"status":"DECLINED"}}`
		for role, a := range map[string]*webtest.API{"coordinator": w.Coord, "operator (Vinci)": w.Vinci} {
			actor := map[string]gid.ID{"coordinator": w.CoordID, "operator (Vinci)": w.VinID}[role]
			want, ids := listedRows(t, a, where, webAppOrder, true)
			before := auditedReads(t, w, actor)
			rec, header, got := exportCasesAs(t, a, url.Values{"lang": {"keys"}, "where": {where}, "identities": {"1"}})
			if rec.Code != http.StatusOK {
				t.Fatalf("%s: %d %s", role, rec.Code, rec.Body.String())
			}
			if !slices.Equal(header[13:], []string{"last_name", "first_name", "tax_code"}) {
				t.Errorf("%s: header %v", role, header)
			}
			if !slices.EqualFunc(got, want, slices.Equal) {
				t.Errorf("%s:\nexport %v\nlist   %v", role, got, want)
			}
			filled, empty := 0, 0
			for _, row := range got {
				if row[13] != "" {
					filled++
				} else {
					empty++
				}
			}
			if role == "coordinator" && (filled == 0 || empty == 0) {
				t.Errorf("the coordinator's export has %d identities and %d rows without: want both (closed cases)", filled, empty)
			}
			// The export's reads: those the list read, each once.
			read := since(before, auditedReads(t, w, actor))
			wantRead := make([]string, 0, len(ids))
			for _, id := range ids {
				wantRead = append(wantRead, string(id))
			}
			slices.Sort(wantRead)
			wantRead = slices.Compact(wantRead)
			if !slices.Equal(read, wantRead) {
				t.Errorf("%s: READ_IDENTITY of %v, want %v", role, read, wantRead)
			}
			// The export, once, with its filter and its count.
			events := w.Client.AuditEvent.Query().Where(auditevent.Action("EXPORT_CASES"), auditevent.HasActorWith(user.ID(actor))).AllX(w.Ctx)
			if len(events) != 1 {
				t.Fatalf("%s: %d EXPORT_CASES events", role, len(events))
			}
			var record web.CaseExportRecord
			if err := json.Unmarshal([]byte(events[0].Changes), &record); err != nil {
				t.Fatal(err)
			}
			if record.Results != len(got) || !record.Identities || string(record.Where) != where || events[0].EntityType != "Case" || events[0].EntityID != "" {
				t.Errorf("%s: EXPORT_CASES %+v %s, want %d results of %s with identities", role, events[0], events[0].Changes, len(got), where)
			}
			// Unasked, no identity: no column, no read.
			before = auditedReads(t, w, actor)
			_, header, _ = exportCasesAs(t, a, url.Values{"where": {where}})
			if read := since(before, auditedReads(t, w, actor)); len(header) != 13 || len(read) != 0 {
				t.Errorf("%s without identities=1: header %v, reads %v", role, header, read)
			}
		}
		// The committee reads no identity: no columns, even asked.
		committee := webtest.As(t, w.Base, demo.SteeringEmail)
		rec, header, rows := exportCasesAs(t, committee, url.Values{"identities": {"1"}})
		if rec.Code != http.StatusOK || len(header) != 13 || len(rows) == 0 {
			t.Errorf("the committee asking for identities: %d, header %v, %d rows", rec.Code, header, len(rows))
		}
		for _, row := range rows {
			if row[6] != "" {
				t.Errorf("the committee reads a municipality: %v", row)
				break
			}
		}
		if n := w.Client.AuditEvent.Query().Where(auditevent.Action("READ_IDENTITY"), auditevent.HasActorWith(user.IDNotIn(w.CoordID, w.VinID))).CountX(w.Ctx); n != 0 {
			t.Errorf("%d identity reads by others than the coordinator and the Vinci operator", n)
		}
	})
}

// TestCaseListExportRequests checks the answers to requests that are
// not exports: nobody signed in, a bad where or orderBy, a parameter the
// export does not take; and the file's languages and separators.
func TestCaseListExportRequests(t *testing.T) {
	storetest.Each(t, func(t *testing.T, db *store.DB) {
		w := webtest.NewWorld(t, db)
		anonymous := &webtest.API{T: t, Handler: w.Base.Handler, Client: w.Client}
		if rec, _, _ := exportCasesAs(t, anonymous, url.Values{}); rec.Code != http.StatusUnauthorized {
			t.Errorf("anonymous: %d %s", rec.Code, rec.Body.String())
		}
		for _, c := range []struct {
			params url.Values
			field  string
		}{
			{url.Values{"where": {`{"status":"NOPE"}`}}, "where"},
			{url.Values{"where": {`{"status":`}}, "where"},
			{url.Values{"where": {`{"nope":true}`}}, "where"},
			{url.Values{"where": {`{"statusIn":[1]}`}}, "where"},
			{url.Values{"where": {`{"and":[{}]}`, `{}`}}, "where"},
			{url.Values{"where": {`{"and":[` + strings.Repeat(`{"code":"x"},`, 250) + `{"code":"y"}]}`}}, "where"},
			{url.Values{"where": {`{"code":"a\u0000b"}`}}, "where"},
			{url.Values{"orderBy": {`[{"field":"NAME"}]`}}, "orderBy"},
			{url.Values{"orderBy": {`[{"field":"CODE"},{"field":"CODE","direction":"DESC"}]`}}, "orderBy"},
			{url.Values{"orderBy": {`[{"direction":"DESC"}]`}}, "orderBy"},
			{url.Values{"q": {"rossi"}}, "q"},
			{url.Values{"<b>x</b>": {"1"}}, "parameters"}, // a name not repeated
			{url.Values{"separator": {"tab"}}, "separator"},
			{url.Values{"lang": {"fr"}}, "lang"},
			{url.Values{"identities": {"yes"}}, "identities"},
		} {
			rec, _, _ := exportCasesAs(t, w.Coord, c.params)
			if rec.Code != http.StatusBadRequest || !strings.HasPrefix(rec.Body.String(), c.field+":") {
				t.Errorf("%v: %d %s, want 400 naming %s", c.params, rec.Code, rec.Body.String(), c.field)
			}
		}
		// Italian by default, with the web app's labels.
		rec, header, rows := exportCasesAs(t, w.Coord, url.Values{"where": {`{"status":"IN_CHARGE"}`}})
		if rec.Code != http.StatusOK || header[0] != "Numero del caso" || header[12] != "Termini" || len(rows) == 0 || rows[0][2] != "In carico" {
			t.Errorf("Italian: %d %v %v", rec.Code, header, rows)
		}
		if cd := rec.Header().Get("Content-Disposition"); !strings.HasPrefix(cd, `attachment; filename=cases_`) || rec.Header().Get("Cache-Control") != "no-store" ||
			rec.Header().Get("Content-Type") != "text/csv; charset=utf-8" {
			t.Errorf("headers %v", rec.Header())
		}
		// The export has its own deadline, not the request timeout's.
		w.Base.Rebuild(db, func(o *web.Options) { o.RequestTimeout = time.Nanosecond })
		hurried := *w.Coord
		hurried.Handler = w.Base.Handler
		if r := hurried.Post(`{ cases(first: 1) { totalCount } }`, nil); r.Code() != "TIMEOUT" && r.Status != http.StatusServiceUnavailable {
			t.Errorf("a query with a timeout of 1 ns: %d %s", r.Status, r.Raw)
		}
		if rec, _, rows := exportCasesAs(t, &hurried, url.Values{}); rec.Code != http.StatusOK || len(rows) == 0 {
			t.Errorf("an export with a request timeout of 1 ns: %d %s", rec.Code, rec.Body.String())
		}
		// English with semicolons, identities included.
		rec, header, rows = exportCasesAs(t, w.Coord, url.Values{"where": {`{"status":"IN_CHARGE"}`}, "lang": {"en"}, "separator": {"semicolon"}, "identities": {"1"}})
		if rec.Code != http.StatusOK || header[0] != "Case number" || header[13] != "Surname" || len(header) != 16 || rows[0][2] != "In charge" ||
			!strings.Contains(rec.Body.String(), "Case number;Pseudonym;Status;") {
			t.Errorf("English with semicolons: %d %v %v", rec.Code, header, rows)
		}
	})
}

// flushCounter is an answer that counts its flushes.
type flushCounter struct {
	*httptest.ResponseRecorder
	flushes int
}

func (f *flushCounter) Flush() {
	f.flushes++
	f.ResponseRecorder.Flush()
}

// TestCaseListExportStreams checks that the export leaves in batches,
// each flushed, however many there are, compressed or not.
func TestCaseListExportStreams(t *testing.T) {
	storetest.Each(t, func(t *testing.T, db *store.DB) {
		w := webtest.NewWorld(t, db)
		committee := webtest.As(t, w.Base, demo.SteeringEmail)
		total := committee.Count(`{ cases(first: 1) { totalCount } }`, nil)
		lowBatch(t, 6, 1000)
		for _, gzip := range []bool{false, true} {
			req := httptest.NewRequest(http.MethodGet, "/export/cases.csv?lang=keys", nil)
			req.Header.Set("Sec-Fetch-Site", "same-origin")
			req.AddCookie(committee.Cookie)
			if gzip {
				req.Header.Set("Accept-Encoding", "gzip")
			}
			rec := &flushCounter{ResponseRecorder: httptest.NewRecorder()}
			w.Base.Handler.ServeHTTP(rec, req)
			if rec.Code != http.StatusOK {
				t.Fatalf("%d %s", rec.Code, rec.Body.String())
			}
			if want := (total + 5) / 6; rec.flushes < want || want < 2 {
				t.Errorf("gzip %v: %d flushes for %d cases in batches of 6, want %d", gzip, rec.flushes, total, want)
			}
			if !gzip {
				if lines := strings.Count(rec.Body.String(), "\n"); lines != total+1 {
					t.Errorf("%d lines for %d cases", lines, total)
				}
			}
		}
	})
}
