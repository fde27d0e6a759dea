package domain

// DirectiveTransitions are the steps by which a table carries out a
// directive: from its acknowledgement, in progress, then implemented or
// not applicable, which are final.
var DirectiveTransitions = map[string][]string{
	"ACKNOWLEDGED": {"IN_PROGRESS", "IMPLEMENTED", "NOT_APPLICABLE"},
	"IN_PROGRESS":  {"IMPLEMENTED", "NOT_APPLICABLE"},
}

// DirectiveDone are the final steps of carrying out a directive.
var DirectiveDone = []string{"IMPLEMENTED", "NOT_APPLICABLE"}

// MinProtocolParties is how many parties must have signed a protocol
// before it is activated: an agreement has two sides at least.
const MinProtocolParties = 2
