package web_test

import (
	"slices"
	"strings"
	"testing"

	"github.com/progetto-win/win/domain"
	"github.com/progetto-win/win/domain/gid"
	"github.com/progetto-win/win/ent"
	"github.com/progetto-win/win/ent/auditevent"
	"github.com/progetto-win/win/ent/casefile"
	"github.com/progetto-win/win/ent/consent"
	"github.com/progetto-win/win/ent/intervention"
	"github.com/progetto-win/win/ent/organization"
	"github.com/progetto-win/win/ent/outboxevent"
	"github.com/progetto-win/win/ent/person"
	"github.com/progetto-win/win/ent/servicerequest"
	"github.com/progetto-win/win/server/store"
	"github.com/progetto-win/win/server/store/storetest"
	"github.com/progetto-win/win/server/webtest"
)

const (
	requestService = `mutation($id: ID!, $v: Int!, $in: RequestServiceInput!) { requestService(id: $id, version: $v, input: $in) {
		id status sentOn answerDueOn sharedContact organization { id } table { id } requestedBy { id } } }`
	acceptRequest = `mutation($id: ID!, $on: Date!) { acceptServiceRequest(id: $id, plannedStart: $on, note: "Partiamo lunedì") {
		id status plannedStart answeredBy { id } intervention { id } case { id } } }`
	declineRequest  = `mutation($id: ID!, $r: ServiceRequestDeclineReason!, $n: String) { declineServiceRequest(id: $id, reason: $r, note: $n) { id status declineReason } }`
	completeRequest = `mutation($id: ID!, $in: CompleteServiceRequestInput!) { completeServiceRequest(id: $id, input: $in) { id status successful completionReason } }`
	cancelRequest   = `mutation($id: ID!, $v: Int!) { cancelServiceRequest(id: $id, version: $v, reason: "Risolto altrimenti") { id status } }`
	readRequest     = `query($id: ID!) { node(id: $id) { ... on ServiceRequest { id status need contact { name phone }
		case { id } intervention { id status } requestedBy { id name } } } }`
	incoming = `{ agenda { serviceRequestsIncoming(first: 100) { totalCount edges { node { id status answerDueOn need contact { name } } } } } }`
)

// sharedRequest is a request as its readers read it.
type sharedRequest struct {
	ID      gid.ID
	Status  string
	Need    *string
	Contact *struct{ Name, Phone *string }
	Case    *struct{ ID gid.ID }
	// Intervention is the accepted request's intervention.
	Intervention *struct {
		ID     gid.ID
		Status string
	}
	RequestedBy *struct{ ID gid.ID }
}

// readAs reads a request by node(id:) as a viewer.
func readAs(t *testing.T, a *webtest.API, id gid.ID) sharedRequest {
	t.Helper()
	var out sharedRequest
	a.Must(readRequest, map[string]any{"id": id}, &out)
	return out
}

// caseForRequests is an Empoli case in charge whose person has an
// identity with a name and telephone.
func (w *world) caseForRequests() (gid.ID, gid.ID) {
	w.T.Helper()
	id, _ := w.CaseIn(casefile.StatusInCharge)
	per := w.Client.Person.Query().Where(person.HasCasesWith(casefile.ID(id))).OnlyX(w.Ctx)
	w.Client.PersonIdentity.Create().SetPerson(per).SetFirstName("Lucia").SetLastName("Bianchi").
		SetBirthDate(domain.NewDate(1980, 3, 4)).SetPhone("+39 333 1234567").ExecX(w.Ctx)
	return id, per.ID
}

