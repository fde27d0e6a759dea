package domain

import "slices"

// CaseTransitions are the moves of a case between statuses (DESIGN.md §3):
// referred, under assessment, in charge, monitoring, closed, declined. A
// closed case is not reopened in place: reopening starts a new case
// linked to it.
var CaseTransitions = map[string][]string{
	"REFERRED":         {"UNDER_ASSESSMENT", "DECLINED"},
	"UNDER_ASSESSMENT": {"IN_CHARGE", "DECLINED"},
	"IN_CHARGE":        {"MONITORING", "CLOSED"},
	"MONITORING":       {"CLOSED"},
}

// CanMove reports whether a case may go from one status to another.
func CanMove(from, to string) bool {
	return slices.Contains(CaseTransitions[from], to)
}

// OpenStatuses are the statuses of a case still being worked: a person
// has at most one case in them.
var OpenStatuses = []string{"REFERRED", "UNDER_ASSESSMENT", "IN_CHARGE", "MONITORING"}
