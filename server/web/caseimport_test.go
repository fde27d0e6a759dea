package web_test

import (
	"bytes"
	"context"
	"encoding/json"
	"fmt"
	"mime/multipart"
	"net/http"
	"net/http/httptest"
	"strings"
	"testing"
	"time"

	"github.com/progetto-win/win/domain"
	"github.com/progetto-win/win/domain/viewer"
	"github.com/progetto-win/win/ent/apitoken"
	"github.com/progetto-win/win/ent/schema/rule"
	"github.com/progetto-win/win/ent/user"
	"github.com/progetto-win/win/server/auth"
	"github.com/progetto-win/win/server/caseimport"
	"github.com/progetto-win/win/server/demo"
	"github.com/progetto-win/win/server/store"
	"github.com/progetto-win/win/server/store/storetest"
	"github.com/progetto-win/win/server/web"
	"github.com/progetto-win/win/server/webtest"
)

// importCSV is a file of the template's columns: a header and the rows,
// each given by column.
func importCSV(rows ...map[string]string) []byte {
	var b strings.Builder
	for i, c := range caseimport.Columns {
		if i > 0 {
			b.WriteByte(';')
		}
		b.WriteString(c.Name)
	}
	b.WriteString("\r\n")
	for _, r := range rows {
		for i, c := range caseimport.Columns {
			if i > 0 {
				b.WriteByte(';')
			}
			b.WriteString(r[c.Name])
		}
		b.WriteString("\r\n")
	}
	return []byte(b.String())
}

// importRow is a valid row of a new person referred to the Empoli
// table, different for each i.
func importRow(key string, i int) map[string]string {
	const letters = "BCDFGHLMNPRSTVZ"
	first15 := "XQW" + string([]byte{letters[i%15], letters[(i/15)%15], letters[(i/225)%15]}) + "85M41D612"
	return map[string]string{
		caseimport.ColRowKey: key, caseimport.ColTable: "Tavolo territoriale di Empoli", caseimport.ColTaxCode: first15 + string(domain.TaxCodeCheckChar(first15)),
		caseimport.ColLastName: "Caricata " + first15[3:6], caseimport.ColFirstName: "Lucia", caseimport.ColBirthDate: "01/08/1985",
		caseimport.ColGender: "Femminile", caseimport.ColReferrer: "Caritas Demo Empoli", caseimport.ColReferredOn: "02/02/2026",
		caseimport.ColReason: "Presa in carico storica", caseimport.ColNeedAreas: "INCOME",
	}
}

// importRequest is a multipart request of the import, the file in part
// "file", after a part the import ignores.
func importRequest(t *testing.T, query string, content []byte) *http.Request {
	t.Helper()
	var body bytes.Buffer
	form := multipart.NewWriter(&body)
	_ = form.WriteField("note", "ignored")
	part, err := form.CreateFormFile("file", "casi.csv")
	if err != nil {
		t.Fatal(err)
	}
	_, _ = part.Write(content)
	_ = form.Close()
	req := httptest.NewRequest(http.MethodPost, "/import/cases?"+query, &body)
	req.Header.Set("Content-Type", form.FormDataContentType())
	return req
}

// postImport sends a file and decodes the report (or the error's code).
func postImport(t *testing.T, a *webtest.API, query string, content []byte) (int, *caseimport.Report, string) {
	t.Helper()
	rec := a.Fetch(importRequest(t, query, content))
	if rec.Header().Get("Content-Type") != "application/json" {
		t.Fatalf("%d %s: %s", rec.Code, rec.Header().Get("Content-Type"), rec.Body.String())
	}
	var answer struct {
		caseimport.Report
		Errors []webtest.GQLError `json:"errors"`
	}
	if err := json.Unmarshal(rec.Body.Bytes(), &answer); err != nil {
		t.Fatalf("%d: %s", rec.Code, rec.Body.String())
	}
	if len(answer.Errors) > 0 {
		code, _ := answer.Errors[0].Extensions["code"].(string)
		return rec.Code, nil, code
	}
	return rec.Code, &answer.Report, ""
}

