package demo

import (
	"context"
	"fmt"
	"slices"
	"strings"
	"time"

	"github.com/progetto-win/win/domain"
	"github.com/progetto-win/win/domain/gid"
	"github.com/progetto-win/win/ent"
	entfund "github.com/progetto-win/win/ent/fund"
	"github.com/progetto-win/win/ent/intervention"
	"github.com/progetto-win/win/ent/organization"
	"github.com/progetto-win/win/ent/pactsignatory"
	"github.com/progetto-win/win/ent/tablemembership"
	"github.com/progetto-win/win/server/auth"
)

// network is the reference data the cases and governance refer to.
type network struct {
	municipalities []*ent.Municipality // in the order of places
	orgs           []*ent.Organization
	byKind         map[organization.Kind][]*ent.Organization
	kindOf         map[gid.ID]organization.Kind
	comune         []*ent.Organization // Comune di …, in the order of places
	union          *ent.Organization
	tables         []*table // in the order of places
	steering       []*ent.User
	orgOf          map[gid.ID]gid.ID // user → organisation
	funds          map[fundKey]*fund
	protocols      map[intervention.Kind][]*ent.Protocol // signed ones, by the interventions they cover
	partner        *ent.User                             // the partner operator's demo account, at no table
}

// table is a territorial table with its members.
type table struct {
	*ent.TerritorialTable
	place       place
	coordinator *ent.User
	members     []*ent.User
	operators   []*ent.User // members who refer and manage cases
}

type fundKey struct {
	municipality int // index in places, or unionFund
	year         int
}

// unionFund keys the Union's fund of a year.
const unionFund = -1

type fund struct {
	id        gid.ID
	allocated int64
	committed int64
}

// orgSpec describes an organisation to create.
type orgSpec struct {
	name  string
	kind  organization.Kind
	place int // index in places
}

// privateBodies are fictional, and say so in their names.
var privateBodies = []orgSpec{
	{"Camera del Lavoro Demo Empolese", organization.KindTradeUnion, 4},
	{"Sindacato Demo dei Lavoratori Valdelsa", organization.KindTradeUnion, 1},
	{"Unione Sindacale Demo del Circondario", organization.KindTradeUnion, 5},
	{"Confederazione Artigiani Demo Empolese", organization.KindEmployersAssociation, 4},
	{"Associazione Industriali Demo Valdelsa", organization.KindEmployersAssociation, 3},
	{"Commercianti Demo del Circondario", organization.KindEmployersAssociation, 5},
	{"Agricoltori Demo Empolese Valdelsa", organization.KindEmployersAssociation, 9},
	{"Caritas Demo Empoli", organization.KindCaritas, 4},
	{"Caritas Demo Castelfiorentino", organization.KindCaritas, 1},
	{"Caritas Demo Fucecchio", organization.KindCaritas, 5},
	{"Agenzia Formativa Demo Empolese", organization.KindTrainingBody, 4},
	{"Centro Studi Demo Valdelsa", organization.KindTrainingBody, 3},
	{"Scuola Demo di Arti e Mestieri", organization.KindTrainingBody, 8},
	{"Istituto Demo per la Formazione Professionale", organization.KindTrainingBody, 5},
	{"Accademia Demo dei Mestieri Digitali", organization.KindTrainingBody, 10},
	{"Fondazione Demo Valdelsa Solidale", organization.KindOther, 3},
	{"Banca del Tempo Demo Empolese", organization.KindOther, 4},
}

// vnpName is the association that founded the pact and the project with
// the Union: a real party, named as the project's sources name it.
const vnpName = "Associazione VNP"

// thirdSectorNames are fictional social cooperatives and associations.
// partnerName is the organisation of the partner operator's demo account.
const partnerName = "Cooperativa Sociale Demo Il Girasole"

