package main

import (
	"context"
	"errors"
	"log/slog"
	"net/http"
	"time"
)

// serveMetrics serves /metrics on an address of its own, which the public
// reverse proxy never reaches, until ctx ends.
func serveMetrics(ctx context.Context, addr string, metrics http.Handler, logger *slog.Logger) error {
	mux := http.NewServeMux()
	mux.Handle("GET /metrics", metrics)
	srv := &http.Server{Addr: addr, Handler: mux, ReadHeaderTimeout: 5 * time.Second, WriteTimeout: 30 * time.Second}
	// Once ctx has ended, the shutdown needs a deadline of its own.
	go func() { //nolint:gosec // G118: see above
		<-ctx.Done()
		shutdownCtx, cancel := context.WithTimeout(context.Background(), 5*time.Second)
		defer cancel()
		_ = srv.Shutdown(shutdownCtx)
	}()
	logger.Info("serving metrics", "addr", addr, "path", "/metrics")
	if err := srv.ListenAndServe(); !errors.Is(err, http.ErrServerClosed) {
		return err
	}
	return nil
}
