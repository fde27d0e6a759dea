package main

import (
	"bytes"
	"context"
	"path/filepath"
	"strings"
	"testing"

	"entgo.io/ent/dialect"

	"github.com/progetto-win/win/ent/schema/rule"
	"github.com/progetto-win/win/server/store"
	"github.com/progetto-win/win/server/store/storetest"
)

// databaseURL returns the URL of a fresh, migrated database of the
// dialect, as an operator would pass it to a subcommand.
func databaseURL(t *testing.T, dialectName string) string {
	t.Helper()
	target := filepath.Join(t.TempDir(), "win.db")
	if dialectName == dialect.Postgres {
		target = storetest.PostgresURL(t)
	}
	db, err := store.Open(target)
	if err != nil {
		t.Fatal(err)
	}
	t.Cleanup(func() { _ = db.Close() })
	if err := db.Migrate(context.Background()); err != nil {
		t.Fatal(err)
	}
	ctx := rule.SystemContext(context.Background())
	for range 3 {
		db.Client().AuditEvent.Create().SetAction("LOGIN").ExecX(ctx)
	}
	return target
}

func command(args ...string) (status int, stdout, stderr string) {
	var out, errOut bytes.Buffer
	status = runCommand(args, func(string) string { return "" }, &out, &errOut)
	return status, out.String(), errOut.String()
}

// TestAuditVerifyCommand: `win audit verify` exits 0 on an intact chain
// and 1, naming the event, on an edited one.
func TestAuditVerifyCommand(t *testing.T) {
	for _, d := range storetest.Dialects {
		t.Run(d, func(t *testing.T) {
			target := databaseURL(t, d)
			if status, out, errOut := command("audit", "verify", "-database-url", target); status != 0 || !strings.Contains(out, "3 events verify") {
				t.Fatalf("an intact chain: status %d, %q %q", status, out, errOut)
			}
			db, err := store.Open(target)
			if err != nil {
				t.Fatal(err)
			}
			defer db.Close()
			var id string
			if err := db.SQL.QueryRow("SELECT id FROM audit_events WHERE seq = 2").Scan(&id); err != nil {
				t.Fatal(err)
			}
			if _, err := db.SQL.Exec("UPDATE audit_events SET action = 'LOGOUT' WHERE seq = 2"); err != nil {
				t.Fatal(err)
			}
			status, _, errOut := command("audit", "verify", "-database-url", target)
			if status != 1 || !strings.Contains(errOut, id) || !strings.Contains(errOut, "1 events before it verify") {
				t.Errorf("an edited event: status %d, %q; want 1 naming %s", status, errOut, id)
			}
		})
	}
}

// TestCommandUsage: a subcommand without what it needs says how to call
// it, with status 2, and touches nothing.
func TestCommandUsage(t *testing.T) {
	for _, args := range [][]string{{"backup"}, {"restore", "a", "b"}, {"audit"}, {"audit", "check"}, {"serve"}, {"backup", "-nope", "f"}} {
		if status, _, errOut := command(args...); status != 2 || errOut == "" {
			t.Errorf("win %s: status %d, %q; want 2 with the usage", strings.Join(args, " "), status, errOut)
		}
	}
	if isCommand(nil) || isCommand([]string{"-addr", ":1"}) || !isCommand([]string{"backup"}) {
		t.Error("flags must still start the server, a word a subcommand")
	}
}
