package outbox_test

import (
	"context"
	"encoding/json"
	"fmt"
	"io"
	"log/slog"
	"net/http"
	"net/http/httptest"
	"slices"
	"strings"
	"sync"
	"testing"
	"time"

	"entgo.io/ent/dialect"

	"github.com/progetto-win/win/domain"
	"github.com/progetto-win/win/domain/gid"
	"github.com/progetto-win/win/domain/viewer"
	"github.com/progetto-win/win/ent"
	"github.com/progetto-win/win/ent/apitoken"
	"github.com/progetto-win/win/ent/casefile"
	"github.com/progetto-win/win/ent/outboxevent"
	"github.com/progetto-win/win/ent/person"
	"github.com/progetto-win/win/ent/schema/rule"
	"github.com/progetto-win/win/server/auth"
	"github.com/progetto-win/win/server/mail"
	"github.com/progetto-win/win/server/outbox"
	"github.com/progetto-win/win/server/store"
	"github.com/progetto-win/win/server/store/storetest"
	"github.com/progetto-win/win/server/webhook"
	"github.com/progetto-win/win/server/webtest"
)

// The outbox's figures (docs/performance.md#the-outbox):
//
//	WIN_TEST_DATABASE_URL=… go test ./server/outbox -run '^$' -bench . -benchtime 1x
//
// BenchmarkWebhookLatency gives the time from a step's commit to its
// webhook received; BenchmarkOutboxDispatch the dispatcher's events per
// second beside the same rows written by hand-written SQL, its baseline
// on the same machine in the same run (the machine is shared: compare
// the ratio, not the figures).

// latencyEvents are the events of a latency run, committed at
// latencyRate a second over latencyCases cases (each case's events are
// delivered in order, one after another).
const (
	latencyEvents = 1000
	latencyRate   = 200
	latencyCases  = 20
)

// benchWorld is a database with a table, its coordinator (who receives
// the notifications), cases, and the coordinator's webhook endpoint.
type benchWorld struct {
	db    *store.DB
	c     *ent.Client
	f     webtest.Fixture
	cases []gid.ID
	hook  gid.ID
}

func newBenchWorld(b *testing.B, d, url string, kinds ...domain.EventKind) *benchWorld {
	b.Helper()
	b.Setenv(webhook.AllowPrivateEnv, "1") // the endpoint is on loopback
	db := storetest.Open(b, d)
	c := db.Client()
	ctx := rule.SystemContext(context.Background())
	w := &benchWorld{db: db, c: c, f: webtest.SeedOneOfEach(b, c)}
	w.cases = append(w.cases, w.f["Case"])
	for i := 1; i < latencyCases; i++ {
		p := c.Person.Create().SetBirthYear(1980 + i).SetGender(person.GenderMale).SetCitizenshipArea(person.CitizenshipAreaItaly).
			SetMunicipalityID(w.f["Municipality"]).SaveX(ctx)
		w.cases = append(w.cases, c.CaseFile.Create().SetCode(fmt.Sprintf("EMP-2026-%04d", i)).SetPerson(p).SetTableID(w.f["Table"]).
			SetReferringOrganizationID(w.f["Organization"]).SetReferringOperatorID(w.f["User"]).SetReferredOn(webtest.Day(2026, 1, 10)).
			SetReferralReason("Perdita del lavoro").SetNeedAreas([]domain.NeedArea{domain.NeedEmployment}).
			SetStatus(casefile.StatusReferred).SaveX(ctx).ID)
	}
	tok, _, err := auth.New(c).CreateToken(ctx, &viewer.Viewer{UserID: w.f["User"]}, "bench", apitoken.ScopeReadWrite,
		time.Now().Add(time.Hour), auth.Request{})
	if err != nil {
		b.Fatal(err)
	}
	w.hook = c.Webhook.Create().SetURL(url).SetKinds(kinds).SetSecret("whsec_YmVuY2htYXJr").
		SetOwnerID(w.f["User"]).SetTokenID(tok.ID).SaveX(ctx).ID
	return w
}

