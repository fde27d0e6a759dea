package caseimport_test

import (
	"bytes"
	"context"
	"encoding/json"
	"errors"
	"fmt"
	"strings"
	"testing"
	"time"

	"golang.org/x/text/encoding/charmap"

	"github.com/progetto-win/win/domain"
	"github.com/progetto-win/win/domain/fault"
	"github.com/progetto-win/win/domain/viewer"
	"github.com/progetto-win/win/ent"
	"github.com/progetto-win/win/ent/auditevent"
	"github.com/progetto-win/win/ent/caseevent"
	"github.com/progetto-win/win/ent/casefile"
	"github.com/progetto-win/win/ent/person"
	"github.com/progetto-win/win/ent/personidentity"
	"github.com/progetto-win/win/ent/schema/rule"
	"github.com/progetto-win/win/ent/territorialtable"
	"github.com/progetto-win/win/server/caseimport"
	"github.com/progetto-win/win/server/demo"
	"github.com/progetto-win/win/server/store"
	"github.com/progetto-win/win/server/store/storetest"
	"github.com/progetto-win/win/server/webtest"
)

// header is the template's Italian header, semicolon-separated.
func header() string {
	names := make([]string, len(caseimport.Columns))
	for i, c := range caseimport.Columns {
		names[i] = c.Name
	}
	return strings.Join(names, ";")
}

// line writes a row of the template's columns from the values given by
// column, the others empty.
func line(values map[string]string) string {
	cells := make([]string, len(caseimport.Columns))
	for i, c := range caseimport.Columns {
		cells[i] = values[c.Name]
	}
	return strings.Join(cells, ";")
}

// file is the header and the rows.
func file(rows ...map[string]string) []byte {
	lines := []string{header()}
	for _, r := range rows {
		lines = append(lines, line(r))
	}
	return []byte(strings.Join(lines, "\r\n") + "\r\n")
}

// taxCode returns a valid tax code of a person born 1 January 1980 in
// Florence, different for each i; "XQZ" is no demo surname's.
func taxCode(i int) string {
	const letters = "BCDFGHLMNPRSTVZ"
	first15 := "XQZ" + string([]byte{letters[i%15], letters[(i/15)%15], letters[(i/225)%15]}) + "80A01D612"
	return first15 + string(domain.TaxCodeCheckChar(first15))
}

// newRow is a valid row of a new person referred to Empoli.
func newRow(key string, i int) map[string]string {
	return map[string]string{
		caseimport.ColRowKey: key, caseimport.ColTable: "EMP", caseimport.ColTaxCode: taxCode(i),
		caseimport.ColLastName: surname(i), caseimport.ColFirstName: "Maria", caseimport.ColBirthDate: "01/01/1980",
		caseimport.ColGender: "F", caseimport.ColCitizenship: "Italia", caseimport.ColMunicipality: "Empoli",
		caseimport.ColReferrer: "Caritas Demo Empoli", caseimport.ColReferredOn: "15/03/2025",
		caseimport.ColReason: "Segnalazione storica", caseimport.ColNeedAreas: "Lavoro|Casa",
	}
}

// surname is a surname of its own for each i: letters, since names are
// compared by their letters only.
func surname(i int) string {
	const letters = "abcdefghilmnoprstuvz"
	return "Import" + string([]byte{letters[i%20], letters[(i/20)%20], letters[(i/400)%20]})
}

// with is a copy of a row with some values changed.
func with(row map[string]string, kv ...string) map[string]string {
	out := map[string]string{}
	for k, v := range row {
		out[k] = v
	}
	for i := 0; i+1 < len(kv); i += 2 {
		out[kv[i]] = kv[i+1]
	}
	return out
}

// run previews or imports content as the viewer, the client in the
// context as the API's route puts it.
func run(t *testing.T, c *ent.Client, v *viewer.Viewer, content []byte, mode caseimport.Mode, onError caseimport.OnError) (*caseimport.Report, error) {
	t.Helper()
	ctx := ent.NewContext(viewer.NewContext(context.Background(), v), c)
	return caseimport.Run(ctx, bytes.NewReader(content), caseimport.Options{Mode: mode, OnError: onError})
}

// mustRun is run that must answer a report.
func mustRun(t *testing.T, c *ent.Client, v *viewer.Viewer, content []byte, mode caseimport.Mode, onError caseimport.OnError) *caseimport.Report {
	t.Helper()
	r, err := run(t, c, v, content, mode, onError)
	if err != nil {
		t.Fatalf("%s: %v", mode, err)
	}
	return r
}

