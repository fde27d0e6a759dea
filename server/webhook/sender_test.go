package webhook_test

import (
	"context"
	"encoding/json"
	"net/http"
	"slices"
	"strconv"
	"strings"
	"sync"
	"testing"
	"time"

	standardwebhooks "github.com/standard-webhooks/standard-webhooks/libraries/go"

	"github.com/progetto-win/win/domain"
	"github.com/progetto-win/win/domain/gid"
	"github.com/progetto-win/win/domain/viewer"
	"github.com/progetto-win/win/ent"
	"github.com/progetto-win/win/ent/outboxevent"
	"github.com/progetto-win/win/ent/webhookdelivery"
	"github.com/progetto-win/win/server/store"
	"github.com/progetto-win/win/server/store/storetest"
	"github.com/progetto-win/win/server/webhook"
)

// The example of the Standard Webhooks libraries' own tests.
const (
	specSecret    = "whsec_MfKQ9r8GKYqrTwjUPD8ILPZIo2LaLaSw"
	specID        = "msg_p5jXN8AQM9LWM0D4loKWxJek"
	specTimestamp = 1614265330
	specBody      = `{"test": 2432232314}`
	specSignature = "v1,g0hM9SsE+OTPJTGt/tmIKtSyZlE3uFJELVlNIOLJ1OE="
)

func TestSignatureIsTheSpecs(t *testing.T) {
	got, err := webhook.Sign(specSecret, specID, specTimestamp, []byte(specBody))
	if err != nil || got != specSignature {
		t.Fatalf("Sign = %q, %v; want the specification's %q", got, err, specSignature)
	}
	r := received{ID: specID, Timestamp: strconv.Itoa(specTimestamp), Signature: got, Body: []byte(specBody)}
	if !verify(specSecret, r) {
		t.Fatal("the independent verifier rejects the specification's example")
	}
	r.Body = []byte(`{"test": 2432232315}`)
	if verify(specSecret, r) {
		t.Fatal("the verifier accepts a changed body: it checks nothing")
	}
	if _, err := webhook.Sign("not-a-secret", specID, 1, nil); err == nil {
		t.Fatal("a secret without whsec_ signs")
	}
}

func TestDeliveryIsSignedAndCarriesIDsOnly(t *testing.T) {
	storetest.Each(t, func(t *testing.T, db *store.DB) {
		h := newHarness(t, db)
		h.set(time.Now().Truncate(time.Second)) // the library checks the timestamp against its own clock
		rcv := newReceiver(t)
		created := h.register(h.tokenViewer(h.f["User"]), rcv.URL+"/hooks?x=1")
		if len(created.Secret) != len("whsec_")+44 || created.Secret[:6] != "whsec_" {
			t.Fatalf("secret %q is not whsec_ and 32 bytes in base64", created.Secret)
		}
		e := h.event(domain.EventCaseChanged, h.f["Case"])
		h.event(domain.EventDirectiveIssued, h.f["Case"]) // a kind the endpoint did not choose
		h.drain()
		got := rcv.requests()
		if len(got) != 1 {
			t.Fatalf("the endpoint got %d requests, want 1", len(got))
		}
		r := got[0]
		if r.ID != string(e.ID) || r.ContentType != "application/json" || r.UserAgent == "" {
			t.Errorf("headers: id %q (want %s), content type %q, user agent %q", r.ID, e.ID, r.ContentType, r.UserAgent)
		}
		if !verify(created.Secret, r) {
			t.Errorf("the signature %q does not verify as the specification says", r.Signature)
		}
		lib, err := standardwebhooks.NewWebhook(created.Secret)
		if err != nil {
			t.Fatal(err)
		}
		if err := lib.Verify(r.Body, r.Header); err != nil {
			t.Errorf("the Standard Webhooks library rejects the delivery: %v", err)
		}
		var body map[string]any
		if err := json.Unmarshal(r.Body, &body); err != nil {
			t.Fatal(err)
		}
		data, _ := body["data"].(map[string]any)
		want := map[string]any{"eventId": string(e.ID), "caseId": string(h.f["Case"]), "tableId": string(h.f["Table"])}
		if body["type"] != "CASE_CHANGED" || body["timestamp"] != e.OccurredAt.UTC().Format(time.RFC3339Nano) || len(body) != 3 ||
			len(data) != len(want) {
			t.Errorf("payload %s, want type, timestamp and data %v", r.Body, want)
		}
		for k, v := range want {
			if data[k] != v {
				t.Errorf("data.%s = %v, want %v", k, data[k], v)
			}
		}
		d := h.delivery(created.Webhook.ID, e.ID)
		if d.State != webhookdelivery.StateDELIVERED || d.Attempts != 1 || d.LastStatus == nil || *d.LastStatus != 200 ||
			d.DeliveredAt == nil || d.NextAttemptAt != nil || d.LastDurationMs == nil {
			t.Errorf("delivery after a 200: %+v", d)
		}
	})
}

