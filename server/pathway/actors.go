package pathway

import (
	"slices"

	"github.com/progetto-win/win/domain"
	"github.com/progetto-win/win/domain/gid"
	"github.com/progetto-win/win/domain/viewer"
)

// Who may take each step of the case pathway (docs/domain.md#the-case-pathway, #roles-and-rights). Case
// records are written only by the pathway's named actions, which ask
// MayAct before any write; ent's mutation policies refuse every other
// write of them.

// CaseParties are the people and tables a case's rights depend on.
type CaseParties struct {
	Table             gid.ID
	TransferTo        gid.ID // empty unless a transfer is pending
	CaseManager       gid.ID
	ReferringOperator gid.ID
}

// actors are what each actor of the pathway's table (domain.Actor)
// means: whether a viewer is that actor on a case, and how a refusal
// names them.
var actors = map[domain.Actor]struct {
	is   func(v *viewer.Viewer, c CaseParties) bool
	name string
}{
	domain.ActorReferrer: {
		func(v *viewer.Viewer, _ CaseParties) bool {
			return v.Has(domain.RoleOperator) || v.Has(domain.RoleCoordinator)
		},
		"operators and coordinators"},
	domain.ActorCoordinator: {coordinates, "the coordinator of the case's table"},
	domain.ActorReceiver:    {receives, "the coordinator of the table the case is being transferred to"},
	domain.ActorTransferParty: {
		func(v *viewer.Viewer, c CaseParties) bool {
			return receives(v, c) || c.TransferTo != "" && coordinates(v, c)
		},
		"the coordinators of the tables of a pending transfer"},
	domain.ActorMember: {
		func(v *viewer.Viewer, c CaseParties) bool { return member(v, c) || coordinates(v, c) },
		"members of the case's table"},
	domain.ActorManagerOrCoord: {
		func(v *viewer.Viewer, c CaseParties) bool {
			return coordinates(v, c) || c.CaseManager != "" && c.CaseManager == v.UserID
		},
		"the case manager or the coordinator of the case's table"},
	domain.ActorMemberOrReferrer: {
		func(v *viewer.Viewer, c CaseParties) bool {
			return member(v, c) || coordinates(v, c) || c.ReferringOperator != "" && c.ReferringOperator == v.UserID
		},
		"members of the case's table and the referring operator"},
}

func coordinates(v *viewer.Viewer, c CaseParties) bool {
	return slices.Contains(v.Coordinates, c.Table)
}
func member(v *viewer.Viewer, c CaseParties) bool { return slices.Contains(v.Tables, c.Table) }
func receives(v *viewer.Viewer, c CaseParties) bool {
	return c.TransferTo != "" && slices.Contains(v.Coordinates, c.TransferTo)
}

// MayAct reports whether the viewer is the actor of a step on a case. A
// read-only token acts for no one.
func MayAct(v *viewer.Viewer, who domain.Actor, c CaseParties) bool {
	a, ok := actors[who]
	return ok && v != nil && !v.ReadOnly && a.is(v, c)
}

// actorName names the actor in a refusal.
func actorName(who domain.Actor) string {
	if a, ok := actors[who]; ok {
		return a.name
	}
	return "nobody"
}