// timedReceiver is an endpoint that notes when each event arrived.
type timedReceiver struct {
	*httptest.Server
	mu   sync.Mutex
	at   map[string]time.Time
	want int
	all  chan struct{}
}

func newTimedReceiver(b *testing.B) *timedReceiver {
	r := &timedReceiver{at: map[string]time.Time{}, all: make(chan struct{})}
	r.Server = httptest.NewServer(http.HandlerFunc(func(w http.ResponseWriter, req *http.Request) {
		now := time.Now()
		_, _ = io.Copy(io.Discard, req.Body)
		r.mu.Lock()
		if _, seen := r.at[req.Header.Get("webhook-id")]; !seen {
			r.at[req.Header.Get("webhook-id")] = now
			if len(r.at) == r.want {
				close(r.all)
			}
		}
		r.mu.Unlock()
		w.WriteHeader(http.StatusNoContent)
	}))
	b.Cleanup(r.Close)
	return r
}

// expect resets the receiver for n events.
func (r *timedReceiver) expect(n int) {
	r.mu.Lock()
	defer r.mu.Unlock()
	r.at, r.want, r.all = map[string]time.Time{}, n, make(chan struct{})
}

// BenchmarkWebhookLatency: steps commit CASE_CHANGED events at
// latencyRate a second; the dispatcher and the webhook sender run as in
// the server; it reports the time from each commit to its delivery's
// arrival at the endpoint, p50 and p99.
func BenchmarkWebhookLatency(b *testing.B) {
	for _, d := range storetest.Dialects {
		b.Run(d, func(b *testing.B) {
			rcv := newTimedReceiver(b)
			w := newBenchWorld(b, d, rcv.URL, domain.EventCaseChanged)
			logger := slog.New(slog.NewTextHandler(io.Discard, nil))
			sender := webhook.NewSender(w.db, logger)
			ch := &webhook.Channel{Sender: sender}
			dispatcher := outbox.NewDispatcher(w.db, nil, logger, ch)
			dispatcher.Kicked = ch.Kick
			ctx, cancel := context.WithCancel(context.Background())
			defer cancel()
			go sender.Run(ctx)
			go dispatcher.Run(ctx)
			sys := rule.SystemContext(ctx)

			var latencies []time.Duration
			for b.Loop() {
				rcv.expect(latencyEvents)
				committed := make(map[string]time.Time, latencyEvents)
				tick := time.NewTicker(time.Second / latencyRate)
				for i := range latencyEvents {
					<-tick.C
					caseID := w.cases[i%len(w.cases)]
					var id gid.ID
					err := store.WithTx(sys, w.c, func(tx *ent.Client) (err error) {
						if err = outbox.Write(sys, tx, outbox.Event{Kind: domain.EventCaseChanged, Case: caseID, Table: w.f["Table"]}); err != nil {
							return err
						}
						id, err = tx.OutboxEvent.Query().Where(outboxevent.OrderingKey(string(caseID))).
							Order(ent.Desc(outboxevent.FieldOccurredAt), ent.Desc(outboxevent.FieldID)).FirstID(sys)
						return err
					})
					if err != nil {
						b.Fatal(err)
					}
					committed[string(id)] = time.Now()
				}
				tick.Stop()
				select {
				case <-rcv.all:
				case <-time.After(2 * time.Minute):
					b.Fatalf("%d of %d events received", len(rcv.at), latencyEvents)
				}
				rcv.mu.Lock()
				for id, at := range rcv.at {
					latencies = append(latencies, at.Sub(committed[id]))
				}
				rcv.mu.Unlock()
			}
			slices.Sort(latencies)
			b.ReportMetric(ms(latencies[len(latencies)/2]), "p50-ms")
			b.ReportMetric(ms(latencies[len(latencies)*99/100]), "p99-ms")
			b.ReportMetric(ms(latencies[len(latencies)-1]), "max-ms")
		})
	}
}

func ms(d time.Duration) float64 { return float64(d.Microseconds()) / 1000 }

