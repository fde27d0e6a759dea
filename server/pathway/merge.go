package pathway

import (
	"context"
	"encoding/json"
	"fmt"
	"time"

	"github.com/progetto-win/win/domain"
	"github.com/progetto-win/win/domain/fault"
	"github.com/progetto-win/win/domain/gid"
	"github.com/progetto-win/win/ent"
	"github.com/progetto-win/win/ent/audit"
	"github.com/progetto-win/win/ent/casefile"
	"github.com/progetto-win/win/ent/consent"
	"github.com/progetto-win/win/ent/person"
	"github.com/progetto-win/win/ent/personidentity"
	"github.com/progetto-win/win/ent/personmerge"
	"github.com/progetto-win/win/ent/schema/rule"
	"github.com/progetto-win/win/server/action"
)

// Two records of one person, merged (docs/domain.md#merging-duplicate-persons):
// a coordinator who reads both identities keeps one record and moves the
// other's cases and bases to it, choosing the identity field by field;
// the other record stays, and its ID reads as the survivor's
// (SurvivorOf). An administrator may undo a merge while no case was
// opened for the survivor since.

// MergeSide says whose value of an identity field the survivor keeps.
type MergeSide string

// The sides of a merge.
const (
	KeepSurvivor MergeSide = "SURVIVOR"
	KeepMerged   MergeSide = "MERGED"
)

// MergeChoice is the identity the survivor keeps, field by field; a
// field left out keeps the survivor's value.
type MergeChoice map[string]MergeSide

// identity is an identity's fields, as a merge keeps and restores them.
type identity struct {
	FirstName  string      `json:"first_name"`
	LastName   string      `json:"last_name"`
	TaxCode    *string     `json:"tax_code,omitempty"`
	BirthDate  domain.Date `json:"birth_date"`
	BirthPlace string      `json:"birth_place,omitempty"`
	Email      string      `json:"email,omitempty"`
	Phone      string      `json:"phone,omitempty"`
	Address    string      `json:"address,omitempty"`
	PostalCode string      `json:"postal_code,omitempty"`
	City       string      `json:"city,omitempty"`
	Person     gid.ID      `json:"person"`
	ID         gid.ID      `json:"id"`
}

func identityOf(pi *ent.PersonIdentity, p gid.ID) identity {
	return identity{FirstName: pi.FirstName, LastName: pi.LastName, TaxCode: pi.TaxCode, BirthDate: pi.BirthDate,
		BirthPlace: pi.BirthPlace, Email: pi.Email, Phone: pi.Phone, Address: pi.Address, PostalCode: pi.PostalCode,
		City: pi.City, Person: p, ID: pi.ID}
}

// values is the identity as the merge record keeps it.
func (i identity) values() (map[string]any, error) {
	b, err := json.Marshal(i)
	if err != nil {
		return nil, err
	}
	var out map[string]any
	return out, json.Unmarshal(b, &out)
}

// identityFrom reads an identity back from the merge record.
func identityFrom(values map[string]any) (identity, error) {
	var i identity
	b, err := json.Marshal(values)
	if err == nil {
		err = json.Unmarshal(b, &i)
	}
	return i, err
}

// chosen returns the identity the survivor keeps.
func chosen(survivor, merged identity, choice MergeChoice) identity {
	out := survivor
	pick := func(field string, set func()) {
		if choice[field] == KeepMerged {
			set()
		}
	}
	pick("firstName", func() { out.FirstName = merged.FirstName })
	pick("lastName", func() { out.LastName = merged.LastName })
	pick("taxCode", func() { out.TaxCode = merged.TaxCode })
	pick("birthDate", func() { out.BirthDate = merged.BirthDate })
	pick("birthPlace", func() { out.BirthPlace = merged.BirthPlace })
	pick("email", func() { out.Email = merged.Email })
	pick("phone", func() { out.Phone = merged.Phone })
	pick("address", func() { out.Address = merged.Address })
	pick("postalCode", func() { out.PostalCode = merged.PostalCode })
	pick("city", func() { out.City = merged.City })
	return out
}