var thirdSectorNames = []string{
	"Cooperativa Sociale Demo Il Girasole", "Cooperativa Sociale Demo La Spiga", "Associazione Demo Porte Aperte",
	"Cooperativa Sociale Demo Arcobaleno", "Associazione Demo Mani Aperte Valdelsa", "Cooperativa Sociale Demo Il Ponte",
	"Associazione Demo La Bussola", "Cooperativa Sociale Demo L'Orto Comune", "Associazione Demo Vicini di Casa",
	"Cooperativa Sociale Demo L'Approdo", "Associazione Demo Il Melograno", "Cooperativa Sociale Demo Filo d'Erba",
	"Associazione Demo Pane e Rose", "Cooperativa Sociale Demo Il Mosaico", "Associazione Demo Quartieri Solidali",
	"Cooperativa Sociale Demo La Fattoria Sociale", "Associazione Demo Lingua e Cittadinanza", "Cooperativa Sociale Demo Il Glicine", "Associazione Demo Punto d'Ascolto",
	"Cooperativa Sociale Demo Il Cerchio", "Associazione Demo Argento Vivo", "Cooperativa Sociale Demo Orizzonti",
	"Associazione Demo Emporio Solidale", "Cooperativa Sociale Demo Il Seme", "Associazione Demo Casa Accoglienza",
	"Cooperativa Sociale Demo Lavoro Insieme", "Associazione Demo Doposcuola Aperto",
}

func (g *generator) network(ctx context.Context) (*network, error) {
	net := &network{byKind: map[organization.Kind][]*ent.Organization{}, funds: map[fundKey]*fund{}, protocols: map[intervention.Kind][]*ent.Protocol{}, orgOf: map[gid.ID]gid.ID{}, kindOf: map[gid.ID]organization.Kind{}}
	c := g.tx

	muns := make([]*ent.MunicipalityCreate, len(places))
	for i, p := range places {
		muns[i] = c.Municipality.Create().SetName(p.Name).SetIstatCode(p.Istat).SetPopulation(p.Population).SetProvince("FI")
	}
	var err error
	if net.municipalities, err = c.Municipality.CreateBulk(muns...).Save(ctx); err != nil {
		return nil, err
	}
	g.sum.Municipalities = len(net.municipalities)

	var specs []orgSpec
	for i, p := range places {
		specs = append(specs, orgSpec{"Comune di " + p.Name, organization.KindMunicipality, i})
	}
	specs = append(specs,
		orgSpec{"Unione dei Comuni del Circondario dell'Empolese Valdelsa", organization.KindUnionOfMunicipalities, 4},
		orgSpec{"Centro per l'Impiego di Empoli", organization.KindEmploymentCentre, 4},
		orgSpec{"Centro per l'Impiego di Castelfiorentino", organization.KindEmploymentCentre, 1},
		orgSpec{"Società della Salute Empolese Valdarno Valdelsa", organization.KindSocialHealthService, 4},
		orgSpec{"Azienda USL Toscana Centro, Zona Empolese", organization.KindSocialHealthService, 4},
		// A founding party of the pact (2014), with the Union, the trade
		// unions and the employers' associations: the pact signs with
		// every organisation, so it is a signatory too.
		orgSpec{vnpName, organization.KindThirdSector, 4},
	)
	specs = append(specs, privateBodies...)
	for i, name := range thirdSectorNames {
		specs = append(specs, orgSpec{name, organization.KindThirdSector, i % len(places)})
	}
	orgs := make([]*ent.OrganizationCreate, len(specs))
	for i, s := range specs {
		orgs[i] = c.Organization.Create().SetName(s.name).SetKind(s.kind).
			SetMunicipality(net.municipalities[s.place]).
			SetEmail(slug(s.name) + "@demo.example").
			SetPhone(fmt.Sprintf("+39 0571 %06d", g.rnd.IntN(1_000_000))).
			SetAddress(fmt.Sprintf("%s %d, %s %s", pick(g.rnd, streets[places[s.place].Name]), g.between(1, 120), places[s.place].PostalCode, places[s.place].Name))
	}
	if net.orgs, err = c.Organization.CreateBulk(orgs...).Save(ctx); err != nil {
		return nil, err
	}
	for _, o := range net.orgs {
		net.byKind[o.Kind] = append(net.byKind[o.Kind], o)
		net.kindOf[o.ID] = o.Kind
	}
	net.comune = net.orgs[:len(places)]
	net.union = net.byKind[organization.KindUnionOfMunicipalities][0]
	g.sum.Organizations = len(net.orgs)

	if err := g.users(ctx, net); err != nil {
		return nil, err
	}
	if err := g.pactAndFunds(ctx, net); err != nil {
		return nil, err
	}
	return net, nil
}

