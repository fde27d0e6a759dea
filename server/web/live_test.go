package web_test

import (
	"bufio"
	"bytes"
	"context"
	"encoding/json"
	"fmt"
	"net/http"
	"net/http/httptest"
	"strings"
	"sync/atomic"
	"testing"
	"time"

	"github.com/progetto-win/win/domain"
	"github.com/progetto-win/win/domain/gid"
	"github.com/progetto-win/win/ent"
	"github.com/progetto-win/win/ent/casefile"
	"github.com/progetto-win/win/server/outbox"
	"github.com/progetto-win/win/server/store"
	"github.com/progetto-win/win/server/store/storetest"
	"github.com/progetto-win/win/server/web"
	"github.com/progetto-win/win/server/webtest"
)

const (
	notificationAdded = `subscription { notificationAdded { id kind caseCode } }`
	caseChanged       = `subscription($id: ID!) { caseChanged(id: $id) { case { id code } version kind byViewer } }`
)

// liveServer serves the world's handler, rebuilt over a bus the test
// publishes to, on a real listener: streams need one.
type liveServer struct {
	*httptest.Server
	bus *outbox.Bus
}

func (w *world) live(t *testing.T, db *store.DB, limits web.StreamLimits) *liveServer {
	t.Helper()
	bus := outbox.NewBus()
	w.Base.Rebuild(db, func(o *web.Options) { o.Bus, o.Streams = bus, limits })
	for _, a := range []*webtest.API{w.Op, w.Coord, w.Vinci} {
		a.Handler = w.Base.Handler
	}
	srv := httptest.NewServer(w.Base.Handler)
	t.Cleanup(srv.Close)
	return &liveServer{Server: srv, bus: bus}
}

// stream is an open subscription: its events' payloads, in order.
type stream struct {
	status  int
	refusal string               // the body of a refused request
	next    chan json.RawMessage // each "next" event's data; closed when the stream ends
	cancel  context.CancelFunc
}

// subscribe opens a subscription as a client (its cookie, its Origin).
func (s *liveServer) subscribe(t *testing.T, a *webtest.API, query string, vars map[string]any) *stream {
	t.Helper()
	body, _ := json.Marshal(map[string]any{"query": query, "variables": vars})
	ctx, cancel := context.WithCancel(context.Background())
	t.Cleanup(cancel)
	req, _ := http.NewRequestWithContext(ctx, http.MethodPost, s.URL+"/graphql", bytes.NewReader(body))
	req.Header.Set("Content-Type", "application/json")
	req.Header.Set("Accept", "text/event-stream")
	if a != nil && a.Cookie != nil {
		req.AddCookie(a.Cookie)
	}
	if a != nil && a.Origin != "" {
		req.Header.Set("Origin", a.Origin)
	}
	if a != nil && a.Token != "" {
		req.Header.Set("Authorization", "Bearer "+a.Token)
	}
	resp, err := s.Client().Do(req)
	if err != nil {
		t.Fatal(err)
	}
	st := &stream{status: resp.StatusCode, next: make(chan json.RawMessage, 16), cancel: cancel}
	if !strings.HasPrefix(resp.Header.Get("Content-Type"), "text/event-stream") {
		var b bytes.Buffer
		_, _ = b.ReadFrom(resp.Body)
		_ = resp.Body.Close()
		st.refusal = b.String()
		close(st.next)
		return st
	}
	go func() {
		defer close(st.next)
		defer func() { _ = resp.Body.Close() }()
		sc := bufio.NewScanner(resp.Body)
		event := ""
		for sc.Scan() {
			line := sc.Text()
			switch {
			case strings.HasPrefix(line, "event: "):
				event = strings.TrimPrefix(line, "event: ")
				if event == "complete" {
					return
				}
			case strings.HasPrefix(line, "data: ") && event == "next":
				st.next <- json.RawMessage(strings.TrimPrefix(line, "data: "))
			}
		}
	}()
	return st
}

// event waits for the next event's payload; ok is false when the stream
// ended instead. The test's own deadline bounds the wait.
func (st *stream) event(t *testing.T) (payload map[string]any, ok bool) {
	t.Helper()
	raw, ok := <-st.next
	if !ok {
		return nil, false
	}
	if err := json.Unmarshal(raw, &payload); err != nil {
		t.Fatalf("event %s: %v", raw, err)
	}
	return payload, true
}

// data returns the root field's value of an event that must carry one.
func (st *stream) data(t *testing.T, field string) map[string]any {
	t.Helper()
	p, ok := st.event(t)
	if !ok {
		t.Fatalf("the stream ended before an event of %s", field)
	}
	d, _ := p["data"].(map[string]any)
	v, _ := d[field].(map[string]any)
	if v == nil {
		t.Fatalf("event without %s: %v", field, p)
	}
	return v
}

// code returns the first error's code of an event that must carry one.
func (st *stream) code(t *testing.T) string {
	t.Helper()
	p, ok := st.event(t)
	if !ok {
		t.Fatal("the stream ended without an error")
	}
	errs, _ := p["errors"].([]any)
	if len(errs) == 0 {
		t.Fatalf("event without errors: %v", p)
	}
	ext, _ := errs[0].(map[string]any)["extensions"].(map[string]any)
	code, _ := ext["code"].(string)
	return code
}

