package demo

import (
	"context"
	"fmt"
	"time"

	"github.com/progetto-win/win/domain"
	"github.com/progetto-win/win/domain/gid"
	"github.com/progetto-win/win/ent"
	"github.com/progetto-win/win/ent/decision"
	"github.com/progetto-win/win/ent/directive"
	"github.com/progetto-win/win/ent/directiveacknowledgement"
	"github.com/progetto-win/win/ent/intervention"
	"github.com/progetto-win/win/ent/meeting"
	"github.com/progetto-win/win/ent/objective"
	"github.com/progetto-win/win/ent/organization"
	"github.com/progetto-win/win/ent/protocol"
	"github.com/progetto-win/win/ent/protocolcommitment"
	"github.com/progetto-win/win/ent/protocolparty"
)

// date returns a calendar day.
func date(y int, m time.Month, d int) domain.Date { return domain.NewDate(y, m, d) }

type protocolSpec struct {
	title, purpose string
	status         protocol.Status
	parties        []organization.Kind
	commitments    []string
	delivers       []intervention.Kind // the interventions delivered under it while in force
}

var protocolSpecs = []protocolSpec{
	{"Protocollo per l'inserimento lavorativo delle persone svantaggiate", "Tirocini di inclusione, formazione-lavoro e inserimenti lavorativi per le persone prese in carico dai tavoli.",
		protocol.StatusActive, []organization.Kind{organization.KindEmploymentCentre, organization.KindEmployersAssociation, organization.KindTrainingBody, organization.KindTradeUnion},
		[]string{"Segnalare ogni mese i tirocini disponibili", "Attivare almeno dieci tirocini di inclusione l'anno", "Formare i tutor aziendali", "Monitorare gli inserimenti a sei mesi"},
		[]intervention.Kind{intervention.KindInternship, intervention.KindJobPlacement, intervention.KindYouthGuaranteeTraineeship}},
	{"Protocollo per il contrasto al sovraindebitamento", "Consulenza sul debito e accompagnamento delle famiglie in difficoltà economica.",
		protocol.StatusActive, []organization.Kind{organization.KindCaritas, organization.KindThirdSector, organization.KindUnionOfMunicipalities},
		[]string{"Aprire uno sportello di consulenza in ogni comune", "Accompagnare le famiglie segnalate entro trenta giorni", "Relazionare alla cabina di regia ogni semestre"},
		[]intervention.Kind{intervention.KindDebtCounselling}},
	{"Protocollo per l'emergenza abitativa", "Sostegno all'abitare e accoglienza temporanea.",
		protocol.StatusActive, []organization.Kind{organization.KindMunicipality, organization.KindThirdSector, organization.KindSocialHealthService},
		[]string{"Mettere a disposizione alloggi temporanei", "Definire criteri comuni di accesso", "Censire gli alloggi sfitti"},
		[]intervention.Kind{intervention.KindHousingSupport}},
	{"Protocollo formazione-lavoro 2023", "Percorsi di formazione in azienda finalizzati all'assunzione.",
		protocol.StatusExpired, []organization.Kind{organization.KindTrainingBody, organization.KindEmployersAssociation},
		[]string{"Progettare i percorsi con le imprese", "Certificare le competenze acquisite"},
		[]intervention.Kind{intervention.KindWorkBasedTraining}},
	{"Protocollo reciprocità e cittadinanza attiva", "Attività per la comunità svolte dalle persone prese in carico, come restituzione.",
		protocol.StatusDraft, []organization.Kind{organization.KindThirdSector, organization.KindMunicipality},
		[]string{"Offrire attività di volontariato accessibili", "Registrare le ore svolte"}, nil},
}

var partyRoles = []protocolparty.Role{protocolparty.RoleLead, protocolparty.RolePartner, protocolparty.RolePartner, protocolparty.RoleSupporter, protocolparty.RoleFunder}

