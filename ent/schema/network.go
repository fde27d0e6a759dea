package schema

import (
	"entgo.io/contrib/entgql"
	"entgo.io/ent"
	"entgo.io/ent/dialect/entsql"
	"entgo.io/ent/schema"
	"entgo.io/ent/schema/edge"
	"entgo.io/ent/schema/field"
	"entgo.io/ent/schema/index"

	"github.com/progetto-win/win/domain/gid"
)

// Municipality is one of the municipalities of the network (Comune).
type Municipality struct{ ent.Schema }

// Mixin of Municipality.
func (Municipality) Mixin() []ent.Mixin {
	return []ent.Mixin{gid.MixinWithPrefix("mun"), TimeMixin{}, public(admin)}
}

// Fields of Municipality.
func (Municipality) Fields() []ent.Field {
	return []ent.Field{
		field.String("name").NotEmpty().MaxLen(100).Unique().
			Comment("Official name (denominazione).").
			Annotations(ordered("NAME")),
		field.String("istat_code").Match(istatCode).Unique().
			Comment("Six-digit ISTAT code (codice ISTAT).").
			Annotations(ordered("ISTAT_CODE")),
		field.Int("population").NonNegative().
			Comment("Resident population (popolazione residente).").
			Annotations(ordered("POPULATION")),
		field.String("province").Match(provinceCode).Default("FI").
			Comment("Two-letter province code (sigla della provincia).").
			Annotations(ordered("PROVINCE")),
	}
}

// Edges of Municipality.
func (Municipality) Edges() []ent.Edge {
	return []ent.Edge{
		edge.From("organizations", Organization.Type).Ref("municipality").
			Comment("Organisations seated in the municipality (enti con sede nel comune).").
			Annotations(entgql.RelayConnection()),
		edge.From("tables", TerritorialTable.Type).Ref("municipalities").
			Comment("Territorial tables covering the municipality (tavoli territoriali).").
			Annotations(entgql.Skip(entgql.SkipMutationCreateInput, entgql.SkipMutationUpdateInput)).
			Annotations(entgql.RelayConnection()),
		// Not in the API: a person's municipality is a quasi-identifier
		// (schema.Personal) that the committee and analysts do not read.
		edge.From("residents", Person.Type).Ref("municipality").
			Comment("Persons resident in the municipality (persone residenti).").
			Annotations(entgql.Skip()),
		edge.From("funds", Fund.Type).Ref("municipality").
			Comment("Anti-crisis funds the municipality allocated (fondi anticrisi).").
			Annotations(entgql.Skip(entgql.SkipMutationCreateInput, entgql.SkipMutationUpdateInput)).
			Annotations(entgql.RelayConnection()),
		// The inverse makes objectives' municipalities many-to-many.
		edge.From("objectives", Objective.Type).Ref("municipalities").
			Comment("Objectives filtered to the municipality (obiettivi).").
			Annotations(entgql.Skip()),
	}
}

// Annotations of Municipality.
func (Municipality) Annotations() []schema.Annotation {
	return rootType("A municipality of the network (Comune).", editable())
}

// Organization is a body of the network (Ente).
type Organization struct{ ent.Schema }

// Mixin of Organization.
func (Organization) Mixin() []ent.Mixin {
	return []ent.Mixin{gid.MixinWithPrefix("org"), TimeMixin{}, public(admin)}
}

