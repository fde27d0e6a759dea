package web

import (
	"context"
	"net"
	"net/http"
	"net/netip"
	"regexp"
	"strconv"
	"time"

	"github.com/99designs/gqlgen/graphql"
	"github.com/prometheus/client_golang/prometheus"
	"github.com/prometheus/client_golang/prometheus/collectors"
	"github.com/prometheus/client_golang/prometheus/promhttp"
	"github.com/vektah/gqlparser/v2/ast"

	"github.com/progetto-win/win/server/store"
)

// Metrics are the server's Prometheus series: API requests by operation
// and outcome, their latency, their SQL statements, the database pool,
// and the Go runtime and process. Every label value comes from the server
// — the operation's type and its first root field as the schema names it,
// the web app's operation names (appOperations), an error code the server
// sets, the HTTP status — never from what a client names alone, so the
// series stay bounded whatever clients send.
type Metrics struct {
	registry   *prometheus.Registry
	requests   *prometheus.CounterVec
	duration   *prometheus.HistogramVec
	statements *prometheus.HistogramVec
}

// NewMetrics returns the series of a server over the database db.
func NewMetrics(db *store.DB) *Metrics {
	m := &Metrics{
		registry: prometheus.NewRegistry(),
		requests: prometheus.NewCounterVec(prometheus.CounterOpts{
			Name: "win_http_requests_total",
			Help: "API requests by operation type (query, mutation, export), first root field, outcome code (OK or the error's extensions.code) and HTTP status.",
		}, []string{"operation", "field", "code", "status"}),
		duration: prometheus.NewHistogramVec(prometheus.HistogramOpts{
			Name:    "win_http_request_duration_seconds",
			Help:    "Time to answer API requests, by operation type and first root field.",
			Buckets: prometheus.DefBuckets,
		}, []string{"operation", "field"}),
		statements: prometheus.NewHistogramVec(prometheus.HistogramOpts{
			Name: "win_sql_statements_per_request",
			Help: "SQL statements an API request ran, authentication included, by the web app's operation name (another client's: other) or the export's path.",
			// One round per level of a query is a handful; a list of
			// lists with one query per parent is hundreds.
			Buckets: []float64{1, 2, 3, 5, 8, 13, 21, 34, 55, 89, 144, 233},
		}, []string{"operation"}),
	}
	m.registry.MustRegister(m.requests, m.duration, m.statements,
		prometheus.NewCounterFunc(prometheus.CounterOpts{
			Name: "win_sql_statements_total",
			Help: "SQL statements this process ran on its database, requests and background work alike.",
		}, func() float64 { return float64(db.Statements()) }),
		collectors.NewGoCollector(),
		collectors.NewProcessCollector(collectors.ProcessCollectorOpts{}),
		collectors.NewDBStatsCollector(db.SQL, "win"))
	return m
}

// Handler serves the series in Prometheus's text format to peers within
// allow, judged on the TCP peer's address alone; a request carrying
// forwarding headers came through a proxy, from somebody else, and is
// refused whatever the proxy's address.
func (m *Metrics) Handler(allow []netip.Prefix) http.Handler {
	return PeersWithin(allow, promhttp.HandlerFor(m.registry, promhttp.HandlerOpts{}))
}

// PeersWithin serves h to peers within allow only, as Handler serves the
// metrics: the operators' endpoints (metrics, profiles) share the rule.
func PeersWithin(allow []netip.Prefix, h http.Handler) http.Handler {
	return http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
		forwarded := r.Header.Get("X-Forwarded-For") != "" || r.Header.Get("Forwarded") != "" || r.Header.Get("X-Real-IP") != ""
		if forwarded || !peerWithin(r.RemoteAddr, allow) {
			http.Error(w, "not served to this address", http.StatusForbidden)
			return
		}
		h.ServeHTTP(w, r)
	})
}

func peerWithin(remote string, allow []netip.Prefix) bool {
	host, _, err := net.SplitHostPort(remote)
	if err != nil {
		host = remote
	}
	ip, err := netip.ParseAddr(host)
	if err != nil {
		return false
	}
	for _, p := range allow {
		if p.Contains(ip.Unmap()) {
			return true
		}
	}
	return false
}

// observation is what a request's handlers learn about it for the
// metrics: the GraphQL extension names its operation and error code,
// auth.WriteError the code of a refusal before GraphQL.
type observation struct {
	operation, field, code string
	name                   string // the web app's name of the operation, or the export's path, for the statement count
}

type observationKey struct{}

// observationWriter records a response's status for the metrics.
type observationWriter struct {
	statusRecorder
	obs *observation
}

