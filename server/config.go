package main

import (
	"flag"
	"fmt"
	"net/netip"
	"strconv"
	"strings"
	"time"

	"github.com/progetto-win/win/server/auth"
	"github.com/progetto-win/win/server/document"
	"github.com/progetto-win/win/server/mail"
	"github.com/progetto-win/win/server/web"
)

// config is the server's configuration: environment variables, overridden
// by flags of the same meaning.
type config struct {
	Addr        string
	DatabaseURL string
	Demo        bool
	DemoCases   int
	DemoSeed    int64
	CORSOrigins []string
	LogFormat   string
	// RetentionYears after which the identities of persons whose cases all
	// ended are erased; 0 keeps them.
	RetentionYears int
	// TrustedProxies are the reverse proxies whose forwarding headers
	// are believed.
	TrustedProxies []netip.Prefix
	// HashMemoryMiB bounds the memory of the password hashes computed at
	// once (64 MiB each).
	HashMemoryMiB int
	// RequestTimeout bounds every request, database work included.
	RequestTimeout time.Duration
	// Throttle bounds requests per session, token or address, and
	// anonymous concurrency.
	Throttle web.Throttle
	// MetricsAddr is the listen address of /metrics, apart from the
	// public one; empty serves no metrics.
	MetricsAddr string
	// MetricsAllow are the peers /metrics is served to.
	MetricsAllow []netip.Prefix
	// Mail is how e-mail is sent (WIN_SMTP_URL, WIN_MAIL_FROM,
	// WIN_PUBLIC_URL).
	Mail mail.Config
	// WebhookLease is how long a webhook sender holds a delivery it
	// claimed: past it, another process takes over from one that died.
	// Longer than the 10 s a delivery may take.
	WebhookLease time.Duration
	// FilesDir keeps documents' content in files under it; empty keeps
	// it in the database.
	FilesDir string
	// MaxFileMiB bounds a document's file.
	MaxFileMiB int
}

// documents is where documents' content is kept, and how large a file
// may be.
func (c config) documents() *document.Service {
	s := &document.Service{Store: document.Database{}, MaxBytes: int64(c.MaxFileMiB) << 20}
	if c.FilesDir != "" {
		s.Store = document.Directory{Root: c.FilesDir}
	}
	return s
}