// outcomes lists the rows' outcomes.
func outcomes(r *caseimport.Report) []caseimport.Outcome {
	out := make([]caseimport.Outcome, len(r.Rows))
	for i, row := range r.Rows {
		out[i] = row.Outcome
	}
	return out
}

func equal(a, b []caseimport.Outcome) bool {
	return fmt.Sprint(a) == fmt.Sprint(b)
}

// counts counts the records an import writes, and the audit events
// other than a run's own (IMPORT_CASES without an object, MATCH_PERSON).
type counts struct {
	Persons, Identities, Cases, Events, Plans, Interventions, Outcomes, Outbox, OtherAudit int
}

func countAll(t *testing.T, c *ent.Client) counts {
	t.Helper()
	ctx := rule.SystemContext(context.Background())
	n := func(k int, err error) int {
		if err != nil {
			t.Fatal(err)
		}
		return k
	}
	return counts{
		Persons: n(c.Person.Query().Count(ctx)), Identities: n(c.PersonIdentity.Query().Count(ctx)),
		Cases: n(c.CaseFile.Query().Count(ctx)), Events: n(c.CaseEvent.Query().Count(ctx)),
		Plans: n(c.Plan.Query().Count(ctx)), Interventions: n(c.Intervention.Query().Count(ctx)),
		Outcomes: n(c.Outcome.Query().Count(ctx)), Outbox: n(c.OutboxEvent.Query().Count(ctx)),
		OtherAudit: n(c.AuditEvent.Query().Where(auditevent.Not(auditevent.Or(
			auditevent.And(auditevent.Action("IMPORT_CASES"), auditevent.EntityIDIsNil()),
			auditevent.Action("MATCH_PERSON"),
		))).Count(ctx)),
	}
}

// known is a demo person and how a row names them.
type known struct {
	id       string
	row      map[string]string // the identifiers of the person
	openCase *ent.CaseFile
}

// demoPersons returns a demo person with an open case and one with none,
// each with a tax code.
func demoPersons(t *testing.T, c *ent.Client) (open, closed known) {
	t.Helper()
	ctx := rule.SystemContext(context.Background())
	identities := c.PersonIdentity.Query().Where(personidentity.TaxCodeNotNil()).WithPerson(func(q *ent.PersonQuery) {
		q.WithCases(func(q *ent.CaseFileQuery) { q.WithTable() })
	}).AllX(ctx)
	for _, pi := range identities {
		k := known{id: string(pi.Edges.Person.ID), row: map[string]string{caseimport.ColTaxCode: *pi.TaxCode}}
		cases := pi.Edges.Person.Edges.Cases
		if len(cases) == 0 {
			continue
		}
		openCase := false
		for _, cf := range cases {
			if domain.CaseStatus(cf.Status).Open() {
				openCase, k.openCase = true, cf
			}
		}
		if openCase && open.id == "" {
			open = k
		}
		if !openCase && closed.id == "" {
			closed = k
		}
	}
	if open.id == "" || closed.id == "" {
		t.Fatal("the demo has no person with an open case, or none with only closed ones")
	}
	return open, closed
}

// world is the demo network and its people's viewers.
type world struct {
	client                   *ent.Client
	ctx                      context.Context // the system's
	admin, coord, operator   *viewer.Viewer
	openPerson, closedPerson known
	importAs                 func(v *viewer.Viewer, content []byte, mode caseimport.Mode) *caseimport.Report
}

func newWorld(t *testing.T, db *store.DB) *world {
	t.Helper()
	c := webtest.DemoAPI(t, db, 5, 30).Client
	w := &world{client: c, ctx: rule.SystemContext(context.Background()),
		admin: webtest.ViewerOf(t, c, demo.AdminEmail), coord: webtest.ViewerOf(t, c, demo.CoordinatorEmail),
		operator: webtest.ViewerOf(t, c, demo.OperatorEmail)}
	w.openPerson, w.closedPerson = demoPersons(t, c)
	w.importAs = func(v *viewer.Viewer, content []byte, mode caseimport.Mode) *caseimport.Report {
		return mustRun(t, c, v, content, mode, caseimport.Abort)
	}
	return w
}

