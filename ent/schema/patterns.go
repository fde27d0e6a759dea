package schema

import "regexp"

// Patterns checked by the schema's validators.
var (
	istatCode    = regexp.MustCompile(`^[0-9]{6}$`)
	provinceCode = regexp.MustCompile(`^[A-Z]{2}$`)
	tableCode    = regexp.MustCompile(`^[A-Z]{3}$`)
	caseCode     = regexp.MustCompile(`^[A-Z]{3}-[0-9]{4}-[0-9]{4,6}$`)
	emailAddress = regexp.MustCompile(`^[^@\s]+@[^@\s]+\.[^@\s]+$`)
	postalCode   = regexp.MustCompile(`^[0-9]{5}$`)
)
