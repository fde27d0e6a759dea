package subject_test

import (
	"context"
	"errors"
	"strings"
	"testing"

	"entgo.io/ent/privacy"

	"github.com/progetto-win/win/domain"
	"github.com/progetto-win/win/domain/fault"
	"github.com/progetto-win/win/domain/viewer"
	"github.com/progetto-win/win/ent/auditevent"
	"github.com/progetto-win/win/ent/personidentity"
	"github.com/progetto-win/win/ent/schema/rule"
	"github.com/progetto-win/win/server/store"
	"github.com/progetto-win/win/server/store/storetest"
	"github.com/progetto-win/win/server/subject"
	"github.com/progetto-win/win/server/webtest"
)

// TestDataSubjectRequests calls the data-subject service directly: only
// an administrator exports a person's data, reads who accessed it, and
// erases the identity — each audited — and a read-only token cannot
// erase; a refusal reads and writes nothing.
func TestDataSubjectRequests(t *testing.T) {
	storetest.Each(t, func(t *testing.T, db *store.DB) {
		c := db.Client()
		sys := rule.SystemContext(context.Background())
		f := webtest.SeedOneOfEach(t, c)
		administrator, readOnlyAdministrator := webtest.Staff(t, c, f, "admin@prova.example", domain.RoleAdmin)
		as := func(v *viewer.Viewer) context.Context { return viewer.NewContext(context.Background(), v) }
		admin, readOnly := as(administrator), as(readOnlyAdministrator)
		operator := as(&viewer.Viewer{UserID: f["User"], OrganizationID: f["Organization"], Roles: []domain.Role{domain.RoleOperator}})
		s := subject.New(c)
		person := f["Person"]
		audits := func() int { return c.AuditEvent.Query().Where(auditevent.EntityID(string(person))).CountX(sys) }
		identities := func() int {
			return c.PersonIdentity.Query().Where(personidentity.ID(f["PersonIdentity"])).CountX(sys)
		}
		denied := func(what string, err error) {
			t.Helper()
			if !errors.Is(err, privacy.Deny) && !errors.Is(err, fault.ErrUnauthenticated) {
				t.Errorf("%s: got %v", what, err)
			}
		}

		logged := audits()
		_, err := s.Export(operator, person)
		denied("an operator exporting", err)
		_, err = s.Export(context.Background(), person)
		denied("nobody exporting", err)
		_, err = s.AccessReport(operator, person)
		denied("an operator reading the access report", err)
		_, err = s.EraseIdentity(operator, person)
		denied("an operator erasing", err)
		_, err = s.EraseIdentity(readOnly, person)
		denied("a read-only token erasing", err)
		if audits() != logged || identities() != 1 {
			t.Fatalf("refused requests wrote: %d audit events (was %d), %d identities", audits(), logged, identities())
		}

		out, err := s.Export(admin, person)
		if err != nil || !strings.Contains(string(out), "RSSMRA85T10A562S") || !strings.Contains(string(out), "EMP-2025-0001") {
			t.Fatalf("export: %v\n%.500s", err, out)
		}
		if !strings.Contains(string(out), `"purpose": "FOLLOW_UP"`) || !strings.Contains(string(out), "Modulo privacy") {
			t.Errorf("the export leaves out the bases of the uses of the person's data:\n%.2000s", out)
		}
		if !strings.Contains(string(out), `"shared_contact": [`) || !strings.Contains(string(out), "Tirocinio in biblioteca") ||
			!strings.Contains(string(out), `"kind": "CLOSURE"`) {
			t.Errorf("the export leaves out the service requests (what was shared with whom) or the approvals:\n%.6000s", out)
		}
		report, err := s.AccessReport(admin, person)
		if err != nil || len(report) == 0 || report[len(report)-1].Action != "EXPORT_PERSON" {
			t.Fatalf("the access report does not end with the export: %v %v", report, err)
		}
		p, err := s.EraseIdentity(admin, person)
		if err != nil || p.ID != person || identities() != 0 {
			t.Fatalf("erase: %v, %d identities left", err, identities())
		}
		if n := c.CaseFile.Query().CountX(sys); n != 1 {
			t.Errorf("erasing the identity removed the case: %d cases", n)
		}
		if got := c.AuditEvent.Query().Where(auditevent.EntityID(string(person)), auditevent.ActionIn("EXPORT_PERSON", "ACCESS_REPORT", "ERASE_IDENTITY")).CountX(sys); got != 3 {
			t.Errorf("%d audit events of the three requests, want 3", got)
		}
	})
}
