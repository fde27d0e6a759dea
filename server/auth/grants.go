package auth

import (
	"context"
	"encoding/json"
	"slices"
	"time"

	"entgo.io/ent/dialect/sql"

	"github.com/progetto-win/win/domain/gid"
	"github.com/progetto-win/win/domain/viewer"
	"github.com/progetto-win/win/ent/apitoken"
	"github.com/progetto-win/win/ent/session"
	"github.com/progetto-win/win/ent/tablemembership"
	"github.com/progetto-win/win/ent/territorialtable"
	"github.com/progetto-win/win/ent/user"
)

// grants is what a session or an API token lets a request do, read in
// one statement: the credential's own limits, its user, and the user's
// roles, organisation and tables.
type grants struct {
	id        gid.ID
	expiresAt time.Time
	lastUsed  *time.Time // the session's last_seen_at, the token's last_used_at
	revoked   bool       // tokens only
	readOnly  bool       // a token with read scope
	disabled  bool
	user      viewer.Viewer // UserID, OrganizationID, Roles, Tables, Coordinates
	revision  revision      // the cache's before the read
	readAt    time.Time
}

// grantRow is one row of the statement: the credential and its user,
// once per table the user is a member of or coordinates.
type grantRow struct {
	ID           string         `sql:"id"`
	ExpiresAt    time.Time      `sql:"expires_at"`
	LastUsed     sql.NullTime   `sql:"last_used"`
	RevokedAt    sql.NullTime   `sql:"revoked_at"`
	Scope        sql.NullString `sql:"scope"`
	UserID       string         `sql:"user_id"`
	Disabled     bool           `sql:"disabled"`
	Roles        []byte         `sql:"roles"`
	Organization string         `sql:"organization_id"`
	MemberOf     sql.NullString `sql:"member_of"`
	Coordinates  sql.NullString `sql:"coordinates"`
}

// withUser joins the credential's user and their tables to a query of
// sessions or tokens, selecting what grants needs: one statement instead
// of one per edge. A user with m memberships and c coordinated tables
// gives m×c rows (at least one); both are a handful.
func withUser(userColumn, lastUsedColumn string, own ...string) func(*sql.Selector) {
	return func(s *sql.Selector) {
		u := sql.Table(user.Table)
		m := sql.Table(tablemembership.Table)
		t := sql.Table(territorialtable.Table)
		s.Join(u).On(s.C(userColumn), u.C(user.FieldID)).
			LeftJoin(m).On(u.C(user.FieldID), m.C(tablemembership.UserColumn)).
			LeftJoin(t).On(u.C(user.FieldID), t.C(territorialtable.CoordinatorColumn))
		columns := []string{s.C("id"), s.C("expires_at"), sql.As(s.C(lastUsedColumn), "last_used")}
		for _, c := range own {
			columns = append(columns, s.C(c))
		}
		s.Select(append(columns,
			sql.As(u.C(user.FieldID), "user_id"), u.C(user.FieldDisabled), u.C(user.FieldRoles),
			sql.As(u.C(user.OrganizationColumn), "organization_id"),
			sql.As(m.C(tablemembership.TableColumn), "member_of"),
			sql.As(t.C(territorialtable.FieldID), "coordinates"))...)
	}
}

// sessionGrants reads the grants of a session token, or nil.
func (s *Service) sessionGrants(ctx context.Context, hash string) (*grants, error) {
	var rows []grantRow
	revision := s.cache.revision()
	err := s.Client.Session.Query().Where(session.TokenHash(hash)).
		Modify(withUser(session.UserColumn, session.FieldLastSeenAt)).Scan(ctx, &rows)
	return grantsOf(rows, revision), err
}

// tokenGrants reads the grants of an API token, or nil.
func (s *Service) tokenGrants(ctx context.Context, hash string) (*grants, error) {
	var rows []grantRow
	revision := s.cache.revision()
	err := s.Client.APIToken.Query().Where(apitoken.TokenHash(hash)).
		Modify(withUser(apitoken.UserColumn, apitoken.FieldLastUsedAt, apitoken.FieldRevokedAt, apitoken.FieldScope)).
		Scan(ctx, &rows)
	return grantsOf(rows, revision), err
}

// grantsOf folds the rows of one credential.
func grantsOf(rows []grantRow, revision revision) *grants {
	if len(rows) == 0 {
		return nil
	}
	r := rows[0]
	g := &grants{
		id: gid.ID(r.ID), expiresAt: r.ExpiresAt, revoked: r.RevokedAt.Valid, disabled: r.Disabled,
		readOnly: r.Scope.Valid && apitoken.Scope(r.Scope.String) == apitoken.ScopeRead, revision: revision, readAt: time.Now(),
		user: viewer.Viewer{UserID: gid.ID(r.UserID), OrganizationID: gid.ID(r.Organization)},
	}
	if r.LastUsed.Valid {
		at := r.LastUsed.Time
		g.lastUsed = &at
	}
	if err := json.Unmarshal(r.Roles, &g.user.Roles); err != nil {
		g.disabled = true // unreadable roles grant nothing
	}
	for _, r := range rows {
		if id := gid.ID(r.MemberOf.String); r.MemberOf.Valid && !slices.Contains(g.user.Tables, id) {
			g.user.Tables = append(g.user.Tables, id)
		}
		if id := gid.ID(r.Coordinates.String); r.Coordinates.Valid && !slices.Contains(g.user.Coordinates, id) {
			g.user.Coordinates = append(g.user.Coordinates, id)
		}
	}
	return g
}

// viewer returns a new viewer of the grants, which the request may
// complete without touching the cached one.
func (g *grants) viewer() *viewer.Viewer {
	v := g.user
	v.Roles, v.Tables, v.Coordinates = slices.Clone(v.Roles), slices.Clone(v.Tables), slices.Clone(v.Coordinates)
	return &v
}
