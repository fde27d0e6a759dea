package web_test

import (
	"bufio"
	"context"
	"database/sql"
	"encoding/json"
	"fmt"
	"io"
	"log/slog"
	"mime/multipart"
	"net/http"
	"net/http/httptest"
	"os"
	"path/filepath"
	"runtime"
	"strconv"
	"strings"
	"sync"
	"sync/atomic"
	"testing"
	"time"

	"entgo.io/ent/dialect"

	"github.com/progetto-win/win/domain"
	"github.com/progetto-win/win/domain/viewer"
	"github.com/progetto-win/win/ent/apitoken"
	"github.com/progetto-win/win/ent/schema/rule"
	"github.com/progetto-win/win/ent/user"
	"github.com/progetto-win/win/server/auth"
	"github.com/progetto-win/win/server/caseimport"
	"github.com/progetto-win/win/server/demo"
	"github.com/progetto-win/win/server/store/storetest"
	"github.com/progetto-win/win/server/web"
	"github.com/progetto-win/win/server/webtest"
)

// BenchmarkCaseImport previews and imports files of WIN_BENCH_IMPORT_ROWS
// rows (10,000 by default; several sizes comma-separated, e.g.
// "2000,10000", to see that memory does not grow with the file) through
// the real handler, as an administrator's API token, on PostgreSQL: the
// file streamed from disk in a multipart body, 80% of its rows new
// referrals, 10% cases in charge with an intervention and an outcome,
// 10% closed cases with an intervention, across the 11 tables. Each run
// reports its time, rows/s, the peak of the heap above what it was
// before (runtime.MemStats.HeapAlloc sampled every 5 ms), and its time
// as a multiple of a baseline measured in the same run: as many rows as
// the import writes of persons, identities, cases and timeline events,
// inserted one plain INSERT each through database/sql in one
// transaction, with no ent, no hooks, no audit, no HTTP.
//
//	WIN_TEST_DATABASE_URL=… go test -run '^$' -bench CaseImport -benchtime 1x -timeout 30m -v ./server/web/
func BenchmarkCaseImport(b *testing.B) {
	sizes := []int{10_000}
	if v := os.Getenv("WIN_BENCH_IMPORT_ROWS"); v != "" {
		sizes = nil
		for _, s := range strings.Split(v, ",") {
			n, err := strconv.Atoi(strings.TrimSpace(s))
			if err != nil || n <= 0 || n > caseimport.MaxRows {
				b.Fatalf("WIN_BENCH_IMPORT_ROWS: %q", v)
			}
			sizes = append(sizes, n)
		}
	}
	db := storetest.Open(b, dialect.Postgres)
	client := db.Client()
	ctx := rule.SystemContext(context.Background())
	if _, err := demo.Load(ctx, db, demo.Options{Seed: 1, Cases: 300, Today: time.Now()}); err != nil {
		b.Fatal(err)
	}
	a := &webtest.API{T: b, Client: client, Accounts: webtest.Accounts(b, client)}
	a.Handler = web.New(a.Options(db, slog.New(slog.NewTextHandler(io.Discard, nil))))
	admin := client.User.Query().Where(user.Email(demo.AdminEmail)).OnlyX(ctx)
	_, secret, err := auth.New(client).CreateToken(ctx, &viewer.Viewer{UserID: admin.ID}, "bench", apitoken.ScopeReadWrite, time.Now().Add(time.Hour), auth.Request{})
	if err != nil {
		b.Fatal(err)
	}
	a.Token = secret
	var tables []string
	for _, t := range client.TerritorialTable.Query().AllX(ctx) {
		tables = append(tables, t.Code)
	}
	dir := b.TempDir()
	offset := 0
	for _, rows := range sizes {
		baseline := plainInserts(b, db.SQL, rows)
		for _, mode := range []caseimport.Mode{caseimport.Preview, caseimport.Import} {
			b.Run(fmt.Sprintf("%s %d rows", mode, rows), func(b *testing.B) {
				var elapsed time.Duration
				var peak uint64
				var size int64
				for b.Loop() {
					b.StopTimer()
					path := filepath.Join(dir, fmt.Sprintf("import-%d.csv", offset))
					size = writeBenchFile(b, path, offset, rows, tables)
					offset += rows
					runtime.GC()
					b.StartTimer()
					start := time.Now()
					var rec *httptest.ResponseRecorder
					peak, rec = measureHeap(func() *httptest.ResponseRecorder { return postFile(a, mode, path) })
					elapsed = time.Since(start)
					report := decodeReport(b, mode, rec)
					if report.Counts.New != rows || mode == caseimport.Import && report.Counts.CasesCreated != rows {
						b.Fatalf("%s: %+v", mode, report.Counts)
					}
				}
				b.ReportMetric(float64(rows)/elapsed.Seconds(), "rows/s")
				b.ReportMetric(float64(peak)/(1<<20), "peak-heap-MiB")
				b.ReportMetric(elapsed.Seconds()/baseline.Seconds(), "x-baseline")
				b.Logf("%s of %d rows (%.1f MiB): %s, %.0f rows/s, heap peak +%.1f MiB; baseline (%d plain INSERTs) %s, ratio %.1f",
					mode, rows, float64(size)/(1<<20), elapsed.Round(time.Millisecond), float64(rows)/elapsed.Seconds(),
					float64(peak)/(1<<20), 4*rows, baseline.Round(time.Millisecond), elapsed.Seconds()/baseline.Seconds())
			})
		}
	}
}

