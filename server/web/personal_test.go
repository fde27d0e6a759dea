package web_test

import (
	"context"
	"encoding/json"
	"fmt"
	"slices"
	"strings"
	"testing"

	"github.com/vektah/gqlparser/v2/ast"

	"github.com/progetto-win/win/ent/meeting"
	"github.com/progetto-win/win/ent/schema/rule"
	"github.com/progetto-win/win/ent/territorialtable"
	"github.com/progetto-win/win/ent/user"
	"github.com/progetto-win/win/graph"
	"github.com/progetto-win/win/server/demo"
	"github.com/progetto-win/win/server/store"
	"github.com/progetto-win/win/server/store/storetest"
	"github.com/progetto-win/win/server/webtest"
)

// notFreeText are the text fields of a case's records that are not free
// text about the person: codes the system makes.
var notFreeText = []string{"Case.code", "Person.pseudonym"}

// TestPersonalDataIsPseudonymised enumerates, from the generated schema,
// every text field of every type of a case's record, and every field of
// the person's record, and checks that the committee and analysts, who
// read cases pseudonymised, read free text empty and quasi-identifiers
// null, through node(id:) and through the case's nested edges, while the
// case's table reads them; a field that is neither declared personal
// (schema.Personal, documented as such) nor a code fails the test. With
// no quasi-identifier left to them, no combination of what they read on
// a person's record singles anyone out: they read those in aggregates.
func TestPersonalDataIsPseudonymised(t *testing.T) {
	storetest.Each(t, func(t *testing.T, db *store.DB) {
		base := webtest.DemoAPI(t, db, 11, 60)
		c := base.Client
		ctx := rule.SystemContext(context.Background())
		clients := webtest.RoleClients(t, base)
		coord := c.User.Query().Where(user.Email(demo.CoordinatorEmail)).OnlyX(ctx)
		vinciOp := c.User.Query().Where(user.Email(demo.OperatorVinciEmail)).OnlyX(ctx)
		objects := webtest.SampleObjects(t, base, coord.ID, vinciOp.ID)
		schema := graph.NewSchema(nil, nil, nil, nil).Schema()
		fields, read := 0, 0
		for _, typ := range slices.Sorted(func(yield func(string) bool) {
			for name, roles := range readers {
				if slices.Equal(roles, caseReaders) && !yield(name) {
					return
				}
			}
		}) {
			for _, f := range schema.Types[typ].Fields {
				if f.Type.Name() != "String" || slices.Contains(notFreeText, typ+"."+f.Name) {
					continue
				}
				if !strings.Contains(f.Description, "Personal text") {
					t.Errorf("%s.%s is text of a case's record, but not declared personal (schema.Personal)", typ, f.Name)
					continue
				}
				fields++
				q := fmt.Sprintf(`query($id: ID!) { node(id: $id) { ... on %s { value: %s } } }`, typ, f.Name)
				var table struct{ Node struct{ Value *string } }
				clients[coordinator].OK(q, map[string]any{"id": objects[typ]}, &table)
				if table.Node.Value != nil && *table.Node.Value != "" {
					read++
				}
				for _, role := range []string{steering, analyst} {
					var out struct{ Node *struct{ Value *string } }
					clients[role].OK(q, map[string]any{"id": objects[typ]}, &out)
					if out.Node == nil {
						t.Errorf("%s cannot read the %s at all", role, typ)
					} else if out.Node.Value != nil && *out.Node.Value != "" {
						t.Errorf("%s reads %s.%s: %q", role, typ, f.Name, *out.Node.Value)
					}
				}
			}
		}
		if fields < 12 || read < fields/2 {
			t.Errorf("%d personal text fields, %d of them read by the table: the check reads next to nothing", fields, read)
		}
		// The person's record: nothing but the pseudonym and the links to
		// cases, identity and the bases of the uses of the data (each read
		// under its own rules; a basis's dates and organisation are the
		// case's, its texts personal) is left that is not a
		// quasi-identifier, and the committee and analysts read every
		// quasi-identifier null.
		quasi := 0
		for _, f := range schema.Types["Person"].Fields {
			if slices.Contains([]string{"id", "pseudonym", "createdAt", "updatedAt", "cases", "identity", "consents"}, f.Name) {
				continue
			}
			if !strings.Contains(f.Description, "quasi-identifier") {
				t.Errorf("Person.%s may single a person out with the others, but is not declared a quasi-identifier (schema.Personal)", f.Name)
				continue
			}
			quasi++
			selection := "value: " + f.Name
			if schema.Types[f.Type.Name()].Kind == ast.Object {
				selection += " { id }"
			}
			q := fmt.Sprintf(`query($id: ID!) { node(id: $id) { ... on Person { %s } } }`, selection)
			var table struct{ Node struct{ Value any } }
			if clients[coordinator].OK(q, map[string]any{"id": objects["Person"]}, &table); table.Node.Value == nil {
				t.Errorf("the table does not read Person.%s", f.Name)
			}
			for _, role := range []string{steering, analyst} {
				var out struct{ Node *struct{ Value any } }
				if clients[role].OK(q, map[string]any{"id": objects["Person"]}, &out); out.Node == nil || out.Node.Value != nil {
					t.Errorf("%s reads Person.%s: %v", role, f.Name, out.Node)
				}
			}
		}
		if quasi < 5 {
			t.Errorf("only %d quasi-identifiers of a person checked", quasi)
		}
		persons := clients[analyst].Post(`{ cases(first: 100) { edges { node { person { pseudonym birthYear gender householdSize
			citizenshipArea municipality { id } } } } } }`, nil)
		if len(persons.Errors) > 0 || strings.Contains(string(persons.Data), `"birthYear":1`) || strings.Contains(string(persons.Data), "mun_") {
			t.Errorf("the analysts' list of cases carries quasi-identifiers: %.400s", persons.Raw)
		}
		// The same through a list with nested edges: no text in the answer.
		listed := clients[steering].Post(`{ cases(first: 50) { edges { node { referralReason declineReason transferReason
			events(first: 20) { edges { node { note } } } assessments(first: 5) { edges { node { summary } } }
			plan { summary goals(first: 10) { edges { node { description } } } commitments(first: 10) { edges { node { description } } } }
			interventions(first: 10) { edges { node { description } } } outcomes(first: 10) { edges { node { evidence } } }
			monitoringMeetings(first: 5) { edges { node { summary items(first: 10) { edges { node { progress } } } } } } } } } }`, nil)
		if len(listed.Errors) > 0 || !emptyTextOnly(t, listed.Data) {
			t.Errorf("the committee's list of cases carries text: %.400s", listed.Raw)
		}
	})
}

