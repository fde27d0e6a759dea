package store_test

import (
	"context"
	"fmt"
	"io/fs"
	"path"
	"strings"
	"testing"

	"github.com/progetto-win/win/domain/gid"
	"github.com/progetto-win/win/ent"
	"github.com/progetto-win/win/ent/caseevent"
	"github.com/progetto-win/win/ent/casefile"
	"github.com/progetto-win/win/ent/person"
	"github.com/progetto-win/win/ent/schema/rule"
	"github.com/progetto-win/win/server/store"
	"github.com/progetto-win/win/server/store/storetest"
	"github.com/progetto-win/win/server/webtest"
)

// TestEventFactsMigration runs the data part of the case_event_facts
// migration over events as the server wrote them before events carried
// values (English words and codes in the note) and checks that each
// becomes values, with only the user's text left in the note.
func TestEventFactsMigration(t *testing.T) {
	storetest.Each(t, func(t *testing.T, db *store.DB) {
		ctx := rule.SystemContext(context.Background())
		c := db.Client()
		f := webtest.SeedOneOfEach(t, c)
		empoli := c.TerritorialTable.GetX(ctx, f["Table"])
		vinci := c.TerritorialTable.Create().SetName("Tavolo territoriale di Vinci").SetCode("VIN").SaveX(ctx)
		old := c.CaseFile.GetX(ctx, f["Case"])
		other := c.Person.Create().SetBirthYear(1990).SetGender(person.GenderMale).SetCitizenshipArea(person.CitizenshipAreaItaly).SaveX(ctx)
		reopened := c.CaseFile.Create().SetCode("EMP-2026-0002").SetPerson(other).SetTable(empoli).
			SetReferringOrganizationID(f["Organization"]).SetReferredOn(webtest.Day(2026, 1, 5)).SetReferralReason("Di nuovo").
			SetStatus(casefile.StatusReferred).SaveX(ctx)

		type want struct {
			note                                                    *string
			detail, level, ikind, istatus, okind, held, reason, day string
			fromTable, toTable, related                             gid.ID
		}
		note := func(s string) *string { return &s }
		cases := []struct {
			kind caseevent.Kind
			note string
			want want
		}{
			{caseevent.KindAssessmentRecorded, "preliminary analysis", want{level: "PRELIMINARY"}},
			{caseevent.KindAssessmentRecorded, "in-depth analysis", want{level: "IN_DEPTH"}},
			{caseevent.KindInterventionAdded, "INTERNSHIP", want{ikind: "INTERNSHIP"}},
			{caseevent.KindInterventionUpdated, "TRAINING COMPLETED", want{ikind: "TRAINING", istatus: "COMPLETED"}},
			{caseevent.KindOutcomeRecorded, "EMPLOYMENT_FIXED_TERM", want{okind: "EMPLOYMENT_FIXED_TERM"}},
			{caseevent.KindFollowUpRecorded, "HOUSING_SECURED still held: ancora nella casa", want{okind: "HOUSING_SECURED", held: "true", note: note("ancora nella casa")}},
			{caseevent.KindFollowUpRecorded, "EMPLOYMENT_FIXED_TERM no longer held", want{okind: "EMPLOYMENT_FIXED_TERM", held: "false"}},
			{caseevent.KindClosed, "GOALS_MET", want{reason: "GOALS_MET"}},
			{caseevent.KindClosed, "OTHER trasferita all'estero", want{reason: "OTHER", note: note("trasferita all'estero")}},
			{caseevent.KindMonitoringMeetingScheduled, "planned on 09/03/2026", want{day: "2026-03-09"}},
			{caseevent.KindMonitoringMeetingHeld, "held on 28/02/2026", want{day: "2026-02-28"}},
			{caseevent.KindPlanUpdated, "plan changed", want{}},
			{caseevent.KindPlanUpdated, "goal added: Trovare casa", want{detail: "GOAL_ADDED", note: note("Trovare casa")}},
			{caseevent.KindPlanUpdated, "goal changed: Trovare casa: subito", want{detail: "GOAL_CHANGED", note: note("Trovare casa: subito")}},
			{caseevent.KindPlanUpdated, "commitment added: Colloqui", want{detail: "COMMITMENT_ADDED", note: note("Colloqui")}},
			{caseevent.KindPlanUpdated, "commitment changed: Colloqui", want{detail: "COMMITMENT_CHANGED", note: note("Colloqui")}},
			{caseevent.KindReopened, "reopened as EMP-2026-0002", want{detail: "REOPENED_AS", related: reopened.ID}},
			{caseevent.KindReopened, "reopens " + old.Code + ": di nuovo senza lavoro", want{detail: "REOPENS", related: old.ID, note: note("di nuovo senza lavoro")}},
			{caseevent.KindTransferRequested, "to Tavolo territoriale di Vinci: residenza cambiata", want{toTable: vinci.ID, note: note("residenza cambiata")}},
			{caseevent.KindTransferDeclined, "to Tavolo territoriale di Vinci: posti esauriti", want{toTable: vinci.ID, note: note("posti esauriti")}},
			{caseevent.KindTransferred, "from Tavolo territoriale di Empoli to Tavolo territoriale di Vinci", want{fromTable: empoli.ID, toTable: vinci.ID}},
			{caseevent.KindDeclined, "fuori dai criteri", want{note: note("fuori dai criteri")}},
			{caseevent.KindNote, "closed as agreed: GOALS_MET", want{note: note("closed as agreed: GOALS_MET")}},
		}
		ids := make([]gid.ID, len(cases))
		for i, k := range cases {
			ids[i] = c.CaseEvent.Create().SetCaseID(old.ID).SetKind(k.kind).SetNote(k.note).
				SetOccurredAt(webtest.MidnightUTC(2026, 3, 1)).SaveX(ctx).ID
		}
		if _, err := db.SQL.ExecContext(ctx, eventFactsData(t, db)); err != nil {
			t.Fatalf("the migration's data statements: %v", err)
		}
		edge := func(id gid.ID, err error) gid.ID {
			if ent.IsNotFound(err) {
				return ""
			}
			if err != nil {
				t.Fatal(err)
			}
			return id
		}
		for i, k := range cases {
			e := c.CaseEvent.GetX(ctx, ids[i])
			got := want{
				detail: text(e.Detail), level: text(e.AssessmentLevel), ikind: text(e.InterventionKind), istatus: text(e.InterventionStatus),
				okind: text(e.OutcomeKind), held: text(e.StillHeld), reason: text(e.ClosureReason), day: text(e.Day),
				fromTable: edge(e.QueryFromTable().OnlyID(ctx)), toTable: edge(e.QueryToTable().OnlyID(ctx)), related: edge(e.QueryRelatedCase().OnlyID(ctx)),
			}
			if e.Note != "" {
				got.note = &e.Note
			}
			gotNote, wantNote := "<none>", "<none>"
			if got.note != nil {
				gotNote = *got.note
			}
			if k.want.note != nil {
				wantNote = *k.want.note
			}
			got.note, k.want.note = nil, nil
			if got != k.want || gotNote != wantNote {
				t.Errorf("%s %q became %+v with note %q, want %+v with note %q", k.kind, k.note, got, gotNote, k.want, wantNote)
			}
		}
	})
}

// eventFactsData is the data part of the dialect's case_event_facts
// migration: its statements after the columns are added.
func eventFactsData(t *testing.T, db *store.DB) string {
	t.Helper()
	dir := store.MigrationsDir(db.Dialect)
	names, err := fs.Glob(store.Migrations, path.Join(dir, "*_case_event_facts.up.sql"))
	if err != nil || len(names) != 1 {
		t.Fatalf("the case_event_facts migration of %s: %v %v", db.Dialect, names, err)
	}
	b, err := fs.ReadFile(store.Migrations, names[0])
	if err != nil {
		t.Fatal(err)
	}
	const start = "-- Events written before they carried values"
	_, data, ok := strings.Cut(string(b), start)
	if !ok {
		t.Fatal("the migration has no data part")
	}
	return start + data
}

// text writes an optional value as the test compares it: "" when unset.
func text[T any](v *T) string {
	if v == nil {
		return ""
	}
	return fmt.Sprint(*v)
}
