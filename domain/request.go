package domain

import "io"

// ContactDatum is one piece of a person's contact data a service request
// may share with the organisation it is addressed to (dato di contatto).
type ContactDatum string

// The contact data a request may share.
const (
	ContactName    ContactDatum = "NAME"    // nome e cognome
	ContactPhone   ContactDatum = "PHONE"   // telefono
	ContactEmail   ContactDatum = "EMAIL"   // posta elettronica
	ContactAddress ContactDatum = "ADDRESS" // indirizzo
)

// ContactData lists every contact datum.
var ContactData = []ContactDatum{ContactName, ContactPhone, ContactEmail, ContactAddress}

// Values implements ent's EnumValues.
func (ContactDatum) Values() []string { return StringsOf(ContactData) }

// MarshalGQL implements graphql.Marshaler.
func (d ContactDatum) MarshalGQL(w io.Writer) { MarshalEnum(w, d) }

// UnmarshalGQL implements graphql.Unmarshaler.
func (d *ContactDatum) UnmarshalGQL(v any) (err error) {
	*d, err = UnmarshalEnum(v, ContactData, "ContactDatum")
	return err
}

// ServiceRequestAnswerDays is how long an organisation has to accept or
// decline a service request: past it, the request shows as overdue on
// both sides (termine di risposta).
const ServiceRequestAnswerDays = 10
