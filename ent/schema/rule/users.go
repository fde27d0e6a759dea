package rule

import (
	"context"

	"entgo.io/ent/dialect/sql"
	"entgo.io/ent/dialect/sql/sqljson"

	"github.com/progetto-win/win/domain"
	"github.com/progetto-win/win/domain/viewer"
	"github.com/progetto-win/win/ent"
	"github.com/progetto-win/win/ent/organization"
	"github.com/progetto-win/win/ent/predicate"
	"github.com/progetto-win/win/ent/privacy"
	"github.com/progetto-win/win/ent/servicerequest"
	"github.com/progetto-win/win/ent/tablemembership"
	"github.com/progetto-win/win/ent/territorialtable"
	"github.com/progetto-win/win/ent/user"
)

// ScopeUsers narrows, for everyone but administrators, the accounts a
// viewer reads (name, e-mail, roles) to the people they work with: their
// own organisation's, their tables' members, the coordinators of every
// table and the committee's members (the network's contact points), who
// attended the meetings they may read, and who referred the cases they
// work. Nobody else can list the network's accounts or test whether an
// e-mail has one.
func ScopeUsers() privacy.QueryRule {
	return privacy.UserQueryRuleFunc(func(ctx context.Context, q *ent.UserQuery) error {
		v := viewer.FromContext(ctx)
		if v == nil {
			return denyUnauthenticated
		}
		if v.Has(domain.RoleAdmin) {
			return privacy.Skip
		}
		tables := WorksAt(v)
		attended := user.HasMeetingsAttended() // the committee reads every meeting: see ScopeMeetings
		if !v.Has(domain.RoleSteering) {
			attended = user.HasMeetingsAttendedWith(meetingsOf(v))
		}
		colleagues := []predicate.User{
			user.ID(v.UserID),
			user.HasOrganizationWith(organization.ID(v.OrganizationID)),
			user.HasMembershipsWith(tablemembership.HasTableWith(territorialtable.IDIn(tables...))),
			user.HasCoordinatedTables(),
			hasRole(domain.RoleSteering),
			attended,
			user.HasReferredCasesWith(visibleCases(v)),
			// A service request's two sides read each other: who sent it
			// and who answered it.
			user.HasServiceRequestsAnsweredWith(servicerequest.HasCaseWith(visibleCases(v))),
		}
		if mine := AddressedTo(v); len(mine) > 0 {
			colleagues = append(colleagues, user.HasServiceRequestsSentWith(mine...))
		}
		q.Where(user.Or(colleagues...))
		return privacy.Skip
	})
}

// hasRole is the predicate of the users who hold a role.
func hasRole(r domain.Role) predicate.User {
	return func(s *sql.Selector) {
		s.Where(sqljson.ValueContains(s.C(user.FieldRoles), r))
	}
}

// ScopeMemberships narrows, for everyone but administrators, the places
// at tables a viewer reads to those of the tables they sit at and their
// own, as ScopeUsers does the members themselves.
func ScopeMemberships() privacy.QueryRule {
	return privacy.TableMembershipQueryRuleFunc(func(ctx context.Context, q *ent.TableMembershipQuery) error {
		v := viewer.FromContext(ctx)
		if v == nil {
			return denyUnauthenticated
		}
		if !v.Has(domain.RoleAdmin) {
			q.Where(tablemembership.Or(
				tablemembership.HasUserWith(user.ID(v.UserID)),
				tablemembership.HasTableWith(territorialtable.IDIn(WorksAt(v)...)),
			))
		}
		return privacy.Skip
	})
}
