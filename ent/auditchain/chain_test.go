package auditchain_test

import (
	"context"
	"fmt"
	"sync"
	"testing"
	"time"

	"entgo.io/ent/dialect"

	"github.com/progetto-win/win/ent"
	"github.com/progetto-win/win/ent/auditchain"
	"github.com/progetto-win/win/ent/schema/rule"
	"github.com/progetto-win/win/server/store"
	"github.com/progetto-win/win/server/store/storetest"
)

// record writes n audit events: the odd ones alone (each then gets a
// transaction of its own), the even ones in one transaction.
func record(t testing.TB, client *ent.Client, n int) {
	t.Helper()
	ctx := rule.SystemContext(context.Background())
	for i := 0; i < n; i += 2 {
		client.AuditEvent.Create().SetAction("READ_IDENTITY").SetEntityType("PersonIdentity").
			SetEntityID(fmt.Sprintf("pid_%d", i)).SetClientAddress("192.0.2.1").ExecX(ctx)
		if i+1 == n {
			break
		}
		err := store.WithTx(ctx, client, func(tx *ent.Client) error {
			return tx.AuditEvent.Create().SetAction("UPDATE").SetEntityType("Case").
				SetEntityID(fmt.Sprintf("cas_%d", i)).SetChanges(`{"status": {"before": "REFERRED", "after": "IN_CHARGE"}}`).Exec(ctx)
		})
		if err != nil {
			t.Fatal(err)
		}
	}
}

// eventAt returns the ID of the event at a position of the chain.
func eventAt(t *testing.T, db *store.DB, seq int) string {
	t.Helper()
	var id string
	if err := db.SQL.QueryRow(placeholders(db, "SELECT id FROM audit_events WHERE seq = ?"), seq).Scan(&id); err != nil {
		t.Fatal(err)
	}
	return id
}

// exec runs a statement as someone with access to the database would.
func exec(t *testing.T, db *store.DB, query string, args ...any) {
	t.Helper()
	if _, err := db.SQL.Exec(query, args...); err != nil {
		t.Fatal(err)
	}
}

func placeholders(db *store.DB, query string) string {
	if db.Dialect != dialect.Postgres {
		return query
	}
	out, n := []byte{}, 0
	for i := 0; i < len(query); i++ {
		if query[i] == '?' {
			n++
			out = fmt.Appendf(out, "$%d", n)
			continue
		}
		out = append(out, query[i])
	}
	return string(out)
}

func verify(t *testing.T, db *store.DB) auditchain.Report {
	t.Helper()
	r, err := auditchain.Verify(context.Background(), db.SQL)
	if err != nil {
		t.Fatal(err)
	}
	return r
}

func TestChainVerifies(t *testing.T) {
	storetest.Each(t, func(t *testing.T, db *store.DB) {
		record(t, db.Client(), 7)
		r := verify(t, db)
		if r.Break != nil || r.Events != 7 || len(r.Head) != 64 {
			t.Fatalf("a chain of 7 untouched events: %+v, break %v", r, r.Break)
		}
	})
}