func TestRetriesFollowTheBackoffThenTheEndpointIsDisabled(t *testing.T) {
	storetest.Each(t, func(t *testing.T, db *store.DB) {
		h := newHarness(t, db)
		rcv := newReceiver(t)
		rcv.answer = func(string, int) int { return http.StatusServiceUnavailable }
		owner := h.f["User"]
		created := h.register(h.tokenViewer(owner), rcv.URL)
		hook := created.Webhook.ID
		e := h.event(domain.EventCaseChanged, h.f["Case"])
		first := h.clock()
		// The schedule from the first failure: 5 s, 5 min, 30 min, 2 h,
		// 5 h, 10 h, then the end of the day of failures, when the
		// endpoint is disabled.
		var at []time.Duration
		var sum time.Duration
		for _, wait := range webhook.Backoff[:6] {
			sum += wait
			at = append(at, sum)
		}
		at = append(at, webhook.FailingLimit)
		for i, want := range at {
			h.drain()
			d := h.delivery(hook, e.ID)
			if d.State != webhookdelivery.StatePENDING || d.Attempts != i+1 || d.NextAttemptAt == nil || !d.NextAttemptAt.Equal(first.Add(want)) ||
				d.LastStatus == nil || *d.LastStatus != 503 || d.LastError == "" {
				t.Fatalf("after attempt %d: %+v; want PENDING, next at +%s", i+1, d, want)
			}
			h.set(d.NextAttemptAt.Add(-time.Second))
			h.drain() // not yet due
			h.set(*d.NextAttemptAt)
		}
		h.drain()
		if n := len(rcv.requests()); n != len(at)+1 {
			t.Errorf("the endpoint got %d attempts, want %d", n, len(at)+1)
		}
		for _, id := range rcv.ids() {
			if id != string(e.ID) {
				t.Errorf("an attempt carries webhook-id %s, want the event's %s on every attempt", id, e.ID)
			}
		}
		w := h.c.Webhook.GetX(h.sys, hook)
		if w.Enabled || w.DisabledReason == "" || w.FailingSince == nil || !w.FailingSince.Equal(first) {
			t.Errorf("after a day of failures the endpoint is %+v, want disabled, failing since %s", w, first)
		}
		if d := h.delivery(hook, e.ID); d.State != webhookdelivery.StateFAILED || d.NextAttemptAt != nil {
			t.Errorf("the delivery is %s, next %v; want FAILED", d.State, d.NextAttemptAt)
		}
		told := h.c.OutboxEvent.Query().Where(outboxevent.KindEQ(domain.EventWebhookDisabled)).AllX(h.sys)
		if len(told) != 1 || told[0].UserID != owner || told[0].ObjectID != hook {
			t.Errorf("WEBHOOK_DISABLED events %+v, want one for the owner about the endpoint", told)
		}
		// A later event queues nothing for the disabled endpoint.
		h.event(domain.EventCaseChanged, h.f["Case"])
		if n := h.c.WebhookDelivery.Query().CountX(h.sys); n != 1 {
			t.Errorf("%d deliveries, want none more for a disabled endpoint", n)
		}
	})
}

func TestASuccessClearsTheFailures(t *testing.T) {
	storetest.Each(t, func(t *testing.T, db *store.DB) {
		h := newHarness(t, db)
		rcv := newReceiver(t)
		rcv.answer = func(_ string, n int) int { return map[bool]int{true: 500, false: 204}[n == 1] }
		hook := h.register(h.tokenViewer(h.f["User"]), rcv.URL).Webhook.ID
		e := h.event(domain.EventCaseChanged, h.f["Case"])
		h.drain()
		if w := h.c.Webhook.GetX(h.sys, hook); w.FailingSince == nil {
			t.Fatal("a failure does not mark the endpoint failing")
		}
		h.advance(webhook.Backoff[0])
		h.drain()
		if d := h.delivery(hook, e.ID); d.State != webhookdelivery.StateDELIVERED || d.Attempts != 2 {
			t.Errorf("after a 204: %s, %d attempts", d.State, d.Attempts)
		}
		if w := h.c.Webhook.GetX(h.sys, hook); w.FailingSince != nil || !w.Enabled {
			t.Errorf("a success leaves the endpoint failing since %v", w.FailingSince)
		}
	})
}

