package web_test

import (
	"context"
	"slices"
	"strings"
	"testing"

	"github.com/progetto-win/win/domain"
	"github.com/progetto-win/win/domain/gid"
	"github.com/progetto-win/win/ent"
	"github.com/progetto-win/win/ent/organization"
	"github.com/progetto-win/win/ent/schema/rule"
	"github.com/progetto-win/win/ent/tablemembership"
	"github.com/progetto-win/win/ent/territorialtable"
	"github.com/progetto-win/win/ent/user"
	"github.com/progetto-win/win/server/demo"
	"github.com/progetto-win/win/server/store"
	"github.com/progetto-win/win/server/store/storetest"
	"github.com/progetto-win/win/server/webtest"
)

// TestUserAdministration: the administrator creates an account and sets
// its password; the coordinator of a table adds and removes its members,
// and no other table's.
func TestUserAdministration(t *testing.T) {
	storetest.Each(t, func(t *testing.T, db *store.DB) {
		ctx := rule.SystemContext(context.Background())
		base := webtest.DemoAPI(t, db, 13, 20)
		c := base.Client
		org := c.Organization.Query().Where(organization.Name("Comune di Empoli")).OnlyIDX(ctx)
		admin := webtest.As(t, base, demo.AdminEmail)
		var created struct{ CreateUser struct{ ID, Email string } }
		admin.OK(`mutation($o: ID!) { createUser(input: {email: " Nuova.Operatrice@Demo.example", name: "Nuova Operatrice", organizationID: $o, roles: [OPERATOR]}) { id email } }`,
			map[string]any{"o": org}, &created)
		if created.CreateUser.Email != "nuova.operatrice@demo.example" {
			t.Errorf("e-mail stored as %q", created.CreateUser.Email)
		}
		var ok struct{ SetUserPassword bool }
		admin.OK(`mutation($id: ID!) { setUserPassword(id: $id, password: "una-password-nuova") }`, map[string]any{"id": created.CreateUser.ID}, &ok)
		if r := admin.Post(`mutation($id: ID!) { setUserPassword(id: $id, password: "password1234") }`, map[string]any{"id": created.CreateUser.ID}); r.Code() != "BAD_USER_INPUT" {
			t.Errorf("a common password was accepted: %s", r.Raw)
		}
		newcomer := &webtest.API{T: t, Handler: base.Handler, Client: c}
		if r := newcomer.Post(webtest.LoginMutation, map[string]any{"e": "nuova.operatrice@demo.example", "p": "una-password-nuova"}); len(r.Errors) > 0 {
			t.Fatalf("the new user cannot sign in: %s", r.Raw)
		}

		coordinator := webtest.As(t, base, demo.CoordinatorEmail)
		table := func(code string) string {
			return string(c.TerritorialTable.Query().Where(territorialtable.Code(code)).OnlyIDX(ctx))
		}
		add := `mutation($t: ID!, $u: ID!, $o: ID!) { addTableMember(input: {tableID: $t, userID: $u, organizationID: $o,
			profession: SOCIAL_WORKER, joinedOn: "2026-01-01"}) { id } }`
		vars := map[string]any{"u": created.CreateUser.ID, "o": org}
		vars["t"] = table("VIN")
		if r := coordinator.Post(add, vars); r.Code() != "FORBIDDEN" {
			t.Errorf("the Empoli coordinator adds to the Vinci table: %s", r.Raw)
		}
		vars["t"] = table("EMP")
		var added struct{ AddTableMember struct{ ID string } }
		coordinator.OK(add, vars, &added)
		member := tablemembership.HasUserWith(user.ID(c.User.Query().Where(user.Email("nuova.operatrice@demo.example")).OnlyIDX(ctx)))
		if n := c.TableMembership.Query().Where(member).CountX(ctx); n != 1 {
			t.Fatalf("memberships of the new user: %d", n)
		}
		vinciMember := c.TableMembership.Query().Where(tablemembership.HasTableWith(territorialtable.Code("VIN"))).FirstIDX(ctx)
		if r := coordinator.Post(`mutation($id: ID!) { removeTableMember(id: $id) }`, map[string]any{"id": vinciMember}); r.Code() != "FORBIDDEN" {
			t.Errorf("the Empoli coordinator removes a Vinci member: %s", r.Raw)
		}
		var removed struct{ RemoveTableMember bool }
		coordinator.OK(`mutation($id: ID!) { removeTableMember(id: $id) }`, map[string]any{"id": added.AddTableMember.ID}, &removed)
		if c.TableMembership.Query().Where(member).ExistX(ctx) {
			t.Error("the membership survived its removal")
		}
		if r := webtest.As(t, base, demo.OperatorEmail).Post(add, vars); r.Code() != "FORBIDDEN" {
			t.Errorf("an operator adds members: %s", r.Raw)
		}
	})
}

