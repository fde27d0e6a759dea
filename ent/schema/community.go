package schema

import (
	"context"

	"entgo.io/contrib/entgql"
	"entgo.io/ent"
	"entgo.io/ent/schema"
	"entgo.io/ent/schema/edge"
	"entgo.io/ent/schema/field"
	"entgo.io/ent/schema/index"

	"github.com/progetto-win/win/domain/fault"
	"github.com/progetto-win/win/domain/gid"
	gen "github.com/progetto-win/win/ent"
	"github.com/progetto-win/win/ent/communityactivity"
	"github.com/progetto-win/win/ent/hook"
	"github.com/progetto-win/win/ent/schema/rule"
)

// CommunityActivity is something the network did for the community rather
// than for one person: a workshop of the community-welfare lab, an event,
// training for operators, an awareness campaign (Attività di comunità).
// It counts participants, never names them: the cultural value of the
// network, measured without personal data.
type CommunityActivity struct{ ent.Schema }

// Mixin of CommunityActivity.
func (CommunityActivity) Mixin() []ent.Mixin {
	return []ent.Mixin{gid.MixinWithPrefix("cac"), TimeMixin{}, signedIn(admin, steering)}
}

// Fields of CommunityActivity.
func (CommunityActivity) Fields() []ent.Field {
	return []ent.Field{
		field.String("title").NotEmpty().MaxLen(300).
			Comment("Title (titolo).").
			Annotations(ordered("TITLE")),
		field.Enum("kind").
			NamedValues("Workshop", "WORKSHOP", "Event", "EVENT", "OperatorTraining", "OPERATOR_TRAINING", "AwarenessCampaign", "AWARENESS_CAMPAIGN", "Other", "OTHER").
			Comment("Kind (tipo): laboratorio di welfare di comunità, evento, formazione degli operatori, campagna di sensibilizzazione, altro.").
			Annotations(ordered("KIND")),
		field.Time("held_on").GoType(day).SchemaType(dateColumn).Annotations(dateScalar()).
			Comment("Date it was held, or began (data).").
			Annotations(ordered("HELD_ON")),
		field.Int("participants").Range(0, 1_000_000).
			Comment("How many took part: a count, never who (partecipanti).").
			Annotations(ordered("PARTICIPANTS")),
		field.Enum("value_dimension").
			NamedValues("Economic", "ECONOMIC", "Social", "SOCIAL", "Cultural", "CULTURAL").
			Comment("The value of the pact it serves, as for outcomes (dimensione di valore): economico, sociale, culturale.").
			Annotations(ordered("VALUE_DIMENSION"), sharedEnum("OutcomeValueDimension")),
		field.Text("description").Optional().
			Comment("What was done, without identifying data of persons (descrizione).").
			Annotations(limited(shortText)),
	}
}

// Edges of CommunityActivity.
func (CommunityActivity) Edges() []ent.Edge {
	return []ent.Edge{
		edge.To("municipality", Municipality.Type).Unique().
			Comment("The municipality where it took place; null for one across the network (comune)."),
		edge.To("organizers", Organization.Type).
			Comment("The bodies that organised it, at least one (enti organizzatori).").
			Annotations(entgql.RelayConnection()),
		edge.To("protocol", Protocol.Type).Unique().
			Comment("The protocol under which it was done (protocollo collegato)."),
		edge.To("directive", Directive.Type).Unique().
			Comment("The committee's directive it carries out (indirizzo collegato)."),
	}
}

// Indexes of CommunityActivity.
func (CommunityActivity) Indexes() []ent.Index {
	return []ent.Index{index.Fields("held_on")}
}

// Hooks of CommunityActivity.
func (CommunityActivity) Hooks() []ent.Hook {
	return []ent.Hook{noTaxCodes("title", "title"), noTaxCodes("description", "description"), heldOnInPast, someOrganizer}
}

// Annotations of CommunityActivity.
func (CommunityActivity) Annotations() []schema.Annotation {
	return rootType("An activity of the network for the community, not for one person — a workshop, an event, training, a campaign — with its organisers and a count of participants (Attività di comunità).", editable())
}

// heldOnInPast records an activity once it is held.
var heldOnInPast = notInFuture("held_on", "heldOn", "record an activity once it is held")

// someOrganizer refuses an activity that no body organised: none named
// on creation, or the last one removed.
var someOrganizer = hook.On(func(next ent.Mutator) ent.Mutator {
	return hook.CommunityActivityFunc(func(ctx context.Context, m *gen.CommunityActivityMutation) (ent.Value, error) {
		refused := fault.Invalidf("organizerIDs", "name at least one body that organised it")
		if m.Op().Is(ent.OpCreate) {
			if len(m.OrganizersIDs()) == 0 {
				return nil, refused
			}
			return next.Mutate(ctx, m)
		}
		if len(m.RemovedOrganizersIDs()) == 0 && !m.OrganizersCleared() {
			return next.Mutate(ctx, m)
		}
		v, err := next.Mutate(ctx, m)
		if err != nil {
			return nil, err
		}
		// Counted after the change, inside its transaction: the edges
		// added and removed, whatever their order, leave one at least.
		id, _ := m.ID()
		n, err := m.Client().CommunityActivity.Query().Where(communityactivity.ID(id)).QueryOrganizers().Count(rule.SystemContext(ctx))
		if err != nil {
			return nil, err
		}
		if n == 0 {
			return nil, refused
		}
		return v, nil
	})
}, ent.OpCreate|ent.OpUpdateOne)
