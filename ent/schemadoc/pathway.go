package schemadoc

import (
	"entgo.io/ent/entc/gen"
	"github.com/vektah/gqlparser/v2/ast"

	"github.com/progetto-win/win/domain"
)

// OpenCaseStatus is an entgql schema hook that adds the enum
// OpenCaseStatus, the case statuses that count as open, from their one
// definition (domain.OpenCaseStatuses): no field returns it, it is there
// so that clients, the SPA's codegen among them, read the list from the
// schema instead of keeping a copy.
func OpenCaseStatus(_ *gen.Graph, s *ast.Schema) error {
	def := &ast.Definition{
		Kind:        ast.Enum,
		Name:        "OpenCaseStatus",
		Description: "The values of CaseStatus that count as open: a case not yet closed or declined. A person has at most one open case. No field returns this enum; it lists the open statuses for clients, e.g. for a filter `statusIn` (stati aperti).",
	}
	// Described as CaseStatus describes them (Describe runs first).
	described := map[string]string{}
	if all := s.Types["CaseStatus"]; all != nil {
		for _, v := range all.EnumValues {
			described[v.Name] = v.Description
		}
	}
	for _, st := range domain.OpenCaseStatuses {
		def.EnumValues = append(def.EnumValues, &ast.EnumValueDefinition{Name: string(st), Description: described[string(st)]})
	}
	s.Types[def.Name] = def
	return nil
}
