package web_test

import (
	"context"
	"encoding/json"
	"strings"
	"testing"

	"github.com/progetto-win/win/ent"
	"github.com/progetto-win/win/ent/auditevent"
	"github.com/progetto-win/win/ent/schema/rule"
	"github.com/progetto-win/win/server/store"
	"github.com/progetto-win/win/server/store/storetest"
	"github.com/progetto-win/win/server/webtest"
)

// lastChange returns the changes recorded by the latest audit event of
// an action on an object.
func lastChange(t *testing.T, c *ent.Client, action string, id any) map[string]struct{ Before, After any } {
	t.Helper()
	ev, err := c.AuditEvent.Query().Where(auditevent.Action(action), auditevent.EntityID(toString(id))).
		Order(ent.Desc(auditevent.FieldOccurredAt)).First(rule.SystemContext(context.Background()))
	if err != nil {
		t.Fatalf("no %s event for %v: %v", action, id, err)
	}
	out := map[string]struct{ Before, After any }{}
	if err := json.Unmarshal([]byte(ev.Changes), &out); err != nil {
		t.Fatalf("changes %q: %v", ev.Changes, err)
	}
	return out
}

func toString(id any) string {
	b, _ := json.Marshal(id)
	return strings.Trim(string(b), `"`)
}

// TestNoSelfGrant: an administrator cannot give themselves a role, a seat
// at a table or a table to coordinate — another administrator can — and
// can give rights up; every change is audited with its before and after
// values, and no password hash reaches the log.
func TestNoSelfGrant(t *testing.T) {
	storetest.Each(t, func(t *testing.T, db *store.DB) {
		f := webtest.SeedOneOfEach(t, db.Client())
		self := webtest.NewAPI(t, db) // ADMIN and STEERING
		other := otherAdmin(t, self)
		forbidden := func(what string, r webtest.Response) {
			t.Helper()
			if r.Code() != "FORBIDDEN" || !strings.Contains(r.Errors[0].Message, "another administrator") {
				t.Errorf("%s: %s", what, r.Raw)
			}
		}
		updateRoles := `mutation($id: ID!, $r: [Role!]) { updateUser(id: $id, input: {roles: $r}) { roles } }`
		forbidden("a role to oneself", self.Post(updateRoles, map[string]any{"id": self.UserID, "r": []string{"ADMIN", "STEERING", "ANALYST"}}))
		// entgql's generated input appends roles (nil) instead of
		// appendRoles, so this is refused or does nothing; either way no
		// role is gained.
		self.Post(`mutation($id: ID!) { updateUser(id: $id, input: {appendRoles: [ANALYST]}) { id } }`, map[string]any{"id": self.UserID})
		if u := self.Client.User.GetX(rule.SystemContext(context.Background()), self.UserID); len(u.Roles) != 2 {
			t.Errorf("appending a role to oneself: %v", u.Roles)
		}
		var out map[string]any
		self.OK(updateRoles, map[string]any{"id": self.UserID, "r": []string{"ADMIN"}}, &out) // giving one up
		other.OK(updateRoles, map[string]any{"id": self.UserID, "r": []string{"ADMIN", "ANALYST"}}, &out)
		roles := lastChange(t, self.Client, "UPDATE", self.UserID)["roles"]
		if toString(roles.Before) != `["ADMIN"]` || toString(roles.After) != `["ADMIN","ANALYST"]` {
			t.Errorf("roles change audited as %+v", roles)
		}

		seat := `mutation($t: ID!, $u: ID!, $o: ID!) { addTableMember(input: {tableID: $t, userID: $u, organizationID: $o,
			profession: OTHER, joinedOn: "2026-01-01"}) { id } }`
		org := self.Client.User.GetX(rule.SystemContext(context.Background()), self.UserID).QueryOrganization().OnlyIDX(rule.SystemContext(context.Background()))
		vars := map[string]any{"t": f["Table"], "u": self.UserID, "o": org}
		forbidden("a seat for oneself", self.Post(seat, vars))
		var added struct{ AddTableMember struct{ ID string } }
		other.OK(seat, vars, &added)
		if c := lastChange(t, self.Client, "CREATE", added.AddTableMember.ID); c["userID"].After != string(self.UserID) || c["tableID"].After != string(f["Table"]) || c["profession"].After != "OTHER" {
			t.Errorf("seat audited as %+v", c)
		}
		forbidden("coordinating a table", self.Post(`mutation($id: ID!, $u: ID!) { updateTable(id: $id, input: {coordinatorID: $u}) { id } }`, map[string]any{"id": f["Table"], "u": self.UserID}))
		var removed struct{ RemoveTableMember bool }
		self.OK(`mutation($id: ID!) { removeTableMember(id: $id) }`, map[string]any{"id": added.AddTableMember.ID}, &removed) // leaving
		if c := lastChange(t, self.Client, "DELETE", added.AddTableMember.ID); c["userID"].Before != string(self.UserID) || c["userID"].After != nil {
			t.Errorf("seat removal audited as %+v", c)
		}

		var set struct{ SetUserPassword bool }
		other.OK(`mutation($id: ID!) { setUserPassword(id: $id, password: "una-password-nuova") }`, map[string]any{"id": f["User"]}, &set)
		if c := lastChange(t, self.Client, "UPDATE", f["User"]); c["passwordChangedAt"].After == nil {
			t.Errorf("password reset audited as %+v", c)
		}
		ctx := rule.SystemContext(context.Background())
		for _, ev := range self.Client.AuditEvent.Query().AllX(ctx) {
			if strings.Contains(ev.Changes, "argon2") || strings.Contains(ev.Changes, "una-password-nuova") {
				t.Errorf("a password reached the audit log: %s", ev.Changes)
			}
		}
	})
}
