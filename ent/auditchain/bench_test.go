package auditchain_test

import (
	"context"
	"crypto/rand"
	"encoding/hex"
	"testing"
	"time"

	"github.com/progetto-win/win/ent"
	"github.com/progetto-win/win/ent/schema/rule"
	"github.com/progetto-win/win/server/store"
	"github.com/progetto-win/win/server/store/storetest"
)

// BenchmarkAuditedTransaction measures what joining the chain costs a
// transaction that writes one audit event, from parallel writers: "chained"
// writes it through ent (sealed at commit, under the chain's lock),
// "unchained" inserts the same row by SQL, which the chain never sees.
// The difference is the chain's overhead. On a shared machine the figures
// vary from run to run: compare them within one run.
func BenchmarkAuditedTransaction(b *testing.B) {
	for _, d := range storetest.Dialects {
		b.Run(d+"/chained", func(b *testing.B) {
			client := storetest.Open(b, d).Client()
			ctx := rule.SystemContext(context.Background())
			b.RunParallel(func(pb *testing.PB) {
				for pb.Next() {
					err := store.WithTx(ctx, client, func(tx *ent.Client) error {
						return tx.AuditEvent.Create().SetAction("READ_IDENTITY").SetEntityType("PersonIdentity").SetEntityID("pid_bench").Exec(ctx)
					})
					if err != nil {
						b.Fatal(err)
					}
				}
			})
		})
		b.Run(d+"/unchained", func(b *testing.B) {
			db := storetest.Open(b, d)
			insert := placeholders(db, "INSERT INTO audit_events (id, occurred_at, action, entity_type, entity_id) VALUES (?, ?, 'READ_IDENTITY', 'PersonIdentity', 'pid_bench')")
			b.RunParallel(func(pb *testing.PB) {
				for pb.Next() {
					id := make([]byte, 16)
					_, _ = rand.Read(id)
					tx, err := db.SQL.Begin()
					if err == nil {
						if _, err = tx.Exec(insert, "aud_"+hex.EncodeToString(id), time.Now()); err == nil {
							err = tx.Commit()
						}
					}
					if err != nil {
						b.Fatal(err)
					}
				}
			})
		})
	}
}
