package mail_test

import (
	"bytes"
	"context"
	"io"
	"log/slog"
	"strings"
	"sync"
	"testing"
	"time"

	"github.com/progetto-win/win/domain"
	"github.com/progetto-win/win/ent"
	"github.com/progetto-win/win/ent/notification"
	"github.com/progetto-win/win/ent/outgoingmail"
	"github.com/progetto-win/win/ent/personidentity"
	"github.com/progetto-win/win/ent/schema/rule"
	"github.com/progetto-win/win/server/mail"
	"github.com/progetto-win/win/server/mail/mailtest"
	"github.com/progetto-win/win/server/store"
	"github.com/progetto-win/win/server/store/storetest"
	"github.com/progetto-win/win/server/webtest"
)

// What no mail may ever hold: the seeded person's name, tax code and the
// referral's reason, all distinctive.
var identity = []string{"Zenobia", "Quintavalle", "QNTZNB80A41D612X", "Sfratto-riservatissimo"}

// fixture is a network with a case of a distinctive person and two users
// of its table: the coordinator (Italian) and a member (English).
type fixture struct {
	ctx          context.Context
	client       *ent.Client
	f            webtest.Fixture
	coord, other *ent.User
	now          time.Time
}

func newFixture(t *testing.T, db *store.DB) *fixture {
	ctx := rule.SystemContext(context.Background())
	c := db.Client()
	f := webtest.SeedOneOfEach(t, c)
	c.PersonIdentity.Update().Where(personidentity.ID(f["PersonIdentity"])).
		SetFirstName("Zenobia").SetLastName("Quintavalle").SetTaxCode("QNTZNB80A41D612X").ExecX(ctx)
	c.CaseFile.UpdateOneID(f["Case"]).SetReferralReason("Sfratto-riservatissimo").ExecX(ctx)
	coord := c.User.UpdateOneID(f["User"]).SetEmail("coordinatrice@prova.example").SetLanguage(domain.Italian).SaveX(ctx)
	org := coord.QueryOrganization().OnlyX(ctx)
	other := c.User.Create().SetEmail("member@prova.example").SetName("Member").SetRoles([]domain.Role{domain.RoleOperator}).
		SetOrganization(org).SetLanguage(domain.English).SaveX(ctx)
	return &fixture{ctx: ctx, client: c, f: f, coord: coord, other: other, now: time.Date(2026, 3, 2, 9, 0, 0, 0, time.UTC)}
}

// mailer returns a mailer over the fixture's database, sending to the
// server (nil: none), with the fixture's clock.
func (fx *fixture) mailer(t *testing.T, db *store.DB, srv *mailtest.Server, logs io.Writer) *mail.Mailer {
	smtpURL := ""
	if srv != nil {
		smtpURL = srv.URL
	}
	cfg, err := mail.ParseConfig(smtpURL, "WIN Prova <noreply@win.example>", "https://win.example/")
	if err != nil {
		t.Fatal(err)
	}
	if srv != nil {
		cfg.RootCAs = srv.RootCAs
	}
	if logs == nil {
		logs = io.Discard
	}
	m := mail.New(fx.client, cfg, db.Dialect == "postgres", slog.New(slog.NewTextHandler(logs, nil)))
	m.Now = func() time.Time { return fx.now }
	return m
}

// notify writes an event's notifications to users, as the dispatcher
// does, and hands them to the channel in one transaction.
func (fx *fixture) notify(t *testing.T, m *mail.Mailer, kind domain.EventKind, day *domain.Date, users ...*ent.User) []*ent.Notification {
	t.Helper()
	var notes []*ent.Notification
	err := store.WithTx(fx.ctx, fx.client, func(tx *ent.Client) error {
		e := tx.OutboxEvent.Create().SetKind(kind).SetOrderingKey(string(fx.f["Case"])).SetCaseID(fx.f["Case"]).
			SetTableID(fx.f["Table"]).SetDirectiveID(fx.f["Directive"]).SetNillableDay(day).SaveX(fx.ctx)
		for _, u := range users {
			c := tx.Notification.Create().SetKind(kind).SetEventID(e.ID).SetRecipient(u).
				SetTableID(fx.f["Table"]).SetNillableDay(day).SetCreatedAt(fx.now)
			if kind == domain.EventDirectiveIssued {
				c.SetDirectiveID(fx.f["Directive"])
			} else {
				c.SetCaseCode("EMP-2025-0001").SetCaseID(fx.f["Case"])
			}
			notes = append(notes, c.SaveX(fx.ctx))
		}
		return m.Channel().Fanout(fx.ctx, tx, e, notes)
	})
	if err != nil {
		t.Fatal(err)
	}
	return notes
}

