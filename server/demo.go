package main

import (
	"context"
	"fmt"
	"log/slog"
	"time"

	"github.com/progetto-win/win/server/demo"
	"github.com/progetto-win/win/server/store"
)

// loadDemo fills an empty database with the demo data; a database that
// already holds data is left alone, so WIN_DEMO=1 is safe across restarts.
func loadDemo(ctx context.Context, db *store.DB, cfg config, logger *slog.Logger) error {
	n, err := db.Client().Organization.Query().Count(ctx)
	if err != nil {
		return fmt.Errorf("checking for existing data: %w", err)
	}
	if n > 0 {
		logger.Info("database already has data; demo data not loaded")
		return nil
	}
	start := time.Now()
	summary, err := demo.Load(ctx, db, demo.Options{Seed: cfg.DemoSeed, Cases: cfg.DemoCases, Today: time.Now()})
	if err != nil {
		return fmt.Errorf("loading demo data: %w", err)
	}
	logger.Info("demo data loaded", "cases", summary.Cases, "organizations", summary.Organizations, "took", time.Since(start).Round(time.Millisecond).String())
	return nil
}

// portOf returns the ":port" part of a listen address.
func portOf(addr string) string {
	for i := len(addr) - 1; i >= 0; i-- {
		if addr[i] == ':' {
			return addr[i:]
		}
	}
	return ""
}
