package webhook

import (
	"context"
	"crypto/rand"
	"encoding/base64"
	"slices"
	"strings"
	"time"

	"github.com/progetto-win/win/domain"
	"github.com/progetto-win/win/domain/fault"
	"github.com/progetto-win/win/domain/gid"
	"github.com/progetto-win/win/ent"
	"github.com/progetto-win/win/ent/user"
	"github.com/progetto-win/win/ent/webhook"
	"github.com/progetto-win/win/ent/webhookdelivery"
	"github.com/progetto-win/win/server/action"
)

// MaxPerUser bounds the endpoints one user registers: a program needs
// one or two; more would multiply every event's deliveries.
const MaxPerUser = 10

// secretPrefix starts a signing secret, as Standard Webhooks writes it.
const secretPrefix = "whsec_"

// newSecret returns a signing secret: whsec_ and 32 random bytes in
// base64.
func newSecret() string {
	b := make([]byte, 32)
	if _, err := rand.Read(b); err != nil {
		panic(err) // crypto/rand never fails on Linux
	}
	return secretPrefix + base64.StdEncoding.EncodeToString(b)
}

// Create registers an endpoint for the viewer's read-write API token;
// its secret is returned this once.
func Create(ctx context.Context, in CreateInput) (*Created, error) {
	a, err := action.Start(ctx)
	if err != nil {
		return nil, err
	}
	if a.Viewer.TokenID == "" {
		return nil, &fault.Forbidden{Message: "a webhook is registered with a read-write API token, whose rights its deliveries keep: create a token (createApiToken) and call createWebhook with it"}
	}
	if err := a.Writable(); err != nil {
		return nil, err
	}
	url, err := checkURL(ctx, in.URL)
	if err != nil {
		return nil, err
	}
	kinds, err := checkKinds(in.Kinds)
	if err != nil {
		return nil, err
	}
	description, err := checkDescription(in.Description)
	if err != nil {
		return nil, err
	}
	n, err := a.Client.Webhook.Query().Where(webhook.HasOwnerWith(user.ID(a.Viewer.UserID))).Count(a.Sys)
	if err != nil {
		return nil, err
	}
	if n >= MaxPerUser {
		return nil, &fault.Conflict{Message: "a user registers at most 10 webhook endpoints: delete one first"}
	}
	secret := newSecret()
	w, err := a.Client.Webhook.Create().SetURL(url).SetDescription(description).SetKinds(kinds).SetSecret(secret).
		SetOwnerID(a.Viewer.UserID).SetTokenID(a.Viewer.TokenID).Save(a.Sys)
	if err != nil {
		return nil, err
	}
	if err := a.Audit("CREATE_WEBHOOK", "Webhook", w.ID); err != nil {
		return nil, err
	}
	return &Created{Webhook: w, Secret: secret}, nil
}

// Update changes one of the viewer's endpoints. Disabling it gives up
// its pending deliveries (FAILED); enabling it again clears its failures.
func Update(ctx context.Context, id gid.ID, in UpdateInput) (*ent.Webhook, error) {
	a, w, err := own(ctx, id)
	if err != nil {
		return nil, err
	}
	u := a.Client.Webhook.UpdateOne(w)
	if in.URL != nil {
		url, err := checkURL(ctx, *in.URL)
		if err != nil {
			return nil, err
		}
		u.SetURL(url)
	}
	if in.Description != nil {
		description, err := checkDescription(in.Description)
		if err != nil {
			return nil, err
		}
		u.SetDescription(description)
	}
	if in.Kinds != nil {
		kinds, err := checkKinds(in.Kinds)
		if err != nil {
			return nil, err
		}
		u.SetKinds(kinds)
	}
	if in.Enabled != nil && *in.Enabled != w.Enabled {
		u.SetEnabled(*in.Enabled)
		if *in.Enabled {
			u.ClearFailingSince().SetDisabledReason("")
		} else {
			u.SetDisabledReason("disabled by its owner")
			if err := giveUp(a.Sys, a.Client, w.ID); err != nil {
				return nil, err
			}
		}
	}
	if w, err = u.Save(a.Sys); err != nil {
		return nil, err
	}
	return w, a.Audit("UPDATE_WEBHOOK", "Webhook", w.ID)
}

