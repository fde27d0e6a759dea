package document

import (
	"context"
	"errors"
	"fmt"
	"io/fs"
	"os"
	"path/filepath"
	"regexp"

	"github.com/progetto-win/win/domain/gid"
	"github.com/progetto-win/win/ent"
	"github.com/progetto-win/win/ent/documentcontent"
	"github.com/progetto-win/win/ent/schema/rule"
)

// Store keeps the bytes of documents. Put and Erase run in the caller's
// transaction — the client given, and, for a store outside the
// database, the ent.Tx the context carries — so that a document's record
// and its bytes are written, and erased, together.
//
// Two stores exist: Database (the default), which keeps the bytes with
// the records, in backups too, and Directory (WIN_FILES_DIR). An
// S3-compatible store would implement the same three methods
// (docs/documents.md#storage).
type Store interface {
	Put(ctx context.Context, tx *ent.Client, id gid.ID, content []byte) error
	Get(ctx context.Context, client *ent.Client, id gid.ID) ([]byte, error)
	Erase(ctx context.Context, tx *ent.Client, ids ...gid.ID) error
}

// ErrNoContent is the answer of Get for bytes that are not there.
var ErrNoContent = errors.New("document: content not found")

// Database keeps the bytes in the document_contents table.
type Database struct{}

// Put implements Store.
func (Database) Put(ctx context.Context, tx *ent.Client, id gid.ID, content []byte) error {
	return tx.DocumentContent.Create().SetDocumentID(id).SetData(content).Exec(rule.SystemContext(ctx))
}

// Get implements Store.
func (Database) Get(ctx context.Context, client *ent.Client, id gid.ID) ([]byte, error) {
	c, err := client.DocumentContent.Query().Where(documentcontent.DocumentID(id)).Only(rule.SystemContext(ctx))
	if ent.IsNotFound(err) {
		return nil, ErrNoContent
	}
	if err != nil {
		return nil, err
	}
	return c.Data, nil
}

// Erase implements Store.
func (Database) Erase(ctx context.Context, tx *ent.Client, ids ...gid.ID) error {
	if len(ids) == 0 {
		return nil
	}
	_, err := tx.DocumentContent.Delete().Where(documentcontent.DocumentIDIn(ids...)).Exec(rule.SystemContext(ctx))
	return err
}

// Directory keeps each document's bytes in a file of its own, named by
// the document's ID, under Root. A file written for a transaction that
// rolls back is removed; a file erased in one is removed once it commits
// (and put back if it rolls back). Without a transaction in the context,
// an erasure removes the file at once.
type Directory struct{ Root string }

// documentID is the shape of a document's ID (gid.New).
var documentID = regexp.MustCompile(`^doc_[a-z2-7]{26}$`)

// path is where a document's bytes live: IDs are a prefix and lower-case
// base32, safe as file names.
func (d Directory) path(id gid.ID) (string, error) {
	if !documentID.MatchString(string(id)) {
		return "", fmt.Errorf("document: %q is no document ID", id)
	}
	return filepath.Join(d.Root, string(id)), nil
}

// Put implements Store: written to a temporary file, synced, then
// renamed, so that a crash never leaves half a file under the name.
func (d Directory) Put(ctx context.Context, _ *ent.Client, id gid.ID, content []byte) error {
	tx := ent.TxFromContext(ctx)
	if tx == nil {
		return errors.New("document: a directory store writes within a transaction")
	}
	path, err := d.path(id)
	if err != nil {
		return err
	}
	if err := os.MkdirAll(d.Root, 0o700); err != nil {
		return err
	}
	f, err := os.CreateTemp(d.Root, ".upload-*")
	if err != nil {
		return err
	}
	_, werr := f.Write(content)
	if werr == nil {
		werr = f.Sync()
	}
	if cerr := f.Close(); werr == nil {
		werr = cerr
	}
	if werr == nil {
		werr = os.Rename(f.Name(), path)
	}
	if werr != nil {
		_ = os.Remove(f.Name())
		return werr
	}
	tx.OnRollback(func(next ent.Rollbacker) ent.Rollbacker {
		return ent.RollbackFunc(func(ctx context.Context, tx *ent.Tx) error {
			_ = os.Remove(path)
			return next.Rollback(ctx, tx)
		})
	})
	return nil
}

// Get implements Store.
func (d Directory) Get(_ context.Context, _ *ent.Client, id gid.ID) ([]byte, error) {
	path, err := d.path(id)
	if err != nil {
		return nil, err
	}
	b, err := os.ReadFile(path) //nolint:gosec // G304: path is the root and an ID checked against documentID
	if errors.Is(err, fs.ErrNotExist) {
		return nil, ErrNoContent
	}
	return b, err
}

// Erase implements Store.
func (d Directory) Erase(ctx context.Context, _ *ent.Client, ids ...gid.ID) error {
	tx := ent.TxFromContext(ctx)
	for _, id := range ids {
		path, err := d.path(id)
		if err != nil {
			return err
		}
		if tx == nil {
			if err := os.Remove(path); err != nil && !errors.Is(err, fs.ErrNotExist) {
				return err
			}
			continue
		}
		aside := path + ".erased"
		if err := os.Rename(path, aside); errors.Is(err, fs.ErrNotExist) {
			continue
		} else if err != nil {
			return err
		}
		tx.OnCommit(func(next ent.Committer) ent.Committer {
			return ent.CommitFunc(func(ctx context.Context, tx *ent.Tx) error {
				err := next.Commit(ctx, tx)
				if err == nil {
					_ = os.Remove(aside)
				} else {
					_ = os.Rename(aside, path)
				}
				return err
			})
		})
		tx.OnRollback(func(next ent.Rollbacker) ent.Rollbacker {
			return ent.RollbackFunc(func(ctx context.Context, tx *ent.Tx) error {
				_ = os.Rename(aside, path)
				return next.Rollback(ctx, tx)
			})
		})
	}
	return nil
}