func loadConfig(args []string, getenv func(string) string) (config, error) {
	cfg := config{
		Addr:        envOr(getenv, "WIN_ADDR", ":8080"),
		DatabaseURL: envOr(getenv, "WIN_DATABASE_URL", "win.db"),
		LogFormat:   envOr(getenv, "WIN_LOG_FORMAT", "text"),
		DemoCases:   300,
		DemoSeed:    2014,
	}
	retention, err := strconv.Atoi(envOr(getenv, "WIN_RETENTION_YEARS", "10"))
	if err != nil || retention < 0 {
		return cfg, fmt.Errorf("WIN_RETENTION_YEARS must be a number of years, 0 to keep identities")
	}
	cfg.RetentionYears = retention
	hashMemory, err := strconv.Atoi(envOr(getenv, "WIN_HASH_MEMORY_MB", strconv.Itoa(auth.DefaultHashMemoryMiB)))
	if err != nil {
		return cfg, fmt.Errorf("WIN_HASH_MEMORY_MB must be a number of MiB")
	}
	cfg.HashMemoryMiB = hashMemory
	if cfg.WebhookLease, err = time.ParseDuration(envOr(getenv, "WIN_WEBHOOK_LEASE", "30s")); err != nil || cfg.WebhookLease < 11*time.Second {
		return cfg, fmt.Errorf("WIN_WEBHOOK_LEASE must be a duration of at least 11s, longer than a delivery's 10s, such as 30s")
	}
	if cfg.RequestTimeout, err = time.ParseDuration(envOr(getenv, "WIN_REQUEST_TIMEOUT", web.DefaultRequestTimeout.String())); err != nil {
		return cfg, fmt.Errorf("WIN_REQUEST_TIMEOUT must be a duration such as 10s")
	}
	if cfg.Throttle.Rate, err = strconv.ParseFloat(envOr(getenv, "WIN_RATE_LIMIT", fmt.Sprint(web.DefaultThrottle.Rate)), 64); err != nil {
		return cfg, fmt.Errorf("WIN_RATE_LIMIT must be a number of requests a second")
	}
	if cfg.Throttle.Burst, err = strconv.Atoi(envOr(getenv, "WIN_RATE_BURST", strconv.Itoa(web.DefaultThrottle.Burst))); err != nil {
		return cfg, fmt.Errorf("WIN_RATE_BURST must be a number of requests")
	}
	if cfg.Throttle.AnonymousConcurrency, err = strconv.Atoi(envOr(getenv, "WIN_ANONYMOUS_CONCURRENCY", strconv.Itoa(web.DefaultThrottle.AnonymousConcurrency))); err != nil {
		return cfg, fmt.Errorf("WIN_ANONYMOUS_CONCURRENCY must be a number of requests")
	}
	cfg.FilesDir = getenv("WIN_FILES_DIR")
	if cfg.MaxFileMiB, err = strconv.Atoi(envOr(getenv, "WIN_MAX_FILE_MB", strconv.Itoa(document.DefaultMaxBytes>>20))); err != nil {
		return cfg, fmt.Errorf("WIN_MAX_FILE_MB must be a number of MiB")
	}
	demo := envOr(getenv, "WIN_DEMO", "0")
	switch demo {
	case "1", "true":
		cfg.Demo = true
	case "0", "false", "":
	default:
		return cfg, fmt.Errorf("WIN_DEMO must be 0 or 1, not %q", demo)
	}
	origins := getenv("WIN_CORS_ORIGINS")
	proxies := getenv("WIN_TRUSTED_PROXIES")
	cfg.MetricsAddr = getenv("WIN_METRICS_ADDR")
	metricsAllow := envOr(getenv, "WIN_METRICS_ALLOW", "127.0.0.0/8,::1")
	mailFrom, publicURL := envOr(getenv, "WIN_MAIL_FROM", mail.DefaultFrom), envOr(getenv, "WIN_PUBLIC_URL", mail.DefaultPublicURL)

	fs := flag.NewFlagSet("win", flag.ContinueOnError)
	fs.StringVar(&cfg.Addr, "addr", cfg.Addr, "listen address (WIN_ADDR)")
	fs.StringVar(&cfg.DatabaseURL, "database-url", cfg.DatabaseURL, "postgres:// URL, or the path of an SQLite file (WIN_DATABASE_URL)")
	fs.BoolVar(&cfg.Demo, "demo", cfg.Demo, "load demo data into an empty database (WIN_DEMO=1)")
	fs.IntVar(&cfg.DemoCases, "demo-cases", cfg.DemoCases, "number of demo cases")
	fs.Int64Var(&cfg.DemoSeed, "demo-seed", cfg.DemoSeed, "seed of the demo data")
	fs.StringVar(&origins, "cors-origins", origins, "comma-separated browser origins allowed to call the API (WIN_CORS_ORIGINS)")
	fs.StringVar(&cfg.LogFormat, "log-format", cfg.LogFormat, "text or json (WIN_LOG_FORMAT)")
	fs.StringVar(&proxies, "trusted-proxies", proxies, "comma-separated addresses or CIDR ranges of reverse proxies whose X-Forwarded-For and X-Forwarded-Proto are believed (WIN_TRUSTED_PROXIES)")
	fs.IntVar(&cfg.RetentionYears, "retention-years", cfg.RetentionYears, "erase identities this many years after a person's last case ended; 0 keeps them (WIN_RETENTION_YEARS)")
	fs.IntVar(&cfg.HashMemoryMiB, "hash-memory-mb", cfg.HashMemoryMiB, "MiB of memory password hashing may take at once, 64 per sign-in checked; the others queue (WIN_HASH_MEMORY_MB)")
	fs.DurationVar(&cfg.RequestTimeout, "request-timeout", cfg.RequestTimeout, "deadline of every request, database work included (WIN_REQUEST_TIMEOUT)")
	fs.Float64Var(&cfg.Throttle.Rate, "rate-limit", cfg.Throttle.Rate, "requests a second per session, API token or anonymous client address (WIN_RATE_LIMIT)")
	fs.IntVar(&cfg.Throttle.Burst, "rate-burst", cfg.Throttle.Burst, "requests in a burst per session, API token or anonymous client address (WIN_RATE_BURST)")
	fs.IntVar(&cfg.Throttle.AnonymousConcurrency, "anonymous-concurrency", cfg.Throttle.AnonymousConcurrency, "requests without sign-in served at once (WIN_ANONYMOUS_CONCURRENCY)")
	fs.StringVar(&cfg.MetricsAddr, "metrics-addr", cfg.MetricsAddr, "listen address of /metrics (Prometheus), apart from the public one; empty: no metrics (WIN_METRICS_ADDR)")
	fs.StringVar(&metricsAllow, "metrics-allow", metricsAllow, "comma-separated addresses or CIDR ranges /metrics is served to, judged on the connection's peer (WIN_METRICS_ALLOW)")
	fs.StringVar(&mailFrom, "mail-from", mailFrom, "sender of WIN's e-mail (WIN_MAIL_FROM); the SMTP server is WIN_SMTP_URL's, environment only since it may hold a password")
	fs.StringVar(&publicURL, "public-url", publicURL, "WIN's address as users reach it, the base of the links in e-mail (WIN_PUBLIC_URL)")
	fs.StringVar(&cfg.FilesDir, "files-dir", cfg.FilesDir, "directory that keeps documents' files; empty keeps them in the database, with the records and their backups (WIN_FILES_DIR)")
	fs.IntVar(&cfg.MaxFileMiB, "max-file-mb", cfg.MaxFileMiB, "MiB a document's file may be at most (WIN_MAX_FILE_MB)")
	if err := fs.Parse(args); err != nil {
		return cfg, err
	}
	if cfg.Mail, err = mail.ParseConfig(getenv("WIN_SMTP_URL"), mailFrom, publicURL); err != nil {
		return cfg, err
	}
	for _, o := range strings.Split(origins, ",") {
		if o = strings.TrimSpace(o); o != "" {
			cfg.CORSOrigins = append(cfg.CORSOrigins, o)
		}
	}
	if cfg.TrustedProxies, err = parsePrefixes("WIN_TRUSTED_PROXIES", proxies); err != nil {
		return cfg, err
	}
	if cfg.MetricsAllow, err = parsePrefixes("WIN_METRICS_ALLOW", metricsAllow); err != nil {
		return cfg, err
	}
	if cfg.MaxFileMiB <= 0 || cfg.MaxFileMiB > 1024 {
		return cfg, fmt.Errorf("WIN_MAX_FILE_MB must be between 1 and 1024")
	}
	if cfg.RequestTimeout <= 0 || cfg.Throttle.Rate <= 0 || cfg.Throttle.Burst <= 0 || cfg.Throttle.AnonymousConcurrency <= 0 {
		return cfg, fmt.Errorf("the request timeout, rate limit, burst and anonymous concurrency must be positive")
	}
	if cfg.LogFormat != "text" && cfg.LogFormat != "json" {
		return cfg, fmt.Errorf("log format must be text or json, not %q", cfg.LogFormat)
	}
	return cfg, nil
}

// parsePrefixes reads a comma-separated list of addresses and CIDR
// ranges; an address is a range of one.
func parsePrefixes(name, list string) ([]netip.Prefix, error) {
	var prefixes []netip.Prefix
	for _, p := range strings.Split(list, ",") {
		if p = strings.TrimSpace(p); p == "" {
			continue
		}
		prefix, err := netip.ParsePrefix(p)
		if err != nil {
			addr, aerr := netip.ParseAddr(p)
			if aerr != nil {
				return nil, fmt.Errorf("%s: %q is neither an address nor a CIDR range", name, p)
			}
			prefix = netip.PrefixFrom(addr, addr.BitLen())
		}
		prefixes = append(prefixes, prefix)
	}
	return prefixes, nil
}

func envOr(getenv func(string) string, key, fallback string) string {
	if v := getenv(key); v != "" {
		return v
	}
	return fallback
}
