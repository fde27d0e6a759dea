package webtest

import (
	"context"
	"io"
	"log/slog"
	"testing"
	"time"

	"github.com/progetto-win/win/domain"
	"github.com/progetto-win/win/domain/viewer"
	"github.com/progetto-win/win/ent"
	"github.com/progetto-win/win/ent/apitoken"
	"github.com/progetto-win/win/ent/approval"
	"github.com/progetto-win/win/ent/commitment"
	"github.com/progetto-win/win/ent/decision"
	"github.com/progetto-win/win/ent/organization"
	"github.com/progetto-win/win/ent/outcome"
	"github.com/progetto-win/win/ent/outgoingmail"
	"github.com/progetto-win/win/ent/plan"
	"github.com/progetto-win/win/ent/protocolcommitment"
	"github.com/progetto-win/win/ent/protocolparty"
	"github.com/progetto-win/win/ent/servicerequest"
	"github.com/progetto-win/win/server/auth"
	"github.com/progetto-win/win/server/web"

	"github.com/progetto-win/win/domain/gid"
	"github.com/progetto-win/win/ent/casefile"
	"github.com/progetto-win/win/ent/meeting"
	"github.com/progetto-win/win/ent/schema/rule"
	"github.com/progetto-win/win/ent/session"
	"github.com/progetto-win/win/ent/tablemembership"
	"github.com/progetto-win/win/ent/territorialtable"
	"github.com/progetto-win/win/ent/user"
	"github.com/progetto-win/win/ent/webhookdelivery"
	"github.com/progetto-win/win/server/demo"
	"github.com/progetto-win/win/server/store"
)

// The roles of the access matrix: each demo account, and nobody signed in.
const (
	Anonymous   = "anonymous"
	Admin       = "admin"
	Steering    = "steering"
	Coordinator = "coordinator (Empoli)"
	Operator    = "operator (Empoli)"
	Vinci       = "operator (Vinci)"
	Analyst     = "analyst"
	Partner     = "partner operator" // of Il Girasole, at no table
	DPO         = "data-protection officer"
)

// Roles lists the roles of the matrix, nobody first.
var Roles = []string{Anonymous, Admin, Steering, Coordinator, Operator, Vinci, Analyst, Partner, DPO}

// AccountOf is the demo account of each role but nobody.
var AccountOf = map[string]string{
	Admin: demo.AdminEmail, Steering: demo.SteeringEmail, Coordinator: demo.CoordinatorEmail,
	Operator: demo.OperatorEmail, Vinci: demo.OperatorVinciEmail, Analyst: demo.AnalystEmail, Partner: demo.PartnerEmail,
	DPO: demo.DPOEmail,
}

// DemoAPI loads demo data into the empty database and returns an API over
// it with no credentials; As signs its accounts in.
func DemoAPI(t *testing.T, db *store.DB, seed int64, cases int) *API {
	t.Helper()
	client := db.Client()
	if _, err := demo.Load(rule.SystemContext(context.Background()), db, demo.Options{Seed: seed, Cases: cases, Today: time.Now()}); err != nil {
		t.Fatal(err)
	}
	logger := slog.New(slog.NewTextHandler(io.Discard, nil))
	a := &API{T: t, Client: client, Accounts: Accounts(t, client)}
	a.Handler = web.New(a.Options(db, logger))
	return a
}

// As signs a demo account in and returns its browser.
func As(t testing.TB, base *API, email string) *API {
	t.Helper()
	b := &API{T: t, Handler: base.Handler, Client: base.Client}
	if r := b.SignInAs(email, demo.Password); b.Cookie == nil {
		t.Fatalf("%s cannot sign in: %s", email, r.Raw)
	}
	return b
}

// RoleClients returns a client for every role of the matrix: each demo
// account signed in, and nobody.
func RoleClients(t *testing.T, base *API) map[string]*API {
	t.Helper()
	clients := map[string]*API{Anonymous: {T: t, Handler: base.Handler, Client: base.Client}}
	for role, email := range AccountOf {
		clients[role] = As(t, base, email)
	}
	return clients
}

