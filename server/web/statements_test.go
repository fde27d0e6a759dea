package web_test

import (
	"context"
	"io"
	"log/slog"
	"net/http"
	"sync/atomic"
	"testing"
	"time"

	"github.com/progetto-win/win/domain/gid"
	"github.com/progetto-win/win/ent/intervention"
	"github.com/progetto-win/win/ent/outcome"
	"github.com/progetto-win/win/ent/schema/rule"
	"github.com/progetto-win/win/server/demo"
	"github.com/progetto-win/win/server/store"
	"github.com/progetto-win/win/server/store/storetest"
	"github.com/progetto-win/win/server/web"
	"github.com/progetto-win/win/server/webtest"
)

// countingAPI returns an API over demo data whose handler counts the SQL
// statements each request runs (store.CountStatements, the server's own
// count), not what it writes behind them (the uses of sessions and tokens).
func countingAPI(t *testing.T, db *store.DB, cases int) (*webtest.API, *atomic.Int64) {
	t.Helper()
	if _, err := demo.Load(rule.SystemContext(context.Background()), db, demo.Options{Seed: 3, Cases: cases, Today: time.Now()}); err != nil {
		t.Fatal(err)
	}
	var n atomic.Int64
	client := db.Client()
	a := &webtest.API{T: t, Client: client, Accounts: webtest.Accounts(t, client)}
	h := web.New(a.Options(db, slog.New(slog.NewTextHandler(io.Discard, nil))))
	a.Handler = http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
		ctx, count := store.CountStatements(r.Context())
		h.ServeHTTP(w, r.WithContext(ctx))
		n.Add(count.Load())
	})
	return a, &n
}

// statements runs a query and returns the statements it cost, once the
// viewer's session is in the cache (a first request puts it there).
func statements(t *testing.T, a *webtest.API, n *atomic.Int64, query string, vars map[string]any) int64 {
	t.Helper()
	var out map[string]any
	a.OK(query, vars, &out)
	a.Accounts.Flush()
	n.Store(0)
	a.OK(query, vars, &out)
	return n.Load()
}

// caseListQuery is the case list as the committee reads it: fifty cases,
// newest first, with the person's pseudonym, the table and the count.
const caseListQuery = `{ cases(first: 50, orderBy: [{field: REFERRED_ON, direction: DESC}]) {
	totalCount pageInfo { hasNextPage endCursor }
	edges { node { id code status referredOn person { pseudonym } table { name } } } } }`

// TestReadStatements guards what reads cost in SQL: authenticating a
// session in the cache costs nothing; the case list one statement for the
// page and its count and one per edge loaded; the same at 20 cases as at
// 120, however many rows the page holds.
func TestReadStatements(t *testing.T) {
	storetest.Each(t, func(t *testing.T, db *store.DB) {
		base, n := countingAPI(t, db, 120)
		committee := webtest.As(t, base, demo.SteeringEmail)
		committee.Accounts = base.Accounts
		if got := statements(t, committee, n, `{ viewer { id } }`, nil); got > 1 {
			t.Errorf("the viewer of a cached session: %d statements", got)
		}
		for _, c := range []struct {
			what  string
			query string
			want  int64
		}{
			{"the case list", caseListQuery, 3},
			{"a page of five", `{ cases(first: 5) { totalCount edges { node { code person { pseudonym } table { name } } } } }`, 3},
			{"the count alone", `{ cases(first: 50) { totalCount } }`, 1},
			{"a page without count", `{ cases(first: 50) { edges { node { code } } } }`, 1},
		} {
			if got := statements(t, committee, n, c.query, nil); got != c.want {
				t.Errorf("%s: %d statements, want %d", c.what, got, c.want)
			}
		}

		// The case page, as the coordinator of the case's table reads it
		// (the identity too, audited), for a case without interventions
		// and for the one with the most.
		coordinator := webtest.As(t, base, demo.CoordinatorEmail)
		coordinator.Accounts = base.Accounts
		var list struct {
			Cases struct {
				Edges []struct {
					Node struct {
						ID            string
						Status        string
						Interventions struct{ TotalCount int }
					}
				}
			}
		}
		coordinator.OK(`{ cases(first: 100) { edges { node { id status interventions(first: 1) { totalCount } } } } }`, nil, &list)
		var fresh, busy string
		most := 0
		for _, e := range list.Cases.Edges {
			switch n := e.Node.Interventions.TotalCount; {
			case n == 0 && fresh == "":
				fresh = e.Node.ID
			case n > most && (e.Node.Status == "IN_CHARGE" || e.Node.Status == "MONITORING"):
				busy, most = e.Node.ID, n // a case that can be closed, below
			}
		}
		if fresh == "" || busy == "" {
			t.Fatalf("no case without interventions or none with some among %d", len(list.Cases.Edges))
		}
		few := statements(t, coordinator, n, casePageQuery, map[string]any{"id": fresh})
		many := statements(t, coordinator, n, casePageQuery, map[string]any{"id": busy})
		// Three more interventions and outcomes on the busiest case cost
		// no statement more (completed, so that they block no step: a
		// first blocker would load the blockers, once).
		ctx := rule.SystemContext(context.Background())
		cs := base.Client.CaseFile.GetX(ctx, gid.ID(busy))
		org := base.Client.Organization.Query().FirstX(ctx)
		for i := range 3 {
			base.Client.Intervention.Create().SetCase(cs).SetProvider(org).SetKind(intervention.KindTraining).SetStatus(intervention.StatusCompleted).
				SetStartsOn(webtest.Day(2026, 2, 1+i)).SetCostCents(100).ExecX(ctx)
			base.Client.Outcome.Create().SetCase(cs).SetKind(outcome.KindTrainingCompleted).
				SetValueDimension(outcome.ValueDimensionSocial).SetAchievedOn(webtest.Day(2026, 6, 1+i)).ExecX(ctx)
		}
		more := statements(t, coordinator, n, casePageQuery, map[string]any{"id": busy})
		t.Logf("%s: the case page costs %d statements (no intervention), %d (%d interventions), %d (3 more)", db.Dialect, few, many, most, more)
		if more != many || many > casePageStatements || few > many {
			t.Errorf("the case page: %d statements without interventions, %d with %d, %d with 3 more; want at most %d, not growing with rows",
				few, many, most, more, casePageStatements)
		}

		// Interventions still pending block the closure, and the page
		// lists them as the step's blockers: one pending or four, the
		// same statements.
		pending := func() {
			base.Client.Intervention.Create().SetCase(cs).SetProvider(org).SetKind(intervention.KindTraining).
				SetStartsOn(webtest.Day(2026, 3, 1)).ExecX(ctx)
		}
		pending()
		one := statements(t, coordinator, n, casePageQuery, map[string]any{"id": busy})
		for range 3 {
			pending()
		}
		if four := statements(t, coordinator, n, casePageQuery, map[string]any{"id": busy}); four != one {
			t.Errorf("the case page: %d statements with one intervention blocking the closure, %d with four", one, four)
		}
		var page struct {
			Node struct {
				Actions []struct {
					Action   string
					Blockers []struct{ ID string }
				}
			}
		}
		coordinator.OK(`query($id: ID!) { node(id: $id) { ... on Case { actions { action blockers { id } } } } }`, map[string]any{"id": busy}, &page)
		blockers := -1
		for _, a := range page.Node.Actions {
			if a.Action == "CLOSE_CASE" {
				blockers = len(a.Blockers)
			}
		}
		if blockers < 4 {
			t.Errorf("the closure of the case lists %d blockers, want the four pending interventions at least", blockers)
		}
	})
}

