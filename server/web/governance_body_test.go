package web_test

import (
	"testing"

	"github.com/progetto-win/win/domain"
	"github.com/progetto-win/win/domain/gid"
	"github.com/progetto-win/win/ent/casefile"
	"github.com/progetto-win/win/ent/organization"
	"github.com/progetto-win/win/ent/schema/rule"
	"github.com/progetto-win/win/server/demo"
	"github.com/progetto-win/win/server/store"
	"github.com/progetto-win/win/server/store/storetest"
	"github.com/progetto-win/win/server/webtest"
)

const (
	addSignatory = `mutation($p: ID!, $o: ID!, $r: PactSignatoryRole!, $d: Date!, $n: String!) { addPactSignatory(pactID: $p,
		input: {organizationID: $o, role: $r, joinedOn: $d, signerName: $n, signerRole: "Presidente"}) { id role joinedOn leftOn signerName organization { id } } }`
	endSignatory = `mutation($id: ID!, $d: Date!, $r: String!) { endPactSignatory(id: $id, leftOn: $d, reason: $r) { id leftOn leavingReason } }`
	amendPact    = `mutation($id: ID!, $d: Date!, $s: String!, $t: String) { amendPact(id: $id, input: {amendedOn: $d, summary: $s, text: $t}) {
		id text amendments { amendedOn summary previousText recordedBy { id } } } }`
	progress = `mutation($id: ID!, $t: ID!, $s: DirectiveAcknowledgementStatus!, $e: String, $r: String, $on: Date) {
		recordDirectiveProgress(id: $id, tableID: $t, status: $s, evidence: $e, reason: $r, on: $on) { id status statusOn evidence reason } }`
)

// TestPactSignatories: the committee records who signs the pact, with
// role, dates and signer, once at a time, and its dated amendments with
// the text before; others may not.
func TestPactSignatories(t *testing.T) {
	storetest.Each(t, func(t *testing.T, db *store.DB) {
		w := newWorld(t, db)
		sys := rule.SystemContext(w.Ctx)
		steering := webtest.As(t, w.Base, demo.SteeringEmail)
		p := w.Client.Pact.Query().OnlyX(sys)
		org := w.Client.Organization.Create().SetName("Associazione Nuova").SetKind(organization.KindThirdSector).SaveX(sys)
		today := domain.Today().String()
		vars := map[string]any{"p": p.ID, "o": org.ID, "r": "ADHERENT", "d": today, "n": "Maria Rossi"}
		with := func(k string, v any) map[string]any {
			out := map[string]any{}
			for kk, vv := range vars {
				out[kk] = vv
			}
			out[k] = v
			return out
		}

		webtest.Refused(t, w.Coord.Send(addSignatory, vars, nil), "FORBIDDEN", "")
		webtest.Refused(t, steering.Send(addSignatory, with("n", " "), nil), "BAD_USER_INPUT", "signerName")
		webtest.Refused(t, steering.Send(addSignatory, with("d", p.SignedOn.AddDays(-1).String()), nil), "BAD_USER_INPUT", "joinedOn")
		webtest.Refused(t, steering.Send(addSignatory, with("d", domain.Today().AddDays(1).String()), nil), "BAD_USER_INPUT", "joinedOn")
		var s struct {
			ID       gid.ID
			Role     string
			LeftOn   *string
			JoinedOn string
		}
		steering.Must(addSignatory, vars, &s)
		if s.Role != "ADHERENT" || s.JoinedOn != today || s.LeftOn != nil {
			t.Errorf("signature = %+v", s)
		}
		webtest.Refused(t, steering.Send(addSignatory, vars, nil), "CONFLICT", "")

		// Leaving: with a reason, once; the signature stays; then it may
		// sign again.
		webtest.Refused(t, steering.Send(endSignatory, map[string]any{"id": s.ID, "d": today, "r": ""}, nil), "BAD_USER_INPUT", "reason")
		var left struct{ LeftOn, LeavingReason string }
		steering.Must(endSignatory, map[string]any{"id": s.ID, "d": today, "r": "Scioglimento dell'associazione"}, &left)
		if left.LeftOn != today {
			t.Errorf("left = %+v", left)
		}
		webtest.Refused(t, steering.Send(endSignatory, map[string]any{"id": s.ID, "d": today, "r": "Di nuovo"}, nil), "CONFLICT", "")
		steering.Must(addSignatory, vars, nil)
		var listed struct {
			Signatories struct{ TotalCount int }
		}
		steering.Must(`query($id: ID!) { node(id: $id) { ... on Pact { signatories(first: 10, where: {hasOrganizationWith: {id: "`+string(org.ID)+`"}}) { totalCount } } } }`,
			map[string]any{"id": p.ID}, &listed)
		if listed.Signatories.TotalCount != 2 {
			t.Errorf("the body's signatures over time: %d, want 2", listed.Signatories.TotalCount)
		}

		// Amending: dated, with what changed; a new text keeps the old.
		webtest.Refused(t, steering.Send(amendPact, map[string]any{"id": p.ID, "d": today, "s": " "}, nil), "BAD_USER_INPUT", "summary")
		var amended struct {
			Text       string
			Amendments []struct {
				Summary      string
				PreviousText *string
				RecordedBy   *struct{ ID gid.ID }
			}
		}
		steering.Must(amendPact, map[string]any{"id": p.ID, "d": today, "s": "Art. 3: nuovi strumenti", "t": "Testo nuovo"}, &amended)
		if amended.Text != "Testo nuovo" || len(amended.Amendments) != 1 || amended.Amendments[0].PreviousText == nil ||
			*amended.Amendments[0].PreviousText != p.Text || amended.Amendments[0].RecordedBy == nil {
			t.Errorf("amended = %+v", amended)
		}
		webtest.Refused(t, steering.Send(amendPact, map[string]any{"id": p.ID, "d": today, "s": "Di nuovo", "t": "Testo nuovo"}, nil), "BAD_USER_INPUT", "text")
	})
}

