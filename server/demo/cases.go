package demo

import (
	"context"
	"fmt"
	"slices"
	"strings"

	"golang.org/x/sync/errgroup"

	"github.com/progetto-win/win/domain"
	"github.com/progetto-win/win/domain/gid"
	"github.com/progetto-win/win/ent/casefile"
)

// allStatuses must each appear in the demo, whatever the draw.
var allStatuses = domain.Convert[casefile.Status](domain.CaseStatuses)

// cases drafts n cases, numbers them in referral order per table and
// year, and writes them with everything they carry, a chunk at a time.
func (g *generator) cases(ctx context.Context, n int) error {
	drafts := g.draftCases(n)
	slices.SortStableFunc(drafts, func(a, b *caseDraft) int { return a.referred.Compare(b.referred) })
	seq := map[string]int{}
	for _, c := range drafts {
		prefix := fmt.Sprintf("%s-%d", places[c.table].TableCode, c.referred.Year())
		seq[prefix]++
		c.code = fmt.Sprintf("%s-%04d", prefix, seq[prefix])
	}
	// A chunk is written while the next is drawn; the writer stops the
	// drawing if it fails.
	if err := g.rows.begin(ctx); err != nil {
		return err
	}
	chunks := make(chan *chunk, 1)
	eg, writing := errgroup.WithContext(ctx)
	eg.Go(func() error {
		for c := range chunks {
			if err := c.write(writing, g.rows); err != nil {
				return err
			}
		}
		return g.rows.end(writing)
	})
	// Persons go first, so that a reopened case finds its person written.
	persons := 0
	for start := 0; start < len(drafts) && writing.Err() == nil; start += chunkSize {
		w := g.newWriter()
		for i := start; i < min(start+chunkSize, len(drafts)); i++ {
			c := drafts[i]
			drafts[i] = nil // written: the garbage collector may take it, as the load goes on
			if !c.person.written {
				c.person.written = true
				persons++
				w.addPerson(c.person)
			}
			w.addCase(c)
		}
		g.sum.Interventions += w.c.interventions.len()
		g.sum.Outcomes += w.c.outcomes.len()
		select {
		case chunks <- w.c:
		case <-writing.Done():
		}
	}
	close(chunks)
	if err := eg.Wait(); err != nil {
		return err
	}
	g.sum.Persons = persons
	g.sum.Cases = len(drafts)
	return ctx.Err() // a cancelled load stops between chunks
}

// chunkSize is the number of cases written at a time: large enough that
// a COPY's or an INSERT's overhead is spread over many rows, small enough
// to keep a chunk's rows (about 15 a case) in memory twice over.
const chunkSize = 5000

// draftCases draws n cases: tables in proportion to population, referral
// dates over the last two years, one in thirty a reopening of a closed
// case, and the first cases drawn until every status appears.
func (g *generator) draftCases(n int) []*caseDraft {
	total := 0
	for _, p := range places {
		total += p.Population
	}
	taxCodes := map[string]bool{}
	var drafts, reopenable []*caseDraft
	seen := map[casefile.Status]bool{}
	for len(drafts) < n {
		if len(drafts)%30 == 29 && len(reopenable) > 0 {
			prev := reopenable[0]
			reopenable = reopenable[1:]
			if c := g.reopen(prev); c != nil {
				drafts = append(drafts, c)
				continue
			}
		}
		r, table := g.rnd.IntN(total), 0
		for r >= places[table].Population {
			r -= places[table].Population
			table++
		}
		c := &caseDraft{
			id:       gid.New("cas"),
			table:    table,
			person:   g.newPerson(table, taxCodes),
			needs:    g.needAreas(),
			priority: g.priority(),
			referred: g.today.AddDays(-g.between(1, 730)),
		}
		g.pathway(c)
		// Until every status has appeared, redraw cases of a status seen.
		if len(drafts) < n && len(seen) < len(allStatuses) && seen[c.status] && n-len(drafts) <= len(allStatuses)-len(seen) {
			continue
		}
		seen[c.status] = true
		drafts = append(drafts, c)
		if c.status == casefile.StatusClosed && !c.closed.After(g.today.AddDays(-20)) {
			reopenable = append(reopenable, c)
		}
	}
	return drafts
}

// reopen drafts a new case for the person of a closed case, referred
// after the closure and linked to it.
func (g *generator) reopen(prev *caseDraft) *caseDraft {
	days := prev.closed.DaysUntil(g.today)
	if days < 2 {
		return nil
	}
	c := &caseDraft{
		id:       gid.New("cas"),
		table:    prev.table,
		person:   prev.person,
		needs:    g.needAreas(),
		priority: g.priority(),
		referred: (*prev.closed).AddDays(g.between(1, min(days-1, 365))),
		previous: prev,
	}
	g.pathway(c)
	prev.reopened = true
	return c
}

// referralReason words the reason of a referral from its need areas.
func referralReason(needs []domain.NeedArea) string {
	parts := make([]string, len(needs))
	for i, a := range needs {
		parts[i] = strings.ToLower(domain.NeedAreaLabels[a])
	}
	return "Segnalazione per difficoltà nelle aree: " + strings.Join(parts, ", ") + ". (Caso dimostrativo.)"
}