// parts reads a received message's headers and its two parts.
func parts(t *testing.T, msg mailtest.Message) (header map[string]string, text, html string) {
	t.Helper()
	return msg.Parts(t)
}

// noIdentity fails if a mail holds anything of the person.
func noIdentity(t *testing.T, raw ...string) {
	t.Helper()
	for _, r := range raw {
		for _, s := range identity {
			if strings.Contains(r, s) {
				t.Errorf("a mail holds %q", s)
			}
		}
	}
}

// TestNotificationMails: an event's notifications become one mail each
// for those who hear of it by e-mail, in their language, with the
// standard headers, both parts, the case code, the table and a link, and
// nothing of the person; those who chose WIN only get none. Sent through
// a real SMTP server with STARTTLS and authentication.
func TestNotificationMails(t *testing.T) {
	storetest.Each(t, func(t *testing.T, db *store.DB) {
		fx := newFixture(t, db)
		srv := mailtest.Start(t, mailtest.StartTLS)
		m := fx.mailer(t, db, srv, nil)
		quiet := fx.client.User.Create().SetEmail("quiet@prova.example").SetName("Quiet").SetRoles([]domain.Role{domain.RoleOperator}).
			SetOrganization(fx.coord.QueryOrganization().OnlyX(fx.ctx)).SaveX(fx.ctx)
		fx.client.NotificationPreference.Create().SetUser(quiet).SetKind(domain.EventReferralReceived).SetDelivery(domain.DeliverInApp).ExecX(fx.ctx)

		notes := fx.notify(t, m, domain.EventReferralReceived, nil, fx.coord, fx.other, quiet)
		for i, n := range notes {
			n = fx.client.Notification.GetX(fx.ctx, n.ID)
			if mailed := n.EmailedAt != nil; mailed != (i < 2) {
				t.Errorf("notification %d: emailed %v", i, mailed)
			}
		}
		rows := fx.client.OutgoingMail.Query().Order(ent.Asc(outgoingmail.FieldToAddress)).AllX(fx.ctx)
		if len(rows) != 2 {
			t.Fatalf("want 2 mails queued, got %d", len(rows))
		}
		if n, err := m.SendDue(fx.ctx); err != nil || n != 2 {
			t.Fatalf("SendDue: %d, %v", n, err)
		}
		got := srv.Messages()
		if len(got) != 2 {
			t.Fatalf("the server received %d messages", len(got))
		}
		byTo := map[string]mailtest.Message{}
		for _, msg := range got {
			if len(msg.To) != 1 || !msg.TLS || !msg.Auth || msg.From != "noreply@win.example" {
				t.Errorf("envelope %v %v, TLS %v, auth %v", msg.From, msg.To, msg.TLS, msg.Auth)
			}
			byTo[msg.To[0]] = msg
		}
		for _, c := range []struct {
			to, lang, subject, sentence string
		}{
			{"coordinatrice@prova.example", "IT", "WIN: nuova segnalazione, caso EMP-2025-0001", "Il caso EMP-2025-0001 è stato segnalato al tavolo Tavolo territoriale di Empoli."},
			{"member@prova.example", "EN", "WIN: new referral, case EMP-2025-0001", "Case EMP-2025-0001 was referred to table Tavolo territoriale di Empoli."},
		} {
			msg, ok := byTo[c.to]
			if !ok {
				t.Errorf("no mail to %s", c.to)
				continue
			}
			h, text, html := parts(t, msg)
			row := fx.client.OutgoingMail.Query().Where(outgoingmail.ToAddress(c.to)).OnlyX(fx.ctx)
			if h["Subject"] != c.subject || h["Message-Id"] != row.MessageID || !strings.HasSuffix(row.MessageID, "@win.example>") ||
				h["Auto-Submitted"] != "auto-generated" || h["Mime-Version"] != "1.0" || h["From"] != `"WIN Prova" <noreply@win.example>` ||
				h["To"] != "<"+c.to+">" || h["List-Unsubscribe"] != "" {
				t.Errorf("%s: headers %v (row's Message-ID %s)", c.to, h, row.MessageID)
			}
			if d, err := msg.Parsed(t).Header.Date(); err != nil || !d.Equal(row.CreatedAt.Truncate(time.Second)) {
				t.Errorf("%s: Date %v (%v), want %v", c.to, d, err, row.CreatedAt)
			}
			link := "https://win.example/cases/" + string(fx.f["Case"])
			if !strings.Contains(text, c.sentence) || !strings.Contains(text, link) ||
				!strings.Contains(html, `href="`+link+`"`) || !strings.Contains(html, "EMP-2025-0001") {
				t.Errorf("%s: text %q\nhtml %q", c.to, text, html)
			}
			if string(row.Language) != c.lang || row.State != outgoingmail.StateSENT || row.SentAt == nil || row.Attempts != 1 {
				t.Errorf("%s: row %+v", c.to, row)
			}
			noIdentity(t, string(msg.Raw), text, html)
		}
	})
}

