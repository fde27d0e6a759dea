package pathway

import (
	"time"

	"github.com/progetto-win/win/domain"
	"github.com/progetto-win/win/domain/gid"
	"github.com/progetto-win/win/ent/casefile"
	"github.com/progetto-win/win/ent/commitment"
	"github.com/progetto-win/win/ent/consent"
	"github.com/progetto-win/win/ent/goal"
	"github.com/progetto-win/win/ent/intervention"
	"github.com/progetto-win/win/ent/outcome"
	"github.com/progetto-win/win/ent/person"
	"github.com/progetto-win/win/ent/servicerequest"
)

// The inputs of this package's services, bound to the GraphQL input types
// of the same name in gqlgen.yml: the service owns what it accepts, and
// the API's schema (graph/*.graphql) stays the contract. Each field is
// documented in the schema; the comments here repeat its description.

// AssessmentInput is a level of the assessment: needs and resources by area (valutazione).
type AssessmentInput struct {
	// The analysis in words (sintesi).
	Summary string `json:"summary"`
	// Needs and resources, one entry per area assessed, at least one (bisogni e risorse per area).
	Findings []*domain.AreaFinding `json:"findings"`
	// Date of the analysis; today unless given (data della valutazione).
	AssessedOn *domain.Date `json:"assessedOn,omitempty"`
	// Preliminary analysis only: whether the needs are complex and call for the in-depth analysis (bisogni complessi).
	ComplexNeeds *bool `json:"complexNeeds,omitempty"`
	// In-depth analysis only: users of the case's table who join the case's team, at least one (équipe multiprofessionale).
	TeamIDs []gid.ID `json:"teamIDs,omitempty"`
}

// CommitmentInput is a reciprocal commitment of the person (impegno di reciprocità).
type CommitmentInput struct {
	// Kind of community activity (tipo di attività).
	Kind commitment.Kind `json:"kind"`
	// What the person will do and where (descrizione).
	Description string `json:"description"`
	// Hours agreed (ore concordate).
	HoursAgreed int `json:"hoursAgreed"`
	// Date by which the hours should be done (scadenza).
	DueOn *domain.Date `json:"dueOn,omitempty"`
	// The organisation hosting the activity (ente ospitante).
	HostID *gid.ID `json:"hostID,omitempty"`
}

// FollowUpInput is the check of an outcome some months on (follow-up).
type FollowUpInput struct {
	// Date of the check; today unless given (data del follow-up).
	FollowedUpOn *domain.Date `json:"followedUpOn,omitempty"`
	// Whether the result still holds, e.g. still employed (esito confermato).
	StillHeld bool `json:"stillHeld"`
	// Notes for the timeline (nota).
	Note *string `json:"note,omitempty"`
}

// GoalInput is a goal of the plan (obiettivo).
type GoalInput struct {
	// The need area the goal addresses (area).
	Area domain.NeedArea `json:"area"`
	// The expected result (risultato atteso).
	Description string `json:"description"`
	// Date by which it should be met (scadenza).
	DueOn *domain.Date `json:"dueOn,omitempty"`
}

// InterventionInput is an intervention of the plan (intervento).
type InterventionInput struct {
	// Kind of intervention (tipo).
	Kind intervention.Kind `json:"kind"`
	// What is delivered (descrizione).
	Description *string `json:"description,omitempty"`
	// The organisation delivering it (ente erogatore).
	ProviderID gid.ID `json:"providerID"`
	// Start date (data di inizio).
	StartsOn domain.Date `json:"startsOn"`
	// End date, planned or actual (data di fine).
	EndsOn *domain.Date `json:"endsOn,omitempty"`
	// Status; PLANNED unless given (stato).
	Status *intervention.Status `json:"status,omitempty"`
	// Cost in euro cents; at most what is left of the fund (costo in centesimi).
	CostCents *int `json:"costCents,omitempty"`
	// The fund paying for it (fondo).
	FundID *gid.ID `json:"fundID,omitempty"`
	// The ACTIVE protocol under which it is delivered, if any (protocollo).
	ProtocolID *gid.ID `json:"protocolID,omitempty"`
}