// Fields of Organization.
func (Organization) Fields() []ent.Field {
	return []ent.Field{
		field.String("name").NotEmpty().MaxLen(200).Unique().
			Comment("Name of the organisation (denominazione).").
			Annotations(ordered("NAME")),
		field.Enum("kind").
			NamedValues(
				"Municipality", "MUNICIPALITY",
				"UnionOfMunicipalities", "UNION_OF_MUNICIPALITIES",
				"EmploymentCentre", "EMPLOYMENT_CENTRE",
				"SocialHealthService", "SOCIAL_HEALTH_SERVICE",
				"TradeUnion", "TRADE_UNION",
				"EmployersAssociation", "EMPLOYERS_ASSOCIATION",
				"Caritas", "CARITAS",
				"ThirdSector", "THIRD_SECTOR",
				"TrainingBody", "TRAINING_BODY",
				"Other", "OTHER",
			).
			Comment("Kind of body (tipo di ente): comune, unione dei comuni, centro per l'impiego, servizio socio-sanitario, sindacato, associazione di categoria, Caritas, terzo settore, agenzia formativa, altro.").
			Annotations(ordered("KIND")),
		field.String("email").Optional().MaxLen(200).Match(emailAddress).
			Comment("Institutional e-mail address (posta elettronica)."),
		field.String("phone").Optional().MaxLen(40).
			Comment("Telephone number (telefono)."),
		field.String("website").Optional().MaxLen(300).
			Comment("Web site address (sito web)."),
		field.String("address").Optional().MaxLen(300).
			Comment("Postal address of the seat (indirizzo della sede)."),
	}
}

// Edges of Organization.
func (Organization) Edges() []ent.Edge {
	return []ent.Edge{
		edge.To("municipality", Municipality.Type).Unique().
			Comment("Municipality where the organisation is seated (comune della sede)."),
		edge.From("users", User.Type).Ref("organization").
			Comment("Users who work for the organisation (utenti dell'ente).").
			Annotations(entgql.RelayConnection(), entgql.Skip(entgql.SkipMutationCreateInput, entgql.SkipMutationUpdateInput)),
		edge.From("pact_signatures", PactSignatory.Type).Ref("organization").
			Comment("The organisation's signatures of pacts, with role and dates (adesioni ai patti).").
			Annotations(entgql.Skip(entgql.SkipMutationCreateInput, entgql.SkipMutationUpdateInput)),
		edge.From("community_activities", CommunityActivity.Type).Ref("organizers").
			Comment("Community activities the organisation organised (attività di comunità organizzate).").
			Annotations(entgql.Skip(entgql.SkipMutationCreateInput, entgql.SkipMutationUpdateInput)),
		edge.From("committee_seats", CommitteeMember.Type).Ref("organization").
			Comment("The organisation's seats in the steering committee (partecipazione alla cabina di regia).").
			Annotations(entgql.Skip(entgql.SkipMutationCreateInput, entgql.SkipMutationUpdateInput)),
		edge.From("protocol_parties", ProtocolParty.Type).Ref("organization").
			Comment("The organisation's roles in protocols (partecipazioni ai protocolli).").
			Annotations(entgql.Skip(entgql.SkipMutationCreateInput, entgql.SkipMutationUpdateInput)).
			Annotations(entgql.RelayConnection()),
		edge.From("referred_cases", CaseFile.Type).Ref("referring_organization").
			Comment("Cases the organisation referred to a table (casi segnalati).").
			Annotations(entgql.RelayConnection(), entgql.Skip(entgql.SkipMutationCreateInput, entgql.SkipMutationUpdateInput)),
		edge.From("interventions", Intervention.Type).Ref("provider").
			Comment("Interventions the organisation delivers (interventi erogati).").
			Annotations(entgql.RelayConnection(), entgql.Skip(entgql.SkipMutationCreateInput, entgql.SkipMutationUpdateInput)),
		edge.From("funds", Fund.Type).Ref("owner").
			Comment("The funds the organisation allocated (fondi di cui è titolare).").
			Annotations(entgql.Skip(entgql.SkipAll)),
	}
}

// Indexes of Organization.
func (Organization) Indexes() []ent.Index {
	return []ent.Index{index.Fields("kind")}
}

// Annotations of Organization.
func (Organization) Annotations() []schema.Annotation {
	return rootType("A body of the network: municipality, service, union, association, Caritas, third-sector organisation (Ente).", editable())
}

// Pact is the pact the network's bodies signed (Patto territoriale di reciprocità).
type Pact struct{ ent.Schema }

// Mixin of Pact.
func (Pact) Mixin() []ent.Mixin {
	return []ent.Mixin{gid.MixinWithPrefix("pac"), TimeMixin{}, signedIn(admin)}
}