// TestPreviewWritesNothing previews a file of every outcome: each row is
// reported, and nothing is written but the preview's own audit events.
func TestPreviewWritesNothing(t *testing.T) {
	storetest.Each(t, func(t *testing.T, db *store.DB) {
		w := newWorld(t, db)
		open, closed := w.openPerson, w.closedPerson
		content := file(
			newRow("R1", 1),
			with(newRow("R2", 2), caseimport.ColTaxCode, closed.row[caseimport.ColTaxCode], caseimport.ColLastName, "", caseimport.ColFirstName, "", caseimport.ColBirthDate, ""),
			with(newRow("R3", 3), caseimport.ColTaxCode, open.row[caseimport.ColTaxCode], caseimport.ColLastName, "", caseimport.ColFirstName, "", caseimport.ColBirthDate, ""),
			with(newRow("R4", 4), caseimport.ColTaxCode, taxCode(4)[:15]+"0"),
		)
		before := countAll(t, w.client)
		audits := w.client.AuditEvent.Query().CountX(w.ctx)
		r := w.importAs(w.coord, content, caseimport.Preview)
		if after := countAll(t, w.client); after != before {
			t.Errorf("the preview wrote: before %+v, after %+v", before, after)
		}
		if want := []caseimport.Outcome{caseimport.New, caseimport.Match, caseimport.Conflict, caseimport.Error}; !equal(outcomes(r), want) {
			t.Fatalf("outcomes %v, want %v: %+v", outcomes(r), want, r.Rows)
		}
		if r.Imported || r.Counts.CasesCreated != 0 || r.FileSHA256 == "" || r.Encoding != caseimport.UTF8 || r.Separator != ";" {
			t.Errorf("report %+v", r)
		}
		match, conflict, bad := r.Rows[1], r.Rows[2], r.Rows[3]
		if match.Pseudonym == "" || fmt.Sprint(match.MatchedBy) != "[TAX_CODE]" {
			t.Errorf("MATCH row %+v: want the person's pseudonym, found by tax code", match)
		}
		if len(conflict.Problems) != 1 || conflict.Problems[0].Column != caseimport.ColTaxCode {
			t.Errorf("CONFLICT row %+v", conflict)
		}
		// The coordinator sees the open case only if it is at a table of theirs.
		visible := open.openCase.Edges.Table.Code == "EMP"
		if (conflict.OpenCase != nil) != visible || visible && conflict.OpenCase.Code != open.openCase.Code {
			t.Errorf("CONFLICT row's open case %+v, the case %s at %s", conflict.OpenCase, open.openCase.Code, open.openCase.Edges.Table.Code)
		}
		if !visible && !strings.Contains(conflict.Problems[0].Message, "do not see") {
			t.Errorf("CONFLICT at another table says %q", conflict.Problems[0].Message)
		}
		if len(bad.Problems) != 1 || bad.Problems[0].Column != caseimport.ColTaxCode {
			t.Errorf("ERROR row %+v: want the tax code's check character", bad)
		}
		// The preview's own audit: the run, and the two persons matched.
		if n := w.client.AuditEvent.Query().CountX(w.ctx) - audits; n != 3 {
			t.Errorf("%d audit events, want 3 (IMPORT_CASES, two MATCH_PERSON)", n)
		}
		matched := w.client.AuditEvent.Query().Where(auditevent.Action("MATCH_PERSON"), auditevent.EntityIDIn(open.id, closed.id)).CountX(w.ctx)
		if matched != 2 {
			t.Errorf("%d MATCH_PERSON events on the persons matched, want 2", matched)
		}
	})
}

