package governance

import (
	"time"

	"github.com/progetto-win/win/domain"
	"github.com/progetto-win/win/domain/gid"
	"github.com/progetto-win/win/ent"
	"github.com/progetto-win/win/ent/committeemember"
	"github.com/progetto-win/win/ent/decision"
	"github.com/progetto-win/win/ent/directive"
	"github.com/progetto-win/win/ent/meeting"
	"github.com/progetto-win/win/ent/pactsignatory"
	"github.com/progetto-win/win/ent/protocolparty"
)

// The inputs of this package's services, bound to the GraphQL input types
// of the same name in gqlgen.yml: the service owns what it accepts, and
// the API's schema (graph/*.graphql) stays the contract. Each field is
// documented in the schema; the comments here repeat its description.

// DecisionInput is a decision taken in a meeting (decisione).
type DecisionInput struct {
	// What was decided, without identifying data of persons (testo).
	Text string `json:"text"`
	// The directive it issues or concerns (indirizzo).
	DirectiveID *gid.ID `json:"directiveID,omitempty"`
	// The protocol it concerns (protocollo).
	ProtocolID *gid.ID `json:"protocolID,omitempty"`
	// The case it concerns, of the table that met (caso).
	CaseID *gid.ID `json:"caseID,omitempty"`
	// For a committee meeting, the level of work it belongs to (livello).
	Level *decision.Level `json:"level,omitempty"`
}

// DirectiveInput is a directive of the committee (indirizzo).
type DirectiveInput struct {
	// Title (oggetto).
	Title string `json:"title"`
	// The instruction (testo).
	Body string `json:"body"`
	// Date issued; today unless given (data di emanazione).
	IssuedOn *domain.Date `json:"issuedOn,omitempty"`
	// Addressed to every table (a tutti i tavoli).
	AllTables *bool `json:"allTables,omitempty"`
	// The tables it is addressed to, when not all (tavoli destinatari).
	TableIDs []gid.ID `json:"tableIDs,omitempty"`
	// The day by which the tables are to carry it out (scadenza).
	DueOn domain.Date `json:"dueOn"`
	// The committee's level of work; STRATEGIC unless given (livello).
	Level *directive.Level `json:"level,omitempty"`
}

// MeetingInput is a meeting held (riunione).
type MeetingInput struct {
	// Which body met (organo).
	Body meeting.Body `json:"body"`
	// The table, for a table meeting (tavolo).
	TableID *gid.ID `json:"tableID,omitempty"`
	// When it was held (data e ora).
	HeldAt time.Time `json:"heldAt"`
	// Agenda title (ordine del giorno).
	Title string `json:"title"`
	// Minutes, without identifying data of persons (verbale).
	Minutes *string `json:"minutes,omitempty"`
	// Who attended (presenti).
	AttendeeIDs []gid.ID `json:"attendeeIDs,omitempty"`
	// Decisions taken (decisioni).
	Decisions []*DecisionInput `json:"decisions,omitempty"`
}

// ProtocolCommitmentInput is what a party undertakes (impegno).
type ProtocolCommitmentInput struct {
	// The commitment (impegno).
	Description string `json:"description"`
	// Due date (scadenza).
	DueOn *domain.Date `json:"dueOn,omitempty"`
}

// ProtocolPartyInput is a party joining a protocol (parte del protocollo).
type ProtocolPartyInput struct {
	// The organisation (ente).
	OrganizationID gid.ID `json:"organizationID"`
	// Its role in the protocol (ruolo).
	Role protocolparty.Role `json:"role"`
	// How it takes part (modalità operative).
	OperatingMode *string `json:"operatingMode,omitempty"`
}

// PactSignatoryInput is a body signing the pact (adesione al patto).
type PactSignatoryInput struct {
	// The body that signs (ente).
	OrganizationID gid.ID `json:"organizationID"`
	// PROMOTER for a founding body, ADHERENT for one that joins since (ruolo).
	Role pactsignatory.Role `json:"role"`
	// Date it signed (data di adesione).
	JoinedOn domain.Date `json:"joinedOn"`
	// The person who signed for the body (firmatario).
	SignerName string `json:"signerName"`
	// Their office (qualifica).
	SignerRole *string `json:"signerRole,omitempty"`
}

// PactAmendmentInput is a dated amendment of the pact (modifica del patto).
type PactAmendmentInput struct {
	// Date the change was agreed (data della modifica).
	AmendedOn domain.Date `json:"amendedOn"`
	// What changed and by whose decision (sintesi).
	Summary string `json:"summary"`
	// The pact's whole new text, when the change rewrites it (nuovo testo).
	Text *string `json:"text,omitempty"`
}

// CommitteeMemberInput is a body's seat in the steering committee
// (componente della cabina di regia).
type CommitteeMemberInput struct {
	// The body (ente).
	OrganizationID gid.ID `json:"organizationID"`
	// The user who represents it, if named (rappresentante).
	RepresentativeID *gid.ID `json:"representativeID,omitempty"`
	// Its role in the committee (ruolo).
	Role committeemember.Role `json:"role"`
	// First day of the seat; today unless given (dal).
	FromOn *domain.Date `json:"fromOn,omitempty"`
}

// DirectiveTableProgress is where one addressed table stands in carrying
// out a directive (stato di attuazione per tavolo).
type DirectiveTableProgress struct {
	// The table (tavolo).
	Table *ent.TerritorialTable `json:"table"`
	// What the table recorded; nil before it acknowledged (attuazione).
	Progress *ent.DirectiveAcknowledgement `json:"progress,omitempty"`
	// Whether the table has finished with it (concluso).
	Done bool `json:"done"`
	// Whether the table is late (in ritardo).
	Late bool `json:"late"`
}

// ProtocolDelivery is what the interventions delivered under a protocol
// amount to (erogato nell'ambito del protocollo).
type ProtocolDelivery struct {
	// How many interventions name the protocol (interventi).
	Interventions int `json:"interventions"`
	// Their cost, in euro cents (costo).
	CostCents int64 `json:"costCents"`
	// The cost of those ended: spent (speso).
	SpentCents int64 `json:"spentCents"`
}
