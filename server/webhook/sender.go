package webhook

import (
	"bytes"
	"context"
	"encoding/json"
	"errors"
	"fmt"
	"io"
	"log/slog"
	"net"
	"net/http"
	"strconv"
	"sync"
	"time"
	"unicode/utf8"

	"entgo.io/ent/dialect"
	"entgo.io/ent/dialect/sql"

	"github.com/progetto-win/win/domain"
	"github.com/progetto-win/win/domain/gid"
	"github.com/progetto-win/win/domain/viewer"
	"github.com/progetto-win/win/ent"
	"github.com/progetto-win/win/ent/apitoken"
	"github.com/progetto-win/win/ent/outboxevent"
	"github.com/progetto-win/win/ent/predicate"
	"github.com/progetto-win/win/ent/privacy"
	"github.com/progetto-win/win/ent/schema/rule"
	"github.com/progetto-win/win/ent/user"
	"github.com/progetto-win/win/ent/webhook"
	"github.com/progetto-win/win/ent/webhookdelivery"
	"github.com/progetto-win/win/server/auth"
	"github.com/progetto-win/win/server/outbox"
	"github.com/progetto-win/win/server/store"
)

// Backoff is the wait before each retry, after the first attempt's
// failure, the second's, and so on: the schedule of Standard Webhooks.
// A delivery that fails once more after the last is given up (FAILED);
// an endpoint failing for FailingLimit is disabled before that.
var Backoff = []time.Duration{5 * time.Second, 5 * time.Minute, 30 * time.Minute, 2 * time.Hour, 5 * time.Hour, 10 * time.Hour, 10 * time.Hour}

// FailingLimit is how long an endpoint may fail, with no delivery
// acknowledged, before it is disabled and its owner told.
const FailingLimit = 24 * time.Hour

// Bounds of a request to an endpoint.
const (
	Timeout      = 10 * time.Second
	MaxBodyRead  = 64 << 10 // of the endpoint's answer, read then dropped
	maxLastError = 300      // the schema's bound of last_error
	userAgent    = "WIN-Webhooks/1.0"
)

// Sender sends the queued deliveries (the Channel queues them): it
// claims those due, in order per endpoint and ordering key, signs and
// posts them, and records each attempt. Several senders, in one process
// or several on one PostgreSQL database, share the queue: a claim locks
// its rows (FOR UPDATE SKIP LOCKED) and leases them for Lease, after
// which a sender whose process died is replaced by another.
type Sender struct {
	client  *ent.Client
	dialect string
	http    *http.Client
	log     *slog.Logger
	kick    chan struct{}

	Now         func() time.Time // the clock; tests set it
	Lease       time.Duration    // how long a claim holds a delivery
	Poll        time.Duration    // the longest wait without a kick
	Batch       int              // deliveries claimed at once
	Concurrency int              // requests in flight at once
}

// NewSender returns a sender over the database, with the default
// bounds.
func NewSender(db *store.DB, logger *slog.Logger) *Sender {
	if logger == nil {
		logger = slog.Default()
	}
	return &Sender{
		client: db.Client(), dialect: db.Dialect, http: newHTTPClient(Timeout), log: logger, kick: make(chan struct{}, 1),
		Now: time.Now, Lease: 2 * time.Minute, Poll: 30 * time.Second, Batch: 50, Concurrency: 8,
	}
}

// newHTTPClient returns the client of deliveries: a timeout for the
// whole request, no proxy, no redirect followed, and a dialer that
// refuses addresses that are not public when it connects.
func newHTTPClient(timeout time.Duration) *http.Client {
	dialer := &net.Dialer{Timeout: timeout, Control: dialControl}
	return &http.Client{
		Timeout: timeout,
		Transport: &http.Transport{
			DialContext: dialer.DialContext, TLSHandshakeTimeout: timeout, ResponseHeaderTimeout: timeout,
			MaxIdleConnsPerHost: 2, IdleConnTimeout: 90 * time.Second, ForceAttemptHTTP2: true,
		},
		CheckRedirect: func(*http.Request, []*http.Request) error { return http.ErrUseLastResponse },
	}
}

// Kick wakes the sender: deliveries were queued.
func (s *Sender) Kick() {
	select {
	case s.kick <- struct{}{}:
	default:
	}
}