// setIdentity writes an identity's fields on an update; an empty
// optional field is cleared (an empty e-mail is no e-mail address).
func setIdentity(u *ent.PersonIdentityUpdateOne, i identity) *ent.PersonIdentityUpdateOne {
	u.SetFirstName(i.FirstName).SetLastName(i.LastName).SetBirthDate(i.BirthDate)
	for _, f := range []struct {
		v     string
		set   func(string) *ent.PersonIdentityUpdateOne
		clear func() *ent.PersonIdentityUpdateOne
	}{
		{i.BirthPlace, u.SetBirthPlace, u.ClearBirthPlace}, {i.Email, u.SetEmail, u.ClearEmail}, {i.Phone, u.SetPhone, u.ClearPhone},
		{i.Address, u.SetAddress, u.ClearAddress}, {i.PostalCode, u.SetPostalCode, u.ClearPostalCode}, {i.City, u.SetCity, u.ClearCity},
	} {
		if f.v != "" {
			f.set(f.v)
		} else {
			f.clear()
		}
	}
	if i.TaxCode != nil {
		u.SetTaxCode(*i.TaxCode)
	} else {
		u.ClearTaxCode()
	}
	return u
}

// restoreIdentity creates a person's identity again, as it was.
func restoreIdentity(c *ent.PersonIdentityCreate, i identity) *ent.PersonIdentityCreate {
	c.SetPersonID(i.Person).SetFirstName(i.FirstName).SetLastName(i.LastName).SetBirthDate(i.BirthDate).SetNillableTaxCode(i.TaxCode)
	if i.BirthPlace != "" {
		c.SetBirthPlace(i.BirthPlace)
	}
	if i.Email != "" {
		c.SetEmail(i.Email)
	}
	if i.Phone != "" {
		c.SetPhone(i.Phone)
	}
	if i.Address != "" {
		c.SetAddress(i.Address)
	}
	if i.PostalCode != "" {
		c.SetPostalCode(i.PostalCode)
	}
	if i.City != "" {
		c.SetCity(i.City)
	}
	return c
}

