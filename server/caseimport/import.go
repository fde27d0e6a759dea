// Package caseimport takes over an existing caseload from a spreadsheet
// (docs/import.md): an administrator, or a coordinator for their tables,
// uploads a CSV of persons and their referrals — optionally taken in
// charge or closed, with an intervention and an outcome — and previews
// it (every row checked and matched against the persons WIN knows,
// nothing written) or imports it, the rows accepted in one transaction,
// each case keyed by its row so that importing a file again creates
// nothing. The file is read as it arrives, a chunk of rows at a time,
// hashed as it is read; every record an import creates is audited as
// IMPORT_CASES with the file's SHA-256.
package caseimport

import (
	"context"
	"encoding/json"
	"errors"
	"io"
	"slices"
	"strconv"
	"time"

	"github.com/progetto-win/win/domain"
	"github.com/progetto-win/win/domain/fault"
	"github.com/progetto-win/win/domain/gid"
	"github.com/progetto-win/win/domain/viewer"
	"github.com/progetto-win/win/ent"
	"github.com/progetto-win/win/ent/audit"
	"github.com/progetto-win/win/ent/caseevent"
	"github.com/progetto-win/win/ent/casefile"
	"github.com/progetto-win/win/ent/schema/rule"
	"github.com/progetto-win/win/ent/territorialtable"
	"github.com/progetto-win/win/server/action"
	"github.com/progetto-win/win/server/pathway"
)

// Mode is what is done with a file.
type Mode string

// The modes.
const (
	// Preview checks and matches every row and writes nothing but its
	// own audit events.
	Preview Mode = "preview"
	// Import writes the rows accepted, in one transaction.
	Import Mode = "import"
)

// OnError is what an import does with rows that are ERROR or CONFLICT.
type OnError string

// The policies.
const (
	// Abort imports nothing if any row is an ERROR or a CONFLICT.
	Abort OnError = "abort"
	// Skip imports the other rows.
	Skip OnError = "skip"
)

// Options say what to do with a file.
type Options struct {
	Mode    Mode
	OnError OnError
}

// MaxRows bounds the rows of a file: past it the file is refused whole,
// to be split. An import of 10,000 rows takes seconds
// (docs/import.md#limits-and-figures); the request's deadline bounds it too.
const MaxRows = 20_000

// ChunkRows is how many rows are checked, matched and written at a time:
// one query finds the persons of a chunk, one INSERT writes each kind of
// record of it. Tests lower it.
var ChunkRows = 500

// Run previews or imports a file for the viewer of ctx, whose context
// carries the request's ent client (not a transaction: the import opens
// its own). It answers the report, also when the import is refused
// because of rows (Report.Imported false); an error is a file it cannot
// read (fault.Invalid on "file"), a viewer who may not import (FORBIDDEN)
// or a failure.
func Run(ctx context.Context, file io.Reader, opts Options) (*Report, error) {
	view, err := action.Start(ctx)
	if err != nil {
		return nil, err
	}
	v := view.Viewer
	if !v.Has(domain.RoleAdmin) && !v.Has(domain.RoleCoordinator) {
		return nil, &fault.Forbidden{Message: "only administrators and table coordinators import cases"}
	}
	if opts.Mode != Preview && opts.Mode != Import {
		return nil, fault.Invalidf("mode", "give preview or import")
	}
	if opts.OnError == "" {
		opts.OnError = Abort
	}
	if opts.OnError != Abort && opts.OnError != Skip {
		return nil, fault.Invalidf("onError", "give abort or skip")
	}
	if opts.Mode == Import {
		if err := view.Writable(); err != nil {
			return nil, err
		}
	}
	src, err := open(file)
	if err != nil {
		return nil, err
	}
	refs, err := loadRefs(view.Sys, view.Client)
	if err != nil {
		return nil, err
	}
	r := &run{
		opts: opts, view: view, act: view, check: &checker{refs: refs, viewer: v},
		report:  &Report{Encoding: src.encoding, Separator: string(src.separator), Mode: opts.Mode, OnError: opts.OnError, Rows: []Row{}},
		rowKeys: map[string]int{}, persons: newFilePersons(), matched: map[gid.ID]bool{},
	}
	if opts.Mode == Preview {
		if err := r.read(src); err != nil {
			return nil, err
		}
		return r.report, r.auditOutside()
	}
	return r.importAll(ctx, src)
}