// MonitoringItemInput is progress on one goal or commitment of a monitoring meeting (andamento).
type MonitoringItemInput struct {
	// The item (punto di verifica).
	ItemID gid.ID `json:"itemID"`
	// Progress observed, in words (andamento).
	Progress *string `json:"progress,omitempty"`
	// For a goal: its status now; the goal takes it (stato dell'obiettivo).
	GoalStatus *goal.Status `json:"goalStatus,omitempty"`
	// For a commitment: hours done so far; the commitment takes them (ore svolte).
	HoursDone *int `json:"hoursDone,omitempty"`
}

// MonitoringMeetingInput is a monitoring meeting to plan (incontro di monitoraggio).
type MonitoringMeetingInput struct {
	// Date planned (data prevista).
	PlannedOn domain.Date `json:"plannedOn"`
	// Goals of the plan to review (obiettivi da verificare).
	GoalIDs []gid.ID `json:"goalIDs,omitempty"`
	// Reciprocal commitments to verify (impegni da verificare).
	CommitmentIDs []gid.ID `json:"commitmentIDs,omitempty"`
}

// MonitoringResultInput is what a monitoring meeting found (esito dell'incontro).
type MonitoringResultInput struct {
	// Date held; today unless given (data di svolgimento).
	HeldOn *domain.Date `json:"heldOn,omitempty"`
	// What the meeting concluded (sintesi).
	Summary string `json:"summary"`
	// Progress on the meeting's goals and commitments (andamento dei punti).
	Items []*MonitoringItemInput `json:"items,omitempty"`
}

// NewPersonInput is a new person, for a referral of someone WIN does not know yet (nuova persona).
type NewPersonInput struct {
	// First name(s) (nome).
	FirstName string `json:"firstName"`
	// Surname(s) (cognome).
	LastName string `json:"lastName"`
	// Italian tax code, if known (codice fiscale).
	TaxCode *string `json:"taxCode,omitempty"`
	// Date of birth (data di nascita).
	BirthDate domain.Date `json:"birthDate"`
	// Place of birth (luogo di nascita).
	BirthPlace *string `json:"birthPlace,omitempty"`
	// Gender (genere).
	Gender person.Gender `json:"gender"`
	// Area of citizenship (area di cittadinanza).
	CitizenshipArea person.CitizenshipArea `json:"citizenshipArea"`
	// People in the household, the person included (componenti del nucleo familiare).
	HouseholdSize *int `json:"householdSize,omitempty"`
	// Municipality of residence (comune di residenza).
	MunicipalityID *gid.ID `json:"municipalityID,omitempty"`
	// E-mail address (posta elettronica).
	Email *string `json:"email,omitempty"`
	// Telephone number (telefono).
	Phone *string `json:"phone,omitempty"`
	// Street address (indirizzo).
	Address *string `json:"address,omitempty"`
	// Postal code (CAP).
	PostalCode *string `json:"postalCode,omitempty"`
	// City of the address (località).
	City *string `json:"city,omitempty"`
	// Set after findPersonMatches offered persons with the same name and birth date who are someone else: records a new person anyway. A tax-code match is never overridden.
	NotADuplicate *bool `json:"notADuplicate,omitempty"`
}

// OutcomeInput is a result of the case (esito).
type OutcomeInput struct {
	// Kind of result (tipo di esito).
	Kind outcome.Kind `json:"kind"`
	// The value dimension it counts for; from the kind unless given: economic for work, training and income, social for housing, health and reintegration, cultural for community engagement (dimensione di valore).
	ValueDimension *outcome.ValueDimension `json:"valueDimension,omitempty"`
	// Date of the result (data dell'esito).
	AchievedOn domain.Date `json:"achievedOn"`
	// What shows the result, e.g. a contract or certificate (evidenza).
	Evidence *string `json:"evidence,omitempty"`
	// The intervention that led to it (intervento collegato).
	InterventionID *gid.ID `json:"interventionID,omitempty"`
}