// TestCommitteeMembers: the committee's seats, one per body at a time,
// represented by one of the body's users.
func TestCommitteeMembers(t *testing.T) {
	storetest.Each(t, func(t *testing.T, db *store.DB) {
		w := newWorld(t, db)
		sys := rule.SystemContext(w.Ctx)
		steering := webtest.As(t, w.Base, demo.SteeringEmail)
		org := w.Client.Organization.Create().SetName("Associazione Nuova").SetKind(organization.KindThirdSector).SaveX(sys)
		rep := w.Client.User.Create().SetEmail("presidente@nuova.example").SetName("Presidente").SetOrganization(org).
			SetRoles([]domain.Role{domain.RoleOperator}).SaveX(sys)
		add := `mutation($o: ID!, $u: ID) { addCommitteeMember(input: {organizationID: $o, representativeID: $u, role: MEMBER}) {
			id role fromOn untilOn organization { id } representative { id } } }`
		webtest.Refused(t, w.Op.Send(add, map[string]any{"o": w.OpOrg, "u": w.OpID}, nil), "FORBIDDEN", "")
		webtest.Refused(t, steering.Send(add, map[string]any{"o": org.ID, "u": w.OpID}, nil), "BAD_USER_INPUT", "representativeID")
		var seat struct{ ID gid.ID }
		steering.Must(add, map[string]any{"o": org.ID, "u": rep.ID}, &seat)
		webtest.Refused(t, steering.Send(add, map[string]any{"o": org.ID}, nil), "CONFLICT", "")
		end := `mutation($id: ID!, $d: Date!) { endCommitteeMember(id: $id, untilOn: $d) { untilOn } }`
		webtest.Refused(t, steering.Send(end, map[string]any{"id": seat.ID, "d": domain.Today().AddDays(-1).String()}, nil), "BAD_USER_INPUT", "untilOn")
		steering.Must(end, map[string]any{"id": seat.ID, "d": domain.Today().String()}, nil)
		steering.Must(add, map[string]any{"o": org.ID}, nil)
		var n struct{ TotalCount int }
		steering.Must(`{ committeeMembers(first: 10, where: {untilOnIsNil: true}) { totalCount } }`, nil, &n)
		if n.TotalCount < 1 {
			t.Errorf("sitting members: %d", n.TotalCount)
		}
	})
}

