package auth

import (
	"errors"
	"fmt"
	"runtime"
	"runtime/debug"
	"time"

	"github.com/alexedwards/argon2id"
	"github.com/vektah/gqlparser/v2/gqlerror"
)

// Each argon2id computation holds argon2id.DefaultParams.Memory (64 MiB)
// while it runs, so unbounded parallel sign-ins take as much memory as an
// attacker sends requests (100 took 6.5 GB). Hashes run in a fixed number
// of slots, as many as the processors can compute at once within a memory
// budget for the whole process; the others queue for a while, then are
// refused.

// DefaultHashMemoryMiB is the default budget: four hashes at once, if the
// processors can compute that many.
const DefaultHashMemoryMiB = 256

var (
	hashMemoryMiB = int(argon2id.DefaultParams.Memory / 1024)
	hashSlots     = make(chan struct{}, slotsFor(DefaultHashMemoryMiB))
	// hashWait is how long a hash queues for a slot: long enough for a
	// burst of a hundred sign-ins on a busy two-core machine (a hash takes
	// 0.1–1 s there), well within the server's 60 s write timeout.
	hashWait = 20 * time.Second
)

// ErrBusy refuses a sign-in or password change that found every hashing
// slot taken for hashWait; the client may try again shortly.
var ErrBusy = errors.New("the server is busy checking other passwords: try again in a few seconds")

// busy is ErrBusy with its code, SERVER_BUSY, which the API passes on; a
// new one each time, as gqlgen writes the path into the error it gets.
func busy() error {
	return &gqlerror.Error{Err: ErrBusy, Message: ErrBusy.Error(), Extensions: map[string]any{"code": "SERVER_BUSY"}}
}

// SetHashMemory sizes the hashing slots from a budget in MiB (at least
// one slot). It is called once, at start-up, before serving.
func SetHashMemory(mib int) error {
	if mib < hashMemoryMiB {
		return fmt.Errorf("the password-hashing memory must be at least %d MiB, one hash", hashMemoryMiB)
	}
	hashSlots = make(chan struct{}, slotsFor(mib))
	return nil
}

// slotsFor is the number of hashes run at once with a budget of mib: no
// more than the processors compute at once. A hash spreads over
// argon2id.DefaultParams.Parallelism lanes, one per CPU, so a second hash
// beside it only halves the speed of both while holding 64 MiB more (40
// hashes on 2 CPUs took 1.1 s with one slot or two, 1.2 s with four).
func slotsFor(mib int) int {
	cpus := max(1, runtime.GOMAXPROCS(0)/int(argon2id.DefaultParams.Parallelism))
	return min(mib/hashMemoryMiB, cpus)
}

// withHashSlot runs f in a hashing slot, or returns ErrBusy when none
// frees within hashWait.
func withHashSlot(f func()) error {
	timer := time.NewTimer(hashWait)
	defer timer.Stop()
	slots := hashSlots
	select {
	case slots <- struct{}{}:
	case <-timer.C:
		return busy()
	}
	defer func() { <-slots }()
	f()
	// The hash's 64 MiB are garbage now; left to the collector's pace they
	// stay resident while the next hashes allocate theirs (32 sign-ins in
	// a row took the server from 110 to 312 MB with one slot).
	debug.FreeOSMemory()
	return nil
}
