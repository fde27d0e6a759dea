package auth

import (
	"errors"
	"sync"
	"sync/atomic"
	"testing"
	"time"

	"github.com/vektah/gqlparser/v2/gqlerror"
)

// TestHashSlots: no more hashes run at once than the memory budget
// allows, the others wait their turn, and past the wait they are refused
// with ErrBusy.
func TestHashSlots(t *testing.T) {
	defer func(slots chan struct{}, wait time.Duration) { hashSlots, hashWait = slots, wait }(hashSlots, hashWait)
	if err := SetHashMemory(32); err == nil {
		t.Error("a budget below one hash was accepted")
	}
	if err := SetHashMemory(128); err != nil { // two hashes
		t.Fatal(err)
	}
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
	if peak.Load() != 2 {
		t.Errorf("%d hashes ran at once, want 2", peak.Load())
	}

	hashWait = 50 * time.Millisecond
	hashSlots <- struct{}{}
	hashSlots <- struct{}{}
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
