package schema

import (
	"crypto/rand"

	"entgo.io/contrib/entgql"
	"entgo.io/ent"
	"entgo.io/ent/schema"
	"entgo.io/ent/schema/edge"
	"entgo.io/ent/schema/field"
	"entgo.io/ent/schema/index"

	"github.com/progetto-win/win/domain"
	"github.com/progetto-win/win/domain/gid"
)

// User is a person who works in WIN: operator, coordinator, committee
// member, analyst or administrator (Utente).
type User struct{ ent.Schema }

// Mixin of User.
func (User) Mixin() []ent.Mixin {
	return []ent.Mixin{gid.MixinWithPrefix("usr"), TimeMixin{}, ColleaguesMixin{}, signedIn(admin)}
}

// Fields of User.
func (User) Fields() []ent.Field {
	return []ent.Field{
		field.String("email").NotEmpty().MaxLen(200).Match(emailAddress).Unique().
			Comment("Sign-in e-mail address, stored lower-case (posta elettronica).").
			Annotations(ordered("EMAIL")),
		field.String("name").NotEmpty().MaxLen(200).
			Comment("Full name (nome e cognome).").
			Annotations(ordered("NAME")),
		field.JSON("roles", []domain.Role{}).
			Default([]domain.Role{}).
			Comment("Roles of the user (ruoli).").
			Annotations(entgql.Type("[Role!]")),
		field.Bool("disabled").Default(false).
			Comment("A disabled user can no longer sign in (utenza disattivata)."),
		field.String("password_hash").Optional().Sensitive().
			Comment("argon2id hash of the password; never leaves the server.").
			Annotations(entgql.Skip()),
		field.Enum("language").GoType(domain.Language("")).Default(string(domain.Italian)).
			Comment("The language WIN speaks to the user in: the SPA's choice, used for notifications and e-mail (lingua).").
			Annotations(sharedEnum("Language"), entgql.Skip(entgql.SkipMutationCreateInput, entgql.SkipMutationUpdateInput)),
		field.Time("password_changed_at").Optional().Nillable().
			Comment("When the password last changed; sessions older than this end (password modificata il).").
			Annotations(entgql.Skip(entgql.SkipMutationCreateInput, entgql.SkipMutationUpdateInput, entgql.SkipWhereInput)),
	}
}

// Edges of User.
func (User) Edges() []ent.Edge {
	return []ent.Edge{
		edge.To("organization", Organization.Type).Unique().Required().
			Comment("The organisation the user works for (ente di appartenenza)."),
		edge.From("memberships", TableMembership.Type).Ref("user").
			Comment("The user's places in tables (partecipazione ai tavoli).").
			Annotations(entgql.RelayConnection(), entgql.Skip(entgql.SkipMutationCreateInput, entgql.SkipMutationUpdateInput)),
		edge.From("coordinated_tables", TerritorialTable.Type).Ref("coordinator").
			Comment("Tables the user coordinates (tavoli coordinati).").
			Annotations(entgql.RelayConnection(), entgql.Skip(entgql.SkipMutationCreateInput, entgql.SkipMutationUpdateInput)),
		edge.From("sessions", Session.Type).Ref("user").
			Comment("The user's sessions (sessioni).").
			Annotations(entgql.Skip()),
		edge.From("api_tokens", APIToken.Type).Ref("user").
			Comment("The user's API tokens (token di accesso).").
			Annotations(entgql.Skip()),
		edge.From("meetings_attended", Meeting.Type).Ref("attendees").
			Comment("Meetings the user attended (riunioni a cui ha partecipato).").
			Annotations(entgql.RelayConnection(), entgql.Skip(entgql.SkipMutationCreateInput, entgql.SkipMutationUpdateInput)),
		edge.From("referred_cases", CaseFile.Type).Ref("referring_operator").
			Comment("Cases the user referred (casi segnalati); for the access rules only.").
			Annotations(entgql.Skip()),
		// The inverse makes the team many-to-many; the API reaches teams
		// from cases only.
		edge.From("case_teams", CaseFile.Type).Ref("team").
			Comment("Cases whose team the user joined (équipe dei casi).").
			Annotations(entgql.Skip()),
		edge.From("service_requests_sent", ServiceRequest.Type).Ref("requested_by").
			Comment("Service requests the user sent (richieste inviate); for the access rules only.").
			Annotations(entgql.Skip()),
		edge.From("service_requests_answered", ServiceRequest.Type).Ref("answered_by").
			Comment("Service requests the user answered (richieste evase); for the access rules only.").
			Annotations(entgql.Skip()),
	}
}