func TestOrderIsKeptPerCase(t *testing.T) {
	storetest.Each(t, func(t *testing.T, db *store.DB) {
		h := newHarness(t, db)
		rcv := newReceiver(t)
		other := h.newCase("EMP-2025-0002")
		var a1 *ent.OutboxEvent
		rcv.answer = func(id string, n int) int {
			if id == string(a1.ID) && n == 1 {
				return http.StatusInternalServerError
			}
			return http.StatusOK
		}
		hook := h.register(h.tokenViewer(h.f["User"]), rcv.URL).Webhook.ID
		a1 = h.event(domain.EventCaseChanged, h.f["Case"])
		a2 := h.event(domain.EventCaseChanged, h.f["Case"])
		b1 := h.event(domain.EventCaseChanged, other)
		h.drain()
		if got, want := rcv.ids(), []string{string(a1.ID), string(b1.ID)}; !sameSet(got, want) {
			t.Fatalf("first round sent %v, want the first of each case %v", got, want)
		}
		if d := h.delivery(hook, a2.ID); d.State != webhookdelivery.StatePENDING || d.Attempts != 0 {
			t.Fatalf("the case's second event went out (%s, %d attempts) while its first waits for a retry", d.State, d.Attempts)
		}
		h.advance(webhook.Backoff[0])
		h.drain()
		got := rcv.ids()
		if len(got) != 4 || got[2] != string(a1.ID) || got[3] != string(a2.ID) {
			t.Fatalf("after the retry the endpoint got %v, want then %s and %s in that order", got, a1.ID, a2.ID)
		}
	})
}

// TestOrderWaitsForAnEarlierEventNotYetDispatched: an event of a case
// that another dispatcher holds, or retries, holds back the deliveries of
// the case's later events, which another dispatcher may have queued.
func TestOrderWaitsForAnEarlierEventNotYetDispatched(t *testing.T) {
	storetest.Each(t, func(t *testing.T, db *store.DB) {
		h := newHarness(t, db)
		rcv := newReceiver(t)
		h.register(h.tokenViewer(h.f["User"]), rcv.URL)
		first := h.c.OutboxEvent.Create().SetKind(domain.EventCaseChanged).SetCaseID(h.f["Case"]).SetTableID(h.f["Table"]).
			SetOrderingKey(string(h.f["Case"])).SetOccurredAt(h.clock()).
			SetActorID("").SetOtherTableID("").SetDirectiveID("").SetUserID("").SetObjectID("").SaveX(h.sys) // as outbox.Write does
		h.advance(time.Millisecond)
		second := h.event(domain.EventCaseChanged, h.f["Case"])
		h.drain()
		if got := rcv.ids(); len(got) != 0 {
			t.Fatalf("sent %v while the case's earlier event waits to be dispatched", got)
		}
		// Its dispatcher queues it now.
		err := store.WithTx(h.sys, h.c, func(tx *ent.Client) error {
			if err := tx.OutboxEvent.UpdateOne(first).SetDispatchedAt(h.clock()).Exec(h.sys); err != nil {
				return err
			}
			return h.ch.Fanout(h.sys, tx, first, nil)
		})
		if err != nil {
			t.Fatal(err)
		}
		h.drain()
		if got := rcv.ids(); !slices.Equal(got, []string{string(first.ID), string(second.ID)}) {
			t.Fatalf("sent %v, want %s then %s", got, first.ID, second.ID)
		}
	})
}

// TestRunSendsWhatTheLastDeliveryHeldBack: with one kick for three events
// of a case, Run sends all three at once, although each waits for the
// one before (not one per Poll).
func TestRunSendsWhatTheLastDeliveryHeldBack(t *testing.T) {
	storetest.Each(t, func(t *testing.T, db *store.DB) {
		h := newHarness(t, db)
		rcv := newReceiver(t)
		h.register(h.tokenViewer(h.f["User"]), rcv.URL)
		for range 3 {
			h.event(domain.EventCaseChanged, h.f["Case"])
		}
		h.sender.Poll = time.Hour
		ctx, cancel := context.WithCancel(context.Background())
		defer cancel()
		go h.sender.Run(ctx)
		h.sender.Kick()
		deadline := time.Now().Add(10 * time.Second)
		for len(rcv.ids()) < 3 {
			if time.Now().After(deadline) {
				t.Fatalf("Run sent %d of 3 deliveries of one case", len(rcv.ids()))
			}
			time.Sleep(20 * time.Millisecond)
		}
	})
}

