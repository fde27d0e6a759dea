// Package subject carries out the rights of the persons whose data WIN
// holds (GDPR arts. 15, 17 and 5(1)(e)): a machine-readable export of
// everything held about a person, the erasure of what identifies them —
// keeping the pseudonymous record for statistics — the report of who read
// their identity, and the retention rule that anonymises the identities
// of cases closed long ago. Each is audited; the look-up, export,
// erasure, report and the retention rule's state are for administrators
// and the data-protection officer (rule.ServesDataRights), who act on a
// person's request.
package subject

import (
	"context"
	"encoding/json"
	"strings"
	"time"

	"github.com/progetto-win/win/domain"
	"github.com/progetto-win/win/domain/fault"
	"github.com/progetto-win/win/domain/gid"
	"github.com/progetto-win/win/domain/viewer"
	"github.com/progetto-win/win/ent"
	"github.com/progetto-win/win/ent/audit"
	"github.com/progetto-win/win/ent/auditevent"
	"github.com/progetto-win/win/ent/casefile"
	"github.com/progetto-win/win/ent/person"
	"github.com/progetto-win/win/ent/personidentity"
	"github.com/progetto-win/win/ent/predicate"
	"github.com/progetto-win/win/ent/privacy"
	"github.com/progetto-win/win/ent/schema/rule"
	"github.com/progetto-win/win/server/auth"
	"github.com/progetto-win/win/server/document"
	"github.com/progetto-win/win/server/store"
)

// Service carries out data-subject requests.
type Service struct {
	Client *ent.Client
	Now    func() time.Time
}

// New returns the service over a client.
func New(client *ent.Client) *Service { return &Service{Client: client, Now: time.Now} }

// admin returns the viewer if they serve persons' data rights: an
// administrator or the data-protection officer.
func admin(ctx context.Context) (*viewer.Viewer, error) {
	v, err := auth.Viewer(ctx)
	if err != nil {
		return nil, err
	}
	if !rule.ServesDataRights(v) {
		return nil, privacy.Denyf("only administrators and the data-protection officer act on data-subject requests")
	}
	return v, nil
}

// Export is everything WIN holds about a person.
type Export struct {
	ExportedAt time.Time   `json:"exported_at"`
	ExportedBy gid.ID      `json:"exported_by"`
	Person     *ent.Person `json:"person"`
}

// Export returns, as indented JSON, the person with identity, residence,
// the bases of the uses of their data (with the organisations they allow
// sharing with, and their signed forms) and every case with its
// timeline, plan, goals, commitments, interventions, outcomes, approvals,
// service requests with the organisation each went to and the contact
// data it shared, and its documents — their records: the files
// themselves are downloaded one by one, each download audited.
func (s *Service) Export(ctx context.Context, personID gid.ID) ([]byte, error) {
	v, err := admin(ctx)
	if err != nil {
		return nil, err
	}
	sys := rule.SystemContext(ctx)
	p, err := s.Client.Person.Query().Where(person.ID(personID)).
		WithIdentity().WithMunicipality().
		WithConsents(func(q *ent.ConsentQuery) { q.WithOrganization().WithTable().WithDocuments() }).
		WithCases(func(q *ent.CaseFileQuery) {
			q.WithTable().WithReferringOrganization().WithEvents().WithInterventions().WithOutcomes().WithDocuments().
				WithPlan(func(q *ent.PlanQuery) { q.WithGoals().WithCommitments() }).
				WithApprovals().
				WithServiceRequests(func(q *ent.ServiceRequestQuery) { q.WithOrganization() })
		}).Only(sys)
	if err != nil {
		return nil, err
	}
	out, err := json.MarshalIndent(Export{ExportedAt: s.Now().UTC(), ExportedBy: v.UserID, Person: p}, "", "  ")
	if err != nil {
		return nil, err
	}
	return out, audit.Record(sys, s.Client, v, "EXPORT_PERSON", "Person", []gid.ID{personID})
}

// EraseIdentity removes what identifies a person — their identity, and
// the content of every document about them (document.OfPersons) — and
// keeps the pseudonymous record and its cases for statistics.
func (s *Service) EraseIdentity(ctx context.Context, personID gid.ID) (*ent.Person, error) {
	v, err := admin(ctx)
	if err != nil {
		return nil, err
	}
	if v.ReadOnly {
		return nil, privacy.Denyf("a read-only API token cannot change data")
	}
	sys := rule.SystemContext(ctx)
	err = store.WithTx(sys, s.Client, func(tx *ent.Client) (err error) {
		if _, err = tx.PersonIdentity.Delete().Where(personidentity.HasPersonWith(person.ID(personID))).Exec(sys); err != nil {
			return err
		}
		if _, err = document.From(ctx).EraseContents(sys, tx, document.OfPersons(person.ID(personID))); err != nil {
			return err
		}
		return audit.Record(sys, tx, v, "ERASE_IDENTITY", "Person", []gid.ID{personID})
	})
	if err != nil {
		return nil, err
	}
	// Read after the commit, through the root client: the answer's edges
	// resolve later, when the transaction is over, with the viewer's rights.
	return s.Client.Person.Get(sys, personID)
}

