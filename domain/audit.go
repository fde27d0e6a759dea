package domain

// AuditAction is what an audit event says was done (azione): the value of
// AuditEvent.action. AuditActions lists every action the server records;
// the GraphQL enum AuditAction is generated from it (ent/schemadoc), the
// web app labels each value, and a test of the module (audit_test.go)
// fails when code records an action that is not in the list.
type AuditAction string

// AuditActions lists every action the server records, grouped by what
// records it.
var AuditActions = func() []AuditAction {
	out := []AuditAction{
		// Accounts, sessions and tokens (server/auth).
		"LOGIN", "LOGIN_ATTEMPT", "LOGIN_FAILED", "LOGIN_THROTTLED", "LOGOUT",
		"PASSWORD_SET", "PASSWORD_CHANGED", "TOKEN_CREATED", "TOKEN_USED", "TOKEN_REVOKED",
		"PASSWORD_RESET_REQUESTED", "PASSWORD_RESET", "USER_INVITED",
		// Any change a viewer makes, by the type of the object (ent/audit).
		"CREATE", "UPDATE", "DELETE",
		// Identities: read, matched, linked to a case, and a person's rights.
		"READ_IDENTITY", "MATCH_PERSON", "LINK_PERSON",
		"EXPORT_PERSON", "ACCESS_REPORT", "ERASE_IDENTITY", "RETENTION_ERASE",
		// Each run of the retention rule, with how many identities it
		// erased, so that the privacy desk shows the last one.
		"RETENTION_RUN",
		// Two records of one person merged, and a merge undone
		// (server/pathway/merge.go).
		"MERGE_PERSONS", "UNDO_PERSON_MERGE",
		// The bases of the uses of a person's data (server/pathway/consent.go).
		"RECORD_CONSENT", "WITHDRAW_CONSENT",
		// A partner organisation's answers to service requests, and each
		// read of the contact data a request shares (server/pathway/request.go).
		"ACCEPT_SERVICE_REQUEST", "DECLINE_SERVICE_REQUEST", "COMPLETE_SERVICE_REQUEST", "READ_SHARED_CONTACT",
		// A proposal of a plan or a closure for the coordinator's approval
		// (server/pathway/approval.go); the answers are steps.
		"PROPOSE_PLAN", "PROPOSE_CLOSURE",
		// Documents attached to records (server/document): each download
		// is audited as a read.
		"ATTACH_DOCUMENT", "REMOVE_DOCUMENT", "DOWNLOAD_DOCUMENT",
		// An existing caseload imported from a spreadsheet: each record
		// created, with the file's SHA-256 (server/caseimport).
		"IMPORT_CASES",
		// Cases: referral and search; the steps of the pathway follow.
		"REFER_CASE", "SEARCH_CASES",
	}
	for _, a := range CaseActions {
		out = append(out, AuditAction(a))
	}
	return append(out,
		// Governance: tables, protocols, directives, meetings.
		"SET_TABLE_TIME_LIMITS", "SET_TABLE_APPROVALS",
		"ACTIVATE_PROTOCOL", "TERMINATE_PROTOCOL", "ADD_PROTOCOL_PARTY",
		"ADD_PROTOCOL_COMMITMENT", "FULFIL_PROTOCOL_COMMITMENT", "DROP_PROTOCOL_COMMITMENT",
		"AMEND_FUND", "CLOSE_FUND",
		"SIGN_PROTOCOL_PARTY",
		"ISSUE_DIRECTIVE", "ACKNOWLEDGE_DIRECTIVE", "RECORD_DIRECTIVE_PROGRESS", "RECORD_MEETING",
		// The pact and the committee's seats (server/governance/pact.go).
		"ADD_PACT_SIGNATORY", "END_PACT_SIGNATORY", "AMEND_PACT", "ADD_COMMITTEE_MEMBER", "END_COMMITTEE_MEMBER",
		// Indicators and exports: an indicator's CSV; the case list's CSV
		// (server/web/caselist_export.go), once per download with its
		// filter and number of cases, never which (each identity it
		// writes is a READ_IDENTITY).
		"EXPORT_INDICATOR", "EXPORT_CASES",
		// Webhooks of partners' programs (server/webhook).
		"CREATE_WEBHOOK", "UPDATE_WEBHOOK", "DELETE_WEBHOOK", "REDELIVER_WEBHOOK",
	)
}()

// AuditEntityType is the type of the object an audit event concerns
// (tipo di oggetto): the value of AuditEvent.entityType, the API's name
// of an ent type (Case, not CaseFile) or one of
// AuditEntityTypesOutsideEnt. The GraphQL enum AuditEntityType is
// generated from the ent types and that list (ent/schemadoc).
type AuditEntityType string

// AuditEntityTypesOutsideEnt are the objects of audit events that are no
// ent type: a sign-in attempt on an account (the e-mail address as
// typed, hashed) and an indicator (its name).
var AuditEntityTypesOutsideEnt = []AuditEntityType{"Login", "Indicator"}