// TestServiceRequestLife: a member asks the partner's cooperative for a
// service; the cooperative's operator — at no table — reads the request
// and the contact data it shares (under the person's SHARING basis),
// accepts it, which makes it an intervention of the case, and records it
// ended without success; a second request is declined. Each answer is in
// the case's timeline, and nobody else may give it.
func TestServiceRequestLife(t *testing.T) {
	storetest.Each(t, func(t *testing.T, db *store.DB) {
		w := newWorld(t, db)
		id, per := w.caseForRequests()
		in := func(more map[string]any) map[string]any {
			v := map[string]any{"organizationID": w.Girasole, "kind": "INTERNSHIP", "need": "Tirocinio part-time in cucina"}
			for k, x := range more {
				v[k] = x
			}
			return map[string]any{"id": id, "v": w.Snapshot(id).Version, "in": v}
		}

		// Contact data only under a basis for that organisation.
		r := w.Op.Post(requestService, in(map[string]any{"shareContact": []string{"NAME", "PHONE"}}))
		webtest.Refused(t, r, "CONFLICT", "")
		if r.Errors[0].Extensions["missingBasis"] != "SHARING" || r.Errors[0].Extensions["organizationId"] != string(w.Girasole) {
			t.Errorf("the refusal does not say which basis is missing: %s", r.Raw)
		}
		w.Client.Consent.Create().SetPersonID(per).SetTableID(w.Empoli).SetRecordedByID(w.OpID).SetPurpose(consent.PurposeSHARING).
			SetBasis(consent.BasisCONSENT).SetOrganizationID(w.Girasole).SetGivenOn(domain.Today()).ExecX(w.Ctx)
		webtest.Refused(t, w.Op.Post(requestService, in(map[string]any{"shareContact": []string{"EMAIL"}})), "BAD_USER_INPUT", "input.shareContact")
		webtest.Refused(t, w.Op.Post(requestService, in(map[string]any{"need": " "})), "BAD_USER_INPUT", "input.need")
		webtest.Refused(t, w.Op.Post(requestService, in(map[string]any{"neededBy": domain.Today().AddDays(-1).String()})), "BAD_USER_INPUT", "input.neededBy")
		webtest.Refused(t, w.Vinci.Post(requestService, in(nil)), "NOT_FOUND", "")
		webtest.Refused(t, w.Partner.Post(requestService, in(nil)), "NOT_FOUND", "")

		var sent struct {
			ID                  gid.ID
			Status, AnswerDueOn string
			SharedContact       []string
			Organization, Table struct{ ID gid.ID }
			RequestedBy         struct{ ID gid.ID }
		}
		w.Op.Must(requestService, in(map[string]any{"shareContact": []string{"PHONE", "NAME", "NAME"}}), &sent)
		req := sent
		if req.Status != "SENT" || req.AnswerDueOn != domain.Today().AddDays(domain.ServiceRequestAnswerDays).String() ||
			strings.Join(req.SharedContact, ",") != "NAME,PHONE" || req.Organization.ID != w.Girasole || req.Table.ID != w.Empoli || req.RequestedBy.ID != w.OpID {
			t.Errorf("sent %+v", req)
		}
		if got := w.LastEvent(id); got != "SERVICE_REQUESTED" {
			t.Errorf("the timeline's last event is %s", got)
		}

		// The partner reads the request, its contact data and who sent it,
		// and nothing of the case.
		seen := readAs(t, w.Partner, req.ID)
		if seen.Need == nil || seen.Contact == nil || domain.Deref(seen.Contact.Name) != "Lucia Bianchi" || domain.Deref(seen.Contact.Phone) != "+39 333 1234567" ||
			seen.Case != nil || seen.RequestedBy == nil || seen.RequestedBy.ID != w.OpID {
			t.Errorf("the partner reads %+v", seen)
		}
		// The requests to answer come first, the earliest answer date
		// first, then those accepted — one answered long ago included.
		w.Client.ServiceRequest.Create().SetCaseID(id).SetOrganizationID(w.Girasole).SetTableID(w.Empoli).SetRequestedByID(w.OpID).
			SetKind(servicerequest.KindOrientation).SetNeed("Orientamento").SetStatus(servicerequest.StatusACCEPTED).
			SetSentOn(domain.Today().AddDays(-60)).SetAnswerDueOn(domain.Today().AddDays(-50)).ExecX(w.Ctx)
		var inbox struct {
			ServiceRequestsIncoming struct {
				Edges []struct {
					Node struct{ ID, Status, AnswerDueOn string }
				}
			}
		}
		w.Partner.Must(incoming, nil, &inbox)
		var order []string
		for _, e := range inbox.ServiceRequestsIncoming.Edges {
			order = append(order, e.Node.Status+" "+e.Node.AnswerDueOn)
		}
		if !slices.IsSortedFunc(order, func(a, b string) int {
			if a[:4] != b[:4] {
				return -strings.Compare(a[:4], b[:4]) // SENT before ACCEPTED
			}
			return strings.Compare(a, b)
		}) || !slices.ContainsFunc(order, func(s string) bool { return strings.HasPrefix(s, "SENT") }) {
			t.Errorf("the partner's agenda lists %v", order)
		}
		reads := w.Client.AuditEvent.Query().Where(auditevent.Action("READ_SHARED_CONTACT"), auditevent.HasActorWith()).CountX(w.Ctx)
		if reads == 0 {
			t.Error("the partner's read of the contact data is not audited")
		}
		if r := w.Vinci.Post(readRequest, map[string]any{"id": req.ID}); r.Code() != "NOT_FOUND" {
			t.Errorf("another table's operator reads the request: %s", r.Raw)
		}

		// Only the cooperative answers, in the order of a request's life.
		on := domain.Today().AddDays(7).String()
		webtest.Refused(t, w.Coord.Post(acceptRequest, map[string]any{"id": req.ID, "on": on}), "FORBIDDEN", "")
		webtest.Refused(t, w.Vinci.Post(acceptRequest, map[string]any{"id": req.ID, "on": on}), "NOT_FOUND", "")
		webtest.Refused(t, w.Partner.Post(completeRequest, map[string]any{"id": req.ID, "in": map[string]any{"successful": true, "reason": "PURPOSE_REACHED"}}), "BAD_USER_INPUT", "id")
		webtest.Refused(t, w.Partner.Post(cancelRequest, map[string]any{"id": req.ID, "v": w.Snapshot(id).Version}), "NOT_FOUND", "")
		before := w.Snapshot(id)
		var accepted struct {
			Status, PlannedStart string
			AnsweredBy           struct{ ID gid.ID }
			Intervention, Case   *struct{ ID gid.ID }
		}
		w.Partner.Must(acceptRequest, map[string]any{"id": req.ID, "on": on}, &accepted)
		if a := accepted; a.Status != "ACCEPTED" || a.PlannedStart != on || a.AnsweredBy.ID != w.PartnerID || a.Intervention != nil || a.Case != nil {
			t.Errorf("accepted, the partner reads %+v", a)
		}
		after := w.Snapshot(id)
		if after.Interventions != before.Interventions+1 || after.Version != before.Version+1 || w.LastEvent(id) != "SERVICE_REQUEST_ACCEPTED" {
			t.Errorf("accepting changed the case from %+v to %+v, last event %s", before, after, w.LastEvent(id))
		}
		member := readAs(t, w.Op, req.ID)
		if member.Intervention == nil || member.Intervention.Status != "PLANNED" || member.Case == nil || member.Case.ID != id {
			t.Fatalf("the member reads %+v", member)
		}
		iv := w.Client.Intervention.GetX(w.Ctx, member.Intervention.ID)
		if iv.Kind != intervention.KindInternship || iv.QueryProvider().OnlyIDX(w.Ctx) != w.Girasole || iv.StartsOn.String() != on {
			t.Errorf("the request became %+v", iv)
		}
		webtest.Refused(t, w.Partner.Post(acceptRequest, map[string]any{"id": req.ID, "on": on}), "BAD_USER_INPUT", "id")
		if e := w.Client.OutboxEvent.Query().Where(outboxevent.KindEQ(domain.EventServiceAnswered), outboxevent.CaseID(id)).OnlyX(w.Ctx); e.UserID != w.OpID {
			t.Errorf("the answer is told to %s, not the member who sent the request", e.UserID)
		}

		// Ended without success: OTHER needs words; the intervention is interrupted.
		webtest.Refused(t, w.Partner.Post(completeRequest, map[string]any{"id": req.ID, "in": map[string]any{"successful": false, "reason": "OTHER"}}), "BAD_USER_INPUT", "input.note")
		webtest.Refused(t, w.Op.Post(completeRequest, map[string]any{"id": req.ID, "in": map[string]any{"successful": false, "reason": "PERSON_WITHDREW"}}), "FORBIDDEN", "")
		w.Partner.Must(completeRequest, map[string]any{"id": req.ID, "in": map[string]any{"successful": false, "reason": "PERSON_WITHDREW", "note": "Non si è più presentata"}}, nil)
		if iv := w.Client.Intervention.GetX(w.Ctx, iv.ID); iv.Status != intervention.StatusInterrupted || iv.EndsOn == nil {
			t.Errorf("the intervention of a service ended without success is %s", iv.Status)
		}
		if got := w.LastEventValues(id); !strings.Contains(got, "SERVICE_REQUEST_COMPLETED") || !strings.Contains(got, "PERSON_WITHDREW") {
			t.Errorf("the timeline's last event: %s", got)
		}
		// Over, the request shares its contact data no more.
		if seen := readAs(t, w.Partner, req.ID); seen.Contact != nil {
			t.Errorf("a completed request still shares %+v", seen.Contact)
		}

		// A second request, declined with a reason (OTHER needs words).
		w.Op.Must(requestService, in(nil), &sent)
		second := sent.ID
		webtest.Refused(t, w.Partner.Post(declineRequest, map[string]any{"id": second, "r": "OTHER"}), "BAD_USER_INPUT", "note")
		w.Partner.Must(declineRequest, map[string]any{"id": second, "r": "NO_CAPACITY", "n": "Posti esauriti fino a marzo"}, nil)
		if got := w.LastEventValues(id); !strings.Contains(got, "SERVICE_REQUEST_DECLINED") || !strings.Contains(got, "NO_CAPACITY") {
			t.Errorf("the timeline's last event: %s", got)
		}
		webtest.Refused(t, w.Op.Post(cancelRequest, map[string]any{"id": second, "v": w.Snapshot(id).Version}), "BAD_USER_INPUT", "id")

		// A third, cancelled by the table before any answer.
		w.Op.Must(requestService, in(nil), &sent)
		w.Op.Must(cancelRequest, map[string]any{"id": sent.ID, "v": w.Snapshot(id).Version}, nil)
		if got := w.Client.ServiceRequest.GetX(w.Ctx, sent.ID).Status; got != servicerequest.StatusCANCELLED {
			t.Errorf("cancelled, the request is %s", got)
		}
		webtest.Refused(t, w.Partner.Post(acceptRequest, map[string]any{"id": sent.ID, "on": on}), "BAD_USER_INPUT", "id")
	})
}

