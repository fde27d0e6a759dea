package pathway

import (
	"context"
	"fmt"
	"slices"
	"strings"

	"github.com/progetto-win/win/domain"
	"github.com/progetto-win/win/domain/fault"
	"github.com/progetto-win/win/domain/gid"
	"github.com/progetto-win/win/domain/viewer"
	"github.com/progetto-win/win/ent"
	"github.com/progetto-win/win/ent/audit"
	"github.com/progetto-win/win/ent/caseevent"
	"github.com/progetto-win/win/ent/casefile"
	"github.com/progetto-win/win/ent/person"
	"github.com/progetto-win/win/ent/personidentity"
	"github.com/progetto-win/win/ent/predicate"
	"github.com/progetto-win/win/ent/schema/rule"
	"github.com/progetto-win/win/ent/territorialtable"
	"github.com/progetto-win/win/server/action"
)

// personQuery is what a referrer knows of a person: a tax code, or a
// surname, first name and birth date.
type personQuery struct {
	TaxCode   string
	LastName  string
	FirstName string
	BirthDate *domain.Date
}

// byName reports whether the query names the person fully.
func (q personQuery) byName() bool {
	return strings.TrimSpace(q.LastName) != "" && strings.TrimSpace(q.FirstName) != "" && q.BirthDate != nil
}

// predicate selects the identities the query matches: by tax code, or by
// names compared without accents, case or punctuation and by the day of
// birth.
func (q personQuery) predicate() predicate.PersonIdentity {
	var either []predicate.PersonIdentity
	if q.TaxCode != "" {
		either = append(either, personidentity.TaxCode(q.TaxCode))
	}
	if q.byName() {
		either = append(either, personidentity.And(
			personidentity.LastNameKey(domain.NameKey(q.LastName)),
			personidentity.FirstNameKey(domain.NameKey(q.FirstName)),
			personidentity.BirthDate(*q.BirthDate),
		))
	}
	return personidentity.Or(either...)
}

// reasons says why an identity matched the query.
func (q personQuery) reasons(pi *ent.PersonIdentity) []MatchReason {
	var out []MatchReason
	if q.TaxCode != "" && pi.TaxCode != nil && *pi.TaxCode == q.TaxCode {
		out = append(out, ByTaxCode)
	}
	if q.byName() && domain.NameKey(pi.LastName) == domain.NameKey(q.LastName) &&
		domain.NameKey(pi.FirstName) == domain.NameKey(q.FirstName) &&
		pi.BirthDate == *q.BirthDate {
		out = append(out, ByNameAndBirthDate)
	}
	return out
}

// normalTaxCode is a tax code as stored: upper-case, no spaces.
func normalTaxCode(s string) string {
	return strings.ToUpper(strings.Join(strings.Fields(s), ""))
}

// FindPersonMatches returns the known persons a referrer may mean, with
// their open case if any; each match is audited.
func FindPersonMatches(ctx context.Context, taxCode, lastName, firstName *string, birthDate *domain.Date) ([]*PersonMatch, error) {
	q := personQuery{TaxCode: domain.Deref(taxCode), LastName: domain.Deref(lastName), FirstName: domain.Deref(firstName), BirthDate: birthDate}
	a, err := action.Start(ctx)
	if err != nil {
		return nil, err
	}
	if !MayAct(a.Viewer, domain.ActorReferrer, CaseParties{}) {
		return nil, &fault.Forbidden{Message: "only operators and coordinators search persons to refer"}
	}
	q.TaxCode = normalTaxCode(q.TaxCode)
	if q.TaxCode == "" && !q.byName() {
		return nil, fault.Invalidf("taxCode", "give a tax code, or a surname, first name and birth date")
	}
	matches, err := matchPersons(a.Sys, a.Client, q)
	if err != nil {
		return nil, err
	}
	ids := make([]gid.ID, len(matches))
	for i, m := range matches {
		ids[i] = m.PersonID
	}
	return matches, a.Audit("MATCH_PERSON", "Person", ids...)
}

// matchPersons finds the persons matching a query, as the system.
func matchPersons(sys context.Context, client *ent.Client, q personQuery) ([]*PersonMatch, error) {
	matches, err := matchMany(sys, client, []personQuery{q}, q.predicate())
	if err != nil {
		return nil, err
	}
	return matches[0], nil
}

