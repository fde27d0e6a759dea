package web_test

import (
	"context"
	"encoding/json"
	"fmt"
	"regexp"
	"slices"
	"strings"
	"testing"

	"github.com/vektah/gqlparser/v2/ast"

	"github.com/progetto-win/win/domain/gid"
	"github.com/progetto-win/win/ent/schema/rule"
	"github.com/progetto-win/win/ent/user"
	"github.com/progetto-win/win/graph"
	"github.com/progetto-win/win/server/demo"
	"github.com/progetto-win/win/server/store"
	"github.com/progetto-win/win/server/store/storetest"
	"github.com/progetto-win/win/server/web"
	"github.com/progetto-win/win/server/webtest"
)

// The roles of the matrix: each demo account, and nobody signed in.
const (
	anon        = webtest.Anonymous
	admin       = webtest.Admin
	steering    = webtest.Steering
	coordinator = webtest.Coordinator
	operator    = webtest.Operator
	vinci       = webtest.Vinci
	analyst     = webtest.Analyst
	partner     = webtest.Partner
	dpo         = webtest.DPO
)

var matrixRoles = webtest.Roles

// allow lists the roles that may read one object of each type by
// node(id:): an object of the Empoli table for the case family, the
// identity of a person with an open Empoli case, the coordinator's own
// session and token. Every Node type of the schema must be listed.
var readers = map[string][]string{
	"Municipality": {anon, admin, steering, coordinator, operator, vinci, analyst, partner, dpo},
	"Organization": {anon, admin, steering, coordinator, operator, vinci, analyst, partner, dpo},
	// The network's reference and governance data: every signed-in user;
	// a coordinator's account too, a contact point of the network.
	"Pact": signedInRoles, "Table": signedInRoles, "User": signedInRoles,
	"Fund": signedInRoles, "FundAmendment": signedInRoles, "Protocol": signedInRoles, "ProtocolParty": signedInRoles, "ProtocolCommitment": signedInRoles,
	"Directive": signedInRoles, "Objective": signedInRoles, "DirectiveAcknowledgement": signedInRoles,
	"PactSignatory": signedInRoles, "PactAmendment": signedInRoles, "CommitteeMember": signedInRoles, "CommunityActivity": signedInRoles,
	// The committee's meetings and decisions: every signed-in user (a
	// table's: that table and the committee, see TestTableMeetingsStayWithTheTable).
	"Meeting": signedInRoles, "Decision": signedInRoles,
	// A place at the Empoli table: that table and the administrators.
	"TableMembership": {admin, coordinator, operator},
	// Cases: their tables, and pseudonymised for the committee and analysts.
	"Case": caseReaders, "CaseEvent": caseReaders, "Plan": caseReaders, "Goal": caseReaders, "Commitment": caseReaders,
	"Intervention": caseReaders, "Outcome": caseReaders, "Person": caseReaders,
	"Assessment": caseReaders, "MonitoringMeeting": caseReaders, "MonitoringItem": caseReaders, "Consent": caseReaders,
	"Approval": caseReaders,
	// A request of the Empoli table to the partner's cooperative: whoever
	// reads the case, and the cooperative's operator, who reads nothing
	// else of it (TestPartnerReadsTheRequestAndNothingElse).
	"ServiceRequest": append(slices.Clone(caseReaders), partner),
	// A signed plan of an Empoli case: that table, never the committee
	// and analysts, who read cases pseudonymised (TestDocumentsReadLikeTheirObject).
	"Document":       {coordinator, operator},
	"PersonIdentity": {coordinator, operator},
	"AuditEvent":     {admin},
	"OutgoingMail":   {admin},
	"Session":        {coordinator},
	"ApiToken":       {coordinator},
	// What concerns one user: the coordinator's notification, webhook
	// and its delivery.
	"Notification": {coordinator}, "Webhook": {coordinator}, "WebhookDelivery": {coordinator},
}

// adminLists are the root lists only administrators may read.
var adminLists = []string{"AuditEvent", "OutgoingMail"}

var (
	signedInRoles = []string{admin, steering, coordinator, operator, vinci, analyst, partner, dpo}
	caseReaders   = []string{steering, coordinator, operator, analyst}
)

