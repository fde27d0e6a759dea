// Package web is WIN's HTTP face: the GraphQL endpoint, GraphiQL, health
// checks, and the middleware every request passes (request ID, deadline,
// access log, compression, recovery, security headers, CORS; for the API
// also body limit, cross-site refusal and throttling).
// docs/security-limits.md describes the limits.
package web

import (
	"context"
	"io/fs"
	"log/slog"
	"net/http"
	"net/netip"
	"time"

	"entgo.io/contrib/entgql"
	"github.com/99designs/gqlgen/graphql/handler"
	"github.com/99designs/gqlgen/graphql/handler/extension"
	"github.com/99designs/gqlgen/graphql/handler/lru"
	"github.com/99designs/gqlgen/graphql/handler/transport"
	"github.com/rs/cors"
	"github.com/vektah/gqlparser/v2/ast"

	"github.com/progetto-win/win/ent"
	"github.com/progetto-win/win/frontend"
	"github.com/progetto-win/win/graph"
	"github.com/progetto-win/win/server/auth"
	"github.com/progetto-win/win/server/document"
	"github.com/progetto-win/win/server/indicator"
	"github.com/progetto-win/win/server/notify"
	"github.com/progetto-win/win/server/outbox"
	"github.com/progetto-win/win/server/store"
	"github.com/progetto-win/win/server/subject"
)

// Options configure the handler.
type Options struct {
	Client *ent.Client
	// Accounts signs in and authenticates; nil is a service over Client
	// without a cache of viewers.
	Accounts *auth.Service
	DB       *store.DB // the client's database, for the indicators' aggregate queries
	// Indicators keeps indicators' results across requests until the
	// data change; nil computes them for each request.
	Indicators  *indicator.Cache
	Ping        func(context.Context) error // database reachability, for /readyz
	Logger      *slog.Logger
	CORSOrigins []string // browser origins allowed to call the API
	// TrustedProxies are reverse proxies whose forwarding headers are
	// believed (client address, TLS).
	TrustedProxies []netip.Prefix
	// Frontend is the frontend build to serve (index.html, graphiql.html,
	// assets/); nil serves the one embedded in the binary.
	Frontend fs.FS
	// RequestTimeout bounds every request, database work included;
	// zero means DefaultRequestTimeout.
	RequestTimeout time.Duration
	// Throttle bounds the rate of requests and anonymous concurrency;
	// zero fields take DefaultThrottle's.
	Throttle Throttle
	// Metrics, when set, count and time the API's requests.
	Metrics *Metrics
	// Bus carries the dispatched events to the live updates
	// (subscriptions); nil is a bus nobody publishes to.
	Bus *outbox.Bus
	// Streams bound the live updates; zero fields take
	// DefaultStreamLimits'.
	Streams StreamLimits
	// Documents keeps the files attached to records; nil keeps them in
	// the database, 10 MiB a file at most (document.Default).
	Documents *document.Service
	// RetentionYears is the retention rule the server runs under (0:
	// off), which the privacy desk shows (retentionStatus).
	RetentionYears int
}

// DefaultRequestTimeout is the default deadline of a request.
const DefaultRequestTimeout = 10 * time.Second

// stats is the source of indicators over the options' database.
func stats(opts Options) *indicator.Source {
	if opts.DB == nil {
		return nil
	}
	return &indicator.Source{DB: opts.DB.CountedSQL(), Dialect: opts.DB.Dialect, Client: opts.Client, Cache: opts.Indicators}
}

// maxBodyBytes bounds a request body; GraphQL documents are small.
const maxBodyBytes = 1 << 20

// maxTokens bounds the tokens of a GraphQL document, and with them the
// time gqlparser spends validating it, which no deadline interrupts (some
// rules are quadratic in the fields of a selection: 3,000 repeated fields
// took 1.7 s). The web app's largest document, with its fragments, and
// GraphiQL's introspection query have under 600.
const maxTokens = 1500

