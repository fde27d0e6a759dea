package domain

import "slices"

// CaseTransitions are the moves of a case between statuses (docs/domain.md#the-case-pathway):
// referred, under assessment, in charge, monitoring, closed, declined. A
// closed case is not reopened in place: reopening starts a new case
// linked to it.
var CaseTransitions = map[string][]string{
	"REFERRED":         {"UNDER_ASSESSMENT", "DECLINED"},
	"UNDER_ASSESSMENT": {"IN_CHARGE", "DECLINED"},
	"IN_CHARGE":        {"MONITORING", "CLOSED"},
	"MONITORING":       {"CLOSED"},
}

// CanMove reports whether a move between statuses is one of the
// transitions.
func CanMove(transitions map[string][]string, from, to string) bool {
	return slices.Contains(transitions[from], to)
}

// InterventionTransitions are the moves of an intervention between
// statuses: planned, ongoing, completed, interrupted. A completed or
// interrupted intervention stays so.
var InterventionTransitions = map[string][]string{
	"PLANNED": {"ONGOING", "COMPLETED", "INTERRUPTED"},
	"ONGOING": {"COMPLETED", "INTERRUPTED"},
}

// InternshipMonths is the longest an inclusion internship runs: 24
// months, extendable by 12 (Regione Toscana, tirocini di inclusione).
const InternshipMonths = 36
