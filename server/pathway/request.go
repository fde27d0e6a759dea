package pathway

import (
	"context"
	"fmt"
	"slices"
	"strings"

	"github.com/progetto-win/win/domain"
	"github.com/progetto-win/win/domain/fault"
	"github.com/progetto-win/win/domain/gid"
	"github.com/progetto-win/win/ent"
	"github.com/progetto-win/win/ent/audit"
	"github.com/progetto-win/win/ent/caseevent"
	"github.com/progetto-win/win/ent/casefile"
	"github.com/progetto-win/win/ent/consent"
	"github.com/progetto-win/win/ent/intervention"
	"github.com/progetto-win/win/ent/organization"
	"github.com/progetto-win/win/ent/person"
	"github.com/progetto-win/win/ent/personidentity"
	"github.com/progetto-win/win/ent/schema/rule"
	"github.com/progetto-win/win/ent/servicerequest"
	"github.com/progetto-win/win/server/action"
	"github.com/progetto-win/win/server/auth"
	"github.com/progetto-win/win/server/outbox"
)

// Service requests (docs/domain.md#service-requests): a member of the
// case's table asks a partner organisation for a service, sharing the
// person's contact data only under a SHARING basis for that organisation;
// the organisation's operators — who read the request and nothing else of
// the case — accept it (it becomes an intervention of the case), decline
// it, and record how it ended. Each step writes the case's timeline.

// RequestService sends a request for a service for the case.
func RequestService(ctx context.Context, id gid.ID, version int, in RequestServiceInput) (*ent.ServiceRequest, error) {
	s, err := begin(ctx, domain.ActionRequestService, id, &version)
	if err != nil {
		return nil, err
	}
	org, err := s.Client.Organization.Query().Where(organization.ID(in.OrganizationID)).Only(s.Sys)
	if ent.IsNotFound(err) {
		return nil, fault.Invalidf("input.organizationID", "no such organisation")
	}
	if err != nil {
		return nil, err
	}
	if err := required("input.need", in.Need); err != nil {
		return nil, err
	}
	today := domain.Today()
	if in.NeededBy != nil && in.NeededBy.Before(today) {
		return nil, fault.Invalidf("input.neededBy", "must not be in the past")
	}
	shared := slices.Compact(slices.Sorted(slices.Values(in.ShareContact)))
	if err := s.mayShare(org, shared, today); err != nil {
		return nil, err
	}
	if err := s.save(nil); err != nil {
		return nil, err
	}
	r, err := s.Client.ServiceRequest.Create().SetCaseID(s.c.ID).SetOrganizationID(org.ID).SetTableID(s.table.ID).
		SetRequestedByID(s.Viewer.UserID).SetKind(in.Kind).SetNeed(strings.TrimSpace(in.Need)).SetNillableNeededBy(in.NeededBy).
		SetSharedContact(shared).SetSentOn(today).SetAnswerDueOn(today.AddDays(domain.ServiceRequestAnswerDays)).Save(s.Sys)
	if err != nil {
		return nil, err
	}
	if len(shared) > 0 { // what was shared with whom stays in the audit, whatever happens to the basis
		if err := s.Audit(domain.AuditAction(domain.ActionRequestService), "ServiceRequest", r.ID); err != nil {
			return nil, err
		}
	}
	return r, s.record(caseevent.KindServiceRequested, "", requestFacts(r, org.ID))
}

// mayShare refuses contact data the person's identity does not hold, or
// shared without a SHARING basis for the organisation in force today.
func (s *step) mayShare(org *ent.Organization, shared []domain.ContactDatum, today domain.Date) error {
	if len(shared) == 0 {
		return nil
	}
	whose := person.HasCasesWith(casefile.ID(s.c.ID))
	ok, err := s.Client.Consent.Query().Where(InForce(whose, consent.PurposeSHARING, org.ID, today)).Exist(s.Sys)
	if err != nil {
		return err
	}
	if !ok {
		return &fault.Conflict{
			Message: fmt.Sprintf("no basis is in force for sharing the person's contact data with %s: record their consent, or the legal basis, "+
				"for SHARING with that organisation first (recordConsent), or send the request without contact data", org.Name),
			Details: map[string]any{"missingBasis": consent.PurposeSHARING, "organizationId": org.ID},
		}
	}
	identity, err := s.Client.PersonIdentity.Query().Where(personidentity.HasPersonWith(whose)).Only(s.Sys)
	if ent.IsNotFound(err) {
		return fault.Invalidf("input.shareContact", "the person's identity was erased: there is no contact data to share")
	}
	if err != nil {
		return err
	}
	for _, d := range shared {
		if contactValue(identity, d) == nil {
			return fault.Invalidf("input.shareContact", "the person's identity has no %s to share", strings.ToLower(string(d)))
		}
	}
	return nil
}

