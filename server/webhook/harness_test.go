package webhook_test

import (
	"context"
	"crypto/hmac"
	"crypto/sha256"
	"encoding/base64"
	"io"
	"log/slog"
	"net/http"
	"net/http/httptest"
	"strconv"
	"strings"
	"sync"
	"testing"
	"time"

	"github.com/progetto-win/win/domain"
	"github.com/progetto-win/win/domain/gid"
	"github.com/progetto-win/win/domain/viewer"
	"github.com/progetto-win/win/ent"
	"github.com/progetto-win/win/ent/apitoken"
	"github.com/progetto-win/win/ent/casefile"
	"github.com/progetto-win/win/ent/person"
	"github.com/progetto-win/win/ent/schema/rule"
	entwebhook "github.com/progetto-win/win/ent/webhook"
	"github.com/progetto-win/win/ent/webhookdelivery"
	"github.com/progetto-win/win/server/auth"
	"github.com/progetto-win/win/server/store"
	"github.com/progetto-win/win/server/webhook"
	"github.com/progetto-win/win/server/webtest"
)

// harness is a database with one case (webtest.SeedOneOfEach), a clock
// the test moves, the outbox's channel and a sender on that clock.
type harness struct {
	t      *testing.T
	db     *store.DB
	c      *ent.Client
	f      webtest.Fixture
	sys    context.Context
	mu     sync.Mutex
	now    time.Time
	ch     *webhook.Channel
	sender *webhook.Sender
}

func newHarness(t *testing.T, db *store.DB) *harness {
	t.Helper()
	t.Setenv(webhook.AllowPrivateEnv, "1") // the receivers are on loopback
	c := db.Client()
	h := &harness{t: t, db: db, c: c, f: webtest.SeedOneOfEach(t, c), sys: rule.SystemContext(context.Background()),
		now: time.Now().Truncate(time.Second)}
	h.ch = &webhook.Channel{Now: h.clock}
	h.sender = h.newSender()
	return h
}

func (h *harness) newSender() *webhook.Sender {
	s := webhook.NewSender(h.db, slog.New(slog.NewTextHandler(io.Discard, nil)))
	s.Now = h.clock
	return s
}

func (h *harness) clock() time.Time {
	h.mu.Lock()
	defer h.mu.Unlock()
	return h.now
}

func (h *harness) set(t time.Time) {
	h.mu.Lock()
	defer h.mu.Unlock()
	h.now = t
}

func (h *harness) advance(d time.Duration) { h.set(h.clock().Add(d)) }

// tokenViewer creates a read-write API token for a user and returns the
// viewer of a request carrying it.
func (h *harness) tokenViewer(userID gid.ID) *viewer.Viewer {
	h.t.Helper()
	tok, _, err := auth.New(h.c).CreateToken(h.sys, &viewer.Viewer{UserID: userID}, "program", apitoken.ScopeReadWrite,
		time.Now().AddDate(0, 10, 0), auth.Request{})
	if err != nil {
		h.t.Fatal(err)
	}
	v, err := auth.TokenViewer(h.sys, h.c, tok.ID, time.Now())
	if err != nil || v == nil {
		h.t.Fatalf("viewer of a new token: %v, %v", v, err)
	}
	return v
}

// outsider returns the token viewer of an operator who sits at no table:
// they see no case.
func (h *harness) outsider() *viewer.Viewer {
	h.t.Helper()
	v, _ := webtest.Staff(h.t, h.c, h.f, "outsider@prova.example", domain.RoleOperator)
	return h.tokenViewer(v.UserID)
}

// register registers an endpoint as v, for kinds (default: the case's
// steps).
func (h *harness) register(v *viewer.Viewer, url string, kinds ...domain.EventKind) *webhook.Created {
	h.t.Helper()
	if len(kinds) == 0 {
		kinds = []domain.EventKind{domain.EventCaseChanged, domain.EventReferralReceived}
	}
	created, err := h.tryRegister(v, url, kinds...)
	if err != nil {
		h.t.Fatalf("registering %s: %v", url, err)
	}
	return created
}

// tryRegister registers an endpoint as v and returns the service's
// answer.
func (h *harness) tryRegister(v *viewer.Viewer, url string, kinds ...domain.EventKind) (created *webhook.Created, err error) {
	if len(kinds) == 0 {
		kinds = []domain.EventKind{domain.EventCaseChanged}
	}
	err = webtest.Mutate(h.t, h.c, v, func(ctx context.Context) (err error) {
		created, err = webhook.Create(ctx, webhook.CreateInput{URL: url, Kinds: kinds})
		return err
	})
	return created, err
}

