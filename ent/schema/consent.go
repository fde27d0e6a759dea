package schema

import (
	"context"
	"fmt"
	"strings"

	"entgo.io/contrib/entgql"
	"entgo.io/ent"
	"entgo.io/ent/schema"
	"entgo.io/ent/schema/edge"
	"entgo.io/ent/schema/field"
	"entgo.io/ent/schema/index"

	"github.com/progetto-win/win/domain/fault"
	"github.com/progetto-win/win/domain/gid"
	"github.com/progetto-win/win/ent/schema/rule"
)

// Consent records the basis of one use of a person's data, for one
// purpose (Base del trattamento): the person's consent, or the law under
// which the social services act. A table records it, and withdraws it;
// the steps that use the data for that purpose need one in force.
type Consent struct{ ent.Schema }

// Mixin of Consent: read with the person's cases, written only by
// recordConsent and withdrawConsent.
func (Consent) Mixin() []ent.Mixin {
	return []ent.Mixin{gid.MixinWithPrefix("cns"), TimeMixin{}, CaseMixin{}, signedIn()}
}

// Fields of Consent.
func (Consent) Fields() []ent.Field {
	return []ent.Field{
		field.Enum("purpose").Values("PROCESSING", "SHARING", "FOLLOW_UP", "CONTACT").Immutable().
			Comment("The use of the data it covers (finalità): PROCESSING by the table, SHARING with a named organisation, FOLLOW_UP contact six months after an employment outcome, CONTACT by e-mail or telephone.").
			Annotations(sharedEnum("ConsentPurpose")),
		field.Enum("basis").Values("CONSENT", "LEGAL_BASIS").Immutable().
			Comment("CONSENT: the person consented; LEGAL_BASIS: the law under which the social services act (base giuridica).").
			Annotations(sharedEnum("ConsentBasis")),
		field.String("legal_reference").Optional().MaxLen(200).Immutable().
			Comment("For a legal basis, the law, e.g. L. 328/2000, art. 22 (riferimento normativo).").
			Annotations(personal(200)...),
		field.String("form_reference").Optional().MaxLen(200).Immutable().
			Comment("The signed form, e.g. its protocol number (riferimento del modulo).").
			Annotations(personal(200)...),
		field.Time("given_on").GoType(day).SchemaType(dateColumn).Annotations(dateScalar()).Immutable().
			Comment("The day the consent was given, or the basis established (data).").
			Annotations(ordered("GIVEN_ON")),
		field.Time("withdrawn_on").GoType(day).SchemaType(dateColumn).Annotations(dateScalar()).Optional().Nillable().
			Comment("The day it was withdrawn; null while in force (revocato il).").
			Annotations(ordered("WITHDRAWN_ON")),
		field.Text("withdrawal_reason").Optional().
			Comment("Why it was withdrawn (motivo della revoca).").
			Annotations(personal(shortText)...),
	}
}

// Interceptors of Consent: in a stable order (rule.ConsentsInOrder).
func (Consent) Interceptors() []ent.Interceptor {
	return []ent.Interceptor{rule.ConsentsInOrder()}
}

// Edges of Consent.
func (Consent) Edges() []ent.Edge {
	return []ent.Edge{
		edge.From("person", Person.Type).Ref("consents").Unique().Required().
			Comment("The person whose data it concerns; changed only by merging two records of one person (persona).").
			Annotations(entgql.Skip(entgql.SkipWhereInput)),
		edge.To("organization", Organization.Type).Unique().Immutable().
			Comment("For SHARING, the organisation the data may be shared with (ente destinatario).").
			Annotations(entgql.Skip(entgql.SkipWhereInput)),
		edge.To("table", TerritorialTable.Type).Unique().Required().Immutable().
			Comment("The table that recorded it (tavolo)."),
		edge.To("recorded_by", User.Type).Unique().Required().Immutable().
			Comment("Who recorded it (registrato da)."),
		edge.To("withdrawn_by", User.Type).Unique().
			Comment("Who recorded its withdrawal (revocato da)."),
		edge.From("documents", Document.Type).Ref("consent").
			Comment("The signed consent form (modulo firmato).").
			Annotations(entgql.Skip(entgql.SkipMutationCreateInput, entgql.SkipMutationUpdateInput, entgql.SkipWhereInput)).
			Annotations(entgql.RelayConnection()),
	}
}

// Indexes of Consent: the bases in force of a person, by purpose.
func (Consent) Indexes() []ent.Index {
	return []ent.Index{index.Edges("person").Fields("purpose", "withdrawn_on")}
}

// Hooks of Consent.
func (Consent) Hooks() []ent.Hook {
	return []ent.Hook{consentShape}
}

// Annotations of Consent.
func (Consent) Annotations() []schema.Annotation {
	return nestedType("The basis of one use of a person's data, for one purpose: consent or legal basis, in force until withdrawn (Base del trattamento).",
		entgql.Skip(entgql.SkipWhereInput)) // no list of bases to filter: read with the person
}

// consentShape checks what a basis must name: the organisation of a
// SHARING basis (and no other), the law of a LEGAL_BASIS.
func consentShape(next ent.Mutator) ent.Mutator {
	return ent.MutateFunc(func(ctx context.Context, m ent.Mutation) (ent.Value, error) {
		if m.Op().Is(ent.OpCreate) {
			purpose, _ := m.Field("purpose")
			basis, _ := m.Field("basis")
			law, _ := m.Field("legal_reference")
			reference, _ := law.(string)
			sharing, named := fmt.Sprint(purpose) == "SHARING", len(m.AddedIDs("organization")) > 0
			switch {
			case sharing && !named:
				return nil, fault.Invalidf("organizationID", "is required: a SHARING basis names the organisation the data may be shared with")
			case !sharing && named:
				return nil, fault.Invalidf("organizationID", "names the organisation of a SHARING basis only")
			case fmt.Sprint(basis) == "LEGAL_BASIS" && strings.TrimSpace(reference) == "":
				return nil, fault.Invalidf("legalReference", "is required for a legal basis: name the law, e.g. L. 328/2000, art. 22")
			}
		}
		return next.Mutate(ctx, m)
	})
}
