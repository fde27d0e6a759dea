package demo

import (
	"hash/fnv"
	"slices"
	"time"

	"github.com/progetto-win/win/domain"
	"github.com/progetto-win/win/ent"
	"github.com/progetto-win/win/ent/approval"
	"github.com/progetto-win/win/ent/caseevent"
	"github.com/progetto-win/win/ent/casefile"
	"github.com/progetto-win/win/ent/consent"
	"github.com/progetto-win/win/ent/intervention"
	"github.com/progetto-win/win/ent/organization"
	"github.com/progetto-win/win/ent/servicerequest"
)

// Service requests and approvals of the demo. Like the bases of the uses
// of persons' data (addConsents), they follow the case's code, not the
// generator's random sequence, so that the rest of the demo stays as it
// was.

// caseHash is a number drawn from a case's code for a purpose.
func caseHash(c *caseDraft, purpose string) uint32 {
	h := fnv.New32a()
	_, _ = h.Write([]byte(c.code + "/" + purpose))
	return h.Sum32()
}

// at9 is a time of the working day on a date, drawn from n.
func at9(d domain.Date, n uint32) time.Time {
	return d.Start().Add(time.Duration(9*60+n%480) * time.Minute)
}

// timelineFacts are the values of a request's or approval's timeline
// event.
type timelineFacts struct {
	note, interventionKind, day, declineReason, completionReason, successful, approvalKind, organization any
}

// timelineEvent adds a timeline event of a case written by this file's
// steps; each made a new version of the case, as the steps do.
func (w *writer) timelineEvent(c *caseDraft, kind caseevent.Kind, at time.Time, actor *ent.User, f timelineFacts) {
	var actorID any
	if actor != nil {
		actorID = str(actor.ID)
	}
	w.c.events.add(str(caseevent.DefaultID()), w.created, w.created, string(kind), at, f.note,
		nil, nil, f.interventionKind, nil, nil, nil, nil, f.day, str(c.id), actorID, nil, nil, nil, nil,
		f.declineReason, f.completionReason, f.successful, f.approvalKind, f.organization)
	w.versions++
}

// requestNeeds are what a table writes in a request, by service.
var requestNeeds = map[intervention.Kind]string{
	intervention.KindOrientation:          "Colloquio di orientamento e bilancio delle competenze.",
	intervention.KindTraining:             "Inserimento nel prossimo corso di formazione disponibile.",
	intervention.KindInternship:           "Tirocinio di inserimento, preferibilmente part-time.",
	intervention.KindPsychosocialSupport:  "Percorso di sostegno psicologico individuale.",
	intervention.KindHousingSupport:       "Accompagnamento nella ricerca di un alloggio in affitto.",
	intervention.KindIncomeSupport:        "Accesso all'emporio solidale per tre mesi.",
	intervention.KindDebtCounselling:      "Consulenza per un piano di rientro dai debiti.",
	intervention.KindSocialCarePlacement:  "Inserimento in attività di gruppo del centro diurno.",
	intervention.KindReturnToEducation:    "Iscrizione a un corso serale per il diploma.",
	intervention.KindJobPlacement:         "Segnalazione per le offerte di lavoro della cooperativa.",
	intervention.KindWorkBasedTraining:    "Percorso di formazione in azienda.",
	intervention.KindBusinessStartSupport: "Accompagnamento all'avvio di un'attività autonoma.",
	intervention.KindHealthWorkPathway:    "Percorso integrato salute-lavoro.",
	intervention.KindOther:                "Supporto concordato con la persona nel progetto.",
}

