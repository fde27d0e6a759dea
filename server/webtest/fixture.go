package webtest

import (
	"context"
	"testing"
	"time"

	"github.com/progetto-win/win/ent/approval"
	"github.com/progetto-win/win/ent/schema/rule"
	"github.com/progetto-win/win/ent/servicerequest"

	"github.com/progetto-win/win/domain"
	"github.com/progetto-win/win/domain/gid"
	"github.com/progetto-win/win/ent"
	"github.com/progetto-win/win/ent/assessment"
	"github.com/progetto-win/win/ent/caseevent"
	"github.com/progetto-win/win/ent/casefile"
	"github.com/progetto-win/win/ent/commitment"
	"github.com/progetto-win/win/ent/committeemember"
	"github.com/progetto-win/win/ent/communityactivity"
	"github.com/progetto-win/win/ent/consent"
	"github.com/progetto-win/win/ent/directiveacknowledgement"
	"github.com/progetto-win/win/ent/intervention"
	"github.com/progetto-win/win/ent/meeting"
	"github.com/progetto-win/win/ent/objective"
	"github.com/progetto-win/win/ent/organization"
	"github.com/progetto-win/win/ent/outcome"
	"github.com/progetto-win/win/ent/pactsignatory"
	"github.com/progetto-win/win/ent/person"
	"github.com/progetto-win/win/ent/protocolparty"
	"github.com/progetto-win/win/ent/tablemembership"
)

// Fixture holds one object of every type, keyed by GraphQL type name.
type Fixture map[string]gid.ID

// Day is a calendar day.
func Day(y int, m time.Month, d int) domain.Date { return domain.NewDate(y, m, d) }

// MidnightUTC is an instant on a day.
func MidnightUTC(y int, m time.Month, d int) time.Time {
	return time.Date(y, m, d, 0, 0, 0, 0, time.UTC)
}