// writers lists, for every mutation of the schema, who may run it, and a
// request that each role sends: an allowed one fails validation
// (BAD_USER_INPUT) or succeeds, a forbidden one is refused before.
var writers = map[string]struct {
	roles []string
	query string
}{
	"createMunicipality": {[]string{admin}, `mutation { createMunicipality(input: {name: "", istatCode: "x", population: -1}) { id } }`},
	"updateMunicipality": {[]string{admin}, `mutation($id: ID!) { updateMunicipality(id: $id, input: {istatCode: "x"}) { id } }`},
	"createOrganization": {[]string{admin}, `mutation { createOrganization(input: {name: "", kind: OTHER}) { id } }`},
	"updateOrganization": {[]string{admin}, `mutation($id: ID!) { updateOrganization(id: $id, input: {name: ""}) { id } }`},
	"createTable":        {[]string{admin}, `mutation { createTable(input: {name: "", code: "x"}) { id } }`},
	"updateTable":        {[]string{admin}, `mutation($id: ID!) { updateTable(id: $id, input: {code: "x"}) { id } }`},
	"createProtocol":     {[]string{admin, steering}, `mutation { createProtocol(input: {title: ""}) { id } }`},
	"updateProtocol":     {[]string{admin, steering}, `mutation($id: ID!) { updateProtocol(id: $id, input: {title: ""}) { id } }`},
	"createFund":         {[]string{admin, steering}, `mutation($m: ID!, $o: ID!) { createFund(input: {name: "", year: 1, allocatedCents: -1, ownerID: $o, municipalityID: $m}) { id } }`},
	"updateFund":         {[]string{admin, steering}, `mutation($id: ID!) { updateFund(id: $id, input: {year: 1}) { id } }`},
	"amendFund":          {[]string{admin, steering}, `mutation($fund: ID!) { amendFund(id: $fund, allocatedCents: -1, reason: "") { id } }`},
	"closeFund":          {[]string{admin, steering}, `mutation($fund: ID!) { closeFund(id: $fund, reason: "") { id } }`},
	// The pact, the committee's seats and community activities: the
	// committee's and the administrators'.
	"addPactSignatory": {[]string{admin, steering}, `mutation($pact: ID!, $o: ID!) { addPactSignatory(pactID: $pact, input: {organizationID: $o,
		role: ADHERENT, joinedOn: "2026-01-01", signerName: ""}) { id } }`},
	"endPactSignatory":   {[]string{admin, steering}, `mutation($signatory: ID!) { endPactSignatory(id: $signatory, leftOn: "2026-01-01", reason: "") { id } }`},
	"amendPact":          {[]string{admin, steering}, `mutation($pact: ID!) { amendPact(id: $pact, input: {amendedOn: "2026-01-01", summary: ""}) { id } }`},
	"addCommitteeMember": {[]string{admin, steering}, `mutation($o: ID!) { addCommitteeMember(input: {organizationID: $o, role: MEMBER, fromOn: "2999-01-01"}) { id } }`},
	"endCommitteeMember": {[]string{admin, steering}, `mutation($seat: ID!) { endCommitteeMember(id: $seat, untilOn: "1999-01-01") { id } }`},
	"createCommunityActivity": {[]string{admin, steering}, `mutation($o: ID!) { createCommunityActivity(input: {title: "", kind: EVENT, heldOn: "2026-01-01",
		participants: -1, valueDimension: SOCIAL, organizerIDs: [$o]}) { id } }`},
	"updateCommunityActivity": {[]string{admin, steering}, `mutation($id: ID!) { updateCommunityActivity(id: $id, input: {participants: -1}) { id } }`},
	"signProtocolParty":       {[]string{admin, steering}, `mutation($party: ID!) { signProtocolParty(id: $party, signedOn: "2999-01-01", signerName: "") { id } }`},
	// Users are the administrator's; table members also the coordinator's
	// (the Empoli operator is already a member: CONFLICT, an allowed
	// outcome; nobody may seat themselves).
	"createUser":      {[]string{admin}, `mutation($o: ID!) { createUser(input: {email: "x", name: "", organizationID: $o}) { id } }`},
	"updateUser":      {[]string{admin}, `mutation($id: ID!) { updateUser(id: $id, input: {email: "x"}) { id } }`},
	"setUserPassword": {[]string{admin}, `mutation { setUserPassword(id: "usr_unknown", password: "short") }`},
	"addTableMember": {[]string{admin, coordinator}, `mutation($t: ID!, $member: ID!, $o: ID!) { addTableMember(input: {tableID: $t, userID: $member,
		organizationID: $o, profession: OTHER, joinedOn: "2026-01-01"}) { id } }`},
	"removeTableMember": {[]string{admin}, `mutation { removeTableMember(id: "tmb_unknown") }`},
	// Data-subject rights are the administrator's and the
	// data-protection officer's.
	"erasePersonIdentity": {[]string{admin, dpo}, `mutation { erasePersonIdentity(personID: "per_unknown") { id } }`},
	// The viewer's own account: anyone signed in (a wrong current password
	// or an unknown token is bad input); sign-in itself is open to all.
	"login":          {matrixRoles, `mutation { login(input: {email: "nobody@demo.example", password: "x"}) { viewer { id } } }`},
	"logout":         {[]string{}, `mutation { logout }`}, // tried last: see below
	"endSession":     {signedInRoles, `mutation { endSession(id: "ses_unknown") }`},
	"createApiToken": {signedInRoles, `mutation { createApiToken(input: {name: "m", scope: READ, expiresAt: "2000-01-01T00:00:00Z"}) { token } }`},
	"revokeApiToken": {signedInRoles, `mutation { revokeApiToken(id: "tok_unknown") { id } }`},
	"changePassword": {signedInRoles, `mutation { changePassword(input: {currentPassword: "wrong", newPassword: "x", revokeApiTokens: false}) }`},
	// The notification centre: the viewer's own notifications and choices
	// (another's notification is NOT_FOUND; a kind told to programs only
	// is bad input).
	"markNotificationRead":     {signedInRoles, `mutation { markNotificationRead(id: "ntf_unknown") { id } }`},
	"markAllNotificationsRead": {signedInRoles, `mutation { markAllNotificationsRead }`},
	"setNotificationDelivery":  {signedInRoles, `mutation { setNotificationDelivery(kind: CASE_CHANGED, delivery: EMAIL) { kind } }`},
	"setLanguage":              {signedInRoles, `mutation { setLanguage(language: IT) { id } }`},
	// A forgotten password: open to all, like sign-in (an unknown link is
	// bad input); invitations are the administrator's.
	"requestPasswordReset": {matrixRoles, `mutation { requestPasswordReset(email: "nobody@demo.example") }`},
	"resetPassword":        {matrixRoles, `mutation { resetPassword(token: "unknown", password: "x") }`},
	"inviteUser":           {[]string{admin}, `mutation { inviteUser(id: "usr_unknown") }`},
	// The pathway, on an Empoli case in charge that the demo operator does
	// not manage: allowed roles get past the rights to the stale version
	// (CONFLICT) or to bad input, and nothing changes.
	"referCase":                   {[]string{coordinator, operator, vinci, partner}, `mutation($t: ID!) { referCase(input: {tableID: $t, reason: "", needAreas: [], channel: SOCIAL_SERVICES}) { id } }`},
	"startAssessment":             {[]string{coordinator}, `mutation($case: ID!) { startAssessment(id: $case, version: 0) { id } }`},
	"recordPreliminaryAssessment": {[]string{coordinator, operator}, `mutation($case: ID!) { recordPreliminaryAssessment(id: $case, version: 0, input: {summary: "", findings: []}) { id } }`},
	"recordInDepthAssessment":     {[]string{coordinator}, `mutation($case: ID!) { recordInDepthAssessment(id: $case, version: 0, input: {summary: "", findings: []}) { id } }`},
	"declineReferral":             {[]string{coordinator}, `mutation($case: ID!) { declineReferral(id: $case, version: 0, reason: "") { id } }`},
	"takeCharge":                  {[]string{coordinator}, `mutation($case: ID!, $u: ID!) { takeCharge(id: $case, version: 0, caseManagerID: $u, plan: {goals: []}) { id } }`},
	"assignCaseManager":           {[]string{coordinator}, `mutation($case: ID!, $u: ID!) { assignCaseManager(id: $case, version: 0, caseManagerID: $u) { id } }`},
	"updatePlan":                  {[]string{coordinator, operator}, `mutation($case: ID!) { updatePlan(id: $case, version: 0, input: {}) { id } }`},
	"addGoal":                     {[]string{coordinator, operator}, `mutation($case: ID!) { addGoal(id: $case, version: 0, input: {area: INCOME, description: ""}) { id } }`},
	"updateGoal":                  {[]string{coordinator, operator}, `mutation($goal: ID!) { updateGoal(id: $goal, version: 0, input: {}) { id } }`},
	"addCommitment":               {[]string{coordinator, operator}, `mutation($case: ID!) { addCommitment(id: $case, version: 0, input: {kind: OTHER, description: "", hoursAgreed: 1}) { id } }`},
	"updateCommitment":            {[]string{coordinator, operator}, `mutation($commitment: ID!) { updateCommitment(id: $commitment, version: 0, input: {}) { id } }`},
	"addIntervention":             {[]string{coordinator, operator}, `mutation($case: ID!, $o: ID!) { addIntervention(id: $case, version: 0, input: {kind: OTHER, providerID: $o, startsOn: "2026-01-01"}) { id } }`},
	"updateIntervention":          {[]string{coordinator, operator}, `mutation($intervention: ID!) { updateIntervention(id: $intervention, version: 0, input: {}) { id } }`},
	"recordOutcome":               {[]string{coordinator, operator}, `mutation($case: ID!) { recordOutcome(id: $case, version: 0, input: {kind: OTHER, achievedOn: "2026-01-01"}) { id } }`},
	"recordFollowUp":              {[]string{coordinator, operator}, `mutation($outcome: ID!) { recordFollowUp(id: $outcome, version: 0, input: {stillHeld: true}) { id } }`},
	"scheduleMonitoringMeeting":   {[]string{coordinator, operator}, `mutation($case: ID!) { scheduleMonitoringMeeting(id: $case, version: 0, input: {plannedOn: "2026-01-01"}) { id } }`},
	"recordMonitoringMeeting":     {[]string{coordinator, operator}, `mutation($meeting: ID!) { recordMonitoringMeeting(id: $meeting, version: 0, input: {summary: ""}) { id } }`},
	"moveToMonitoring":            {[]string{coordinator}, `mutation($case: ID!) { moveToMonitoring(id: $case, version: 0) { id } }`},
	"closeCase":                   {[]string{coordinator}, `mutation($case: ID!) { closeCase(id: $case, version: 0, reason: OTHER) { id } }`},
	"reopenCase":                  {[]string{coordinator}, `mutation($case: ID!) { reopenCase(id: $case, version: 0, reason: "") { id } }`},
	"transferCase":                {[]string{coordinator}, `mutation($case: ID!, $t: ID!) { transferCase(id: $case, version: 0, tableID: $t, reason: "") { id } }`},
	// No transfer is pending: nobody receives or may withdraw one.
	"acceptTransfer":  {[]string{}, `mutation($case: ID!) { acceptTransfer(id: $case, version: 0) { id } }`},
	"declineTransfer": {[]string{}, `mutation($case: ID!) { declineTransfer(id: $case, version: 0, reason: "") { id } }`},
	"addNote":         {[]string{coordinator, operator}, `mutation($case: ID!) { addNote(id: $case, text: "") { id } }`},
	// The bases of the uses of a person's data: the case's table.
	"recordConsent": {[]string{coordinator, operator}, `mutation($case: ID!) { recordConsent(input: {caseID: $case, purpose: CONTACT,
		basis: CONSENT, givenOn: "2999-01-01"}) { id } }`},
	"withdrawConsent": {[]string{coordinator, operator}, `mutation($consent: ID!) { withdrawConsent(id: $consent, reason: "", withdrawnOn: "2999-01-01") { id } }`},
	// Governance: protocols, directives, meetings, objectives.
	"createObjective": {[]string{admin, steering}, `mutation { createObjective(input: {title: "", indicator: REFERRALS, target: 1,
		periodStart: "2026-01-01", periodEnd: "2026-12-31"}) { id } }`},
	"updateObjective":   {[]string{admin, steering}, `mutation($id: ID!) { updateObjective(id: $id, input: {title: ""}) { id } }`},
	"activateProtocol":  {[]string{admin, steering}, `mutation($protocol: ID!) { activateProtocol(id: $protocol, signedOn: "2999-01-01") { id } }`},
	"terminateProtocol": {[]string{admin, steering}, `mutation { terminateProtocol(id: "prt_unknown") { id } }`},
	"addProtocolParty": {[]string{admin, steering}, `mutation($o: ID!) { addProtocolParty(protocolID: "prt_unknown",
		input: {organizationID: $o, role: PARTNER}) { id } }`},
	"addProtocolCommitment": {[]string{admin, steering}, `mutation { addProtocolCommitment(partyID: "ppa_unknown", input: {description: ""}) { id } }`},
	// A commitment of an organisation none of the demo accounts works for.
	"fulfilProtocolCommitment": {[]string{admin, steering}, `mutation($pc: ID!) { fulfilProtocolCommitment(id: $pc, evidence: "") { id } }`},
	"dropProtocolCommitment":   {[]string{admin, steering}, `mutation($pc: ID!) { dropProtocolCommitment(id: $pc, reason: "") { id } }`},
	"issueDirective":           {[]string{steering}, `mutation { issueDirective(input: {title: "", body: "", dueOn: "2026-01-01"}) { id } }`},
	"acknowledgeDirective":     {[]string{coordinator}, `mutation($t: ID!) { acknowledgeDirective(id: "dir_unknown", tableID: $t) { id } }`},
	"recordDirectiveProgress":  {[]string{coordinator}, `mutation($t: ID!) { recordDirectiveProgress(id: "dir_unknown", tableID: $t, status: IMPLEMENTED) { id } }`},
	"recordMeeting": {[]string{coordinator}, `mutation($t: ID!) { recordMeeting(input: {body: TABLE, tableID: $t,
		heldAt: "2026-01-01T10:00:00Z", title: ""}) { id } }`},
	"setTableTimeLimits": {[]string{admin, steering}, `mutation($t: ID!) { setTableTimeLimits(id: $t, daysToFirstMeeting: 0, daysToPlan: 0) { id } }`},
	// Approvals: the committee's settings (of a table that does not exist:
	// NOT_FOUND past the rights), the coordinator's answers (on a stale
	// version: CONFLICT).
	"setTableApprovals": {[]string{admin, steering}, `mutation { setTableApprovals(id: "tab_unknown", plan: true, closure: true) { id } }`},
	"approveProposal":   {[]string{coordinator}, `mutation($approval: ID!) { approveProposal(id: $approval, version: 0) { id } }`},
	"returnProposal":    {[]string{coordinator}, `mutation($approval: ID!) { returnProposal(id: $approval, version: 0, reason: "") { id } }`},
	// Service requests: sent and cancelled by the case's table, answered
	// by the organisation asked (a request not in the status an answer
	// needs, or bad input: BAD_USER_INPUT past the rights).
	"requestService": {[]string{coordinator, operator}, `mutation($case: ID!, $o: ID!) { requestService(id: $case, version: 0,
		input: {organizationID: $o, kind: OTHER, need: ""}) { id } }`},
	"cancelServiceRequest":   {[]string{coordinator, operator}, `mutation($serviceRequest: ID!) { cancelServiceRequest(id: $serviceRequest, version: 0, reason: "") { id } }`},
	"acceptServiceRequest":   {[]string{partner}, `mutation($serviceRequest: ID!) { acceptServiceRequest(id: $serviceRequest, plannedStart: "1999-01-01") { id } }`},
	"declineServiceRequest":  {[]string{partner}, `mutation($serviceRequest: ID!) { declineServiceRequest(id: $serviceRequest, reason: OTHER) { id } }`},
	"completeServiceRequest": {[]string{partner}, `mutation($serviceRequest: ID!) { completeServiceRequest(id: $serviceRequest, input: {successful: true, reason: OTHER}) { id } }`},
	// Two records of one person: merged by a coordinator (the same record
	// twice is bad input), the merge undone by an administrator (a record
	// never merged is bad input).
	"mergePersons":    {[]string{coordinator}, `mutation($person: ID!) { mergePersons(input: {survivorID: $person, mergedID: $person}) { id } }`},
	"undoPersonMerge": {[]string{admin}, `mutation($person: ID!) { undoPersonMerge(mergedID: $person) }`},
	// Documents: of a case, by its table (a case takes no MINUTES:
	// BAD_USER_INPUT past the rights; a removal without a reason too).
	"attachDocument": {[]string{coordinator, operator}, `mutation($case: ID!, $file: Upload!) { attachDocument(input: {kind: MINUTES, attachedToID: $case, file: $file}) { id } }`},
	"removeDocument": {[]string{coordinator, operator}, `mutation($document: ID!) { removeDocument(id: $document, reason: "") { id } }`},
	// Webhooks: registered only with a read-write API token, never a
	// session; changed by their owner (the coordinator), missing to others.
	"createWebhook":    {[]string{}, `mutation { createWebhook(input: {url: "ftp://x", kinds: []}) { secret } }`},
	"updateWebhook":    {[]string{coordinator}, `mutation($webhook: ID!) { updateWebhook(id: $webhook, input: {kinds: []}) { id } }`},
	"deleteWebhook":    {[]string{coordinator}, `mutation($webhook: ID!) { deleteWebhook(id: $webhook) }`},
	"redeliverWebhook": {[]string{coordinator}, `mutation($delivery: ID!) { redeliverWebhook(id: $delivery) { id } }`},
}