// TestDirectiveProgress: a directive has a deadline; each table records
// how it carries it out, forwards only, with evidence or a reason; the
// committee sees every table's state, late ones flagged, and the share
// implemented on time.
func TestDirectiveProgress(t *testing.T) {
	storetest.Each(t, func(t *testing.T, db *store.DB) {
		w := newWorld(t, db)
		steering := webtest.As(t, w.Base, demo.SteeringEmail)
		issue := `mutation($t: [ID!], $due: Date!, $on: Date) { issueDirective(input: {title: "Accoglienza", body: "Primo colloquio entro 30 giorni",
			tableIDs: $t, dueOn: $due, issuedOn: $on, level: OPERATIONAL}) { id level dueOn } }`
		today := domain.Today()
		webtest.Refused(t, steering.Send(issue, map[string]any{"t": []gid.ID{w.Empoli}, "due": today.AddDays(-1).String()}, nil), "BAD_USER_INPUT", "dueOn")
		var d struct {
			ID    gid.ID
			Level string
		}
		steering.Must(issue, map[string]any{"t": []gid.ID{w.Empoli, w.VinciTable}, "due": today.AddDays(-1).String(),
			"on": today.AddDays(-10).String()}, &d)
		if d.Level != "OPERATIONAL" {
			t.Errorf("level = %q", d.Level)
		}
		vars := func(status string, extra ...any) map[string]any {
			v := map[string]any{"id": d.ID, "t": w.Empoli, "s": status, "on": today.AddDays(-3).String()}
			for i := 0; i+1 < len(extra); i += 2 {
				v[extra[i].(string)] = extra[i+1]
			}
			return v
		}
		webtest.Refused(t, w.Op.Send(progress, vars("IN_PROGRESS"), nil), "FORBIDDEN", "")
		webtest.Refused(t, w.Coord.Send(progress, vars("IMPLEMENTED"), nil), "BAD_USER_INPUT", "evidence")
		webtest.Refused(t, w.Coord.Send(progress, vars("NOT_APPLICABLE"), nil), "BAD_USER_INPUT", "reason")
		webtest.Refused(t, w.Coord.Send(progress, vars("IN_PROGRESS", "on", today.AddDays(-11).String()), nil), "BAD_USER_INPUT", "on")
		w.Coord.Must(progress, vars("IN_PROGRESS"), nil)
		var done struct{ Status, Evidence string }
		w.Coord.Must(progress, vars("IMPLEMENTED", "e", "Protocollo di accoglienza adottato", "on", today.AddDays(-2).String()), &done)
		if done.Status != "IMPLEMENTED" {
			t.Errorf("status = %+v", done)
		}
		webtest.Refused(t, w.Coord.Send(progress, vars("IN_PROGRESS", "on", today.String()), nil), "BAD_USER_INPUT", "status")

		var got struct {
			Progress []struct {
				Table      struct{ ID gid.ID }
				Progress   *struct{ Status string }
				Done, Late bool
			}
		}
		steering.Must(`query($id: ID!) { node(id: $id) { ... on Directive { progress { table { id } progress { status } done late } } } }`,
			map[string]any{"id": d.ID}, &got)
		if len(got.Progress) != 2 {
			t.Fatalf("progress of %d tables, want 2", len(got.Progress))
		}
		for _, p := range got.Progress {
			switch p.Table.ID {
			case w.Empoli:
				if !p.Done || p.Late {
					t.Errorf("Empoli implemented before the deadline: %+v", p)
				}
			case w.VinciTable:
				if p.Done || !p.Late || p.Progress != nil {
					t.Errorf("Vinci has done nothing past the deadline: %+v", p)
				}
			}
		}
		var share struct {
			DirectivesImplementedOnTime struct{ Total struct{ Value *float64 } }
		}
		w.Coord.Must(`{ indicators(filter: {from: "`+today.AddDays(-5).String()+`"}) { directivesImplementedOnTime { total { value } } } }`, nil, &share)
		if v := share.DirectivesImplementedOnTime.Total.Value; v == nil || *v != 1 {
			t.Errorf("the coordinator of Empoli sees its table's share on time = %v, want 1", v)
		}
	})
}