// SeedOneOfEach writes one object of every entity type, linked as in real
// use: a case of a person, with plan, goal, commitment, intervention,
// outcome and timeline, in a table of a municipality.
func SeedOneOfEach(t testing.TB, c *ent.Client) Fixture {
	t.Helper()
	ctx := rule.SystemContext(context.Background())
	f := Fixture{}
	mun := c.Municipality.Create().SetName("Empoli").SetIstatCode("048014").SetPopulation(49000).SaveX(ctx)
	f["Municipality"] = mun.ID
	org := c.Organization.Create().SetName("Comune di Empoli").SetKind(organization.KindMunicipality).SetMunicipality(mun).SaveX(ctx)
	f["Organization"] = org.ID
	pac := c.Pact.Create().SetName("Patto Territoriale di Reciprocità").SetSignedOn(Day(2014, 11, 20)).SetText("Art. 1 – Finalità.").SaveX(ctx)
	f["Pact"] = pac.ID
	f["PactSignatory"] = c.PactSignatory.Create().SetPact(pac).SetOrganization(org).SetRole(pactsignatory.RolePromoter).
		SetJoinedOn(Day(2014, 11, 20)).SetSignerName("Brenda Barnini").SetSignerRole("Sindaco").SaveX(ctx).ID
	usr := c.User.Create().SetEmail("operator@demo.example").SetName("Operatrice Demo").SetRoles([]domain.Role{domain.RoleOperator}).SetOrganization(org).SaveX(ctx)
	f["User"] = usr.ID
	f["PactAmendment"] = sampleAmendment(c, pac.ID, usr.ID).SetPreviousText("Art. 1.").SaveX(ctx).ID
	f["CommitteeMember"] = sampleSeat(c, org.ID, usr.ID).SetRole(committeemember.RoleChair).SaveX(ctx).ID
	tab := c.TerritorialTable.Create().SetName("Tavolo territoriale di Empoli").SetCode("EMP").AddMunicipalities(mun).SetCoordinator(usr).SaveX(ctx)
	f["Table"] = tab.ID
	f["TableMembership"] = c.TableMembership.Create().SetTable(tab).SetUser(usr).SetOrganization(org).
		SetProfession(tablemembership.ProfessionSocialWorker).SetJoinedOn(Day(2024, 1, 10)).SaveX(ctx).ID
	per := c.Person.Create().SetBirthYear(1985).SetGender(person.GenderFemale).SetCitizenshipArea(person.CitizenshipAreaItaly).SetMunicipality(mun).SaveX(ctx)
	f["Person"] = per.ID
	f["Consent"] = c.Consent.Create().SetPerson(per).SetTable(tab).SetRecordedBy(usr).SetPurpose(consent.PurposeFOLLOW_UP).
		SetBasis(consent.BasisCONSENT).SetFormReference("Modulo privacy EMP-2025-0001").SetGivenOn(Day(2025, 4, 1)).SaveX(ctx).ID
	f["PersonIdentity"] = c.PersonIdentity.Create().SetPerson(per).SetFirstName("Maria").SetLastName("Rossi").
		SetTaxCode("RSSMRA85T10A562S").SetBirthDate(Day(1985, 12, 10)).SaveX(ctx).ID
	cas := c.CaseFile.Create().SetCode("EMP-2025-0001").SetPerson(per).SetTable(tab).SetReferringOrganization(org).
		SetReferringOperator(usr).SetReferredOn(Day(2025, 3, 3)).SetReferralReason("Perdita del lavoro").
		SetNeedAreas([]domain.NeedArea{domain.NeedEmployment, domain.NeedIncome}).SetStatus(casefile.StatusInCharge).
		SetCaseManager(usr).SetTakenInChargeOn(Day(2025, 4, 1)).SaveX(ctx)
	f["Case"] = cas.ID
	f["CaseEvent"] = c.CaseEvent.Create().SetCase(cas).SetKind(caseevent.KindReferred).SetOccurredAt(MidnightUTC(2025, 3, 3)).SetActor(usr).SaveX(ctx).ID
	pln := c.Plan.Create().SetCase(cas).SetSummary("Rientro nel lavoro").SetAgreedOn(Day(2025, 4, 1)).SaveX(ctx)
	f["Plan"] = pln.ID
	f["Goal"] = c.Goal.Create().SetPlan(pln).SetArea(domain.NeedEmployment).SetDescription("Trovare un impiego").SaveX(ctx).ID
	f["Assessment"] = c.Assessment.Create().SetCase(cas).SetLevel(assessment.LevelPreliminary).SetSummary("Bisogno di lavoro").
		SetFindings([]domain.AreaFinding{{Area: domain.NeedEmployment, Need: domain.NeedSevere}}).SetAssessedOn(Day(2025, 3, 20)).
		SetAssessor(usr).SaveX(ctx).ID
	mon := c.MonitoringMeeting.Create().SetCase(cas).SetPlannedOn(Day(2025, 9, 1)).SaveX(ctx)
	f["MonitoringMeeting"] = mon.ID
	f["MonitoringItem"] = c.MonitoringItem.Create().SetMeeting(mon).SetGoalID(f["Goal"]).SaveX(ctx).ID
	f["Commitment"] = c.Commitment.Create().SetPlan(pln).SetKind(commitment.KindVolunteering).SetDescription("Biblioteca").SetHoursAgreed(40).SaveX(ctx).ID
	fnd := c.Fund.Create().SetName("Fondo anticrisi Empoli 2025").SetYear(2025).SetAllocatedCents(5_000_000).SetOwner(org).SetMunicipality(mun).SaveX(ctx)
	f["Fund"] = fnd.ID
	f["FundAmendment"] = c.FundAmendment.Create().SetFund(fnd).SetPreviousCents(4_000_000).SetAllocatedCents(5_000_000).
		SetReason("Delibera di variazione di bilancio").SetAmendedBy(usr).SaveX(ctx).ID
	itv := c.Intervention.Create().SetCase(cas).SetProvider(org).SetFund(fnd).SetKind(intervention.KindInternship).
		SetStartsOn(Day(2025, 5, 1)).SetEndsOn(Day(2025, 10, 31)).SetCostCents(250_000).SaveX(ctx)
	f["Intervention"] = itv.ID
	f["ServiceRequest"] = c.ServiceRequest.Create().SetCase(cas).SetOrganization(org).SetTable(tab).SetRequestedBy(usr).
		SetKind(servicerequest.KindInternship).SetNeed("Tirocinio in biblioteca").SetSharedContact([]domain.ContactDatum{domain.ContactName}).
		SetSentOn(Day(2025, 4, 1)).SetAnswerDueOn(Day(2025, 4, 11)).SetStatus(servicerequest.StatusACCEPTED).SetAnsweredOn(Day(2025, 4, 3)).
		SetPlannedStart(Day(2025, 4, 14)).SetIntervention(itv).SaveX(ctx).ID
	f["Approval"] = c.Approval.Create().SetCase(cas).SetKind(approval.KindCLOSURE).SetProposedBy(usr).SetProposedAt(MidnightUTC(2025, 9, 1)).
		SetClosureReason(approval.ClosureReasonGoalsMet).SetNote("Chiusura proposta dal referente").SaveX(ctx).ID
	f["Outcome"] = c.Outcome.Create().SetCase(cas).SetIntervention(itv).SetKind(outcome.KindEmploymentFixedTerm).
		SetValueDimension(outcome.ValueDimensionEconomic).SetAchievedOn(Day(2025, 11, 3)).SetFollowUpDueOn(Day(2026, 5, 3)).SaveX(ctx).ID
	obj := c.Objective.Create().SetTitle("Più inserimenti lavorativi").SetIndicator(objective.IndicatorEmploymentOutcomeShare).
		SetTarget(0.3).SetPeriodStart(Day(2025, 1, 1)).SetPeriodEnd(Day(2025, 12, 31)).SaveX(ctx)
	f["Objective"] = obj.ID
	prt := c.Protocol.Create().SetTitle("Protocollo inserimento lavorativo").AddObjectives(obj).SaveX(ctx)
	f["Protocol"] = prt.ID
	// Signed by both its parties, so that it may be activated.
	ppa := c.ProtocolParty.Create().SetProtocol(prt).SetOrganization(org).SetRole(protocolparty.RoleLead).
		SetSignedOn(Day(2025, 1, 20)).SetSignerName("Brenda Barnini").SaveX(ctx)
	cpi := c.Organization.Create().SetName("Centro per l'impiego di Empoli").SetKind(organization.KindEmploymentCentre).SetMunicipality(mun).SaveX(ctx)
	c.ProtocolParty.Create().SetProtocol(prt).SetOrganization(cpi).SetRole(protocolparty.RolePartner).
		SetSignedOn(Day(2025, 1, 22)).SetSignerName("Giovanni Neri").ExecX(ctx)
	f["ProtocolParty"] = ppa.ID
	f["ProtocolCommitment"] = c.ProtocolCommitment.Create().SetParty(ppa).SetDescription("Segnalare i tirocini disponibili").SaveX(ctx).ID
	dir := c.Directive.Create().SetTitle("Priorità ai nuclei con minori").SetBody("…").SetIssuedOn(Day(2025, 2, 1)).
		SetDueOn(Day(2025, 6, 30)).AddTables(tab).SaveX(ctx)
	f["Directive"] = dir.ID
	dak := c.DirectiveAcknowledgement.Create().SetDirective(dir).SetTable(tab).
		SetAcknowledgedAt(MidnightUTC(2025, 2, 3)).SetAcknowledgedBy(usr).SaveX(ctx)
	f["DirectiveAcknowledgement"] = dak.ID
	dak.Update().SetStatus(directiveacknowledgement.StatusImplemented).SetStatusOn(Day(2025, 5, 2)).SetEvidence("Criteri adottati").ExecX(ctx)
	f["CommunityActivity"] = sampleActivity(c, org.ID, mun.ID).SetProtocol(prt).SetDirective(dir).SaveX(ctx).ID
	mtg := c.Meeting.Create().SetBody(meeting.BodyTable).SetTable(tab).SetTitle("Riunione di marzo").SetHeldAt(MidnightUTC(2025, 3, 10)).AddAttendees(usr).SaveX(ctx)
	f["Meeting"] = mtg.ID
	f["Decision"] = c.Decision.Create().SetMeeting(mtg).SetText("Presa in carico del caso EMP-2025-0001").SetCase(cas).SaveX(ctx).ID
	f["Document"] = SeedDocument(ctx, c, cas.ID, usr.ID, "Progetto firmato")
	f["AuditEvent"] = c.AuditEvent.Create().SetAction("READ_IDENTITY").SetEntityType("PersonIdentity").SetActor(usr).SaveX(ctx).ID
	return f
}

// The governing body's objects both samples make (SeedOneOfEach's, and
// SampleObjects' on demo data): an amendment of the pact, a seat in the
// committee and a community activity.

func sampleAmendment(c *ent.Client, pact, by gid.ID) *ent.PactAmendmentCreate {
	return c.PactAmendment.Create().SetPactID(pact).SetAmendedOn(Day(2020, 1, 15)).
		SetSummary("Art. 4: adesione aperta al terzo settore").SetRecordedByID(by)
}

func sampleSeat(c *ent.Client, body, representative gid.ID) *ent.CommitteeMemberCreate {
	return c.CommitteeMember.Create().SetOrganizationID(body).SetRepresentativeID(representative).
		SetRole(committeemember.RoleMember).SetFromOn(Day(2024, 1, 1))
}

func sampleActivity(c *ent.Client, organizer, municipality gid.ID) *ent.CommunityActivityCreate {
	return c.CommunityActivity.Create().SetTitle("Laboratorio di welfare di comunità").SetKind(communityactivity.KindWorkshop).
		SetHeldOn(Day(2025, 3, 15)).SetParticipants(24).SetValueDimension(communityactivity.ValueDimensionCultural).
		AddOrganizerIDs(organizer).SetMunicipalityID(municipality)
}
