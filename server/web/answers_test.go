package web_test

import (
	"encoding/json"
	"fmt"
	"maps"
	"net/http"
	"reflect"
	"slices"
	"strings"
	"testing"
	"time"

	"github.com/vektah/gqlparser/v2/ast"

	"github.com/progetto-win/win/domain"
	"github.com/progetto-win/win/domain/gid"
	"github.com/progetto-win/win/domain/viewer"
	"github.com/progetto-win/win/ent"
	"github.com/progetto-win/win/ent/apitoken"
	"github.com/progetto-win/win/ent/approval"
	"github.com/progetto-win/win/ent/casefile"
	"github.com/progetto-win/win/ent/intervention"
	"github.com/progetto-win/win/ent/outboxevent"
	"github.com/progetto-win/win/ent/territorialtable"
	"github.com/progetto-win/win/ent/webhookdelivery"
	"github.com/progetto-win/win/graph"
	"github.com/progetto-win/win/server/auth"
	"github.com/progetto-win/win/server/demo"
	"github.com/progetto-win/win/server/store"
	"github.com/progetto-win/win/server/store/storetest"
	"github.com/progetto-win/win/server/web"
	"github.com/progetto-win/win/server/webhook"
	"github.com/progetto-win/win/server/webtest"
)

// answerSelection selects what a client may ask of a type without
// arguments: its scalars, its values that are not nodes (a fund's use, an
// objective's evaluation) and, hops deep, what its edges lead to — a
// unique edge, or a connection's first page with its totalCount.
func answerSelection(s *ast.Schema, typ string, hops int) string {
	parts := []string{"__typename"}
	for _, f := range s.Types[typ].Fields {
		if strings.HasPrefix(f.Name, "__") || slices.ContainsFunc(f.Arguments, func(a *ast.ArgumentDefinition) bool {
			return a.Type.NonNull && a.DefaultValue == nil
		}) {
			continue
		}
		target := s.Types[f.Type.Name()]
		node, connection := strings.CutSuffix(target.Name, "Connection")
		switch {
		case target.Kind == ast.Scalar || target.Kind == ast.Enum:
			parts = append(parts, f.Name)
		case connection && target.Fields.ForName("totalCount") != nil:
			if hops > 0 {
				parts = append(parts, fmt.Sprintf("%s(first: 3) { totalCount edges { node { %s } } }", f.Name, answerSelection(s, node, hops-1)))
			}
		case !slices.Contains(target.Interfaces, "Node"):
			parts = append(parts, fmt.Sprintf("%s { %s }", f.Name, answerSelection(s, target.Name, hops)))
		case hops > 0:
			parts = append(parts, fmt.Sprintf("%s { %s }", f.Name, answerSelection(s, target.Name, hops-1)))
		}
	}
	return strings.Join(parts, " ")
}

// answerOf selects what a client may ask of a mutation's answer: a node
// as answerSelection does, and of a payload that is not a node its
// scalars and each node it holds.
func answerOf(s *ast.Schema, typ string) string {
	if slices.Contains(s.Types[typ].Interfaces, "Node") {
		return answerSelection(s, typ, 1)
	}
	parts := []string{"__typename"}
	for _, f := range s.Types[typ].Fields {
		switch target := s.Types[f.Type.Name()]; target.Kind {
		case ast.Scalar, ast.Enum:
			parts = append(parts, f.Name)
		default:
			parts = append(parts, fmt.Sprintf("%s { %s }", f.Name, answerOf(s, target.Name)))
		}
	}
	return strings.Join(parts, " ")
}

// mutationAnswer is one mutation sent with arguments that succeed; its
// request holds ANSWER where the selection of its answer goes.
type mutationAnswer struct {
	name    string
	by      *webtest.API
	request string
	vars    func() map[string]any
}

// unreadableAnswers are answers their user may not read afterwards, and
// why: the test checks that they may not.
var unreadableAnswers = map[string]string{
	"erasePersonIdentity": "an administrator erases an identity by the person's ID, from a data-subject request, and reads no person otherwise",
}