// Delete deletes one of the viewer's endpoints and its delivery log.
func Delete(ctx context.Context, id gid.ID) (gid.ID, error) {
	a, w, err := own(ctx, id)
	if err != nil {
		return "", err
	}
	if _, err := a.Client.WebhookDelivery.Delete().Where(webhookdelivery.HasWebhookWith(webhook.ID(w.ID))).Exec(a.Sys); err != nil {
		return "", err
	}
	if err := a.Client.Webhook.DeleteOneID(w.ID).Exec(a.Sys); err != nil {
		return "", err
	}
	return w.ID, a.Audit("DELETE_WEBHOOK", "Webhook", w.ID)
}

// Redeliver puts one of the viewer's deliveries back in the queue, due
// now, whatever its state: it goes out in its place in the order of its
// case. The endpoint must be enabled.
func Redeliver(ctx context.Context, id gid.ID) (*ent.WebhookDelivery, error) {
	a, err := action.Start(ctx)
	if err != nil {
		return nil, err
	}
	// Read as the viewer: another user's delivery is NOT_FOUND.
	d, err := a.Client.WebhookDelivery.Query().Where(webhookdelivery.ID(id)).WithWebhook().Only(a.Ctx)
	if err != nil {
		return nil, err
	}
	if err := a.Writable(); err != nil {
		return nil, err
	}
	if !d.Edges.Webhook.Enabled {
		return nil, fault.Invalidf("id", "the endpoint is disabled: enable it (updateWebhook) before sending again")
	}
	d, err = a.Client.WebhookDelivery.UpdateOne(d).SetState(webhookdelivery.StatePENDING).SetNextAttemptAt(time.Now()).
		ClearClaimedUntil().ClearDeliveredAt().Save(a.Sys)
	if err != nil {
		return nil, err
	}
	return d, a.Audit("REDELIVER_WEBHOOK", "WebhookDelivery", d.ID)
}

// own starts an action on one of the viewer's endpoints: another user's
// is NOT_FOUND, as if it did not exist.
func own(ctx context.Context, id gid.ID) (*action.Action, *ent.Webhook, error) {
	a, err := action.Start(ctx)
	if err != nil {
		return nil, nil, err
	}
	w, err := a.Client.Webhook.Query().Where(webhook.ID(id)).Only(a.Ctx)
	if err != nil {
		return nil, nil, err
	}
	if err := a.Writable(); err != nil {
		return nil, nil, err
	}
	return a, w, nil
}

// checkKinds checks the kinds an endpoint receives: at least one, each
// once.
func checkKinds(kinds []domain.EventKind) ([]domain.EventKind, error) {
	if len(kinds) == 0 {
		return nil, fault.Invalidf("kinds", "name at least one kind of event")
	}
	for i, k := range kinds {
		if !slices.Contains(domain.EventKinds, k) {
			return nil, fault.Invalidf("kinds", "%q is not a kind of event", k)
		}
		if slices.Contains(kinds[:i], k) {
			return nil, fault.Invalidf("kinds", "%s is named twice", k)
		}
	}
	return slices.Clone(kinds), nil
}

// maxDescription is the schema's bound of a description, in bytes.
const maxDescription = 200

// checkDescription trims a description and checks its length.
func checkDescription(d *string) (string, error) {
	if d == nil {
		return "", nil
	}
	s := strings.TrimSpace(*d)
	if len(s) > maxDescription {
		return "", fault.Invalidf("description", "must be at most %d bytes", maxDescription)
	}
	return s, nil
}
