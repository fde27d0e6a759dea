package webtest

import (
	"context"
	"testing"

	"github.com/progetto-win/win/domain"
	"github.com/progetto-win/win/domain/viewer"
	"github.com/progetto-win/win/ent"
	"github.com/progetto-win/win/ent/schema/rule"
	"github.com/progetto-win/win/server/auth"
	"github.com/progetto-win/win/server/demo"
)

// ViewerOf signs a demo account in through the auth service, as the API
// does, and returns its viewer: for tests that call services directly.
func ViewerOf(t *testing.T, c *ent.Client, email string) *viewer.Viewer {
	t.Helper()
	v, _, err := auth.New(c).Login(context.Background(), email, demo.Password, auth.Request{ClientAddress: "192.0.2.10"})
	if err != nil {
		t.Fatalf("%s cannot sign in: %v", email, err)
	}
	return v
}

// Mutate runs f as v in a transaction of c, as the API runs a mutation
// (viewer and transaction in the context): committed if f succeeds,
// rolled back if it fails. It returns f's error.
func Mutate(t *testing.T, c *ent.Client, v *viewer.Viewer, f func(ctx context.Context) error) error {
	t.Helper()
	ctx := viewer.NewContext(context.Background(), v)
	tx, err := c.Tx(ctx)
	if err != nil {
		t.Fatal(err)
	}
	ctx = ent.NewContext(ent.NewTxContext(ctx, tx), tx.Client())
	if err := f(ctx); err != nil {
		if rerr := tx.Rollback(); rerr != nil {
			t.Fatal(rerr)
		}
		return err
	}
	if err := tx.Commit(); err != nil {
		t.Fatal(err)
	}
	return nil
}

// Staff creates a user of the fixture's organisation with the roles and
// returns the viewer a session of theirs would carry, and the same viewer
// through a read-only token: for tests that call services as a role.
func Staff(t *testing.T, c *ent.Client, f Fixture, email string, roles ...domain.Role) (readWrite, readOnly *viewer.Viewer) {
	t.Helper()
	u, err := c.User.Create().SetEmail(email).SetName(email).SetOrganizationID(f["Organization"]).
		SetRoles(roles).Save(rule.SystemContext(context.Background()))
	if err != nil {
		t.Fatal(err)
	}
	readWrite = &viewer.Viewer{UserID: u.ID, OrganizationID: f["Organization"], Roles: u.Roles}
	readOnly = &viewer.Viewer{UserID: u.ID, OrganizationID: f["Organization"], Roles: u.Roles, ReadOnly: true}
	return readWrite, readOnly
}