// TestMutationAnswersMatchAFreshRead sends every mutation of the schema
// that answers with an object, asking the answer for every field and
// edge two levels deep, and compares each object of the answer with the
// same selection read afterwards by node(id:) as the same user: computed
// fields and edges read through the mutation's transaction, or after its
// commit, never before the change nor from a finished transaction. A new
// mutation fails the test until it has a request here.
func TestMutationAnswersMatchAFreshRead(t *testing.T) {
	storetest.Each(t, func(t *testing.T, db *store.DB) {
		w := newWorld(t, db)
		w.Base.Rebuild(db, func(o *web.Options) { o.Throttle = web.Throttle{Rate: 1e6, Burst: 1e6} })
		schema := graph.NewSchema(nil, nil, nil, nil).Schema()
		admin, steering := webtest.As(t, w.Base, demo.AdminEmail), webtest.As(t, w.Base, demo.SteeringEmail)
		hash, err := auth.HashPassword(demo.Password)
		if err != nil {
			t.Fatal(err)
		}
		vinciCoordinator := w.Client.TerritorialTable.Query().Where(territorialtable.ID(w.VinciTable)).QueryCoordinator().OnlyX(w.Ctx)
		vinciCoordinator.Update().SetPasswordHash(hash).ExecX(w.Ctx)
		receiver := webtest.As(t, w.Base, vinciCoordinator.Email)
		today := domain.Today().String()

		// created holds the IDs of what earlier mutations created, by
		// mutation name, for the later ones.
		created := map[string]gid.ID{}
		id := func(name string) func() map[string]any {
			return func() map[string]any { return map[string]any{"id": created[name]} }
		}
		none := func() map[string]any { return nil }
		taxCode := "VRDGLI90A41D403"
		taxCode += string(domain.TaxCodeCheckChar(taxCode))
		browser := &webtest.API{T: t, Handler: w.Base.Handler, Client: w.Client}
		// Webhooks are registered with a read-write token, on a local
		// address that nothing calls here.
		t.Setenv(webhook.AllowPrivateEnv, "1")
		_, secret, err := auth.New(w.Client).CreateToken(w.Ctx, &viewer.Viewer{UserID: w.CoordID}, "gestionale",
			apitoken.ScopeReadWrite, time.Now().Add(time.Hour), auth.Request{})
		if err != nil {
			t.Fatal(err)
		}
		program := &webtest.API{T: t, Handler: w.Base.Handler, Client: w.Client, Token: secret}

		requests := []mutationAnswer{
			{"referCase", w.Op, `mutation($t: ID!, $tc: String!) { referCase(input: {tableID: $t, reason: "Sfratto", needAreas: [HOUSING], channel: SOCIAL_SERVICES,
				newPerson: {firstName: "Giulia", lastName: "Verdi", taxCode: $tc, birthDate: "1990-01-01",
				gender: FEMALE, citizenshipArea: ITALY}}) ANSWER }`,
				func() map[string]any { return map[string]any{"t": w.Empoli, "tc": taxCode} }},
			{"createMunicipality", admin, `mutation { createMunicipality(input: {name: "Montaione Alta", istatCode: "048998", population: 3700}) ANSWER }`, none},
			{"updateMunicipality", admin, `mutation($id: ID!) { updateMunicipality(id: $id, input: {population: 3800}) ANSWER }`, id("createMunicipality")},
			{"createOrganization", admin, `mutation { createOrganization(input: {name: "Cooperativa Arcobaleno", kind: OTHER}) ANSWER }`, none},
			{"updateOrganization", admin, `mutation($id: ID!) { updateOrganization(id: $id, input: {name: "Cooperativa Arcobaleno ETS"}) ANSWER }`, id("createOrganization")},
			{"createTable", admin, `mutation { createTable(input: {name: "Tavolo di Montaione Alta", code: "MTA"}) ANSWER }`, none},
			{"updateTable", admin, `mutation($id: ID!) { updateTable(id: $id, input: {name: "Tavolo di Montaione"}) ANSWER }`, id("createTable")},
			{"setTableTimeLimits", steering, `mutation($id: ID!) { setTableTimeLimits(id: $id, daysToFirstMeeting: 12, daysToPlan: 40) ANSWER }`,
				func() map[string]any { return map[string]any{"id": w.Empoli} }},
			{"createUser", admin, `mutation($o: ID!) { createUser(input: {email: "nuova@demo.example", name: "Nuova Operatrice",
				organizationID: $o, roles: [OPERATOR]}) ANSWER }`, func() map[string]any { return map[string]any{"o": w.OpOrg} }},
			{"updateUser", admin, `mutation($id: ID!) { updateUser(id: $id, input: {name: "Nuova Operatrice Sociale"}) ANSWER }`, id("createUser")},
			{"addTableMember", admin, `mutation($t: ID!, $u: ID!, $o: ID!) { addTableMember(input: {tableID: $t, userID: $u, organizationID: $o,
				profession: SOCIAL_WORKER, joinedOn: "2026-01-01"}) ANSWER }`,
				func() map[string]any {
					return map[string]any{"t": w.VinciTable, "u": created["createUser"], "o": w.OpOrg}
				}},
			{"createProtocol", steering, `mutation { createProtocol(input: {title: "Protocollo per gli orti sociali"}) ANSWER }`, none},
			{"updateProtocol", steering, `mutation($id: ID!) { updateProtocol(id: $id, input: {title: "Protocollo per gli orti sociali e le mense"}) ANSWER }`, id("createProtocol")},
			{"addProtocolParty", steering, `mutation($p: ID!, $o: ID!) { addProtocolParty(protocolID: $p, input: {organizationID: $o, role: LEAD}) ANSWER }`,
				func() map[string]any { return map[string]any{"p": created["createProtocol"], "o": w.Provider} }},
			{"addProtocolCommitment", steering, `mutation($p: ID!, $d: Date!) { addProtocolCommitment(partyID: $p,
				input: {description: "Coltivare due orti", dueOn: $d}) ANSWER }`,
				func() map[string]any { return map[string]any{"p": created["addProtocolParty"], "d": today} }},
			{"signProtocolParty", steering, `mutation($id: ID!, $d: Date!) { signProtocolParty(id: $id, signedOn: $d, signerName: "Anna Bianchi") ANSWER }`,
				func() map[string]any { // and a second party, signed, so that the protocol may be activated
					var p struct{ ID gid.ID }
					steering.Must(`mutation($p: ID!, $o: ID!) { addProtocolParty(protocolID: $p, input: {organizationID: $o, role: PARTNER}) { id } }`,
						map[string]any{"p": created["createProtocol"], "o": w.OpOrg}, &p)
					steering.Must(`mutation($id: ID!, $d: Date!) { signProtocolParty(id: $id, signedOn: $d, signerName: "Luca Verdi") { id } }`,
						map[string]any{"id": p.ID, "d": today}, nil)
					return map[string]any{"id": created["addProtocolParty"], "d": today}
				}},
			{"activateProtocol", steering, `mutation($id: ID!) { activateProtocol(id: $id) ANSWER }`, id("createProtocol")},
			{"fulfilProtocolCommitment", steering, `mutation($id: ID!) { fulfilProtocolCommitment(id: $id, evidence: "Orti avviati") ANSWER }`,
				id("addProtocolCommitment")},
			{"dropProtocolCommitment", steering, `mutation($id: ID!) { dropProtocolCommitment(id: $id, reason: "Non più necessaria") ANSWER }`,
				func() map[string]any { // a second commitment, to drop
					var c struct{ ID gid.ID }
					steering.Must(`mutation($p: ID!, $d: Date!) { addProtocolCommitment(partyID: $p, input: {description: "Aprire una mensa", dueOn: $d}) { id } }`,
						map[string]any{"p": created["addProtocolParty"], "d": today}, &c)
					return map[string]any{"id": c.ID}
				}},
			{"terminateProtocol", steering, `mutation($id: ID!) { terminateProtocol(id: $id) ANSWER }`, id("createProtocol")},
			{"issueDirective", steering, `mutation($t: ID!, $d: Date!) { issueDirective(input: {title: "Priorità ai nuclei con minori",
				body: "Dal prossimo mese", tableIDs: [$t], dueOn: $d}) ANSWER }`, func() map[string]any { return map[string]any{"t": w.Empoli, "d": today} }},
			{"acknowledgeDirective", w.Coord, `mutation($id: ID!, $t: ID!) { acknowledgeDirective(id: $id, tableID: $t, note: "Applicata") ANSWER }`,
				func() map[string]any { return map[string]any{"id": created["issueDirective"], "t": w.Empoli} }},
			{"recordDirectiveProgress", w.Coord, `mutation($id: ID!, $t: ID!) { recordDirectiveProgress(id: $id, tableID: $t, status: IMPLEMENTED,
				evidence: "Criteri adottati") ANSWER }`, func() map[string]any { return map[string]any{"id": created["issueDirective"], "t": w.Empoli} }},
			{"addPactSignatory", steering, `mutation($p: ID!, $o: ID!, $d: Date!) { addPactSignatory(pactID: $p, input: {organizationID: $o,
				role: ADHERENT, joinedOn: $d, signerName: "Maria Rossi"}) ANSWER }`, func() map[string]any {
				return map[string]any{"p": w.Client.Pact.Query().OnlyIDX(w.Ctx), "o": created["createOrganization"], "d": today}
			}},
			{"endPactSignatory", steering, `mutation($id: ID!, $d: Date!) { endPactSignatory(id: $id, leftOn: $d, reason: "Scioglimento") ANSWER }`,
				func() map[string]any { return map[string]any{"id": created["addPactSignatory"], "d": today} }},
			{"amendPact", steering, `mutation($id: ID!, $d: Date!) { amendPact(id: $id, input: {amendedOn: $d, summary: "Art. 4", text: "Testo nuovo"}) ANSWER }`,
				func() map[string]any { return map[string]any{"id": w.Client.Pact.Query().OnlyIDX(w.Ctx), "d": today} }},
			{"addCommitteeMember", steering, `mutation($o: ID!) { addCommitteeMember(input: {organizationID: $o, role: MEMBER}) ANSWER }`,
				func() map[string]any { return map[string]any{"o": created["createOrganization"]} }},
			{"endCommitteeMember", steering, `mutation($id: ID!, $d: Date!) { endCommitteeMember(id: $id, untilOn: $d) ANSWER }`,
				func() map[string]any { return map[string]any{"id": created["addCommitteeMember"], "d": today} }},
			{"createCommunityActivity", steering, `mutation($o: ID!, $d: Date!) { createCommunityActivity(input: {title: "Orti condivisi", kind: WORKSHOP,
				heldOn: $d, participants: 12, valueDimension: SOCIAL, organizerIDs: [$o]}) ANSWER }`,
				func() map[string]any { return map[string]any{"o": w.OpOrg, "d": today} }},
			{"updateCommunityActivity", steering, `mutation($id: ID!) { updateCommunityActivity(id: $id, input: {participants: 14}) ANSWER }`,
				id("createCommunityActivity")},
			{"recordMeeting", w.Coord, `mutation($t: ID!, $c: ID!) { recordMeeting(input: {body: TABLE, tableID: $t, heldAt: "2026-01-15T10:00:00+01:00",
				title: "Riunione di gennaio", minutes: "Verbale", decisions: [{text: "Rivedere il progetto", caseID: $c}]}) ANSWER }`,
				func() map[string]any { return map[string]any{"t": w.Empoli, "c": created["referCase"]} }},
			{"createFund", steering, `mutation($m: ID!, $o: ID!) { createFund(input: {name: "Fondo di prova", year: 2026, allocatedCents: 500000,
				ownerID: $o, municipalityID: $m}) ANSWER }`, func() map[string]any {
				return map[string]any{"m": created["createMunicipality"], "o": created["createOrganization"]}
			}},
			{"updateFund", steering, `mutation($id: ID!) { updateFund(id: $id, input: {source: REGION}) ANSWER }`, id("createFund")},
			{"amendFund", steering, `mutation($id: ID!) { amendFund(id: $id, allocatedCents: 600000, reason: "Variazione di bilancio") ANSWER }`, id("createFund")},
			{"closeFund", steering, `mutation($id: ID!) { closeFund(id: $id, reason: "Esercizio chiuso") ANSWER }`, id("createFund")},
			{"createObjective", steering, `mutation { createObjective(input: {title: "Segnalazioni dell'anno", indicator: REFERRALS, target: 1,
				periodStart: "2025-01-01", periodEnd: "2025-12-31"}) ANSWER }`, none},
			{"updateObjective", steering, `mutation($id: ID!) { updateObjective(id: $id, input: {target: 2}) ANSWER }`, id("createObjective")},
			{"login", browser, `mutation { login(input: {email: "operator@demo.example", password: "` + demo.Password + `"}) ANSWER }`, none},
			{"createApiToken", w.Coord, `mutation($e: Time!) { createApiToken(input: {name: "cooperativa", scope: READ, expiresAt: $e}) ANSWER }`,
				func() map[string]any {
					return map[string]any{"e": time.Now().Add(24 * time.Hour).UTC().Format(time.RFC3339)}
				}},
			{"revokeApiToken", w.Coord, `mutation($id: ID!) { revokeApiToken(id: $id) ANSWER }`, id("createApiToken")},
			{"createWebhook", program, `mutation { createWebhook(input: {url: "http://127.0.0.1:9/win", kinds: [CASE_CHANGED]}) ANSWER }`, none},
			{"updateWebhook", program, `mutation($id: ID!) { updateWebhook(id: $id, input: {description: "Gestionale"}) ANSWER }`, id("createWebhook")},
			{"redeliverWebhook", program, `mutation($id: ID!) { redeliverWebhook(id: $id) ANSWER }`,
				func() map[string]any { // a delivery that failed, to send again
					d := w.Client.WebhookDelivery.Create().SetWebhookID(created["createWebhook"]).SetEventID("obx_answers").
						SetKind(domain.EventCaseChanged).SetOrderingKey("answers").SetPayload("{}").
						SetState(webhookdelivery.StateFAILED).SetAttempts(3).SaveX(w.Ctx)
					return map[string]any{"id": d.ID}
				}},
			{"markNotificationRead", w.Op, `mutation($id: ID!) { markNotificationRead(id: $id) ANSWER }`,
				func() map[string]any { return map[string]any{"id": w.notify(t, w.OpID, "").ID} }},
			{"setNotificationDelivery", w.Op, `mutation { setNotificationDelivery(kind: REFERRAL_DECLINED, delivery: DIGEST) ANSWER }`, none},
			{"setLanguage", w.Op, `mutation { setLanguage(language: EN) ANSWER }`, none},
			{"recordConsent", w.Coord, `mutation($c: ID!, $o: ID!) { recordConsent(input: {caseID: $c, purpose: SHARING, basis: CONSENT,
				organizationID: $o, formReference: "Modulo 12"}) ANSWER }`,
				func() map[string]any { return map[string]any{"c": created["referCase"], "o": w.Provider} }},
			{"withdrawConsent", w.Coord, `mutation($id: ID!) { withdrawConsent(id: $id, reason: "La persona lo ha chiesto") ANSWER }`, id("recordConsent")},
			{"setTableApprovals", steering, `mutation($id: ID!) { setTableApprovals(id: $id, plan: true, closure: true) ANSWER }`,
				func() map[string]any { return map[string]any{"id": w.VinciTable} }},
			// The partner's answers, on requests of cases of their own.
			{"acceptServiceRequest", w.Partner, `mutation($id: ID!, $d: Date!) { acceptServiceRequest(id: $id, plannedStart: $d, note: "Dal lunedì") ANSWER }`,
				func() map[string]any {
					return map[string]any{"id": w.actionCaseIn(casefile.StatusInCharge, intervention.StatusCompleted).request, "d": today}
				}},
			{"completeServiceRequest", w.Partner, `mutation($id: ID!) { completeServiceRequest(id: $id, input: {successful: true, reason: PURPOSE_REACHED}) ANSWER }`,
				id("acceptServiceRequest")},
			{"declineServiceRequest", w.Partner, `mutation($id: ID!) { declineServiceRequest(id: $id, reason: NO_CAPACITY) ANSWER }`,
				func() map[string]any {
					return map[string]any{"id": w.actionCaseIn(casefile.StatusInCharge, intervention.StatusCompleted).request}
				}},
			{"attachDocument", w.Coord, `mutation($c: ID!, $file: Upload!) { attachDocument(input: {kind: CONSENT_FORM, attachedToID: $c, file: $file}) ANSWER }`,
				func() map[string]any { return map[string]any{"c": created["referCase"]} }},
			{"removeDocument", w.Coord, `mutation($id: ID!) { removeDocument(id: $id, reason: "Caricato per errore") ANSWER }`, id("attachDocument")},
			{"mergePersons", w.Coord, `mutation($s: ID!, $m: ID!) { mergePersons(input: {survivorID: $s, mergedID: $m, lastName: MERGED}) ANSWER }`,
				func() map[string]any {
					d := newDuplicates(w.World)
					return map[string]any{"s": d.survivor, "m": d.merged}
				}},
			{"erasePersonIdentity", admin, `mutation($id: ID!) { erasePersonIdentity(personID: $id) ANSWER }`,
				func() map[string]any {
					return map[string]any{"id": w.Client.CaseFile.Query().Where(casefile.ID(created["referCase"])).QueryPerson().FirstIDX(w.Ctx)}
				}},
		}
		// The case steps, each on a case of its own in a state that
		// allows it; others hear of each (steps).
		steps := map[string]bool{}
		for _, action := range slices.Sorted(maps.Keys(actionRequests)) {
			status, work, by := casefile.StatusInCharge, intervention.StatusCompleted, w.Coord
			switch action {
			case "START_ASSESSMENT", "DECLINE_REFERRAL":
				status = casefile.StatusReferred
			case "RECORD_PRELIMINARY_ASSESSMENT", "RECORD_IN_DEPTH_ASSESSMENT", "TAKE_CHARGE":
				status = casefile.StatusUnderAssessment
			case "REOPEN_CASE":
				status = casefile.StatusClosed
			case "ACCEPT_TRANSFER":
				by = receiver
			case "ADD_NOTE":
				by = w.Op
			}
			request := actionRequests[action]
			if action == "ADD_INTERVENTION" { // charged to a fund, whose use the answer shows
				request = strings.Replace(request, "startsOn: $today}", "startsOn: $today, fundID: $f, costCents: 1234}", 1)
				request = strings.Replace(request, "$today: Date!)", "$today: Date!, $f: ID!)", 1)
			}
			at := strings.LastIndex(request, "{ id }")
			name := request[strings.Index(request, "{")+2 : strings.Index(request, "(id")]
			requests = append(requests, mutationAnswer{name, by, request[:at] + "ANSWER" + request[at+len("{ id }"):], func() map[string]any {
				c := w.actionCaseIn(status, work)
				if action == "APPROVE_PROPOSAL" || action == "RETURN_PROPOSAL" { // the case manager's closure, proposed
					c.approval = w.Client.Approval.Create().SetCaseID(c.id).SetKind(approval.KindCLOSURE).SetProposedByID(w.OpID).
						SetProposedAt(time.Now()).SetClosureReason(approval.ClosureReasonGoalsMet).SaveX(w.Ctx).ID
				}
				if action == "ACCEPT_TRANSFER" || action == "DECLINE_TRANSFER" {
					w.Client.CaseFile.UpdateOneID(c.id).SetTransferToID(w.VinciTable).SetTransferReason("Trasloco").
						SetTransferRequestedAt(time.Now()).ExecX(w.Ctx)
				}
				vars := w.vars(c)
				vars["f"] = w.Fund
				return vars
			}})
			steps[name] = true
		}

		sent := map[string]bool{}
		compared := 0
		for _, m := range requests {
			f := schema.Mutation.Fields.ForName(m.name)
			if f == nil {
				t.Errorf("%s is not a mutation of the schema", m.name)
				continue
			}
			sent[m.name] = true
			request := strings.Replace(m.request, "ANSWER", "{ "+answerOf(schema, f.Type.Name())+" }", 1)
			vars := m.vars()
			changed := func() []*ent.OutboxEvent {
				return w.Client.OutboxEvent.Query().Where(outboxevent.KindEQ(domain.EventCaseChanged)).AllX(w.Ctx)
			}
			before := changed()
			var r webtest.Response
			if strings.Contains(request, "$file: Upload!") { // a GraphQL multipart request
				r = m.by.Upload(request, vars, "file", "consenso.pdf", webtest.PDF("Consenso al trattamento"))
			} else {
				r = m.by.Post(request, vars)
			}
			// Every step tells the outbox, once per case it changes, that
			// the case changed: partners' programs and live pages hear it.
			if steps[m.name] {
				told := map[gid.ID]int{}
				for _, e := range changed() {
					if !slices.ContainsFunc(before, func(b *ent.OutboxEvent) bool { return b.ID == e.ID }) {
						told[e.CaseID]++
					}
				}
				if told[vars["id"].(gid.ID)] != 1 || slices.ContainsFunc(slices.Collect(maps.Values(told)), func(n int) bool { return n != 1 }) {
					t.Errorf("%s on %s wrote CASE_CHANGED events to the outbox for %v, want one for each case it changed", m.name, vars["id"], told)
				}
			}
			for _, c := range (&http.Response{Header: r.Header}).Cookies() {
				m.by.Cookie = c // signed in: the fresh read is the new session's
			}
			if len(r.Errors) > 0 {
				t.Errorf("%s: %s", m.name, r.Raw)
				continue
			}
			var data map[string]any
			if err := json.Unmarshal(r.Data, &data); err != nil {
				t.Fatal(err)
			}
			answer, _ := data[m.name].(map[string]any)
			for _, v := range append([]any{answer}, slices.Collect(maps.Values(answer))...) {
				if object, ok := v.(map[string]any); ok && created[m.name] == "" && object["id"] != nil {
					created[m.name] = gid.ID(object["id"].(string)) // the answer's, or its payload's node's
				}
			}
			if why, ok := unreadableAnswers[m.name]; ok {
				if r := m.by.Post(`query($id: ID!) { node(id: $id) { id } }`, map[string]any{"id": created[m.name]}); r.Code() != "NOT_FOUND" {
					t.Errorf("%s: the answer is not compared, as %s; but a fresh read shows it: %s", m.name, why, r.Raw)
				}
				continue
			}
			if m.name == "setNotificationDelivery" {
				// A preference is no node: the fresh read is the viewer's list.
				delete(answer, "__typename")
				var fresh struct{ NotificationPreferences []map[string]any }
				m.by.OK(`{ notificationPreferences { kind delivery defaultDelivery } }`, nil, &fresh)
				if i := slices.IndexFunc(fresh.NotificationPreferences, func(p map[string]any) bool { return p["kind"] == answer["kind"] }); i < 0 ||
					!maps.Equal(fresh.NotificationPreferences[i], answer) {
					t.Errorf("setNotificationDelivery answered %v; a fresh read: %v", answer, fresh.NotificationPreferences)
				}
				compared++
				continue
			}
			compared += compareWithFreshRead(t, schema, m.by, m.name, f.Type.Name(), answer)
		}
		for _, f := range schema.Mutation.Fields {
			if k := schema.Types[f.Type.Name()].Kind; !sent[f.Name] && k != ast.Scalar && k != ast.Enum {
				t.Errorf("mutation %s answers with a %s but has no request in TestMutationAnswersMatchAFreshRead", f.Name, f.Type.Name())
			}
		}
		t.Logf("%s: %d mutations sent, %d objects of their answers compared with a fresh read", db.Dialect, len(sent), compared)
	})
}

