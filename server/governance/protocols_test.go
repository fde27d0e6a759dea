package governance_test

import (
	"context"
	"errors"
	"testing"

	"github.com/progetto-win/win/domain"
	"github.com/progetto-win/win/domain/fault"
	"github.com/progetto-win/win/domain/gid"
	"github.com/progetto-win/win/domain/viewer"
	"github.com/progetto-win/win/ent/auditevent"
	"github.com/progetto-win/win/ent/protocol"
	"github.com/progetto-win/win/ent/schema/rule"
	"github.com/progetto-win/win/server/governance"
	"github.com/progetto-win/win/server/store"
	"github.com/progetto-win/win/server/store/storetest"
	"github.com/progetto-win/win/server/webtest"
)

// TestProtocolLifecycle calls the governance services directly: only the
// steering committee and administrators, with a read-write credential,
// bring a protocol into force, and only a draft with parties; only an
// active one is terminated. Each change is audited; a refusal writes
// nothing.
func TestProtocolLifecycle(t *testing.T) {
	storetest.Each(t, func(t *testing.T, db *store.DB) {
		c := db.Client()
		ctx := rule.SystemContext(context.Background())
		f := webtest.SeedOneOfEach(t, c)
		steering, readOnly := webtest.Staff(t, c, f, "comitato@prova.example", domain.RoleSteering)
		operator := &viewer.Viewer{UserID: f["User"], OrganizationID: f["Organization"], Roles: []domain.Role{domain.RoleOperator}}
		withoutParties := c.Protocol.Create().SetTitle("Protocollo senza parti").SaveX(ctx).ID

		// audits counts a protocol's audit events, of one action if given.
		audits := func(id gid.ID, action ...string) int {
			q := c.AuditEvent.Query().Where(auditevent.EntityID(string(id)))
			if len(action) > 0 {
				q.Where(auditevent.ActionIn(action...))
			}
			return q.CountX(ctx)
		}
		statusOf := func(id gid.ID) protocol.Status { return c.Protocol.GetX(ctx, id).Status }
		activate := func(id gid.ID) func(context.Context) error {
			return func(ctx context.Context) error {
				_, err := governance.ActivateProtocol(ctx, id, nil, nil, nil)
				return err
			}
		}
		terminate := func(id gid.ID) func(context.Context) error {
			return func(ctx context.Context) error { _, err := governance.TerminateProtocol(ctx, id); return err }
		}
		forbidden := func(err error) bool { var e *fault.Forbidden; return errors.As(err, &e) }
		invalid := func(field string) func(error) bool {
			return func(err error) bool { var e *fault.Invalid; return errors.As(err, &e) && e.Field == field }
		}
		refuse := func(what string, v *viewer.Viewer, id gid.ID, do func(context.Context) error, is func(error) bool) {
			t.Helper()
			status, logged := statusOf(id), audits(id)
			if err := webtest.Mutate(t, c, v, do); !is(err) {
				t.Fatalf("%s: got %v", what, err)
			}
			if statusOf(id) != status || audits(id) != logged {
				t.Fatalf("%s was refused but wrote", what)
			}
		}
		done := func(action string, v *viewer.Viewer, id gid.ID, do func(context.Context) error, want protocol.Status) {
			t.Helper()
			logged := audits(id, action)
			if err := webtest.Mutate(t, c, v, do); err != nil {
				t.Fatalf("%s: %v", action, err)
			}
			if got := statusOf(id); got != want || audits(id, action) != logged+1 {
				t.Fatalf("%s: %s with %d such audit events, want %s with %d", action, got, audits(id, action), want, logged+1)
			}
		}

		p := f["Protocol"]
		refuse("nobody signed in", nil, p, activate(p), func(err error) bool { return errors.Is(err, fault.ErrUnauthenticated) })
		refuse("an operator activating", operator, p, activate(p), forbidden)
		refuse("a read-only token activating", readOnly, p, activate(p), forbidden)
		refuse("a protocol without parties", steering, withoutParties, activate(withoutParties), invalid("id"))
		refuse("terminating a draft", steering, p, terminate(p), invalid("status"))
		done("ACTIVATE_PROTOCOL", steering, p, activate(p), protocol.StatusActive)
		refuse("activating twice", steering, p, activate(p), invalid("status"))
		refuse("an operator terminating", operator, p, terminate(p), forbidden)
		done("TERMINATE_PROTOCOL", steering, p, terminate(p), protocol.StatusTerminated)
	})
}
