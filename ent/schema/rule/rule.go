// Package rule holds the privacy rules of WIN's data layer (docs/domain.md#roles-and-rights),
// shared by the schemas' policies, so that every path — browser, token,
// GraphiQL, nested edge, node(id:) — passes the same checks.
package rule

import (
	"context"
	"fmt"

	"github.com/progetto-win/win/domain"
	"github.com/progetto-win/win/domain/fault"
	"github.com/progetto-win/win/domain/viewer"
	"github.com/progetto-win/win/ent/privacy"
)

// SystemContext marks work the system does on its own behalf — loading
// demo data, recording a sign-in, writing the audit log — which no
// viewer's rights limit.
func SystemContext(ctx context.Context) context.Context {
	return privacy.DecisionContext(ctx, privacy.Allow)
}

// denyUnauthenticated is the decision for a request without a viewer.
var denyUnauthenticated = fmt.Errorf("%w: %w", privacy.Deny, fault.ErrUnauthenticated)

// DenyIfNoViewer denies queries and mutations of requests that are not
// signed in.
func DenyIfNoViewer() privacy.QueryMutationRule {
	return privacy.ContextQueryMutationRule(func(ctx context.Context) error {
		if viewer.FromContext(ctx) == nil {
			return denyUnauthenticated
		}
		return privacy.Skip
	})
}

// DenyIfReadOnly denies mutations through a read-only API token.
func DenyIfReadOnly() privacy.MutationRule {
	return privacy.ContextQueryMutationRule(func(ctx context.Context) error {
		if v := viewer.FromContext(ctx); v != nil && v.ReadOnly {
			return privacy.Denyf("a read-only API token cannot change data")
		}
		return privacy.Skip
	})
}

// AllowRoles allows viewers with any of the roles.
func AllowRoles(roles ...domain.Role) privacy.QueryMutationRule {
	return privacy.ContextQueryMutationRule(func(ctx context.Context) error {
		v := viewer.FromContext(ctx)
		for _, r := range roles {
			if v.Has(r) {
				return privacy.Allow
			}
		}
		return privacy.Skip
	})
}

// ServesDataRights reports whether the viewer serves persons' data
// rights (the privacy desk: export, access report, erasure, retention):
// administrators and the data-protection officer. It is the one place
// that grants them; the DPO reads nothing else of the cases.
func ServesDataRights(v *viewer.Viewer) bool {
	return v.Has(domain.RoleAdmin) || v.Has(domain.RoleDPO)
}