// TestImportAllOrNothing imports a file with one bad row (nothing
// written, the column reported), the file fixed (every row written, each
// record audited with the file's hash), and the same file again
// (nothing new).
func TestImportAllOrNothing(t *testing.T) {
	storetest.Each(t, func(t *testing.T, db *store.DB) {
		w := newWorld(t, db)
		rows := []map[string]string{newRow("A-1", 11), newRow("A-2", 12), newRow("A-3", 13)}
		bad := append([]map[string]string{}, rows...)
		bad[1] = with(rows[1], caseimport.ColReferredOn, "31/02/2025")
		before := countAll(t, w.client)
		r, err := run(t, w.client, w.coord, file(bad...), caseimport.Import, caseimport.Abort)
		if err != nil {
			t.Fatal(err)
		}
		if r.Imported || r.Counts.Error != 1 || r.Rows[1].Outcome != caseimport.Error || r.Rows[1].Problems[0].Column != caseimport.ColReferredOn {
			t.Fatalf("a bad row: report %+v", r)
		}
		if after := countAll(t, w.client); after != before {
			t.Fatalf("a refused import wrote: before %+v, after %+v", before, after)
		}
		fixed := file(rows...)
		r = w.importAs(w.coord, fixed, caseimport.Import)
		if !r.Imported || r.Counts.CasesCreated != 3 || r.Counts.PersonsCreated != 3 || !equal(outcomes(r), []caseimport.Outcome{caseimport.New, caseimport.New, caseimport.New}) {
			t.Fatalf("the fixed file: %+v", r)
		}
		after := countAll(t, w.client)
		// Nobody is told (no outbox event), and each record has one
		// audit event, IMPORT_CASES, no CREATE besides.
		if after.Cases != before.Cases+3 || after.Persons != before.Persons+3 || after.Identities != before.Identities+3 || after.Events != before.Events+3 ||
			after.Outbox != before.Outbox || after.OtherAudit != before.OtherAudit+12 {
			t.Errorf("imported: before %+v, after %+v", before, after)
		}
		for _, row := range r.Rows {
			c := w.client.CaseFile.Query().Where(casefile.Code(row.CaseCode)).WithPerson().WithEvents().OnlyX(w.ctx)
			if row.CaseID != c.ID {
				t.Errorf("case %s: the report gives ID %q, want %q", c.Code, row.CaseID, c.ID)
			}
			if c.ImportKey == nil || *c.ImportKey != "EMP/"+row.RowKey || c.Status != casefile.StatusReferred || c.Edges.Person.Pseudonym != row.Pseudonym {
				t.Errorf("case %s: key %v, status %s, person %s (report %s)", c.Code, c.ImportKey, c.Status, c.Edges.Person.Pseudonym, row.Pseudonym)
			}
			if !strings.HasPrefix(c.Code, "EMP-2025-") || c.FirstMeetingDueOn == nil || len(c.Edges.Events) != 1 || c.Edges.Events[0].Kind != caseevent.KindReferred {
				t.Errorf("case %s: due %v, events %v", c.Code, c.FirstMeetingDueOn, c.Edges.Events)
			}
			var audited caseimport.CreatedRecord
			e := w.client.AuditEvent.Query().Where(auditevent.Action("IMPORT_CASES"), auditevent.EntityID(string(c.ID))).OnlyX(w.ctx)
			if err := json.Unmarshal([]byte(e.Changes), &audited); err != nil || audited.FileSHA256 != r.FileSHA256 || audited.Line != row.Line {
				t.Errorf("case %s audited %q, want the file's hash %s and line %d", c.Code, e.Changes, r.FileSHA256, row.Line)
			}
		}
		// Each record created is audited as imported: 3 persons, 3
		// identities, 3 cases, 3 events.
		if n := w.client.AuditEvent.Query().Where(auditevent.Action("IMPORT_CASES"), auditevent.EntityIDNotNil()).CountX(w.ctx); n != 12 {
			t.Errorf("%d IMPORT_CASES events on records, want 12", n)
		}
		again := w.importAs(w.coord, fixed, caseimport.Import)
		if !again.Imported || again.Counts.AlreadyImported != 3 || again.Counts.CasesCreated != 0 {
			t.Errorf("the same file again: %+v", again)
		}
		for i, row := range again.Rows {
			if row.CaseCode != r.Rows[i].CaseCode || row.CaseID != r.Rows[i].CaseID {
				t.Errorf("row %d again: case %q (%s), imported as %q (%s)", i, row.CaseCode, row.CaseID, r.Rows[i].CaseCode, r.Rows[i].CaseID)
			}
		}
		if final := countAll(t, w.client); final.Cases != after.Cases || final.Persons != after.Persons || final.Events != after.Events {
			t.Errorf("the same file again wrote: %+v, then %+v", after, final)
		}
		// A case imported, then moved to a table the uploader does not
		// see: still already imported, but the report names it no more.
		vinci := w.client.TerritorialTable.Query().Where(territorialtable.Code("VIN")).OnlyX(w.ctx)
		w.client.CaseFile.UpdateOneID(r.Rows[0].CaseID).SetTableID(vinci.ID).ExecX(w.ctx)
		moved0 := w.importAs(w.coord, fixed, caseimport.Preview).Rows
		if moved0[0].Outcome != caseimport.AlreadyImported || moved0[0].CaseCode != "" || moved0[0].CaseID != "" || moved0[1].CaseID != r.Rows[1].CaseID {
			t.Errorf("a case imported, then moved out of sight: %+v, %+v", moved0[0], moved0[1])
		}
		w.client.CaseFile.UpdateOneID(r.Rows[0].CaseID).SetTableID(
			w.client.TerritorialTable.Query().Where(territorialtable.Code("EMP")).OnlyIDX(w.ctx)).ExecX(w.ctx)
		// The fixed file's rows now match their persons: a preview of
		// them under new keys finds them, with their open cases.
		moved := file(with(rows[0], caseimport.ColRowKey, "B-1"), with(rows[0], caseimport.ColRowKey, "B-2", caseimport.ColStatus, "Chiuso",
			caseimport.ColTakenInChargeOn, "20/03/2025", caseimport.ColClosedOn, "01/06/2025", caseimport.ColClosureReason, "Obiettivi raggiunti"))
		p := w.importAs(w.coord, moved, caseimport.Preview)
		if !equal(outcomes(p), []caseimport.Outcome{caseimport.Conflict, caseimport.Match}) || p.Rows[0].OpenCase == nil || p.Rows[0].OpenCase.Code != r.Rows[0].CaseCode ||
			p.Rows[0].OpenCase.ID != r.Rows[0].CaseID {
			t.Errorf("the imported person again: %+v", p.Rows)
		}
	})
}