// run is the work on one file.
type run struct {
	opts    Options
	view    *action.Action // the viewer's, over the request's client
	act     *action.Action // what reads and writes: view, or the import's transaction
	check   *checker
	report  *Report
	rowKeys map[string]int // the line of each row key seen
	persons filePersons
	matched map[gid.ID]bool // known persons matched, whose identities were compared (MATCH_PERSON)
	order   []gid.ID        // the same, in the order matched
	writer  *writer         // an import's
}

// importAll imports a file in one transaction: all of it, or with
// onError=skip the rows that are neither ERROR nor CONFLICT. A refused
// import rolls back and records only what the uploader was shown.
func (r *run) importAll(ctx context.Context, src *source) (*Report, error) {
	tx, err := r.view.Client.Tx(ctx)
	if err != nil {
		return nil, err
	}
	act, err := action.Start(ent.NewContext(ctx, tx.Client()))
	if err != nil {
		_ = tx.Rollback()
		return nil, err
	}
	r.act = act
	r.writer = &writer{a: act, sys: unaudited(act.Sys), now: time.Now(), next: map[string]int{}, locked: map[gid.ID]bool{}}
	if err := r.read(src); err != nil {
		_ = tx.Rollback()
		return nil, err
	}
	if r.aborting() {
		if err := tx.Rollback(); err != nil {
			return nil, err
		}
		r.act = r.view
		return r.report, r.auditOutside()
	}
	if err := r.writer.audit(r.report.FileSHA256); err != nil {
		_ = tx.Rollback()
		return nil, err
	}
	r.report.Imported = true
	r.report.Counts.CasesCreated, r.report.Counts.PersonsCreated = r.writer.cases, r.writer.persons
	if err := r.auditRun(); err != nil {
		_ = tx.Rollback()
		return nil, err
	}
	if err := tx.Commit(); err != nil {
		return nil, err
	}
	return r.report, nil
}

// aborting reports whether an import writes no more: onError=abort and
// some row refused.
func (r *run) aborting() bool {
	return r.opts.Mode == Import && r.opts.OnError == Abort && r.report.refused()
}

// read reads the whole file, a chunk at a time.
func (r *run) read(src *source) error {
	chunk := make([]*rawRow, 0, ChunkRows)
	for {
		row, err := src.next()
		if errors.Is(err, io.EOF) {
			break
		}
		if err != nil {
			return err
		}
		if r.report.Counts.Rows+len(chunk) >= MaxRows {
			return fileError("the file has more than %d rows: split it into smaller files, each imported on its own", MaxRows)
		}
		chunk = append(chunk, row)
		if len(chunk) == ChunkRows {
			if err := r.chunk(chunk); err != nil {
				return err
			}
			chunk = chunk[:0]
		}
	}
	if len(chunk) > 0 {
		if err := r.chunk(chunk); err != nil {
			return err
		}
	}
	if r.report.Counts.Rows == 0 {
		return fileError("the file has a header and no rows")
	}
	r.report.FileSHA256 = src.sum()
	return nil
}

// decision is what becomes of a checked row.
type decision struct {
	rec    *record
	row    Row
	person *filePerson // for NEW and MATCH
	fresh  bool        // the row brings the person first: create them
}