// addServiceRequests adds, to one taken case in four, a request to a
// partner — most to the partner operator's cooperative — in a state
// that fits the case: waiting (some past their answer day) or accepted
// while the case is worked, declined, completed with success or not, or
// cancelled. A request that shares the person's name has its SHARING
// basis.
func (w *writer) addServiceRequests(c *caseDraft, t *table, manager *ent.User) {
	g := w.g
	n := caseHash(c, "requests")
	if n%4 != 0 {
		return
	}
	n /= 4
	m := int(n % 1_000_000) // for indexing: fits any int
	partner := g.net.partner
	org := g.net.orgOf[partner.ID]
	answerer := partner
	if c.table != 4 && n%3 != 0 { // Empoli's requests all go to the cooperative
		others := g.net.byKind[organization.KindThirdSector]
		org, answerer = others[m%len(others)].ID, nil
	}
	kind := requestKinds[m%len(requestKinds)]
	working := c.status == casefile.StatusInCharge || c.status == casefile.StatusMonitoring
	end := g.today
	if c.closed != nil {
		end = *c.closed
	}
	span := max(1, c.takenOn.DaysUntil(end))
	sent := (*c.takenOn).AddDays(m % span)
	// A worked case's request waits, was accepted, declined or cancelled;
	// a closed case's was answered and, accepted, has ended.
	state := []uint32{0, 1, 0, 1, 2, 5}[n%6]
	if !working {
		state = []uint32{2, 3, 4, 3}[n%4]
	}
	if working && state == 0 {
		sent = g.today.AddDays(-int(n % 16)) // some past their answer day
		if sent.Before(*c.takenOn) {
			sent = *c.takenOn
		}
	}
	answered := minDate(sent.AddDays(2+int(n%7)), end)
	var shared []domain.ContactDatum
	if n%2 == 0 {
		shared = []domain.ContactDatum{domain.ContactName}
		w.c.consents.add(str(consent.DefaultID()), w.created, w.created, string(consent.PurposeSHARING), string(consent.BasisCONSENT),
			nil, "Modulo condivisione "+c.code, g.day(sent), nil, nil, str(org), str(t.ID), str(manager.ID), nil, str(c.person.id))
	}
	id := servicerequest.DefaultID()
	status := []servicerequest.Status{servicerequest.StatusSENT, servicerequest.StatusACCEPTED, servicerequest.StatusDECLINED,
		servicerequest.StatusCOMPLETED, servicerequest.StatusCOMPLETED, servicerequest.StatusCANCELLED}[state]
	var answeredOn, plannedStart, declineReason, answerNote, completedOn, successful, completionReason, completionNote, answeredBy, interventionID any
	w.timelineEvent(c, caseevent.KindServiceRequested, at9(sent, n), manager,
		timelineFacts{interventionKind: string(kind), organization: str(org)})
	facts := timelineFacts{interventionKind: string(kind), organization: str(org)}
	if answerer != nil {
		answeredBy = str(answerer.ID)
	}
	switch status {
	case servicerequest.StatusACCEPTED, servicerequest.StatusCOMPLETED:
		start := minDate(answered.AddDays(7), end)
		answeredOn, plannedStart = g.day(answered), g.day(start)
		ivStatus, ivEnd := intervention.StatusPlanned, any(nil)
		if start.Before(g.today) {
			ivStatus = intervention.StatusOngoing
		}
		f := facts
		f.day = g.day(start)
		w.timelineEvent(c, caseevent.KindServiceRequestAccepted, at9(answered, n+1), answerer, f)
		if status == servicerequest.StatusCOMPLETED {
			done := minDate(start.AddDays(30+int(n%60)), end)
			ok := state == 3
			reason := servicerequest.CompletionReasonPURPOSE_REACHED
			completedOn, successful, ivStatus = g.day(done), ok, intervention.StatusCompleted
			if !ok {
				reason, ivStatus = servicerequest.CompletionReasonPERSON_WITHDREW, intervention.StatusInterrupted
				completionNote = "La persona ha smesso di presentarsi dopo le prime settimane."
			}
			completionReason, ivEnd = string(reason), g.day(done)
			f := facts
			f.successful, f.completionReason, f.note = ok, string(reason), completionNote
			w.timelineEvent(c, caseevent.KindServiceRequestCompleted, at9(done, n+2), answerer, f)
		}
		iv := intervention.DefaultID()
		interventionID = str(iv)
		w.c.interventions.add(str(iv), w.created, w.created, string(kind), requestNeeds[kind], g.day(start), ivEnd,
			string(ivStatus), int64(0), str(c.id), str(org), nil, nil)
	case servicerequest.StatusDECLINED:
		reason := []servicerequest.DeclineReason{servicerequest.DeclineReasonNO_CAPACITY, servicerequest.DeclineReasonNOT_ELIGIBLE,
			servicerequest.DeclineReasonNOT_OFFERED}[n%3]
		answeredOn, declineReason = g.day(answered), string(reason)
		answerNote = "Al momento non possiamo prendere in carico la richiesta."
		f := facts
		f.declineReason, f.note = string(reason), answerNote
		w.timelineEvent(c, caseevent.KindServiceRequestDeclined, at9(answered, n+1), answerer, f)
	case servicerequest.StatusCANCELLED:
		answeredBy = nil
		f := facts
		f.note = "Il bisogno è stato risolto in altro modo."
		w.timelineEvent(c, caseevent.KindServiceRequestCancelled, at9(answered, n+1), manager, f)
	default:
		answeredBy = nil
	}
	w.c.requests.add(str(id), w.created, w.created, string(kind), requestNeeds[kind], nil, jsonOf(shared),
		string(status), g.day(sent), g.day(sent.AddDays(domain.ServiceRequestAnswerDays)), answeredOn, plannedStart,
		declineReason, answerNote, completedOn, successful, completionReason, completionNote,
		str(c.id), str(org), str(t.ID), str(manager.ID), answeredBy, interventionID)
}