// AccessReport lists every audited access to a person's identity and
// documents and every export or erasure of their data, oldest first: the
// answer to "who accessed my data".
func (s *Service) AccessReport(ctx context.Context, personID gid.ID) ([]*ent.AuditEvent, error) {
	v, err := admin(ctx)
	if err != nil {
		return nil, err
	}
	sys := rule.SystemContext(ctx)
	ids := []string{string(personID)}
	identities, err := s.Client.PersonIdentity.Query().Where(personidentity.HasPersonWith(person.ID(personID))).IDs(sys)
	if err != nil {
		return nil, err
	}
	documents, err := s.Client.Document.Query().Where(document.OfPersons(person.ID(personID))).IDs(sys)
	if err != nil {
		return nil, err
	}
	for _, id := range append(identities, documents...) {
		ids = append(ids, string(id))
	}
	events, err := s.Client.AuditEvent.Query().Where(auditevent.EntityIDIn(ids...)).
		Order(ent.Asc(auditevent.FieldOccurredAt)).WithActor().WithOrganization().All(sys)
	if err != nil {
		return nil, err
	}
	return events, audit.Record(sys, s.Client, v, "ACCESS_REPORT", "Person", []gid.ID{personID})
}

// ApplyRetention anonymises the identities of persons whose cases all
// ended — closed or declined — more than the given number of years ago,
// erasing the content of their documents too, and returns how many
// identities it erased; each run is audited (RETENTION_RUN, with the
// setting and the count). Several server processes may run it at
// once: it runs in one transaction holding db's "retention" lock, and
// finds what to erase inside it, so that each identity is erased and
// audited once; a run that finds the lock taken erases nothing.
func (s *Service) ApplyRetention(ctx context.Context, db *store.DB, years int) (int, error) {
	sys := rule.SystemContext(ctx)
	// Cases closed on the first day that starts at the cutoff or later.
	at := s.Now().AddDate(-years, 0, 0)
	cutoff := domain.DayOf(at)
	if !cutoff.Start().Equal(at) {
		cutoff = cutoff.AddDays(1)
	}
	ended := domain.Convert[casefile.Status](domain.EndedCaseStatuses)
	var n int
	_, err := db.WithLock(sys, "retention", func(tx *ent.Client) error {
		expired := person.And(person.HasCases(),
			person.Not(person.HasCasesWith(casefile.Or(casefile.StatusNotIn(ended...), casefile.ClosedOnGTE(cutoff)))))
		ids, err := tx.PersonIdentity.Query().Where(personidentity.HasPersonWith(expired)).IDs(sys)
		if err != nil {
			return err
		}
		if len(ids) > 0 {
			if _, err := document.From(ctx).EraseContents(sys, tx, document.OfPersons(person.HasIdentityWith(personidentity.IDIn(ids...)))); err != nil {
				return err
			}
			if n, err = tx.PersonIdentity.Delete().Where(personidentity.IDIn(ids...)).Exec(sys); err != nil {
				return err
			}
		}
		for _, id := range ids {
			if err := tx.AuditEvent.Create().SetAction("RETENTION_ERASE").SetEntityType("PersonIdentity").SetEntityID(string(id)).Exec(sys); err != nil {
				return err
			}
		}
		// The run itself, erasing or not, with the setting it ran under:
		// the privacy desk shows the last one (RetentionStatus).
		run, err := json.Marshal(retentionRun{Years: years, Erased: n})
		if err != nil {
			return err
		}
		return tx.AuditEvent.Create().SetAction("RETENTION_RUN").SetChanges(string(run)).Exec(sys)
	})
	if err != nil {
		return 0, err
	}
	return n, nil
}

// retentionRun is what a RETENTION_RUN event records in its changes.
type retentionRun struct {
	Years  int `json:"years"`
	Erased int `json:"erased"`
}

// Subject is a person a data-subject request may be about, as the
// privacy desk finds them: what tells the request's person apart and
// nothing of their identity or case content — the export carries those.
type Subject struct {
	PersonID     gid.ID
	Pseudonym    string
	IdentityHeld bool
	Cases        []*FoundCase
}

