package schema

import (
	"context"

	"entgo.io/ent"

	gen "github.com/progetto-win/win/ent"
)

// Announce returns a hook that tells a cache of what the mutation may
// change: before the change, and again once it is committed (at once,
// outside a transaction), so that nothing read from the database in
// between, still as it was, is kept either. The viewers' cache
// (granthooks.go) and the indicators' (server/store's hook) use it.
func Announce(tell func()) ent.Hook {
	return func(next ent.Mutator) ent.Mutator {
		return ent.MutateFunc(func(ctx context.Context, m ent.Mutation) (ent.Value, error) {
			tell()
			value, err := next.Mutate(ctx, m)
			if inTx, ok := m.(interface{ Tx() (*gen.Tx, error) }); ok {
				if tx, txErr := inTx.Tx(); txErr == nil {
					tx.OnCommit(func(next gen.Committer) gen.Committer {
						return gen.CommitFunc(func(ctx context.Context, tx *gen.Tx) error {
							err := next.Commit(ctx, tx)
							tell()
							return err
						})
					})
					return value, err
				}
			}
			tell()
			return value, err
		})
	}
}
