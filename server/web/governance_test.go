package web_test

import (
	"context"
	"fmt"
	"slices"
	"testing"
	"time"

	"github.com/progetto-win/win/domain"
	"github.com/progetto-win/win/domain/gid"
	"github.com/progetto-win/win/ent/casefile"
	"github.com/progetto-win/win/ent/fund"
	"github.com/progetto-win/win/ent/intervention"
	"github.com/progetto-win/win/ent/organization"
	"github.com/progetto-win/win/ent/schema/rule"
	"github.com/progetto-win/win/ent/territorialtable"
	"github.com/progetto-win/win/server/demo"
	"github.com/progetto-win/win/server/store"
	"github.com/progetto-win/win/server/store/storetest"
	"github.com/progetto-win/win/server/webtest"
)

// TestGovernanceWorkflows runs the committee's work through the API: a
// directive acknowledged by the coordinator it reaches, a protocol from
// draft to termination with a commitment that turns late, meetings whose
// minutes refuse tax codes, funds as their interventions use them, and an
// objective evaluated.
func TestGovernanceWorkflows(t *testing.T) {
	storetest.Each(t, func(t *testing.T, db *store.DB) {
		base := webtest.DemoAPI(t, db, 4, 120)
		ctx := rule.SystemContext(context.Background())
		steering, coord, op := webtest.As(t, base, demo.SteeringEmail), webtest.As(t, base, demo.CoordinatorEmail), webtest.As(t, base, demo.OperatorEmail)
		empoli := base.Client.TerritorialTable.Query().Where(territorialtable.Code("EMP")).OnlyIDX(ctx)
		today := domain.Today()
		var id struct{ ID gid.ID }

		// A directive reaches the coordinator's agenda until acknowledged.
		steering.Must(`mutation($t: ID!, $d: Date!) { issueDirective(input: {title: "Priorità ai nuclei con minori", body: "Dal prossimo mese…",
			tableIDs: [$t], dueOn: $d}) { id } }`, map[string]any{"t": empoli, "d": today.AddDays(30).String()}, &id)
		directive := id.ID
		toAck := func() []gid.ID {
			var agenda struct {
				DirectivesToAcknowledge struct {
					Edges []struct{ Node struct{ ID gid.ID } }
				}
			}
			coord.Must(`{ agenda { directivesToAcknowledge(first: 100) { edges { node { id } } } } }`, nil, &agenda)
			var ids []gid.ID
			for _, e := range agenda.DirectivesToAcknowledge.Edges {
				ids = append(ids, e.Node.ID)
			}
			return ids
		}
		if !slices.Contains(toAck(), directive) {
			t.Fatal("the directive is not in the coordinator's agenda")
		}
		const ack = `mutation($d: ID!, $t: ID!) { acknowledgeDirective(id: $d, tableID: $t, note: "Applicata dal tavolo") { id } }`
		webtest.Refused(t, op.Send(ack, map[string]any{"d": directive, "t": empoli}, nil), "FORBIDDEN", "")
		coord.Must(ack, map[string]any{"d": directive, "t": empoli}, nil)
		webtest.Refused(t, coord.Send(ack, map[string]any{"d": directive, "t": empoli}, nil), "CONFLICT", "")
		if slices.Contains(toAck(), directive) {
			t.Error("an acknowledged directive stays in the agenda")
		}
		webtest.Refused(t, coord.Send(`mutation { issueDirective(input: {title: "x", body: "y", allTables: true, dueOn: "2099-01-01"}) { id } }`, nil, nil), "FORBIDDEN", "")

		// A protocol: drafted, joined, activated, its commitment late then done, terminated.
		steering.Must(`mutation { createProtocol(input: {title: "Protocollo per i tirocini di inclusione"}) { id } }`, nil, &id)
		protocol := id.ID
		webtest.Refused(t, steering.Send(`mutation($p: ID!) { activateProtocol(id: $p) { id } }`, map[string]any{"p": protocol}, nil), "BAD_USER_INPUT", "id")
		org := base.Client.Organization.Query().FirstIDX(ctx)
		steering.Must(`mutation($p: ID!, $o: ID!) { addProtocolParty(protocolID: $p, input: {organizationID: $o, role: LEAD}) { id } }`,
			map[string]any{"p": protocol, "o": org}, &id)
		party := id.ID
		var commitment struct {
			ID            gid.ID
			CurrentStatus string
			Status        string
		}
		steering.Must(`mutation($p: ID!, $d: Date!) { addProtocolCommitment(partyID: $p, input: {description: "Attivare dieci tirocini",
			dueOn: $d}) { id status currentStatus } }`, map[string]any{"p": party, "d": today.AddDays(-1).String()}, &commitment)
		if commitment.Status != "OPEN" || commitment.CurrentStatus != "LATE" {
			t.Errorf("a commitment due yesterday: %s, now %s; want OPEN, now LATE", commitment.Status, commitment.CurrentStatus)
		}
		// Both parties sign before it acts.
		other := base.Client.Organization.Query().Where(organization.IDNEQ(org)).FirstIDX(ctx)
		var second struct{ ID gid.ID }
		steering.Must(`mutation($p: ID!, $o: ID!) { addProtocolParty(protocolID: $p, input: {organizationID: $o, role: PARTNER}) { id } }`,
			map[string]any{"p": protocol, "o": other}, &second)
		for _, party := range []gid.ID{party, second.ID} {
			steering.Must(`mutation($id: ID!, $d: Date!) { signProtocolParty(id: $id, signedOn: $d, signerName: "Anna Bianchi") { id } }`,
				map[string]any{"id": party, "d": today.String()}, nil)
		}
		var p struct{ Status, CurrentStatus string }
		steering.Must(`mutation($p: ID!) { activateProtocol(id: $p) { status currentStatus } }`, map[string]any{"p": protocol}, &p)
		if p.Status != "ACTIVE" || p.CurrentStatus != "ACTIVE" {
			t.Errorf("activated protocol: %+v", p)
		}
		steering.Must(`mutation($c: ID!) { fulfilProtocolCommitment(id: $c, evidence: "Convenzioni firmate") { status currentStatus } }`,
			map[string]any{"c": commitment.ID}, &commitment)
		if commitment.CurrentStatus != "DONE" {
			t.Errorf("a fulfilled commitment is %s", commitment.CurrentStatus)
		}
		steering.Must(`mutation($p: ID!) { terminateProtocol(id: $p) { status } }`, map[string]any{"p": protocol}, &p)
		webtest.Refused(t, steering.Send(`mutation($p: ID!) { terminateProtocol(id: $p) { status } }`, map[string]any{"p": protocol}, nil), "BAD_USER_INPUT", "status")

		// Meetings: the table's by its coordinator, never with a tax code.
		caseID := base.Client.CaseFile.Query().Where(casefile.HasTableWith(territorialtable.ID(empoli))).FirstIDX(ctx)
		const meeting = `mutation($t: ID, $m: String, $c: ID, $body: MeetingBody!) { recordMeeting(input: {body: $body, tableID: $t,
			heldAt: "2026-01-15T10:00:00+01:00", title: "Riunione di gennaio", minutes: $m,
			decisions: [{text: "Rivedere il progetto", caseID: $c}]}) { id decisions(first: 5) { edges { node { case { code } } } } } }`
		taxCode := "RSSMRA85T10A562S"
		webtest.Refused(t, coord.Send(meeting, map[string]any{"body": "TABLE", "t": empoli, "m": "Presente la sig.ra " + taxCode, "c": caseID}, nil), "BAD_USER_INPUT", "minutes")
		webtest.Refused(t, op.Send(meeting, map[string]any{"body": "TABLE", "t": empoli, "m": "Verbale", "c": caseID}, nil), "FORBIDDEN", "")
		webtest.Refused(t, steering.Send(meeting, map[string]any{"body": "TABLE", "t": empoli, "m": "Verbale", "c": caseID}, nil), "FORBIDDEN", "")
		coord.Must(meeting, map[string]any{"body": "TABLE", "t": empoli, "m": "Verbale senza dati identificativi", "c": caseID}, nil)
		steering.Must(meeting, map[string]any{"body": "STEERING_COMMITTEE", "m": "Verbale della cabina di regia"}, nil)

		// Funds: what the interventions committed and spent.
		f := base.Client.Fund.Query().Where(fund.HasInterventions()).FirstX(ctx)
		var committed, spent int64
		for _, i := range f.QueryInterventions().AllX(ctx) {
			if i.Status == intervention.StatusPlanned || i.Status == intervention.StatusOngoing {
				committed += i.CostCents
			} else {
				spent += i.CostCents
			}
		}
		var money struct {
			AllocatedCents int64
			Use            struct{ CommittedCents, SpentCents, AvailableCents int64 }
		}
		steering.Must(`query($f: ID!) { node(id: $f) { ... on Fund { allocatedCents use { committedCents spentCents availableCents } } } }`,
			map[string]any{"f": f.ID}, &money)
		if money.Use.CommittedCents != committed || money.Use.SpentCents != spent || money.Use.AvailableCents != money.AllocatedCents-committed-spent {
			t.Errorf("fund %+v, want committed %d and spent %d", money, committed, spent)
		}

		// An objective, evaluated as the committee sees it.
		year := today.Year()
		steering.Must(fmt.Sprintf(`mutation { createObjective(input: {title: "Segnalazioni dell'anno", indicator: REFERRALS, target: 1,
			periodStart: "%d-01-01", periodEnd: "%d-12-31"}) { id } }`, year-1, year-1), nil, &id)
		var evaluation struct {
			Evaluation struct {
				Value  *float64
				Status string
			}
		}
		steering.Must(`query($o: ID!) { node(id: $o) { ... on Objective { evaluation { value status } } } }`, map[string]any{"o": id.ID}, &evaluation)
		if evaluation.Evaluation.Value == nil || *evaluation.Evaluation.Value < 1 || evaluation.Evaluation.Status != "ON_TRACK" {
			t.Errorf("objective of one referral last year: %+v", evaluation.Evaluation)
		}
		webtest.Refused(t, op.Send(`query($o: ID!) { node(id: $o) { ... on Objective { evaluation { status } } } }`, map[string]any{"o": id.ID}, nil), "FORBIDDEN", "")

		// Objectives in progress answer the committee, over the whole
		// months already over; none over yet, or several tables, is a
		// status, not an error (docs/security-indicators.md).
		others := base.Client.TerritorialTable.Query().Where(territorialtable.CodeNEQ("EMP")).FirstIDX(ctx)
		thisMonth := domain.NewDate(today.Year(), today.Month(), 1)
		nextMonth := thisMonth.AddDate(0, 1, 0)
		for _, tc := range []struct {
			from, to domain.Date
			tables   []gid.ID
			status   string
			asOf     domain.Date
		}{
			{thisMonth.AddDate(-1, 0, 0), thisMonth.AddDate(1, 0, -1), []gid.ID{empoli}, "", thisMonth.AddDays(-1)},
			{nextMonth, nextMonth.AddDate(1, 0, -1), []gid.ID{empoli}, "NOT_ENOUGH_DATA", today},
			{thisMonth.AddDate(-1, 0, 0), thisMonth.AddDate(1, 0, -1), []gid.ID{empoli, others}, "WITHHELD", today},
		} {
			steering.Must(`mutation($from: Date!, $to: Date!, $t: [ID!]) { createObjective(input: {title: "In corso", indicator: REFERRALS, target: 1000,
				periodStart: $from, periodEnd: $to, tableIDs: $t}) { id } }`, map[string]any{"from": tc.from, "to": tc.to, "t": tc.tables}, &id)
			var e struct {
				Evaluation struct {
					Value  *float64
					Status string
					AsOf   domain.Date
				}
			}
			steering.Must(`query($o: ID!) { node(id: $o) { ... on Objective { evaluation { value status asOf } } } }`, map[string]any{"o": id.ID}, &e)
			if tc.status != "" && (e.Evaluation.Status != tc.status || e.Evaluation.Value != nil) || !e.Evaluation.AsOf.Equal(tc.asOf) {
				t.Errorf("objective from %s to %s of %d tables: %+v, want %q as of %s", tc.from.Format(time.DateOnly), tc.to.Format(time.DateOnly),
					len(tc.tables), e.Evaluation, tc.status, tc.asOf.Format(time.DateOnly))
			}
		}
		steering.Must(`{ objectives(first: 50) { edges { node { id evaluation { status } } } } }`, nil, nil)
	})
}