// governance writes protocols with parties, commitments and objectives,
// the committee's directives, and the meetings of committee and tables.
func (g *generator) governance(ctx context.Context) error {
	c := g.tx
	year := g.today.Year()
	objectives, err := g.objectives(ctx)
	if err != nil {
		return err
	}
	for i, spec := range protocolSpecs {
		signed := g.today.AddDays(-g.between(200, 700))
		p := c.Protocol.Create().SetTitle(spec.title).SetPurpose(spec.purpose).SetStatus(spec.status)
		switch spec.status {
		case protocol.StatusActive:
			p.SetSignedOn(signed).SetValidFrom(signed).SetValidUntil(date(year+1, time.December, 31))
		case protocol.StatusExpired:
			p.SetSignedOn(date(year-3, time.March, 1)).SetValidFrom(date(year-3, time.March, 1)).SetValidUntil(date(year-1, time.February, 28))
		}
		p.AddObjectives(objectives[i%len(objectives)], objectives[(i+2)%len(objectives)])
		prt, err := p.Save(ctx)
		if err != nil {
			return err
		}
		for _, kind := range spec.delivers {
			g.net.protocols[kind] = append(g.net.protocols[kind], prt)
		}
		used := map[gid.ID]bool{}
		for k, kind := range spec.parties {
			orgs := g.net.byKind[kind]
			org := orgs[g.rnd.IntN(len(orgs))]
			if used[org.ID] {
				continue
			}
			used[org.ID] = true
			create := c.ProtocolParty.Create().SetProtocol(prt).SetOrganization(org).SetRole(partyRoles[k%len(partyRoles)]).
				SetOperatingMode("Secondo quanto concordato in cabina di regia.")
			if prt.SignedOn != nil { // signed by every party on the protocol's day
				create.SetSignedOn(*prt.SignedOn).SetSignerName(signerNames[(i+k)%len(signerNames)]).SetSignerRole(signerRole(org.Kind))
			}
			party, err := create.Save(ctx)
			if err != nil {
				return err
			}
			if spec.status == protocol.StatusDraft {
				continue
			}
			for j, text := range spec.commitments {
				if (j+k)%len(spec.parties) != 0 && g.chance(0.5) {
					continue
				}
				if err := g.protocolCommitment(ctx, party, text, spec.status == protocol.StatusExpired); err != nil {
					return err
				}
			}
		}
	}
	if err := g.directives(ctx); err != nil {
		return err
	}
	if err := g.committee(ctx); err != nil {
		return err
	}
	if err := g.community(ctx); err != nil {
		return err
	}
	return g.meetings(ctx)
}

// protocolCommitment writes a commitment whose status fits its due date.
func (g *generator) protocolCommitment(ctx context.Context, party *ent.ProtocolParty, text string, expired bool) error {
	due := g.today.AddDays(g.between(-400, 200))
	if expired {
		due = g.today.AddDays(-g.between(300, 700))
	}
	c := g.tx.ProtocolCommitment.Create().SetParty(party).SetDescription(text).SetDueOn(due)
	switch {
	case due.After(g.today) && g.chance(0.7):
		c.SetStatus(protocolcommitment.StatusOpen)
	case g.chance(0.1):
		c.SetStatus(protocolcommitment.StatusDropped)
	case g.chance(0.75):
		done := due.AddDays(g.between(-60, 30))
		c.SetStatus(protocolcommitment.StatusDone).SetDoneOn(minDate(done, g.today)).SetEvidence("Verbale della cabina di regia")
	default:
		if due.After(g.today) {
			c.SetStatus(protocolcommitment.StatusOpen)
		} else {
			c.SetStatus(protocolcommitment.StatusLate)
		}
	}
	return c.Exec(ctx)
}

// objectives sets yearly objectives for this year and last.
func (g *generator) objectives(ctx context.Context) ([]*ent.Objective, error) {
	specs := []struct {
		title     string
		indicator objective.Indicator
		target    float64
		lower     bool
	}{
		{"Prendere in carico le persone segnalate", objective.IndicatorTakingsInCharge, 120, false},
		{"Ridurre i tempi di presa in carico", objective.IndicatorDaysToTakeChargeMedian, 45, true},
		{"Aumentare gli esiti occupazionali", objective.IndicatorEmploymentOutcomeShare, 0.35, false},
		{"Mantenere l'occupazione a sei mesi", objective.IndicatorEmploymentHeldAtFollowUp, 0.7, false},
		{"Rispettare gli impegni dei protocolli", objective.IndicatorProtocolCommitmentsOnTime, 0.8, false},
		{"Ore di reciprocità restituite alla comunità", objective.IndicatorReciprocityHoursDone, 3000, false},
	}
	var builders []*ent.ObjectiveCreate
	for _, year := range []int{g.today.Year() - 1, g.today.Year()} {
		for _, s := range specs {
			builders = append(builders, g.tx.Objective.Create().SetTitle(fmt.Sprintf("%s (%d)", s.title, year)).
				SetIndicator(s.indicator).SetTarget(s.target).SetLowerIsBetter(s.lower).
				SetPeriodStart(date(year, time.January, 1)).SetPeriodEnd(date(year, time.December, 31)))
		}
	}
	return g.tx.Objective.CreateBulk(builders...).Save(ctx)
}

var directiveSpecs = []struct {
	title, body string
	all         bool
}{
	{"Priorità ai nuclei con minori", "Nella valutazione delle segnalazioni i tavoli danno priorità ai nuclei familiari con figli minori.", true},
	{"Tempi di presa in carico", "Il primo colloquio avviene entro sessanta giorni dalla segnalazione e il progetto è concordato entro centoventi giorni dal primo colloquio.", true},
	{"Coinvolgimento del Centro per l'Impiego", "Per i casi con bisogno lavorativo il tavolo coinvolge l'operatore del Centro per l'Impiego fin dalla valutazione.", false},
	{"Verifica degli impegni di reciprocità", "I tavoli verificano ogni trimestre le ore di reciprocità svolte.", false},
}