// chunk checks, matches and decides a chunk of rows, and writes those
// accepted when importing.
func (r *run) chunk(raws []*rawRow) error {
	sys, client := r.act.Sys, r.act.Client
	recs := make([]*record, len(raws))
	for i, raw := range raws {
		recs[i] = r.check.check(raw)
		if key := recs[i].rowKey; key != "" {
			if line, seen := r.rowKeys[key]; seen {
				recs[i].fail(ColRowKey, "repeats the codice_riga of line %d: each row needs its own", line)
			} else {
				r.rowKeys[key] = recs[i].line
			}
		}
	}
	var keys []string
	for _, rec := range recs {
		if len(rec.problems) == 0 {
			keys = append(keys, rec.importKey())
		}
	}
	before, err := importedBefore(sys, client, keys)
	if err != nil {
		return err
	}
	// The rows that may name a person WIN knows, matched in one query.
	var ask []*record
	var of []pathway.PersonIdentifiers
	for _, rec := range recs {
		if len(rec.problems) == 0 && before[rec.importKey()] == nil {
			if p, ambiguous := r.persons.find(rec); p == nil && !ambiguous {
				ask, of = append(ask, rec), append(of, identifiers(rec))
			}
		}
	}
	found := make([][]*pathway.PersonMatch, len(of))
	if len(of) > 0 {
		if found, err = pathway.MatchPersons(sys, client, of); err != nil {
			return err
		}
	}
	matchesOf := make(map[*record][]*pathway.PersonMatch, len(ask))
	var mayName []gid.ID
	for i, rec := range ask {
		matchesOf[rec] = found[i]
		for _, m := range found[i] {
			if m.OpenCaseID != nil {
				mayName = append(mayName, *m.OpenCaseID)
			}
		}
	}
	// What the report may name: the open cases found, and the cases
	// imported before (one may have moved to a table the uploader does
	// not see since).
	for _, c := range before {
		mayName = append(mayName, c.ID)
	}
	visible, err := visibleCases(r.act.Ctx, client, mayName)
	if err != nil {
		return err
	}
	decisions := make([]*decision, len(recs))
	for i, rec := range recs {
		decisions[i] = r.decide(rec, before[safeKey(rec)], matchesOf, visible)
		r.report.add(decisions[i].row)
	}
	if r.writer == nil || r.aborting() {
		return nil
	}
	first := len(r.report.Rows) - len(decisions)
	var accepted []*decision
	for _, d := range decisions {
		if d.row.Outcome == New || d.row.Outcome == Match {
			accepted = append(accepted, d)
		}
	}
	if err := r.writer.write(accepted); err != nil {
		return err
	}
	for i, d := range decisions {
		if d.row.Outcome == New || d.row.Outcome == Match {
			r.report.Rows[first+i].CaseCode, r.report.Rows[first+i].CaseID = d.row.CaseCode, d.row.CaseID
			r.report.Rows[first+i].Pseudonym = d.person.pseudonym
		}
	}
	return nil
}

// safeKey is a checked row's import key, or "" for a row with problems.
func safeKey(rec *record) string {
	if len(rec.problems) > 0 {
		return ""
	}
	return rec.importKey()
}

// decide says what becomes of a row: an ERROR for its problems,
// ALREADY_IMPORTED for a key imported before, else a person — of an
// earlier row, known, or new — and a CONFLICT if the case would be their
// second open one.
func (r *run) decide(rec *record, before *ent.CaseFile, found map[*record][]*pathway.PersonMatch, visible map[gid.ID]*CaseRef) *decision {
	d := &decision{rec: rec, row: Row{Line: rec.line, RowKey: rec.rowKey}}
	refuse := func(outcome Outcome, p Problem) *decision {
		d.row.Outcome, d.row.Problems = outcome, append(d.row.Problems, p)
		return d
	}
	if len(rec.problems) > 0 {
		d.row.Outcome, d.row.Problems = Error, rec.problems
		return d
	}
	if before != nil {
		d.row.Outcome = AlreadyImported
		if visible[before.ID] != nil {
			d.row.CaseCode, d.row.CaseID = before.Code, before.ID
		}
		return d
	}
	if p, ambiguous := r.persons.find(rec); ambiguous && p != nil {
		return refuse(Error, Problem{Column: ColTaxCode, Message: "line " + itoa(p.line) + " has the same names and birth date but not this tax code: check it; if they are the same person, give the same tax code, or none"})
	} else if ambiguous {
		return refuse(Error, Problem{Column: ColTaxCode, Message: "the tax code and the names name two different persons of earlier rows: check them"})
	} else if p != nil {
		d.person, d.row.SamePersonAsLine = p, p.line
		if p.known != nil {
			d.row.Pseudonym, d.row.MatchedBy = p.known.Pseudonym, reasons(p.known)
		}
		switch {
		case rec.opens() && p.openLine > 0:
			return refuse(Conflict, Problem{Column: ColStatus, Message: "the same person as line " + itoa(p.openLine) + ", which already gives them an open case: a person has one open case at a time"})
		case rec.opens() && p.known != nil && p.known.OpenCaseID != nil:
			return refuse(Conflict, openCaseProblem(p.known, visible))
		}
		r.persons.add(rec, p)
		if rec.opens() {
			p.openLine = rec.line
		}
		d.row.Outcome = Match
		return d
	}
	matches := found[rec]
	for _, m := range matches {
		if !r.matched[m.PersonID] {
			r.matched[m.PersonID] = true
			r.order = append(r.order, m.PersonID)
		}
	}
	switch {
	case len(matches) > 1:
		return refuse(Error, Problem{Column: personColumn(matches[0]), Message: "the identifiers match " + itoa(len(matches)) + " persons WIN knows: give the tax code, or check it"})
	case len(matches) == 1:
		m := matches[0]
		d.row.Pseudonym, d.row.MatchedBy = m.Pseudonym, reasons(m)
		if rec.taxCode != "" && !slices.Contains(m.Reasons, pathway.ByTaxCode) {
			return refuse(Error, Problem{Column: ColTaxCode, Message: "a person WIN knows (" + m.Pseudonym + ") has the same names and birth date but not this tax code: check it; if they are the same person, leave codice_fiscale empty"})
		}
		p := &filePerson{line: rec.line, known: m, id: m.PersonID, pseudonym: m.Pseudonym}
		r.persons.add(rec, p)
		if m.OpenCaseID != nil {
			if ref, ok := visible[*m.OpenCaseID]; ok {
				d.row.OpenCase = ref
			}
			if rec.opens() {
				return refuse(Conflict, openCaseProblem(m, visible))
			}
		}
		if rec.opens() {
			p.openLine = rec.line
		}
		d.person, d.row.Outcome = p, Match
		return d
	}
	if !rec.byName() {
		return refuse(Error, Problem{Column: ColTaxCode, Message: "no person WIN knows has this tax code: a new person needs cognome, nome and data_nascita"})
	}
	p := &filePerson{line: rec.line}
	r.persons.add(rec, p)
	if rec.opens() {
		p.openLine = rec.line
	}
	d.person, d.fresh, d.row.Outcome = p, true, New
	return d
}