// TestImportSkip imports the good rows of a file and reports the others.
func TestImportSkip(t *testing.T) {
	storetest.Each(t, func(t *testing.T, db *store.DB) {
		w := newWorld(t, db)
		before := countAll(t, w.client)
		content := file(newRow("S-1", 21), with(newRow("S-2", 22), caseimport.ColNeedAreas, "Lavoro|Astronautica"), newRow("S-3", 23))
		r := mustRun(t, w.client, w.admin, content, caseimport.Import, caseimport.Skip)
		if !r.Imported || r.Counts.CasesCreated != 2 || !equal(outcomes(r), []caseimport.Outcome{caseimport.New, caseimport.Error, caseimport.New}) {
			t.Fatalf("skip: %+v", r)
		}
		if p := r.Rows[1].Problems; len(p) != 1 || p[0].Column != caseimport.ColNeedAreas || !strings.Contains(p[0].Message, "Astronautica") {
			t.Errorf("the bad row: %+v", p)
		}
		if after := countAll(t, w.client); after.Cases != before.Cases+2 {
			t.Errorf("skip wrote %d cases, want 2", after.Cases-before.Cases)
		}
		// The administrator, at no table, is told the codes of what they imported.
		if r.Rows[0].CaseCode == "" {
			t.Errorf("no case code for the administrator: %+v", r.Rows[0])
		}
	})
}