// TestProtocolSignatures: a protocol is activated once two parties at
// least have signed, each with its signer; interventions are delivered
// under an active protocol, which sums them.
func TestProtocolSignatures(t *testing.T) {
	storetest.Each(t, func(t *testing.T, db *store.DB) {
		w := newWorld(t, db)
		sys := rule.SystemContext(w.Ctx)
		steering := webtest.As(t, w.Base, demo.SteeringEmail)
		var p struct{ ID gid.ID }
		steering.Must(`mutation { createProtocol(input: {title: "Protocollo casa-lavoro"}) { id } }`, nil, &p)
		party := `mutation($p: ID!, $o: ID!) { addProtocolParty(protocolID: $p, input: {organizationID: $o, role: PARTNER}) { id } }`
		activate := `mutation($id: ID!) { activateProtocol(id: $id) { status signedOn } }`
		sign := `mutation($id: ID!, $d: Date!, $n: String!) { signProtocolParty(id: $id, signedOn: $d, signerName: $n) { signedOn signerName } }`
		today := domain.Today().String()
		var first, second struct{ ID gid.ID }
		steering.Must(party, map[string]any{"p": p.ID, "o": w.OpOrg}, &first)
		webtest.Refused(t, steering.Send(activate, map[string]any{"id": p.ID}, nil), "BAD_USER_INPUT", "id")
		steering.Must(party, map[string]any{"p": p.ID, "o": w.Girasole}, &second)
		steering.Must(sign, map[string]any{"id": first.ID, "d": today, "n": "Anna Bianchi"}, nil)
		webtest.Refused(t, steering.Send(activate, map[string]any{"id": p.ID}, nil), "BAD_USER_INPUT", "id")
		webtest.Refused(t, steering.Send(sign, map[string]any{"id": second.ID, "d": today, "n": ""}, nil), "BAD_USER_INPUT", "signerName")
		webtest.Refused(t, w.Coord.Send(sign, map[string]any{"id": second.ID, "d": today, "n": "Luca Verdi"}, nil), "FORBIDDEN", "")
		steering.Must(sign, map[string]any{"id": second.ID, "d": today, "n": "Luca Verdi"}, nil)
		webtest.Refused(t, steering.Send(sign, map[string]any{"id": second.ID, "d": today, "n": "Luca Verdi"}, nil), "CONFLICT", "")

		// Not yet active: no intervention under it.
		id, _ := w.CaseIn(casefile.StatusInCharge)
		deliver := func() webtest.Response {
			return w.Op.Send(`mutation($id: ID!, $v: Int!, $o: ID!, $p: ID!, $d: Date!) { addIntervention(id: $id, version: $v, input: {
				kind: HOUSING_SUPPORT, providerID: $o, startsOn: $d, costCents: 25000, protocolID: $p}) { id } }`,
				map[string]any{"id": id, "v": w.Snapshot(id).Version, "o": w.Provider, "p": p.ID, "d": today}, nil)
		}
		webtest.Refused(t, deliver(), "BAD_USER_INPUT", "protocolID")
		steering.Must(activate, map[string]any{"id": p.ID}, nil)
		if r := deliver(); len(r.Errors) > 0 {
			t.Fatalf("an intervention under an active protocol: %s", r.Raw)
		}
		var delivered struct {
			Delivered struct{ Interventions, CostCents, SpentCents int }
		}
		steering.Must(`query($id: ID!) { node(id: $id) { ... on Protocol { delivered { interventions costCents spentCents } } } }`,
			map[string]any{"id": p.ID}, &delivered)
		if got := delivered.Delivered; got.Interventions != 1 || got.CostCents != 25000 || got.SpentCents != 0 {
			t.Errorf("delivered = %+v", got)
		}
		if n := w.Client.Intervention.Query().CountX(sys); n == 0 {
			t.Error("no interventions")
		}
	})
}