// dispatchEvents is how many REFERRAL_RECEIVED events a dispatch run
// writes, then dispatches.
const dispatchEvents = 1000

// BenchmarkOutboxDispatch: the dispatcher turns REFERRAL_RECEIVED events
// into the coordinator's notification, e-mail and webhook delivery, as
// the server's channels do; "hand-written-sql" writes the same rows
// with set-based statements of its own, the baseline. Each reports
// events a second.
func BenchmarkOutboxDispatch(b *testing.B) {
	for _, d := range storetest.Dialects {
		b.Run(d+"/dispatcher", func(b *testing.B) {
			w := newBenchWorld(b, d, "http://127.0.0.1:9/win", domain.EventReferralReceived)
			mailer := mail.New(w.c, mustMailConfig(b), d == dialect.Postgres, slog.New(slog.NewTextHandler(io.Discard, nil)))
			dispatcher := outbox.NewDispatcher(w.db, nil, slog.New(slog.NewTextHandler(io.Discard, nil)),
				mailer.Channel(), &webhook.Channel{})
			runDispatch(b, w, func(ctx context.Context) (int, error) { return dispatcher.Dispatch(ctx) })
		})
		b.Run(d+"/hand-written-sql", func(b *testing.B) {
			w := newBenchWorld(b, d, "http://127.0.0.1:9/win", domain.EventReferralReceived)
			runDispatch(b, w, func(ctx context.Context) (int, error) { return handWritten(ctx, w) })
		})
	}
}

func mustMailConfig(b *testing.B) mail.Config {
	cfg, err := mail.ParseConfig("", mail.DefaultFrom, mail.DefaultPublicURL)
	if err != nil {
		b.Fatal(err)
	}
	return cfg
}

// runDispatch writes dispatchEvents events (not timed), then runs
// dispatch until it dispatches nothing, and checks every event's rows.
func runDispatch(b *testing.B, w *benchWorld, dispatch func(context.Context) (int, error)) {
	ctx := rule.SystemContext(context.Background())
	var elapsed time.Duration
	for b.Loop() {
		b.StopTimer()
		events := make([]outbox.Event, dispatchEvents)
		for i := range events {
			events[i] = outbox.Event{Kind: domain.EventReferralReceived, Case: w.cases[i%len(w.cases)], Table: w.f["Table"]}
		}
		if err := store.WithTx(ctx, w.c, func(tx *ent.Client) error { return outbox.Write(ctx, tx, events...) }); err != nil {
			b.Fatal(err)
		}
		b.StartTimer()
		start := time.Now()
		total := 0
		for {
			n, err := dispatch(ctx)
			if err != nil {
				b.Fatal(err)
			}
			if n == 0 {
				break
			}
			total += n
		}
		elapsed += time.Since(start)
		if total != dispatchEvents {
			b.Fatalf("dispatched %d of %d events", total, dispatchEvents)
		}
	}
	b.StopTimer()
	for what, n := range map[string]int{
		"notifications":  w.c.Notification.Query().CountX(ctx),
		"e-mails":        w.c.OutgoingMail.Query().CountX(ctx),
		"webhook sends":  w.c.WebhookDelivery.Query().CountX(ctx),
		"events pending": w.c.OutboxEvent.Query().Where(outboxevent.DispatchedAtIsNil()).CountX(ctx),
	} {
		if want := b.N * dispatchEvents * map[bool]int{true: 0, false: 1}[what == "events pending"]; n != want {
			b.Fatalf("%d %s, want %d", n, what, want)
		}
	}
	b.ReportMetric(float64(b.N*dispatchEvents)/elapsed.Seconds(), "events/s")
}