// PersonIdentifiers are what is known of a person to be matched: a tax
// code, or a surname, first name and birth date.
type PersonIdentifiers struct {
	TaxCode, LastName, FirstName string
	BirthDate                    *domain.Date
}

// MatchPersons finds, as findPersonMatches does but in one query for
// them all, the known persons each of the identifiers may mean: out[i]
// are the matches of of[i]. It reads identities as the system: the
// caller has checked the viewer's rights, and audits the matches
// (MATCH_PERSON) as findPersonMatches does.
func MatchPersons(ctx context.Context, client *ent.Client, of []PersonIdentifiers) ([][]*PersonMatch, error) {
	qs := make([]personQuery, len(of))
	var taxCodes, lastNames []string
	var births []domain.Date
	for i, p := range of {
		qs[i] = personQuery{TaxCode: normalTaxCode(p.TaxCode), LastName: p.LastName, FirstName: p.FirstName, BirthDate: p.BirthDate}
		if qs[i].TaxCode != "" {
			taxCodes = append(taxCodes, qs[i].TaxCode)
		}
		if qs[i].byName() {
			lastNames, births = append(lastNames, domain.NameKey(p.LastName)), append(births, *p.BirthDate)
		}
	}
	// A superset of each query's predicate, in two index lookups; each
	// identity found is then judged query by query (reasons).
	var either []predicate.PersonIdentity
	if len(taxCodes) > 0 {
		either = append(either, personidentity.TaxCodeIn(taxCodes...))
	}
	if len(lastNames) > 0 {
		either = append(either, personidentity.And(personidentity.LastNameKeyIn(lastNames...), personidentity.BirthDateIn(births...)))
	}
	if len(either) == 0 {
		return make([][]*PersonMatch, len(of)), nil
	}
	return matchMany(rule.SystemContext(ctx), client, qs, personidentity.Or(either...))
}

// matchMany finds the persons matching each query among the identities
// the predicate selects, as the system.
func matchMany(sys context.Context, client *ent.Client, qs []personQuery, selected predicate.PersonIdentity) ([][]*PersonMatch, error) {
	identities, err := client.PersonIdentity.Query().Where(selected).
		WithPerson(func(pq *ent.PersonQuery) {
			pq.WithCases(func(cq *ent.CaseFileQuery) {
				cq.Where(casefile.StatusIn(openStatuses...)).WithTable()
			})
		}).
		Order(personidentity.ByID()).All(sys)
	if err != nil {
		return nil, err
	}
	// The queries each identity may match, by tax code or by name keys
	// and birth date, so that each pair is judged once at most.
	byTax, byName := map[string][]int{}, map[string][]int{}
	nameKey := func(last, first string, birth domain.Date) string {
		return domain.NameKey(last) + "|" + domain.NameKey(first) + "|" + birth.String()
	}
	for i, q := range qs {
		if q.TaxCode != "" {
			byTax[q.TaxCode] = append(byTax[q.TaxCode], i)
		}
		if q.byName() {
			k := nameKey(q.LastName, q.FirstName, *q.BirthDate)
			byName[k] = append(byName[k], i)
		}
	}
	out := make([][]*PersonMatch, len(qs))
	for _, pi := range identities {
		var candidates []int
		if pi.TaxCode != nil {
			candidates = append(candidates, byTax[*pi.TaxCode]...)
		}
		for _, i := range byName[nameKey(pi.LastName, pi.FirstName, pi.BirthDate)] {
			if !slices.Contains(candidates, i) {
				candidates = append(candidates, i)
			}
		}
		slices.Sort(candidates)
		for _, i := range candidates {
			reasons := qs[i].reasons(pi)
			if len(reasons) == 0 {
				continue
			}
			p := pi.Edges.Person
			m := &PersonMatch{PersonID: p.ID, Pseudonym: p.Pseudonym, BirthYear: pi.BirthDate.Year(), Reasons: reasons}
			if len(p.Edges.Cases) > 0 {
				c := p.Edges.Cases[0]
				m.OpenCaseID, m.OpenCaseCode, m.OpenCaseTable = &c.ID, &c.Code, &c.Edges.Table.Name
			}
			out[i] = append(out[i], m)
		}
	}
	return out, nil
}