// userPage is a page of the users list.
type userPage struct {
	TotalCount int
	PageInfo   pageInfo
	Edges      []struct {
		Node struct {
			ID           gid.ID
			Email, Name  string
			Disabled     bool
			Organization struct{ Name string }
		}
	}
}

func (p userPage) ids() []gid.ID {
	var out []gid.ID
	for _, e := range p.Edges {
		out = append(out, e.Node.ID)
	}
	return out
}

const listUsers = `query($w: UserWhereInput, $first: Int, $after: Cursor) { users(first: $first, after: $after, where: $w,
	orderBy: [{field: NAME}, {field: EMAIL}]) { totalCount pageInfo { hasNextPage endCursor }
	edges { node { id email name disabled organization { name } } } } }`

// TestUserDirectory: the administrator lists and searches every user,
// disabled ones included, by name, e-mail and organisation, page by page.
// Another viewer lists only the accounts of the people they work with
// (rule.ScopeUsers): their organisation's, their tables', the tables'
// coordinators and the committee, not someone of another body who sits
// at no table of theirs, whose e-mail they cannot even test for; each
// entry is one node(id:) also returns; nobody signed out lists anyone.
func TestUserDirectory(t *testing.T) {
	storetest.Each(t, func(t *testing.T, db *store.DB) {
		ctx := rule.SystemContext(context.Background())
		base := webtest.DemoAPI(t, db, 13, 20)
		c := base.Client
		empoli := c.Organization.Query().Where(organization.Name("Comune di Empoli")).OnlyX(ctx)
		gone := c.User.Create().SetEmail("ex.operatrice@demo.example").SetName("Ex Operatrice").SetOrganization(empoli).
			SetRoles([]domain.Role{domain.RoleOperator}).SetDisabled(true).SaveX(ctx)
		everyone := c.User.Query().Order(ent.Asc(user.FieldName), ent.Asc(user.FieldEmail)).IDsX(ctx)
		admin := webtest.As(t, base, demo.AdminEmail)

		// Every user, a page of 3 at a time, in the order asked.
		var got []gid.ID
		vars := map[string]any{"first": 3}
		for pages := 0; ; pages++ {
			var p struct{ Users userPage }
			admin.OK(listUsers, vars, &p)
			if p.Users.TotalCount != len(everyone) {
				t.Fatalf("totalCount %d, want %d", p.Users.TotalCount, len(everyone))
			}
			got = append(got, p.Users.ids()...)
			if !p.Users.PageInfo.HasNextPage || pages > len(everyone) {
				break
			}
			vars["after"] = *p.Users.PageInfo.EndCursor
		}
		if !slices.Equal(got, everyone) {
			t.Errorf("the administrator lists\n%v\nwant every user by name\n%v", got, everyone)
		}
		// Searches: a name in any case, an organisation's active users.
		coordinator := c.User.Query().Where(user.Email(demo.CoordinatorEmail)).OnlyX(ctx)
		part := strings.ToUpper(strings.Fields(coordinator.Name)[0])
		var byName struct{ Users userPage }
		admin.OK(listUsers, map[string]any{"first": 100, "w": map[string]any{"nameContainsFold": part}}, &byName)
		wantByName := c.User.Query().Where(user.NameContainsFold(part)).Order(ent.Asc(user.FieldName), ent.Asc(user.FieldEmail)).IDsX(ctx)
		if !slices.Equal(byName.Users.ids(), wantByName) || !slices.Contains(wantByName, coordinator.ID) {
			t.Errorf("users named like %q: %v, want %v", part, byName.Users.ids(), wantByName)
		}
		var active struct{ Users userPage }
		admin.OK(listUsers, map[string]any{"first": 100, "w": map[string]any{"disabled": false,
			"hasOrganizationWith": []map[string]any{{"name": "Comune di Empoli"}}}}, &active)
		wantActive := c.User.Query().Where(user.Disabled(false), user.HasOrganizationWith(organization.ID(empoli.ID))).
			Order(ent.Asc(user.FieldName), ent.Asc(user.FieldEmail)).IDsX(ctx)
		if len(wantActive) == 0 || !slices.Equal(active.Users.ids(), wantActive) || slices.Contains(active.Users.ids(), gone.ID) {
			t.Errorf("active users of Comune di Empoli: %v, want %v", active.Users.ids(), wantActive)
		}
		for _, e := range active.Users.Edges {
			if e.Node.Organization.Name != "Comune di Empoli" || e.Node.Disabled {
				t.Errorf("%s of %s, disabled %v, in the active users of Comune di Empoli", e.Node.Email, e.Node.Organization.Name, e.Node.Disabled)
			}
		}

		// Another viewer: the people they work with.
		other := c.Organization.Create().SetName("Associazione estranea").SetKind(organization.KindThirdSector).SaveX(ctx)
		stranger := c.User.Create().SetEmail("estranea@demo.example").SetName("Aa Estranea").SetOrganization(other).
			SetRoles([]domain.Role{domain.RoleOperator}).SaveX(ctx)
		operator := webtest.As(t, base, demo.OperatorEmail)
		var seen struct{ Users userPage }
		operator.OK(listUsers, map[string]any{"first": 100}, &seen)
		me := c.User.Query().Where(user.Email(demo.OperatorEmail)).OnlyX(ctx)
		colleague := c.User.Query().Where(user.HasOrganizationWith(organization.ID(empoli.ID)), user.IDNEQ(me.ID)).FirstX(ctx)
		for _, want := range []*ent.User{me, colleague, coordinator} {
			if !slices.Contains(seen.Users.ids(), want.ID) {
				t.Errorf("the operator does not list %s, whom they work with", want.Email)
			}
		}
		if slices.Contains(seen.Users.ids(), stranger.ID) || len(seen.Users.ids()) >= len(everyone) {
			t.Errorf("the operator lists %d of %d users, the stranger of another body included: %v", len(seen.Users.ids()), len(everyone)+1, slices.Contains(seen.Users.ids(), stranger.ID))
		}
		if n := operator.Count(`query($w: UserWhereInput) { users(first: 1, where: $w) { totalCount } }`,
			map[string]any{"w": map[string]any{"email": stranger.Email}}); n != 0 {
			t.Errorf("the operator finds the stranger's e-mail: %d", n)
		}
		for _, id := range seen.Users.ids()[:3] {
			var out struct{ Node *struct{ ID gid.ID } }
			if operator.OK(`query($id: ID!) { node(id: $id) { id } }`, map[string]any{"id": id}, &out); out.Node == nil {
				t.Errorf("the operator lists %s but cannot read it", id)
			}
		}
		anonymous := &webtest.API{T: t, Handler: base.Handler, Client: c}
		if r := anonymous.Post(listUsers, map[string]any{"first": 10}); r.Code() != "UNAUTHENTICATED" {
			t.Errorf("listing users signed out: %s", r.Raw)
		}
	})
}
