package domain

import "io"

// Role is what a user may do in the network (ruolo).
type Role string

// The roles of docs/domain.md#roles-and-rights.
const (
	RoleAdmin       Role = "ADMIN"       // Amministratore
	RoleSteering    Role = "STEERING"    // Componente della cabina di regia
	RoleCoordinator Role = "COORDINATOR" // Coordinatore di tavolo
	RoleOperator    Role = "OPERATOR"    // Operatore
	RoleAnalyst     Role = "ANALYST"     // Analista
	RoleDPO         Role = "DPO"         // Responsabile della protezione dei dati
)

// Roles lists every role.
var Roles = []Role{RoleAdmin, RoleSteering, RoleCoordinator, RoleOperator, RoleAnalyst, RoleDPO}

// RoleLabels gives the Italian label of each role.
var RoleLabels = map[Role]string{
	RoleAdmin:       "Amministratore",
	RoleSteering:    "Cabina di regia",
	RoleCoordinator: "Coordinatore di tavolo",
	RoleOperator:    "Operatore",
	RoleAnalyst:     "Analista",
	RoleDPO:         "Responsabile della protezione dei dati",
}

// Values implements ent's EnumValues.
func (Role) Values() []string { return StringsOf(Roles) }

// MarshalGQL implements graphql.Marshaler.
func (r Role) MarshalGQL(w io.Writer) { MarshalEnum(w, r) }

// UnmarshalGQL implements graphql.Unmarshaler.
func (r *Role) UnmarshalGQL(v any) (err error) {
	*r, err = UnmarshalEnum(v, Roles, "Role")
	return err
}
