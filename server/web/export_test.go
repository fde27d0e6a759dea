package web_test

import (
	"context"
	"encoding/csv"
	"fmt"
	"net/http"
	"net/http/httptest"
	"slices"
	"strings"
	"testing"
	"time"

	"github.com/progetto-win/win/domain"
	"github.com/progetto-win/win/ent/schema/rule"
	"github.com/progetto-win/win/server/demo"
	"github.com/progetto-win/win/server/store"
	"github.com/progetto-win/win/server/store/storetest"
	"github.com/progetto-win/win/server/webtest"
)

// TestExportNeutralisesFormulas names tables as formulas: in the CSV
// export their labels are text a spreadsheet shows, never runs.
func TestExportNeutralisesFormulas(t *testing.T) {
	storetest.Each(t, func(t *testing.T, db *store.DB) {
		base := webtest.DemoAPI(t, db, 9, 200)
		ctx := rule.SystemContext(context.Background())
		names := []string{`=HYPERLINK("https://evil.example","x")`, "+1+1", "-2+3", "@SUM(A1:A2)", "\tTab", "\rCR"}
		tables := base.Client.TerritorialTable.Query().Order().AllX(ctx)
		for i, name := range names {
			tables[i].Update().SetName(name).ExecX(ctx)
		}
		// The committee sees whole months that are over: the last year's.
		thisMonth := domain.Today().AddDate(0, 0, 1-domain.Today().Day())
		req := httptest.NewRequest(http.MethodGet, fmt.Sprintf("/export/indicator.csv?indicator=referrals&groupBy=TABLE&from=%s&to=%s",
			thisMonth.AddDate(-1, 0, 0).Format(time.DateOnly), thisMonth.Format(time.DateOnly)), nil)
		req.Header.Set("Sec-Fetch-Site", "same-origin")
		req.AddCookie(webtest.As(t, base, demo.SteeringEmail).Cookie)
		rec := httptest.NewRecorder()
		base.Handler.ServeHTTP(rec, req)
		rows, err := csv.NewReader(strings.NewReader(strings.TrimPrefix(rec.Body.String(), "\uFEFF"))).ReadAll()
		if rec.Code != http.StatusOK || err != nil {
			t.Fatalf("export: %d %v %s", rec.Code, err, rec.Body.String())
		}
		var labels []string
		for _, row := range rows[1:] {
			labels = append(labels, row[1])
		}
		for _, name := range names {
			if !slices.Contains(labels, "'"+name) {
				t.Errorf("label %q is not neutralised: %q", name, labels)
			}
		}
	})
}
