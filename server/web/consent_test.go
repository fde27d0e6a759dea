package web_test

import (
	"strings"
	"testing"

	"github.com/progetto-win/win/domain"
	"github.com/progetto-win/win/domain/gid"
	"github.com/progetto-win/win/ent/auditevent"
	"github.com/progetto-win/win/ent/casefile"
	"github.com/progetto-win/win/ent/outcome"
	"github.com/progetto-win/win/server/demo"
	"github.com/progetto-win/win/server/store"
	"github.com/progetto-win/win/server/store/storetest"
	"github.com/progetto-win/win/server/webtest"
)

const (
	recordConsent = `mutation($in: RecordConsentInput!) { recordConsent(input: $in) { id purpose basis givenOn withdrawnOn
		organization { id } table { id } recordedBy { id } } }`
	withdrawConsent = `mutation($id: ID!, $r: String!) { withdrawConsent(id: $id, reason: $r) { id withdrawnOn withdrawalReason withdrawnBy { id } } }`
	personConsents  = `query($id: ID!) { node(id: $id) { ... on Case { person { consents { id purpose withdrawnOn withdrawalReason } }
		actions { action allowed blockedBy } } } }`
	followUp = `mutation($id: ID!, $v: Int!) { recordFollowUp(id: $id, version: $v, input: {stillHeld: true}) { id followedUpOn } }`
)

// caseConsents is a case's person's bases and the viewer's steps on it.
type caseConsents struct {
	Person struct {
		Consents []struct {
			ID               gid.ID
			Purpose          string
			WithdrawnOn      *string
			WithdrawalReason *string
		}
	}
	Actions []struct {
		Action    string
		Allowed   bool
		BlockedBy *string
	}
}

// followUpState is how the follow-up stands among the viewer's steps.
func (c caseConsents) followUpState() (allowed bool, blockedBy string) {
	for _, a := range c.Actions {
		if a.Action == string(domain.ActionRecordFollowUp) {
			if a.BlockedBy != nil {
				blockedBy = *a.BlockedBy
			}
			return a.Allowed, blockedBy
		}
	}
	return false, "not among the steps"
}

