// Package demo fills an empty WIN database with fictional but realistic
// data: the eleven real municipalities of the Circondario Empolese
// Valdelsa, about sixty organisations (fictional names for private
// bodies), the pact, eleven tables with members, protocols, directives,
// objectives, meetings, funds, and persons with cases in every state of
// the pathway over the two years before Options.Today.
//
// The same Seed and Today give the same content (IDs and pseudonyms, being
// random by design, differ). Cases scale from a few hundred for a demo to
// a million for benchmarks: the cases and what they carry are written a
// chunk at a time, with COPY on PostgreSQL and multi-row INSERTs on
// SQLite, while the next chunk is drawn; all in one transaction, so a
// failed load leaves the database empty.
package demo

import (
	"context"
	"errors"
	"fmt"
	"math/rand/v2"
	"time"

	"github.com/progetto-win/win/domain"
	"github.com/progetto-win/win/ent"
	"github.com/progetto-win/win/ent/schema/rule"
	"github.com/progetto-win/win/server/store"
)

// The demo accounts, for every role (docs/domain.md#roles-and-rights).
const (
	AdminEmail         = "admin@demo.example"
	SteeringEmail      = "steering@demo.example"
	CoordinatorEmail   = "coordinator@demo.example" // coordinates the Empoli table
	OperatorEmail      = "operator@demo.example"    // Comune di Empoli's social services, Empoli table
	OperatorVinciEmail = "operator.vinci@demo.example"
	AnalystEmail       = "analyst@demo.example"
	PartnerEmail       = "partner@demo.example" // an operator of Cooperativa Sociale Demo Il Girasole, at no table
	DPOEmail           = "dpo@demo.example"     // the data-protection officer: the privacy desk
)

// Options of a load.
type Options struct {
	Seed  int64     // the same Seed and Today give the same data
	Cases int       // number of cases; 300 when 0
	Today time.Time // the data span the two years before this day
}

// Summary counts what a load wrote.
type Summary struct {
	Municipalities, Organizations, Tables, Users, Persons, Cases, Interventions, Outcomes int
}

// ErrNotEmpty is returned when the database already holds data.
var ErrNotEmpty = errors.New("demo data go into an empty database only")

// batch is the number of rows per INSERT of the reference data ent
// writes: well under PostgreSQL's 65,535 bind parameters for the widest
// table.
const batch = 1000

// Password is the password of the seven demo accounts; the other demo users
// have none and cannot sign in.
const Password = "win-demo-2026"

// Load fills an empty database, as the system: no viewer's rights apply.
// It takes the store.DB rather than an ent client because COPY needs the
// transaction's database/sql handle (store.DB.SQLTx).
func Load(ctx context.Context, db *store.DB, opts Options) (*Summary, error) {
	ctx = rule.SystemContext(ctx)
	if opts.Cases == 0 {
		opts.Cases = 300
	}
	if opts.Cases < 0 {
		return nil, fmt.Errorf("demo: negative number of cases")
	}
	if opts.Today.IsZero() {
		return nil, fmt.Errorf("demo: Options.Today is required")
	}
	if n, err := db.Client().Organization.Query().Count(ctx); err != nil {
		return nil, err
	} else if n > 0 {
		return nil, ErrNotEmpty
	}
	tx, client, err := db.SQLTx(ctx)
	if err != nil {
		return nil, err
	}
	g := &generator{
		tx:         client,
		rows:       newSink(db.Dialect, tx),
		rnd:        rand.New(rand.NewPCG(uint64(opts.Seed), 0x57494e)), //nolint:gosec // G115: a negative seed wraps, and is still a seed; 0x57494e is "WIN"
		today:      domain.DayOf(opts.Today),
		sum:        &Summary{},
		pseudonyms: map[string]bool{},
		dates:      map[domain.Date]any{},
	}
	if err := g.run(ctx, opts.Cases); err != nil {
		_ = tx.Rollback()
		return nil, fmt.Errorf("demo: %w", err)
	}
	if err := tx.Commit(); err != nil {
		return nil, err
	}
	store.DataChanged() // the rows copied went around ent's hooks
	// The planner's statistics of the fresh data, now rather than at the
	// next start (SQLite) or whenever autovacuum comes (PostgreSQL).
	if _, err := db.SQL.ExecContext(ctx, "ANALYZE"); err != nil {
		return nil, err
	}
	return g.sum, nil
}

// generator carries the state of one load.
type generator struct {
	tx         *ent.Client // in the load's transaction, as rows is
	rows       sink
	rnd        *rand.Rand
	today      domain.Date
	sum        *Summary
	net        *network
	pseudonyms map[string]bool // given to persons
	dates      map[domain.Date]any
}

func (g *generator) run(ctx context.Context, cases int) error {
	net, err := g.network(ctx)
	if err != nil {
		return err
	}
	g.net = net
	if err := g.governance(ctx); err != nil {
		return err
	}
	return g.cases(ctx, cases)
}

// minDate returns the earlier of two dates.
func minDate(a, b domain.Date) domain.Date {
	if a.Before(b) {
		return a
	}
	return b
}

// pick returns a random element.
func pick[T any](r *rand.Rand, xs []T) T { return xs[r.IntN(len(xs))] }

// weighted is a value with the probability of drawing it.
type weighted[T any] struct {
	value  T
	weight float64
}

// draw picks a value by weight; the last one takes whatever the weights
// leave over.
func draw[T any](r *rand.Rand, ws []weighted[T]) T {
	x, acc := r.Float64(), 0.0
	for _, w := range ws {
		if acc += w.weight; x < acc {
			return w.value
		}
	}
	return ws[len(ws)-1].value
}

// chance is true with probability p.
func (g *generator) chance(p float64) bool { return g.rnd.Float64() < p }

// between returns a random integer in [lo, hi].
func (g *generator) between(lo, hi int) int { return lo + g.rnd.IntN(hi-lo+1) }

// saveInBatches runs save over consecutive slices of at most batch builders.
func saveInBatches[B any](ctx context.Context, builders []B, save func(context.Context, []B) error) error {
	for start := 0; start < len(builders); start += batch {
		end := min(start+batch, len(builders))
		if err := save(ctx, builders[start:end]); err != nil {
			return err
		}
	}
	return nil
}