// TestAccessMatrix checks, for every role, every Node type (read by
// node(id:) and, where it has one, by its root list) and every mutation,
// the expected allow or deny. Types and mutations come from the generated
// schema: one without an expectation here fails the test.
func TestAccessMatrix(t *testing.T) {
	storetest.Each(t, func(t *testing.T, db *store.DB) {
		ctx := rule.SystemContext(context.Background())
		base := webtest.DemoAPI(t, db, 11, 120)
		// The matrix checks access, not the rate limit (auth_throttle_test):
		// a role's requests, each now authenticated from the cache, come
		// faster than the 50 a second one session may send.
		base.Rebuild(db, func(o *web.Options) { o.Throttle = web.Throttle{Rate: 1e6, Burst: 1e6} })
		c := base.Client
		clients := webtest.RoleClients(t, base)
		coord := c.User.Query().Where(user.Email(demo.CoordinatorEmail)).OnlyX(ctx)
		vinciOp := c.User.Query().Where(user.Email(demo.OperatorVinciEmail)).OnlyX(ctx)
		objects := webtest.SampleObjects(t, base, coord.ID, vinciOp.ID)

		schema := graph.NewSchema(nil, nil, nil, nil).Schema()
		cells := 0
		for _, def := range schema.PossibleTypes[schema.Types["Node"].Name] {
			allowed, ok := readers[def.Name]
			if !ok {
				t.Errorf("type %s has no expected access in the matrix: add it, and a policy", def.Name)
				continue
			}
			id, ok := objects[def.Name]
			if !ok {
				t.Errorf("no sample object of type %s", def.Name)
				continue
			}
			for _, role := range matrixRoles {
				want := slices.Contains(allowed, role)
				r := clients[role].Post(`query($id: ID!) { node(id: $id) { id } }`, map[string]any{"id": id})
				got := len(r.Errors) == 0 && !strings.Contains(string(r.Data), "null")
				if got != want {
					t.Errorf("%s reading a %s: allowed %v, want %v (%s)", role, def.Name, got, want, r.Raw)
				}
				cells++
			}
		}
		for _, f := range schema.Query.Fields {
			if !strings.HasSuffix(f.Type.Name(), "Connection") {
				continue
			}
			node := strings.TrimSuffix(f.Type.Name(), "Connection")
			for _, role := range matrixRoles {
				r := clients[role].Post(fmt.Sprintf(`{ %s(first: 1%s) { totalCount } }`, f.Name, requiredArguments(t, f)), nil)
				want := role != anon || slices.Contains(readers[node], anon)
				if slices.Contains(adminLists, node) {
					want = role == admin
				}
				if got := len(r.Errors) == 0; got != want {
					t.Errorf("%s listing %s: allowed %v, want %v (%s)", role, f.Name, got, want, r.Raw)
				}
				cells++
			}
		}
		cells += checkNestedEdges(t, schema, clients, objects)
		vars := map[string]any{"m": objects["Municipality"], "o": objects["Organization"], "t": objects["Table"], "u": objects["User"],
			"case": objects["Case"], "goal": objects["Goal"], "commitment": objects["Commitment"], "intervention": objects["Intervention"],
			"outcome": objects["Outcome"], "meeting": objects["MonitoringMeeting"], "protocol": objects["Protocol"], "pc": objects["ProtocolCommitment"],
			"webhook": objects["Webhook"], "delivery": objects["WebhookDelivery"], "consent": objects["Consent"],
			"serviceRequest": objects["ServiceRequest"], "approval": objects["Approval"], "document": objects["Document"],
			"person": objects["Person"], "fund": objects["Fund"], "pact": objects["Pact"], "signatory": objects["PactSignatory"],
			"seat": objects["CommitteeMember"], "party": objects["ProtocolParty"],
			"member": c.User.Query().Where(user.Email(demo.OperatorEmail)).OnlyIDX(rule.SystemContext(context.Background()))}
		for _, f := range schema.Mutation.Fields {
			w, ok := writers[f.Name]
			if !ok {
				t.Errorf("mutation %s has no expected access in the matrix", f.Name)
				continue
			}
			if f.Name == "logout" {
				continue // ends the session: checked by TestSignInAndOut
			}
			for _, role := range matrixRoles {
				vars["id"] = objects[mutationTarget(f.Name)]
				var r webtest.Response
				if strings.Contains(w.query, "$file: Upload!") { // a GraphQL multipart request
					delete(vars, "file")
					r = clients[role].Upload(w.query, vars, "file", "verbale.txt", []byte("Verbale della riunione"))
				} else {
					r = clients[role].Post(w.query, vars)
				}
				code := r.Code()
				denied := code == "FORBIDDEN" || code == "UNAUTHENTICATED" || caseTarget.MatchString(w.query) && code == "NOT_FOUND"
				if want := slices.Contains(w.roles, role); denied == want {
					t.Errorf("%s running %s: got %s, want allowed %v (%s)", role, f.Name, code, want, r.Raw)
				}
				cells++
			}
		}
		t.Logf("%s: %d cells of the access matrix checked", db.Dialect, cells)
	})
}

