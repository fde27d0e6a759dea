package schema

import (
	"entgo.io/contrib/entgql"
	"entgo.io/ent"
	"entgo.io/ent/schema"
	"entgo.io/ent/schema/edge"
	"entgo.io/ent/schema/field"
	"entgo.io/ent/schema/index"
	"entgo.io/ent/schema/mixin"

	"github.com/progetto-win/win/domain/gid"
	"github.com/progetto-win/win/ent/privacy"
	"github.com/progetto-win/win/ent/schema/rule"
)

// Document is a file attached to a case, a monitoring meeting, a protocol
// commitment, a meeting or a consent record (Documento allegato): a signed
// plan, a consent form, evidence, minutes. It is read by whoever reads the
// object it is attached to — identity documents and consent forms only by
// whoever reads the person's identity (rule.ScopeDocuments) — and written
// only by server/document, which keeps its bytes behind one store.
type Document struct{ ent.Schema }

// Mixin of Document.
func (Document) Mixin() []ent.Mixin {
	return []ent.Mixin{gid.MixinWithPrefix("doc"), TimeMixin{}, DocumentMixin{}, signedIn()}
}

// documentKinds are the kinds of document, by the object they go with
// (document.Kinds says which).
var documentKinds = []string{"SIGNED_PLAN", "CONSENT_FORM", "IDENTITY_DOCUMENT", "EVIDENCE", "MINUTES", "OTHER"}

// Fields of Document.
func (Document) Fields() []ent.Field {
	return []ent.Field{
		field.Enum("kind").Values(documentKinds...).Immutable().
			Comment("What the document is (tipo): SIGNED_PLAN, the personal plan signed by the person; CONSENT_FORM; IDENTITY_DOCUMENT; EVIDENCE, e.g. of a commitment fulfilled; MINUTES of a meeting; OTHER.").
			Annotations(ordered("KIND")),
		field.String("file_name").NotEmpty().MaxLen(255).Immutable().
			Comment("The file's name as it was uploaded (nome del file)."),
		field.String("media_type").NotEmpty().MaxLen(200).Immutable().
			Comment("The file's type, as found in its content, not its name (tipo di file), e.g. application/pdf."),
		field.Int64("size").NonNegative().Immutable().
			Comment("The file's size in bytes (dimensione).").
			Annotations(entgql.Type("Int")),
		field.String("sha256").NotEmpty().MaxLen(64).Immutable().
			Comment("The SHA-256 of the file's content, in hexadecimal: the same file twice on one object is refused (impronta)."),
		field.Time("removed_at").Optional().Nillable().
			Comment("When it was removed; its record stays, its content is erased (rimosso il).").
			Annotations(entgql.Skip(entgql.SkipMutationCreateInput, entgql.SkipMutationUpdateInput)),
		field.Text("removal_reason").Optional().
			Comment("Why it was removed (motivo della rimozione).").
			Annotations(limited(shortText)),
		field.Time("erased_at").Optional().Nillable().
			Comment("When its content was erased — removed, the person's identity erased, or at retention; it cannot be downloaded since (contenuto cancellato il).").
			Annotations(entgql.Skip(entgql.SkipMutationCreateInput, entgql.SkipMutationUpdateInput)),
	}
}

// Edges of Document: exactly one of the objects it is attached to.
func (Document) Edges() []ent.Edge {
	return []ent.Edge{
		edge.To("case", CaseFile.Type).Unique().Immutable().
			Comment("The case it is attached to (caso)."),
		edge.To("monitoring_meeting", MonitoringMeeting.Type).Unique().Immutable().
			Comment("The monitoring meeting it is attached to (incontro di monitoraggio)."),
		edge.To("commitment", ProtocolCommitment.Type).Unique().Immutable().
			Comment("The protocol commitment it is evidence of (impegno del protocollo)."),
		edge.To("meeting", Meeting.Type).Unique().Immutable().
			Comment("The meeting whose minutes it is (riunione)."),
		edge.To("directive_progress", DirectiveAcknowledgement.Type).Unique().Immutable().
			Comment("The table's implementation of a directive it shows (attuazione di un indirizzo)."),
		edge.To("consent", Consent.Type).Unique().Immutable().
			Comment("The consent record whose signed form it is (consenso)."),
		edge.To("uploaded_by", User.Type).Unique().Immutable().
			Comment("Who uploaded it; null for those who may not read the account (caricato da)."),
		edge.To("removed_by", User.Type).Unique().
			Comment("Who removed it (rimosso da)."),
	}
}

// Indexes of Document: an object's documents; one file's copies.
func (Document) Indexes() []ent.Index {
	return []ent.Index{
		index.Edges("case"), index.Edges("monitoring_meeting"), index.Edges("commitment"),
		index.Edges("meeting"), index.Edges("consent"), index.Fields("sha256"),
	}
}

// Annotations of Document: read with the object it is attached to, never
// filtered through (no where input).
func (Document) Annotations() []schema.Annotation {
	return nestedType("A file attached to a case, a monitoring meeting, a protocol commitment, a meeting or a consent record, downloaded at its own address (Documento allegato).",
		entgql.Skip(entgql.SkipWhereInput))
}

// DocumentContent holds a document's bytes when the database stores them
// (the default): in a table of their own, so that reading documents never
// reads their content. Only server/document reads and writes it.
type DocumentContent struct{ ent.Schema }

// Mixin of DocumentContent.
func (DocumentContent) Mixin() []ent.Mixin {
	return []ent.Mixin{gid.MixinWithPrefix("dcb")}
}

// Fields of DocumentContent.
func (DocumentContent) Fields() []ent.Field {
	return []ent.Field{
		field.String("document_id").GoType(gid.ID("")).Unique().Immutable().
			Comment("The document whose bytes these are."),
		field.Bytes("data").Immutable().Sensitive().
			Comment("The file's bytes."),
	}
}

// Edges of DocumentContent.
func (DocumentContent) Edges() []ent.Edge {
	return []ent.Edge{
		edge.To("document", Document.Type).Field("document_id").Unique().Required().Immutable().
			Comment("The document whose bytes these are."),
	}
}

// Indexes of DocumentContent: one content per document, found by it.
func (DocumentContent) Indexes() []ent.Index {
	return []ent.Index{index.Fields("document_id").Unique()}
}

// Policy of DocumentContent: the system's work only.
func (DocumentContent) Policy() ent.Policy {
	return privacy.Policy{
		Query:    privacy.QueryPolicy{privacy.AlwaysDenyRule()},
		Mutation: privacy.MutationPolicy{privacy.AlwaysDenyRule()},
	}
}

// Annotations of DocumentContent: not in the API.
func (DocumentContent) Annotations() []schema.Annotation {
	return []schema.Annotation{schema.Comment("A document's bytes, when the database stores them."), entgql.Skip()}
}

// DocumentMixin scopes reads of documents to those of the objects the
// viewer reads (rule.ScopeDocuments); its rule runs before AccessMixin's.
type DocumentMixin struct{ mixin.Schema }

// Policy of DocumentMixin.
func (DocumentMixin) Policy() ent.Policy {
	return privacy.Policy{Query: privacy.QueryPolicy{rule.DenyIfNoViewer(), rule.ScopeDocuments()}}
}
