package demo

import (
	"context"
	"database/sql"
	"fmt"
	"strings"
	"time"

	"entgo.io/ent/dialect"
	"entgo.io/ent/dialect/sql/schema"
	"github.com/lib/pq"

	"github.com/progetto-win/win/domain"
	"github.com/progetto-win/win/domain/gid"
	"github.com/progetto-win/win/ent/migrate"
)

// The cases and what they carry — most of a load's rows — bypass ent:
// one COPY per table and chunk on PostgreSQL, multi-row INSERTs on SQLite.
// ent's hooks and validators only check these rows (dates in order,
// funds not overspent: the generator keeps to them, as the tests check),
// and there is no viewer to audit; the defaults and derived columns ent
// would fill in, the writer sets itself: IDs, timestamps, pseudonyms,
// open_person (oneOpenCase) and the name keys (nameKeys). The content is
// the same as ent wrote for the same seed. TestColumnsMatchSchema fails
// when a table gains a column.

// rows are the rows of one table in a chunk, flat, in the order of columns.
type rows struct {
	table   *schema.Table
	columns []string
	values  []any
}

func newRows(table *schema.Table, columns ...string) rows {
	return rows{table: table, columns: columns}
}

// add appends a row; it must have a value for each column, nil for NULL.
func (r *rows) add(values ...any) {
	if len(values) != len(r.columns) {
		panic(fmt.Sprintf("demo: %d values for the %d columns of %s", len(values), len(r.columns), r.table.Name))
	}
	r.values = append(r.values, values...)
}

func (r *rows) len() int { return len(r.values) / len(r.columns) }

// Values are the drivers' own types (string, int64, bool, time.Time,
// []byte, nil), which database/sql passes on without converting them.

// str is an ID's value.
func str(id gid.ID) string { return string(id) }

// day is a date column's value, as domain.Date writes it; the load's
// dates, some thousands, are formatted once each.
func (g *generator) day(d domain.Date) any {
	v, ok := g.dates[d]
	if !ok {
		v = d.String()
		g.dates[d] = v
	}
	return v
}

// dayOrNil is a nullable date column's value.
func (g *generator) dayOrNil(d *domain.Date) any {
	if d == nil {
		return nil
	}
	return g.day(*d)
}

// sink writes rows into the load's transaction: begin before the first
// rows, end after the last.
type sink interface {
	// instant is the value of a time column, at the precision both
	// databases keep (as store's client writes it).
	instant(t time.Time) any
	begin(ctx context.Context) error
	write(ctx context.Context, r *rows) error
	end(ctx context.Context) error
}

func newSink(d string, tx *sql.Tx) sink {
	if d == dialect.Postgres {
		return &copySink{tx: tx}
	}
	return &insertSink{tx: tx, stmts: map[string]*sql.Stmt{}}
}

// copySink writes with PostgreSQL's COPY, into tables without indexes
// until the end (indexes.go).
type copySink struct {
	tx      *sql.Tx
	rebuild rebuild
}

func (s *copySink) begin(ctx context.Context) (err error) {
	s.rebuild, err = dropIndexes(ctx, s.tx, tableNames())
	return err
}

// instant formats a time as lib/pq would.
func (*copySink) instant(t time.Time) any {
	return t.Truncate(time.Microsecond).UTC().Format("2006-01-02 15:04:05.999999Z07:00")
}

func (s *copySink) end(ctx context.Context) error { return s.rebuild.run(ctx, s.tx) }

func (s *copySink) write(ctx context.Context, r *rows) (err error) {
	cols := make([]string, len(r.columns))
	for i, c := range r.columns {
		cols[i] = pq.QuoteIdentifier(c)
	}
	// lib/pq runs a prepared COPY … FROM STDIN as COPY's own protocol.
	query := fmt.Sprintf("COPY %s (%s) FROM STDIN", pq.QuoteIdentifier(r.table.Name), strings.Join(cols, ", ")) //nolint:gosec // G201: the schema's names, quoted
	stmt, err := s.tx.PrepareContext(ctx, query)
	if err != nil {
		return err
	}
	defer func() {
		if cerr := stmt.Close(); err == nil {
			err = cerr
		}
	}()
	n := len(r.columns)
	for i := 0; i < len(r.values); i += n {
		row := r.values[i : i+n]
		for j, v := range row {
			// JSON as text: lib/pq's COPY would write []byte as bytea.
			if b, ok := v.([]byte); ok {
				row[j] = string(b)
			}
		}
		if _, err := stmt.ExecContext(ctx, row...); err != nil {
			return fmt.Errorf("%s: %w", r.table.Name, err)
		}
	}
	if _, err := stmt.ExecContext(ctx); err != nil { // ends the COPY, reporting its errors
		return fmt.Errorf("%s: %w", r.table.Name, err)
	}
	return nil
}

