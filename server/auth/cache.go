package auth

import (
	"time"

	lru "github.com/hashicorp/golang-lru/v2"

	"github.com/progetto-win/win/domain/viewer"
	"github.com/progetto-win/win/server/store"
)

// Cache keeps the grants of recently used sessions and tokens for a few
// seconds, so that a request costs no statement to authenticate. An
// entry holds only while nothing a viewer is built from has changed
// since it was read (viewer.GrantsRevision): changes made in this
// process count at once, those of other processes when PostgreSQL tells
// (Listen). The cache is trusted only while that news can arrive: a
// listener that lost its connection turns it off until it is back.
type Cache struct {
	entries *lru.Cache[string, *grants]
	heard   *store.Heard // of other processes
	// alone ignores this process's changes, as another process would:
	// for tests of what a process hears from the others.
	alone bool
}

// revision counts the changes a cached entry must not have missed.
type revision struct{ here, heard uint64 }

// revision returns the count now; an entry read after it is current
// until the count moves.
func (c *Cache) revision() revision {
	if c == nil {
		return revision{}
	}
	r := revision{heard: c.heard.Count()}
	if !c.alone {
		r.here = viewer.GrantsRevision()
	}
	return r
}

// Bounds of the cache: the signed-in users of a network fit many times.
const (
	cacheSize = 10_000
	cacheTTL  = 10 * time.Second
)

// NewCache returns a cache, trusted or not until Listen says otherwise.
func NewCache(trusted bool) *Cache {
	entries, err := lru.New[string, *grants](cacheSize)
	if err != nil {
		panic(err) // only for a size below 1
	}
	return &Cache{entries: entries, heard: store.NewHeard(trusted, entries.Purge)}
}

// get returns the grants kept under key, if they still hold.
func (c *Cache) get(key string) *grants {
	if c == nil || !c.heard.Trusted() {
		return nil
	}
	g, ok := c.entries.Get(key)
	if !ok || g.revision != c.revision() || time.Since(g.readAt) > cacheTTL {
		return nil
	}
	return g
}

// put keeps grants just read under key, unless something changed
// while they were read.
func (c *Cache) put(key string, g *grants) {
	if c != nil && g != nil && c.heard.Trusted() && g.revision == c.revision() {
		c.entries.Add(key, g)
	}
}
