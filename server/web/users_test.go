package web_test

import (
	"context"
	"testing"

	"github.com/progetto-win/win/ent/organization"
	"github.com/progetto-win/win/ent/schema/rule"
	"github.com/progetto-win/win/ent/tablemembership"
	"github.com/progetto-win/win/ent/territorialtable"
	"github.com/progetto-win/win/ent/user"
	"github.com/progetto-win/win/server/demo"
	"github.com/progetto-win/win/server/store"
	"github.com/progetto-win/win/server/store/storetest"
)

// TestUserAdministration: the administrator creates an account and sets
// its password; the coordinator of a table adds and removes its members,
// and no other table's.
func TestUserAdministration(t *testing.T) {
	storetest.Each(t, func(t *testing.T, db *store.DB) {
		ctx := rule.SystemContext(context.Background())
		base := demoAPI(t, db, 13, 20)
		c := base.client
		org := c.Organization.Query().Where(organization.Name("Comune di Empoli")).OnlyIDX(ctx)
		admin := as(t, base, demo.AdminEmail)
		var created struct{ CreateUser struct{ ID, Email string } }
		admin.ok(`mutation($o: ID!) { createUser(input: {email: " Nuova.Operatrice@Demo.example", name: "Nuova Operatrice", organizationID: $o, roles: [OPERATOR]}) { id email } }`,
			map[string]any{"o": org}, &created)
		if created.CreateUser.Email != "nuova.operatrice@demo.example" {
			t.Errorf("e-mail stored as %q", created.CreateUser.Email)
		}
		var ok struct{ SetUserPassword bool }
		admin.ok(`mutation($id: ID!) { setUserPassword(id: $id, password: "una-password-nuova") }`, map[string]any{"id": created.CreateUser.ID}, &ok)
		if r := admin.post(`mutation($id: ID!) { setUserPassword(id: $id, password: "password1234") }`, map[string]any{"id": created.CreateUser.ID}); r.code() != "BAD_USER_INPUT" {
			t.Errorf("a common password was accepted: %s", r.Raw)
		}
		newcomer := &api{t: t, handler: base.handler, client: c}
		if r := newcomer.post(loginMutation, map[string]any{"e": "nuova.operatrice@demo.example", "p": "una-password-nuova"}); len(r.Errors) > 0 {
			t.Fatalf("the new user cannot sign in: %s", r.Raw)
		}

		coordinator := as(t, base, demo.CoordinatorEmail)
		table := func(code string) string {
			return string(c.TerritorialTable.Query().Where(territorialtable.Code(code)).OnlyIDX(ctx))
		}
		add := `mutation($t: ID!, $u: ID!, $o: ID!) { addTableMember(input: {tableID: $t, userID: $u, organizationID: $o,
			profession: SOCIAL_WORKER, joinedOn: "2026-01-01T00:00:00Z"}) { id } }`
		vars := map[string]any{"u": created.CreateUser.ID, "o": org}
		vars["t"] = table("VIN")
		if r := coordinator.post(add, vars); r.code() != "FORBIDDEN" {
			t.Errorf("the Empoli coordinator adds to the Vinci table: %s", r.Raw)
		}
		vars["t"] = table("EMP")
		var added struct{ AddTableMember struct{ ID string } }
		coordinator.ok(add, vars, &added)
		member := tablemembership.HasUserWith(user.ID(c.User.Query().Where(user.Email("nuova.operatrice@demo.example")).OnlyIDX(ctx)))
		if n := c.TableMembership.Query().Where(member).CountX(ctx); n != 1 {
			t.Fatalf("memberships of the new user: %d", n)
		}
		vinciMember := c.TableMembership.Query().Where(tablemembership.HasTableWith(territorialtable.Code("VIN"))).FirstIDX(ctx)
		if r := coordinator.post(`mutation($id: ID!) { removeTableMember(id: $id) }`, map[string]any{"id": vinciMember}); r.code() != "FORBIDDEN" {
			t.Errorf("the Empoli coordinator removes a Vinci member: %s", r.Raw)
		}
		var removed struct{ RemoveTableMember bool }
		coordinator.ok(`mutation($id: ID!) { removeTableMember(id: $id) }`, map[string]any{"id": added.AddTableMember.ID}, &removed)
		if c.TableMembership.Query().Where(member).ExistX(ctx) {
			t.Error("the membership survived its removal")
		}
		if r := as(t, base, demo.OperatorEmail).post(add, vars); r.code() != "FORBIDDEN" {
			t.Errorf("an operator adds members: %s", r.Raw)
		}
	})
}