// Hooks of User: e-mail addresses are stored lower-case, as sign-in
// looks them up; disabling a user ends their access; a change of roles
// or organisation holds from the user's next request.
func (User) Hooks() []ent.Hook {
	return []ent.Hook{lowerCaseEmail, endAccessOnDisable, grantsChange(ending)}
}

// Annotations of User. The root list (users) serves the administrators'
// screen and the coordinators who look for someone to add to their table;
// it shows the accounts the viewer may read (rule.ScopeUsers), never the
// password.
func (User) Annotations() []schema.Annotation {
	return rootType("A user of WIN with roles and memberships (Utente).", editable())
}

// Person is the pseudonymous record of a person at risk: what statistics
// need and nothing that identifies them alone (Persona / beneficiario).
// Together, birth year, gender, household, citizenship and municipality
// single out most persons, so the committee and analysts read none of
// them on the record: they read them in aggregates, with small counts
// withheld (the indicators).
type Person struct{ ent.Schema }

// Mixin of Person.
func (Person) Mixin() []ent.Mixin {
	return []ent.Mixin{gid.MixinWithPrefix("per"), TimeMixin{}, CaseMixin{}, signedIn()}
}

// Fields of Person.
func (Person) Fields() []ent.Field {
	return []ent.Field{
		field.String("pseudonym").NotEmpty().MaxLen(20).Unique().Immutable().
			DefaultFunc(newPseudonym).
			Comment("Random pseudonym shown instead of the name, e.g. P-K3M9QX7T (pseudonimo).").
			Annotations(ordered("PSEUDONYM"), entgql.Skip(entgql.SkipMutationCreateInput)),
		field.Int("birth_year").Range(1900, 2100).Optional().Nillable().
			Comment("Year of birth (anno di nascita).").
			Annotations(quasiIdentifier()...),
		field.Enum("gender").
			NamedValues("Female", "FEMALE", "Male", "MALE", "NonBinary", "NON_BINARY", "NotStated", "NOT_STATED").
			Optional().Nillable().
			Comment("Gender (genere): femminile, maschile, non binario, non dichiarato.").
			Annotations(quasiIdentifier()...),
		field.Int("household_size").Range(1, 30).Default(1).Optional().Nillable().
			Comment("People in the household, the person included (componenti del nucleo familiare).").
			Annotations(quasiIdentifier()...),
		field.Enum("citizenship_area").
			NamedValues(
				"Italy", "ITALY",
				"EuropeanUnion", "EUROPEAN_UNION",
				"OtherEurope", "OTHER_EUROPE",
				"Africa", "AFRICA",
				"Asia", "ASIA",
				"Americas", "AMERICAS",
				"Oceania", "OCEANIA",
				"Stateless", "STATELESS",
			).
			Optional().Nillable().
			Comment("Area of citizenship (area di cittadinanza): Italia, Unione europea, altri paesi europei, Africa, Asia, Americhe, Oceania, apolide.").
			Annotations(quasiIdentifier()...),
	}
}

// Edges of Person.
func (Person) Edges() []ent.Edge {
	return []ent.Edge{
		edge.To("municipality", Municipality.Type).Unique().
			Comment("Municipality of residence (comune di residenza).").
			Annotations(quasiIdentifier()...),
		edge.To("identity", PersonIdentity.Type).Unique().
			Comment("What identifies the person; null unless the viewer works the person's open case or referred them (dati identificativi).").
			Annotations(entgql.Skip(entgql.SkipMutationCreateInput, entgql.SkipMutationUpdateInput, entgql.SkipWhereInput)),
		edge.From("cases", CaseFile.Type).Ref("person").
			Comment("The person's cases, open and closed (casi).").
			Annotations(entgql.Skip(entgql.SkipMutationCreateInput, entgql.SkipMutationUpdateInput)).
			Annotations(entgql.RelayConnection()),
		edge.To("consents", Consent.Type).
			Comment("The bases of the uses of the person's data, in force and withdrawn, read under the rules of the person's cases (consensi e basi giuridiche).").
			Annotations(entgql.Skip(entgql.SkipMutationCreateInput, entgql.SkipMutationUpdateInput, entgql.SkipWhereInput)),
	}
}