// handWritten dispatches up to outbox.DefaultBatch events in one
// transaction with set-based SQL: lock them, insert the coordinator's
// notifications, e-mails and webhook deliveries in one statement each,
// mark them dispatched. It knows the recipient and the endpoint
// beforehand: the least work that writes the same rows.
func handWritten(ctx context.Context, w *benchWorld) (int, error) {
	tx, err := w.db.SQL.BeginTx(ctx, nil)
	if err != nil {
		return 0, err
	}
	defer func() { _ = tx.Rollback() }()
	pg := w.db.Dialect == dialect.Postgres
	claim := "SELECT id, kind, occurred_at, case_id, ordering_key FROM outbox_events WHERE dispatched_at IS NULL ORDER BY occurred_at, id LIMIT 100"
	if pg {
		claim += " FOR UPDATE SKIP LOCKED"
	}
	rows, err := tx.QueryContext(ctx, claim)
	if err != nil {
		return 0, err
	}
	type event struct {
		id, kind, caseID, key string
		at                    time.Time
	}
	var events []event
	for rows.Next() {
		var e event
		if err := rows.Scan(&e.id, &e.kind, &e.at, &e.caseID, &e.key); err != nil {
			return 0, err
		}
		events = append(events, e)
	}
	if err := rows.Err(); err != nil || len(events) == 0 {
		return 0, err
	}
	now := time.Now().UTC()
	user, table := string(w.f["User"]), string(w.f["Table"])
	var notes, mails, sends [][]any
	for _, e := range events {
		notes = append(notes, []any{string(gid.New("ntf")), e.kind, e.at, e.id, "EMP-2025-0001", user, e.caseID, table, now})
		mails = append(mails, []any{string(gid.New("mal")), "NOTIFICATION", "operator@demo.example", "IT", "WIN: nuova segnalazione",
			"Nuova segnalazione", "<p>Nuova segnalazione</p>", "<" + e.id + "@win.example>", now, user})
		body, _ := json.Marshal(webhook.Payload{Type: e.kind, Timestamp: e.at.Format(time.RFC3339Nano), Data: webhook.Data{EventID: gid.ID(e.id), CaseID: gid.ID(e.caseID)}})
		sends = append(sends, []any{string(gid.New("whd")), e.id, e.kind, e.key, string(body), e.at, now, string(w.hook)})
	}
	for _, s := range []struct {
		sql  string
		rows [][]any
	}{
		{"INSERT INTO notifications (id, kind, created_at, event_id, case_code, notification_recipient, notification_case, notification_table, emailed_at) VALUES ", notes},
		{"INSERT INTO outgoing_mails (id, kind, to_address, language, subject, text_body, html_body, message_id, created_at, outgoing_mail_recipient) VALUES ", mails},
		{"INSERT INTO webhook_deliveries (id, event_id, kind, ordering_key, payload, created_at, next_attempt_at, webhook_delivery_webhook) VALUES ", sends},
	} {
		query, args := values(s.sql, s.rows, pg)
		if _, err := tx.ExecContext(ctx, query, args...); err != nil {
			return 0, err
		}
	}
	args := []any{now}
	marks := make([]string, len(events))
	for i, e := range events {
		args = append(args, e.id)
		marks[i] = placeholder(pg, i+2)
	}
	mark := "UPDATE outbox_events SET dispatched_at = " + placeholder(pg, 1) + " WHERE id IN (" + strings.Join(marks, ", ") + ")" //nolint:gosec // placeholders only: the IDs are parameters
	if _, err := tx.ExecContext(ctx, mark, args...); err != nil {
		return 0, err
	}
	return len(events), tx.Commit()
}

// values appends a multi-row VALUES list to prefix, with PostgreSQL's
// numbered placeholders or SQLite's ?.
func values(prefix string, rows [][]any, pg bool) (string, []any) {
	var sb strings.Builder
	sb.WriteString(prefix)
	var args []any
	for i, r := range rows {
		if i > 0 {
			sb.WriteString(", ")
		}
		sb.WriteString("(")
		for j, v := range r {
			if j > 0 {
				sb.WriteString(", ")
			}
			args = append(args, v)
			sb.WriteString(placeholder(pg, len(args)))
		}
		sb.WriteString(")")
	}
	return sb.String(), args
}

// placeholder is the nth parameter of a statement: $n on PostgreSQL,
// ? on SQLite.
func placeholder(pg bool, n int) string {
	if pg {
		return fmt.Sprintf("$%d", n)
	}
	return "?"
}