// MergePersons merges the record mergedID into survivorID.
func MergePersons(ctx context.Context, survivorID, mergedID gid.ID, choice MergeChoice) (*ent.Person, error) {
	a, err := action.Start(ctx)
	if err != nil {
		return nil, err
	}
	if !a.Viewer.Has(domain.RoleCoordinator) {
		return nil, &fault.Forbidden{Message: "only coordinators merge the records of a person"}
	}
	if survivorID == mergedID {
		return nil, fault.Invalidf("mergedID", "is the record to keep: name two records")
	}
	// Both identities as the viewer reads them: NOT_FOUND for a record
	// they may not read, FORBIDDEN for an identity they may not.
	ids := map[gid.ID]identity{}
	for field, id := range map[string]gid.ID{"survivorID": survivorID, "mergedID": mergedID} {
		p, err := a.Client.Person.Query().Where(person.ID(id)).Only(a.Ctx)
		if err != nil {
			return nil, err
		}
		pi, err := a.Client.PersonIdentity.Query().Where(personidentity.HasPersonWith(person.ID(p.ID))).Only(a.Ctx)
		if ent.IsNotFound(err) {
			return nil, &fault.Forbidden{Message: fmt.Sprintf("you do not read the identity of %s (%s): merge records whose identities you both read", p.Pseudonym, field)}
		}
		if err != nil {
			return nil, err
		}
		ids[id] = identityOf(pi, id)
	}
	if err := a.Writable(); err != nil {
		return nil, err
	}
	if merged, err := a.Client.PersonMerge.Query().Where(personmerge.HasMergedWith(person.IDIn(survivorID, mergedID)),
		personmerge.UndoneAtIsNil()).Exist(a.Sys); err != nil || merged {
		if err == nil {
			err = &fault.Conflict{Message: "one of the records was already merged into another"}
		}
		return nil, err
	}
	open, err := a.Client.CaseFile.Query().Where(casefile.HasPersonWith(person.IDIn(survivorID, mergedID)),
		casefile.StatusIn(openStatuses...)).Count(a.Sys)
	if err != nil {
		return nil, err
	}
	if open > 1 {
		return nil, &fault.Conflict{Message: "both records have an open case: close one, or transfer it to the other's table and close it there, before merging"}
	}
	survivor, merged := ids[survivorID], ids[mergedID]
	keep := chosen(survivor, merged, choice)
	cases, err := a.Client.CaseFile.Query().Where(casefile.HasPersonWith(person.ID(mergedID))).All(a.Sys)
	if err != nil {
		return nil, err
	}
	consents, err := a.Client.Consent.Query().Where(consent.HasPersonWith(person.ID(mergedID))).IDs(a.Sys)
	if err != nil {
		return nil, err
	}
	movedCases := make([]string, len(cases))
	for i, c := range cases {
		movedCases[i] = string(c.ID)
		u := a.Client.CaseFile.UpdateOneID(c.ID).SetPersonID(survivorID)
		if c.OpenPerson != nil {
			u.SetOpenPerson(string(survivorID))
		}
		if err := u.Exec(a.Sys); err != nil {
			return nil, err
		}
	}
	if err := a.Client.Consent.Update().Where(consent.IDIn(consents...)).SetPersonID(survivorID).Exec(a.Sys); err != nil {
		return nil, err
	}
	// The merged identity goes first: the survivor may take its tax code.
	if err := a.Client.PersonIdentity.DeleteOneID(merged.ID).Exec(a.Sys); err != nil {
		return nil, err
	}
	if err := setIdentity(a.Client.PersonIdentity.UpdateOneID(survivor.ID), keep).Exec(a.Sys); err != nil {
		return nil, err
	}
	before, err := survivor.values()
	if err != nil {
		return nil, err
	}
	gone, err := merged.values()
	if err != nil {
		return nil, err
	}
	if err := a.Client.PersonMerge.Create().SetSurvivorID(survivorID).SetMergedID(mergedID).SetMergedByID(a.Viewer.UserID).
		SetSurvivorIdentity(before).SetMergedIdentity(gone).SetMovedCases(movedCases).SetMovedConsents(idStrings(consents)).
		Exec(a.Sys); err != nil {
		return nil, err
	}
	// One event for each record, saying which side it was: the merged
	// one is what an undo takes.
	if err := a.AuditEach("MERGE_PERSONS", "Person",
		audit.Entry{ID: survivorID, Details: MergeAudit{Side: KeepSurvivor, MergedID: mergedID}},
		audit.Entry{ID: mergedID, Details: MergeAudit{Side: KeepMerged, SurvivorID: survivorID}}); err != nil {
		return nil, err
	}
	return a.Client.Person.Get(a.Ctx, survivorID)
}

// MergeAudit is what a MERGE_PERSONS event says of its record (JSON in
// the event's changes): which side of the merge it was, and the other.
type MergeAudit struct {
	Side       MergeSide `json:"side"`
	SurvivorID gid.ID    `json:"survivorId,omitempty"`
	MergedID   gid.ID    `json:"mergedId,omitempty"`
}