// caseTarget matches a request on a case or a part of one, or on a
// user's webhook endpoint or delivery, which a role that may not see it
// finds missing rather than forbidden.
var caseTarget = regexp.MustCompile(`\$(case|goal|commitment|intervention|outcome|meeting|webhook|delivery|consent|serviceRequest|approval|document)\b`)

// mutationTarget names the type whose sample an update mutation changes.
func mutationTarget(name string) string {
	return strings.TrimPrefix(strings.TrimPrefix(name, "update"), "create")
}

// checkNestedEdges follows, as every role, every edge of every sampled
// object — a unique edge or the first page of a connection — and checks
// that each object an edge returns is one the role may read by
// node(id:): no edge reveals what node hides. It returns the cells
// checked.
func checkNestedEdges(t *testing.T, schema *ast.Schema, clients map[string]*webtest.API, objects map[string]gid.ID) int {
	t.Helper()
	cells, children := 0, 0
	for parent, id := range objects {
		def := schema.Types[parent]
		for _, f := range def.Fields {
			target := strings.TrimSuffix(f.Type.Name(), "Connection")
			if _, isNode := readers[target]; !isNode || f.Name == "node" {
				continue
			}
			selection := f.Name + " { id }" // a unique edge or a plain list
			if target != f.Type.Name() {
				selection = f.Name + "(first: 20) { edges { node { id } } }"
			}
			q := fmt.Sprintf(`query($id: ID!) { node(id: $id) { ... on %s { %s } } }`, parent, selection)
			for _, role := range matrixRoles {
				r := clients[role].Post(q, map[string]any{"id": id})
				for _, child := range idsIn(string(r.Data), string(id)) {
					children++
					var out struct{ Node *struct{ ID string } }
					if rr := clients[role].Post(`query($id: ID!) { node(id: $id) { id } }`, map[string]any{"id": child}); rr.Data != nil {
						_ = json.Unmarshal(rr.Data, &out)
					}
					if out.Node == nil {
						t.Errorf("%s reaches %s through %s.%s, but may not read it", role, child, parent, f.Name)
					}
				}
				cells++
			}
		}
	}
	if children < 500 {
		t.Errorf("nested edges returned only %d objects: the check reads next to nothing", children)
	}
	t.Logf("nested edges: %d objects reached and checked", children)
	return cells
}

// idsIn returns the global IDs in a JSON document, but one.
func idsIn(doc, except string) []string {
	var ids []string
	for _, m := range globalID.FindAllString(doc, -1) {
		if id := strings.Trim(m, `"`); id != except {
			ids = append(ids, id)
		}
	}
	return ids
}

var globalID = regexp.MustCompile(`"[a-z]{3}_[a-z2-7]{26}"`)