// auditRun records, in the action's transaction, the matches — each
// known person whose identity the file's rows were compared with,
// MATCH_PERSON, as findPersonMatches records them — and the run itself,
// IMPORT_CASES with the file's SHA-256, the mode and the counts, never a
// row.
func (r *run) auditRun() error {
	if err := r.act.Audit("MATCH_PERSON", "Person", r.order...); err != nil {
		return err
	}
	return r.act.AuditSearch("IMPORT_CASES", "Case", RunRecord{
		FileSHA256: r.report.FileSHA256, Mode: r.report.Mode, OnError: r.report.OnError,
		Imported: r.report.Imported, Counts: r.report.Counts,
	})
}

// auditOutside is auditRun in a transaction of its own: for a preview,
// and for an import refused, whose transaction rolled back.
func (r *run) auditOutside() error {
	tx, err := r.view.Client.Tx(r.view.Ctx)
	if err != nil {
		return err
	}
	act, err := action.Start(ent.NewContext(r.view.Ctx, tx.Client()))
	if err == nil {
		r.act = act
		err = r.auditRun()
	}
	if err != nil {
		_ = tx.Rollback()
		return err
	}
	return tx.Commit()
}

// RunRecord is what the audit log keeps of a run (the changes of its
// IMPORT_CASES event without an object).
type RunRecord struct {
	FileSHA256 string  `json:"fileSha256"`
	Mode       Mode    `json:"mode"`
	OnError    OnError `json:"onError"`
	Imported   bool    `json:"imported"`
	Counts     Counts  `json:"counts"`
}

// CreatedRecord is what the audit log keeps of a record an import created
// (the changes of its IMPORT_CASES event): the file and its line, never
// a value.
type CreatedRecord struct {
	FileSHA256 string `json:"fileSha256"`
	Line       int    `json:"line"`
}

// writer writes the accepted rows of an import, in its transaction.
type writer struct {
	a       *action.Action
	sys     context.Context // the writes' (unaudited)
	now     time.Time
	next    map[string]int  // the last number given, by case code prefix
	locked  map[gid.ID]bool // tables whose row this transaction locked
	created []created       // for the audit, once the file's hash is known
	cases   int
	persons int
}

// unaudited is the system's context without the viewer, for the
// import's writes: ent/audit's hook, which records each change of a
// viewer's as its own INSERT (CREATE, one round trip per record: 50,000
// for 10,000 rows), leaves them alone, and the writer records every
// record it created itself, IMPORT_CASES with the viewer as actor, a
// thousand events an INSERT, in the same transaction (writer.audit).
func unaudited(sys context.Context) context.Context {
	return rule.SystemContext(viewer.NewContext(sys, nil))
}

// created is a record an import created, from a line of the file.
type created struct {
	entity domain.AuditEntityType
	id     gid.ID
	line   int
}

func (w *writer) made(goType string, id gid.ID, line int) {
	w.created = append(w.created, created{entity: audit.EntityType(goType), id: id, line: line})
}