// ended checks the stream ends without another event.
func (st *stream) ended(t *testing.T) {
	t.Helper()
	if p, ok := st.event(t); ok {
		t.Fatalf("the stream went on with %v", p)
	}
}

var eventSeq atomic.Int64

// notify writes a notification for a user, as the dispatcher would.
func (w *world) notify(t *testing.T, to gid.ID, caseID gid.ID) *ent.Notification {
	t.Helper()
	b := w.Client.Notification.Create().SetKind(domain.EventReferralReceived).
		SetEventID(gid.ID(fmt.Sprintf("obx_live%d", eventSeq.Add(1)))).SetRecipientID(to).SetCaseCode("EMP-1999-0001")
	if caseID != "" {
		b.SetCaseID(caseID)
	}
	return b.SaveX(w.Ctx)
}

func TestLiveNotifications(t *testing.T) {
	storetest.Each(t, func(t *testing.T, db *store.DB) {
		w := newWorld(t, db)
		s := w.live(t, db, web.StreamLimits{})
		coord := s.subscribe(t, w.Coord, notificationAdded, nil)
		op := s.subscribe(t, w.Op, notificationAdded, nil)
		if coord.status != http.StatusOK || op.status != http.StatusOK {
			t.Fatalf("subscriptions refused: %d %s / %d %s", coord.status, coord.refusal, op.status, op.refusal)
		}
		waitSubscribers(t, s.bus, 2)
		forCoord, forOp := w.notify(t, w.CoordID, ""), w.notify(t, w.OpID, "")
		// An event naming the operator with the coordinator's
		// notification, as a mistaken publisher might: read as the
		// operator, it is not theirs, and is not sent.
		s.bus.Publish(outbox.Published{Kind: domain.EventReferralReceived, Notifications: map[gid.ID]gid.ID{w.OpID: forCoord.ID}})
		s.bus.Publish(outbox.Published{Kind: domain.EventReferralReceived, Notifications: map[gid.ID]gid.ID{w.CoordID: forCoord.ID}})
		s.bus.Publish(outbox.Published{Kind: domain.EventReferralReceived, Notifications: map[gid.ID]gid.ID{w.OpID: forOp.ID}})
		// Events reach a subscriber in order: the first each gets is the
		// first that was theirs.
		if got := coord.data(t, "notificationAdded"); got["id"] != string(forCoord.ID) || got["kind"] != "REFERRAL_RECEIVED" {
			t.Errorf("coordinator got %v, want %s", got, forCoord.ID)
		}
		if got := op.data(t, "notificationAdded"); got["id"] != string(forOp.ID) {
			t.Errorf("operator got %v, want only their own %s", got, forOp.ID)
		}
	})
}

func TestLiveCaseChanged(t *testing.T) {
	storetest.Each(t, func(t *testing.T, db *store.DB) {
		w := newWorld(t, db)
		s := w.live(t, db, web.StreamLimits{})
		id, _ := w.CaseIn(casefile.StatusInCharge)
		vars := map[string]any{"id": id}

		t.Run("a case the viewer cannot read is NOT_FOUND", func(t *testing.T) {
			st := s.subscribe(t, w.Vinci, caseChanged, vars)
			if code := st.code(t); code != web.CodeNotFound {
				t.Errorf("Vinci's operator subscribing to an Empoli case: %s, want NOT_FOUND", code)
			}
			st.ended(t)
		})
		t.Run("anonymous is refused", func(t *testing.T) {
			st := s.subscribe(t, nil, caseChanged, vars)
			if st.status != http.StatusUnauthorized || !strings.Contains(st.refusal, web.CodeUnauthenticated) {
				t.Errorf("anonymous: %d %s", st.status, st.refusal)
			}
		})
		t.Run("a cookie from another site is refused", func(t *testing.T) {
			evil := *w.Op
			evil.Origin = "https://evil.example"
			st := s.subscribe(t, &evil, caseChanged, vars)
			if st.status != http.StatusForbidden {
				t.Errorf("cross-origin: %d %s", st.status, st.refusal)
			}
		})
		t.Run("changes are told with who made them", func(t *testing.T) {
			st := s.subscribe(t, w.Coord, caseChanged, vars)
			waitSubscribers(t, s.bus, 1)
			version := w.Client.CaseFile.GetX(w.Ctx, id).Version
			s.bus.Publish(outbox.Published{Kind: domain.EventCaseChanged, Case: "cas_other", Actor: w.OpID})
			s.bus.Publish(outbox.Published{Kind: domain.EventCaseChanged, Case: id, Actor: w.OpID})
			s.bus.Publish(outbox.Published{Kind: domain.EventCaseManagerAssigned, Case: id, Actor: w.CoordID})
			got := st.data(t, "caseChanged")
			if got["byViewer"] != false || got["kind"] != nil || got["version"] != float64(version) {
				t.Errorf("another's change: %v", got)
			}
			if c, _ := got["case"].(map[string]any); c["id"] != string(id) {
				t.Errorf("case %v, want %s", c, id)
			}
			got = st.data(t, "caseChanged")
			if got["byViewer"] != true || got["kind"] != "CASE_MANAGER_ASSIGNED" {
				t.Errorf("the viewer's own change: %v", got)
			}
			// The case moves to Vinci's table: out of the Empoli
			// coordinator's sight, the subscription ends at the next change.
			w.Client.CaseFile.UpdateOneID(id).SetTableID(w.VinciTable).ClearCaseManager().ExecX(w.Ctx)
			s.bus.Publish(outbox.Published{Kind: domain.EventCaseChanged, Case: id, Actor: w.OpID})
			st.ended(t)
		})
	})
}