// Indexes of Person.
func (Person) Indexes() []ent.Index {
	return []ent.Index{index.Fields("birth_year"), index.Fields("gender")}
}

// Annotations of Person.
func (Person) Annotations() []schema.Annotation {
	return rootType("The pseudonymous record of a person at risk: birth year, gender, residence, household (Persona / beneficiario).")
}

// pseudonymAlphabet leaves out letters and digits that are easily confused.
const pseudonymAlphabet = "ABCDEFGHJKLMNPQRSTUVWXYZ23456789"

// newPseudonym returns a random pseudonym such as P-K3M9QX7T (40 bits).
func newPseudonym() string {
	b := make([]byte, 8)
	if _, err := rand.Read(b); err != nil {
		panic(err) // crypto/rand never fails on Linux
	}
	for i := range b {
		b[i] = pseudonymAlphabet[int(b[i])%len(pseudonymAlphabet)]
	}
	return "P-" + string(b)
}

// PersonIdentity holds what identifies a person; it is read only by those
// who work the person's case (Dati identificativi).
type PersonIdentity struct{ ent.Schema }

// Mixin of PersonIdentity.
func (PersonIdentity) Mixin() []ent.Mixin {
	return []ent.Mixin{gid.MixinWithPrefix("pid"), TimeMixin{}, IdentityMixin{}, signedIn()}
}

// Fields of PersonIdentity.
func (PersonIdentity) Fields() []ent.Field {
	return []ent.Field{
		field.String("first_name").NotEmpty().MaxLen(100).
			Comment("First name(s) (nome).").
			Annotations(ordered("FIRST_NAME")),
		field.String("last_name").NotEmpty().MaxLen(100).
			Comment("Surname(s) (cognome).").
			Annotations(ordered("LAST_NAME")),
		field.String("last_name_key").Optional().
			Comment("Surname as duplicate search compares it: letters only, upper-case, no accents.").
			Annotations(entgql.Skip()),
		field.String("first_name_key").Optional().
			Comment("First name as duplicate search compares it: letters only, upper-case, no accents.").
			Annotations(entgql.Skip()),
		field.String("tax_code").Optional().Nillable().Unique().
			Validate(domain.ValidateTaxCode).
			Comment("Italian tax code, checked with its check character (codice fiscale)."),
		field.Time("birth_date").GoType(day).SchemaType(dateColumn).Annotations(dateScalar()).
			Comment("Full date of birth (data di nascita)."),
		field.String("birth_place").Optional().MaxLen(100).
			Comment("Place of birth (luogo di nascita)."),
		field.String("email").Optional().MaxLen(200).Match(emailAddress).
			Comment("E-mail address (posta elettronica)."),
		field.String("phone").Optional().MaxLen(40).
			Comment("Telephone number (telefono)."),
		field.String("address").Optional().MaxLen(300).
			Comment("Street address (indirizzo)."),
		field.String("postal_code").Optional().Match(postalCode).
			Comment("Postal code (CAP)."),
		field.String("city").Optional().MaxLen(100).
			Comment("City of the address (località)."),
	}
}

// Edges of PersonIdentity.
func (PersonIdentity) Edges() []ent.Edge {
	return []ent.Edge{
		edge.From("person", Person.Type).Ref("identity").Unique().Required().Immutable().
			Comment("The pseudonymous record this identity belongs to (persona)."),
	}
}

// Indexes of PersonIdentity: duplicates are searched by name, however
// spelt, and birth date.
func (PersonIdentity) Indexes() []ent.Index {
	return []ent.Index{index.Fields("last_name_key", "first_name_key", "birth_date")}
}

// Hooks of PersonIdentity.
func (PersonIdentity) Hooks() []ent.Hook {
	return []ent.Hook{normalizeTaxCode, birthDateInPast, nameKeys}
}

// Annotations of PersonIdentity.
func (PersonIdentity) Annotations() []schema.Annotation {
	return []schema.Annotation{
		schema.Comment("What identifies a person: names, tax code, birth date, contacts, address (Dati identificativi della persona)."),
		// No filters or ordering on identifying data: a where clause on a
		// hidden identity would tell whether it matches.
		entgql.Skip(entgql.SkipWhereInput, entgql.SkipOrderField),
	}
}

// birthDateInPast refuses a birth date in the future.
var birthDateInPast = notInFuture("birth_date", "birthDate", "must not be in the future")
