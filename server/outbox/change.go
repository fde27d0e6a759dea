package outbox

import (
	"github.com/progetto-win/win/domain"
	"github.com/progetto-win/win/ent"
)

// CaseChange is a committed change of a case, as a live update tells it
// (GraphQL CaseChange).
type CaseChange struct {
	Case     *ent.CaseFile     `json:"case"`
	Version  int               `json:"version"`
	Kind     *domain.EventKind `json:"kind"`
	ByViewer bool              `json:"byViewer"`
}