// TestEveryKindHasTexts: each kind told to people renders, in both
// languages, a subject and a sentence (a missing text fails here).
func TestEveryKindHasTexts(t *testing.T) {
	for _, r := range domain.EventRules {
		if len(r.Recipients) == 0 {
			continue
		}
		for _, lang := range domain.Languages {
			if err := mail.CheckTexts(lang, r.Kind); err != nil {
				t.Error(err)
			}
		}
	}
}

// TestImplicitTLS sends through smtps://, checking the certificate
// against the test's own authority.
func TestImplicitTLS(t *testing.T) {
	storetest.Each(t, func(t *testing.T, db *store.DB) {
		fx := newFixture(t, db)
		srv := mailtest.Start(t, mailtest.Implicit)
		m := fx.mailer(t, db, srv, nil)
		fx.notify(t, m, domain.EventCaseTakenInCharge, nil, fx.other)
		if n, err := m.SendDue(fx.ctx); err != nil || n != 1 {
			t.Fatalf("SendDue: %d, %v", n, err)
		}
		got := srv.Messages()
		if len(got) != 1 || !got[0].TLS || !got[0].Auth {
			t.Fatalf("received %+v", got)
		}
		// Without the authority, the certificate is refused: the mail
		// waits for a retry rather than going out unchecked.
		m.Config.RootCAs = nil
		fx.notify(t, m, domain.EventCaseTakenInCharge, nil, fx.coord)
		if _, err := m.SendDue(fx.ctx); err != nil {
			t.Fatal(err)
		}
		row := fx.client.OutgoingMail.Query().Where(outgoingmail.ToAddress(fx.coord.Email)).OnlyX(fx.ctx)
		if row.State != outgoingmail.StatePENDING || !strings.Contains(row.LastError, "certificate") || len(srv.Messages()) != 1 {
			t.Errorf("untrusted certificate: %+v", row)
		}
	})
}