// TestWithdrawalStopsTheNextSharing: once the person withdraws their
// SHARING basis, the open request shares nothing more and the next one
// naming contact data is refused; what was shared stays in the audit.
func TestWithdrawalStopsTheNextSharing(t *testing.T) {
	storetest.Each(t, func(t *testing.T, db *store.DB) {
		w := newWorld(t, db)
		id, per := w.caseForRequests()
		basis := w.Client.Consent.Create().SetPersonID(per).SetTableID(w.Empoli).SetRecordedByID(w.OpID).SetPurpose(consent.PurposeSHARING).
			SetBasis(consent.BasisCONSENT).SetOrganizationID(w.Girasole).SetGivenOn(domain.Today().AddDays(-3)).SaveX(w.Ctx)
		in := func() map[string]any {
			return map[string]any{"id": id, "v": w.Snapshot(id).Version, "in": map[string]any{"organizationID": w.Girasole,
				"kind": "ORIENTATION", "need": "Colloquio di orientamento", "shareContact": []string{"NAME"}}}
		}
		var sent struct{ ID gid.ID }
		w.Op.Must(requestService, in(), &sent)
		if seen := readAs(t, w.Partner, sent.ID); seen.Contact == nil || seen.Contact.Name == nil {
			t.Fatalf("before the withdrawal the partner reads %+v", seen.Contact)
		}
		w.Op.Must(withdrawConsent, map[string]any{"id": basis.ID, "r": "Non vuole che i suoi dati siano condivisi"}, nil)
		if seen := readAs(t, w.Partner, sent.ID); seen.Contact != nil {
			t.Errorf("after the withdrawal the partner still reads %+v", seen.Contact)
		}
		webtest.Refused(t, w.Op.Post(requestService, in()), "CONFLICT", "")
		shared := w.Client.AuditEvent.Query().Where(auditevent.Action("REQUEST_SERVICE"), auditevent.EntityType("ServiceRequest"),
			auditevent.EntityID(string(sent.ID))).CountX(w.Ctx)
		if shared != 1 {
			t.Errorf("the sharing is recorded %d times in the audit", shared)
		}
	})
}

