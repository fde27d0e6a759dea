package web_test

import (
	"encoding/json"
	"testing"

	"github.com/progetto-win/win/domain"
	"github.com/progetto-win/win/domain/gid"
	"github.com/progetto-win/win/ent/auditevent"
	"github.com/progetto-win/win/ent/casefile"
	"github.com/progetto-win/win/ent/consent"
	"github.com/progetto-win/win/ent/outcome"
	"github.com/progetto-win/win/ent/person"
	"github.com/progetto-win/win/ent/personidentity"
	"github.com/progetto-win/win/server/demo"
	"github.com/progetto-win/win/server/pathway"
	"github.com/progetto-win/win/server/store"
	"github.com/progetto-win/win/server/store/storetest"
	"github.com/progetto-win/win/server/webtest"
)

const (
	mergePersons = `mutation($s: ID!, $m: ID!, $first: MergeSide, $tax: MergeSide) { mergePersons(input: {survivorID: $s, mergedID: $m,
		firstName: $first, taxCode: $tax}) { id cases(first: 10) { totalCount } identity { firstName lastName taxCode } } }`
	undoMerge = `mutation($m: ID!) { undoPersonMerge(mergedID: $m) }`
)

// duplicates are two records of one person at the Empoli table, both
// identities read by its coordinator: one with the open case, one with a
// case closed whose six-month follow-up is still due.
type duplicates struct{ open, closed, survivor, merged gid.ID }

func newDuplicates(w *webtest.World) duplicates {
	var d duplicates
	d.open = caseWithIdentity(w, casefile.StatusInCharge)
	d.closed = caseWithIdentity(w, casefile.StatusClosed)
	w.Client.Outcome.Create().SetCaseID(d.closed).SetKind(outcome.KindEmploymentPermanent).SetValueDimension(outcome.ValueDimensionEconomic).
		SetAchievedOn(domain.Today().AddDays(-40)).SetFollowUpDueOn(domain.Today().AddDays(140)).ExecX(w.Ctx)
	d.survivor = w.Client.CaseFile.Query().Where(casefile.ID(d.open)).QueryPerson().OnlyIDX(w.Ctx)
	d.merged = w.Client.CaseFile.Query().Where(casefile.ID(d.closed)).QueryPerson().OnlyIDX(w.Ctx)
	return d
}