// writeBenchFile writes a file of rows, from the offset on, and returns
// its size.
func writeBenchFile(b *testing.B, path string, offset, rows int, tables []string) int64 {
	f, err := os.Create(path)
	if err != nil {
		b.Fatal(err)
	}
	w := bufio.NewWriter(f)
	names := make([]string, len(caseimport.Columns))
	for i, c := range caseimport.Columns {
		names[i] = c.Name
	}
	_, _ = w.WriteString(strings.Join(names, ";") + "\n")
	const letters = "BCDFGHLMNPRSTVZ"
	for i := offset; i < offset+rows; i++ {
		var code [6]byte
		for j, n := 0, i; j < 6; j, n = j+1, n/len(letters) {
			code[j] = letters[n%len(letters)]
		}
		first15 := string(code[:]) + "80A01D612"
		referred := domain.NewDate(2024, 1, 1).AddDays(i % 600)
		v := map[string]string{
			caseimport.ColRowKey: "B" + strconv.Itoa(i), caseimport.ColTable: tables[i%len(tables)],
			caseimport.ColTaxCode:  first15 + string(domain.TaxCodeCheckChar(first15)),
			caseimport.ColLastName: "Bench " + string(code[:]), caseimport.ColFirstName: "Anna", caseimport.ColBirthDate: "01/01/1980",
			caseimport.ColGender: "F", caseimport.ColCitizenship: "Italia", caseimport.ColReferrer: "Caritas Demo Empoli",
			caseimport.ColReferredOn: referred.String(), caseimport.ColReason: "Caso storico importato", caseimport.ColNeedAreas: "Lavoro|Reddito",
		}
		switch i % 10 {
		case 0:
			v[caseimport.ColStatus], v[caseimport.ColTakenInChargeOn] = "In carico", referred.AddDays(20).String()
			v[caseimport.ColInterventionKind], v[caseimport.ColInterventionProvider] = "Orientamento", "Caritas Demo Empoli"
			v[caseimport.ColInterventionStart] = referred.AddDays(30).String()
			v[caseimport.ColOutcomeKind], v[caseimport.ColOutcomeOn] = "Lavoro a tempo determinato", referred.AddDays(90).String()
		case 1:
			v[caseimport.ColStatus], v[caseimport.ColTakenInChargeOn] = "Chiuso", referred.AddDays(20).String()
			v[caseimport.ColClosedOn], v[caseimport.ColClosureReason] = referred.AddDays(120).String(), "Obiettivi raggiunti"
			v[caseimport.ColInterventionKind], v[caseimport.ColInterventionProvider] = "Formazione", "Caritas Demo Empoli"
			v[caseimport.ColInterventionStart], v[caseimport.ColInterventionEnd] = referred.AddDays(30).String(), referred.AddDays(100).String()
			v[caseimport.ColInterventionStatus] = "Concluso"
		}
		cells := make([]string, len(caseimport.Columns))
		for j, c := range caseimport.Columns {
			cells[j] = v[c.Name]
		}
		_, _ = w.WriteString(strings.Join(cells, ";") + "\n")
	}
	if err := w.Flush(); err != nil {
		b.Fatal(err)
	}
	info, err := f.Stat()
	if err != nil {
		b.Fatal(err)
	}
	_ = f.Close()
	return info.Size()
}

// postFile sends the file at path, streamed from disk in a multipart
// body, and returns the answer.
func postFile(a *webtest.API, mode caseimport.Mode, path string) *httptest.ResponseRecorder {
	body, pw := io.Pipe()
	form := multipart.NewWriter(pw)
	go func() {
		f, err := os.Open(path)
		if err != nil {
			_ = pw.CloseWithError(err)
			return
		}
		defer f.Close()
		part, err := form.CreateFormFile("file", filepath.Base(path))
		if err == nil {
			_, err = io.Copy(part, f)
		}
		if err == nil {
			err = form.Close()
		}
		_ = pw.CloseWithError(err)
	}()
	req := httptest.NewRequest(http.MethodPost, "/import/cases?mode="+string(mode), body)
	req.Header.Set("Content-Type", form.FormDataContentType())
	return a.Fetch(req)
}

