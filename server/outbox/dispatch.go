package outbox

import (
	"context"
	"database/sql"
	"encoding/json"
	"errors"
	"fmt"
	"log/slog"
	"time"

	"entgo.io/ent/dialect"
	entsql "entgo.io/ent/dialect/sql"

	"github.com/progetto-win/win/domain/gid"
	"github.com/progetto-win/win/ent"
	"github.com/progetto-win/win/ent/casefile"
	"github.com/progetto-win/win/ent/outboxevent"
	"github.com/progetto-win/win/ent/schema/rule"
	"github.com/progetto-win/win/server/store"
)

// Defaults of the dispatcher.
const (
	// DefaultBatch is how many events one transaction dispatches.
	DefaultBatch = 100
	// DefaultPoll is how often the dispatcher looks without being woken:
	// on PostgreSQL other processes' events wake it (LISTEN/NOTIFY), in
	// one process its own steps do (Kick), so the poll only recovers
	// what a lost wake-up left behind.
	DefaultPoll = 30 * time.Second
	// maxBackoff caps the wait before an event whose dispatch failed is
	// tried again.
	maxBackoff = time.Hour
)

// Dispatcher delivers the outbox: each event, once, becomes the
// notifications of its recipients and what each channel sends, in one
// transaction that marks it dispatched; after the commit every server
// process's Bus hears it. Several processes on one PostgreSQL share the
// work: each claims events with FOR UPDATE SKIP LOCKED, so none is
// dispatched twice; on SQLite the one process does it all.
type Dispatcher struct {
	DB       *store.DB
	Channels []Channel
	Bus      *Bus // this process's live subscribers; nil: none
	Logger   *slog.Logger
	Batch    int
	Poll     time.Duration
	// Kicked, when set, is called after each commit that dispatched
	// events: the channels' senders wake up.
	Kicked func()

	channel string // PostgreSQL's channel of wake-ups and dispatched events
	kick    chan struct{}
	now     func() time.Time
}

// NewDispatcher returns a dispatcher of db's outbox with the channels.
func NewDispatcher(db *store.DB, bus *Bus, logger *slog.Logger, channels ...Channel) *Dispatcher {
	return &Dispatcher{DB: db, Channels: channels, Bus: bus, Logger: logger, Batch: DefaultBatch, Poll: DefaultPoll,
		kick: make(chan struct{}, 1), now: time.Now}
}

// Kick wakes the dispatcher: a step of this process committed an event.
func (d *Dispatcher) Kick() {
	select {
	case d.kick <- struct{}{}:
	default:
	}
}

// Run dispatches until ctx ends: at start (what a dead process left),
// when this process commits an event, when another's is heard (Listen),
// when kicked, and every Poll.
func (d *Dispatcher) Run(ctx context.Context) {
	wait := d.Poll
	for {
		n, err := d.Dispatch(ctx)
		switch {
		case ctx.Err() != nil:
			return
		case err != nil:
			d.Logger.Error("dispatching the outbox", "error", err)
			wait = min(2*wait, 5*time.Minute)
		case n > 0:
			continue // more may wait
		default:
			wait = d.Poll
		}
		t := time.NewTimer(wait)
		select {
		case <-ctx.Done():
			t.Stop()
			return
		case <-d.kick:
		case <-store.OutboxWritten():
		case <-t.C:
		}
		t.Stop()
	}
}

// Dispatch delivers one batch of due events and returns how many.
func (d *Dispatcher) Dispatch(ctx context.Context) (int, error) {
	n, published, err := d.batch(ctx, nil)
	if err != nil {
		// One event that cannot be dispatched must not hold back the
		// others: each is tried alone, and the one that fails waits.
		return d.oneByOne(ctx, err)
	}
	d.after(published)
	return n, nil
}

// oneByOne dispatches the due events one transaction each after a batch
// failed, recording the failure of any that fails alone.
func (d *Dispatcher) oneByOne(ctx context.Context, batchErr error) (int, error) {
	ids, err := d.due(ctx, d.DB.Client(), nil)
	if err != nil {
		return 0, errors.Join(batchErr, err)
	}
	done := 0
	for _, id := range ids {
		n, published, err := d.batch(ctx, &id)
		if err != nil {
			d.Logger.Warn("an outbox event could not be dispatched; it will be tried again", "event", id, "error", err)
			if ferr := d.failed(ctx, id, err); ferr != nil {
				return done, ferr
			}
			continue
		}
		d.after(published)
		done += n
	}
	return done, nil
}

// failed records a failed dispatch and when to try again.
func (d *Dispatcher) failed(ctx context.Context, id gid.ID, cause error) error {
	sys := rule.SystemContext(ctx)
	e, err := d.DB.Client().OutboxEvent.Get(sys, id)
	if err != nil {
		return err
	}
	wait := min(time.Duration(1<<min(e.Attempts, 12))*time.Second, maxBackoff)
	return d.DB.Client().OutboxEvent.UpdateOneID(id).AddAttempts(1).SetLastError(truncate(cause.Error(), 500)).
		SetClaimedUntil(d.now().Add(wait)).Exec(sys)
}

