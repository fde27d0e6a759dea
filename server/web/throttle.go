package web

import (
	"context"
	"math"
	"net/http"
	"strconv"
	"sync"
	"time"

	"github.com/hashicorp/golang-lru/v2/expirable"
	"golang.org/x/sync/semaphore"
	"golang.org/x/time/rate"

	"github.com/progetto-win/win/domain/viewer"
	"github.com/progetto-win/win/server/auth"
)

// Throttle bounds what clients may ask of the server: each session, API
// token or — for requests with neither — client address sends at most
// Rate requests a second, in bursts of up to Burst; at most
// AnonymousConcurrency requests without sign-in run at once, so that
// anonymous traffic cannot take the machine from signed-in users.
type Throttle struct {
	Rate                 float64
	Burst                int
	AnonymousConcurrency int
}

// DefaultThrottle is generous: a browser loading a page sends a handful
// of requests, a script through a token a steady stream.
var DefaultThrottle = Throttle{Rate: 50, Burst: 300, AnonymousConcurrency: 4}

const (
	// maxClients bounds the limiters kept: least recently seen first
	// out, and none outlives clientTTL of silence (by then a limiter is
	// full again, as a new one would be).
	maxClients = 10000
	clientTTL  = 10 * time.Minute
	// anonymousWait is how long an anonymous request waits for its turn.
	anonymousWait = 2 * time.Second
)

type throttle struct {
	Throttle
	mu        sync.Mutex
	limiters  *expirable.LRU[string, *rate.Limiter]
	anonymous *semaphore.Weighted
}

func newThrottle(t Throttle) *throttle {
	if t.Rate <= 0 {
		t.Rate = DefaultThrottle.Rate
	}
	if t.Burst <= 0 {
		t.Burst = DefaultThrottle.Burst
	}
	if t.AnonymousConcurrency <= 0 {
		t.AnonymousConcurrency = DefaultThrottle.AnonymousConcurrency
	}
	return &throttle{
		Throttle:  t,
		limiters:  expirable.NewLRU[string, *rate.Limiter](maxClients, nil, clientTTL),
		anonymous: semaphore.NewWeighted(int64(t.AnonymousConcurrency)),
	}
}

// handler throttles an authenticated handler: it needs the viewer and the
// client's address in the request context.
func (t *throttle) handler(next http.Handler) http.Handler {
	return http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
		ctx := r.Context()
		v := viewer.FromContext(ctx)
		if delay := t.reserve(client(ctx, v)); delay > 0 {
			tooMany(w, delay, "too many requests")
			return
		}
		if v == nil {
			wait, cancel := context.WithTimeout(ctx, anonymousWait)
			err := t.anonymous.Acquire(wait, 1)
			cancel()
			switch {
			case err != nil && ctx.Err() != nil:
				auth.WriteError(w, http.StatusServiceUnavailable, CodeTimeout, interruptedMessage)
				return
			case err != nil:
				tooMany(w, time.Second, "too many requests without sign-in at once: sign in, or retry")
				return
			}
			defer t.anonymous.Release(1)
		}
		next.ServeHTTP(w, r)
	})
}

// client names whom a request counts against: its session, its token, or
// its address.
func client(ctx context.Context, v *viewer.Viewer) string {
	switch {
	case v != nil && v.SessionID != "":
		return "session " + string(v.SessionID)
	case v != nil && v.TokenID != "":
		return "token " + string(v.TokenID)
	}
	return "address " + auth.RequestFrom(ctx).ClientAddress
}

// reserve takes a request from the client's allowance and returns zero,
// or how long the client must wait, taking nothing.
func (t *throttle) reserve(key string) time.Duration {
	t.mu.Lock()
	lim, ok := t.limiters.Get(key)
	if !ok {
		lim = rate.NewLimiter(rate.Limit(t.Rate), t.Burst)
		t.limiters.Add(key, lim)
	}
	t.mu.Unlock()
	res := lim.Reserve()
	if delay := res.Delay(); delay > 0 {
		res.Cancel()
		return delay
	}
	return 0
}

// tooMany answers 429 with the seconds to wait in Retry-After.
func tooMany(w http.ResponseWriter, delay time.Duration, msg string) {
	w.Header().Set("Retry-After", strconv.Itoa(int(math.Ceil(delay.Seconds()))))
	auth.WriteError(w, http.StatusTooManyRequests, CodeRateLimited, msg)
}
