package backup_test

import (
	"context"
	"crypto/rand"
	"encoding/hex"
	"encoding/json"
	"io"
	"log/slog"
	"net/http"
	"net/http/httptest"
	"net/url"
	"os"
	"os/exec"
	"path/filepath"
	"strings"
	"sync"
	"sync/atomic"
	"testing"
	"time"

	"entgo.io/ent/dialect"

	"github.com/progetto-win/win/domain/gid"
	"github.com/progetto-win/win/ent"
	"github.com/progetto-win/win/ent/organization"
	"github.com/progetto-win/win/ent/schema/rule"
	"github.com/progetto-win/win/server/backup"
	"github.com/progetto-win/win/server/demo"
	"github.com/progetto-win/win/server/store"
	"github.com/progetto-win/win/server/store/storetest"
	"github.com/progetto-win/win/server/web"
	"github.com/progetto-win/win/server/webtest"
)

// newDatabase returns the URL of a new, empty database of the dialect,
// removed when the test ends: an SQLite path not created yet, or a
// database of its own on the PostgreSQL server of storetest.EnvURL
// (pg_dump backs up whole databases).
func newDatabase(t *testing.T, dialectName, name string) string {
	t.Helper()
	if dialectName != dialect.Postgres {
		return filepath.Join(t.TempDir(), name+".db")
	}
	base := os.Getenv(storetest.EnvURL)
	if base == "" {
		t.Skipf("PostgreSQL tests skipped: set %s", storetest.EnvURL)
	}
	for _, tool := range []string{"pg_dump", "pg_restore"} {
		if _, err := exec.LookPath(tool); err != nil {
			t.Skipf("PostgreSQL backup tests skipped: %s is not installed (Debian: postgresql-client)", tool)
		}
	}
	admin, err := store.Open(base)
	if err != nil {
		t.Fatal(err)
	}
	b := make([]byte, 6)
	_, _ = rand.Read(b)
	dbName := "win_backup_test_" + name + "_" + hex.EncodeToString(b)
	if _, err := admin.SQL.Exec("CREATE DATABASE " + dbName); err != nil {
		t.Fatal(err)
	}
	t.Cleanup(func() {
		if _, err := admin.SQL.Exec("DROP DATABASE " + dbName + " WITH (FORCE)"); err != nil {
			t.Errorf("dropping %s: %v", dbName, err)
		}
		_ = admin.Close()
	})
	u, err := url.Parse(base)
	if err != nil {
		t.Fatal(err)
	}
	u.Path = "/" + dbName
	return u.String()
}