// Run sends deliveries until ctx ends: at once when kicked, when the
// next retry falls due, and every Poll otherwise (for deliveries queued
// by other processes, and leases of senders that died).
func (s *Sender) Run(ctx context.Context) {
	timer := time.NewTimer(0)
	defer timer.Stop()
	for {
		select {
		case <-ctx.Done():
			return
		case <-s.kick:
		case <-timer.C:
		}
		n, err := s.RunOnce(ctx)
		if err != nil && ctx.Err() == nil {
			s.log.Warn("webhook deliveries", "error", err)
		}
		// Sending one may free those it held back (the next of its
		// order): claim again until nothing is claimed.
		wait := time.Duration(0)
		if n == 0 || err != nil {
			wait = s.untilNextDue(ctx)
		}
		if !timer.Stop() {
			select {
			case <-timer.C:
			default:
			}
		}
		timer.Reset(wait)
	}
}

// untilNextDue is how long until the next retry falls due, or the next
// lease runs out (of a sender whose process died, whose deliveries hold
// back the rest of their order), at most Poll.
func (s *Sender) untilNextDue(ctx context.Context) time.Duration {
	now := s.Now()
	wait := s.Poll
	sys := rule.SystemContext(ctx)
	pending := webhookdelivery.StateEQ(webhookdelivery.StatePENDING)
	if next, err := s.client.WebhookDelivery.Query().Where(pending, webhookdelivery.NextAttemptAtGT(now)).
		Order(webhookdelivery.ByNextAttemptAt()).Select(webhookdelivery.FieldNextAttemptAt).First(sys); err == nil && next.NextAttemptAt != nil {
		wait = min(wait, next.NextAttemptAt.Sub(now)+time.Millisecond)
	}
	if leased, err := s.client.WebhookDelivery.Query().Where(pending, webhookdelivery.ClaimedUntilGT(now)).
		Order(webhookdelivery.ByClaimedUntil()).Select(webhookdelivery.FieldClaimedUntil).First(sys); err == nil && leased.ClaimedUntil != nil {
		wait = min(wait, leased.ClaimedUntil.Sub(now)+time.Millisecond)
	}
	return wait
}

// RunOnce claims the deliveries due now, up to Batch, sends them and
// records the outcomes; it returns how many it claimed.
func (s *Sender) RunOnce(ctx context.Context) (int, error) {
	ids, lease, err := s.claim(ctx)
	if err != nil || len(ids) == 0 {
		return 0, err
	}
	sys := rule.SystemContext(ctx)
	deliveries, err := s.client.WebhookDelivery.Query().Where(webhookdelivery.IDIn(ids...)).
		WithWebhook(func(q *ent.WebhookQuery) {
			q.WithOwner(func(q *ent.UserQuery) { q.Select(user.FieldID) }).
				WithToken(func(q *ent.APITokenQuery) { q.Select(apitoken.FieldID) })
		}).All(sys)
	if err != nil {
		return len(ids), err // the lease runs out, and they are claimed again
	}
	var (
		wg   sync.WaitGroup
		mu   sync.Mutex
		errs []error
		sem  = make(chan struct{}, max(s.Concurrency, 1))
	)
	for _, d := range deliveries {
		sem <- struct{}{}
		wg.Add(1)
		go func() {
			defer func() { <-sem; wg.Done() }()
			if err := s.deliver(ctx, d, lease); err != nil {
				mu.Lock()
				errs = append(errs, fmt.Errorf("delivery %s: %w", d.ID, err))
				mu.Unlock()
			}
		}()
	}
	wg.Wait()
	return len(ids), errors.Join(errs...)
}

// Drain runs RunOnce until nothing is due: for tests and tools.
func (s *Sender) Drain(ctx context.Context) error {
	for {
		n, err := s.RunOnce(ctx)
		if err != nil || n == 0 {
			return err
		}
	}
}

