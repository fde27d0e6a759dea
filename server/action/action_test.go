package action

import (
	"context"
	"errors"
	"testing"

	"github.com/progetto-win/win/domain/fault"
	"github.com/progetto-win/win/domain/viewer"
)

func TestStartNeedsAViewerAndATransaction(t *testing.T) {
	if _, err := Start(context.Background()); !errors.Is(err, fault.ErrUnauthenticated) {
		t.Errorf("without a viewer: %v, want UNAUTHENTICATED", err)
	}
	ctx := viewer.NewContext(context.Background(), &viewer.Viewer{UserID: "usr_1"})
	if _, err := Start(ctx); !errors.Is(err, ErrNoTransaction) {
		t.Errorf("without a transaction: %v, want ErrNoTransaction", err)
	}
}

func TestWritableRefusesReadOnlyTokens(t *testing.T) {
	var forbidden *fault.Forbidden
	if err := (&Action{Viewer: &viewer.Viewer{ReadOnly: true}}).Writable(); !errors.As(err, &forbidden) {
		t.Errorf("read-only token: %v, want FORBIDDEN", err)
	}
	if err := (&Action{Viewer: &viewer.Viewer{}}).Writable(); err != nil {
		t.Errorf("read-write viewer: %v", err)
	}
}
