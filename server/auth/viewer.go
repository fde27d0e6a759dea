package auth

import (
	"context"

	"github.com/progetto-win/win/domain/fault"
	"github.com/progetto-win/win/domain/viewer"
)

// Viewer returns the request's signed-in viewer, or UNAUTHENTICATED: the
// one "signed in?" check of the resolvers and of the services' actions
// (server/action).
func Viewer(ctx context.Context) (*viewer.Viewer, error) {
	v := viewer.FromContext(ctx)
	if v == nil {
		return nil, fault.ErrUnauthenticated
	}
	return v, nil
}