// TestImportInChargeAndClosed imports a case in charge with an
// intervention and an outcome, and a closed one: the days, a draft plan
// for the case in charge, the timeline in the pathway's order.
func TestImportInChargeAndClosed(t *testing.T) {
	storetest.Each(t, func(t *testing.T, db *store.DB) {
		w := newWorld(t, db)
		inCharge := with(newRow("C-1", 31), caseimport.ColStatus, "in carico", caseimport.ColTakenInChargeOn, "2025-04-01",
			caseimport.ColInterventionKind, "Tirocinio", caseimport.ColInterventionProvider, "caritas demo empoli",
			caseimport.ColInterventionStart, "01/05/2025", caseimport.ColOutcomeKind, "EMPLOYMENT_FIXED_TERM", caseimport.ColOutcomeOn, "01/09/2025")
		closed := with(newRow("C-2", 32), caseimport.ColStatus, "CLOSED", caseimport.ColTakenInChargeOn, "01/04/2025",
			caseimport.ColClosedOn, "30/09/2025", caseimport.ColClosureReason, "Obiettivi parzialmente raggiunti",
			caseimport.ColInterventionKind, "Orientamento", caseimport.ColInterventionProvider, "Caritas Demo Empoli",
			caseimport.ColInterventionStart, "01/05/2025", caseimport.ColInterventionEnd, "31/07/2025", caseimport.ColInterventionStatus, "Concluso")
		refused := []map[string]string{
			with(newRow("C-3", 33), caseimport.ColStatus, "In monitoraggio"),
			with(newRow("C-4", 34), caseimport.ColInterventionKind, "Tirocinio"),
			with(newRow("C-5", 35), caseimport.ColStatus, "Chiuso", caseimport.ColTakenInChargeOn, "01/04/2025", caseimport.ColClosedOn, "01/03/2025", caseimport.ColClosureReason, "Altro"),
			with(closed, caseimport.ColRowKey, "C-6", caseimport.ColTaxCode, taxCode(36), caseimport.ColLastName, "Altra", caseimport.ColInterventionStatus, "In corso"),
		}
		p := w.importAs(w.coord, file(append([]map[string]string{inCharge, closed}, refused...)...), caseimport.Preview)
		want := map[string]string{"C-3": caseimport.ColStatus, "C-4": caseimport.ColInterventionKind, "C-5": caseimport.ColClosedOn, "C-6": caseimport.ColInterventionStatus}
		for _, row := range p.Rows[2:] {
			if row.Outcome != caseimport.Error || len(row.Problems) != 1 || row.Problems[0].Column != want[row.RowKey] {
				t.Errorf("row %s: %+v, want an error on %s", row.RowKey, row, want[row.RowKey])
			}
		}
		r := w.importAs(w.coord, file(inCharge, closed), caseimport.Import)
		if !r.Imported || r.Counts.CasesCreated != 2 {
			t.Fatalf("%+v", r)
		}
		c := w.client.CaseFile.Query().Where(casefile.Code(r.Rows[0].CaseCode)).WithPlan().WithInterventions().WithOutcomes().
			WithEvents(func(q *ent.CaseEventQuery) { q.Order(caseevent.ByOccurredAt()) }).OnlyX(w.ctx)
		if c.Status != casefile.StatusInCharge || c.TakenInChargeOn.String() != "2025-04-01" || c.Edges.Plan == nil || c.Edges.Plan.AgreedOn != nil {
			t.Errorf("in charge: %+v, plan %+v", c, c.Edges.Plan)
		}
		if len(c.Edges.Interventions) != 1 || c.Edges.Interventions[0].Status != "ONGOING" || c.Edges.Interventions[0].Kind != "INTERNSHIP" {
			t.Errorf("interventions %+v", c.Edges.Interventions)
		}
		if o := c.Edges.Outcomes; len(o) != 1 || o[0].FollowUpDueOn == nil || o[0].FollowUpDueOn.String() != "2026-03-01" || o[0].ValueDimension != "ECONOMIC" {
			t.Errorf("outcomes %+v", o)
		}
		if got := kinds(c.Edges.Events); got != "REFERRED TAKEN_IN_CHARGE INTERVENTION_ADDED OUTCOME_RECORDED" {
			t.Errorf("timeline %s", got)
		}
		c = w.client.CaseFile.Query().Where(casefile.Code(r.Rows[1].CaseCode)).WithPlan().WithInterventions().
			WithEvents(func(q *ent.CaseEventQuery) { q.Order(caseevent.ByOccurredAt()) }).OnlyX(w.ctx)
		if c.Status != casefile.StatusClosed || c.ClosedOn.String() != "2025-09-30" || *c.ClosureReason != casefile.ClosureReasonPartiallyMet || c.OpenPerson != nil || c.Edges.Plan != nil {
			t.Errorf("closed: %+v", c)
		}
		if got := kinds(c.Edges.Events); got != "REFERRED TAKEN_IN_CHARGE INTERVENTION_ADDED CLOSED" {
			t.Errorf("timeline %s", got)
		}
	})
}

func kinds(events []*ent.CaseEvent) string {
	out := make([]string, len(events))
	for i, e := range events {
		out[i] = string(e.Kind)
	}
	return strings.Join(out, " ")
}

// TestDuplicatesInTheFile refuses a row key twice and a second open case
// of a person the file brings twice, and links a closed case to the
// person an earlier row brings.
func TestDuplicatesInTheFile(t *testing.T) {
	storetest.Each(t, func(t *testing.T, db *store.DB) {
		w := newWorld(t, db)
		first := newRow("D-1", 41)
		content := file(
			first,
			with(newRow("D-1", 42)),                  // the same key
			with(first, caseimport.ColRowKey, "D-3"), // the same person, open again
			with(first, caseimport.ColRowKey, "D-4", caseimport.ColTaxCode, "", caseimport.ColStatus, "Chiuso", // the same person by name
				caseimport.ColTakenInChargeOn, "16/03/2025", caseimport.ColClosedOn, "17/03/2025", caseimport.ColClosureReason, "Altro"),
		)
		r := w.importAs(w.coord, content, caseimport.Import)
		if r.Imported || !equal(outcomes(r), []caseimport.Outcome{caseimport.New, caseimport.Error, caseimport.Conflict, caseimport.Match}) {
			t.Fatalf("%+v", r.Rows)
		}
		if r.Rows[1].Problems[0].Column != caseimport.ColRowKey || r.Rows[2].SamePersonAsLine != 2 || r.Rows[3].SamePersonAsLine != 2 {
			t.Errorf("%+v", r.Rows)
		}
		r = mustRun(t, w.client, w.coord, content, caseimport.Import, caseimport.Skip)
		if !r.Imported || r.Counts.CasesCreated != 2 || r.Counts.PersonsCreated != 1 || r.Rows[3].Pseudonym != r.Rows[0].Pseudonym || r.Rows[0].Pseudonym == "" {
			t.Errorf("skip: %+v", r)
		}
		n := w.client.CaseFile.Query().Where(casefile.HasPersonWith(person.Pseudonym(r.Rows[0].Pseudonym))).CountX(w.ctx)
		if n != 2 {
			t.Errorf("the person has %d cases, want 2", n)
		}
	})
}