func TestLiveRefusals(t *testing.T) {
	storetest.Each(t, func(t *testing.T, db *store.DB) {
		w := newWorld(t, db)
		s := w.live(t, db, web.StreamLimits{PerViewer: 2, Total: 3})

		t.Run("limits per viewer and per process", func(t *testing.T) {
			a, b := s.subscribe(t, w.Op, notificationAdded, nil), s.subscribe(t, w.Op, notificationAdded, nil)
			third := s.subscribe(t, w.Op, notificationAdded, nil)
			if a.status != http.StatusOK || b.status != http.StatusOK {
				t.Fatalf("two subscriptions refused: %s %s", a.refusal, b.refusal)
			}
			if third.status != http.StatusTooManyRequests || !strings.Contains(third.refusal, web.CodeRateLimited) {
				t.Errorf("a third of one viewer: %d %s", third.status, third.refusal)
			}
			if c := s.subscribe(t, w.Coord, notificationAdded, nil); c.status != http.StatusOK {
				t.Fatalf("the coordinator's first: %s", c.refusal)
			}
			if v := s.subscribe(t, w.Vinci, notificationAdded, nil); v.status != http.StatusTooManyRequests {
				t.Errorf("beyond the process's limit: %d %s", v.status, v.refusal)
			}
		})
	})
}

func TestLiveTransports(t *testing.T) {
	storetest.Each(t, func(t *testing.T, db *store.DB) {
		w := newWorld(t, db)
		s := w.live(t, db, web.StreamLimits{})
		t.Run("a query is not sent as a stream", func(t *testing.T) {
			// It would escape the request deadline.
			st := s.subscribe(t, w.Op, `{ unreadNotificationCount }`, nil)
			if code := st.code(t); code != web.CodeBadUserInput {
				t.Errorf("query as a stream: %s", code)
			}
		})
		t.Run("a subscription is not sent as plain POST", func(t *testing.T) {
			webtest.Refused(t, w.Op.Post(notificationAdded, nil), web.CodeBadUserInput, "")
		})
		t.Run("the stream ends with the session", func(t *testing.T) {
			st := s.subscribe(t, w.Coord, notificationAdded, nil)
			waitSubscribers(t, s.bus, 1)
			w.Coord.Must(`mutation { logout }`, nil, nil)
			s.bus.Publish(outbox.Published{Kind: domain.EventReferralReceived, Notifications: map[gid.ID]gid.ID{w.CoordID: w.notify(t, w.CoordID, "").ID}})
			st.ended(t)
		})
		t.Run("an idle stream ends with the session too", func(t *testing.T) {
			s := w.live(t, db, web.StreamLimits{Recheck: 10 * time.Millisecond})
			st := s.subscribe(t, w.Vinci, notificationAdded, nil)
			waitSubscribers(t, s.bus, 1)
			w.Vinci.Must(`mutation { logout }`, nil, nil)
			st.ended(t) // no event comes: the periodic check ends it
		})
	})
}

// waitSubscribers waits until the bus has n subscribers: a subscription
// listens from when its resolver ran, a moment after its stream opened.
func waitSubscribers(t *testing.T, bus *outbox.Bus, n int) {
	t.Helper()
	for bus.Subscribers() < n {
		if t.Context().Err() != nil {
			t.Fatal("subscriptions never listened")
		}
		time.Sleep(time.Millisecond)
	}
}

// urql lists text/event-stream, after JSON, in the Accept of every
// request: such a request is a plain one, not a stream.
func TestLiveOnlyWhenAskedFirst(t *testing.T) {
	storetest.Each(t, func(t *testing.T, db *store.DB) {
		w := newWorld(t, db)
		req := httptest.NewRequest(http.MethodPost, "/graphql", strings.NewReader(`{"query":"{ unreadNotificationCount }"}`))
		req.Header.Set("Content-Type", "application/json")
		req.Header.Set("Accept", "application/graphql-response+json, application/graphql+json, application/json, text/event-stream, multipart/mixed")
		r := w.Op.Do(req)
		if r.Status != http.StatusOK || len(r.Errors) > 0 || !strings.Contains(string(r.Data), "unreadNotificationCount") {
			t.Errorf("a query as urql sends it: %d %s", r.Status, r.Raw)
		}
	})
}