// Fields of Pact.
func (Pact) Fields() []ent.Field {
	return []ent.Field{
		field.String("name").NotEmpty().MaxLen(200).
			Comment("Name of the pact (denominazione del patto).").
			Annotations(ordered("NAME")),
		field.Time("signed_on").GoType(day).SchemaType(dateColumn).Annotations(dateScalar()).
			Comment("Date of signature (data di sottoscrizione).").
			Annotations(ordered("SIGNED_ON")),
		field.Text("description").Optional().
			Comment("Purpose and instruments of the pact (finalità e strumenti).").
			Annotations(limited(longText)),
		field.Text("text").Optional().
			Comment("The pact's text in force, as last amended; amendPact changes it (testo vigente).").
			Annotations(limited(longText), entgql.Skip(entgql.SkipWhereInput)),
	}
}

// Edges of Pact.
func (Pact) Edges() []ent.Edge {
	return []ent.Edge{
		edge.From("signatories", PactSignatory.Type).Ref("pact").
			Comment("The bodies that signed the pact, with their role and dates, past ones included (firmatari).").
			Annotations(entgql.RelayConnection()),
		edge.From("amendments", PactAmendment.Type).Ref("pact").
			Comment("The pact's amendments, oldest first (modifiche del patto)."),
	}
}

// Annotations of Pact.
func (Pact) Annotations() []schema.Annotation {
	return rootType("The territorial pact of reciprocity and its signatories (Patto territoriale di reciprocità).")
}

// TerritorialTable is a multi-professional territorial table (Tavolo
// territoriale). The API calls it Table, as its users do. Go keeps the
// longer name on purpose: ent generates a package named after each type,
// and in every package the constant Table (and the edges' XxxTable) names
// an SQL table; a type Table would read table.Table, casefile.TableTable,
// in the code that also builds SQL. API users never see SQL tables.
type TerritorialTable struct{ ent.Schema }

// Mixin of TerritorialTable.
func (TerritorialTable) Mixin() []ent.Mixin {
	return []ent.Mixin{gid.MixinWithPrefix("tab"), TimeMixin{}, signedIn(admin)}
}

// Fields of TerritorialTable.
func (TerritorialTable) Fields() []ent.Field {
	return []ent.Field{
		field.String("name").NotEmpty().MaxLen(200).Unique().
			Comment("Name of the table (denominazione del tavolo).").
			Annotations(ordered("NAME")),
		field.String("code").Match(tableCode).Unique().
			Comment("Three-letter code that prefixes the table's case codes, e.g. EMP (sigla).").
			Annotations(ordered("CODE")),
		field.Int("days_to_first_meeting").Default(60).Positive().
			Comment("Days allowed from referral to the first meeting with the person (giorni dalla segnalazione al primo colloquio)."),
		field.Int("days_to_plan").Default(120).Positive().
			Comment("Days allowed from the first meeting to the agreed plan (giorni dal primo colloquio al progetto)."),
		field.Bool("plan_needs_approval").Default(false).
			Comment("Whether a personal plan agreed by a case manager who is not the coordinator waits for the coordinator's approval (progetto soggetto ad approvazione); set by setTableApprovals.").
			Annotations(entgql.Skip(entgql.SkipMutationCreateInput, entgql.SkipMutationUpdateInput, entgql.SkipWhereInput)),
		field.Bool("closure_needs_approval").Default(true).
			Comment("Whether a closure proposed by a case manager who is not the coordinator waits for the coordinator's approval (chiusura soggetta ad approvazione); set by setTableApprovals.").
			Annotations(entgql.Skip(entgql.SkipMutationCreateInput, entgql.SkipMutationUpdateInput, entgql.SkipWhereInput)),
	}
}