// compareWithFreshRead compares an object of an answer — and, for a
// payload that is not a node, each node it holds — with node(id:) asking
// the same selection; it returns the objects compared.
func compareWithFreshRead(t *testing.T, schema *ast.Schema, u *webtest.API, path, typ string, answer map[string]any) int {
	t.Helper()
	id, isNode := answer["id"].(string)
	if !isNode {
		n := 0
		for _, f := range schema.Types[typ].Fields {
			if nested, ok := answer[f.Name].(map[string]any); ok {
				n += compareWithFreshRead(t, schema, u, path+"."+f.Name, f.Type.Name(), nested)
			}
		}
		if n == 0 {
			t.Errorf("%s: a %s holds no node to compare", path, typ)
		}
		return n
	}
	var fresh struct{ Node map[string]any }
	r := u.Send(fmt.Sprintf(`query($id: ID!) { node(id: $id) { ... on %s { %s } } }`, typ, answerSelection(schema, typ, 1)),
		map[string]any{"id": id}, &fresh.Node)
	if len(r.Errors) > 0 {
		t.Errorf("%s: reading %s afterwards: %s", path, id, r.Raw)
		return 0
	}
	if !reflect.DeepEqual(answer, fresh.Node) {
		t.Errorf("%s answered what a fresh read does not show:%s", path, differences("", answer, fresh.Node))
	}
	return 1
}

// differences lists where two decoded JSON values differ, by path.
func differences(path string, a, b any) string {
	am, aok := a.(map[string]any)
	bm, bok := b.(map[string]any)
	if aok && bok {
		var out string
		keys := map[string]any{}
		maps.Copy(keys, am)
		maps.Copy(keys, bm)
		for _, k := range slices.Sorted(maps.Keys(keys)) {
			out += differences(path+"."+k, am[k], bm[k])
		}
		return out
	}
	al, aok := a.([]any)
	bl, bok := b.([]any)
	if aok && bok && len(al) == len(bl) {
		var out string
		for i := range al {
			out += differences(fmt.Sprintf("%s[%d]", path, i), al[i], bl[i])
		}
		return out
	}
	if reflect.DeepEqual(a, b) {
		return ""
	}
	return fmt.Sprintf("\n  %s: answer %v, fresh read %v", path, a, b)
}