// TestBackupDuringWritesRestores backs a database up while transactions
// write organisations and their audit events, restores the backup into a
// new database, and expects there everything committed before the backup
// began, an audit chain that verifies, and a server that answers.
func TestBackupDuringWritesRestores(t *testing.T) {
	if testing.Short() {
		t.Skip("backs up under concurrent writes and restores (about 15 s with PostgreSQL); skipped with -short")
	}
	for _, d := range storetest.Dialects {
		t.Run(d, func(t *testing.T) {
			ctx := rule.SystemContext(context.Background())
			source, target := newDatabase(t, d, "source"), newDatabase(t, d, "target")
			db, err := store.Open(source)
			if err != nil {
				t.Fatal(err)
			}
			defer db.Close()
			if err := db.Migrate(ctx); err != nil {
				t.Fatal(err)
			}
			client := db.Client()
			if _, err := demo.Load(ctx, db, demo.Options{Seed: 7, Cases: 40, Today: time.Now()}); err != nil {
				t.Fatal(err)
			}
			cases := client.CaseFile.Query().CountX(ctx)

			var started, stop atomic.Bool
			var mu sync.Mutex
			var before []gid.ID // organisations committed before the backup began
			var wg sync.WaitGroup
			errs := make(chan error, 4)
			for w := range 4 {
				wg.Add(1)
				go func() {
					defer wg.Done()
					for i := 0; !stop.Load(); i++ {
						var id gid.ID
						err := store.WithTx(ctx, client, func(tx *ent.Client) error {
							org, err := tx.Organization.Create().SetName(strings.Repeat("x", w+1) + time.Now().String()).SetKind(organization.KindOther).Save(ctx)
							if err != nil {
								return err
							}
							id = org.ID
							return tx.AuditEvent.Create().SetAction("CREATE").SetEntityType("Organization").SetEntityID(string(org.ID)).Exec(ctx)
						})
						if err != nil {
							errs <- err
							return
						}
						if !started.Load() {
							mu.Lock()
							before = append(before, id)
							mu.Unlock()
						}
					}
				}()
			}
			time.Sleep(200 * time.Millisecond)
			file := filepath.Join(t.TempDir(), "win.backup")
			started.Store(true)
			backupErr := backup.Backup(ctx, source, file)
			time.Sleep(100 * time.Millisecond) // writes go on after it
			stop.Store(true)
			wg.Wait()
			close(errs)
			for err := range errs {
				t.Fatalf("writing during the backup: %v", err)
			}
			if backupErr != nil {
				t.Fatal(backupErr)
			}
			if len(before) == 0 {
				t.Fatal("no write committed before the backup began: the test proves nothing")
			}
			if info, err := os.Stat(file); err != nil || info.Mode().Perm() != 0o600 {
				t.Fatalf("the backup should be readable by its owner only: %v %v", info.Mode(), err)
			}
			if err := backup.Backup(ctx, source, file); err == nil || !strings.Contains(err.Error(), "exists") {
				t.Errorf("a backup over an existing file: %v, want a refusal", err)
			}

			report, err := backup.Restore(ctx, file, target)
			if err != nil {
				t.Fatal(err)
			}
			if report.Break != nil || report.Events < int64(len(before)) {
				t.Fatalf("the restored audit chain: %d events, break %v; %d written before the backup", report.Events, report.Break, len(before))
			}
			if _, err := backup.Restore(ctx, file, target); err == nil {
				t.Error("a restore into a database with data succeeded")
			}

			restored, err := store.Open(target)
			if err != nil {
				t.Fatal(err)
			}
			defer restored.Close()
			if err := restored.Migrate(ctx); err != nil {
				t.Fatalf("starting on the restored database: %v", err)
			}
			rc := restored.Client()
			if n := rc.Organization.Query().Where(organization.IDIn(before...)).CountX(ctx); n != len(before) {
				t.Errorf("%d of the %d organisations committed before the backup are in it", n, len(before))
			}
			if n := rc.CaseFile.Query().CountX(ctx); n != cases {
				t.Errorf("%d cases restored, %d backed up", n, cases)
			}
			orgs := rc.Organization.Query().CountX(ctx)

			h := web.New(web.Options{Client: rc, Accounts: webtest.Accounts(t, rc), DB: restored, Ping: restored.Ping, Logger: slog.New(slog.NewTextHandler(io.Discard, nil))})
			req := httptest.NewRequest(http.MethodPost, "/graphql", strings.NewReader(`{"query": "{ organizations(first: 1) { totalCount } }"}`))
			req.Header.Set("Content-Type", "application/json")
			rec := httptest.NewRecorder()
			h.ServeHTTP(rec, req)
			var answer struct {
				Data struct{ Organizations struct{ TotalCount int } }
			}
			if err := json.Unmarshal(rec.Body.Bytes(), &answer); err != nil || rec.Code != http.StatusOK || answer.Data.Organizations.TotalCount != orgs {
				t.Fatalf("the server on the restored database answered %d %s, want %d organisations", rec.Code, rec.Body, orgs)
			}
		})
	}
}

// TestRestoreRefusesUnknownBackups: a file that is not a WIN database, or
// one whose schema comes from a newer WIN, is not restored.
func TestRestoreRefusesUnknownBackups(t *testing.T) {
	ctx := context.Background()
	dir := t.TempDir()
	junk := filepath.Join(dir, "junk.backup")
	if err := os.WriteFile(junk, []byte("not a database"), 0o600); err != nil {
		t.Fatal(err)
	}
	if _, err := backup.Restore(ctx, junk, filepath.Join(dir, "a.db")); err == nil {
		t.Error("a file that is not SQLite was restored")
	}

	source := filepath.Join(dir, "source.db")
	db, err := store.Open(source)
	if err != nil {
		t.Fatal(err)
	}
	defer db.Close()
	if err := db.Migrate(ctx); err != nil {
		t.Fatal(err)
	}
	if _, err := db.SQL.Exec("UPDATE schema_migrations SET version = 99991231235959"); err != nil {
		t.Fatal(err)
	}
	newer := filepath.Join(dir, "newer.backup")
	if err := backup.Backup(ctx, source, newer); err != nil {
		t.Fatal(err)
	}
	target := filepath.Join(dir, "b.db")
	if _, err := backup.Restore(ctx, newer, target); err == nil || !strings.Contains(err.Error(), "99991231235959") {
		t.Errorf("a backup from a newer WIN: %v, want a refusal naming its migration", err)
	}
	if _, err := os.Stat(target); err == nil {
		t.Error("a refused restore left a database behind")
	}
}
