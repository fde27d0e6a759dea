package main

import (
	"context"
	"io"
	"log/slog"
	"net"
	"net/http"
	"net/netip"
	"strings"
	"testing"
	"time"
)

// TestProfilesOnTheMetricsAddress: Go's profiles are served beside the
// metrics, to the peers the metrics allow and to no one else.
func TestProfilesOnTheMetricsAddress(t *testing.T) {
	for _, tc := range []struct {
		allow string
		want  int
	}{
		{"127.0.0.0/8", http.StatusOK},
		{"10.0.0.0/8", http.StatusForbidden},
	} {
		l, err := net.Listen("tcp", "127.0.0.1:0")
		if err != nil {
			t.Fatal(err)
		}
		addr := l.Addr().String()
		_ = l.Close()
		ctx, cancel := context.WithCancel(context.Background())
		done := make(chan error, 1)
		allow := []netip.Prefix{netip.MustParsePrefix(tc.allow)}
		go func() {
			done <- serveMetrics(ctx, addr, allow, http.NotFoundHandler(), slog.New(slog.DiscardHandler))
		}()
		var res *http.Response
		for range 50 { // until the server listens
			if res, err = http.Get("http://" + addr + "/debug/pprof/"); err == nil {
				break
			}
			time.Sleep(20 * time.Millisecond)
		}
		if err != nil {
			t.Fatal(err)
		}
		body, _ := io.ReadAll(res.Body)
		_ = res.Body.Close()
		if res.StatusCode != tc.want || tc.want == http.StatusOK && !strings.Contains(string(body), "goroutine") {
			t.Errorf("profiles with %s allowed, from 127.0.0.1: %d %.80q; want %d", tc.allow, res.StatusCode, body, tc.want)
		}
		if tc.want == http.StatusOK {
			// The command line may carry the database's URL and password.
			res, err := http.Get("http://" + addr + "/debug/pprof/cmdline")
			if err != nil {
				t.Fatal(err)
			}
			_ = res.Body.Close()
			if res.StatusCode != http.StatusNotFound {
				t.Errorf("the command line is served: %s", res.Status)
			}
		}
		cancel()
		if err := <-done; err != nil {
			t.Fatal(err)
		}
	}
}