// ReferCase refers a person to a table: a new case, REFERRED.
func ReferCase(ctx context.Context, in ReferCaseInput) (*ent.CaseFile, error) {
	a, err := action.Start(ctx)
	if err != nil {
		return nil, err
	}
	v, client, sys := a.Viewer, a.Client, a.Sys
	if !MayAct(v, domain.ActorReferrer, CaseParties{}) {
		return nil, &fault.Forbidden{Message: "only operators and coordinators refer persons"}
	}
	if err := required("reason", in.Reason); err != nil {
		return nil, err
	}
	if len(in.NeedAreas) == 0 {
		return nil, fault.Invalidf("needAreas", "name at least one area of need")
	}
	if casefile.ReferralChannelValidator(in.Channel) != nil {
		return nil, fault.Invalidf("channel", "say where the referral comes from: the service that sends the person, or the person alone")
	}
	referredOn := dateOr(in.ReferredOn)
	if err := notFuture("referredOn", referredOn); err != nil {
		return nil, err
	}
	if (in.PersonID == nil) == (in.NewPerson == nil) {
		return nil, fault.Invalidf("personID", "give either personID, of a person found with findPersonMatches, or newPerson")
	}
	table, err := client.TerritorialTable.Query().Where(territorialtable.ID(in.TableID)).Modify(rule.ForUpdate).Only(sys)
	if ent.IsNotFound(err) {
		return nil, fault.Invalidf("tableID", "no such table")
	}
	if err != nil {
		return nil, err
	}
	personID, entered, err := referredPerson(sys, client, v, in)
	if err != nil {
		return nil, err
	}
	if open, err := client.CaseFile.Query().Where(casefile.HasPersonWith(person.ID(personID)), casefile.StatusIn(openStatuses...)).
		WithTable().First(sys); err == nil {
		return nil, openCaseConflict(open)
	} else if !ent.IsNotFound(err) {
		return nil, err
	}
	code, err := nextCode(sys, client, table, referredOn)
	if err != nil {
		return nil, err
	}
	areas := slices.Compact(slices.Sorted(slices.Values(in.NeedAreas)))
	create := client.CaseFile.Create().SetCode(code).SetReferredOn(referredOn).SetReferralReason(strings.TrimSpace(in.Reason)).
		SetNeedAreas(areas).SetPersonID(personID).SetTableID(table.ID).
		SetReferringOrganizationID(v.OrganizationID).SetReferringOperatorID(v.UserID).
		SetReferrerEnteredIdentity(entered).SetNillableConsentGivenAt(in.ConsentGivenAt).
		SetFirstMeetingDueOn(referredOn.AddDays(table.DaysToFirstMeeting)).
		SetReferralChannel(in.Channel)
	if in.Priority != nil {
		create.SetPriority(*in.Priority)
	}
	c, err := create.Save(sys)
	if err != nil {
		return nil, err
	}
	return c, recordOn(a, "REFER_CASE", c.ID, table.ID, caseevent.KindReferred, "")
}

// openCaseConflict refuses a second open case of a person, giving the
// open one.
func openCaseConflict(open *ent.CaseFile) error {
	return &fault.Conflict{
		Message: fmt.Sprintf("the person already has an open case, %s at %s: work that case instead", open.Code, open.Edges.Table.Name),
		Details: map[string]any{"caseId": open.ID, "caseCode": open.Code},
	}
}

// referredPerson returns the person a referral is about, and whether the
// referral entered their identity: the known one named, or a new one
// recorded unless they are already known.
func referredPerson(sys context.Context, client *ent.Client, v *viewer.Viewer, in ReferCaseInput) (gid.ID, bool, error) {
	if in.PersonID != nil {
		id, err := knownPerson(sys, client, v, *in.PersonID, in.PersonIdentifiers)
		return id, false, err
	}
	id, err := newPerson(sys, client, in.NewPerson)
	return id, true, err
}