// slug turns a name into an e-mail local part.
func slug(name string) string {
	var b strings.Builder
	for _, r := range strings.ToLower(name) {
		switch {
		case r >= 'a' && r <= 'z' || r >= '0' && r <= '9':
			b.WriteRune(r)
		case r == ' ' || r == '-' || r == '\'' || r == ',':
			if s := b.String(); s != "" && s[len(s)-1] != '.' {
				b.WriteByte('.')
			}
		case r == 'à' || r == 'á':
			b.WriteByte('a')
		case r == 'è' || r == 'é':
			b.WriteByte('e')
		case r == 'ì':
			b.WriteByte('i')
		case r == 'ò':
			b.WriteByte('o')
		case r == 'ù':
			b.WriteByte('u')
		}
	}
	return strings.Trim(b.String(), ".")
}

// member is a place at a table to fill with a user.
type member struct {
	profession tablemembership.Profession
	org        func(i int) *ent.Organization
}

// users creates the demo accounts, the tables and their members.
func (g *generator) users(ctx context.Context, net *network) error {
	c := g.tx
	emails := map[string]bool{}
	passwordHash, err := auth.HashPassword(Password)
	if err != nil {
		return err
	}
	newUser := func(email, name string, org *ent.Organization, roles ...domain.Role) (*ent.User, error) {
		b := g.tx.User.Create()
		if email != "" {
			b.SetPasswordHash(passwordHash) // a demo account: it can sign in
		}
		if email == "" {
			base := slug(name)
			email = base + "@demo.example"
			for n := 2; emails[email]; n++ {
				email = fmt.Sprintf("%s%d@demo.example", base, n)
			}
		}
		emails[email] = true
		u, err := b.SetEmail(email).SetName(name).SetOrganization(org).SetRoles(roles).Save(ctx)
		if err == nil {
			net.orgOf[u.ID] = org.ID
		}
		return u, err
	}
	randomName := func() string {
		if g.chance(0.5) {
			return pick(g.rnd, italy.female) + " " + pick(g.rnd, italy.surnames)
		}
		return pick(g.rnd, italy.male) + " " + pick(g.rnd, italy.surnames)
	}

	if _, err := newUser(AdminEmail, "Amministratore Demo", net.union, domain.RoleAdmin); err != nil {
		return err
	}
	// The network's data-protection officer, appointed by the Union:
	// the privacy desk, and nothing of the cases.
	if _, err := newUser(DPOEmail, "Responsabile Protezione Dati Demo", net.union, domain.RoleDPO); err != nil {
		return err
	}
	steering, err := newUser(SteeringEmail, "Componente Cabina di Regia Demo", net.union, domain.RoleSteering)
	if err != nil {
		return err
	}
	net.steering = []*ent.User{steering}
	for i := range 4 {
		u, err := newUser("", randomName(), net.comune[(i*3)%len(places)], domain.RoleSteering)
		if err != nil {
			return err
		}
		net.steering = append(net.steering, u)
	}
	if _, err := newUser(AnalystEmail, "Analista Demo", net.union, domain.RoleAnalyst); err != nil {
		return err
	}
	vinci := 10
	coordinator, err := newUser(CoordinatorEmail, "Coordinatrice Tavolo Empoli Demo", net.comune[empoli], domain.RoleCoordinator, domain.RoleOperator)
	if err != nil {
		return err
	}
	operator, err := newUser(OperatorEmail, "Operatrice Servizi Sociali Empoli Demo", net.comune[empoli], domain.RoleOperator)
	if err != nil {
		return err
	}
	operatorVinci, err := newUser(OperatorVinciEmail, "Operatore Servizi Sociali Vinci Demo", net.comune[vinci], domain.RoleOperator)
	if err != nil {
		return err
	}
	// A partner's operator sits at no table: they answer the service
	// requests addressed to their organisation.
	girasole := net.orgs[slices.IndexFunc(net.orgs, func(o *ent.Organization) bool { return o.Name == partnerName })]
	if net.partner, err = newUser(PartnerEmail, "Operatrice Cooperativa Il Girasole Demo", girasole, domain.RoleOperator); err != nil {
		return err
	}

	cpi := net.byKind[organization.KindEmploymentCentre]
	health := net.byKind[organization.KindSocialHealthService]
	unions := net.byKind[organization.KindTradeUnion]
	employers := net.byKind[organization.KindEmployersAssociation]
	volunteers := append(append([]*ent.Organization{}, net.byKind[organization.KindThirdSector]...), net.byKind[organization.KindCaritas]...)
	seats := []member{
		{tablemembership.ProfessionSocialWorker, func(i int) *ent.Organization { return net.comune[i] }},
		{tablemembership.ProfessionEmploymentOperator, func(i int) *ent.Organization { return cpi[i%len(cpi)] }},
		{tablemembership.ProfessionHealthProfessional, func(i int) *ent.Organization { return health[i%len(health)] }},
		{tablemembership.ProfessionUnionRepresentative, func(i int) *ent.Organization { return unions[i%len(unions)] }},
		{tablemembership.ProfessionEmployerRepresentative, func(i int) *ent.Organization { return employers[i%len(employers)] }},
		{tablemembership.ProfessionVolunteer, func(i int) *ent.Organization { return volunteers[i%len(volunteers)] }},
	}

	var memberships []*ent.TableMembershipCreate
	for i, p := range places {
		t := &table{place: p}
		switch i {
		case empoli:
			t.coordinator = coordinator
		default:
			if t.coordinator, err = newUser("", randomName(), net.comune[i], domain.RoleCoordinator, domain.RoleOperator); err != nil {
				return err
			}
		}
		if t.TerritorialTable, err = c.TerritorialTable.Create().
			SetName("Tavolo territoriale di " + p.Name).SetCode(p.TableCode).
			SetPlanNeedsApproval(i == vinci). // one table wants its plans approved too
			AddMunicipalities(net.municipalities[i]).SetCoordinator(t.coordinator).Save(ctx); err != nil {
			return err
		}
		joined := g.today.AddDays(-g.between(800, 1500))
		add := func(u *ent.User, prof tablemembership.Profession, org *ent.Organization) {
			memberships = append(memberships, c.TableMembership.Create().SetTableID(t.ID).SetUserID(u.ID).
				SetOrganizationID(org.ID).SetProfession(prof).SetJoinedOn(joined))
			t.members = append(t.members, u)
		}
		add(t.coordinator, tablemembership.ProfessionSocialWorker, net.comune[i])
		t.operators = append(t.operators, t.coordinator)
		switch i {
		case empoli:
			add(operator, tablemembership.ProfessionSocialWorker, net.comune[i])
			t.operators = append(t.operators, operator)
		case vinci:
			add(operatorVinci, tablemembership.ProfessionSocialWorker, net.comune[i])
			t.operators = append(t.operators, operatorVinci)
		}
		for s, seat := range seats[1:] {
			if s >= 3 && g.chance(0.3) { // not every table has every partner
				continue
			}
			org := seat.org(i)
			u, err := newUser("", randomName(), org, domain.RoleOperator)
			if err != nil {
				return err
			}
			add(u, seat.profession, org)
			if s < 2 {
				t.operators = append(t.operators, u)
			}
		}
		net.tables = append(net.tables, t)
	}
	if err := saveInBatches(ctx, memberships, func(ctx context.Context, b []*ent.TableMembershipCreate) error {
		return c.TableMembership.CreateBulk(b...).Exec(ctx)
	}); err != nil {
		return err
	}
	g.sum.Tables = len(net.tables)
	g.sum.Users = len(emails)
	return nil
}