// TestRetries: a refused mail is tried again after 1, 2, 4… minutes,
// sent when the server takes it, and FAILED once a day old.
func TestRetries(t *testing.T) {
	storetest.Each(t, func(t *testing.T, db *store.DB) {
		fx := newFixture(t, db)
		srv := mailtest.Start(t, mailtest.StartTLS)
		m := fx.mailer(t, db, srv, nil)
		fx.notify(t, m, domain.EventReferralDeclined, nil, fx.coord)
		start := fx.now
		srv.Refuse(2)
		row := func() *ent.OutgoingMail { return fx.client.OutgoingMail.Query().OnlyX(fx.ctx) }
		send := func(want int) {
			t.Helper()
			if n, err := m.SendDue(fx.ctx); err != nil || n != want {
				t.Fatalf("SendDue at %v: %d, %v; want %d", fx.now.Sub(start), n, err, want)
			}
		}
		send(1)
		r := row()
		if r.State != outgoingmail.StatePENDING || r.Attempts != 1 || !r.NextAttemptAt.Equal(start.Add(time.Minute)) || !strings.Contains(r.LastError, "451") {
			t.Fatalf("after a refusal: %+v", r)
		}
		fx.now = start.Add(59 * time.Second)
		send(0) // not yet due
		fx.now = start.Add(time.Minute)
		send(1)
		if r = row(); r.Attempts != 2 || !r.NextAttemptAt.Equal(fx.now.Add(2*time.Minute)) {
			t.Fatalf("after a second refusal: %+v", r)
		}
		fx.now = fx.now.Add(2 * time.Minute)
		send(1)
		if r = row(); r.State != outgoingmail.StateSENT || r.Attempts != 3 || len(srv.Messages()) != 1 {
			t.Fatalf("after success: %+v", r)
		}

		// A mail refused for a day is given up.
		fx.notify(t, m, domain.EventReferralDeclined, nil, fx.other)
		srv.Refuse(1000)
		for i := 0; i < 40; i++ {
			if _, err := m.SendDue(fx.ctx); err != nil {
				t.Fatal(err)
			}
			fx.now = fx.now.Add(time.Hour)
		}
		failed := fx.client.OutgoingMail.Query().Where(outgoingmail.ToAddress(fx.other.Email)).OnlyX(fx.ctx)
		if failed.State != outgoingmail.StateFAILED || failed.Attempts < 20 || failed.Attempts > 30 {
			t.Errorf("a day of refusals: %+v", failed)
		}
	})
}

// TestLoggedWithoutSMTP: without a server the mail is written to the log
// and kept as LOGGED.
func TestLoggedWithoutSMTP(t *testing.T) {
	storetest.Each(t, func(t *testing.T, db *store.DB) {
		fx := newFixture(t, db)
		var logs bytes.Buffer
		m := fx.mailer(t, db, nil, &logs)
		fx.notify(t, m, domain.EventCaseManagerAssigned, nil, fx.other)
		if n, err := m.SendDue(fx.ctx); err != nil || n != 1 {
			t.Fatalf("SendDue: %d, %v", n, err)
		}
		r := fx.client.OutgoingMail.Query().OnlyX(fx.ctx)
		if r.State != outgoingmail.StateLOGGED || r.SentAt == nil {
			t.Errorf("row %+v", r)
		}
		if !strings.Contains(logs.String(), "You were made the case manager of case EMP-2025-0001") {
			t.Errorf("log %q", logs.String())
		}
		noIdentity(t, logs.String())
	})
}

// TestDigest: the notifications a user hears of in the digest go out in
// one mail, with List-Unsubscribe, marked e-mailed in its transaction: a
// second run sends nothing again. The days of deadlines are written in
// the user's language.
func TestDigest(t *testing.T) {
	storetest.Each(t, func(t *testing.T, db *store.DB) {
		fx := newFixture(t, db)
		srv := mailtest.Start(t, mailtest.StartTLS)
		m := fx.mailer(t, db, srv, nil)
		day := domain.NewDate(2026, 3, 2)
		fx.notify(t, m, domain.EventPlanReviewDue, &day, fx.coord, fx.other)
		fx.notify(t, m, domain.EventFollowUpDue, &day, fx.coord)
		if n := fx.client.OutgoingMail.Query().CountX(fx.ctx); n != 0 {
			t.Fatalf("digest kinds queued %d mails at once", n)
		}
		if n, err := m.Digest(fx.ctx); err != nil || n != 2 {
			t.Fatalf("Digest: %d, %v", n, err)
		}
		if n, err := m.Digest(fx.ctx); err != nil || n != 0 {
			t.Fatalf("second Digest: %d, %v", n, err)
		}
		if left := fx.client.Notification.Query().Where(notification.EmailedAtIsNil()).CountX(fx.ctx); left != 0 {
			t.Errorf("%d notifications not marked", left)
		}
		if n, err := m.SendDue(fx.ctx); err != nil || n != 2 {
			t.Fatalf("SendDue: %d, %v", n, err)
		}
		for _, msg := range srv.Messages() {
			h, text, _ := parts(t, msg)
			if h["List-Unsubscribe"] != "<https://win.example/account#notifications>" {
				t.Errorf("List-Unsubscribe %q", h["List-Unsubscribe"])
			}
			switch msg.To[0] {
			case fx.coord.Email:
				if h["Subject"] != "WIN: il riepilogo di oggi (2)" || !strings.Contains(text, "scade il 2 marzo 2026") || strings.Count(text, "https://win.example/cases/") != 2 {
					t.Errorf("Italian digest %q: %q", h["Subject"], text)
				}
			case fx.other.Email:
				if h["Subject"] != "WIN: today's digest (1)" || !strings.Contains(text, "is due on 2 March 2026") {
					t.Errorf("English digest %q: %q", h["Subject"], text)
				}
			}
			noIdentity(t, string(msg.Raw))
		}
	})
}

