// Command server runs WIN: the GraphQL API, GraphiQL and health checks, on
// PostgreSQL or an embedded SQLite file. See the README for configuration;
// its subcommands back up, restore and verify the audit log (commands.go).
package main

import (
	"context"
	"errors"
	"fmt"
	"log/slog"
	"net/http"
	"os"
	"os/signal"
	"syscall"
	"time"

	"entgo.io/ent/dialect"

	"github.com/progetto-win/win/domain"
	"github.com/progetto-win/win/frontend"
	"github.com/progetto-win/win/server/auth"
	"github.com/progetto-win/win/server/document"
	"github.com/progetto-win/win/server/indicator"
	"github.com/progetto-win/win/server/mail"
	"github.com/progetto-win/win/server/outbox"
	"github.com/progetto-win/win/server/store"
	"github.com/progetto-win/win/server/subject"
	"github.com/progetto-win/win/server/web"
)

func main() {
	if isCommand(os.Args[1:]) {
		os.Exit(runCommand(os.Args[1:], os.Getenv, os.Stdout, os.Stderr))
	}
	cfg, err := loadConfig(os.Args[1:], os.Getenv)
	if err != nil {
		fmt.Fprintln(os.Stderr, err)
		os.Exit(2)
	}
	var h slog.Handler = slog.NewTextHandler(os.Stderr, nil)
	if cfg.LogFormat == "json" {
		h = slog.NewJSONHandler(os.Stderr, nil)
	}
	logger := slog.New(h)
	slog.SetDefault(logger)
	ctx, stop := signal.NotifyContext(context.Background(), os.Interrupt, syscall.SIGTERM)
	defer stop()
	if err := run(ctx, cfg, logger); err != nil {
		logger.Error("server stopped", "error", err)
		os.Exit(1)
	}
}

