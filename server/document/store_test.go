package document

import (
	"context"
	"os"
	"path/filepath"
	"testing"

	"github.com/progetto-win/win/domain/gid"
	"github.com/progetto-win/win/ent"
	"github.com/progetto-win/win/server/store"
	"github.com/progetto-win/win/server/store/storetest"
)

// TestDirectoryFollowsTheTransaction: a directory store's file is there
// once its transaction commits, and not if it rolls back; an erasure
// takes effect at the commit and is undone by a rollback.
func TestDirectoryFollowsTheTransaction(t *testing.T) {
	storetest.Each(t, func(t *testing.T, db *store.DB) {
		dir := Directory{Root: filepath.Join(t.TempDir(), "files")}
		client := db.Client()
		in := func(f func(ctx context.Context, tx *ent.Tx) error, commit bool) {
			t.Helper()
			tx, err := client.Tx(context.Background())
			if err != nil {
				t.Fatal(err)
			}
			if err := f(ent.NewTxContext(context.Background(), tx), tx); err != nil {
				t.Fatal(err)
			}
			if commit {
				err = tx.Commit()
			} else {
				err = tx.Rollback()
			}
			if err != nil {
				t.Fatal(err)
			}
		}
		there := func(id gid.ID) bool {
			_, err := os.Stat(filepath.Join(dir.Root, string(id)))
			return err == nil
		}
		kept, dropped := gid.New("doc"), gid.New("doc")
		put := func(id gid.ID) func(context.Context, *ent.Tx) error {
			return func(ctx context.Context, tx *ent.Tx) error { return dir.Put(ctx, tx.Client(), id, []byte("contenuto")) }
		}
		erase := func(id gid.ID) func(context.Context, *ent.Tx) error {
			return func(ctx context.Context, tx *ent.Tx) error { return dir.Erase(ctx, tx.Client(), id) }
		}
		in(put(kept), true)
		in(put(dropped), false)
		if !there(kept) || there(dropped) {
			t.Fatalf("after a commit and a rollback: kept %v, dropped %v", there(kept), there(dropped))
		}
		in(erase(kept), false)
		if b, err := dir.Get(context.Background(), client, kept); err != nil || string(b) != "contenuto" {
			t.Fatalf("an erasure rolled back lost the file: %q %v", b, err)
		}
		in(erase(kept), true)
		if _, err := dir.Get(context.Background(), client, kept); err != ErrNoContent {
			t.Fatalf("an erasure committed left the file: %v", err)
		}
		if files, _ := os.ReadDir(dir.Root); len(files) != 0 {
			t.Errorf("left behind: %v", files)
		}
		if err := dir.Put(context.Background(), client, gid.New("doc"), []byte("x")); err == nil {
			t.Error("a directory store wrote outside a transaction")
		}
		if _, err := dir.Get(context.Background(), client, "doc_../../etc/passwd"); err == nil || err == ErrNoContent {
			t.Errorf("a path for an ID that is none: %v", err)
		}
	})
}
