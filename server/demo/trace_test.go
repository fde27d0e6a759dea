package demo

import (
	"context"
	"fmt"
	"os"
	"strconv"
	"testing"
	"time"

	"github.com/progetto-win/win/server/store/storetest"
)

func TestTrace(t *testing.T) {
	n, _ := strconv.Atoi(os.Getenv("TRACE_CASES"))
	if n == 0 {
		t.Skip()
	}
	for _, d := range storetest.Dialects {
		stepTimes = [9]time.Duration{}
		c := storetest.Open(t, d).Client()
		t0 := time.Now()
		if _, err := Load(context.Background(), c, Options{Seed: 1, Cases: n, Today: time.Date(2026, 11, 25, 10, 0, 0, 0, time.UTC)}); err != nil {
			t.Fatal(err)
		}
		fmt.Println(d, time.Since(t0), stepTimes)
	}
}
