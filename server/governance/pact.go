package governance

import (
	"context"
	"strings"

	"github.com/progetto-win/win/domain"
	"github.com/progetto-win/win/domain/fault"
	"github.com/progetto-win/win/domain/gid"
	"github.com/progetto-win/win/ent"
	"github.com/progetto-win/win/ent/committeemember"
	"github.com/progetto-win/win/ent/organization"
	"github.com/progetto-win/win/ent/pact"
	"github.com/progetto-win/win/ent/pactsignatory"
	"github.com/progetto-win/win/ent/schema/rule"
	"github.com/progetto-win/win/ent/user"
)

// AddPactSignatory records a body signing the pact. A body takes part
// once at a time: it may sign again only after it left.
func AddPactSignatory(ctx context.Context, pactID gid.ID, in PactSignatoryInput) (*ent.PactSignatory, error) {
	a, err := begin(ctx, committee...)
	if err != nil {
		return nil, err
	}
	p, err := a.Client.Pact.Query().Where(pact.ID(pactID)).Modify(rule.ForUpdate).Only(a.Sys)
	if err != nil {
		return nil, err
	}
	signer := strings.TrimSpace(in.SignerName)
	switch {
	case signer == "":
		return nil, fault.Invalidf("signerName", "name the person who signed for the body")
	case in.JoinedOn.After(domain.Today()):
		return nil, fault.Invalidf("joinedOn", "must not be in the future")
	case in.JoinedOn.Before(p.SignedOn):
		return nil, fault.Invalidf("joinedOn", "must not be before the pact was signed, on %s", p.SignedOn.Italian())
	}
	if ok, err := a.Client.Organization.Query().Where(organization.ID(in.OrganizationID)).Exist(a.Ctx); err != nil {
		return nil, err
	} else if !ok {
		return nil, fault.Invalidf("organizationID", "no organisation has that ID")
	}
	taking, err := a.Client.PactSignatory.Query().Where(pactsignatory.HasPactWith(pact.ID(p.ID)),
		pactsignatory.HasOrganizationWith(organization.ID(in.OrganizationID)), pactsignatory.LeftOnIsNil()).Exist(a.Sys)
	if err != nil {
		return nil, err
	}
	if taking {
		return nil, &fault.Conflict{Message: "the body already takes part in the pact"}
	}
	s, err := a.Client.PactSignatory.Create().SetPactID(p.ID).SetOrganizationID(in.OrganizationID).SetRole(in.Role).
		SetJoinedOn(in.JoinedOn).SetSignerName(signer).SetSignerRole(strings.TrimSpace(domain.Deref(in.SignerRole))).Save(a.Sys)
	if err != nil {
		return nil, err
	}
	return s, a.Audit("ADD_PACT_SIGNATORY", "Pact", p.ID)
}

// EndPactSignatory records that a body left the pact; its signature
// stays, with the day it left and why.
func EndPactSignatory(ctx context.Context, id gid.ID, leftOn domain.Date, reason string) (*ent.PactSignatory, error) {
	a, err := begin(ctx, committee...)
	if err != nil {
		return nil, err
	}
	s, err := a.Client.PactSignatory.Query().Where(pactsignatory.ID(id)).WithPact().Modify(rule.ForUpdate).Only(a.Sys)
	if err != nil {
		return nil, err
	}
	reason = strings.TrimSpace(reason)
	switch {
	case s.LeftOn != nil:
		return nil, &fault.Conflict{Message: "the body already left the pact, on " + s.LeftOn.Italian()}
	case reason == "":
		return nil, fault.Invalidf("reason", "say why the body leaves")
	case leftOn.After(domain.Today()):
		return nil, fault.Invalidf("leftOn", "must not be in the future")
	case leftOn.Before(s.JoinedOn):
		return nil, fault.Invalidf("leftOn", "must not be before the body joined, on %s", s.JoinedOn.Italian())
	}
	pactID := s.Edges.Pact.ID
	if s, err = s.Update().SetLeftOn(leftOn).SetLeavingReason(reason).Save(a.Sys); err != nil {
		return nil, err
	}
	return s, a.Audit("END_PACT_SIGNATORY", "Pact", pactID)
}

