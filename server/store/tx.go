package store

import (
	"context"
	"fmt"

	"github.com/progetto-win/win/ent"
)

// WithTx runs fn in a transaction of its own: committed if fn succeeds,
// rolled back otherwise.
func WithTx(ctx context.Context, client *ent.Client, fn func(tx *ent.Client) error) error {
	tx, err := client.Tx(ctx)
	if err != nil {
		return err
	}
	if err := fn(tx.Client()); err != nil {
		if rerr := tx.Rollback(); rerr != nil {
			return fmt.Errorf("%w (rollback: %v)", err, rerr)
		}
		return err
	}
	return tx.Commit()
}