// SampleObjects picks one object of every type, in the Empoli table's
// world for the case family, and creates the coordinator's session and
// token.
func SampleObjects(t *testing.T, a *API, coordinatorID, vinciID gid.ID) map[string]gid.ID {
	t.Helper()
	ctx := rule.SystemContext(context.Background())
	c := a.Client
	empoli := casefile.And(casefile.HasTableWith(territorialtable.Code("EMP")),
		casefile.Not(casefile.HasReferringOperatorWith(user.ID(vinciID))))
	cs := c.CaseFile.Query().Where(empoli, casefile.StatusEQ(casefile.StatusMonitoring),
		casefile.Not(casefile.HasCaseManagerWith(user.Email(demo.OperatorEmail))), casefile.HasMonitoringMeetings()).
		WithPerson().WithPlan().WithEvents().WithInterventions().WithOutcomes().WithMonitoringMeetings().FirstX(ctx)
	pl := cs.Edges.Plan
	o := map[string]gid.ID{
		"Case": cs.ID, "Person": cs.Edges.Person.ID, "Plan": pl.ID, "CaseEvent": cs.Edges.Events[0].ID,
		"Intervention":      cs.Edges.Interventions[0].ID,
		"Assessment":        cs.QueryAssessments().FirstIDX(ctx),
		"MonitoringMeeting": cs.Edges.MonitoringMeetings[0].ID,
		"MonitoringItem":    cs.Edges.MonitoringMeetings[0].QueryItems().FirstIDX(ctx),
		"PersonIdentity":    cs.Edges.Person.QueryIdentity().OnlyIDX(ctx),
		"Consent":           cs.Edges.Person.QueryConsents().FirstIDX(ctx),
		"Goal":              pl.QueryGoals().FirstIDX(ctx),
		"Municipality":      c.Municipality.Query().FirstIDX(ctx),
		"Organization":      c.Organization.Query().FirstIDX(ctx),
		"Pact":              c.Pact.Query().FirstIDX(ctx),
		"Table":             c.TerritorialTable.Query().Where(territorialtable.Code("EMP")).OnlyIDX(ctx),
		"TableMembership": c.TableMembership.Query().Where(tablemembership.HasTableWith(territorialtable.Code("EMP")),
			tablemembership.HasUserWith(user.EmailNEQ(demo.OperatorEmail))).FirstIDX(ctx),
		"User":          coordinatorID,
		"Fund":          c.Fund.Query().FirstIDX(ctx),
		"Protocol":      c.Protocol.Query().FirstIDX(ctx),
		"ProtocolParty": c.ProtocolParty.Query().FirstIDX(ctx),
		"ProtocolCommitment": c.ProtocolCommitment.Query().Where(protocolcommitment.HasPartyWith(protocolparty.HasOrganizationWith(
			organization.IDNotIn(c.User.Query().Where(user.EmailIn(demo.CoordinatorEmail, demo.OperatorEmail, demo.OperatorVinciEmail)).
				QueryOrganization().IDsX(ctx)...)))).FirstIDX(ctx),
		"Directive":  c.Directive.Query().FirstIDX(ctx),
		"Objective":  c.Objective.Query().FirstIDX(ctx),
		"Meeting":    c.Meeting.Query().Where(meeting.BodyEQ(meeting.BodySteeringCommittee)).FirstIDX(ctx),
		"Decision":   c.Decision.Query().Where(decision.HasMeetingWith(meeting.BodyEQ(meeting.BodySteeringCommittee))).FirstIDX(ctx),
		"AuditEvent": c.AuditEvent.Query().FirstIDX(ctx),
		"Session":    c.Session.Query().Where(session.HasUserWith(user.ID(coordinatorID))).FirstIDX(ctx),
	}
	// A request of the Empoli table (all to the partner's cooperative) and
	// a proposal of a closure there, both drawn.
	o["ServiceRequest"] = c.ServiceRequest.Query().Where(servicerequest.HasCaseWith(empoli)).FirstIDX(ctx)
	o["Approval"] = c.Approval.Query().Where(approval.HasCaseWith(empoli)).FirstIDX(ctx)
	// A signed plan of the case.
	o["Document"] = SeedDocument(ctx, c, cs.ID, coordinatorID, "Progetto firmato")
	// Outcomes and commitments are drawn: take any of the Empoli table's.
	o["Outcome"] = c.Outcome.Query().Where(outcome.HasCaseWith(empoli)).FirstIDX(ctx)
	o["Commitment"] = c.Commitment.Query().Where(commitment.HasPlanWith(plan.HasCaseWith(empoli))).FirstIDX(ctx)
	token, _, err := auth.New(c).CreateToken(ctx, &viewer.Viewer{UserID: coordinatorID}, "matrix", apitoken.ScopeRead, time.Now().Add(time.Hour), auth.Request{})
	if err != nil {
		t.Fatal(err)
	}
	o["ApiToken"] = token.ID
	// What concerns the coordinator alone.
	o["Notification"] = c.Notification.Create().SetKind(domain.EventReferralReceived).SetEventID("obx_matrix").
		SetRecipientID(coordinatorID).SetCaseID(cs.ID).SetCaseCode(cs.Code).SaveX(ctx).ID
	// The coordinator's webhook endpoints: one to change and delete,
	// another with a delivery to send again.
	hook := func(url string) *ent.WebhookCreate {
		return c.Webhook.Create().SetURL(url).SetKinds([]domain.EventKind{domain.EventCaseChanged}).SetSecret("whsec_bWF0cml4").
			SetOwnerID(coordinatorID).SetTokenID(token.ID)
	}
	o["Webhook"] = hook("https://crm.example/one").SaveX(ctx).ID
	o["WebhookDelivery"] = c.WebhookDelivery.Create().SetWebhook(hook("https://crm.example/two").SaveX(ctx)).
		SetEventID("obx_matrix").SetKind(domain.EventCaseChanged).SetOrderingKey("matrix").SetPayload("{}").
		SetState(webhookdelivery.StateDELIVERED).SaveX(ctx).ID
	// An amendment of the fund, by the steering committee.
	f := c.Fund.GetX(ctx, o["Fund"])
	o["FundAmendment"] = c.FundAmendment.Create().SetFund(f).SetPreviousCents(f.AllocatedCents).SetAllocatedCents(f.AllocatedCents).
		SetReason("Delibera di conferma").SetAmendedBy(c.User.Query().Where(user.Email(demo.SteeringEmail)).OnlyX(ctx)).SaveX(ctx).ID
	o["DirectiveAcknowledgement"] = c.DirectiveAcknowledgement.Query().FirstIDX(ctx)
	// The pact's signatures, an amendment of it, a seat in the committee
	// and a community activity, by the steering committee.
	steering := c.User.Query().Where(user.Email(demo.SteeringEmail)).WithOrganization().OnlyX(ctx)
	o["PactSignatory"] = c.PactSignatory.Query().FirstIDX(ctx)
	o["PactAmendment"] = sampleAmendment(c, o["Pact"], steering.ID).SaveX(ctx).ID
	o["CommitteeMember"] = sampleSeat(c, steering.Edges.Organization.ID, steering.ID).SaveX(ctx).ID
	o["CommunityActivity"] = sampleActivity(c, o["Organization"], o["Municipality"]).SaveX(ctx).ID
	o["OutgoingMail"] = c.OutgoingMail.Create().SetKind(outgoingmail.KindNOTIFICATION).SetToAddress(demo.CoordinatorEmail).
		SetLanguage(domain.Italian).SetSubject("WIN: prova").SetTextBody("prova").SetHTMLBody("<p>prova</p>").
		SetMessageID("<matrix@win.example>").SetRecipientID(coordinatorID).SaveX(ctx).ID
	return o
}