// TestRights: a coordinator imports into the tables they coordinate only;
// operators not at all; read-only tokens preview only.
func TestRights(t *testing.T) {
	storetest.Each(t, func(t *testing.T, db *store.DB) {
		w := newWorld(t, db)
		content := file(newRow("R-1", 51), with(newRow("R-2", 52), caseimport.ColTable, "VIN"))
		r := w.importAs(w.coord, content, caseimport.Preview)
		if p := r.Rows[1].Problems; r.Rows[1].Outcome != caseimport.Error || len(p) != 1 || p[0].Column != caseimport.ColTable || !strings.Contains(p[0].Message, "do not coordinate table VIN") {
			t.Errorf("another table: %+v", r.Rows[1])
		}
		if r := w.importAs(w.admin, content, caseimport.Preview); r.Counts.New != 2 {
			t.Errorf("the administrator: %+v", r.Rows)
		}
		var forbidden *fault.Forbidden
		if _, err := run(t, w.client, w.operator, content, caseimport.Preview, caseimport.Abort); !errors.As(err, &forbidden) {
			t.Errorf("an operator: %v", err)
		}
		readOnly := *w.coord
		readOnly.ReadOnly = true
		if _, err := run(t, w.client, &readOnly, content, caseimport.Import, caseimport.Abort); !errors.As(err, &forbidden) {
			t.Errorf("a read-only token imports: %v", err)
		}
		if _, err := run(t, w.client, &readOnly, content, caseimport.Preview, caseimport.Abort); err != nil {
			t.Errorf("a read-only token previews: %v", err)
		}
		if _, err := caseimport.Run(ent.NewContext(context.Background(), w.client), bytes.NewReader(content), caseimport.Options{Mode: caseimport.Preview}); !errors.Is(err, fault.ErrUnauthenticated) {
			t.Errorf("nobody: %v", err)
		}
	})
}

// TestEncodingsAndSeparators reads a Windows-1252 file with accents and
// semicolons, a UTF-8 one with commas and English headers, and refuses
// what cannot be read, naming why.
func TestEncodingsAndSeparators(t *testing.T) {
	storetest.Each(t, func(t *testing.T, db *store.DB) {
		w := newWorld(t, db)
		row := with(newRow("E-1", 61), caseimport.ColLastName, "Nicolò D'Amàto", caseimport.ColFirstName, "Perpetuà",
			caseimport.ColNeedAreas, "Istruzione e formazione|isolamento sociale", caseimport.ColReason, "Perdita del lavoro; sfratto")
		// The reason has a semicolon: quoted, as spreadsheets write it.
		text := strings.Replace(string(file(row)), "Perdita del lavoro; sfratto", `"Perdita del lavoro; sfratto"`, 1)
		latin, err := charmap.Windows1252.NewEncoder().String(text)
		if err != nil {
			t.Fatal(err)
		}
		r := w.importAs(w.coord, []byte(latin), caseimport.Import)
		if !r.Imported || r.Encoding != caseimport.Windows1252 || r.Separator != ";" || r.Counts.CasesCreated != 1 {
			t.Fatalf("Windows-1252: %+v", r)
		}
		c := w.client.CaseFile.Query().Where(casefile.Code(r.Rows[0].CaseCode)).WithPerson(func(q *ent.PersonQuery) { q.WithIdentity() }).OnlyX(w.ctx)
		if id := c.Edges.Person.Edges.Identity; id.LastName != "Nicolò D'Amàto" || id.FirstName != "Perpetuà" || c.ReferralReason != "Perdita del lavoro; sfratto" {
			t.Errorf("read %q %q, %q", id.LastName, id.FirstName, c.ReferralReason)
		}
		if fmt.Sprint(c.NeedAreas) != "[EDUCATION SOCIAL_ISOLATION]" {
			t.Errorf("need areas %v", c.NeedAreas)
		}

		// UTF-8 with a byte order mark, commas, English headers, ISO dates.
		english := make([]string, len(caseimport.Columns))
		for i, col := range caseimport.Columns {
			english[i] = col.English
		}
		cells := strings.Split(line(with(newRow("E-2", 62), caseimport.ColReferredOn, "2025-03-15", caseimport.ColNeedAreas, "EMPLOYMENT")), ";")
		comma := "\uFEFF" + strings.Join(english, ",") + "\n" + strings.Join(cells, ",") + "\n"
		r = w.importAs(w.coord, []byte(comma), caseimport.Preview)
		if r.Encoding != caseimport.UTF8 || r.Separator != "," || r.Counts.New != 1 {
			t.Errorf("UTF-8 with commas: %+v", r)
		}
		// Excel's line naming the separator; the lines are the file's.
		excel := "sep=;\r\n" + string(file(newRow("E-3", 63), with(newRow("E-4", 64), caseimport.ColBirthDate, "30/02/1980")))
		r = w.importAs(w.coord, []byte(excel), caseimport.Preview)
		if r.Separator != ";" || !equal(outcomes(r), []caseimport.Outcome{caseimport.New, caseimport.Error}) || r.Rows[1].Line != 4 {
			t.Errorf("sep=;: %+v", r)
		}

		for name, c := range map[string]struct {
			content string
			says    string
		}{
			"unknown and missing columns": {"codice_riga;tavolo;colore\nX;EMP;blu\n", "unknown columns: colore"},
			"missing columns":             {"codice_riga;tavolo\nX;EMP\n", "required columns missing: ente_segnalante, data_segnalazione, motivo, aree_bisogno"},
			"no separator":                {"codice_riga\nX\n", "one column"},
			"empty":                       {"", "empty"},
			"no rows":                     {header() + "\n;;;\n", "no rows"},
			"a workbook":                  {"PK\x03\x04rest", "workbook"},
			"UTF-8 broken past the start": {header() + "\n" + strings.Repeat(line(newRow("Z", 1))+"\n", 800) + "Caf\xe9\n", "not valid UTF-8"},
			"bad quotes":                  {header() + "\n" + `"R;EMP` + "\n", "not valid CSV"},
		} {
			_, err := run(t, w.client, w.coord, []byte(c.content), caseimport.Preview, caseimport.Abort)
			var invalid *fault.Invalid
			if !errors.As(err, &invalid) || invalid.Field != "file" || !strings.Contains(invalid.Message, c.says) {
				t.Errorf("%s: %v, want an error on the file saying %q", name, err, c.says)
			}
		}
	})
}