// emptyTextOnly reports whether every string in a JSON answer is empty.
func emptyTextOnly(t *testing.T, data json.RawMessage) bool {
	var doc any
	if err := json.Unmarshal(data, &doc); err != nil {
		t.Fatal(err)
	}
	var walk func(v any) bool
	walk = func(v any) bool {
		switch v := v.(type) {
		case string:
			return v == ""
		case map[string]any:
			for _, x := range v {
				if !walk(x) {
					return false
				}
			}
		case []any:
			for _, x := range v {
				if !walk(x) {
					return false
				}
			}
		}
		return true
	}
	return walk(doc)
}

// TestTableMeetingsStayWithTheTable: a table's meetings, their minutes
// and decisions are read by that table and the committee, not by the
// other tables, analysts or administrators; the committee's own meetings
// by every signed-in user.
func TestTableMeetingsStayWithTheTable(t *testing.T) {
	storetest.Each(t, func(t *testing.T, db *store.DB) {
		base := webtest.DemoAPI(t, db, 11, 30)
		c := base.Client
		ctx := rule.SystemContext(context.Background())
		clients := webtest.RoleClients(t, base)
		tableMeeting := c.Meeting.Query().Where(meeting.HasTableWith(territorialtable.Code("EMP"))).WithDecisions().FirstX(ctx)
		committee := c.Meeting.Query().Where(meeting.BodyEQ(meeting.BodySteeringCommittee)).FirstX(ctx)
		if len(tableMeeting.Edges.Decisions) == 0 {
			t.Fatal("the Empoli table's meeting has no decision to check")
		}
		for _, role := range matrixRoles {
			want := slices.Contains([]string{steering, coordinator, operator}, role)
			for _, id := range []any{tableMeeting.ID, tableMeeting.Edges.Decisions[0].ID} {
				r := clients[role].Post(`query($id: ID!) { node(id: $id) { id } }`, map[string]any{"id": id})
				if got := len(r.Errors) == 0 && !strings.Contains(string(r.Data), "null"); got != want {
					t.Errorf("%s reading %s of the Empoli table's meeting: %v, want %v", role, id, got, want)
				}
			}
			r := clients[role].Post(`query($id: ID!) { node(id: $id) { id } }`, map[string]any{"id": committee.ID})
			if got := len(r.Errors) == 0 && !strings.Contains(string(r.Data), "null"); got != (role != anon) {
				t.Errorf("%s reading the committee's meeting: %v", role, got)
			}
			if role == anon {
				continue
			}
			n := clients[role].Count(`query($w: MeetingWhereInput) { meetings(first: 1, where: $w) { totalCount } }`,
				map[string]any{"w": map[string]any{"hasTableWith": []any{map[string]any{"code": "EMP"}}}})
			if (n > 0) != want {
				t.Errorf("%s counts %d meetings of the Empoli table", role, n)
			}
		}
	})
}