// TestDirectiveMail: a directive's title may be told, with a link to the
// table's page.
func TestDirectiveMail(t *testing.T) {
	storetest.Each(t, func(t *testing.T, db *store.DB) {
		fx := newFixture(t, db)
		srv := mailtest.Start(t, mailtest.StartTLS)
		m := fx.mailer(t, db, srv, nil)
		fx.notify(t, m, domain.EventDirectiveIssued, nil, fx.coord)
		if _, err := m.SendDue(fx.ctx); err != nil {
			t.Fatal(err)
		}
		_, text, _ := parts(t, srv.Messages()[0])
		if !strings.Contains(text, "«Priorità ai nuclei con minori»") || !strings.Contains(text, "https://win.example/tables/"+string(fx.f["Table"])) {
			t.Errorf("text %q", text)
		}
	})
}

// TestSharedQueue: two senders (two server processes) on one database
// send each mail once, and two digest runs at once write one digest per
// user. On PostgreSQL the claims skip each other's locked rows.
func TestSharedQueue(t *testing.T) {
	storetest.Each(t, func(t *testing.T, db *store.DB) {
		fx := newFixture(t, db)
		srv := mailtest.Start(t, mailtest.StartTLS)
		a, b := fx.mailer(t, db, srv, nil), fx.mailer(t, db, srv, nil)
		const events = 15
		for range events {
			fx.notify(t, a, domain.EventReferralReceived, nil, fx.coord, fx.other)
		}
		day := domain.NewDate(2026, 3, 2)
		fx.notify(t, a, domain.EventPlanReviewDue, &day, fx.coord, fx.other)

		var wg sync.WaitGroup
		digests := make([]int, 2)
		for i, m := range []*mail.Mailer{a, b} {
			wg.Go(func() {
				n, err := m.Digest(fx.ctx)
				if err != nil {
					t.Error(err)
				}
				digests[i] = n
			})
		}
		wg.Wait()
		if digests[0]+digests[1] != 2 {
			t.Errorf("digests written: %v, want 2 in all", digests)
		}
		for _, m := range []*mail.Mailer{a, b} {
			wg.Go(func() {
				for {
					n, err := m.SendDue(fx.ctx)
					if err != nil {
						t.Error(err)
						return
					}
					if n == 0 {
						return
					}
				}
			})
		}
		wg.Wait()
		ids := map[string]int{}
		for _, msg := range srv.Messages() {
			ids[msg.Parsed(t).Header.Get("Message-Id")]++
		}
		want := 2*events + 2
		if len(ids) != want || len(srv.Messages()) != want {
			t.Errorf("%d messages received, %d distinct; want %d once each", len(srv.Messages()), len(ids), want)
		}
		if n := fx.client.OutgoingMail.Query().Where(outgoingmail.StateNEQ(outgoingmail.StateSENT)).CountX(fx.ctx); n != 0 {
			t.Errorf("%d mails not SENT", n)
		}
	})
}