func sameSet(a, b []string) bool {
	a, b = slices.Clone(a), slices.Clone(b)
	slices.Sort(a)
	slices.Sort(b)
	return slices.Equal(a, b)
}

// Two senders on one database — on PostgreSQL, the row locks that skip
// locked rows — deliver each delivery once, each case's in order.
func TestTwoSendersDeliverEachOnce(t *testing.T) {
	storetest.Each(t, func(t *testing.T, db *store.DB) {
		h := newHarness(t, db)
		rcv := newReceiver(t)
		h.register(h.tokenViewer(h.f["User"]), rcv.URL)
		cases := []gid.ID{h.f["Case"], h.newCase("EMP-2025-0002"), h.newCase("EMP-2025-0003"), h.newCase("EMP-2025-0004")}
		var events []gid.ID
		order := map[string]int{}
		for i := range 60 {
			e := h.event(domain.EventCaseChanged, cases[i%len(cases)])
			events = append(events, e.ID)
			order[string(e.ID)] = i
		}
		senders := []*webhook.Sender{h.newSender(), h.newSender()}
		var wg sync.WaitGroup
		for _, s := range senders {
			s.Batch, s.Concurrency = 3, 2
			wg.Add(1)
			go func() {
				defer wg.Done()
				for h.c.WebhookDelivery.Query().Where(webhookdelivery.StateEQ(webhookdelivery.StatePENDING)).ExistX(h.sys) {
					if _, err := s.RunOnce(context.Background()); err != nil {
						t.Error(err)
						return
					}
				}
			}()
		}
		wg.Wait()
		count := map[string]int{}
		last := map[gid.ID]int{}
		for _, id := range rcv.ids() {
			count[id]++
			i := order[id]
			c := cases[i%len(cases)]
			if prev, ok := last[c]; ok && prev > i {
				t.Errorf("case %s: event %d arrived after event %d", c, i, prev)
			}
			last[c] = i
		}
		for _, id := range events {
			if count[string(id)] != 1 {
				t.Errorf("event %s arrived %d times, want once", id, count[string(id)])
			}
		}
	})
}

// A sender that claimed deliveries and died holds them only until its
// lease ends; then another sends them, and the first's late outcome is
// ignored.
func TestAnExpiredLeaseIsTakenOver(t *testing.T) {
	storetest.Each(t, func(t *testing.T, db *store.DB) {
		h := newHarness(t, db)
		rcv := newReceiver(t)
		hook := h.register(h.tokenViewer(h.f["User"]), rcv.URL).Webhook.ID
		e := h.event(domain.EventCaseChanged, h.f["Case"])
		dead := h.newSender()
		ids, _, err := dead.Claim(context.Background())
		if err != nil || len(ids) != 1 {
			t.Fatalf("claim: %v, %v", ids, err)
		}
		h.drain()
		if n := len(rcv.requests()); n != 0 {
			t.Fatalf("a leased delivery was sent %d times by another sender", n)
		}
		h.advance(dead.Lease + time.Second)
		h.drain()
		if n := len(rcv.requests()); n != 1 {
			t.Fatalf("after the lease, %d requests, want 1", n)
		}
		if d := h.delivery(hook, e.ID); d.State != webhookdelivery.StateDELIVERED || d.ClaimedUntil != nil {
			t.Errorf("delivery %s, claimed until %v", d.State, d.ClaimedUntil)
		}
	})
}

func TestNothingIsSentAboutACaseTheOwnerCannotSee(t *testing.T) {
	storetest.Each(t, func(t *testing.T, db *store.DB) {
		h := newHarness(t, db)
		rcv := newReceiver(t)
		hook := h.register(h.outsider(), rcv.URL).Webhook.ID
		e := h.event(domain.EventCaseChanged, h.f["Case"])
		h.drain()
		if n := len(rcv.requests()); n != 0 {
			t.Fatalf("the endpoint of a user who cannot see the case got %d requests", n)
		}
		if d := h.delivery(hook, e.ID); d.State != webhookdelivery.StateSKIPPED || d.NextAttemptAt != nil || d.Attempts != 0 {
			t.Errorf("delivery %s, next %v, %d attempts; want SKIPPED, settled, none", d.State, d.NextAttemptAt, d.Attempts)
		}
		if w := h.c.Webhook.GetX(h.sys, hook); !w.Enabled || w.FailingSince != nil {
			t.Errorf("a skipped delivery counts as a failure of the endpoint: %+v", w)
		}
	})
}

