package auth

import (
	"errors"
	"runtime"
	"sync"
	"sync/atomic"
	"testing"
	"time"

	"github.com/alexedwards/argon2id"
	"github.com/vektah/gqlparser/v2/gqlerror"
)

// TestHashSlots: no more hashes run at once than the memory budget
// allows, nor than the processors can compute, the others wait their
// turn, and past the wait they are refused with ErrBusy.
func TestHashSlots(t *testing.T) {
	defer func(slots chan struct{}, wait time.Duration) { hashSlots, hashWait = slots, wait }(hashSlots, hashWait)
	defer runtime.GOMAXPROCS(runtime.GOMAXPROCS(0))
	if err := SetHashMemory(32); err == nil {
		t.Error("a budget below one hash was accepted")
	}
	lanes := int(argon2id.DefaultParams.Parallelism) // CPUs one hash keeps busy
	for _, c := range []struct{ cpus, mib, want int }{
		{cpus: 4 * lanes, mib: 128, want: 2},      // the budget binds: two hashes
		{cpus: 2 * lanes, mib: 256, want: 2},      // the processors bind
		{cpus: lanes, mib: 256, want: 1},          // one hash takes them all
		{cpus: max(1, lanes/2), mib: 64, want: 1}, // never less than one
	} {
		runtime.GOMAXPROCS(c.cpus)
		if err := SetHashMemory(c.mib); err != nil {
			t.Fatal(err)
		}
		if got := peakHashes(t); got != c.want {
			t.Errorf("%d CPUs, %d MiB: %d hashes ran at once, want %d", c.cpus, c.mib, got, c.want)
		}
	}

	if err := SetHashMemory(128); err != nil {
		t.Fatal(err)
	}
	hashWait = 50 * time.Millisecond
	for range cap(hashSlots) {
		hashSlots <- struct{}{}
	}
	_, err := HashPassword("una-password-lunga")
	var gqlErr *gqlerror.Error
	if !errors.Is(err, ErrBusy) || !errors.As(err, &gqlErr) || gqlErr.Extensions["code"] != "SERVER_BUSY" {
		t.Errorf("with every slot taken: %v, want ErrBusy with code SERVER_BUSY", err)
	}
	<-hashSlots
	if _, err := HashPassword("una-password-lunga"); err != nil {
		t.Errorf("with a slot free: %v", err)
	}
}

// peakHashes runs 8 hashes' worth of waiting in the slots at once and
// returns how many ran together.
func peakHashes(t *testing.T) int {
	var running, peak atomic.Int32
	var wg sync.WaitGroup
	for range 8 {
		wg.Go(func() {
			err := withHashSlot(func() {
				n := running.Add(1)
				// Raise the peak to n unless another goroutine raised it past.
				for p := peak.Load(); n > p; p = peak.Load() {
					if peak.CompareAndSwap(p, n) {
						break
					}
				}
				time.Sleep(20 * time.Millisecond)
				running.Add(-1)
			})
			if err != nil {
				t.Error(err)
			}
		})
	}
	wg.Wait()
	return int(peak.Load())
}
