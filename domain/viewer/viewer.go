// Package viewer carries who is asking — a signed-in user or an API token
// acting for one — through the request context, down to the privacy
// policies in the data layer.
package viewer

import (
	"context"
	"slices"

	"github.com/progetto-win/win/domain"
	"github.com/progetto-win/win/domain/gid"
)

// Viewer is the identity of a request.
type Viewer struct {
	UserID         gid.ID
	OrganizationID gid.ID
	Roles          []domain.Role
	Tables         []gid.ID // tables the user is a member of
	Coordinates    []gid.ID // tables the user coordinates
	SessionID      gid.ID   // set when signed in through the browser
	TokenID        gid.ID   // set when an API token acts for the user
	ReadOnly       bool     // an API token with read scope
	RequestID      string   // for the audit log
	ClientAddress  string   // for the audit log
}

// Has reports whether the viewer has a role.
func (v *Viewer) Has(role domain.Role) bool {
	return v != nil && slices.Contains(v.Roles, role)
}

type key struct{}

// NewContext returns a context carrying the viewer.
func NewContext(ctx context.Context, v *Viewer) context.Context {
	return context.WithValue(ctx, key{}, v)
}

// FromContext returns the viewer of the request, or nil.
func FromContext(ctx context.Context) *Viewer {
	v, _ := ctx.Value(key{}).(*Viewer)
	return v
}