// An endpoint whose token no longer acts — revoked, expired, or its
// user disabled — is disabled, nothing sent, and its owner told.
func TestAnEndpointWhoseTokenEndedIsDisabled(t *testing.T) {
	storetest.Each(t, func(t *testing.T, db *store.DB) {
		h := newHarness(t, db)
		rcv := newReceiver(t)
		for _, end := range []struct {
			name string
			do   func(v *viewer.Viewer) error
		}{
			{"revoked", func(v *viewer.Viewer) error {
				return h.c.APIToken.UpdateOneID(v.TokenID).SetRevokedAt(time.Now()).Exec(h.sys)
			}},
			{"expired", func(*viewer.Viewer) error { h.advance(320 * 24 * time.Hour); return nil }},
			{"user disabled", func(v *viewer.Viewer) error { return h.c.User.UpdateOneID(v.UserID).SetDisabled(true).Exec(h.sys) }},
		} {
			h.set(time.Now().Truncate(time.Second)) // the token of each is valid now
			v := h.tokenViewer(h.f["User"])
			hook := h.register(v, rcv.URL).Webhook.ID
			e := h.event(domain.EventCaseChanged, h.f["Case"])
			if err := end.do(v); err != nil {
				t.Fatal(err)
			}
			h.drain()
			if n := len(rcv.requests()); n != 0 {
				t.Fatalf("%s: the endpoint got %d requests", end.name, n)
			}
			w := h.c.Webhook.GetX(h.sys, hook)
			if w.Enabled || w.DisabledReason == "" {
				t.Errorf("%s: endpoint enabled %v, reason %q", end.name, w.Enabled, w.DisabledReason)
			}
			if d := h.delivery(hook, e.ID); d.State != webhookdelivery.StateFAILED {
				t.Errorf("%s: its delivery is %s, want FAILED", end.name, d.State)
			}
			if n := h.c.OutboxEvent.Query().Where(outboxevent.KindEQ(domain.EventWebhookDisabled), outboxevent.ObjectID(hook)).CountX(h.sys); n != 1 {
				t.Errorf("%s: %d WEBHOOK_DISABLED events, want 1", end.name, n)
			}
		}
	})
}

func TestRedirectsAreNotFollowed(t *testing.T) {
	storetest.Each(t, func(t *testing.T, db *store.DB) {
		h := newHarness(t, db)
		target := newReceiver(t)
		rcv := newReceiver(t)
		rcv.Config.Handler = http.RedirectHandler(target.URL, http.StatusTemporaryRedirect)
		hook := h.register(h.tokenViewer(h.f["User"]), rcv.URL).Webhook.ID
		e := h.event(domain.EventCaseChanged, h.f["Case"])
		h.drain()
		if n := len(target.requests()); n != 0 {
			t.Fatalf("the redirect was followed: its target got %d requests", n)
		}
		if d := h.delivery(hook, e.ID); d.State != webhookdelivery.StatePENDING || d.LastStatus == nil || *d.LastStatus != 307 || d.NextAttemptAt == nil {
			t.Errorf("after a 307: %+v; want a failure to retry", d)
		}
	})
}

// An endpoint that does not answer in time fails the attempt; it is
// retried.
func TestASlowEndpointTimesOut(t *testing.T) {
	storetest.Each(t, func(t *testing.T, db *store.DB) {
		h := newHarness(t, db)
		rcv := newReceiver(t)
		release := make(chan struct{})
		defer close(release)
		rcv.Config.Handler = http.HandlerFunc(func(http.ResponseWriter, *http.Request) { <-release })
		h.sender.SetTimeout(200 * time.Millisecond)
		hook := h.register(h.tokenViewer(h.f["User"]), rcv.URL).Webhook.ID
		e := h.event(domain.EventCaseChanged, h.f["Case"])
		h.drain()
		d := h.delivery(hook, e.ID)
		if d.State != webhookdelivery.StatePENDING || d.Attempts != 1 || d.LastStatus != nil || d.NextAttemptAt == nil ||
			!strings.Contains(d.LastError, "no answer within") {
			t.Errorf("after a timeout: %+v", d)
		}
	})
}