// pactAndFunds writes the pact with every organisation as signatory, one
// anti-crisis fund per municipality and year (about €200,000 a year in
// all, shared by population) and the Union's fund of each year.
func (g *generator) pactAndFunds(ctx context.Context, net *network) error {
	c := g.tx
	signed := date(2014, time.November, 20)
	pact, err := c.Pact.Create().SetName("Patto Territoriale di Reciprocità – WIN, Welfare d'INiziativa, Vincere Insieme").
		SetSignedOn(signed).
		SetDescription("Patto tra l'Unione dei Comuni del Circondario dell'Empolese Valdelsa, l'Associazione VNP, i sindacati dei lavoratori e le associazioni imprenditoriali di categoria, nel solco della Carta per una Responsabilità Sociale Condivisa, per il contrasto alla povertà e al nuovo disagio: il progetto WIN — Welfare d'INiziativa, Vincere Insieme. Dati dimostrativi.").
		SetText(pactText).Save(ctx)
	if err != nil {
		return err
	}
	// The founding parties promote it on the day it was signed; the other
	// bodies join it in the years after, in the order they are listed.
	signatures := make([]*ent.PactSignatoryCreate, len(net.orgs))
	for i, o := range net.orgs {
		role, joined := pactsignatory.RolePromoter, signed
		if !founding(o) {
			role, joined = pactsignatory.RoleAdherent, signed.AddMonths(6+i%(12*8))
		}
		signatures[i] = c.PactSignatory.Create().SetPactID(pact.ID).SetOrganizationID(o.ID).SetRole(role).
			SetJoinedOn(joined).SetSignerName(signerNames[i%len(signerNames)]).SetSignerRole(signerRole(o.Kind))
	}
	if err := c.PactSignatory.CreateBulk(signatures...).Exec(ctx); err != nil {
		return err
	}
	total := 0
	for _, p := range places {
		total += p.Population
	}
	var funds []*ent.FundCreate
	for year := g.today.Year() - 2; year <= g.today.Year(); year++ {
		for i, p := range places {
			allocated := int64(200_000_00) * int64(p.Population) / int64(total)
			allocated = allocated / 100_00 * 100_00 // whole hundreds of euro
			f := &fund{id: gid.New("fnd"), allocated: allocated}
			net.funds[fundKey{i, year}] = f
			funds = append(funds, c.Fund.Create().SetID(f.id).SetName(fmt.Sprintf("Fondo anticrisi %d – Comune di %s", year, p.Name)).
				SetYear(year).SetAllocatedCents(allocated).SetSource(entfund.SourceMunicipalBudget).
				SetOwnerID(net.comune[i].ID).SetMunicipalityID(net.municipalities[i].ID))
		}
		// The Union funds the project too, for residents of any of its
		// municipalities: what a municipality's fund cannot pay.
		f := &fund{id: gid.New("fnd"), allocated: 60_000_00}
		net.funds[fundKey{unionFund, year}] = f
		funds = append(funds, c.Fund.Create().SetID(f.id).SetName(fmt.Sprintf("Fondo WIN %d – Unione dei Comuni", year)).
			SetYear(year).SetAllocatedCents(f.allocated).SetSource(entfund.SourceUnion).SetOwnerID(net.union.ID))
	}
	return c.Fund.CreateBulk(funds...).Exec(ctx)
}
