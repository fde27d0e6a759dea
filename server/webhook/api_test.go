package webhook_test

import (
	"context"
	"io"
	"log/slog"
	"slices"
	"strings"
	"testing"
	"time"

	"github.com/progetto-win/win/domain"
	"github.com/progetto-win/win/domain/gid"
	"github.com/progetto-win/win/domain/viewer"
	"github.com/progetto-win/win/ent"
	"github.com/progetto-win/win/ent/apitoken"
	"github.com/progetto-win/win/ent/auditevent"
	"github.com/progetto-win/win/ent/organization"
	"github.com/progetto-win/win/ent/schema/rule"
	"github.com/progetto-win/win/ent/webhookdelivery"
	"github.com/progetto-win/win/server/auth"
	"github.com/progetto-win/win/server/store"
	"github.com/progetto-win/win/server/store/storetest"
	"github.com/progetto-win/win/server/webhook"
	"github.com/progetto-win/win/server/webtest"
)

const (
	createHook = `mutation($url: String!, $kinds: [EventKind!]!) { createWebhook(input: {url: $url, kinds: $kinds, description: "CRM"}) {
		secret webhook { id url kinds enabled } } }`
	updateHook    = `mutation($id: ID!, $in: UpdateWebhookInput!) { updateWebhook(id: $id, input: $in) { id url kinds enabled disabledReason failingSince } }`
	deleteHook    = `mutation($id: ID!) { deleteWebhook(id: $id) }`
	redeliverHook = `mutation($id: ID!) { redeliverWebhook(id: $id) { id state nextAttemptAt } }`
	listHooks     = `{ webhooks(first: 20) { totalCount edges { node { id url deliveries(first: 10) { totalCount edges { node {
		id eventID kind state attempts lastStatus lastDurationMs lastError nextAttemptAt deliveredAt payload } } } } } } }`
)

type hookList struct {
	TotalCount int
	Edges      []struct {
		Node struct {
			ID         gid.ID
			URL        string
			Deliveries struct {
				TotalCount int
				Edges      []struct {
					Node struct {
						ID             gid.ID
						EventID        gid.ID
						Kind, State    string
						Attempts       int
						LastStatus     *int
						LastDurationMs *int
						NextAttemptAt  *string
						Payload        string
					}
				}
			}
		}
	}
}

// tokenClient returns a client of the API's handler with a new token of
// a new user of the given scope.
func tokenClient(t *testing.T, a *webtest.API, email string, scope apitoken.Scope, roles ...domain.Role) *webtest.API {
	t.Helper()
	ctx := rule.SystemContext(context.Background())
	org := a.Client.Organization.Create().SetName("Ente " + email).SetKind(organization.KindOther).SaveX(ctx)
	u := a.Client.User.Create().SetEmail(email).SetName(email).SetOrganization(org).SetRoles(roles).SaveX(ctx)
	tok, secret, err := auth.New(a.Client).CreateToken(ctx, &viewer.Viewer{UserID: u.ID}, "program", scope, time.Now().Add(time.Hour), auth.Request{})
	if err != nil {
		t.Fatal(err)
	}
	return &webtest.API{T: t, Handler: a.Handler, Client: a.Client, Accounts: a.Accounts, UserID: u.ID, TokenID: tok.ID, Token: secret}
}