// PersonIdentifiersInput is what a referrer knows of a known person, as findPersonMatches takes it: a tax code, or a surname, first name and birth date, compared without accents, case or punctuation (dati identificativi).
type PersonIdentifiersInput struct {
	// Tax code (codice fiscale).
	TaxCode *string `json:"taxCode,omitempty"`
	// Surname (cognome).
	LastName *string `json:"lastName,omitempty"`
	// First name (nome).
	FirstName *string `json:"firstName,omitempty"`
	// Date of birth (data di nascita).
	BirthDate *domain.Date `json:"birthDate,omitempty"`
}

// PlanInput is the personal plan agreed at taking charge (progetto personalizzato).
type PlanInput struct {
	// General objectives in words (obiettivi generali).
	Summary *string `json:"summary,omitempty"`
	// Date the plan was agreed and signed with the person; today unless given (data di sottoscrizione).
	AgreedOn *domain.Date `json:"agreedOn,omitempty"`
	// Date of the first review of the plan (data della prima verifica).
	ReviewOn *domain.Date `json:"reviewOn,omitempty"`
	// The plan's goals, at least one (obiettivi specifici).
	Goals []*GoalInput `json:"goals"`
	// The person's reciprocal commitments (impegni di reciprocità).
	Commitments []*CommitmentInput `json:"commitments,omitempty"`
}

// ReferCaseInput is a referral of a person to a table (segnalazione).
type ReferCaseInput struct {
	// The table the person is referred to (tavolo).
	TableID gid.ID `json:"tableID"`
	// A person WIN already knows, from findPersonMatches; or give newPerson.
	PersonID *gid.ID `json:"personID,omitempty"`
	// With personID: the identifiers findPersonMatches found the person by, checked again against the person; a referral with identifiers that do not match is refused (dati con cui la persona è stata trovata).
	PersonIdentifiers *PersonIdentifiersInput `json:"personIdentifiers,omitempty"`
	// A person WIN does not know yet; or give personID.
	NewPerson *NewPersonInput `json:"newPerson,omitempty"`
	// Why the person is referred (motivo della segnalazione).
	Reason string `json:"reason"`
	// Areas of need seen at referral, at least one (aree di bisogno).
	NeedAreas []domain.NeedArea `json:"needAreas"`
	// Priority; MEDIUM unless given (priorità).
	Priority *casefile.Priority `json:"priority,omitempty"`
	// Where the referral comes from: the service that sends the person, or the person alone (canale di invio).
	Channel casefile.ReferralChannel `json:"channel"`
	// Date of the referral; today unless given, never in the future (data della segnalazione).
	ReferredOn *domain.Date `json:"referredOn,omitempty"`
	// When the person consented to the processing of their data (consenso al trattamento dei dati).
	ConsentGivenAt *time.Time `json:"consentGivenAt,omitempty"`
}

// UpdateCommitmentInput is the changes to a reciprocal commitment; fields left out keep their value (modifica dell'impegno).
type UpdateCommitmentInput struct {
	// What the person will do and where (descrizione).
	Description *string `json:"description,omitempty"`
	// Hours agreed (ore concordate).
	HoursAgreed *int `json:"hoursAgreed,omitempty"`
	// Hours done so far (ore svolte).
	HoursDone *int `json:"hoursDone,omitempty"`
	// Date by which the hours should be done (scadenza).
	DueOn *domain.Date `json:"dueOn,omitempty"`
}

// UpdateGoalInput is the changes to a goal; fields left out keep their value (modifica dell'obiettivo).
type UpdateGoalInput struct {
	// The expected result (risultato atteso).
	Description *string `json:"description,omitempty"`
	// Date by which it should be met (scadenza).
	DueOn *domain.Date `json:"dueOn,omitempty"`
	// Progress (stato).
	Status *goal.Status `json:"status,omitempty"`
}