// claim leases the deliveries due now, in one transaction: PENDING, due,
// not leased by another sender, of an enabled endpoint, and with no
// earlier delivery of the same endpoint and ordering key still PENDING
// (so that a retry holds back what follows it). On PostgreSQL the rows
// are locked and those another sender is locking are skipped.
func (s *Sender) claim(ctx context.Context) ([]gid.ID, time.Time, error) {
	now := s.Now()
	lease := now.Add(s.Lease).UTC().Truncate(time.Microsecond) // as stored: the outcome's guard compares it
	sys := rule.SystemContext(ctx)
	var ids []gid.ID
	err := store.WithTx(ctx, s.client, func(tx *ent.Client) error {
		q := tx.WebhookDelivery.Query().Where(
			webhookdelivery.StateEQ(webhookdelivery.StatePENDING), webhookdelivery.NextAttemptAtLTE(now),
			webhookdelivery.Or(webhookdelivery.ClaimedUntilIsNil(), webhookdelivery.ClaimedUntilLT(now)),
			webhookdelivery.HasWebhookWith(webhook.Enabled(true)), noEarlierPending(),
		).Order(webhookdelivery.ByNextAttemptAt(), webhookdelivery.ByID()).Limit(s.Batch)
		if s.dialect == dialect.Postgres {
			q.ForUpdate(sql.WithLockAction(sql.SkipLocked))
		}
		var err error
		if ids, err = q.IDs(sys); err != nil || len(ids) == 0 {
			return err
		}
		return tx.WebhookDelivery.Update().Where(webhookdelivery.IDIn(ids...)).SetClaimedUntil(lease).Exec(sys)
	})
	return ids, lease, err
}

// noEarlierPending selects deliveries that nothing earlier of the same
// ordering key waits before: no delivery of the same endpoint still
// PENDING, and no event of the outbox not yet dispatched (another
// process's dispatcher may hold it, or retry it), earlier by the event's
// time, then by ID, so that two events of the same instant still go in
// one order. A delivery's created_at is its event's time.
func noEarlierPending() predicate.WebhookDelivery {
	return func(s *sql.Selector) {
		earlier := func(at, id string) *sql.Predicate {
			return sql.Or(
				sql.ColumnsLT(at, s.C(webhookdelivery.FieldCreatedAt)),
				sql.And(sql.ColumnsEQ(at, s.C(webhookdelivery.FieldCreatedAt)), sql.ColumnsLT(id, s.C(webhookdelivery.FieldEventID))),
			)
		}
		d := sql.Table(webhookdelivery.Table).As("earlier")
		e := sql.Table(outboxevent.Table).As("undispatched")
		s.Where(sql.And(
			sql.NotExists(sql.Select(d.C(webhookdelivery.FieldID)).From(d).Where(sql.And(
				sql.ColumnsEQ(d.C(webhookdelivery.WebhookColumn), s.C(webhookdelivery.WebhookColumn)),
				sql.ColumnsEQ(d.C(webhookdelivery.FieldOrderingKey), s.C(webhookdelivery.FieldOrderingKey)),
				sql.EQ(d.C(webhookdelivery.FieldState), webhookdelivery.StatePENDING.String()),
				earlier(d.C(webhookdelivery.FieldCreatedAt), d.C(webhookdelivery.FieldEventID)),
			))),
			sql.NotExists(sql.Select(e.C(outboxevent.FieldID)).From(e).Where(sql.And(
				sql.ColumnsEQ(e.C(outboxevent.FieldOrderingKey), s.C(webhookdelivery.FieldOrderingKey)),
				sql.IsNull(e.C(outboxevent.FieldDispatchedAt)),
				earlier(e.C(outboxevent.FieldOccurredAt), e.C(outboxevent.FieldID)),
			))),
		))
	}
}

// deliver makes one attempt at a claimed delivery, unless its endpoint's
// token no longer acts (the endpoint is disabled) or may not read what
// the event concerns (SKIPPED, nothing sent).
func (s *Sender) deliver(ctx context.Context, d *ent.WebhookDelivery, lease time.Time) error {
	w := d.Edges.Webhook
	if w == nil || w.Edges.Token == nil || w.Edges.Owner == nil {
		return errors.New("its endpoint was not loaded")
	}
	v, err := auth.TokenViewer(ctx, s.client, w.Edges.Token.ID, s.Now())
	if err != nil {
		return err
	}
	if v == nil {
		return s.disable(ctx, w, "its API token was revoked or expired, or its owner's account was disabled")
	}
	ok, err := s.mayRead(ctx, v, d)
	if err != nil {
		return err
	}
	if !ok {
		return s.settle(ctx, d, lease, outcome{skipped: true, err: "the token may not read what the event concerns: not sent"})
	}
	return s.settle(ctx, d, lease, s.post(ctx, w, d))
}

