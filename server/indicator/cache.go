package indicator

import (
	"context"
	"log/slog"
	"slices"
	"strings"
	"sync"

	lru "github.com/hashicorp/golang-lru/v2"

	"github.com/progetto-win/win/domain"
	"github.com/progetto-win/win/server/store"
)

// Cache keeps, across requests, what the indicators of a filter have
// computed (their memo, before suppression), until the data they are
// computed from change: a dashboard asked again, by the committee, a
// coordinator or an analyst in GraphiQL, reads nothing while nobody has
// written. Results are exact: a memo is used only while no change has
// been made since it was begun — in this process, counted by the store's
// hooks (store.DataRevision), and in the others, heard from PostgreSQL
// (Listen). The cache is trusted only while that news can arrive.
//
// A request that began before a change may still answer from what was
// computed before it, as it would without the cache; on PostgreSQL a
// request in another process sees the change once the notification
// arrives, a few milliseconds after the commit.
type Cache struct {
	mu    sync.Mutex // one memo per filter, begun once
	memos *lru.Cache[string, *memo]
	heard *store.Heard // of other processes
}

const (
	// cacheFilters bounds the filters kept: a dashboard is one, each
	// coordinator's tables and each period another.
	cacheFilters = 32
	// memoBudget bounds the cells one filter's memo keeps for later
	// requests (with cacheFilters, the cache's memory: a dashboard
	// keeps a few hundred); past it the memo serves its requests only.
	memoBudget = 20_000
)

// NewCache returns a cache, trusted or not until Listen says otherwise.
func NewCache(trusted bool) *Cache {
	memos, err := lru.New[string, *memo](cacheFilters)
	if err != nil {
		panic(err) // only for a size below 1
	}
	return &Cache{memos: memos, heard: store.NewHeard(trusted, memos.Purge)}
}

// Listen hears the changes to the data that other processes commit to
// the PostgreSQL database db, whose URL is url (migration
// indicator_data), and trusts the cache only while it can. It returns
// when ctx ends.
func (c *Cache) Listen(ctx context.Context, db *store.DB, url string, logger *slog.Logger) error {
	return c.heard.Listen(ctx, db, url, store.Hearing{
		Channel:   "indicator_data_channel",
		What:      "the data indicators are computed from",
		Meanwhile: "every request computes its indicators",
	}, logger)
}

// revision counts the changes a memo must not have missed: both counts
// only grow, so their sum moves with either.
func (c *Cache) revision() uint64 {
	return c.heard.Count() + store.DataRevision()
}

// memoFor returns the memo of the indicators of a filter: the one kept,
// if no change has been made since it was begun, or a new one, kept for
// the next requests.
func (c *Cache) memoFor(key string) *memo {
	if c == nil || !c.heard.Trusted() {
		return newMemo(&names{}, nil)
	}
	c.mu.Lock()
	defer c.mu.Unlock()
	r := c.revision()
	if mo, ok := c.memos.Get(key); ok && mo.revision == r {
		return mo
	}
	var mo *memo
	mo = newMemo(&names{}, func() {
		if kept, ok := c.memos.Peek(key); ok && kept == mo {
			c.memos.Remove(key)
		}
	})
	mo.revision = r
	c.memos.Add(key, mo)
	return mo
}

// key names what the indicators compute: the filter, the viewer's scope
// and suppression, the period's end and today (what is already due).
func (ix *Indicators) key() string {
	f := ix.filter
	var b strings.Builder
	day := func(d *domain.Date) {
		if d != nil {
			b.WriteString(d.String())
		}
		b.WriteByte('|')
	}
	day(f.From)
	day(f.To)
	keyList(&b, f.TableIDs)
	keyList(&b, f.MunicipalityIDs)
	keyList(&b, f.NeedAreas)
	keyList(&b, f.Genders)
	keyList(&b, f.AgeBands)
	keyList(&b, f.scope)
	end, today := ix.end, domain.Today()
	day(&end)
	day(&today)
	if ix.suppress {
		b.WriteString("suppressed")
	}
	return b.String()
}

// keyList writes a filter's list to a key, in order: the same values in
// another order select the same.
func keyList[T ~string](b *strings.Builder, values []T) {
	sorted := slices.Clone(values)
	slices.Sort(sorted)
	for _, v := range sorted {
		b.WriteString(string(v))
		b.WriteByte(',')
	}
	b.WriteByte('|')
}