// directives: issued over the two years; most tables have acknowledged
// them within a few weeks, the latest one is still waiting at some.
func (g *generator) directives(ctx context.Context) error {
	for i, d := range directiveSpecs {
		issued := g.today.AddDays(-g.between(30, 600))
		if i == len(directiveSpecs)-1 {
			issued = g.today.AddDays(-g.between(3, 20))
		}
		// Three months to carry it out; every third is of the committee's
		// operational coordination.
		due := issued.AddDays(90)
		level := directive.LevelStrategic
		if i%3 == 2 {
			level = directive.LevelOperational
		}
		b := g.tx.Directive.Create().SetTitle(d.title).SetBody(d.body).SetAllTables(d.all).SetIssuedOn(issued).
			SetDueOn(due).SetLevel(level)
		addressed := g.net.tables
		if !d.all {
			addressed = nil
			for k := range 4 {
				addressed = append(addressed, g.net.tables[(i*3+k*2)%len(g.net.tables)])
			}
			for _, t := range addressed {
				b.AddTableIDs(t.ID)
			}
		}
		dir, err := b.Save(ctx)
		if err != nil {
			return err
		}
		for k, t := range addressed {
			acknowledged := issued.AddDays(g.between(2, 40))
			if acknowledged.After(g.today) || !g.chance(0.85) {
				continue
			}
			ack := g.tx.DirectiveAcknowledgement.Create().SetDirectiveID(dir.ID).SetTableID(t.ID).
				SetAcknowledgedAt(acknowledged.Start().Add(11 * time.Hour)).SetAcknowledgedByID(t.coordinator.ID).
				SetStatusOn(acknowledged)
			directiveProgress(ack, acknowledged, g.today, i*5+k)
			if err := ack.Exec(ctx); err != nil {
				return err
			}
		}
	}
	return nil
}

// directiveProgress carries a table's acknowledgement on, chosen from n
// and not drawn, so that the other data stay as they were: most tables
// implement a directive, some late, some find it not applicable, some
// are still at it.
func directiveProgress(ack *ent.DirectiveAcknowledgementCreate, acknowledged, today domain.Date, n int) {
	step := acknowledged.AddDays(15 + n*7%90) // up to a month after the deadline
	if step.After(today) {
		if acknowledged.AddDays(10).Before(today) && n%2 == 0 {
			ack.SetStatus(directiveacknowledgement.StatusInProgress).SetStatusOn(acknowledged.AddDays(10))
		}
		return
	}
	switch n % 7 {
	case 0:
		ack.SetStatus(directiveacknowledgement.StatusInProgress).SetStatusOn(step)
	case 3:
		ack.SetStatus(directiveacknowledgement.StatusNotApplicable).SetStatusOn(step).
			SetReason("Nel territorio del tavolo il servizio è già garantito dal Comune.")
	default:
		ack.SetStatus(directiveacknowledgement.StatusImplemented).SetStatusOn(step).
			SetEvidence("Procedura adottata dal tavolo e comunicata agli operatori; verbale della riunione di tavolo.")
	}
}

// meetings: the committee every quarter and each table every month, over
// the two years, with attendees and decisions that name no person.
func (g *generator) meetings(ctx context.Context) error {
	c := g.tx
	start := g.today.AddDays(-730)
	var decisions []*ent.DecisionCreate
	for d := start; d.Before(g.today); d = d.AddMonths(3) {
		m, err := c.Meeting.Create().SetBody(meeting.BodySteeringCommittee).SetHeldAt(d.Start().Add(17 * time.Hour)).
			SetTitle("Cabina di regia: verifica trimestrale").SetMinutes("Esame degli indicatori del trimestre e dello stato dei protocolli.").
			AddAttendees(g.net.steering...).Save(ctx)
		if err != nil {
			return err
		}
		decisions = append(decisions, c.Decision.Create().SetMeetingID(m.ID).SetText("Approvata la relazione trimestrale sugli indicatori.").
			SetLevel(decision.LevelOperational))
	}
	for _, t := range g.net.tables {
		for d := start.AddDays(g.between(0, 27)); d.Before(g.today); d = d.AddMonths(1) {
			attendees := t.members[:g.between(min(3, len(t.members)), len(t.members))]
			m, err := c.Meeting.Create().SetBody(meeting.BodyTable).SetTableID(t.ID).SetHeldAt(d.Start().Add(15 * time.Hour)).
				SetTitle("Riunione del " + t.Name).SetMinutes("Esame delle nuove segnalazioni e verifica dei progetti in corso.").
				AddAttendees(attendees...).Save(ctx)
			if err != nil {
				return err
			}
			decisions = append(decisions, c.Decision.Create().SetMeetingID(m.ID).SetText("Assegnati i referenti delle nuove segnalazioni."))
		}
	}
	return saveInBatches(ctx, decisions, func(ctx context.Context, b []*ent.DecisionCreate) error {
		return c.Decision.CreateBulk(b...).Exec(ctx)
	})
}