// sqliteMaxParams is the most parameters an SQLite statement takes
// (SQLITE_MAX_VARIABLE_NUMBER, modernc's default).
const sqliteMaxParams = 32766

// sqliteRows is the number of rows an INSERT writes on SQLite, parameters
// allowing: past a few hundred, more rows per statement save nothing.
const sqliteRows = 500

// sqliteCache is the page cache of the load's connection, in KiB: the
// default 2 MB spills the transaction's pages to the file time and again.
const sqliteCache = 512 << 10

// insertSink writes with INSERTs of sqliteRows rows, then of one for the
// rest, each prepared once per table, into tables whose indexes (but
// those of their keys) are rebuilt at the end.
type insertSink struct {
	tx      *sql.Tx
	stmts   map[string]*sql.Stmt
	cache   int64 // the connection's, put back at the end
	rebuild []string
}

func (*insertSink) instant(t time.Time) any { return t.Truncate(time.Microsecond) }

func (s *insertSink) begin(ctx context.Context) error {
	if err := s.tx.QueryRowContext(ctx, "PRAGMA cache_size").Scan(&s.cache); err != nil {
		return err
	}
	if _, err := s.tx.ExecContext(ctx, fmt.Sprintf("PRAGMA cache_size = %d", -sqliteCache)); err != nil {
		return err
	}
	indexes, err := statements(ctx, s.tx, `
		SELECT 'DROP INDEX "' || name || '"', sql FROM sqlite_master
		WHERE type = 'index' AND sql IS NOT NULL AND tbl_name IN (SELECT value FROM json_each(?))
		ORDER BY name`, string(jsonOf(tableNames())))
	if err != nil {
		return err
	}
	for _, ix := range indexes {
		if _, err := s.tx.ExecContext(ctx, ix[0]); err != nil {
			return fmt.Errorf("%s: %w", ix[0], err)
		}
		s.rebuild = append(s.rebuild, ix[1])
	}
	return nil
}

func (s *insertSink) write(ctx context.Context, r *rows) error {
	n := len(r.columns)
	per := min(sqliteRows, sqliteMaxParams/n)
	for start := 0; start < r.len(); {
		count := per
		if r.len()-start < per {
			count = 1
		}
		stmt, err := s.stmt(ctx, r, count)
		if err != nil {
			return err
		}
		if _, err := stmt.ExecContext(ctx, r.values[start*n:(start+count)*n]...); err != nil {
			return fmt.Errorf("%s: %w", r.table.Name, err)
		}
		start += count
	}
	return nil
}

// stmt returns the INSERT of count rows into r's table.
func (s *insertSink) stmt(ctx context.Context, r *rows, count int) (*sql.Stmt, error) {
	key := fmt.Sprint(r.table.Name, count)
	if stmt, ok := s.stmts[key]; ok {
		return stmt, nil
	}
	stmt, err := s.tx.PrepareContext(ctx, insertSQL(r, count))
	if err != nil {
		return nil, err
	}
	s.stmts[key] = stmt
	return stmt, nil
}

func (s *insertSink) end(ctx context.Context) error {
	for _, stmt := range s.stmts {
		if err := stmt.Close(); err != nil {
			return err
		}
	}
	for _, ddl := range s.rebuild {
		if _, err := s.tx.ExecContext(ctx, ddl); err != nil {
			return fmt.Errorf("%s: %w", ddl, err)
		}
	}
	_, err := s.tx.ExecContext(ctx, fmt.Sprintf("PRAGMA cache_size = %d", s.cache))
	return err
}

// insertSQL is an INSERT of count rows.
func insertSQL(r *rows, count int) string {
	var b strings.Builder
	fmt.Fprintf(&b, "INSERT INTO %q (", r.table.Name)
	for i, c := range r.columns {
		if i > 0 {
			b.WriteByte(',')
		}
		fmt.Fprintf(&b, "%q", c)
	}
	b.WriteString(") VALUES ")
	row := "(" + strings.TrimSuffix(strings.Repeat("?,", len(r.columns)), ",") + ")"
	for i := range count {
		if i > 0 {
			b.WriteByte(',')
		}
		b.WriteString(row)
	}
	return b.String()
}

// chunk holds the rows of a chunk of cases, in the order their foreign
// keys need.
type chunk struct {
	persons, identities, cases, plans, goals, commitments, interventions,
	outcomes, events, assessments, meetings, meetingItems, consents, requests, approvals rows
}