// FoundCase is one case of a found person: its code, status, table and
// days, so that the desk sees which of the person's cases are still
// open (and keep the identity under the retention rule).
type FoundCase struct {
	Code       string
	Status     casefile.Status
	Table      string
	ReferredOn domain.Date
	ClosedOn   *domain.Date
}

// Find returns the persons with the given tax code (compared as stored:
// upper case, no spaces) or with a case of the given code: one of them,
// at most, unless two records of one person await merging. Each person
// found is audited as MATCH_PERSON, so that the look-up is in their
// access report; a look-up that finds nobody records nothing.
func (s *Service) Find(ctx context.Context, taxCode, caseCode *string) ([]*Subject, error) {
	v, err := admin(ctx)
	if err != nil {
		return nil, err
	}
	tax := strings.ToUpper(strings.Join(strings.Fields(domain.Deref(taxCode)), ""))
	code := strings.ToUpper(strings.TrimSpace(domain.Deref(caseCode)))
	var where predicate.Person
	switch {
	case tax != "" && code != "":
		return nil, fault.Invalidf("caseCode", "give a tax code or a case code, not both")
	case tax != "":
		where = person.HasIdentityWith(personidentity.TaxCode(tax))
	case code != "":
		where = person.HasCasesWith(casefile.Code(code))
	default:
		return nil, fault.Invalidf("taxCode", "give a tax code or a case code")
	}
	sys := rule.SystemContext(ctx)
	persons, err := s.Client.Person.Query().Where(where).Order(ent.Asc(person.FieldPseudonym)).Limit(10).
		WithIdentity().
		WithCases(func(q *ent.CaseFileQuery) { q.Order(ent.Asc(casefile.FieldReferredOn)).WithTable() }).All(sys)
	if err != nil {
		return nil, err
	}
	out := make([]*Subject, len(persons))
	ids := make([]gid.ID, len(persons))
	for i, p := range persons {
		ids[i] = p.ID
		out[i] = &Subject{PersonID: p.ID, Pseudonym: p.Pseudonym, IdentityHeld: p.Edges.Identity != nil}
		for _, c := range p.Edges.Cases {
			sc := &FoundCase{Code: c.Code, Status: c.Status, ReferredOn: c.ReferredOn, ClosedOn: c.ClosedOn}
			if c.Edges.Table != nil {
				sc.Table = c.Edges.Table.Name
			}
			out[i].Cases = append(out[i].Cases, sc)
		}
	}
	return out, audit.Record(sys, s.Client, v, "MATCH_PERSON", "Person", ids)
}

// Retention is the state of the retention rule: the setting the server
// runs under and its last run, as the audit log records it.
type Retention struct {
	Years     int
	LastRunAt *time.Time
	// LastRunErased is how many identities the last run erased.
	LastRunErased *int
	// LastErasedAt is when the rule last erased an identity, from
	// RETENTION_ERASE events (which runs before RETENTION_RUN was
	// recorded wrote too).
	LastErasedAt *time.Time
}

type retentionKey struct{}

// WithRetentionYears puts the server's retention setting (years, 0 for
// off) in a request's context, for RetentionStatus: the rule runs in
// the server process (server/main.go), the desk reads what it runs under.
func WithRetentionYears(ctx context.Context, years int) context.Context {
	return context.WithValue(ctx, retentionKey{}, years)
}

// RetentionStatus returns the retention setting and the last run of the
// rule, from the audit log.
func (s *Service) RetentionStatus(ctx context.Context) (*Retention, error) {
	if _, err := admin(ctx); err != nil {
		return nil, err
	}
	sys := rule.SystemContext(ctx)
	years, _ := ctx.Value(retentionKey{}).(int)
	out := &Retention{Years: years}
	last, err := s.Client.AuditEvent.Query().Where(auditevent.Action("RETENTION_RUN")).
		Order(ent.Desc(auditevent.FieldOccurredAt), ent.Desc(auditevent.FieldID)).First(sys)
	switch {
	case ent.IsNotFound(err):
	case err != nil:
		return nil, err
	default:
		var run retentionRun
		if err := json.Unmarshal([]byte(last.Changes), &run); err != nil {
			return nil, err
		}
		out.LastRunAt, out.LastRunErased = &last.OccurredAt, &run.Erased
	}
	erased, err := s.Client.AuditEvent.Query().Where(auditevent.Action("RETENTION_ERASE")).
		Order(ent.Desc(auditevent.FieldOccurredAt)).First(sys)
	switch {
	case ent.IsNotFound(err):
	case err != nil:
		return nil, err
	default:
		out.LastErasedAt = &erased.OccurredAt
	}
	return out, nil
}