// RecordErrorCode implements the interface auth.WriteError looks for.
func (o *observationWriter) RecordErrorCode(code string) {
	if o.obs.code == "" {
		o.obs.code = code
	}
}

// recordErrorCode tells the metrics the code of an error answered
// without GraphQL, where a client reads only the status.
func recordErrorCode(w http.ResponseWriter, code string) {
	if rec, ok := w.(interface{ RecordErrorCode(string) }); ok {
		rec.RecordErrorCode(code)
	}
}

// errorCode bounds the codes counted to the shape of the server's own.
var errorCode = regexp.MustCompile(`^[A-Z][A-Z_]{0,39}$`)

// observe counts and times the requests of an API route, named operation
// and field until the GraphQL extension names them better; without
// metrics it is next.
func (m *Metrics) observe(operation, field, name string, next http.Handler) http.Handler {
	if m == nil {
		return next
	}
	return http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
		start := time.Now()
		obs := &observation{operation: operation, field: field, name: name}
		rec := &observationWriter{statusRecorder: statusRecorder{ResponseWriter: w}, obs: obs}
		ctx, statements := store.CountStatements(context.WithValue(r.Context(), observationKey{}, obs))
		next.ServeHTTP(rec, r.WithContext(ctx))
		m.statements.WithLabelValues(obs.name).Observe(float64(statements.Load()))
		status := rec.status
		if status == 0 {
			status = http.StatusOK
		}
		code := obs.code
		switch {
		case code != "" && !errorCode.MatchString(code):
			code = "OTHER"
		case code != "":
		case r.Context().Err() != nil && !isStream(r): // a stream ends when its client leaves
			code = CodeTimeout // interrupted with no error left to tell
		case status < http.StatusBadRequest:
			code = "OK"
		case status >= http.StatusInternalServerError:
			code = CodeInternal
		default:
			code = "OTHER"
		}
		m.requests.WithLabelValues(obs.operation, obs.field, code, strconv.Itoa(status)).Inc()
		m.duration.WithLabelValues(obs.operation, obs.field).Observe(time.Since(start).Seconds())
	})
}

// operationMetrics is the GraphQL extension that names each request's
// operation and first error code for the metrics, from the response as
// every other extension left it.
type operationMetrics struct {
	schema *ast.Schema
}

var _ interface {
	graphql.HandlerExtension
	graphql.ResponseInterceptor
} = operationMetrics{}

// ExtensionName implements graphql.HandlerExtension.
func (operationMetrics) ExtensionName() string { return "WINMetrics" }

// Validate implements graphql.HandlerExtension.
func (operationMetrics) Validate(graphql.ExecutableSchema) error { return nil }

// InterceptResponse implements graphql.ResponseInterceptor.
func (e operationMetrics) InterceptResponse(ctx context.Context, next graphql.ResponseHandler) *graphql.Response {
	resp := next(ctx)
	obs, _ := ctx.Value(observationKey{}).(*observation)
	if obs == nil {
		return resp
	}
	if graphql.HasOperationContext(ctx) {
		if op := graphql.GetOperationContext(ctx).Operation; op != nil {
			obs.operation, obs.field = e.name(op)
			if appOperations[op.Name] {
				obs.name = op.Name
			}
		}
	}
	if resp != nil && len(resp.Errors) > 0 && obs.code == "" {
		if obs.code, _ = resp.Errors[0].Extensions["code"].(string); obs.code == "" {
			obs.code = "OTHER"
		}
	}
	return resp
}

// name returns an operation's type and its first root field, or "other"
// for a field the schema does not have.
func (e operationMetrics) name(op *ast.OperationDefinition) (operation, field string) {
	var root *ast.Definition
	switch op.Operation {
	case ast.Query:
		root = e.schema.Query
	case ast.Mutation:
		root = e.schema.Mutation
	case ast.Subscription:
		root = e.schema.Subscription
	default:
		return "other", "other"
	}
	field = "other"
	if name := firstField(op.SelectionSet); name != "" && root != nil && root.Fields.ForName(name) != nil {
		field = name
	}
	return string(op.Operation), field
}

// firstField is the name of a selection's first field, fragments
// included, __typename aside.
func firstField(set ast.SelectionSet) string {
	for _, s := range set {
		switch s := s.(type) {
		case *ast.Field:
			if s.Name != "__typename" {
				return s.Name
			}
		case *ast.InlineFragment:
			if name := firstField(s.SelectionSet); name != "" {
				return name
			}
		case *ast.FragmentSpread:
			if s.Definition != nil {
				if name := firstField(s.Definition.SelectionSet); name != "" {
					return name
				}
			}
		}
	}
	return ""
}