// agendaCount is the totalCount of the one list an agenda query asks for.
func agendaCount(a *webtest.API, query string) int {
	a.T.Helper()
	var out map[string]struct{ TotalCount int }
	a.Must(query, nil, &out)
	for _, list := range out {
		return list.TotalCount
	}
	return -1
}

// TestPartnerReadsTheRequestAndNothingElse: the partner's operator, at
// no table, reads the requests addressed to their organisation and
// nothing of their cases by any path: lists and counts, node and nodes,
// the requests' own edges, filters through them, the search.
func TestPartnerReadsTheRequestAndNothingElse(t *testing.T) {
	storetest.Each(t, func(t *testing.T, db *store.DB) {
		w := newWorld(t, db)
		addressed := w.Client.ServiceRequest.Query().Where(servicerequest.HasOrganizationWith(organization.ID(w.Girasole))).
			WithCase(func(q *ent.CaseFileQuery) { q.WithPerson().WithPlan().WithInterventions() }).AllX(w.Ctx)
		if len(addressed) == 0 {
			t.Fatal("the demo has no request to the partner's cooperative")
		}
		var list struct {
			TotalCount int
			Edges      []struct {
				Node struct {
					ID                 gid.ID
					Case, Intervention *struct{ ID gid.ID }
				}
			}
		}
		w.Partner.Must(`{ serviceRequests(first: 100) { totalCount edges { node { id case { id } intervention { id } } } } }`, nil, &list)
		if list.TotalCount != len(addressed) {
			t.Errorf("the partner lists %d requests, %d are addressed to them", list.TotalCount, len(addressed))
		}
		for _, e := range list.Edges {
			if e.Node.Case != nil || e.Node.Intervention != nil {
				t.Errorf("the partner reaches the case or the intervention of %s", e.Node.ID)
			}
		}
		for name, query := range map[string]string{
			"cases":             `{ cases(first: 1) { totalCount } }`,
			"persons":           `{ persons(first: 1) { totalCount } }`,
			"requests by case":  `{ serviceRequests(first: 1, where: {hasCase: true}) { totalCount } }`,
			"requests by state": `{ serviceRequests(first: 1, where: {hasCaseWith: {statusIn: [IN_CHARGE, MONITORING, CLOSED]}}) { totalCount } }`,
			"search":            `{ searchCases(text: "2026", first: 1) { totalCount } }`,
		} {
			var out struct{ TotalCount int }
			if w.Partner.Must(query, nil, &out); out.TotalCount != 0 {
				t.Errorf("%s: the partner counts %d", name, out.TotalCount)
			}
		}
		c := addressed[0].Edges.Case
		ids := []gid.ID{c.ID, c.Edges.Person.ID}
		if c.Edges.Plan != nil {
			ids = append(ids, c.Edges.Plan.ID)
		}
		for _, i := range c.Edges.Interventions {
			ids = append(ids, i.ID)
		}
		var nodes struct{ Nodes []*struct{ ID gid.ID } }
		r := w.Partner.Send(`query($ids: [ID!]!) { nodes(ids: $ids) { id } }`, map[string]any{"ids": ids}, &nodes)
		for i, n := range nodes.Nodes {
			if n != nil {
				t.Errorf("the partner reads %s by nodes (%s)", ids[i], r.Raw)
			}
		}
		for _, id := range ids {
			if r := w.Partner.Post(`query($id: ID!) { node(id: $id) { id } }`, map[string]any{"id": id}); r.Code() != "NOT_FOUND" {
				t.Errorf("the partner reads %s by node: %s", id, r.Raw)
			}
		}
	})
}