// Edges of TerritorialTable.
func (TerritorialTable) Edges() []ent.Edge {
	return []ent.Edge{
		edge.To("municipalities", Municipality.Type).
			Comment("Municipalities the table covers (comuni di competenza).").
			Annotations(entgql.RelayConnection()),
		edge.To("coordinator", User.Type).Unique().
			Comment("The user who coordinates the table (coordinatore)."),
		edge.From("members", TableMembership.Type).Ref("table").
			Comment("Members of the table with their profession (componenti del tavolo).").
			Annotations(entgql.Skip(entgql.SkipMutationCreateInput, entgql.SkipMutationUpdateInput)).
			Annotations(entgql.RelayConnection()),
		edge.From("cases", CaseFile.Type).Ref("table").
			Comment("Cases referred to the table (casi del tavolo).").
			Annotations(entgql.RelayConnection(), entgql.Skip(entgql.SkipMutationCreateInput, entgql.SkipMutationUpdateInput)),
		edge.From("meetings", Meeting.Type).Ref("table").
			Comment("Meetings of the table (riunioni del tavolo).").
			Annotations(entgql.RelayConnection(), entgql.Skip(entgql.SkipMutationCreateInput, entgql.SkipMutationUpdateInput)),
		edge.From("directives", Directive.Type).Ref("tables").
			Comment("Directives addressed to this table (indirizzi ricevuti).").
			Annotations(entgql.Skip(entgql.SkipMutationCreateInput, entgql.SkipMutationUpdateInput)).
			Annotations(entgql.RelayConnection()),
		// The inverse makes objectives' tables many-to-many.
		edge.From("objectives", Objective.Type).Ref("tables").
			Comment("Objectives filtered to the table (obiettivi).").
			Annotations(entgql.Skip()),
	}
}

// Annotations of TerritorialTable.
func (TerritorialTable) Annotations() []schema.Annotation {
	return rootType("A multi-professional territorial table that takes charge of cases (Tavolo territoriale multiprofessionale).",
		editable(), entgql.Type("Table"), entgql.QueryField("tables"), entsql.Annotation{Table: "territorial_tables"})
}

// TableMembership is a user's place in a table (Componente del tavolo).
type TableMembership struct{ ent.Schema }

// Mixin of TableMembership.
func (TableMembership) Mixin() []ent.Mixin {
	return []ent.Mixin{gid.MixinWithPrefix("tmb"), TimeMixin{}, MembershipMixin{}, signedIn(admin)}
}

// Fields of TableMembership.
func (TableMembership) Fields() []ent.Field {
	return []ent.Field{
		field.Enum("profession").
			NamedValues(
				"SocialWorker", "SOCIAL_WORKER",
				"EmploymentOperator", "EMPLOYMENT_OPERATOR",
				"HealthProfessional", "HEALTH_PROFESSIONAL",
				"Psychologist", "PSYCHOLOGIST",
				"Educator", "EDUCATOR",
				"TrainingOperator", "TRAINING_OPERATOR",
				"UnionRepresentative", "UNION_REPRESENTATIVE",
				"EmployerRepresentative", "EMPLOYER_REPRESENTATIVE",
				"Volunteer", "VOLUNTEER",
				"Other", "OTHER",
			).
			Comment("Profession in the table (profilo professionale): assistente sociale, operatore del centro per l'impiego, professionista sanitario, psicologo, educatore, operatore della formazione, rappresentante sindacale, rappresentante datoriale, volontario, altro.").
			Annotations(ordered("PROFESSION")),
		field.Time("joined_on").GoType(day).SchemaType(dateColumn).Annotations(dateScalar()).
			Comment("Date the member joined the table (data di ingresso).").
			Annotations(ordered("JOINED_ON")),
	}
}

// Edges of TableMembership.
func (TableMembership) Edges() []ent.Edge {
	return []ent.Edge{
		edge.To("table", TerritorialTable.Type).Unique().Required().
			Comment("The table (tavolo)."),
		edge.To("user", User.Type).Unique().Required().
			Comment("The member (componente)."),
		edge.To("organization", Organization.Type).Unique().Required().
			Comment("The organisation the member represents in the table (ente di appartenenza)."),
	}
}

// Indexes of TableMembership: a user sits once in a table.
func (TableMembership) Indexes() []ent.Index {
	return []ent.Index{index.Edges("table", "user").Unique()}
}

// Annotations of TableMembership.
func (TableMembership) Annotations() []schema.Annotation {
	return nestedType("A user's membership of a table, with profession and organisation (Componente del tavolo).",
		entgql.Mutations(entgql.MutationCreate()))
}