// due lists due events in order, claimed with SKIP LOCKED on PostgreSQL
// when tx is a transaction: only one.
func (d *Dispatcher) due(ctx context.Context, tx *ent.Client, only *gid.ID) ([]gid.ID, error) {
	q := tx.OutboxEvent.Query().Where(outboxevent.DispatchedAtIsNil(),
		outboxevent.Or(outboxevent.ClaimedUntilIsNil(), outboxevent.ClaimedUntilLTE(d.now()))).
		Order(ent.Asc(outboxevent.FieldOccurredAt), ent.Asc(outboxevent.FieldID)).Limit(d.batchSize())
	if only != nil {
		q.Where(outboxevent.ID(*only))
	}
	if d.DB.Dialect == dialect.Postgres && tx != d.DB.Client() {
		q.ForUpdate(entsql.WithLockAction(entsql.SkipLocked))
	}
	return q.IDs(rule.SystemContext(ctx))
}

func (d *Dispatcher) batchSize() int {
	if d.Batch <= 0 {
		return DefaultBatch
	}
	return d.Batch
}

// batch dispatches the due events, or the one given, in one transaction.
func (d *Dispatcher) batch(ctx context.Context, only *gid.ID) (int, []Published, error) {
	sqlTx, tx, err := d.DB.SQLTx(ctx)
	if err != nil {
		return 0, nil, err
	}
	defer func() { _ = sqlTx.Rollback() }()
	sys := rule.SystemContext(ctx)
	ids, err := d.due(ctx, tx, only)
	if err != nil || len(ids) == 0 {
		return 0, nil, err
	}
	events, err := tx.OutboxEvent.Query().Where(outboxevent.IDIn(ids...)).
		Order(ent.Asc(outboxevent.FieldOccurredAt), ent.Asc(outboxevent.FieldID)).All(sys)
	if err != nil {
		return 0, nil, err
	}
	published := make([]Published, 0, len(events))
	for _, e := range events {
		p, err := d.fanout(sys, tx, e)
		if err != nil {
			return 0, nil, fmt.Errorf("event %s (%s): %w", e.ID, e.Kind, err)
		}
		published = append(published, p)
	}
	if err := tx.OutboxEvent.Update().Where(outboxevent.IDIn(ids...)).SetDispatchedAt(d.now()).ClearClaimedUntil().Exec(sys); err != nil {
		return 0, nil, err
	}
	if d.DB.Dialect == dialect.Postgres {
		if err := d.notify(ctx, sqlTx, published); err != nil {
			return 0, nil, err
		}
	}
	if err := sqlTx.Commit(); err != nil {
		return 0, nil, err
	}
	return len(events), published, nil
}

// fanout turns one event into its notifications and the channels' sends.
func (d *Dispatcher) fanout(sys context.Context, tx *ent.Client, e *ent.OutboxEvent) (Published, error) {
	p := Published{Event: e.ID, Kind: e.Kind, Case: e.CaseID, Actor: e.ActorID, Notifications: map[gid.ID]gid.ID{}}
	var c *ent.CaseFile
	if e.CaseID != "" {
		var err error
		if c, err = tx.CaseFile.Query().Where(casefile.ID(e.CaseID)).Only(sys); err != nil && !ent.IsNotFound(err) {
			return p, err
		}
	}
	users, err := recipients(sys, tx, e, c)
	if err != nil {
		return p, err
	}
	creates := make([]*ent.NotificationCreate, len(users))
	for i, u := range users {
		n := tx.Notification.Create().SetKind(e.Kind).SetCreatedAt(e.OccurredAt).SetEventID(e.ID).SetRecipientID(u.ID).
			SetNillableDay(e.Day)
		if c != nil {
			n.SetCaseID(c.ID).SetCaseCode(c.Code)
		}
		setID(e.TableID, n.SetTableID)
		setID(e.OtherTableID, n.SetOtherTableID)
		setID(e.DirectiveID, n.SetDirectiveID)
		creates[i] = n
	}
	notes, err := tx.Notification.CreateBulk(creates...).Save(sys)
	if err != nil {
		return p, err
	}
	for i, n := range notes { // in the order of users
		p.Notifications[users[i].ID] = n.ID
	}
	for _, ch := range d.Channels {
		if err := ch.Fanout(sys, tx, e, notes); err != nil {
			return p, err
		}
	}
	return p, nil
}

// setID sets an optional edge when the event names it.
func setID[T any](id gid.ID, set func(gid.ID) T) {
	if id != "" {
		set(id)
	}
}

// notify tells every process's listener, at commit, what was dispatched.
func (d *Dispatcher) notify(ctx context.Context, tx *sql.Tx, published []Published) error {
	if d.channel == "" {
		if err := tx.QueryRowContext(ctx, `SELECT "outbox_channel"()`).Scan(&d.channel); err != nil {
			return err
		}
	}
	for _, p := range published {
		payload, err := json.Marshal(p)
		if err != nil {
			return err
		}
		if _, err := tx.ExecContext(ctx, `SELECT pg_notify($1, $2)`, d.channel, string(payload)); err != nil {
			return err
		}
	}
	return nil
}

// after hands what a batch dispatched to this process's subscribers (on
// SQLite; on PostgreSQL every process hears it from the database) and
// wakes the channels' senders.
func (d *Dispatcher) after(published []Published) {
	if len(published) == 0 {
		return
	}
	if d.Bus != nil && d.DB.Dialect != dialect.Postgres {
		for _, p := range published {
			d.Bus.Publish(p)
		}
	}
	if d.Kicked != nil {
		d.Kicked()
	}
}

func truncate(s string, n int) string {
	if len(s) <= n {
		return s
	}
	return s[:n]
}