// TestConsentByPurpose: a table records the basis of each use of a
// person's data and withdraws it; the follow-up needs its basis in
// force, and says which is missing.
func TestConsentByPurpose(t *testing.T) {
	storetest.Each(t, func(t *testing.T, db *store.DB) {
		w := newWorld(t, db)
		id, _ := w.CaseIn(casefile.StatusInCharge) // with the person's consent to the follow-up
		out := w.Client.Outcome.Create().SetCaseID(id).SetKind(outcome.KindEmploymentPermanent).SetValueDimension(outcome.ValueDimensionEconomic).
			SetAchievedOn(domain.Today().AddDays(-200)).SetFollowUpDueOn(domain.Today().AddDays(-17)).SaveX(w.Ctx)
		in := func(more map[string]any) map[string]any {
			v := map[string]any{"caseID": id, "purpose": "CONTACT", "basis": "CONSENT"}
			for k, x := range more {
				v[k] = x
			}
			return map[string]any{"in": v}
		}

		// What a basis must name, and who records it.
		webtest.Refused(t, w.Coord.Post(recordConsent, in(map[string]any{"purpose": "SHARING"})), "BAD_USER_INPUT", "organizationID")
		webtest.Refused(t, w.Coord.Post(recordConsent, in(map[string]any{"organizationID": w.Provider})), "BAD_USER_INPUT", "organizationID")
		webtest.Refused(t, w.Coord.Post(recordConsent, in(map[string]any{"basis": "LEGAL_BASIS", "legalReference": " "})), "BAD_USER_INPUT", "legalReference")
		webtest.Refused(t, w.Coord.Post(recordConsent, in(map[string]any{"givenOn": domain.Today().AddDays(1).String()})), "BAD_USER_INPUT", "givenOn")
		webtest.Refused(t, w.Vinci.Post(recordConsent, in(nil)), "NOT_FOUND", "")
		webtest.Refused(t, webtest.As(t, w.Base, demo.SteeringEmail).Post(recordConsent, in(nil)), "FORBIDDEN", "")
		webtest.Refused(t, w.Op.Post(recordConsent, in(map[string]any{"purpose": "FOLLOW_UP"})), "CONFLICT", "")

		var shared struct {
			ID           gid.ID
			Purpose      string
			GivenOn      string
			Organization struct{ ID gid.ID }
			Table        struct{ ID gid.ID }
			RecordedBy   struct{ ID gid.ID }
		}
		w.Op.Must(recordConsent, in(map[string]any{"purpose": "SHARING", "organizationID": w.Provider}), &shared)
		if shared.Organization.ID != w.Provider || shared.Table.ID != w.Empoli || shared.RecordedBy.ID != w.OpID || shared.GivenOn != domain.Today().String() {
			t.Errorf("recorded %+v", shared)
		}
		// Another organisation may have its own basis; the same one not twice.
		webtest.Refused(t, w.Op.Post(recordConsent, in(map[string]any{"purpose": "SHARING", "organizationID": w.Provider})), "CONFLICT", "")

		var c caseConsents
		w.Op.Must(personConsents, map[string]any{"id": id}, &c)
		if len(c.Person.Consents) != 2 {
			t.Fatalf("the person's bases: %+v", c.Person.Consents)
		}
		if allowed, why := c.followUpState(); !allowed {
			t.Fatalf("the follow-up is not allowed with its basis in force: %s", why)
		}
		// Another table's operator sees none of them.
		if r := w.Vinci.Post(`query($id: ID!) { node(id: $id) { id } }`, map[string]any{"id": shared.ID}); r.Code() != "NOT_FOUND" {
			t.Errorf("another table's operator reads a basis: %s", r.Raw)
		}

		// Withdrawn, the follow-up is refused, saying which basis is missing.
		var followID gid.ID
		for _, k := range c.Person.Consents {
			if k.Purpose == "FOLLOW_UP" {
				followID = k.ID
			}
		}
		webtest.Refused(t, w.Op.Post(withdrawConsent, map[string]any{"id": followID, "r": " "}), "BAD_USER_INPUT", "reason")
		webtest.Refused(t, w.Vinci.Post(withdrawConsent, map[string]any{"id": followID, "r": "No"}), "NOT_FOUND", "")
		var withdrawn struct {
			WithdrawnOn      string
			WithdrawalReason string
			WithdrawnBy      struct{ ID gid.ID }
		}
		w.Op.Must(withdrawConsent, map[string]any{"id": followID, "r": "Non vuole essere ricontattata"}, &withdrawn)
		if withdrawn.WithdrawnOn != domain.Today().String() || withdrawn.WithdrawnBy.ID != w.OpID {
			t.Errorf("withdrawn: %+v", withdrawn)
		}
		webtest.Refused(t, w.Op.Post(withdrawConsent, map[string]any{"id": followID, "r": "Di nuovo"}), "CONFLICT", "")
		w.Op.Must(personConsents, map[string]any{"id": id}, &c)
		if allowed, why := c.followUpState(); allowed || why != string(domain.BlockNoFollowUpBasis) {
			t.Errorf("with its basis withdrawn the follow-up is allowed %v, blocked by %q", allowed, why)
		}
		r := w.Op.Post(followUp, map[string]any{"id": out.ID, "v": w.Snapshot(id).Version})
		webtest.Refused(t, r, "CONFLICT", "")
		if !strings.Contains(r.Errors[0].Message, "FOLLOW_UP") {
			t.Errorf("the refusal does not say which basis is missing: %s", r.Raw)
		}
		if w.Client.Outcome.GetX(w.Ctx, out.ID).FollowedUpOn != nil {
			t.Error("the refused follow-up was recorded")
		}

		// The committee reads the bases pseudonymised: not why one was withdrawn.
		var pseudonymised caseConsents
		webtest.As(t, w.Base, demo.SteeringEmail).Must(personConsents, map[string]any{"id": id}, &pseudonymised)
		for _, k := range pseudonymised.Person.Consents {
			if k.WithdrawalReason != nil && *k.WithdrawalReason != "" {
				t.Errorf("the committee reads why a basis was withdrawn: %q", *k.WithdrawalReason)
			}
		}

		// Recorded again, the follow-up goes through.
		w.Coord.Must(recordConsent, in(map[string]any{"purpose": "FOLLOW_UP", "formReference": "Modulo 7"}), nil)
		w.Op.Must(followUp, map[string]any{"id": out.ID, "v": w.Snapshot(id).Version}, nil)

		// With no follow-up left to record, a missing basis blocks nothing
		// the page would show.
		w.Op.Must(personConsents, map[string]any{"id": id}, &c)
		for _, k := range c.Person.Consents {
			if k.Purpose == "FOLLOW_UP" && k.WithdrawnOn == nil {
				w.Op.Must(withdrawConsent, map[string]any{"id": k.ID, "r": "Di nuovo"}, nil)
			}
		}
		w.Op.Must(personConsents, map[string]any{"id": id}, &c)
		if _, why := c.followUpState(); why != "" {
			t.Errorf("with nothing to follow up, the follow-up shows blocked by %q", why)
		}

		for _, action := range []string{"RECORD_CONSENT", "WITHDRAW_CONSENT"} {
			if n := w.Client.AuditEvent.Query().Where(auditevent.Action(action)).CountX(w.Ctx); n == 0 {
				t.Errorf("no %s in the audit log", action)
			}
		}
	})
}