// TestCommunityActivities: the committee records community activities,
// organised by some body, with a count of participants and never a tax
// code; indicators count them by value dimension and municipality.
func TestCommunityActivities(t *testing.T) {
	storetest.Each(t, func(t *testing.T, db *store.DB) {
		w := newWorld(t, db)
		steering := webtest.As(t, w.Base, demo.SteeringEmail)
		create := `mutation($o: [ID!], $d: Date!, $n: Int!, $desc: String) { createCommunityActivity(input: {title: "Laboratorio di welfare di comunità",
			kind: WORKSHOP, heldOn: $d, participants: $n, valueDimension: CULTURAL, organizerIDs: $o, description: $desc}) { id participants organizers(first: 10) { totalCount } } }`
		today := domain.Today().String()
		webtest.Refused(t, w.Coord.Send(create, map[string]any{"o": []gid.ID{w.OpOrg}, "d": today, "n": 12}, nil), "FORBIDDEN", "")
		webtest.Refused(t, steering.Send(create, map[string]any{"o": []gid.ID{}, "d": today, "n": 12}, nil), "BAD_USER_INPUT", "organizerIDs")
		webtest.Refused(t, steering.Send(create, map[string]any{"o": []gid.ID{w.OpOrg}, "d": domain.Today().AddDays(1).String(), "n": 12}, nil), "BAD_USER_INPUT", "heldOn")
		webtest.Refused(t, steering.Send(create, map[string]any{"o": []gid.ID{w.OpOrg}, "d": today, "n": -1}, nil), "BAD_USER_INPUT", "participants")
		webtest.Refused(t, steering.Send(create, map[string]any{"o": []gid.ID{w.OpOrg}, "d": today, "n": 3,
			"desc": "Con RSSMRA80A01D403X"}, nil), "BAD_USER_INPUT", "description")
		var a struct{ ID gid.ID }
		steering.Must(create, map[string]any{"o": []gid.ID{w.OpOrg, w.Girasole}, "d": today, "n": 12}, &a)
		webtest.Refused(t, steering.Send(`mutation($id: ID!, $o: [ID!]) { updateCommunityActivity(id: $id, input: {removeOrganizerIDs: $o}) { id } }`,
			map[string]any{"id": a.ID, "o": []gid.ID{w.OpOrg, w.Girasole}}, nil), "BAD_USER_INPUT", "organizerIDs")

		// Coordinators see indicators day by day (the committee, whole
		// months already over).
		var got struct {
			CommunityParticipants struct {
				Cells []struct {
					Keys  []struct{ Key string }
					Value *float64
				}
			}
		}
		w.Coord.Must(`{ indicators { communityParticipants(groupBy: [VALUE_DIMENSION]) { cells { keys { key } value } } } }`, nil, &got)
		found := false
		for _, c := range got.CommunityParticipants.Cells {
			if len(c.Keys) == 1 && c.Keys[0].Key == "CULTURAL" && c.Value != nil && *c.Value >= 12 {
				found = true
			}
		}
		if !found {
			t.Errorf("participants by value dimension: %+v", got.CommunityParticipants.Cells)
		}
	})
}