// New returns the server's HTTP handler.
func New(opts Options) http.Handler {
	logger := opts.Logger
	if logger == nil {
		logger = slog.Default()
	}
	timeout := opts.RequestTimeout
	if timeout <= 0 {
		timeout = DefaultRequestTimeout
	}
	mux := http.NewServeMux()
	accounts := opts.Accounts
	if accounts == nil {
		accounts = auth.New(opts.Client)
	}
	authn := &auth.Middleware{Service: accounts, Origins: opts.CORSOrigins, RequestID: RequestID, Logger: logger, TrustedProxies: opts.TrustedProxies}
	origins := sameOrigin{allowed: opts.CORSOrigins, overTLS: authn.OverTLS}
	throttle := newThrottle(opts.Throttle)
	// Each API request is authenticated, then refused if a session cookie
	// came from another site, then throttled by who sent it.
	docs := opts.Documents
	if docs == nil {
		docs = document.Default()
	}
	api := func(h http.Handler) http.Handler {
		return withClient(opts.Client, withDocuments(docs, withRetention(opts.RetentionYears, authn.Handler(origins.guard(throttle.handler(h))))))
	}
	bus := opts.Bus
	if bus == nil {
		bus = outbox.NewBus()
	}
	live := &notify.Live{Client: opts.Client, Bus: bus, SignedIn: accounts.StillSignedIn, Recheck: opts.Streams.Recheck}
	streams := newStreams(opts.Streams)
	mux.Handle("/graphql", opts.Metrics.observe("other", "other", "other", withBody(maxBodyBytes, docs.MaxBytes+multipartOverhead, api(withUnavailableStatus(streams.gate(GraphQL(opts.Client, accounts, stats(opts), live, streams.limits.Heartbeat, docs.MaxBytes+multipartOverhead, logger)))))))
	mux.Handle("GET /export/indicator.csv", opts.Metrics.observe("export", "indicator.csv", "/export/indicator.csv", api(exportIndicator(stats(opts), opts.Client, logger))))
	mux.Handle("GET "+caseImportTemplatePath, opts.Metrics.observe("import", "template.csv", caseImportTemplatePath, api(caseImportTemplate(logger))))
	mux.Handle("POST "+caseImportPath, opts.Metrics.observe("import", "cases", caseImportPath, api(importCases(logger))))
	mux.Handle("GET "+caseExportPath, opts.Metrics.observe("export", "cases.csv", caseExportPath, api(exportCases(opts.Client, logger))))
	mux.Handle("GET /download/documents/{id}", opts.Metrics.observe("download", "document", "/download/documents/{id}", api(downloadDocument(logger))))
	mux.HandleFunc("GET /healthz", func(w http.ResponseWriter, _ *http.Request) {
		w.Header().Set("Content-Type", "text/plain; charset=utf-8")
		_, _ = w.Write([]byte("ok\n"))
	})
	mux.HandleFunc("GET /readyz", func(w http.ResponseWriter, r *http.Request) {
		ctx, cancel := context.WithTimeout(r.Context(), 2*time.Second)
		defer cancel()
		w.Header().Set("Content-Type", "text/plain; charset=utf-8")
		if err := pingWithin(ctx, opts.Ping); err != nil {
			logger.WarnContext(ctx, "database not reachable", "error", err, "request_id", RequestID(ctx))
			w.WriteHeader(http.StatusServiceUnavailable)
			_, _ = w.Write([]byte("database not reachable\n"))
			return
		}
		_, _ = w.Write([]byte("ok\n"))
	})
	app := opts.Frontend
	if app == nil {
		app = frontend.Assets()
	}
	mountFrontend(mux, app)

	var h http.Handler = mux
	// rs/cors reads no origins as any origin: without configured origins
	// no CORS headers are sent at all, so browsers keep other sites out.
	if len(opts.CORSOrigins) > 0 {
		h = cors.New(cors.Options{
			AllowedOrigins:   opts.CORSOrigins,
			AllowedMethods:   []string{http.MethodGet, http.MethodPost},
			AllowedHeaders:   []string{"Content-Type", "Authorization", "X-Request-ID"},
			ExposedHeaders:   []string{"X-Request-ID"},
			AllowCredentials: true,
			MaxAge:           600,
		}).Handler(h)
	}
	h = withSecurityHeaders(authn.OverTLS, h)
	// Compression sits outside recovery, so that a panic's 500 goes through
	// it as any answer, and inside the access log, which counts the bytes
	// sent. A live updates' stream (stream.go) has neither the deadline
	// nor the compression: it lasts, and each event must leave at once.
	plain := withDeadline(timeout, withAccessLog(logger, withCompression(withRecovery(logger, h))))
	stream := withAccessLog(logger, withRecovery(logger, h))
	return withRequestID(http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
		if isStream(r) && r.URL.Path == "/graphql" {
			stream.ServeHTTP(w, r)
			return
		}
		plain.ServeHTTP(w, r)
	}))
}

