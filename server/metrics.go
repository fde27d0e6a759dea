package main

import (
	"context"
	"errors"
	"log/slog"
	"net/http"
	"net/http/pprof"
	"net/netip"
	"time"

	"github.com/progetto-win/win/server/web"
)

// serveMetrics serves /metrics, and Go's profiles under /debug/pprof/
// (CPU, heap, goroutines… for `go tool pprof`; not the command line,
// which may carry the database's URL), on an address of its own,
// which the public reverse proxy never reaches, to the peers allow lets
// in, until ctx ends.
func serveMetrics(ctx context.Context, addr string, allow []netip.Prefix, metrics http.Handler, logger *slog.Logger) error {
	mux := http.NewServeMux()
	mux.Handle("GET /metrics", metrics)
	profiles := http.NewServeMux()
	profiles.HandleFunc("GET /debug/pprof/", pprof.Index) // and the named profiles: heap, goroutine…
	profiles.HandleFunc("GET /debug/pprof/profile", pprof.Profile)
	profiles.HandleFunc("GET /debug/pprof/symbol", pprof.Symbol)
	profiles.HandleFunc("GET /debug/pprof/trace", pprof.Trace)
	mux.Handle("GET /debug/pprof/", web.PeersWithin(allow, profiles))
	// A CPU profile or trace lasts ?seconds= (30 by default): the write
	// timeout leaves it room.
	srv := &http.Server{Addr: addr, Handler: mux, ReadHeaderTimeout: 5 * time.Second, WriteTimeout: 2 * time.Minute}
	// Once ctx has ended, the shutdown needs a deadline of its own.
	go func() { //nolint:gosec // G118: see above
		<-ctx.Done()
		shutdownCtx, cancel := context.WithTimeout(context.Background(), 5*time.Second)
		defer cancel()
		_ = srv.Shutdown(shutdownCtx)
	}()
	logger.Info("serving metrics and profiles", "addr", addr, "paths", "/metrics /debug/pprof/")
	if err := srv.ListenAndServe(); !errors.Is(err, http.ErrServerClosed) {
		return err
	}
	return nil
}