// write creates, for a chunk's accepted rows, the new persons and their
// identities, the cases (REFERRED, or IN_CHARGE or CLOSED with their
// days; a case in charge with a draft plan for the table to fill in),
// their interventions and outcomes and the timeline's events, one INSERT
// per kind of record. Nobody is notified: the cases are the table's
// already.
func (w *writer) write(rows []*decision) error {
	if len(rows) == 0 {
		return nil
	}
	sys, client := w.sys, w.a.Client
	var fresh []*decision
	for _, d := range rows {
		if d.fresh {
			fresh = append(fresh, d)
		}
	}
	if len(fresh) > 0 {
		builders := make([]*ent.PersonCreate, len(fresh))
		for i, d := range fresh {
			rec := d.rec
			builders[i] = client.Person.Create().SetBirthYear(rec.birthDate.Year()).
				SetNillableGender(rec.gender).SetNillableCitizenshipArea(rec.citizenship).
				SetNillableMunicipalityID(rec.municipality)
		}
		persons, err := client.Person.CreateBulk(builders...).Save(sys)
		if err != nil {
			return err
		}
		identities := make([]*ent.PersonIdentityCreate, len(fresh))
		for i, d := range fresh {
			p, rec := persons[i], d.rec
			d.person.id, d.person.pseudonym = p.ID, p.Pseudonym
			w.made(ent.TypePerson, p.ID, rec.line)
			identities[i] = client.PersonIdentity.Create().SetPersonID(p.ID).
				SetLastName(rec.lastName).SetFirstName(rec.firstName).SetBirthDate(*rec.birthDate)
			if rec.taxCode != "" {
				identities[i].SetTaxCode(rec.taxCode)
			}
		}
		saved, err := client.PersonIdentity.CreateBulk(identities...).Save(sys)
		if err != nil {
			return err
		}
		for i, pi := range saved {
			w.made(ent.TypePersonIdentity, pi.ID, fresh[i].rec.line)
		}
		w.persons += len(fresh)
	}
	builders := make([]*ent.CaseFileCreate, len(rows))
	for i, d := range rows {
		rec := d.rec
		code, err := w.code(rec.table, rec.referredOn)
		if err != nil {
			return err
		}
		builders[i] = client.CaseFile.Create().SetCode(code).SetImportKey(rec.importKey()).
			SetReferredOn(rec.referredOn).SetReferralReason(rec.reason).SetNeedAreas(rec.needAreas).SetNillableReferralChannel(rec.channel).
			SetPersonID(d.person.id).SetTableID(rec.table.id).SetReferringOrganizationID(rec.referrer).
			SetFirstMeetingDueOn(rec.referredOn.AddDays(rec.table.daysToFirstMeeting)).
			SetStatus(rec.status).SetNillableTakenInChargeOn(rec.takenOn).
			SetNillableClosedOn(rec.closedOn).SetNillableClosureReason(rec.closure)
	}
	cases, err := client.CaseFile.CreateBulk(builders...).Save(sys)
	if err != nil {
		return err
	}
	w.cases += len(cases)
	var (
		plans         []*ent.PlanCreate
		planLines     []int
		interventions []*ent.InterventionCreate
		outcomes      []*ent.OutcomeCreate
		lines         [2][]int // of the interventions, of the outcomes
		events        []*ent.CaseEventCreate
		eventLines    []int
	)
	for i, d := range rows {
		c, rec := cases[i], d.rec
		d.row.CaseCode, d.row.CaseID = c.Code, c.ID
		w.made(ent.TypeCaseFile, c.ID, rec.line)
		at := w.now
		event := func(kind caseevent.Kind, facts func(*ent.CaseEventCreate)) {
			e := client.CaseEvent.Create().SetCaseID(c.ID).SetKind(kind).SetOccurredAt(at).SetActorID(w.a.Viewer.UserID)
			if facts != nil {
				facts(e)
			}
			events, eventLines = append(events, e), append(eventLines, rec.line)
			at = at.Add(time.Millisecond) // the timeline in the order of the pathway
		}
		event(caseevent.KindReferred, nil)
		if rec.takenOn != nil {
			event(caseevent.KindTakenInCharge, nil)
		}
		if rec.status == casefile.StatusInCharge {
			// The plan is the table's to write and agree: its steps
			// (updatePlan, addGoal…) need one.
			plans, planLines = append(plans, client.Plan.Create().SetCaseID(c.ID)), append(planLines, rec.line)
		}
		if in := rec.intervention; in != nil {
			interventions = append(interventions, client.Intervention.Create().SetCaseID(c.ID).SetKind(in.kind).
				SetProviderID(in.provider).SetStartsOn(in.startsOn).SetNillableEndsOn(in.endsOn).SetStatus(in.status))
			lines[0] = append(lines[0], rec.line)
			event(caseevent.KindInterventionAdded, func(e *ent.CaseEventCreate) {
				e.SetInterventionKind(caseevent.InterventionKind(in.kind))
			})
		}
		if o := rec.outcome; o != nil {
			dimension, due := pathway.OutcomeDefaults(o.kind, o.achievedOn)
			create := client.Outcome.Create().SetCaseID(c.ID).SetKind(o.kind).SetValueDimension(dimension).
				SetAchievedOn(o.achievedOn).SetNillableFollowUpDueOn(due)
			outcomes = append(outcomes, create)
			lines[1] = append(lines[1], rec.line)
			event(caseevent.KindOutcomeRecorded, func(e *ent.CaseEventCreate) {
				e.SetOutcomeKind(caseevent.OutcomeKind(o.kind))
			})
		}
		if rec.closure != nil {
			event(caseevent.KindClosed, func(e *ent.CaseEventCreate) {
				e.SetClosureReason(caseevent.ClosureReason(*rec.closure))
			})
		}
	}
	if len(plans) > 0 {
		saved, err := client.Plan.CreateBulk(plans...).Save(sys)
		if err != nil {
			return err
		}
		for i, p := range saved {
			w.made(ent.TypePlan, p.ID, planLines[i])
		}
	}
	if len(interventions) > 0 {
		saved, err := client.Intervention.CreateBulk(interventions...).Save(sys)
		if err != nil {
			return err
		}
		for i, x := range saved {
			w.made(ent.TypeIntervention, x.ID, lines[0][i])
		}
	}
	if len(outcomes) > 0 {
		saved, err := client.Outcome.CreateBulk(outcomes...).Save(sys)
		if err != nil {
			return err
		}
		for i, x := range saved {
			w.made(ent.TypeOutcome, x.ID, lines[1][i])
		}
	}
	saved, err := client.CaseEvent.CreateBulk(events...).Save(sys)
	if err != nil {
		return err
	}
	for i, e := range saved {
		w.made(ent.TypeCaseEvent, e.ID, eventLines[i])
	}
	return nil
}