// mayRead reports whether the token's viewer may read now what the
// event concerns: its case, directive and object, each through the
// privacy rules of its type.
func (s *Sender) mayRead(ctx context.Context, v *viewer.Viewer, d *ent.WebhookDelivery) (bool, error) {
	var p Payload
	if err := json.Unmarshal([]byte(d.Payload), &p); err != nil {
		return false, err
	}
	as := viewer.NewContext(ctx, v)
	for _, id := range []gid.ID{p.Data.CaseID, p.Data.DirectiveID, p.Data.ObjectID} {
		if id == "" {
			continue
		}
		_, err := s.client.Noder(as, id, ent.WithNodeType(ent.IDToType))
		switch {
		case ent.IsNotFound(err) || ent.IsNotSingular(err) || isDenied(err):
			return false, nil
		case err != nil:
			return false, err
		}
	}
	return true, nil
}

// outcome is what an attempt gave.
type outcome struct {
	status   *int
	duration time.Duration
	err      string // why it failed; "" for a 2xx
	skipped  bool
}

func (o outcome) delivered() bool { return !o.skipped && o.err == "" }

// post sends a delivery to its endpoint, signed, and reads at most
// MaxBodyRead of the answer.
func (s *Sender) post(ctx context.Context, w *ent.Webhook, d *ent.WebhookDelivery) outcome {
	ts := s.Now().Unix()
	body := []byte(d.Payload)
	signature, err := Sign(w.Secret, string(d.EventID), ts, body)
	if err != nil {
		return outcome{err: err.Error()}
	}
	req, err := http.NewRequestWithContext(ctx, http.MethodPost, w.URL, bytes.NewReader(body))
	if err != nil {
		return outcome{err: "the URL cannot be requested"}
	}
	req.Header.Set("Content-Type", "application/json")
	req.Header.Set("User-Agent", userAgent)
	req.Header.Set("webhook-id", string(d.EventID))
	req.Header.Set("webhook-timestamp", strconv.FormatInt(ts, 10))
	req.Header.Set("webhook-signature", signature)
	start := time.Now()
	resp, err := s.http.Do(req)
	if err != nil {
		return outcome{duration: time.Since(start), err: describe(err, s.http.Timeout)}
	}
	_, _ = io.Copy(io.Discard, io.LimitReader(resp.Body, MaxBodyRead))
	_ = resp.Body.Close()
	o := outcome{status: &resp.StatusCode, duration: time.Since(start)}
	switch {
	case resp.StatusCode >= 200 && resp.StatusCode < 300:
	case resp.StatusCode >= 300 && resp.StatusCode < 400:
		o.err = fmt.Sprintf("answered %d: redirects are not followed", resp.StatusCode)
	default:
		o.err = fmt.Sprintf("answered %d", resp.StatusCode)
	}
	return o
}

// describe says why a request got no answer, without Go's wrapping.
func describe(err error, timeout time.Duration) string {
	var ne net.Error
	switch {
	case errors.Is(err, errNotPublic):
		return "refused: the endpoint's address is not public (loopback, private, link-local or reserved)"
	case errors.As(err, &ne) && ne.Timeout():
		return fmt.Sprintf("no answer within %s", timeout)
	}
	var oe *net.OpError
	if errors.As(err, &oe) {
		return "cannot connect: " + oe.Err.Error()
	}
	return err.Error()
}