// The answer's body is read at most 64 KiB: an endpoint that sends
// without end does not hold the sender.
func TestTheAnswerIsReadAtMost64KiB(t *testing.T) {
	storetest.Each(t, func(t *testing.T, db *store.DB) {
		h := newHarness(t, db)
		rcv := newReceiver(t)
		var mu sync.Mutex
		written := 0
		rcv.Config.Handler = http.HandlerFunc(func(w http.ResponseWriter, _ *http.Request) {
			w.WriteHeader(http.StatusOK)
			chunk := make([]byte, 32<<10)
			for range (1 << 30) / len(chunk) { // 1 GiB, unless the client stops reading
				n, err := w.Write(chunk)
				mu.Lock()
				written += n
				mu.Unlock()
				if err != nil {
					return
				}
			}
		})
		hook := h.register(h.tokenViewer(h.f["User"]), rcv.URL).Webhook.ID
		e := h.event(domain.EventCaseChanged, h.f["Case"])
		h.drain()
		if d := h.delivery(hook, e.ID); d.State != webhookdelivery.StateDELIVERED {
			t.Errorf("delivery %s (%s)", d.State, d.LastError)
		}
		rcv.CloseClientConnections()
		mu.Lock()
		defer mu.Unlock()
		// Socket buffers take some megabytes more than what was read.
		if written > 256<<20 {
			t.Errorf("the endpoint wrote %d MiB before the sender stopped reading", written>>20)
		}
	})
}

func TestPrivateAddressesAreRefused(t *testing.T) {
	ctx := context.Background()
	t.Setenv(webhook.AllowPrivateEnv, "")
	for _, url := range []string{
		"http://127.0.0.1:8080/x", "http://localhost/x", "http://[::1]/x", "http://10.1.2.3/", "http://192.168.0.10/",
		"http://172.16.5.4/", "http://169.254.169.254/latest/meta-data", "http://0.0.0.0/", "http://[::ffff:127.0.0.1]/",
		"http://100.64.0.1/", "http://[fe80::1]/", "http://[fd00::1]/", "http://224.0.0.1/",
		"ftp://203.0.113.10/", "https://user:pw@example.com/", "/relative", "", "https:///nohost",
		"https://example.com/" + string(make([]byte, 2000)),
	} {
		if _, err := webhook.CheckURL(ctx, url); err == nil {
			t.Errorf("%q is accepted", url)
		}
	}
	for _, url := range []string{"https://8.8.8.8/hook", "http://[2001:4860:4860::8888]:8443/hook"} {
		if _, err := webhook.CheckURL(ctx, url); err != nil {
			t.Errorf("%q is refused: %v", url, err)
		}
	}
	t.Setenv(webhook.AllowPrivateEnv, "1")
	if _, err := webhook.CheckURL(ctx, "http://127.0.0.1:8080/x"); err != nil {
		t.Errorf("with %s=1 loopback is refused: %v", webhook.AllowPrivateEnv, err)
	}
}

// An endpoint registered while private addresses were allowed is refused
// when it is called without: the dialler checks the address it connects
// to, whatever the name resolved to before.
func TestPrivateAddressesAreRefusedWhenConnecting(t *testing.T) {
	storetest.Each(t, func(t *testing.T, db *store.DB) {
		h := newHarness(t, db)
		rcv := newReceiver(t)
		hook := h.register(h.tokenViewer(h.f["User"]), rcv.URL).Webhook.ID
		e := h.event(domain.EventCaseChanged, h.f["Case"])
		t.Setenv(webhook.AllowPrivateEnv, "")
		h.drain()
		if n := len(rcv.requests()); n != 0 {
			t.Fatalf("a loopback endpoint got %d requests without %s", n, webhook.AllowPrivateEnv)
		}
		if d := h.delivery(hook, e.ID); d.State != webhookdelivery.StatePENDING || d.LastStatus != nil || d.LastError == "" {
			t.Errorf("delivery %+v; want a failure with no status", d)
		}
		if _, err := h.tryRegister(h.tokenViewer(h.f["User"]), rcv.URL); err == nil {
			t.Error("a loopback URL is registered without the flag")
		}
	})
}