// TestChainFindsTampering edits, deletes and forges rows by SQL, as
// someone with access to the database would, and expects Verify to name
// the event where the chain breaks.
func TestChainFindsTampering(t *testing.T) {
	for _, d := range storetest.Dialects {
		t.Run(d, func(t *testing.T) {
			for _, c := range []struct {
				name   string
				tamper func(db *store.DB) (want string)
				seq    int64
			}{
				{"edited", func(db *store.DB) string {
					exec(t, db, placeholders(db, "UPDATE audit_events SET client_address = ? WHERE seq = 3"), "198.51.100.9")
					return eventAt(t, db, 3)
				}, 3},
				{"edited with a new hash", func(db *store.DB) string {
					exec(t, db, "UPDATE audit_events SET action = 'LOGIN', hash = '"+fmt.Sprintf("%064x", 1)+"' WHERE seq = 2")
					return eventAt(t, db, 2)
				}, 2},
				{"deleted", func(db *store.DB) string {
					next := eventAt(t, db, 4)
					exec(t, db, "DELETE FROM audit_events WHERE seq = 3")
					return next
				}, 4},
				{"forged outside the chain", func(db *store.DB) string {
					exec(t, db, placeholders(db, "INSERT INTO audit_events (id, occurred_at, action) VALUES (?, ?, 'READ_IDENTITY')"), "aud_forged", time.Now())
					return "aud_forged"
				}, 0},
				{"forged at the end of the chain", func(db *store.DB) string {
					exec(t, db, placeholders(db, "INSERT INTO audit_events (id, occurred_at, action, seq, hash) VALUES (?, ?, 'LOGIN', 6, ?)"),
						"aud_forged", time.Now(), fmt.Sprintf("%064x", 6))
					return "aud_forged"
				}, 6},
			} {
				t.Run(c.name, func(t *testing.T) {
					db := storetest.Open(t, d)
					record(t, db.Client(), 5)
					if r := verify(t, db); r.Break != nil || r.Events != 5 {
						t.Fatalf("before tampering: %+v", r)
					}
					want := c.tamper(db)
					r := verify(t, db)
					if r.Break == nil {
						t.Fatalf("the chain verifies after a row was %s", c.name)
					}
					if r.Break.ID != want || r.Break.Seq != c.seq {
						t.Errorf("break found at %s (position %d), want %s (position %d): %v", r.Break.ID, r.Break.Seq, want, c.seq, r.Break)
					}
				})
			}
		})
	}
}

// TestChainStaysLinearUnderConcurrency writes events from concurrent
// transactions, which also update a shared row as the pathway's steps
// do: no two may chain to the same predecessor, and none may deadlock.
func TestChainStaysLinearUnderConcurrency(t *testing.T) {
	storetest.Each(t, func(t *testing.T, db *store.DB) {
		client := db.Client()
		ctx := rule.SystemContext(context.Background())
		org := client.Organization.Create().SetName("Ente").SetKind("OTHER").SaveX(ctx)
		const writers, each = 8, 10
		var wg sync.WaitGroup
		errs := make(chan error, writers*each)
		for w := range writers {
			wg.Add(1)
			go func() {
				defer wg.Done()
				for i := range each {
					errs <- store.WithTx(ctx, client, func(tx *ent.Client) error {
						if err := tx.Organization.UpdateOneID(org.ID).SetName(fmt.Sprintf("Ente %d-%d", w, i)).Exec(ctx); err != nil {
							return err
						}
						for range 2 {
							if err := tx.AuditEvent.Create().SetAction("UPDATE").SetEntityType("Organization").SetEntityID(string(org.ID)).Exec(ctx); err != nil {
								return err
							}
						}
						return nil
					})
				}
			}()
		}
		wg.Wait()
		close(errs)
		for err := range errs {
			if err != nil {
				t.Fatal(err)
			}
		}
		if r := verify(t, db); r.Break != nil || r.Events != writers*each*2 {
			t.Fatalf("after %d concurrent transactions of 2 events: %+v, break %v", writers*each, r, r.Break)
		}
	})
}

// TestUnsealedEventsAreSealedAtStart: events from before the chain, or
// left by a crash between their commit and their seal, join the chain
// when the server migrates at start.
func TestUnsealedEventsAreSealedAtStart(t *testing.T) {
	storetest.Each(t, func(t *testing.T, db *store.DB) {
		record(t, db.Client(), 3)
		exec(t, db, "UPDATE audit_events SET seq = NULL, hash = NULL")
		if r := verify(t, db); r.Break == nil {
			t.Fatal("events outside the chain verify")
		}
		if err := db.Migrate(context.Background()); err != nil {
			t.Fatal(err)
		}
		if r := verify(t, db); r.Break != nil || r.Events != 3 {
			t.Fatalf("after start: %+v, break %v", r, r.Break)
		}
	})
}