// UpdateInterventionInput is the changes to an intervention; fields left out keep their value (modifica dell'intervento).
type UpdateInterventionInput struct {
	// What is delivered (descrizione).
	Description *string `json:"description,omitempty"`
	// End date, planned or actual (data di fine).
	EndsOn *domain.Date `json:"endsOn,omitempty"`
	// Status (stato).
	Status *intervention.Status `json:"status,omitempty"`
	// Cost in euro cents; at most what is left of the fund (costo in centesimi).
	CostCents *int `json:"costCents,omitempty"`
	// The fund paying for it (fondo).
	FundID *gid.ID `json:"fundID,omitempty"`
	// Charge no fund (nessun fondo).
	ClearFund *bool `json:"clearFund,omitempty"`
	// The ACTIVE protocol under which it is delivered (protocollo).
	ProtocolID *gid.ID `json:"protocolID,omitempty"`
	// Under no protocol (nessun protocollo).
	ClearProtocol *bool `json:"clearProtocol,omitempty"`
}

// UpdatePlanInput is the changes to the plan's text and dates; fields left out keep their value (modifica del progetto).
type UpdatePlanInput struct {
	// General objectives in words (obiettivi generali).
	Summary *string `json:"summary,omitempty"`
	// Date the plan was agreed and signed (data di sottoscrizione).
	AgreedOn *domain.Date `json:"agreedOn,omitempty"`
	// Date of the next review (data della prossima verifica).
	ReviewOn *domain.Date `json:"reviewOn,omitempty"`
}

// RecordConsentInput is the basis of a use of a person's data
// (consenso o base giuridica).
type RecordConsentInput struct {
	// The case whose table records it; the basis concerns its person.
	CaseID gid.ID `json:"caseID"`
	// The use of the data it covers (finalità).
	Purpose consent.Purpose `json:"purpose"`
	// Consent or legal basis (base).
	Basis consent.Basis `json:"basis"`
	// For SHARING: the organisation the data may be shared with.
	OrganizationID *gid.ID `json:"organizationID,omitempty"`
	// For a legal basis: the law (riferimento normativo).
	LegalReference *string `json:"legalReference,omitempty"`
	// The signed form's reference (riferimento del modulo).
	FormReference *string `json:"formReference,omitempty"`
	// The day it was given; today unless given (data).
	GivenOn *domain.Date `json:"givenOn,omitempty"`
}

// RequestServiceInput is a request for a service for a case, to a
// partner organisation (richiesta di servizio).
type RequestServiceInput struct {
	// The organisation asked (ente destinatario).
	OrganizationID gid.ID `json:"organizationID"`
	// The service, as an intervention kind (tipo di servizio).
	Kind servicerequest.Kind `json:"kind"`
	// What is needed (bisogno).
	Need string `json:"need"`
	// By when (entro il).
	NeededBy *domain.Date `json:"neededBy,omitempty"`
	// The contact data to share (dati di contatto da condividere).
	ShareContact []domain.ContactDatum `json:"shareContact,omitempty"`
}

// CompleteServiceRequestInput is how a service ended (esito del servizio).
type CompleteServiceRequestInput struct {
	// Whether it reached its purpose (esito positivo).
	Successful bool `json:"successful"`
	// Why it ended as it did (motivo).
	Reason servicerequest.CompletionReason `json:"reason"`
	// More on how it ended (nota).
	Note *string `json:"note,omitempty"`
	// The day it ended (concluso il).
	CompletedOn *domain.Date `json:"completedOn,omitempty"`
}

// SharedContact is the contact data a service request shares, as the
// person's identity holds them now (dati di contatto condivisi).
type SharedContact struct {
	Name    *string `json:"name,omitempty"`
	Phone   *string `json:"phone,omitempty"`
	Email   *string `json:"email,omitempty"`
	Address *string `json:"address,omitempty"`
}