// requestFacts are what a timeline event of a request names: the
// service and the organisation.
func requestFacts(r *ent.ServiceRequest, org gid.ID) fact {
	return func(e *ent.CaseEventCreate) {
		e.SetInterventionKind(caseevent.InterventionKind(r.Kind)).SetOrganizationID(org)
	}
}

// CancelServiceRequest cancels a request not answered yet.
func CancelServiceRequest(ctx context.Context, id gid.ID, version int, reason string) (*ent.ServiceRequest, error) {
	s, err := beginOn(ctx, domain.ActionCancelServiceRequest, func(c *ent.Client) (gid.ID, error) {
		return c.ServiceRequest.Query().Where(servicerequest.ID(id)).QueryCase().OnlyID(ctx)
	}, version)
	if err != nil {
		return nil, err
	}
	if err := required("reason", reason); err != nil {
		return nil, err
	}
	r, err := s.Client.ServiceRequest.Query().Where(servicerequest.ID(id)).WithOrganization().Only(s.Sys)
	if err != nil {
		return nil, err
	}
	if r.Status != servicerequest.StatusSENT {
		return nil, fault.Invalidf("id", "the request is %s: only a request waiting for an answer can be cancelled", r.Status)
	}
	if err := s.save(nil); err != nil {
		return nil, err
	}
	return s.cancelRequest(r, reason)
}

// cancelRequest cancels a request of the step's case still waiting for
// an answer (found with its organisation), with its timeline event: the
// table's cancellation, or the case's closure (cancelUnanswered).
func (s *step) cancelRequest(r *ent.ServiceRequest, note string) (*ent.ServiceRequest, error) {
	org := r.Edges.Organization.ID
	r, err := r.Update().SetStatus(servicerequest.StatusCANCELLED).Save(s.Sys)
	if err != nil {
		return nil, err
	}
	return r, recordOn(s.Action, domain.AuditAction(domain.ActionCancelServiceRequest), s.c.ID, s.table.ID,
		caseevent.KindServiceRequestCancelled, note, requestFacts(r, org))
}

// answer is a step of the organisation a request is addressed to: the
// request as its operator sees it, locked, in the status the step needs.
type answer struct {
	*action.Action
	r *ent.ServiceRequest
	c *ent.CaseFile // read by the system: the operator does not see it
}

// beginAnswer starts an answer to a request: NOT_FOUND for a request the
// viewer does not see, FORBIDDEN for anyone but the operators and
// coordinators of the organisation asked (the case's table reads the
// request, and does not answer for the organisation), BAD_USER_INPUT
// for a request not in the status the answer needs.
func beginAnswer(ctx context.Context, id gid.ID, from servicerequest.Status, what string) (*answer, error) {
	a, err := action.Start(ctx)
	if err != nil {
		return nil, err
	}
	if _, err := a.Client.ServiceRequest.Query().Where(servicerequest.ID(id)).OnlyID(a.Ctx); err != nil {
		return nil, err
	}
	if err := a.Writable(); err != nil {
		return nil, err
	}
	r, err := a.Client.ServiceRequest.Query().Where(servicerequest.ID(id)).Modify(rule.ForUpdate).
		WithCase(func(q *ent.CaseFileQuery) { q.WithTable() }).WithOrganization().WithRequestedBy().Only(a.Sys)
	if err != nil {
		return nil, err
	}
	if !rule.AnswersFor(a.Viewer, r.Edges.Organization.ID) {
		return nil, &fault.Forbidden{Message: "only the operators of the organisation asked " + what}
	}
	if r.Status != from {
		return nil, fault.Invalidf("id", "the request is %s: only a %s request can be answered so", r.Status, from)
	}
	return &answer{Action: a, r: r, c: r.Edges.Case}, nil
}