// newCase adds a case at the fixture's table, seen by its operator.
func (h *harness) newCase(code string) gid.ID {
	h.t.Helper()
	per := h.c.Person.Create().SetBirthYear(1990).SetGender(person.GenderMale).SetCitizenshipArea(person.CitizenshipAreaItaly).
		SetMunicipalityID(h.f["Municipality"]).SaveX(h.sys)
	return h.c.CaseFile.Create().SetCode(code).SetPerson(per).SetTableID(h.f["Table"]).SetReferringOrganizationID(h.f["Organization"]).
		SetReferringOperatorID(h.f["User"]).SetReferredOn(webtest.Day(2025, 3, 3)).SetReferralReason("Sfratto").
		SetNeedAreas([]domain.NeedArea{domain.NeedHousing}).SetStatus(casefile.StatusInCharge).SetCaseManagerID(h.f["User"]).
		SetTakenInChargeOn(webtest.Day(2025, 4, 1)).SaveX(h.sys).ID
}

// event writes an event about a case, dispatched, and hands it to the
// channel, as the dispatcher does, in one transaction; it returns the
// event.
func (h *harness) event(kind domain.EventKind, caseID gid.ID) *ent.OutboxEvent {
	h.t.Helper()
	var e *ent.OutboxEvent
	err := store.WithTx(h.sys, h.c, func(tx *ent.Client) (err error) {
		e, err = tx.OutboxEvent.Create().SetKind(kind).SetCaseID(caseID).SetTableID(h.f["Table"]).
			SetOrderingKey(string(caseID)).SetOccurredAt(h.clock()).SetDispatchedAt(h.clock()).Save(h.sys)
		if err != nil {
			return err
		}
		h.advance(time.Millisecond) // events of one case follow each other
		return h.ch.Fanout(h.sys, tx, e, nil)
	})
	if err != nil {
		h.t.Fatal(err)
	}
	return e
}

// drain sends everything due now.
func (h *harness) drain() {
	h.t.Helper()
	if err := h.sender.Drain(context.Background()); err != nil {
		h.t.Fatal(err)
	}
}

// delivery reads the delivery of an event to an endpoint.
func (h *harness) delivery(hook gid.ID, event gid.ID) *ent.WebhookDelivery {
	h.t.Helper()
	d, err := h.c.WebhookDelivery.Query().Where(webhookdelivery.EventID(event), webhookdelivery.HasWebhookWith(entwebhook.ID(hook))).Only(h.sys)
	if err != nil {
		h.t.Fatal(err)
	}
	return d
}

// received is one request an endpoint got.
type received struct {
	ID, Timestamp, Signature, ContentType, UserAgent string
	Header                                           http.Header
	Body                                             []byte
}

// receiver is an endpoint of a partner's program, on loopback: it
// records what it gets and answers answer(webhook-id, how many times it
// got that ID) — 200 unless set.
type receiver struct {
	*httptest.Server
	mu     sync.Mutex
	got    []received
	answer func(id string, n int) int
}

func newReceiver(t *testing.T) *receiver {
	r := &receiver{}
	r.Server = httptest.NewServer(http.HandlerFunc(func(w http.ResponseWriter, req *http.Request) {
		body, _ := io.ReadAll(req.Body)
		rec := received{ID: req.Header.Get("webhook-id"), Timestamp: req.Header.Get("webhook-timestamp"),
			Signature: req.Header.Get("webhook-signature"), ContentType: req.Header.Get("Content-Type"),
			UserAgent: req.Header.Get("User-Agent"), Header: req.Header.Clone(), Body: body}
		r.mu.Lock()
		r.got = append(r.got, rec)
		n := 0
		for _, g := range r.got {
			if g.ID == rec.ID {
				n++
			}
		}
		answer := r.answer
		r.mu.Unlock()
		status := http.StatusOK
		if answer != nil {
			status = answer(rec.ID, n)
		}
		w.WriteHeader(status)
	}))
	t.Cleanup(r.Close)
	return r
}

func (r *receiver) requests() []received {
	r.mu.Lock()
	defer r.mu.Unlock()
	return append([]received(nil), r.got...)
}

// ids lists the webhook-id of each request, in the order they came.
func (r *receiver) ids() []string {
	var out []string
	for _, g := range r.requests() {
		out = append(out, g.ID)
	}
	return out
}

// verify checks a request's signature as the Standard Webhooks
// specification says, written here from the specification rather than
// from the code under test: the key is the base64 after whsec_, the
// signed content "id.timestamp.body", the header a space-separated list
// of "v1,<base64 HMAC-SHA256>", any of which may match.
func verify(secret string, r received) bool {
	key, err := base64.StdEncoding.DecodeString(strings.TrimPrefix(secret, "whsec_"))
	if err != nil {
		return false
	}
	if _, err := strconv.ParseInt(r.Timestamp, 10, 64); err != nil {
		return false
	}
	mac := hmac.New(sha256.New, key)
	mac.Write([]byte(r.ID + "." + r.Timestamp + "." + string(r.Body)))
	want := mac.Sum(nil)
	for _, sig := range strings.Fields(r.Signature) {
		version, value, ok := strings.Cut(sig, ",")
		got, err := base64.StdEncoding.DecodeString(value)
		if ok && version == "v1" && err == nil && hmac.Equal(got, want) {
			return true
		}
	}
	return false
}
