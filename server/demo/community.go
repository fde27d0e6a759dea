package demo

import (
	"context"
	"time"

	"github.com/progetto-win/win/ent"
	"github.com/progetto-win/win/ent/committeemember"
	"github.com/progetto-win/win/ent/communityactivity"
	"github.com/progetto-win/win/ent/organization"
)

// committee seats the steering committee: the Union chairs it, its
// steering users represent the Union and the municipalities they belong
// to, and the employment centre, the social-health service, a trade
// union and a third-sector body sit in it. Nothing here is drawn, so
// that the other data stay as they were.
func (g *generator) committee(ctx context.Context) error {
	net, c := g.net, g.tx
	from := date(g.today.Year()-2, time.January, 15)
	seat := func(o *ent.Organization, role committeemember.Role, rep *ent.User) *ent.CommitteeMemberCreate {
		m := c.CommitteeMember.Create().SetOrganizationID(o.ID).SetRole(role).SetFromOn(from)
		if rep != nil {
			m.SetRepresentativeID(rep.ID)
		}
		return m
	}
	seats := []*ent.CommitteeMemberCreate{}
	seated := map[*ent.Organization]bool{}
	for i, u := range net.steering {
		org := net.union
		if i > 0 {
			org = net.comune[((i-1)*3)%len(places)]
		}
		if seated[org] {
			continue
		}
		seated[org] = true
		role := committeemember.RoleMember
		if i == 0 {
			role = committeemember.RoleChair
		}
		seats = append(seats, seat(org, role, u))
	}
	for _, k := range []organization.Kind{organization.KindEmploymentCentre, organization.KindSocialHealthService, organization.KindTradeUnion, organization.KindThirdSector} {
		if orgs := net.byKind[k]; len(orgs) > 0 && !seated[orgs[0]] {
			seated[orgs[0]] = true
			seats = append(seats, seat(orgs[0], committeemember.RoleMember, nil))
		}
	}
	return c.CommitteeMember.CreateBulk(seats...).Exec(ctx)
}

// communitySpecs are the demo's community activities, one a month or so.
var communitySpecs = []struct {
	title        string
	kind         communityactivity.Kind
	value        communityactivity.ValueDimension
	participants int
}{
	{"Laboratorio di welfare di comunità: la spesa solidale", communityactivity.KindWorkshop, communityactivity.ValueDimensionSocial, 22},
	{"Incontro pubblico sul patto di reciprocità", communityactivity.KindEvent, communityactivity.ValueDimensionCultural, 85},
	{"Formazione degli operatori sul colloquio di accoglienza", communityactivity.KindOperatorTraining, communityactivity.ValueDimensionSocial, 31},
	{"Campagna “Chiedere aiuto non è una colpa”", communityactivity.KindAwarenessCampaign, communityactivity.ValueDimensionCultural, 240},
	{"Laboratorio di welfare di comunità: orti condivisi", communityactivity.KindWorkshop, communityactivity.ValueDimensionCultural, 18},
	{"Sportello diffuso sul sovraindebitamento: serata informativa", communityactivity.KindEvent, communityactivity.ValueDimensionEconomic, 47},
	{"Formazione sul bilancio di competenze", communityactivity.KindOperatorTraining, communityactivity.ValueDimensionEconomic, 26},
	{"Laboratorio di welfare di comunità: riparare insieme", communityactivity.KindWorkshop, communityactivity.ValueDimensionSocial, 15},
}

// community writes the community activities of the last two years, in
// the municipalities in turn, organised by a municipality and a
// third-sector body.
func (g *generator) community(ctx context.Context) error {
	net := g.net
	third := net.byKind[organization.KindThirdSector]
	var activities []*ent.CommunityActivityCreate
	for i := range 20 {
		spec := communitySpecs[i%len(communitySpecs)]
		held := g.today.AddDays(-700 + i*35)
		if held.After(g.today) {
			break
		}
		place := (i * 5) % len(places)
		a := g.tx.CommunityActivity.Create().SetTitle(spec.title).SetKind(spec.kind).SetValueDimension(spec.value).
			SetHeldOn(held).SetParticipants(spec.participants + i%7).AddOrganizerIDs(net.comune[place].ID).
			SetDescription("Dati dimostrativi.")
		if spec.kind != communityactivity.KindOperatorTraining { // training is for the whole network
			a.SetMunicipalityID(net.municipalities[place].ID)
		}
		if len(third) > 0 {
			a.AddOrganizerIDs(third[i%len(third)].ID)
		}
		activities = append(activities, a)
	}
	return g.tx.CommunityActivity.CreateBulk(activities...).Exec(ctx)
}