// requestKinds are the services the demo's requests ask for.
var requestKinds = []intervention.Kind{intervention.KindOrientation, intervention.KindInternship, intervention.KindPsychosocialSupport,
	intervention.KindIncomeSupport, intervention.KindHousingSupport, intervention.KindDebtCounselling}

// addApprovals adds the closures case managers proposed, where the
// tables want them approved (all of them, by default): approved for the
// closed cases they closed, and, on one worked case in six with nothing
// pending, waiting; on another, returned with a reason.
func (w *writer) addApprovals(c *caseDraft, t *table, manager *ent.User, items []item) {
	g := w.g
	if manager.ID == t.coordinator.ID || !t.ClosureNeedsApproval {
		return
	}
	n := caseHash(c, "approvals")
	add := func(status approval.Status, proposed domain.Date, decided *domain.Date, reason string) {
		var decidedAt, decidedBy, returnReason any
		if decided != nil {
			decidedAt, decidedBy = at9(*decided, n+1), str(t.coordinator.ID)
		}
		if reason != "" {
			returnReason = reason
		}
		closure := c.closure
		if closure == "" {
			closure = casefile.ClosureReasonGoalsMet
		}
		w.c.approvals.add(str(approval.DefaultID()), w.created, w.created, string(approval.KindCLOSURE), string(status),
			at9(proposed, n), decidedAt, nil, string(closure), "Obiettivi del progetto verificati con la persona.", nil, nil, returnReason,
			str(c.id), str(manager.ID), decidedBy)
		kind := string(approval.KindCLOSURE)
		w.timelineEvent(c, caseevent.KindProposed, at9(proposed, n), manager, timelineFacts{approvalKind: kind})
		switch status {
		case approval.StatusAPPROVED:
			w.timelineEvent(c, caseevent.KindProposalApproved, at9(*decided, n+1), t.coordinator, timelineFacts{approvalKind: kind})
		case approval.StatusRETURNED:
			w.timelineEvent(c, caseevent.KindProposalReturned, at9(*decided, n+1), t.coordinator, timelineFacts{approvalKind: kind, note: reason})
		}
	}
	pending := slices.ContainsFunc(items, func(i item) bool {
		return slices.Contains(domain.PendingInterventionStatuses, string(i.status))
	})
	switch {
	case c.status == casefile.StatusClosed && c.closed != nil:
		proposed := maxDate(*c.takenOn, (*c.closed).AddDays(-int(n%5)))
		add(approval.StatusAPPROVED, proposed, c.closed, "")
	case c.status != casefile.StatusInCharge && c.status != casefile.StatusMonitoring || pending:
	case n%6 == 0:
		add(approval.StatusPENDING, maxDate(*c.takenOn, g.today.AddDays(-int(n%4))), nil, "")
	case n%6 == 1:
		decided := maxDate(*c.takenOn, g.today.AddDays(-int(n%20)))
		add(approval.StatusRETURNED, maxDate(*c.takenOn, decided.AddDays(-2)), &decided,
			"Prima di chiudere verificate con la persona l'obiettivo abitativo ancora aperto.")
	}
}

// maxDate is the later of two days.
func maxDate(a, b domain.Date) domain.Date {
	if a.After(b) {
		return a
	}
	return b
}