func newChunk() *chunk {
	return &chunk{
		persons: newRows(migrate.PersonsTable, "id", "created_at", "updated_at", "pseudonym", "birth_year", "gender",
			"household_size", "citizenship_area", "person_municipality"),
		identities: newRows(migrate.PersonIdentitiesTable, "id", "created_at", "updated_at", "first_name", "last_name",
			"last_name_key", "first_name_key", "tax_code", "birth_date", "birth_place", "email", "phone", "address",
			"postal_code", "city", "person_identity"),
		cases: newRows(migrate.CasesTable, "id", "created_at", "updated_at", "code", "import_key", "referred_on", "referral_reason",
			"need_areas", "status", "priority", "referral_channel", "taken_in_charge_on", "closed_on", "closure_reason", "decline_reason",
			"consent_given_at", "first_meeting_on", "first_meeting_due_on", "plan_due_on", "transfer_reason",
			"transfer_requested_at", "open_person", "referrer_entered_identity", "version", "case_file_person",
			"case_file_table", "case_file_referring_organization", "case_file_referring_operator",
			"case_file_case_manager", "case_file_transfer_to", "case_file_next_case"),
		plans: newRows(migrate.PlansTable, "id", "created_at", "updated_at", "summary", "agreed_on", "review_on", "case_file_plan"),
		goals: newRows(migrate.GoalsTable, "id", "created_at", "updated_at", "area", "description", "due_on", "status", "goal_plan"),
		commitments: newRows(migrate.CommitmentsTable, "id", "created_at", "updated_at", "kind", "description",
			"hours_agreed", "hours_done", "due_on", "commitment_plan", "commitment_host"),
		interventions: newRows(migrate.InterventionsTable, "id", "created_at", "updated_at", "kind", "description",
			"starts_on", "ends_on", "status", "cost_cents", "intervention_case", "intervention_provider", "intervention_fund", "intervention_protocol"),
		outcomes: newRows(migrate.OutcomesTable, "id", "created_at", "updated_at", "kind", "value_dimension", "achieved_on",
			"evidence", "follow_up_due_on", "followed_up_on", "still_held", "outcome_case", "outcome_intervention",
			"outcome_verified_by"),
		events: newRows(migrate.CaseEventsTable, "id", "created_at", "updated_at", "kind", "occurred_at", "note",
			"detail", "assessment_level", "intervention_kind", "intervention_status", "outcome_kind", "still_held", "closure_reason", "day",
			"case_event_case", "case_event_actor", "case_event_assignee", "case_event_from_table", "case_event_to_table", "case_event_related_case",
			"decline_reason", "completion_reason", "successful", "approval_kind", "case_event_organization"),
		assessments: newRows(migrate.AssessmentsTable, "id", "created_at", "updated_at", "level", "findings", "summary",
			"complex_needs", "assessed_on", "assessment_case", "assessment_assessor"),
		meetings: newRows(migrate.MonitoringMeetingsTable, "id", "created_at", "updated_at", "planned_on", "held_on",
			"summary", "monitoring_meeting_case", "monitoring_meeting_recorded_by"),
		meetingItems: newRows(migrate.MonitoringItemsTable, "id", "created_at", "updated_at", "progress", "goal_status",
			"hours_done", "monitoring_item_meeting", "monitoring_item_goal", "monitoring_item_commitment"),
		consents: newRows(migrate.ConsentsTable, "id", "created_at", "updated_at", "purpose", "basis", "legal_reference",
			"form_reference", "given_on", "withdrawn_on", "withdrawal_reason", "consent_organization", "consent_table",
			"consent_recorded_by", "consent_withdrawn_by", "person_consents"),
		requests: newRows(migrate.ServiceRequestsTable, "id", "created_at", "updated_at", "kind", "need", "needed_by", "shared_contact",
			"status", "sent_on", "answer_due_on", "answered_on", "planned_start", "decline_reason", "answer_note", "completed_on",
			"successful", "completion_reason", "completion_note", "service_request_case", "service_request_organization",
			"service_request_table", "service_request_requested_by", "service_request_answered_by", "service_request_intervention"),
		approvals: newRows(migrate.ApprovalsTable, "id", "created_at", "updated_at", "kind", "status", "proposed_at", "decided_at",
			"agreed_on", "closure_reason", "note", "goals_achieved", "commitments_fulfilled", "return_reason", "approval_case",
			"approval_proposed_by", "approval_decided_by"),
	}
}

// tableNames are the tables the chunks fill.
func tableNames() []string {
	var names []string
	for _, r := range newChunk().tables() {
		names = append(names, r.table.Name)
	}
	return names
}

// tables lists the chunk's rows in the order they are written.
func (c *chunk) tables() []*rows {
	return []*rows{&c.persons, &c.identities, &c.cases, &c.plans, &c.goals, &c.commitments, &c.interventions,
		&c.outcomes, &c.events, &c.assessments, &c.meetings, &c.meetingItems, &c.consents, &c.requests, &c.approvals}
}

func (c *chunk) write(ctx context.Context, s sink) error {
	for _, r := range c.tables() {
		if r.len() == 0 {
			continue
		}
		if err := s.write(ctx, r); err != nil {
			return err
		}
	}
	return nil
}