// settle records an attempt, unless the sender lost its claim meanwhile
// (its lease ran out and another took the delivery, or it was
// redelivered or given up): then the other's record stands. A failure
// schedules the next retry, or gives the delivery up after the last; the
// endpoint failing for FailingLimit is disabled.
func (s *Sender) settle(ctx context.Context, d *ent.WebhookDelivery, lease time.Time, o outcome) error {
	now := s.Now()
	sys := rule.SystemContext(ctx)
	w := d.Edges.Webhook
	return store.WithTx(ctx, s.client, func(tx *ent.Client) error {
		u := tx.WebhookDelivery.Update().Where(webhookdelivery.ID(d.ID), webhookdelivery.StateEQ(webhookdelivery.StatePENDING),
			webhookdelivery.ClaimedUntil(lease)).ClearClaimedUntil().SetLastError(truncate(o.err, maxLastError))
		switch {
		case o.skipped:
			return u.SetState(webhookdelivery.StateSKIPPED).ClearNextAttemptAt().Exec(sys)
		case o.status != nil:
			u.SetLastStatus(*o.status)
		default:
			u.ClearLastStatus()
		}
		u.AddAttempts(1).SetLastDurationMs(int(o.duration.Milliseconds()))
		if o.delivered() {
			n, err := u.SetState(webhookdelivery.StateDELIVERED).SetDeliveredAt(now).ClearNextAttemptAt().Save(sys)
			if err != nil || n == 0 {
				return err
			}
			return tx.Webhook.Update().Where(webhook.ID(w.ID), webhook.FailingSinceNotNil()).ClearFailingSince().Exec(sys)
		}
		// Failed: since when has the endpoint failed? Read now, not when
		// the delivery was claimed: another may have succeeded since.
		since := now
		cur, err := tx.Webhook.Query().Where(webhook.ID(w.ID)).Select(webhook.FieldFailingSince).Only(sys)
		if ent.IsNotFound(err) {
			return nil // deleted meanwhile, with its deliveries
		}
		if err != nil {
			return err
		}
		if cur.FailingSince != nil {
			since = *cur.FailingSince
		}
		attempts := d.Attempts + 1
		if !now.Before(since.Add(FailingLimit)) {
			if n, err := u.Save(sys); err != nil || n == 0 {
				return err
			}
			return disable(sys, tx, w, "it failed for 24 hours")
		}
		if attempts > len(Backoff) {
			n, err := u.SetState(webhookdelivery.StateFAILED).ClearNextAttemptAt().Save(sys)
			if err != nil || n == 0 {
				return err
			}
		} else {
			next := now.Add(Backoff[attempts-1])
			// The last retry falls when the endpoint has failed for a
			// day, so that it is disabled then rather than hours later.
			if limit := since.Add(FailingLimit); next.After(limit) {
				next = limit
			}
			n, err := u.SetNextAttemptAt(next).Save(sys)
			if err != nil || n == 0 {
				return err
			}
		}
		return tx.Webhook.Update().Where(webhook.ID(w.ID), webhook.FailingSinceIsNil()).SetFailingSince(since).Exec(sys)
	})
}

// disable disables an endpoint in its own transaction (disable).
func (s *Sender) disable(ctx context.Context, w *ent.Webhook, reason string) error {
	return store.WithTx(ctx, s.client, func(tx *ent.Client) error {
		return disable(rule.SystemContext(ctx), tx, w, reason)
	})
}

// disable disables an endpoint that is enabled, gives up its pending
// deliveries and tells its owner (WEBHOOK_DISABLED).
func disable(ctx context.Context, tx *ent.Client, w *ent.Webhook, reason string) error {
	n, err := tx.Webhook.Update().Where(webhook.ID(w.ID), webhook.Enabled(true)).
		SetEnabled(false).SetDisabledReason(reason).Save(ctx)
	if err != nil || n == 0 {
		return err
	}
	if err := giveUp(ctx, tx, w.ID); err != nil {
		return err
	}
	return outbox.Write(ctx, tx, outbox.Event{Kind: domain.EventWebhookDisabled, User: w.Edges.Owner.ID, Object: w.ID})
}

// giveUp marks an endpoint's pending deliveries FAILED.
func giveUp(ctx context.Context, tx *ent.Client, id gid.ID) error {
	return tx.WebhookDelivery.Update().
		Where(webhookdelivery.HasWebhookWith(webhook.ID(id)), webhookdelivery.StateEQ(webhookdelivery.StatePENDING)).
		SetState(webhookdelivery.StateFAILED).ClearNextAttemptAt().ClearClaimedUntil().Exec(ctx)
}

// isDenied reports whether a privacy rule refused a read.
func isDenied(err error) bool { return errors.Is(err, privacy.Deny) }

// truncate cuts s to at most n bytes, on a character's boundary.
func truncate(s string, n int) string {
	if len(s) <= n {
		return s
	}
	for n > 0 && !utf8.RuneStart(s[n]) {
		n--
	}
	return s[:n]
}