// TestCaseImportOverHTTP drives the import through the handler: the
// template, the rights, the preview as JSON and CSV, an import refused
// by a bad row then done, the cases as the table reads them, and the
// same file again.
func TestCaseImportOverHTTP(t *testing.T) {
	storetest.Each(t, func(t *testing.T, db *store.DB) {
		w := webtest.NewWorld(t, db)
		coord := w.Coord
		coord.Origin = "http://example.com" // a browser's form, from here
		anonymous := &webtest.API{T: t, Handler: w.Base.Handler, Client: w.Client, Origin: coord.Origin}
		casesNow := func() int { return w.Client.CaseFile.Query().CountX(w.Ctx) }

		// The template.
		get := func(a *webtest.API, url string) *httptest.ResponseRecorder {
			return a.Fetch(httptest.NewRequest(http.MethodGet, url, nil))
		}
		if rec := get(anonymous, "/import/cases/template.csv"); rec.Code != http.StatusUnauthorized {
			t.Errorf("template for nobody: %d", rec.Code)
		}
		rec := get(coord, "/import/cases/template.csv")
		headerIt := strings.Split(strings.TrimSpace(strings.TrimPrefix(rec.Body.String(), "\uFEFF")), ";")
		if rec.Code != http.StatusOK || !strings.HasPrefix(rec.Header().Get("Content-Type"), "text/csv") || !strings.HasPrefix(rec.Body.String(), "\uFEFF") ||
			headerIt[0] != caseimport.ColRowKey || len(headerIt) != len(caseimport.Columns) || !strings.Contains(rec.Header().Get("Content-Disposition"), "attachment") {
			t.Errorf("template: %d %v %q", rec.Code, rec.Header(), rec.Body.String())
		}
		if rec := get(coord, "/import/cases/template.csv?lang=en"); !strings.HasPrefix(rec.Body.String(), "\uFEFFrow_key;table;") {
			t.Errorf("English template: %q", rec.Body.String())
		}

		good := []map[string]string{importRow("H-1", 1), importRow("H-2", 2)}
		bad := []map[string]string{good[0], func() map[string]string {
			r := importRow("H-2", 2)
			r[caseimport.ColBirthDate] = "1985-08-32"
			return r
		}()}

		// Rights and transport.
		if code, _, c := postImport(t, anonymous, "mode=preview", importCSV(good...)); code != http.StatusUnauthorized || c != web.CodeUnauthenticated {
			t.Errorf("nobody: %d %s", code, c)
		}
		operator := w.Op
		operator.Origin = coord.Origin
		if code, _, c := postImport(t, operator, "mode=preview", importCSV(good...)); code != http.StatusForbidden || c != web.CodeForbidden {
			t.Errorf("an operator: %d %s", code, c)
		}
		noOrigin := *coord
		noOrigin.Origin = ""
		if rec := noOrigin.Fetch(importRequest(t, "mode=import", importCSV(good...))); rec.Code != http.StatusForbidden {
			t.Errorf("a cookie's multipart POST without Origin: %d", rec.Code)
		}
		if code, _, c := postImport(t, coord, "mode=everything", importCSV(good...)); code != http.StatusBadRequest || c != web.CodeBadUserInput {
			t.Errorf("a bad mode: %d %s", code, c)
		}
		if code, _, c := postImport(t, coord, "mode=preview", []byte("codice_riga;colore\nX;blu\n")); code != http.StatusBadRequest || c != web.CodeBadUserInput {
			t.Errorf("unknown columns: %d %s", code, c)
		}
		big := importRequest(t, "mode=preview", importCSV(good...))
		big.ContentLength = web.MaxImportBytes + 1
		if rec := coord.Fetch(big); rec.Code != http.StatusRequestEntityTooLarge {
			t.Errorf("too large: %d %s", rec.Code, rec.Body.String())
		}

		// A preview writes nothing; as CSV, a download.
		before := casesNow()
		code, r, _ := postImport(t, coord, "mode=preview", importCSV(good...))
		if code != http.StatusOK || r.Counts.New != 2 || r.Imported || casesNow() != before {
			t.Errorf("preview: %d %+v", code, r)
		}
		rec = coord.Fetch(importRequest(t, "mode=preview&format=csv", importCSV(bad...)))
		csvReport := strings.TrimPrefix(rec.Body.String(), "\uFEFF")
		if rec.Code != http.StatusOK || !strings.HasPrefix(rec.Header().Get("Content-Type"), "text/csv") || !strings.HasPrefix(rec.Body.String(), "\uFEFF") ||
			!strings.HasPrefix(csvReport, "riga;codice_riga;esito;") || !strings.Contains(csvReport, ";ERROR;") || !strings.Contains(csvReport, caseimport.ColBirthDate) {
			t.Errorf("CSV preview: %d %v\n%s", rec.Code, rec.Header(), csvReport)
		}

		asked := importRequest(t, "mode=preview", importCSV(good...))
		asked.Header.Set("Accept", "text/csv, application/json;q=0.5")
		if rec := coord.Fetch(asked); !strings.HasPrefix(rec.Header().Get("Content-Type"), "text/csv") {
			t.Errorf("Accept: text/csv: %v", rec.Header())
		}

		// An import with a bad row: 422, nothing written; fixed: done.
		code, r, _ = postImport(t, coord, "mode=import", importCSV(bad...))
		if code != http.StatusUnprocessableEntity || r.Imported || r.Rows[1].Problems[0].Column != caseimport.ColBirthDate || casesNow() != before {
			t.Fatalf("a bad row: %d %+v", code, r)
		}
		code, r, _ = postImport(t, coord, "mode=import&onError=abort", importCSV(good...))
		if code != http.StatusOK || !r.Imported || r.Counts.CasesCreated != 2 || casesNow() != before+2 {
			t.Fatalf("the fixed file: %d %+v", code, r)
		}

		// The table reads the cases as referrals.
		for i, row := range r.Rows {
			var got struct {
				Cases struct {
					Edges []struct {
						Node struct {
							Status string
							Events struct {
								Edges []struct{ Node struct{ Kind string } }
							}
							Person struct {
								Pseudonym string
								Identity  *struct{ LastName string }
							}
							Table struct{ Code string }
						}
					}
				}
			}
			coord.OK(`query($code: String!) { cases(first: 1, where: {code: $code}) { edges { node {
				status events(first: 5) { edges { node { kind } } } person { pseudonym identity { lastName } } table { code } } } } }`,
				map[string]any{"code": row.CaseCode}, &got)
			if len(got.Cases.Edges) != 1 {
				t.Fatalf("case %s not found by the coordinator", row.CaseCode)
			}
			n := got.Cases.Edges[0].Node
			if n.Status != "REFERRED" || len(n.Events.Edges) != 1 || n.Events.Edges[0].Node.Kind != "REFERRED" || n.Table.Code != "EMP" ||
				n.Person.Pseudonym != row.Pseudonym || n.Person.Identity == nil || n.Person.Identity.LastName != good[i][caseimport.ColLastName] {
				t.Errorf("case %s as the table reads it: %+v", row.CaseCode, n)
			}
		}

		// The same file again creates nothing.
		code, again, _ := postImport(t, coord, "mode=import", importCSV(good...))
		if code != http.StatusOK || again.Counts.AlreadyImported != 2 || again.Counts.CasesCreated != 0 || casesNow() != before+2 {
			t.Errorf("again: %d %+v", code, again)
		}

		// Another table's rows: the coordinator is refused them.
		other := importRow("H-3", 3)
		other[caseimport.ColTable] = "VIN"
		code, r, _ = postImport(t, coord, "mode=import", importCSV(other))
		if code != http.StatusUnprocessableEntity || r.Rows[0].Problems[0].Column != caseimport.ColTable {
			t.Errorf("another table: %d %+v", code, r)
		}

		// An API token passes without Origin; a read-only one previews only.
		admin := w.Client.User.Query().Where(user.Email(demo.AdminEmail)).OnlyX(w.Ctx)
		token := func(scope apitoken.Scope) *webtest.API {
			_, secret, err := auth.New(w.Client).CreateToken(rule.SystemContext(context.Background()), &viewer.Viewer{UserID: admin.ID}, fmt.Sprint("import ", scope), scope, time.Now().Add(time.Hour), auth.Request{})
			if err != nil {
				t.Fatal(err)
			}
			return &webtest.API{T: t, Handler: w.Base.Handler, Client: w.Client, Token: secret}
		}
		if code, r, _ := postImport(t, token(apitoken.ScopeReadWrite), "mode=import", importCSV(importRow("H-4", 4))); code != http.StatusOK || r.Counts.CasesCreated != 1 {
			t.Errorf("an administrator's token: %d %+v", code, r)
		}
		readOnly := token(apitoken.ScopeRead)
		if code, _, c := postImport(t, readOnly, "mode=import", importCSV(importRow("H-5", 5))); code != http.StatusForbidden || c != web.CodeForbidden {
			t.Errorf("a read-only token imports: %d %s", code, c)
		}
		if code, r, _ := postImport(t, readOnly, "mode=preview", importCSV(importRow("H-5", 5))); code != http.StatusOK || r.Counts.New != 1 {
			t.Errorf("a read-only token previews: %d %+v", code, r)
		}
	})
}