// record writes the answer's event on the case's timeline, and its
// audit; the case moves to its next version, as with any change of it,
// so that a member's page open on the case learns of it.
func (an *answer) record(name domain.AuditAction, kind caseevent.Kind, note string, facts ...fact) error {
	if err := an.Audit(name, "ServiceRequest", an.r.ID); err != nil {
		return err
	}
	if err := an.Client.CaseFile.UpdateOneID(an.c.ID).AddVersion(1).Exec(an.Sys); err != nil {
		return err
	}
	table := an.c.Edges.Table.ID
	if _, err := writeEvent(an.Action, name, an.c.ID, table, kind, note, append(facts, requestFacts(an.r, an.r.Edges.Organization.ID))...); err != nil {
		return err
	}
	if sender := an.r.Edges.RequestedBy; sender != nil { // the member who sent it hears of the answer
		return outbox.Write(an.Ctx, an.Client, outbox.Event{Kind: domain.EventServiceAnswered, Actor: an.Viewer.UserID, Case: an.c.ID,
			Table: table, User: sender.ID})
	}
	return nil
}

// AcceptServiceRequest accepts a request: it becomes a planned
// intervention of the case with the organisation as provider.
func AcceptServiceRequest(ctx context.Context, id gid.ID, plannedStart domain.Date, note *string) (*ent.ServiceRequest, error) {
	an, err := beginAnswer(ctx, id, servicerequest.StatusSENT, "accept its requests")
	if err != nil {
		return nil, err
	}
	today := domain.Today()
	if plannedStart.Before(an.r.SentOn) {
		return nil, fault.Invalidf("plannedStart", "must not be before the request was sent, %s", an.r.SentOn.Italian())
	}
	if !slices.Contains(workingStatuses, an.c.Status) {
		return nil, fault.Invalidf("id", "the case is no longer in charge: the request can only be declined")
	}
	i, err := an.Client.Intervention.Create().SetCaseID(an.c.ID).SetKind(intervention.Kind(an.r.Kind)).SetProviderID(an.r.Edges.Organization.ID).
		SetStartsOn(plannedStart).SetStatus(intervention.StatusPlanned).SetDescription(an.r.Need).Save(an.Sys)
	if err != nil {
		return nil, err
	}
	r, err := an.Client.ServiceRequest.UpdateOneID(an.r.ID).SetStatus(servicerequest.StatusACCEPTED).SetAnsweredOn(today).SetAnsweredByID(an.Viewer.UserID).
		SetPlannedStart(plannedStart).SetAnswerNote(strings.TrimSpace(domain.Deref(note))).SetIntervention(i).Save(an.Sys)
	if err != nil {
		return nil, err
	}
	return r, an.record("ACCEPT_SERVICE_REQUEST", caseevent.KindServiceRequestAccepted, domain.Deref(note), func(e *ent.CaseEventCreate) {
		e.SetDay(plannedStart)
	})
}

// DeclineServiceRequest declines a request, with a reason from the list;
// OTHER needs a note.
func DeclineServiceRequest(ctx context.Context, id gid.ID, reason servicerequest.DeclineReason, note *string) (*ent.ServiceRequest, error) {
	an, err := beginAnswer(ctx, id, servicerequest.StatusSENT, "decline its requests")
	if err != nil {
		return nil, err
	}
	if reason == servicerequest.DeclineReasonOTHER {
		if err := required("note", domain.Deref(note)); err != nil {
			return nil, err
		}
	}
	r, err := an.Client.ServiceRequest.UpdateOneID(an.r.ID).SetStatus(servicerequest.StatusDECLINED).SetAnsweredOn(domain.Today()).SetAnsweredByID(an.Viewer.UserID).
		SetDeclineReason(reason).SetAnswerNote(strings.TrimSpace(domain.Deref(note))).Save(an.Sys)
	if err != nil {
		return nil, err
	}
	return r, an.record("DECLINE_SERVICE_REQUEST", caseevent.KindServiceRequestDeclined, domain.Deref(note), func(e *ent.CaseEventCreate) {
		e.SetDeclineReason(caseevent.DeclineReason(reason))
	})
}