// AmendPact records a dated amendment of the pact; when it rewrites the
// text, the text before is kept with the amendment.
func AmendPact(ctx context.Context, id gid.ID, in PactAmendmentInput) (*ent.Pact, error) {
	a, err := begin(ctx, committee...)
	if err != nil {
		return nil, err
	}
	p, err := a.Client.Pact.Query().Where(pact.ID(id)).Modify(rule.ForUpdate).Only(a.Sys)
	if err != nil {
		return nil, err
	}
	summary := strings.TrimSpace(in.Summary)
	switch {
	case summary == "":
		return nil, fault.Invalidf("summary", "say what changed and by whose decision")
	case in.AmendedOn.After(domain.Today()):
		return nil, fault.Invalidf("amendedOn", "must not be in the future")
	case in.AmendedOn.Before(p.SignedOn):
		return nil, fault.Invalidf("amendedOn", "must not be before the pact was signed, on %s", p.SignedOn.Italian())
	}
	amendment := a.Client.PactAmendment.Create().SetPactID(p.ID).SetAmendedOn(in.AmendedOn).SetSummary(summary).
		SetRecordedByID(a.Viewer.UserID)
	if in.Text != nil {
		text := strings.TrimSpace(*in.Text)
		if text == "" {
			return nil, fault.Invalidf("text", "give the whole new text, or leave it out to keep the text")
		}
		if text == p.Text {
			return nil, fault.Invalidf("text", "is the text in force already")
		}
		amendment.SetPreviousText(p.Text)
		if p, err = p.Update().SetText(text).Save(a.Sys); err != nil {
			return nil, err
		}
	}
	if err := amendment.Exec(a.Sys); err != nil {
		return nil, err
	}
	return p, a.Audit("AMEND_PACT", "Pact", p.ID)
}

// AddCommitteeMember gives a body a seat in the steering committee; a
// body holds one seat at a time, and its representative must be one of
// its users.
func AddCommitteeMember(ctx context.Context, in CommitteeMemberInput) (*ent.CommitteeMember, error) {
	a, err := begin(ctx, committee...)
	if err != nil {
		return nil, err
	}
	from := domain.DateOr(in.FromOn, domain.Today())
	if from.After(domain.Today()) {
		return nil, fault.Invalidf("fromOn", "must not be in the future")
	}
	org, err := a.Client.Organization.Query().Where(organization.ID(in.OrganizationID)).Modify(rule.ForUpdate).Only(a.Sys)
	if ent.IsNotFound(err) {
		return nil, fault.Invalidf("organizationID", "no organisation has that ID")
	} else if err != nil {
		return nil, err
	}
	if in.RepresentativeID != nil {
		ok, err := org.QueryUsers().Where(user.ID(*in.RepresentativeID)).Exist(a.Sys)
		if err != nil {
			return nil, err
		}
		if !ok {
			return nil, fault.Invalidf("representativeID", "the representative must be a user of the body")
		}
	}
	seated, err := a.Client.CommitteeMember.Query().Where(committeemember.HasOrganizationWith(organization.ID(org.ID)),
		committeemember.UntilOnIsNil()).Exist(a.Sys)
	if err != nil {
		return nil, err
	}
	if seated {
		return nil, &fault.Conflict{Message: "the body already holds a seat in the committee"}
	}
	m, err := a.Client.CommitteeMember.Create().SetOrganizationID(org.ID).SetNillableRepresentativeID(in.RepresentativeID).
		SetRole(in.Role).SetFromOn(from).Save(a.Sys)
	if err != nil {
		return nil, err
	}
	return m, a.Audit("ADD_COMMITTEE_MEMBER", "CommitteeMember", m.ID)
}

// EndCommitteeMember ends a seat; it stays in the committee's history.
func EndCommitteeMember(ctx context.Context, id gid.ID, untilOn domain.Date) (*ent.CommitteeMember, error) {
	a, err := begin(ctx, committee...)
	if err != nil {
		return nil, err
	}
	m, err := a.Client.CommitteeMember.Query().Where(committeemember.ID(id)).Modify(rule.ForUpdate).Only(a.Sys)
	if err != nil {
		return nil, err
	}
	if m.UntilOn != nil {
		return nil, &fault.Conflict{Message: "the seat already ended, on " + m.UntilOn.Italian()}
	}
	if m, err = m.Update().SetUntilOn(untilOn).Save(a.Sys); err != nil {
		return nil, err
	}
	return m, a.Audit("END_COMMITTEE_MEMBER", "CommitteeMember", m.ID)
}