// TestMergePersons: the coordinator merges two records of one person,
// taking the identity field by field; the cases and bases of both belong
// to the survivor, and the merged record's ID reads as the survivor's;
// the merge is audited with both IDs; an administrator undoes it while
// no case was opened since, and not after; two open cases are refused;
// no one else merges.
func TestMergePersons(t *testing.T) {
	storetest.Each(t, func(t *testing.T, db *store.DB) {
		w := webtest.NewWorld(t, db)
		admin := webtest.As(t, w.Base, demo.AdminEmail)
		d := newDuplicates(w)
		taxOf := func(p gid.ID) string {
			return *w.Client.PersonIdentity.Query().Where(personidentity.HasPersonWith(person.ID(p))).OnlyX(w.Ctx).TaxCode
		}
		mergedTax := taxOf(d.merged)
		vars := map[string]any{"s": d.survivor, "m": d.merged, "tax": "MERGED"}

		// Who may not: another table's operator does not find them, an
		// operator of the table, the committee and the administrator are
		// no coordinators.
		webtest.Refused(t, w.Vinci.Post(mergePersons, vars), "FORBIDDEN", "")
		for _, other := range []*webtest.API{w.Op, webtest.As(t, w.Base, demo.SteeringEmail), admin} {
			webtest.Refused(t, other.Post(mergePersons, vars), "FORBIDDEN", "")
		}
		webtest.Refused(t, w.Coord.Post(mergePersons, map[string]any{"s": d.survivor, "m": d.survivor}), "BAD_USER_INPUT", "mergedID")
		// Two open cases: refused, nothing changed.
		third := caseWithIdentity(w, casefile.StatusInCharge)
		thirdPerson := w.Client.CaseFile.Query().Where(casefile.ID(third)).QueryPerson().OnlyIDX(w.Ctx)
		webtest.Refused(t, w.Coord.Post(mergePersons, map[string]any{"s": d.survivor, "m": thirdPerson}), "CONFLICT", "")

		var merged struct {
			ID       gid.ID
			Cases    struct{ TotalCount int }
			Identity struct{ FirstName, LastName, TaxCode string }
		}
		w.Coord.Must(mergePersons, vars, &merged)
		if merged.ID != d.survivor || merged.Cases.TotalCount != 2 || merged.Identity.TaxCode != mergedTax {
			t.Fatalf("merged: %+v (want the survivor with both cases and the merged record's tax code %s)", merged, mergedTax)
		}
		if n := w.Client.Consent.Query().Where(consent.HasPersonWith(person.ID(d.survivor))).CountX(w.Ctx); n != 2 {
			t.Errorf("the survivor has %d bases, want both records'", n)
		}
		// The merged record's ID reads as the survivor's.
		var node struct{ Node struct{ ID gid.ID } }
		w.Coord.OK(`query($id: ID!) { node(id: $id) { id } }`, map[string]any{"id": d.merged}, &node)
		if node.Node.ID != d.survivor {
			t.Errorf("node(merged) = %s, want the survivor %s", node.Node.ID, d.survivor)
		}
		var nodes struct{ Nodes []struct{ ID gid.ID } }
		w.Coord.OK(`query($ids: [ID!]!) { nodes(ids: $ids) { id } }`, map[string]any{"ids": []gid.ID{d.merged, d.survivor}}, &nodes)
		if len(nodes.Nodes) != 2 || nodes.Nodes[0].ID != d.survivor || nodes.Nodes[1].ID != d.survivor {
			t.Errorf("nodes(merged, survivor) = %+v", nodes.Nodes)
		}
		// Audited once for each record, each saying its side.
		sides := map[string]pathway.MergeAudit{}
		for _, e := range w.Client.AuditEvent.Query().Where(auditevent.Action("MERGE_PERSONS"), auditevent.EntityIDIn(string(d.survivor), string(d.merged))).AllX(w.Ctx) {
			var side pathway.MergeAudit
			if err := json.Unmarshal([]byte(e.Changes), &side); err != nil {
				t.Errorf("MERGE_PERSONS of %s says %q", e.EntityID, e.Changes)
			}
			sides[e.EntityID] = side
		}
		if len(sides) != 2 || sides[string(d.survivor)] != (pathway.MergeAudit{Side: pathway.KeepSurvivor, MergedID: d.merged}) ||
			sides[string(d.merged)] != (pathway.MergeAudit{Side: pathway.KeepMerged, SurvivorID: d.survivor}) {
			t.Errorf("the merge is audited as %+v, want each record once with its side", sides)
		}
		webtest.Refused(t, w.Coord.Post(mergePersons, vars), "NOT_FOUND", "") // the merged record has no case left to read it by

		// Undone by an administrator: as it was.
		webtest.Refused(t, w.Coord.Post(undoMerge, map[string]any{"m": d.merged}), "FORBIDDEN", "")
		webtest.Refused(t, admin.Post(undoMerge, map[string]any{"m": d.survivor}), "BAD_USER_INPUT", "mergedID")
		var restored gid.ID
		admin.Must(undoMerge, map[string]any{"m": d.merged}, &restored)
		if restored != d.merged {
			t.Errorf("the undo answered %s, want the restored record %s", restored, d.merged)
		}
		if taxOf(d.merged) != mergedTax || taxOf(d.survivor) == mergedTax {
			t.Error("the identities are not back as they were")
		}
		for c, p := range map[gid.ID]gid.ID{d.open: d.survivor, d.closed: d.merged} {
			if got := w.Client.CaseFile.Query().Where(casefile.ID(c)).QueryPerson().OnlyIDX(w.Ctx); got != p {
				t.Errorf("case %s belongs to %s after the undo, want %s", c, got, p)
			}
		}
		w.Coord.OK(`query($id: ID!) { node(id: $id) { id } }`, map[string]any{"id": d.merged}, &node)
		if node.Node.ID != d.merged {
			t.Errorf("after the undo node(merged) = %s", node.Node.ID)
		}

		// Merged again, then a case opened for the survivor: no undo.
		w.Coord.Must(mergePersons, vars, nil)
		w.Client.CaseFile.UpdateOneID(d.open).SetStatus(casefile.StatusClosed).SetClosedOn(domain.Today()).
			SetClosureReason(casefile.ClosureReasonOther).ExecX(w.Ctx)
		later, _ := w.CaseIn(casefile.StatusReferred)
		w.Client.CaseFile.UpdateOneID(later).SetPersonID(d.survivor).ExecX(w.Ctx)
		webtest.Refused(t, admin.Post(undoMerge, map[string]any{"m": d.merged}), "CONFLICT", "")
	})
}
