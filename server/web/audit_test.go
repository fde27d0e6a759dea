package web_test

import (
	"context"
	"testing"

	"github.com/progetto-win/win/ent/auditevent"
	"github.com/progetto-win/win/ent/casefile"
	"github.com/progetto-win/win/ent/schema/rule"
	"github.com/progetto-win/win/ent/territorialtable"
	"github.com/progetto-win/win/server/demo"
	"github.com/progetto-win/win/server/store"
	"github.com/progetto-win/win/server/store/storetest"
	"github.com/progetto-win/win/server/webtest"
)

// TestAudit checks that each identity read and each mutation leaves
// exactly one event, and a refused mutation none, nor any data.
func TestAudit(t *testing.T) {
	storetest.Each(t, func(t *testing.T, db *store.DB) {
		ctx := rule.SystemContext(context.Background())
		base := webtest.DemoAPI(t, db, 5, 60)
		client := base.Client
		if n := client.AuditEvent.Query().CountX(ctx); n != 0 {
			t.Fatalf("the demo load, system work, left %d audit events", n)
		}
		events := func(action string) int {
			return client.AuditEvent.Query().Where(auditevent.Action(action)).CountX(ctx)
		}

		operator := webtest.As(t, base, demo.OperatorEmail)
		open := client.CaseFile.Query().Where(casefile.HasTableWith(territorialtable.Code("EMP")),
			casefile.StatusIn(casefile.StatusInCharge, casefile.StatusMonitoring)).WithPerson().FirstX(ctx)
		identity := open.Edges.Person.QueryIdentity().OnlyIDX(ctx)
		q := `query($id: ID!) { node(id: $id) { ... on Case { person { identity { lastName taxCode } } } } }`
		for range 2 {
			var out struct {
				Node struct {
					Person struct{ Identity *struct{ LastName string } }
				}
			}
			operator.OK(q, map[string]any{"id": open.ID}, &out)
			if out.Node.Person.Identity == nil {
				t.Fatal("the operator cannot read the identity")
			}
		}
		reads := client.AuditEvent.Query().Where(auditevent.Action("READ_IDENTITY")).WithActor().AllX(ctx)
		if len(reads) != 2 || reads[0].EntityID != string(identity) || reads[0].Edges.Actor.Email != demo.OperatorEmail ||
			reads[0].RequestID == "" || reads[0].ClientAddress == "" {
			t.Fatalf("identity reads audited: %+v", reads)
		}
		// Counting or listing without identities reads none.
		operator.Count(`{ persons(first: 0) { totalCount } }`, nil)
		steering := webtest.As(t, base, demo.SteeringEmail)
		var pseudo struct {
			Node struct {
				Person struct{ Identity *struct{ LastName string } }
			}
		}
		steering.OK(q, map[string]any{"id": open.ID}, &pseudo)
		if pseudo.Node.Person.Identity != nil || events("READ_IDENTITY") != 2 {
			t.Errorf("steering read an identity, or a denied read was audited as one: %d", events("READ_IDENTITY"))
		}

		admin := webtest.As(t, base, demo.AdminEmail)
		var created struct{ CreateMunicipality struct{ ID string } }
		admin.OK(`mutation { createMunicipality(input: {name: "Comune di Prova", istatCode: "048999", population: 10}) { id } }`, nil, &created)
		ev := client.AuditEvent.Query().Where(auditevent.Action("CREATE")).WithActor().WithOrganization().AllX(ctx)
		if len(ev) != 1 || ev[0].EntityType != "Municipality" || ev[0].EntityID != created.CreateMunicipality.ID ||
			ev[0].Edges.Actor.Email != demo.AdminEmail || ev[0].Edges.Organization == nil {
			t.Fatalf("create audited: %+v", ev)
		}
		before := client.Municipality.Query().CountX(ctx)
		if r := admin.Post(`mutation { createMunicipality(input: {name: "Comune di Prova", istatCode: "048998", population: 10}) { id } }`, nil); r.Code() != "CONFLICT" {
			t.Fatalf("duplicate: %s", r.Raw)
		}
		if events("CREATE") != 1 || client.Municipality.Query().CountX(ctx) != before {
			t.Error("a refused mutation left an event or data")
		}

		// The log is the administrator's: others are refused.
		var log struct{ AuditEvents struct{ TotalCount int } }
		admin.OK(`{ auditEvents(first: 0, where: {action: "READ_IDENTITY"}) { totalCount } }`, nil, &log)
		if log.AuditEvents.TotalCount != 2 {
			t.Errorf("admin lists %d identity reads", log.AuditEvents.TotalCount)
		}
		if r := operator.Post(`{ auditEvents(first: 1) { totalCount } }`, nil); r.Code() != "FORBIDDEN" {
			t.Errorf("operator reads the log: %s", r.Raw)
		}
	})
}