// UndoPersonMerge puts back what a merge changed, for an administrator,
// while no case was opened for the survivor since, and returns the
// restored record's ID: administrators read no person.
func UndoPersonMerge(ctx context.Context, mergedID gid.ID) (gid.ID, error) {
	a, err := action.Start(ctx)
	if err != nil {
		return "", err
	}
	if !a.Viewer.Has(domain.RoleAdmin) {
		return "", &fault.Forbidden{Message: "only administrators undo a merge"}
	}
	if err := a.Writable(); err != nil {
		return "", err
	}
	m, err := a.Client.PersonMerge.Query().Where(personmerge.HasMergedWith(person.ID(mergedID)), personmerge.UndoneAtIsNil()).
		WithSurvivor().Only(a.Sys)
	if ent.IsNotFound(err) {
		return "", fault.Invalidf("mergedID", "is not a record merged into another")
	}
	if err != nil {
		return "", err
	}
	survivorID := m.Edges.Survivor.ID
	later, err := a.Client.CaseFile.Query().Where(casefile.HasPersonWith(person.ID(survivorID)), casefile.CreatedAtGT(m.CreatedAt)).Exist(a.Sys)
	if err != nil {
		return "", err
	}
	if later {
		return "", &fault.Conflict{Message: "a case was opened for the person since the merge: it can no longer be undone"}
	}
	before, err := identityFrom(m.SurvivorIdentity)
	if err != nil {
		return "", err
	}
	gone, err := identityFrom(m.MergedIdentity)
	if err != nil {
		return "", err
	}
	for _, id := range m.MovedCases {
		c, err := a.Client.CaseFile.Get(a.Sys, gid.ID(id))
		if err != nil {
			return "", err
		}
		u := c.Update().SetPersonID(mergedID)
		if c.OpenPerson != nil {
			u.SetOpenPerson(string(mergedID))
		}
		if err := u.Exec(a.Sys); err != nil {
			return "", err
		}
	}
	if err := a.Client.Consent.Update().Where(consent.IDIn(stringIDs(m.MovedConsents)...)).SetPersonID(mergedID).Exec(a.Sys); err != nil {
		return "", err
	}
	// The identities as they were, unless erased since: an erasure stands.
	current, err := a.Client.PersonIdentity.Query().Where(personidentity.HasPersonWith(person.ID(survivorID))).Only(a.Sys)
	switch {
	case ent.IsNotFound(err):
	case err != nil:
		return "", err
	default:
		if err := setIdentity(current.Update(), before).Exec(a.Sys); err != nil {
			return "", err
		}
		if err := restoreIdentity(a.Client.PersonIdentity.Create(), gone).Exec(a.Sys); err != nil {
			return "", err
		}
	}
	if err := m.Update().SetUndoneAt(time.Now()).SetUndoneByID(a.Viewer.UserID).Exec(a.Sys); err != nil {
		return "", err
	}
	if err := a.Audit("UNDO_PERSON_MERGE", "Person", survivorID, mergedID); err != nil {
		return "", err
	}
	return mergedID, nil
}

// SurvivorsOf returns the IDs with each person's record that was merged
// into another replaced by the survivor's, in one query: node(id:) and
// nodes(ids:) read a merged record's ID as its survivor's.
func SurvivorsOf(ctx context.Context, client *ent.Client, ids []gid.ID) ([]gid.ID, error) {
	var persons []gid.ID
	for _, id := range ids {
		if id.Prefix() == "per" {
			persons = append(persons, id)
		}
	}
	if len(persons) == 0 {
		return ids, nil
	}
	merges, err := client.PersonMerge.Query().Where(personmerge.HasMergedWith(person.IDIn(persons...)), personmerge.UndoneAtIsNil()).
		WithMerged().WithSurvivor().All(rule.SystemContext(ctx))
	if err != nil || len(merges) == 0 {
		return ids, err
	}
	survivor := map[gid.ID]gid.ID{}
	for _, m := range merges {
		survivor[m.Edges.Merged.ID] = m.Edges.Survivor.ID
	}
	out := make([]gid.ID, len(ids))
	for i, id := range ids {
		out[i] = id
		if s, ok := survivor[id]; ok {
			out[i] = s
		}
	}
	return out, nil
}

func idStrings(ids []gid.ID) []string {
	out := make([]string, len(ids))
	for i, id := range ids {
		out[i] = string(id)
	}
	return out
}

func stringIDs(s []string) []gid.ID {
	out := make([]gid.ID, len(s))
	for i, id := range s {
		out[i] = gid.ID(id)
	}
	return out
}
