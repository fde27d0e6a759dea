package schemadoc

import (
	"fmt"

	"entgo.io/ent/entc/gen"
	"github.com/vektah/gqlparser/v2/ast"

	"github.com/progetto-win/win/domain"
)

// notAudited are the ent types no audit event is about: the log does
// not record its own events.
var notAudited = map[string]bool{"AuditEvent": true}

// AuditVocabulary is an entgql schema hook that adds the enums AuditAction
// and AuditEntityType: the values AuditEvent.action and
// AuditEvent.entityType take, for clients to label and filter them. It
// runs before Describe, which describes the actions in words.
func AuditVocabulary(g *gen.Graph, s *ast.Schema) error {
	actions := &ast.Definition{
		Kind: ast.Enum,
		Name: "AuditAction",
		Description: "The values AuditEvent.action takes: every action the server records (azioni del registro). " +
			"No field returns this enum, so that an event an older version recorded keeps its action; " +
			"filters take the values as strings, e.g. `actionIn`.",
	}
	for _, a := range domain.AuditActions {
		actions.EnumValues = append(actions.EnumValues, &ast.EnumValueDefinition{Name: string(a)})
	}
	types := &ast.Definition{
		Kind: ast.Enum,
		Name: "AuditEntityType",
		Description: "The values AuditEvent.entityType takes: the API's name of every type of object an event can concern " +
			"(tipi di oggetto del registro). No field returns this enum; filters take the values as strings, e.g. `entityType`.",
	}
	for _, n := range g.Nodes {
		if notAudited[n.Name] {
			continue
		}
		name := graphQLName(n)
		types.EnumValues = append(types.EnumValues, &ast.EnumValueDefinition{
			Name:        name,
			Description: fmt.Sprintf("An object of type %s.", name),
		})
	}
	outside := map[domain.AuditEntityType]string{
		"Login":     "A sign-in attempt on an account; the object's ID is a hash of the e-mail address typed, not the address.",
		"Indicator": "An indicator; the object's ID is its name.",
	}
	for _, t := range domain.AuditEntityTypesOutsideEnt {
		if _, ok := s.Types[string(t)]; ok {
			return fmt.Errorf("audit entity type %s is also a type of the schema", t)
		}
		types.EnumValues = append(types.EnumValues, &ast.EnumValueDefinition{Name: string(t), Description: outside[t]})
	}
	for _, def := range []*ast.Definition{actions, types} {
		if _, ok := s.Types[def.Name]; ok {
			return fmt.Errorf("the schema already has a type %s", def.Name)
		}
		s.Types[def.Name] = def
	}
	return nil
}
