package pathway

import (
	"context"
	"slices"
	"strings"

	"github.com/progetto-win/win/domain"
	"github.com/progetto-win/win/domain/fault"
	"github.com/progetto-win/win/domain/gid"
	"github.com/progetto-win/win/ent"
	"github.com/progetto-win/win/ent/casefile"
	"github.com/progetto-win/win/ent/consent"
	"github.com/progetto-win/win/ent/organization"
	"github.com/progetto-win/win/ent/outcome"
	"github.com/progetto-win/win/ent/person"
	"github.com/progetto-win/win/ent/predicate"
	"github.com/progetto-win/win/ent/schema/rule"
	"github.com/progetto-win/win/server/action"
)

// The basis of each use of a person's data, by purpose
// (docs/domain.md#consent-and-legal-basis): a table records it, and
// withdraws it; the steps that use the data for a purpose need one in
// force (InForce), and say which is missing when there is none.

// InForce selects the bases of the person matched (by ID, or as the
// person of a case) for a purpose in force on a day: given on or before
// it, not withdrawn by then; for SHARING, those naming the organisation.
func InForce(whose predicate.Person, purpose consent.Purpose, org gid.ID, day domain.Date) predicate.Consent {
	p := []predicate.Consent{
		consent.HasPersonWith(whose), consent.PurposeEQ(purpose), consent.GivenOnLTE(day),
		consent.Or(consent.WithdrawnOnIsNil(), consent.WithdrawnOnGT(day)),
	}
	if org != "" {
		p = append(p, consent.HasOrganizationWith(organization.ID(org)))
	}
	return consent.And(p...)
}

// RecordConsent records a basis for a use of the data of a case's
// person, by a member of the case's table.
func RecordConsent(ctx context.Context, in RecordConsentInput) (*ent.Consent, error) {
	a, err := action.Start(ctx)
	if err != nil {
		return nil, err
	}
	if err := a.Writable(); err != nil {
		return nil, err
	}
	c, err := a.Client.CaseFile.Query().Where(casefile.ID(in.CaseID)).WithTable().WithPerson().Only(a.Ctx)
	if err != nil {
		return nil, err // NOT_FOUND for a case the viewer does not see
	}
	if !slices.Contains(rule.WorksAt(a.Viewer), c.Edges.Table.ID) {
		return nil, &fault.Forbidden{Message: "only members of the case's table record the bases of its person's data"}
	}
	on := dateOr(in.GivenOn)
	if err := notFuture("givenOn", on); err != nil {
		return nil, err
	}
	org := gid.ID("")
	if in.OrganizationID != nil {
		org = *in.OrganizationID
	}
	twice, err := a.Client.Consent.Query().Where(InForce(person.ID(c.Edges.Person.ID), in.Purpose, org, domain.Today())).Exist(a.Sys)
	if err != nil {
		return nil, err
	}
	if twice {
		return nil, &fault.Conflict{Message: "a basis for this purpose is already in force for the person: withdraw it first to record another"}
	}
	k, err := a.Client.Consent.Create().SetPersonID(c.Edges.Person.ID).SetTableID(c.Edges.Table.ID).SetRecordedByID(a.Viewer.UserID).
		SetPurpose(in.Purpose).SetBasis(in.Basis).SetNillableOrganizationID(in.OrganizationID).
		SetLegalReference(strings.TrimSpace(domain.Deref(in.LegalReference))).SetFormReference(strings.TrimSpace(domain.Deref(in.FormReference))).
		SetGivenOn(on).Save(a.Sys)
	if err != nil {
		return nil, err
	}
	return k, a.Audit("RECORD_CONSENT", "Consent", k.ID)
}

// WithdrawConsent withdraws a basis from a day, by a member of a table
// with a case of the person.
func WithdrawConsent(ctx context.Context, id gid.ID, reason string, withdrawnOn *domain.Date) (*ent.Consent, error) {
	a, err := action.Start(ctx)
	if err != nil {
		return nil, err
	}
	if err := a.Writable(); err != nil {
		return nil, err
	}
	k, err := a.Client.Consent.Query().Where(consent.ID(id)).WithPerson().Only(a.Ctx)
	if err != nil {
		return nil, err // NOT_FOUND for a basis the viewer does not see
	}
	member := false
	if tables := rule.WorksAt(a.Viewer); len(tables) > 0 {
		if member, err = a.Client.CaseFile.Query().Where(casefile.HasPersonWith(person.ID(k.Edges.Person.ID)), rule.CasesAt(tables...)).Exist(a.Sys); err != nil {
			return nil, err
		}
	}
	if !member {
		return nil, &fault.Forbidden{Message: "only members of a table with a case of the person withdraw the bases of its data"}
	}
	if k.WithdrawnOn != nil {
		return nil, &fault.Conflict{Message: "this basis was already withdrawn on " + k.WithdrawnOn.Italian()}
	}
	if err := required("reason", reason); err != nil {
		return nil, err
	}
	on := dateOr(withdrawnOn)
	if err := notFuture("withdrawnOn", on); err != nil {
		return nil, err
	}
	if on.Before(k.GivenOn) {
		return nil, fault.Invalidf("withdrawnOn", "must not be before the day the basis was given, %s", k.GivenOn.Italian())
	}
	if k, err = k.Update().SetWithdrawnOn(on).SetWithdrawnByID(a.Viewer.UserID).SetWithdrawalReason(strings.TrimSpace(reason)).Save(a.Sys); err != nil {
		return nil, err
	}
	return k, a.Audit("WITHDRAW_CONSENT", "Consent", k.ID)
}

// followUpBasis refuses a follow-up without a basis in force for
// contacting the person for it (FOLLOW_UP), when the case has one to
// record: a case with none shows no blocked follow-up.
func (s *step) followUpBasis() error {
	awaiting, err := s.Client.Outcome.Query().Where(outcome.HasCaseWith(casefile.ID(s.c.ID)),
		outcome.FollowUpDueOnNotNil(), outcome.FollowedUpOnIsNil()).Exist(s.Sys)
	if err != nil || !awaiting {
		return err
	}
	whose := person.HasCasesWith(casefile.ID(s.c.ID))
	ok, err := s.Client.Consent.Query().Where(InForce(whose, consent.PurposeFOLLOW_UP, "", domain.Today())).Exist(s.Sys)
	if err == nil && !ok {
		err = block(domain.BlockNoFollowUpBasis, &fault.Conflict{Message: "no basis is in force for contacting the person for the follow-up: " +
			"record their consent, or the legal basis, for FOLLOW_UP first (recordConsent)"})
	}
	return err
}
