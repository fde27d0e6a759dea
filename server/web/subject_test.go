package web_test

import (
	"context"
	"encoding/json"
	"strings"
	"testing"
	"time"

	"github.com/progetto-win/win/domain/gid"
	"github.com/progetto-win/win/ent/auditevent"
	"github.com/progetto-win/win/ent/casefile"
	"github.com/progetto-win/win/ent/person"
	"github.com/progetto-win/win/ent/personidentity"
	"github.com/progetto-win/win/ent/schema/rule"
	"github.com/progetto-win/win/ent/territorialtable"
	"github.com/progetto-win/win/server/demo"
	"github.com/progetto-win/win/server/store"
	"github.com/progetto-win/win/server/store/storetest"
	"github.com/progetto-win/win/server/subject"
	"github.com/progetto-win/win/server/webtest"
)

// TestDataSubjectRights exports, reports on and erases one person's data
// through the API, and applies the retention rule.
func TestDataSubjectRights(t *testing.T) {
	storetest.Each(t, func(t *testing.T, db *store.DB) {
		ctx := rule.SystemContext(context.Background())
		base := webtest.DemoAPI(t, db, 9, 80)
		c := base.Client
		open := c.CaseFile.Query().Where(casefile.HasTableWith(territorialtable.Code("EMP")),
			casefile.StatusIn(casefile.StatusInCharge, casefile.StatusMonitoring)).WithPerson().FirstX(ctx)
		p := open.Edges.Person
		identity := p.QueryIdentity().OnlyX(ctx)
		vars := map[string]any{"id": p.ID}

		operator := webtest.As(t, base, demo.OperatorEmail)
		var seen struct {
			Node struct{ Identity *struct{ LastName string } }
		}
		operator.OK(`query($id: ID!) { node(id: $id) { ... on Person { identity { lastName } } } }`, vars, &seen)
		if r := operator.Post(`query($id: ID!) { personDataExport(personID: $id) }`, vars); r.Code() != "FORBIDDEN" {
			t.Errorf("an operator exports: %s", r.Raw)
		}

		admin := webtest.As(t, base, demo.AdminEmail)
		var export struct{ PersonDataExport string }
		admin.OK(`query($id: ID!) { personDataExport(personID: $id) }`, vars, &export)
		var doc struct {
			Person struct {
				Edges struct {
					Identity struct {
						LastName string `json:"last_name"`
					}
					Cases []struct{ Code string }
				}
			}
		}
		if err := json.Unmarshal([]byte(export.PersonDataExport), &doc); err != nil {
			t.Fatal(err)
		}
		if doc.Person.Edges.Identity.LastName != identity.LastName || len(doc.Person.Edges.Cases) == 0 ||
			!strings.Contains(export.PersonDataExport, open.Code) {
			t.Errorf("export lacks identity or cases: %.300s", export.PersonDataExport)
		}

		var report struct {
			IdentityAccessReport []struct {
				Action string
				Actor  struct{ Email string }
			}
		}
		admin.OK(`query($id: ID!) { identityAccessReport(personID: $id) { action actor { email } } }`, vars, &report)
		var reads []string
		for _, e := range report.IdentityAccessReport {
			if e.Action == "READ_IDENTITY" {
				reads = append(reads, e.Actor.Email)
			}
		}
		if len(reads) != 1 || reads[0] != demo.OperatorEmail {
			t.Errorf("who accessed the identity: %+v", report)
		}

		// The answer's edges resolve after the erasure's commit, with the
		// administrator's rights: no case content, and no error.
		var erased struct {
			ErasePersonIdentity struct {
				Pseudonym string
				Identity  *struct{ ID gid.ID }
				Cases     struct{ TotalCount int }
			}
		}
		admin.OK(`mutation($id: ID!) { erasePersonIdentity(personID: $id) { pseudonym identity { id } cases(first: 5) { totalCount } } }`, vars, &erased)
		if e := erased.ErasePersonIdentity; e.Pseudonym != p.Pseudonym || e.Identity != nil || e.Cases.TotalCount != 0 {
			t.Errorf("erasure returned %+v", erased)
		}
		if c.PersonIdentity.Query().Where(personidentity.HasPersonWith(person.ID(p.ID))).ExistX(ctx) {
			t.Error("the identity survived erasure")
		}
		if !c.CaseFile.Query().Where(casefile.ID(open.ID)).ExistX(ctx) || !c.Person.Query().Where(person.ID(p.ID)).ExistX(ctx) {
			t.Error("erasure removed the pseudonymous record or its case")
		}
		for _, action := range []string{"EXPORT_PERSON", "ERASE_IDENTITY", "ACCESS_REPORT"} {
			if n := c.AuditEvent.Query().Where(auditevent.Action(action), auditevent.EntityID(string(p.ID))).CountX(ctx); n != 1 {
				t.Errorf("%s audited %d times", action, n)
			}
		}

		// Twelve years on, every person whose cases all ended loses their
		// identity; those with an open case keep it.
		ended := []casefile.Status{casefile.StatusClosed, casefile.StatusDeclined}
		kept := c.PersonIdentity.Query().Where(personidentity.HasPersonWith(person.HasCasesWith(casefile.StatusNotIn(ended...)))).CountX(ctx)
		total := c.PersonIdentity.Query().CountX(ctx)
		later := &subject.Service{Client: c, Now: func() time.Time { return time.Now().AddDate(12, 0, 0) }}
		n, err := later.ApplyRetention(context.Background(), db, 10)
		if err != nil {
			t.Fatal(err)
		}
		if n != total-kept || n == 0 || c.PersonIdentity.Query().CountX(ctx) != kept {
			t.Errorf("retention erased %d of %d identities, keeping %d", n, total, kept)
		}
		if got := c.AuditEvent.Query().Where(auditevent.Action("RETENTION_ERASE")).CountX(ctx); got != n {
			t.Errorf("retention audited %d erasures of %d", got, n)
		}
		if n, _ := subject.New(c).ApplyRetention(context.Background(), db, 10); n != 0 {
			t.Errorf("retention erased %d recent identities", n)
		}
	})
}
