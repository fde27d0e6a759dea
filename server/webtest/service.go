package webtest

import (
	"context"
	"testing"

	"github.com/progetto-win/win/domain/viewer"
	"github.com/progetto-win/win/ent"
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