// casePageStatements bounds the case page's statements: the node, one per
// edge of the document (an empty list loads nothing below it, so a
// case without interventions costs fewer), the audit of the identity
// read in its transaction with the audit chain's seal, and none to
// authenticate. The busiest case of the demo decides how many edges are
// not empty: 44 was that case's count exactly, and a reopened case with a
// pending intervention (previous case, related events, blockers) costs 46
// on PostgreSQL, each statement a different edge.
const casePageStatements = 46

// casePageQuery is the case page of the web app (CasePage.tsx and its
// sections), every section at once.
const casePageQuery = `query CasePage($id: ID!) {
  node(id: $id) {
    __typename id
    ... on Case {
      code status priority version overdue referredOn referralReason needAreas
      actions { action allowed blockedBy blockers { __typename id ... on Intervention { kind description } ... on Case { code } } }
      takenInChargeOn closedOn closureReason declineReason consentGivenAt firstMeetingOn
      firstMeetingDueOn planDueOn transferReason transferRequestedAt
      transferTo { id name } table { id name } referringOrganization { id name }
      referringOperator { id name } caseManager { id name } previousCase { id code } nextCase { id code }
      person { id pseudonym birthYear gender householdSize citizenshipArea municipality { id name }
        cases(first: 20, orderBy: [{field: REFERRED_ON, direction: ASC}]) { totalCount edges { node { id code status referredOn closedOn table { id name } } } }
        identity { id firstName lastName taxCode birthDate birthPlace email phone address postalCode city } }
      events(first: 100, orderBy: [{field: OCCURRED_AT, direction: DESC}]) {
        totalCount edges { node { id kind occurredAt note actor { id name } detail assessmentLevel interventionKind
          interventionStatus outcomeKind stillHeld closureReason day assignee { id name } fromTable { id name } toTable { id name }
          relatedCase { id code } } }
      }
      assessments(first: 100, orderBy: [{field: ASSESSED_ON, direction: DESC}]) {
        edges { node { id level assessedOn summary complexNeeds assessor { id name } findings { area need resources notes } } }
      }
      plan { id summary agreedOn reviewOn
        goals(first: 100, orderBy: [{field: CREATED_AT, direction: ASC}]) { edges { node { id area description dueOn status } } }
        commitments(first: 100, orderBy: [{field: CREATED_AT, direction: ASC}]) {
          edges { node { id kind description hoursAgreed hoursDone dueOn host { id name } } }
        }
      }
      interventions(first: 100, orderBy: [{field: STARTS_ON, direction: ASC}]) {
        edges { node { id kind description startsOn endsOn status costCents provider { id name } fund { id name year } } }
      }
      outcomes(first: 100, orderBy: [{field: ACHIEVED_ON, direction: ASC}]) {
        edges { node { id kind valueDimension achievedOn evidence followUpDueOn followedUpOn stillHeld
          intervention { id kind } verifiedBy { id name } } }
      }
      monitoringMeetings(first: 100, orderBy: [{field: PLANNED_ON, direction: ASC}]) {
        edges { node { id plannedOn heldOn summary recordedBy { id name }
          items(first: 20) { edges { node { id progress goalStatus hoursDone goal { id description } commitment { id description } } } } } }
      }
      team(first: 100, orderBy: [{field: NAME, direction: ASC}]) { edges { node { id name organization { id name } } } }
    }
  }
}`