// decodeReport decodes an answer's report.
func decodeReport(b *testing.B, mode caseimport.Mode, rec *httptest.ResponseRecorder) *caseimport.Report {
	if rec.Code != http.StatusOK {
		b.Fatalf("%s: %d %s", mode, rec.Code, rec.Body.String()[:min(rec.Body.Len(), 2000)])
	}
	var r caseimport.Report
	if err := json.Unmarshal(rec.Body.Bytes(), &r); err != nil {
		b.Fatal(err)
	}
	return &r
}

// measureHeap runs f, sampling the heap every 5 ms, and returns the
// peak above the heap before f, and f's result.
func measureHeap[T any](f func() T) (uint64, T) {
	var ms runtime.MemStats
	runtime.ReadMemStats(&ms)
	base := ms.HeapAlloc
	var peak atomic.Uint64
	done := make(chan struct{})
	var wg sync.WaitGroup
	wg.Add(1)
	go func() {
		defer wg.Done()
		tick := time.NewTicker(5 * time.Millisecond)
		defer tick.Stop()
		for {
			var ms runtime.MemStats
			runtime.ReadMemStats(&ms)
			if ms.HeapAlloc > base && ms.HeapAlloc-base > peak.Load() {
				peak.Store(ms.HeapAlloc - base)
			}
			select {
			case <-done:
				return
			case <-tick.C:
			}
		}
	}()
	out := f()
	close(done)
	wg.Wait()
	return peak.Load(), out
}

// plainInserts is the baseline: the rows an import of n rows writes
// (a person, an identity, a case and an event each), one plain INSERT
// each through database/sql, in one transaction, into tables of the
// same columns without indexes but their keys, rolled back.
func plainInserts(b *testing.B, db *sql.DB, n int) time.Duration {
	tx, err := db.Begin()
	if err != nil {
		b.Fatal(err)
	}
	defer func() { _ = tx.Rollback() }()
	for _, ddl := range []string{
		`CREATE TEMP TABLE base_persons (id text PRIMARY KEY, pseudonym text UNIQUE, birth_year int, gender text, citizenship_area text, created_at timestamptz, updated_at timestamptz)`,
		`CREATE TEMP TABLE base_identities (id text PRIMARY KEY, person_id text, first_name text, last_name text, tax_code text UNIQUE, birth_date date, first_name_key text, last_name_key text, created_at timestamptz, updated_at timestamptz)`,
		`CREATE TEMP TABLE base_cases (id text PRIMARY KEY, code text UNIQUE, import_key text UNIQUE, referred_on date, referral_reason text, need_areas text, status text, person_id text, table_id text, organization_id text, first_meeting_due_on date, open_person text UNIQUE, created_at timestamptz, updated_at timestamptz)`,
		`CREATE TEMP TABLE base_events (id text PRIMARY KEY, case_id text, kind text, occurred_at timestamptz, actor_id text, created_at timestamptz, updated_at timestamptz)`,
	} {
		if _, err := tx.Exec(ddl); err != nil {
			b.Fatal(err)
		}
	}
	start := time.Now()
	now := time.Now()
	for i := range n {
		id := strconv.Itoa(i)
		stmts := []struct {
			sql  string
			args []any
		}{
			{`INSERT INTO base_persons VALUES ($1, $2, 1980, 'FEMALE', 'ITALY', $3, $3)`, []any{"per" + id, "P-" + id, now}},
			{`INSERT INTO base_identities VALUES ($1, $2, 'Anna', $3, $4, '1980-01-01', 'ANNA', $5, $6, $6)`, []any{"pid" + id, "per" + id, "Bench" + id, "TC" + id, "BENCH" + id, now}},
			{`INSERT INTO base_cases VALUES ($1, $2, $3, '2025-01-01', 'Caso storico importato', '["EMPLOYMENT"]', 'REFERRED', $4, 'tab', 'org', '2025-03-01', $4, $5, $5)`, []any{"cas" + id, "EMP-2025-" + id, "EMP/B" + id, "per" + id, now}},
			{`INSERT INTO base_events VALUES ($1, $2, 'REFERRED', $3, 'usr', $3, $3)`, []any{"cev" + id, "cas" + id, now}},
		}
		for _, s := range stmts {
			if _, err := tx.Exec(s.sql, s.args...); err != nil {
				b.Fatal(err)
			}
		}
	}
	return time.Since(start)
}