// TestTemplateRoundTrip writes the template in both languages and
// previews it with a row: its headers are the import's.
func TestTemplateRoundTrip(t *testing.T) {
	storetest.Each(t, func(t *testing.T, db *store.DB) {
		w := newWorld(t, db)
		for _, lang := range []string{"it", "en"} {
			var b bytes.Buffer
			if err := caseimport.WriteTemplate(&b, lang); err != nil {
				t.Fatal(err)
			}
			if !bytes.HasPrefix(b.Bytes(), []byte("\uFEFF")) || strings.Count(b.String(), "\n") != 1 {
				t.Errorf("%s template: %q", lang, b.String())
			}
			b.WriteString(line(newRow("T-"+lang, 70)) + "\n")
			if r := w.importAs(w.coord, b.Bytes(), caseimport.Preview); r.Counts.New != 1 {
				t.Errorf("%s template: %+v", lang, r)
			}
		}
	})
}

// TestManyRowsInChunks imports more rows than a chunk, in several, with
// persons repeated across chunks.
func TestManyRowsInChunks(t *testing.T) {
	defer func(n int) { caseimport.ChunkRows = n }(caseimport.ChunkRows)
	caseimport.ChunkRows = 7
	storetest.Each(t, func(t *testing.T, db *store.DB) {
		w := newWorld(t, db)
		var rows []map[string]string
		for i := range 30 {
			rows = append(rows, newRow(fmt.Sprintf("M-%d", i), 100+i))
		}
		// Row 31 brings the person of row 1 again, closed: the same person.
		rows = append(rows, with(rows[0], caseimport.ColRowKey, "M-30", caseimport.ColStatus, "Chiuso", caseimport.ColTakenInChargeOn, "16/03/2025",
			caseimport.ColClosedOn, "17/03/2025", caseimport.ColClosureReason, "Altro"))
		start := time.Now()
		r := w.importAs(w.admin, file(rows...), caseimport.Import)
		if !r.Imported || r.Counts.CasesCreated != 31 || r.Counts.PersonsCreated != 30 || r.Rows[30].SamePersonAsLine != 2 {
			t.Fatalf("%+v", r.Counts)
		}
		codes := map[string]bool{}
		for _, row := range r.Rows {
			codes[row.CaseCode] = true
		}
		if len(codes) != 31 {
			t.Errorf("%d case codes for 31 cases", len(codes))
		}
		t.Logf("31 rows in chunks of 7: %s", time.Since(start))
	})
}