// knownPerson returns a known person once the identifiers the referrer
// found them by match their identity again, compared as findPersonMatches
// compares them: a person ID alone, which a search hands out, must not be
// enough to be told who someone is. The link is audited on the identity,
// so that it shows in the person's access report.
func knownPerson(sys context.Context, client *ent.Client, v *viewer.Viewer, id gid.ID, given *PersonIdentifiersInput) (gid.ID, error) {
	var q personQuery
	if given != nil {
		q = personQuery{TaxCode: normalTaxCode(domain.Deref(given.TaxCode)), LastName: domain.Deref(given.LastName), FirstName: domain.Deref(given.FirstName), BirthDate: given.BirthDate}
	}
	if q.TaxCode == "" && !q.byName() {
		return "", fault.Invalidf("personIdentifiers", "give the tax code, or the surname, first name and birth date, the person was found with")
	}
	if _, err := client.Person.Query().Where(person.ID(id)).OnlyID(sys); ent.IsNotFound(err) {
		return "", fault.Invalidf("personID", "no such person")
	} else if err != nil {
		return "", err
	}
	identity, err := client.PersonIdentity.Query().Where(personidentity.HasPersonWith(person.ID(id))).Only(sys)
	if err != nil && !ent.IsNotFound(err) {
		return "", err
	}
	// An erased identity matches nothing, as in findPersonMatches.
	if identity == nil || len(q.reasons(identity)) == 0 {
		return "", fault.Invalidf("personIdentifiers", "the identifiers do not match the person: search again with findPersonMatches")
	}
	return id, audit.Record(sys, client, v, "LINK_PERSON", "PersonIdentity", []gid.ID{identity.ID})
}

// newPerson records the person of a referral, unless they are already
// known.
func newPerson(sys context.Context, client *ent.Client, np *NewPersonInput) (gid.ID, error) {
	for field, text := range map[string]string{"newPerson.firstName": np.FirstName, "newPerson.lastName": np.LastName} {
		if err := required(field, text); err != nil {
			return "", err
		}
	}
	birth := np.BirthDate
	if err := notFuture("newPerson.birthDate", birth); err != nil {
		return "", err
	}
	q := personQuery{TaxCode: normalTaxCode(domain.Deref(np.TaxCode)), LastName: np.LastName, FirstName: np.FirstName, BirthDate: &birth}
	matches, err := matchPersons(sys, client, q)
	if err != nil {
		return "", err
	}
	if err := duplicate(matches, domain.Deref(np.NotADuplicate)); err != nil {
		return "", err
	}
	p, err := client.Person.Create().SetBirthYear(birth.Year()).SetGender(np.Gender).
		SetCitizenshipArea(np.CitizenshipArea).SetNillableHouseholdSize(np.HouseholdSize).
		SetNillableMunicipalityID(np.MunicipalityID).Save(sys)
	if err != nil {
		return "", err
	}
	identity := client.PersonIdentity.Create().SetPersonID(p.ID).
		SetFirstName(strings.TrimSpace(np.FirstName)).SetLastName(strings.TrimSpace(np.LastName)).
		SetBirthDate(birth).SetNillableBirthPlace(np.BirthPlace).SetNillableEmail(np.Email).
		SetNillablePhone(np.Phone).SetNillableAddress(np.Address).SetNillablePostalCode(np.PostalCode).
		SetNillableCity(np.City)
	if q.TaxCode != "" {
		identity.SetTaxCode(q.TaxCode)
	}
	return p.ID, identity.Exec(sys)
}

// duplicate refuses a new person who is already known: always when the
// tax code matches, and when names and birth date match unless the
// referrer has checked that the matches are someone else.
func duplicate(matches []*PersonMatch, notADuplicate bool) error {
	var byName []string
	for _, m := range matches {
		if slices.Contains(m.Reasons, ByTaxCode) {
			return &fault.Conflict{
				Message: fmt.Sprintf("a person with this tax code is already known (%s): refer them by personID", m.Pseudonym),
				Details: map[string]any{"personIds": []gid.ID{m.PersonID}},
			}
		}
		byName = append(byName, string(m.PersonID))
	}
	if len(byName) > 0 && !notADuplicate {
		return &fault.Conflict{
			Message: fmt.Sprintf("%d known person(s) have the same names and birth date: refer them by personID, or set notADuplicate if they are someone else", len(byName)),
			Details: map[string]any{"personIds": byName},
		}
	}
	return nil
}

// nextCode numbers a table's cases per year: EMP-2026-0042. The caller
// holds the table's row lock, so two referrals cannot take one number.
func nextCode(sys context.Context, client *ent.Client, table *ent.TerritorialTable, on domain.Date) (string, error) {
	prefix := fmt.Sprintf("%s-%d-", table.Code, on.Year())
	n, err := client.CaseFile.Query().Where(casefile.CodeHasPrefix(prefix)).Count(sys)
	return fmt.Sprintf("%s%04d", prefix, n+1), err
}
