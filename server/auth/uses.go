package auth

import (
	"context"
	"log/slog"
	"sync"
	"time"

	lru "github.com/hashicorp/golang-lru/v2"

	"github.com/progetto-win/win/domain"
	"github.com/progetto-win/win/domain/gid"
	"github.com/progetto-win/win/ent"
	"github.com/progetto-win/win/ent/apitoken"
	"github.com/progetto-win/win/ent/schema/rule"
	"github.com/progetto-win/win/ent/session"
	"github.com/progetto-win/win/server/store"
)

// use is a use of a session or token to record.
type use struct {
	token bool
	at    time.Time
	user  gid.ID
	req   Request // of the first use of the day, for TOKEN_USED
}

// uses records when sessions and tokens were last used, and audits each
// token's first use of an Italian day, off the requests' path: a read
// writes nothing, and requests do not queue on the lock of their
// credential's row. Uses are kept to the minute (lastSeenEvery); the
// writes of one credential coalesce. What is queued when the process is
// killed is lost: at most a minute of last use, and the day's TOKEN_USED
// of a token first used in the last moment.
type uses struct {
	client  *ent.Client
	mu      sync.Mutex
	queue   map[gid.ID]use
	running bool
	done    *sync.Cond
	// seen is the last use this process has recorded of each credential,
	// newer than what a cached credential says.
	seen *lru.Cache[gid.ID, time.Time]
}

func newUses(client *ent.Client) *uses {
	seen, err := lru.New[gid.ID, time.Time](cacheSize)
	if err != nil {
		panic(err) // only for a size below 1
	}
	u := &uses{client: client, queue: map[gid.ID]use{}, seen: seen}
	u.done = sync.NewCond(&u.mu)
	return u
}

// last returns when a credential was last used, as far as this process
// knows: the later of what the database said and what it recorded since.
func (u *uses) last(id gid.ID, stored *time.Time) *time.Time {
	if at, ok := u.seen.Get(id); ok && (stored == nil || at.After(*stored)) {
		return &at
	}
	return stored
}

// record notes a use at now, unless one was recorded less than a minute
// before on the same Italian day (tokens: their use is audited daily).
func (u *uses) record(id gid.ID, stored *time.Time, x use) {
	last := u.last(id, stored)
	if last != nil && x.at.Sub(*last) <= lastSeenEvery && (!x.token || domain.DayOf(*last) == domain.DayOf(x.at)) {
		return
	}
	u.seen.Add(id, x.at)
	u.mu.Lock()
	defer u.mu.Unlock()
	if queued, ok := u.queue[id]; ok && queued.at.Before(x.at) {
		x.req = queued.req // the first use's request
	}
	u.queue[id] = x
	if !u.running {
		u.running = true
		go u.drain()
	}
}

// drain writes the queue until it is empty.
func (u *uses) drain() {
	for {
		u.mu.Lock()
		batch := u.queue
		if len(batch) == 0 {
			u.running = false
			u.done.Broadcast()
			u.mu.Unlock()
			return
		}
		u.queue = map[gid.ID]use{}
		u.mu.Unlock()
		for id, x := range batch {
			if err := u.write(id, x); err != nil {
				slog.Warn("recording the use of a credential", "id", id, "error", err)
			}
		}
	}
}

// write records one use. A token's TOKEN_USED is written only by the
// update that moves its last use into a new day, so that two processes
// do not both audit it.
func (u *uses) write(id gid.ID, x use) error {
	ctx, cancel := context.WithTimeout(rule.SystemContext(context.Background()), 10*time.Second)
	defer cancel()
	if !x.token {
		return u.client.Session.Update().Where(session.ID(id), session.LastSeenAtLT(x.at)).SetLastSeenAt(x.at).Exec(ctx)
	}
	return store.WithTx(ctx, u.client, func(tx *ent.Client) error {
		dayStart := domain.DayOf(x.at).Start()
		n, err := tx.APIToken.Update().Where(apitoken.ID(id), apitoken.Or(apitoken.LastUsedAtIsNil(), apitoken.LastUsedAtLT(dayStart))).
			SetLastUsedAt(x.at).Save(ctx)
		if err != nil {
			return err
		}
		if n == 1 {
			return auditTxID(ctx, tx, "TOKEN_USED", "ApiToken", string(id), x.user, x.req)
		}
		return tx.APIToken.Update().Where(apitoken.ID(id), apitoken.LastUsedAtLT(x.at)).SetLastUsedAt(x.at).Exec(ctx)
	})
}

// flush waits until every use queued so far is written.
func (u *uses) flush() {
	u.mu.Lock()
	defer u.mu.Unlock()
	for u.running {
		u.done.Wait()
	}
}