// code numbers a table's cases per year, as referrals do (EMP-2026-0042):
// the table's row is locked for the transaction first, so that no
// referral takes a number meanwhile.
func (w *writer) code(t *tableRef, on domain.Date) (string, error) {
	sys, client := w.sys, w.a.Client
	prefix := t.code + "-" + itoa(on.Year()) + "-"
	if _, ok := w.next[prefix]; !ok {
		if !w.locked[t.id] {
			if _, err := client.TerritorialTable.Query().Where(territorialtable.ID(t.id)).Modify(rule.ForUpdate).Only(sys); err != nil {
				return "", err
			}
			w.locked[t.id] = true
		}
		n, err := client.CaseFile.Query().Where(casefile.CodeHasPrefix(prefix)).Count(sys)
		if err != nil {
			return "", err
		}
		w.next[prefix] = n
	}
	w.next[prefix]++
	n := itoa(w.next[prefix])
	for len(n) < 4 {
		n = "0" + n
	}
	return prefix + n, nil
}

// auditBatch is how many audit events one INSERT writes.
const auditBatch = 1000

// audit records every record the import created — person, identity,
// case, plan, intervention, outcome, timeline event — as IMPORT_CASES
// with the file's SHA-256 and the line it came from: the event of its
// creation (in place of ent/audit's CREATE, see unaudited).
func (w *writer) audit(sha string) error {
	v, client := w.a.Viewer, w.a.Client
	for start := 0; start < len(w.created); start += auditBatch {
		batch := w.created[start:min(start+auditBatch, len(w.created))]
		events := make([]*ent.AuditEventCreate, len(batch))
		for i, c := range batch {
			details, err := json.Marshal(CreatedRecord{FileSHA256: sha, Line: c.line})
			if err != nil {
				return err
			}
			events[i] = client.AuditEvent.Create().SetAction("IMPORT_CASES").SetEntityType(string(c.entity)).
				SetEntityID(string(c.id)).SetChanges(string(details)).
				SetActorID(v.UserID).SetOrganizationID(v.OrganizationID).
				SetRequestID(v.RequestID).SetClientAddress(v.ClientAddress)
		}
		if err := client.AuditEvent.CreateBulk(events...).Exec(w.a.Sys); err != nil {
			return err
		}
	}
	return nil
}

func itoa(n int) string { return strconv.Itoa(n) }
