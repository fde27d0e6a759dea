// Package subject carries out the rights of the persons whose data WIN
// holds (GDPR arts. 15, 17 and 5(1)(e)): a machine-readable export of
// everything held about a person, the erasure of what identifies them —
// keeping the pseudonymous record for statistics — the report of who read
// their identity, and the retention rule that anonymises the identities
// of cases closed long ago. Each is audited; export, erasure and report
// are for administrators, who act on a person's request.
package subject

import (
	"context"
	"encoding/json"
	"time"

	"github.com/progetto-win/win/domain"
	"github.com/progetto-win/win/domain/gid"
	"github.com/progetto-win/win/domain/viewer"
	"github.com/progetto-win/win/ent"
	"github.com/progetto-win/win/ent/audit"
	"github.com/progetto-win/win/ent/auditevent"
	"github.com/progetto-win/win/ent/casefile"
	"github.com/progetto-win/win/ent/person"
	"github.com/progetto-win/win/ent/personidentity"
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

// admin returns the viewer if they are an administrator.
func admin(ctx context.Context) (*viewer.Viewer, error) {
	v, err := auth.Viewer(ctx)
	if err != nil {
		return nil, err
	}
	if !v.Has(domain.RoleAdmin) {
		return nil, privacy.Denyf("only administrators act on data-subject requests")
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
// identities it erased. Several server processes may run it at
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
		if err != nil || len(ids) == 0 {
			return err
		}
		if _, err := document.From(ctx).EraseContents(sys, tx, document.OfPersons(person.HasIdentityWith(personidentity.IDIn(ids...)))); err != nil {
			return err
		}
		if n, err = tx.PersonIdentity.Delete().Where(personidentity.IDIn(ids...)).Exec(sys); err != nil {
			return err
		}
		for _, id := range ids {
			if err := tx.AuditEvent.Create().SetAction("RETENTION_ERASE").SetEntityType("PersonIdentity").SetEntityID(string(id)).Exec(sys); err != nil {
				return err
			}
		}
		return nil
	})
	if err != nil {
		return 0, err
	}
	return n, nil
}