// GraphQL returns the GraphQL-over-HTTP endpoint: queries by GET or POST,
// mutations by POST only (files in multipart requests, maxUpload bytes
// at most), each mutation in one database transaction;
// subscriptions over Server-Sent Events (stream.go), with a comment line
// every heartbeat.
func GraphQL(client *ent.Client, accounts *auth.Service, indicators *indicator.Source, live *notify.Live, heartbeat time.Duration, maxUpload int64, logger *slog.Logger) http.Handler {
	schema := graph.NewSchema(client, accounts, indicators, live)
	srv := handler.New(schema)
	// First: it takes POSTs asking for text/event-stream, which the POST
	// transport would take too.
	srv.AddTransport(sseTransport{transport.SSE{KeepAlivePingInterval: heartbeat}})
	// application/graphql-response+json by default, the media type of the
	// GraphQL-over-HTTP specification, with its status codes (400 for a
	// request that cannot run); clients asking for application/json get it.
	srv.AddTransport(transport.GET{UseGrapQLResponseJsonByDefault: true})
	srv.AddTransport(transport.POST{UseGrapQLResponseJsonByDefault: true})
	// Files (attachDocument), by the GraphQL multipart request
	// convention: parts beyond 1 MiB wait in temporary files, not memory.
	srv.AddTransport(transport.MultipartForm{MaxUploadSize: maxUpload, MaxMemory: 1 << 20})
	// First, so that it sees the answer as every other extension left it.
	srv.Use(operationMetrics{schema: schema.Schema()})
	srv.SetQueryCache(lru.New[*ast.QueryDocument](1000))
	srv.SetParserTokenLimit(maxTokens)
	srv.Use(extension.Introspection{})
	srv.Use(extension.AutomaticPersistedQuery{Cache: lru.New[string](1000)})
	srv.Use(DefaultLimits)
	srv.Use(subscriptionsStream{})
	srv.Use(transactions{entgql.Transactioner{TxOpener: client}})
	srv.Use(identityReads{})
	srv.Use(interrupted{})
	srv.AroundFields(asSignedIn)
	srv.SetErrorPresenter(presentError(logger))
	srv.SetRecoverFunc(recoverPanic(logger))
	return srv
}

// withClient puts the ent client in the request context, where the audit
// of identity reads finds it (mutations replace it with their transaction).
func withClient(client *ent.Client, next http.Handler) http.Handler {
	return http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
		next.ServeHTTP(w, r.WithContext(ent.NewContext(r.Context(), client)))
	})
}

// withRetention puts the retention setting in the request's context,
// for the privacy desk's retentionStatus.
func withRetention(years int, next http.Handler) http.Handler {
	return http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
		next.ServeHTTP(w, r.WithContext(subject.WithRetentionYears(r.Context(), years)))
	})
}