// CompleteServiceRequest records how an accepted service ended; its
// intervention ends with it, COMPLETED or INTERRUPTED.
func CompleteServiceRequest(ctx context.Context, id gid.ID, in CompleteServiceRequestInput) (*ent.ServiceRequest, error) {
	an, err := beginAnswer(ctx, id, servicerequest.StatusACCEPTED, "record how its services ended")
	if err != nil {
		return nil, err
	}
	on := dateOr(in.CompletedOn)
	if err := notFuture("input.completedOn", on); err != nil {
		return nil, err
	}
	if on.Before(an.r.SentOn) {
		return nil, fault.Invalidf("input.completedOn", "must not be before the request was sent, %s", an.r.SentOn.Italian())
	}
	if in.Reason == servicerequest.CompletionReasonOTHER {
		if err := required("input.note", domain.Deref(in.Note)); err != nil {
			return nil, err
		}
	}
	if i, err := an.Client.ServiceRequest.Query().Where(servicerequest.ID(an.r.ID)).QueryIntervention().Only(an.Sys); err == nil {
		status := intervention.StatusCompleted
		if !in.Successful {
			status = intervention.StatusInterrupted
		}
		// An intervention the table ended already keeps its own end.
		if slices.Contains(domain.PendingInterventionStatuses, string(i.Status)) {
			end := on
			if end.Before(i.StartsOn) { // ended before it was to start: it ends the day it was to
				end = i.StartsOn
			}
			if err := an.Client.Intervention.UpdateOneID(i.ID).SetStatus(status).SetEndsOn(end).Exec(an.Sys); err != nil {
				return nil, err
			}
		}
	} else if !ent.IsNotFound(err) {
		return nil, err
	}
	r, err := an.Client.ServiceRequest.UpdateOneID(an.r.ID).SetStatus(servicerequest.StatusCOMPLETED).SetCompletedOn(on).SetSuccessful(in.Successful).
		SetCompletionReason(in.Reason).SetCompletionNote(strings.TrimSpace(domain.Deref(in.Note))).Save(an.Sys)
	if err != nil {
		return nil, err
	}
	return r, an.record("COMPLETE_SERVICE_REQUEST", caseevent.KindServiceRequestCompleted, domain.Deref(in.Note), func(e *ent.CaseEventCreate) {
		e.SetSuccessful(in.Successful).SetCompletionReason(caseevent.CompletionReason(in.Reason))
	})
}

// Contact is the contact data a request shares, as the identity holds
// them now, for the organisation's operators and the members of the
// table that sent it: nil when it shares none, when it is no longer open
// (SENT or ACCEPTED), or when no SHARING basis for the organisation is
// in force any more. Each read is audited on the identity, so that the
// person's access report shows the organisation's reads.
func Contact(ctx context.Context, client *ent.Client, r *ent.ServiceRequest) (*SharedContact, error) {
	v, err := auth.Viewer(ctx)
	if err != nil || len(r.SharedContact) == 0 || r.Status != servicerequest.StatusSENT && r.Status != servicerequest.StatusACCEPTED {
		return nil, err
	}
	sys := rule.SystemContext(ctx)
	found, err := client.ServiceRequest.Query().Where(servicerequest.ID(r.ID)).WithOrganization().WithTable().Only(sys)
	if err != nil {
		return nil, err
	}
	if !rule.AnswersFor(v, found.Edges.Organization.ID) && !slices.Contains(rule.WorksAt(v), found.Edges.Table.ID) {
		return nil, nil
	}
	whose := person.HasCasesWith(casefile.HasServiceRequestsWith(servicerequest.ID(r.ID)))
	ok, err := client.Consent.Query().Where(InForce(whose, consent.PurposeSHARING, found.Edges.Organization.ID, domain.Today())).Exist(sys)
	if err != nil || !ok {
		return nil, err
	}
	identity, err := client.PersonIdentity.Query().Where(personidentity.HasPersonWith(whose)).Only(sys)
	if ent.IsNotFound(err) {
		return nil, nil // erased
	}
	if err != nil {
		return nil, err
	}
	out := &SharedContact{}
	for _, d := range r.SharedContact {
		value := contactValue(identity, d)
		switch d {
		case domain.ContactName:
			out.Name = value
		case domain.ContactPhone:
			out.Phone = value
		case domain.ContactEmail:
			out.Email = value
		case domain.ContactAddress:
			out.Address = value
		}
	}
	return out, audit.Record(sys, client, v, "READ_SHARED_CONTACT", "PersonIdentity", []gid.ID{identity.ID})
}

// contactValue is a contact datum of an identity, nil when it holds none.
func contactValue(i *ent.PersonIdentity, d domain.ContactDatum) *string {
	var value string
	switch d {
	case domain.ContactName:
		value = i.FirstName + " " + i.LastName
	case domain.ContactPhone:
		value = i.Phone
	case domain.ContactEmail:
		value = i.Email
	case domain.ContactAddress:
		value = strings.TrimSpace(strings.Join(slices.DeleteFunc([]string{i.Address, strings.TrimSpace(i.PostalCode + " " + i.City)},
			func(s string) bool { return s == "" }), ", "))
	}
	if strings.TrimSpace(value) == "" {
		return nil
	}
	return &value
}
