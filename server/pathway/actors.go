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

// Actor is who may take a step on a case.
type Actor int

// The actors of the pathway.
const (
	Referrer         Actor = iota // an operator or coordinator of any organisation
	Coordinator                   // the coordinator of the case's table
	Receiver                      // the coordinator of the table a transfer goes to
	TransferParty                 // the sending or the receiving coordinator
	Member                        // a member of the case's table
	ManagerOrCoord                // the case manager or the table's coordinator
	MemberOrReferrer              // a member of the case's table or the referring operator
)

// CaseParties are the people and tables a case's rights depend on.
type CaseParties struct {
	Table             gid.ID
	TransferTo        gid.ID // empty unless a transfer is pending
	CaseManager       gid.ID
	ReferringOperator gid.ID
}

// MayAct reports whether the viewer is the actor of a step on a case. A
// read-only token acts for no one.
func MayAct(v *viewer.Viewer, who Actor, c CaseParties) bool {
	if v == nil || v.ReadOnly {
		return false
	}
	coordinates := slices.Contains(v.Coordinates, c.Table)
	member := slices.Contains(v.Tables, c.Table)
	receives := c.TransferTo != "" && slices.Contains(v.Coordinates, c.TransferTo)
	switch who {
	case Referrer:
		return v.Has(domain.RoleOperator) || v.Has(domain.RoleCoordinator)
	case Coordinator:
		return coordinates
	case Receiver:
		return receives
	case TransferParty:
		return receives || c.TransferTo != "" && coordinates
	case Member:
		return member || coordinates
	case ManagerOrCoord:
		return coordinates || c.CaseManager != "" && c.CaseManager == v.UserID
	case MemberOrReferrer:
		return member || coordinates || c.ReferringOperator != "" && c.ReferringOperator == v.UserID
	}
	return false
}

// String names the actor in a refusal.
func (a Actor) String() string {
	switch a {
	case Referrer:
		return "operators and coordinators"
	case Coordinator:
		return "the coordinator of the case's table"
	case Receiver:
		return "the coordinator of the table the case is being transferred to"
	case TransferParty:
		return "the coordinators of the tables of a pending transfer"
	case Member:
		return "members of the case's table"
	case ManagerOrCoord:
		return "the case manager or the coordinator of the case's table"
	case MemberOrReferrer:
		return "members of the case's table and the referring operator"
	}
	return "nobody"
}
