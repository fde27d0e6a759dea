package governance

import (
	"time"

	"github.com/progetto-win/win/domain"
	"github.com/progetto-win/win/domain/gid"
	"github.com/progetto-win/win/ent/meeting"
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
