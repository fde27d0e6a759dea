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
	mux.Handle("GET /debug/pprof/", web.PeersWithin(allow, http.HandlerFunc(pprof.Index)))
	mux.Handle("GET /debug/pprof/profile", web.PeersWithin(allow, http.HandlerFunc(pprof.Profile)))
	mux.Handle("GET /debug/pprof/symbol", web.PeersWithin(allow, http.HandlerFunc(pprof.Symbol)))
	mux.Handle("GET /debug/pprof/trace", web.PeersWithin(allow, http.HandlerFunc(pprof.Trace)))
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
