package schema

import (
	"entgo.io/ent"
	"entgo.io/ent/schema/mixin"

	"github.com/progetto-win/win/domain"
	"github.com/progetto-win/win/ent/audit"
	"github.com/progetto-win/win/ent/privacy"
	"github.com/progetto-win/win/ent/schema/rule"
)

// AccessMixin gives a type its privacy policy: reads need a signed-in
// viewer (unless the type is part of the public directory), writes need a
// viewer with one of the writer roles and a token that may write. Types
// with no writer roles change only through the system's own work and the
// named mutations that check their rules.
type AccessMixin struct {
	mixin.Schema
	public  bool
	writers []domain.Role
}

// signedIn is readable by signed-in viewers, written by the roles given.
func signedIn(writers ...domain.Role) AccessMixin { return AccessMixin{writers: writers} }

// public is readable by anyone, written by the roles given.
func public(writers ...domain.Role) AccessMixin { return AccessMixin{public: true, writers: writers} }

// Hooks of the mixin: text and dates within bounds, and every change a
// viewer makes audited.
func (AccessMixin) Hooks() []ent.Hook {
	return []ent.Hook{saneValues, audit.AuditMutations()}
}

// Policy of the mixin.
func (m AccessMixin) Policy() ent.Policy {
	var query privacy.QueryPolicy
	if !m.public {
		query = append(query, rule.DenyIfNoViewer())
	}
	query = append(query, privacy.AlwaysAllowRule())
	return privacy.Policy{
		Query: query,
		Mutation: privacy.MutationPolicy{
			rule.DenyIfNoViewer(),
			rule.DenyIfReadOnly(),
			rule.DenySelfGrant(),
			rule.AllowRoles(m.writers...),
			privacy.AlwaysDenyRule(),
		},
	}
}

var (
	admin    = domain.RoleAdmin
	steering = domain.RoleSteering
)

// Mixin policies run in order and the first Allow or Deny decides, so the
// mixins that narrow reads stand before AccessMixin, whose reads end in
// Allow.

// IdentityMixin lets identities be read only by those working the
// person's open case and by whoever referred the person.
type IdentityMixin struct{ mixin.Schema }

// Interceptors of IdentityMixin: every identity read is audited.
func (IdentityMixin) Interceptors() []ent.Interceptor {
	return []ent.Interceptor{audit.AuditIdentityReads()}
}

// Policy of IdentityMixin.
func (IdentityMixin) Policy() ent.Policy {
	return privacy.Policy{Query: privacy.QueryPolicy{rule.DenyIfNoViewer(), rule.ScopeIdentities()}}
}

// CaseMixin scopes reads of a case and of what belongs to one to the
// viewer's cases; its rule runs before AccessMixin's.
type CaseMixin struct{ mixin.Schema }

// Interceptors of CaseMixin: the committee and analysts read nothing that
// may identify the person (schema.Personal).
func (CaseMixin) Interceptors() []ent.Interceptor {
	return []ent.Interceptor{rule.RedactPersonal()}
}

// Policy of CaseMixin.
func (CaseMixin) Policy() ent.Policy {
	return privacy.Policy{Query: privacy.QueryPolicy{rule.DenyIfNoViewer(), rule.ScopeCases()}}
}

// MembershipMixin lets the coordinator of a table manage its members,
// besides administrators; its rule runs before AccessMixin's.
type MembershipMixin struct{ mixin.Schema }

// Policy of MembershipMixin: memberships are read as ScopeMemberships
// says.
func (MembershipMixin) Policy() ent.Policy {
	return privacy.Policy{
		Query:    privacy.QueryPolicy{rule.DenyIfNoViewer(), rule.ScopeMemberships()},
		Mutation: privacy.MutationPolicy{rule.DenyIfNoViewer(), rule.DenyIfReadOnly(), rule.DenySelfGrant(), rule.AllowTableCoordinator()},
	}
}

// ColleaguesMixin lets a user's account be read by those who work with
// them (rule.ScopeUsers); its rule runs before AccessMixin's.
type ColleaguesMixin struct{ mixin.Schema }

// Policy of ColleaguesMixin.
func (ColleaguesMixin) Policy() ent.Policy {
	return privacy.Policy{Query: privacy.QueryPolicy{rule.DenyIfNoViewer(), rule.ScopeUsers()}}
}

// MeetingMixin keeps a table's meetings and decisions to that table and
// the committee (rule.ScopeMeetings); its rule runs before AccessMixin's.
type MeetingMixin struct{ mixin.Schema }

// Policy of MeetingMixin.
func (MeetingMixin) Policy() ent.Policy {
	return privacy.Policy{Query: privacy.QueryPolicy{rule.DenyIfNoViewer(), rule.ScopeMeetings()}}
}