func TestWebhooksThroughTheAPI(t *testing.T) {
	storetest.Each(t, func(t *testing.T, db *store.DB) {
		t.Setenv(webhook.AllowPrivateEnv, "1")
		ctx := rule.SystemContext(context.Background())
		owner := webtest.NewAPI(t, db)
		rcv := newReceiver(t)
		vars := map[string]any{"url": rcv.URL, "kinds": []string{"CASE_CHANGED", "DIRECTIVE_ISSUED"}}

		// Not with a browser's session, nor a read-only token.
		if err := auth.New(owner.Client).SetPassword(ctx, owner.UserID, webtest.RightPassword); err != nil {
			t.Fatal(err)
		}
		browser := &webtest.API{T: t, Handler: owner.Handler, Client: owner.Client}
		if r := browser.SignInAs("tester@prova.example", webtest.RightPassword); browser.Cookie == nil {
			t.Fatalf("cannot sign in: %s", r.Raw)
		}
		webtest.Refused(t, browser.Post(createHook, vars), "FORBIDDEN", "")
		if r := browser.Post(createHook, vars); !strings.Contains(r.Errors[0].Message, "API token") {
			t.Errorf("a session's refusal does not say what to do: %s", r.Raw)
		}
		webtest.Refused(t, tokenClient(t, owner, "reader@prova.example", apitoken.ScopeRead).Post(createHook, vars), "FORBIDDEN", "")

		// Bad input.
		for _, bad := range []map[string]any{
			{"url": rcv.URL, "kinds": []string{}},
			{"url": rcv.URL, "kinds": []string{"CASE_CHANGED", "CASE_CHANGED"}},
			{"url": "ftp://example.com/", "kinds": []string{"CASE_CHANGED"}},
			{"url": "https://u:p@example.com/", "kinds": []string{"CASE_CHANGED"}},
		} {
			r := owner.Post(createHook, bad)
			if r.Code() != "BAD_USER_INPUT" {
				t.Errorf("%v: got %s", bad, r.Raw)
			}
			webtest.AssertNoLeak(t, r)
		}

		// Registered: the secret once, the endpoint tied to the token.
		var created struct {
			Secret  string
			Webhook struct {
				ID      gid.ID
				URL     string
				Kinds   []string
				Enabled bool
			}
		}
		owner.Must(createHook, vars, &created)
		hook := created.Webhook.ID
		if !strings.HasPrefix(created.Secret, "whsec_") || !created.Webhook.Enabled || len(created.Webhook.Kinds) != 2 {
			t.Fatalf("created %+v", created)
		}
		w := owner.Client.Webhook.Query().WithToken().WithOwner().OnlyX(ctx)
		if w.Edges.Token.ID != owner.TokenID || w.Edges.Owner.ID != owner.UserID || w.Secret != created.Secret {
			t.Errorf("the endpoint is not tied to the token and user that registered it")
		}
		if n := owner.Client.AuditEvent.Query().Where(auditevent.Action("CREATE_WEBHOOK"), auditevent.EntityID(string(hook))).CountX(ctx); n != 1 {
			t.Errorf("%d CREATE_WEBHOOK audit events, want 1", n)
		}

		// A delivery, sent, in the owner's log.
		e := owner.Client.OutboxEvent.Create().SetKind(domain.EventDirectiveIssued).SetDirectiveID("dir_none").
			SetOrderingKey("dir_none").SaveX(ctx)
		fanout(t, owner.Client, e)
		sender := webhook.NewSender(db, slog.New(slog.NewTextHandler(io.Discard, nil)))
		if err := sender.Drain(context.Background()); err != nil {
			t.Fatal(err)
		}
		var list hookList
		owner.Must(listHooks, nil, &list)
		if list.TotalCount != 1 || list.Edges[0].Node.Deliveries.TotalCount != 1 {
			t.Fatalf("the owner's list: %+v", list)
		}
		d := list.Edges[0].Node.Deliveries.Edges[0].Node
		// The directive does not exist: the token may not read it.
		if d.EventID != e.ID || d.Kind != "DIRECTIVE_ISSUED" || d.State != "SKIPPED" || !strings.Contains(d.Payload, string(e.ID)) {
			t.Errorf("the owner's delivery log: %+v", d)
		}

		// Another user sees nothing and changes nothing.
		other := tokenClient(t, owner, "other@prova.example", apitoken.ScopeReadWrite, domain.RoleAdmin, domain.RoleSteering)
		var none hookList
		other.Must(listHooks, nil, &none)
		if none.TotalCount != 0 || len(none.Edges) != 0 {
			t.Errorf("another user lists %+v", none)
		}
		for _, id := range []gid.ID{hook, d.ID} {
			r := other.Post(`query($id: ID!) { node(id: $id) { id } }`, map[string]any{"id": id})
			if r.Code() != "NOT_FOUND" || strings.Contains(string(r.Data), string(id)) {
				t.Errorf("another user reads %s by node: %s", id, r.Raw)
			}
		}
		webtest.Refused(t, other.Post(updateHook, map[string]any{"id": hook, "in": map[string]any{"enabled": false}}), "NOT_FOUND", "")
		webtest.Refused(t, other.Post(deleteHook, map[string]any{"id": hook}), "NOT_FOUND", "")
		webtest.Refused(t, other.Post(redeliverHook, map[string]any{"id": d.ID}), "NOT_FOUND", "")
		if w := owner.Client.Webhook.GetX(ctx, hook); !w.Enabled {
			t.Error("another user's refused update changed the endpoint")
		}

		// The owner redelivers, changes, disables, enables and deletes.
		var again struct {
			State         string
			NextAttemptAt *string
		}
		owner.Must(redeliverHook, map[string]any{"id": d.ID}, &again)
		if again.State != "PENDING" || again.NextAttemptAt == nil {
			t.Errorf("redelivered: %+v", again)
		}
		webtest.Refused(t, owner.Post(updateHook, map[string]any{"id": hook, "in": map[string]any{"kinds": []string{}}}), "BAD_USER_INPUT", "kinds")
		var updated struct {
			Enabled        bool
			DisabledReason *string
			Kinds          []string
		}
		owner.Must(updateHook, map[string]any{"id": hook, "in": map[string]any{"enabled": false, "kinds": []string{"CASE_CHANGED"}}}, &updated)
		if updated.Enabled || updated.DisabledReason == nil || len(updated.Kinds) != 1 {
			t.Errorf("disabled: %+v", updated)
		}
		if s := owner.Client.WebhookDelivery.GetX(ctx, d.ID).State; s != webhookdelivery.StateFAILED {
			t.Errorf("disabling leaves its pending delivery %s, want FAILED", s)
		}
		webtest.Refused(t, owner.Post(redeliverHook, map[string]any{"id": d.ID}), "BAD_USER_INPUT", "id")
		owner.Must(updateHook, map[string]any{"id": hook, "in": map[string]any{"enabled": true}}, &updated)
		if !updated.Enabled || updated.DisabledReason != nil && *updated.DisabledReason != "" {
			t.Errorf("enabled again: %+v", updated)
		}
		// The log lists the newest first when asked.
		for i := range 4 {
			fanout(t, owner.Client, owner.Client.OutboxEvent.Create().SetKind(domain.EventCaseChanged).SetCaseID("cas_none").
				SetOrderingKey("cas_none").SetOccurredAt(time.Now().Add(time.Duration(i+1)*time.Minute)).SaveX(ctx))
		}
		var log struct {
			Deliveries struct {
				Edges []struct{ Node struct{ CreatedAt time.Time } }
			}
		}
		owner.Must(`query($id: ID!) { node(id: $id) { ... on Webhook { deliveries(first: 10, orderBy: {field: CREATED_AT, direction: DESC}) {
			edges { node { createdAt } } } } } }`, map[string]any{"id": hook}, &log)
		if got := log.Deliveries.Edges; len(got) != 5 || !slices.IsSortedFunc(got, func(a, b struct{ Node struct{ CreatedAt time.Time } }) int {
			return b.Node.CreatedAt.Compare(a.Node.CreatedAt)
		}) {
			t.Errorf("the log, newest first: %+v", got)
		}
		var deleted gid.ID
		owner.Must(deleteHook, map[string]any{"id": hook}, &deleted)
		if deleted != hook || owner.Client.WebhookDelivery.Query().ExistX(ctx) || owner.Client.Webhook.Query().ExistX(ctx) {
			t.Error("deleting leaves the endpoint or its log")
		}

		// At most ten endpoints per user.
		for i := range webhook.MaxPerUser {
			owner.Must(createHook, vars, nil)
			_ = i
		}
		webtest.Refused(t, owner.Post(createHook, vars), "CONFLICT", "")
	})
}

// fanout hands an event to the channel in a transaction, as the
// dispatcher does.
func fanout(t *testing.T, c *ent.Client, e *ent.OutboxEvent) {
	t.Helper()
	ctx := rule.SystemContext(context.Background())
	if err := store.WithTx(ctx, c, func(tx *ent.Client) error { return (&webhook.Channel{}).Fanout(ctx, tx, e, nil) }); err != nil {
		t.Fatal(err)
	}
}
