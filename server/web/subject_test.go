package web_test

import (
	"context"
	"encoding/json"
	"slices"
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
	"github.com/progetto-win/win/server/web"
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

// TestPrivacyDesk serves a person's rights as the data-protection
// officer: finds the person by tax code and by case code (each look-up
// in their access report, no identity in the answer), exports, reads the
// report, erases; reads the retention rule's setting and last run; and
// reads no case. Operators are refused every part of the desk.
func TestPrivacyDesk(t *testing.T) {
	storetest.Each(t, func(t *testing.T, db *store.DB) {
		ctx := rule.SystemContext(context.Background())
		base := webtest.DemoAPI(t, db, 9, 40)
		base.Rebuild(db, func(o *web.Options) { o.RetentionYears = 7 })
		c := base.Client
		open := c.CaseFile.Query().Where(casefile.HasTableWith(territorialtable.Code("EMP")),
			casefile.StatusIn(casefile.StatusInCharge, casefile.StatusMonitoring),
			casefile.HasPersonWith(person.HasIdentityWith(personidentity.TaxCodeNotNil()))).WithPerson().FirstX(ctx)
		p := open.Edges.Person
		taxCode := *p.QueryIdentity().OnlyX(ctx).TaxCode

		operator := webtest.As(t, base, demo.OperatorEmail)
		dpo := webtest.As(t, base, demo.DPOEmail)
		find := `query($tax: String, $code: String) { findDataSubjects(taxCode: $tax, caseCode: $code) {
			personID pseudonym identityHeld cases { code status table referredOn closedOn } } }`
		for _, r := range []webtest.Response{
			operator.Post(find, map[string]any{"tax": taxCode}),
			operator.Post(`{ retentionStatus { years } }`, nil),
			operator.Post(`query($id: ID!) { identityAccessReport(personID: $id) { id } }`, map[string]any{"id": p.ID}),
		} {
			webtest.Refused(t, r, "FORBIDDEN", "")
		}
		webtest.Refused(t, dpo.Post(find, nil), "BAD_USER_INPUT", "taxCode")
		webtest.Refused(t, dpo.Post(find, map[string]any{"tax": taxCode, "code": open.Code}), "BAD_USER_INPUT", "caseCode")

		type found struct {
			FindDataSubjects []struct {
				PersonID     gid.ID
				Pseudonym    string
				IdentityHeld bool
				Cases        []struct{ Code, Status, Table string }
			}
		}
		// A tax code as people type it, and a case code.
		spaced := strings.ToLower(taxCode[:6] + " " + taxCode[6:])
		for _, vars := range []map[string]any{{"tax": spaced}, {"code": strings.ToLower(open.Code)}} {
			var out found
			dpo.OK(find, vars, &out)
			if len(out.FindDataSubjects) != 1 {
				t.Fatalf("%v found %+v", vars, out)
			}
			s := out.FindDataSubjects[0]
			if s.PersonID != p.ID || s.Pseudonym != p.Pseudonym || !s.IdentityHeld ||
				!slices.ContainsFunc(s.Cases, func(c struct{ Code, Status, Table string }) bool {
					return c.Code == open.Code && c.Status == string(open.Status) && c.Table != ""
				}) {
				t.Errorf("%v found %+v", vars, s)
			}
		}
		var none found
		dpo.OK(find, map[string]any{"code": "EMP-1999-0001"}, &none)
		if len(none.FindDataSubjects) != 0 {
			t.Errorf("an unknown case code found %+v", none)
		}
		if r := dpo.Post(find, map[string]any{"tax": taxCode}); strings.Contains(r.Raw, p.QueryIdentity().OnlyX(ctx).LastName) {
			t.Errorf("the look-up gives the identity away: %s", r.Raw)
		}

		vars := map[string]any{"id": p.ID}
		var export struct{ PersonDataExport string }
		dpo.OK(`query($id: ID!) { personDataExport(personID: $id) }`, vars, &export)
		if !strings.Contains(export.PersonDataExport, taxCode) {
			t.Errorf("the DPO's export lacks the identity: %.300s", export.PersonDataExport)
		}
		var report struct {
			IdentityAccessReport []struct {
				Action string
				Actor  *struct{ Email string }
			}
		}
		dpo.OK(`query($id: ID!) { identityAccessReport(personID: $id) { action actor { email } } }`, vars, &report)
		actions := map[string]int{}
		for _, e := range report.IdentityAccessReport {
			if e.Actor != nil && e.Actor.Email == demo.DPOEmail {
				actions[e.Action]++
			}
		}
		if actions["MATCH_PERSON"] != 3 || actions["EXPORT_PERSON"] != 1 {
			t.Errorf("the DPO's look-ups and export in the report: %v", actions)
		}

		// The desk and nothing of the cases or the log.
		if n := dpo.Count(`{ cases(first: 1) { totalCount } }`, nil); n != 0 {
			t.Errorf("the DPO reads %d cases", n)
		}
		if r := dpo.Post(`query($id: ID!) { node(id: $id) { id } }`, map[string]any{"id": open.ID}); !strings.Contains(string(r.Data), "null") {
			t.Errorf("the DPO reads a case: %s", r.Raw)
		}
		if r := dpo.Post(`{ auditEvents(first: 1) { totalCount } }`, nil); len(r.Errors) == 0 {
			t.Errorf("the DPO reads the whole audit log: %s", r.Raw)
		}

		type status struct {
			RetentionStatus struct {
				Years         int
				LastRunAt     *time.Time
				LastRunErased *int
				LastErasedAt  *time.Time
			}
		}
		retention := `{ retentionStatus { years lastRunAt lastRunErased lastErasedAt } }`
		var before status
		dpo.OK(retention, nil, &before)
		if s := before.RetentionStatus; s.Years != 7 || s.LastRunAt != nil || s.LastRunErased != nil || s.LastErasedAt != nil {
			t.Errorf("before any run: %+v", s)
		}
		later := &subject.Service{Client: c, Now: func() time.Time { return time.Now().AddDate(12, 0, 0) }}
		n, err := later.ApplyRetention(context.Background(), db, 7)
		if err != nil || n == 0 {
			t.Fatalf("retention erased %d: %v", n, err)
		}
		var after status
		dpo.OK(retention, nil, &after)
		if s := after.RetentionStatus; s.LastRunAt == nil || s.LastRunErased == nil || *s.LastRunErased != n || s.LastErasedAt == nil {
			t.Errorf("after a run erasing %d: %+v", n, s)
		}
		if _, err := subject.New(c).ApplyRetention(context.Background(), db, 7); err != nil {
			t.Fatal(err)
		}
		var again status
		dpo.OK(retention, nil, &again)
		if s := again.RetentionStatus; s.LastRunErased == nil || *s.LastRunErased != 0 || !s.LastRunAt.After(*after.RetentionStatus.LastRunAt) {
			t.Errorf("after a run erasing nothing: %+v", s)
		}

		dpo.OK(`mutation($id: ID!) { erasePersonIdentity(personID: $id) { id } }`, vars, &map[string]any{})
		var gone found
		dpo.OK(find, map[string]any{"code": open.Code}, &gone)
		if len(gone.FindDataSubjects) != 1 || gone.FindDataSubjects[0].IdentityHeld {
			t.Errorf("after the erasure: %+v", gone)
		}
		if n := c.AuditEvent.Query().Where(auditevent.Action("ERASE_IDENTITY"), auditevent.EntityID(string(p.ID))).CountX(ctx); n != 1 {
			t.Errorf("the DPO's erasure audited %d times", n)
		}
	})
}