func run(ctx context.Context, cfg config, logger *slog.Logger) error {
	if err := auth.SetHashMemory(cfg.HashMemoryMiB); err != nil {
		return err
	}
	db, err := store.Open(cfg.DatabaseURL)
	if err != nil {
		return err
	}
	defer db.Close()
	if err := db.Migrate(ctx); err != nil {
		return err
	}
	client := db.Client()
	logger.Info("database ready", "dialect", db.Dialect)

	if cfg.Demo {
		if err := loadDemo(ctx, db, cfg, logger); err != nil {
			return err
		}
	}

	docs := cfg.documents()
	if cfg.RetentionYears > 0 {
		go retain(document.NewContext(ctx, docs), subject.New(client), db, cfg.RetentionYears, logger)
	}
	go runTidy(ctx, db, logger)

	// Caches that other processes' changes must reach are trusted once
	// they hear them.
	alone := db.Dialect != dialect.Postgres
	viewers, indicators := auth.NewCache(alone), indicator.NewCache(alone)
	hearing(ctx, db, "cache of viewers", logger, func(ctx context.Context) error {
		return viewers.Listen(ctx, db, cfg.DatabaseURL, logger)
	})
	hearing(ctx, db, "cache of indicators", logger, func(ctx context.Context) error {
		return indicators.Listen(ctx, db, cfg.DatabaseURL, logger)
	})
	accounts := auth.NewCached(client, viewers)
	// Uses of sessions and tokens are written behind the requests: the
	// last ones are written before the process ends.
	defer accounts.Flush()

	// E-mail (server/mail): the queue's sender with the daily digest, and
	// the mails of password resets and invitations.
	mailer := mail.New(client, cfg.Mail, db.Dialect == dialect.Postgres, logger)
	accounts.Links = mailer
	defer accounts.WaitLinks()
	go mailer.Run(ctx)
	// Webhooks (server/webhook): the sender of partners' deliveries.
	webhooks := startWebhooks(ctx, db, cfg.WebhookLease, logger)

	// Events leave WIN from the outbox, written by the steps in their
	// transactions: the dispatcher turns each into notifications and
	// what the channels send, wakes their senders, and tells the live
	// subscribers.
	bus := outbox.NewBus()
	dispatcher := outbox.NewDispatcher(db, bus, logger, mailer.Channel(), webhooks)
	dispatcher.Kicked = func() { mailer.Kick(); webhooks.Kick() }
	go dispatcher.Run(ctx)
	if db.Dialect == dialect.Postgres {
		go func() {
			if err := dispatcher.Listen(ctx, cfg.DatabaseURL); err != nil {
				logger.Warn("not hearing the outbox: other processes' events wait for the next poll, live updates come from this process only", "error", err)
			}
		}()
	}
	go outbox.RunDeadlines(ctx, db, logger, dispatcher.Kick)

	var metrics *web.Metrics
	if cfg.MetricsAddr != "" {
		metrics = web.NewMetrics(db)
	}
	srv := &http.Server{
		Addr: cfg.Addr,
		Handler: web.New(web.Options{Client: client, Accounts: accounts, DB: db, Indicators: indicators, Ping: db.Ping, Logger: logger,
			CORSOrigins: cfg.CORSOrigins, TrustedProxies: cfg.TrustedProxies, Frontend: frontend.Assets(),
			RequestTimeout: cfg.RequestTimeout, Throttle: cfg.Throttle, Metrics: metrics, Bus: bus, Documents: docs,
			RetentionYears: cfg.RetentionYears}),
		ReadHeaderTimeout: 10 * time.Second,
		ReadTimeout:       30 * time.Second,
		// A response may take the whole request deadline to produce,
		// and then some time to send.
		WriteTimeout: cfg.RequestTimeout + 30*time.Second,
		IdleTimeout:  120 * time.Second,
	}
	errc := make(chan error, 2)
	if metrics != nil {
		go func() {
			if err := serveMetrics(ctx, cfg.MetricsAddr, cfg.MetricsAllow, metrics.Handler(cfg.MetricsAllow), logger); err != nil {
				errc <- err
			}
		}()
	}
	go func() {
		base := "http://localhost" + portOf(cfg.Addr)
		logger.Info("listening", "addr", cfg.Addr, "app", base+"/", "graphiql", base+"/graphiql")
		if !frontend.Built() {
			logger.Warn("the frontend is not built into this binary: / explains how to build it (make run)")
		}
		errc <- srv.ListenAndServe()
	}()
	select {
	case err := <-errc:
		return err
	case <-ctx.Done():
	}
	logger.Info("shutting down")
	shutdownCtx, cancel := context.WithTimeout(context.Background(), 20*time.Second)
	defer cancel()
	if err := srv.Shutdown(shutdownCtx); err != nil && !errors.Is(err, http.ErrServerClosed) {
		return err
	}
	return nil
}

// hearing starts a cache's listener on PostgreSQL, where other processes
// change the data too; on SQLite, whose one process makes every change
// itself, the cache is trusted from the start. what names the cache for
// the log.
func hearing(ctx context.Context, db *store.DB, what string, logger *slog.Logger, listen func(context.Context) error) {
	if db.Dialect != dialect.Postgres {
		return
	}
	go func() {
		if err := listen(ctx); err != nil {
			logger.Warn("not hearing other processes' changes: the "+what+" is not used", "error", err)
		}
	}()
}

// retentionHour is when, Italian time, every server process applies the
// retention rule: their runs meet, and the database lock lets one erase.
const retentionHour = 3

// retain applies the retention rule at start and then daily at
// retentionHour; with several server processes each run is one
// transaction under a database lock, and erases nothing already erased.
func retain(ctx context.Context, subjects *subject.Service, db *store.DB, years int, logger *slog.Logger) {
	for {
		if n, err := subjects.ApplyRetention(ctx, db, years); err != nil {
			logger.Error("applying retention", "error", err)
		} else if n > 0 {
			logger.Info("retention: identities erased", "count", n, "years", years)
		}
		select {
		case <-ctx.Done():
			return
		case <-time.After(time.Until(domain.NextDaily(time.Now(), retentionHour))):
		}
	}
}
