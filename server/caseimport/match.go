package caseimport

import (
	"context"
	"fmt"
	"slices"
	"strings"

	"github.com/progetto-win/win/domain"
	"github.com/progetto-win/win/domain/gid"
	"github.com/progetto-win/win/domain/viewer"
	"github.com/progetto-win/win/ent"
	"github.com/progetto-win/win/ent/casefile"
	"github.com/progetto-win/win/server/pathway"
)

// tableRef is a table a row may name.
type tableRef struct {
	id                 gid.ID
	code, name         string
	daysToFirstMeeting int
}

// refs are the network's tables, organisations and municipalities, which
// rows name: read once per file (a few dozen rows each).
type refs struct {
	tables         map[string]*tableRef // by folded code and name
	organizations  map[string]gid.ID    // by folded name, and by ID
	municipalities map[string]gid.ID    // by folded name, and by ISTAT code
}

// loadRefs reads the reference data, as the system: the directory is
// public, and tables are named by every referral.
func loadRefs(sys context.Context, client *ent.Client) (*refs, error) {
	r := &refs{tables: map[string]*tableRef{}, organizations: map[string]gid.ID{}, municipalities: map[string]gid.ID{}}
	tables, err := client.TerritorialTable.Query().All(sys)
	if err != nil {
		return nil, err
	}
	for _, t := range tables {
		ref := &tableRef{id: t.ID, code: t.Code, name: t.Name, daysToFirstMeeting: t.DaysToFirstMeeting}
		r.tables[fold(t.Code)] = ref
		r.tables[fold(t.Name)] = ref
	}
	orgs, err := client.Organization.Query().All(sys)
	if err != nil {
		return nil, err
	}
	for _, o := range orgs {
		r.organizations[fold(o.Name)] = o.ID
		r.organizations[string(o.ID)] = o.ID
	}
	places, err := client.Municipality.Query().All(sys)
	if err != nil {
		return nil, err
	}
	for _, m := range places {
		r.municipalities[fold(m.Name)] = m.ID
		r.municipalities[m.IstatCode] = m.ID
	}
	return r, nil
}

func (r *refs) table(cell string) (*tableRef, bool) {
	t, ok := r.tables[fold(cell)]
	return t, ok
}

func (r *refs) organization(cell string) (gid.ID, bool) {
	if id, ok := r.organizations[strings.TrimSpace(cell)]; ok {
		return id, true
	}
	id, ok := r.organizations[fold(cell)]
	return id, ok
}

func (r *refs) municipality(cell string) (gid.ID, bool) {
	if id, ok := r.municipalities[strings.TrimSpace(cell)]; ok {
		return id, true
	}
	id, ok := r.municipalities[fold(cell)]
	return id, ok
}

// checker reads rows for a viewer.
type checker struct {
	refs   *refs
	viewer *viewer.Viewer
}

// mayImportInto reports whether the viewer may import cases into a
// table: an administrator into any, a coordinator into those they
// coordinate.
func (c *checker) mayImportInto(t *tableRef) bool {
	return c.viewer.Has(domain.RoleAdmin) || c.viewer.Has(domain.RoleCoordinator) && slices.Contains(c.viewer.Coordinates, t.id)
}

// filePerson is a person the file brings, as the first row that brought
// them found them: known to WIN, or new.
type filePerson struct {
	line      int                  // the first row's
	known     *pathway.PersonMatch // the known person, or nil for a new one
	id        gid.ID               // the known person's, or the new one's once created
	pseudonym string               // likewise
	openLine  int                  // the row that gives them an open case, if any
}

// filePersons finds the persons of earlier rows, by tax code and by
// names and birth date, compared as findPersonMatches compares them.
type filePersons struct {
	byTax  map[string]*filePerson
	byName map[string]*filePerson
}

func newFilePersons() filePersons {
	return filePersons{byTax: map[string]*filePerson{}, byName: map[string]*filePerson{}}
}

// nameKey is the key of names and a birth date: names compared without
// accents, case or punctuation (domain.NameKey).
func nameKey(r *record) string {
	if !r.byName() {
		return ""
	}
	return domain.NameKey(r.lastName) + "|" + domain.NameKey(r.firstName) + "|" + r.birthDate.String()
}

// find returns the person an earlier row brought, if the row's
// identifiers match one, as the known persons are matched: by tax code,
// or by names and birth date for a row without a tax code. A row whose
// tax code and names name two persons, or whose names name a person of
// another (or no) tax code, is ambiguous.
func (f filePersons) find(r *record) (p *filePerson, ambiguous bool) {
	var byTax, byName *filePerson
	if r.taxCode != "" {
		byTax = f.byTax[r.taxCode]
	}
	if k := nameKey(r); k != "" {
		byName = f.byName[k]
	}
	switch {
	case byTax != nil && byName != nil && byTax != byName:
		return nil, true
	case byTax != nil:
		return byTax, false
	case byName != nil && r.taxCode != "":
		return byName, true
	}
	return byName, false
}

// add remembers the person of a row under its identifiers.
func (f filePersons) add(r *record, p *filePerson) {
	if r.taxCode != "" && f.byTax[r.taxCode] == nil {
		f.byTax[r.taxCode] = p
	}
	if k := nameKey(r); k != "" && f.byName[k] == nil {
		f.byName[k] = p
	}
}

// identifiers are what the matching of known persons takes of a row.
func identifiers(r *record) pathway.PersonIdentifiers {
	return pathway.PersonIdentifiers{TaxCode: r.taxCode, LastName: r.lastName, FirstName: r.firstName, BirthDate: r.birthDate}
}

// personColumn is the column that identified a row's person: the tax
// code if the match was by it, the surname otherwise.
func personColumn(m *pathway.PersonMatch) string {
	if m == nil || slices.Contains(m.Reasons, pathway.ByTaxCode) {
		return ColTaxCode
	}
	return ColLastName
}

// reasons are a match's reasons as the report writes them.
func reasons(m *pathway.PersonMatch) []string {
	out := make([]string, len(m.Reasons))
	for i, r := range m.Reasons {
		out[i] = string(r)
	}
	return out
}

// importedBefore returns the cases of the keys an earlier import created,
// by key, with their codes.
func importedBefore(sys context.Context, client *ent.Client, keys []string) (map[string]*ent.CaseFile, error) {
	out := map[string]*ent.CaseFile{}
	if len(keys) == 0 {
		return out, nil
	}
	cases, err := client.CaseFile.Query().Where(casefile.ImportKeyIn(keys...)).
		Select(casefile.FieldID, casefile.FieldCode, casefile.FieldImportKey).All(sys)
	for _, c := range cases {
		out[*c.ImportKey] = c
	}
	return out, err
}

// visibleCases returns which of the cases the viewer may see, with their
// code and table: what the report may say of a person's open case.
func visibleCases(ctx context.Context, client *ent.Client, ids []gid.ID) (map[gid.ID]*CaseRef, error) {
	out := map[gid.ID]*CaseRef{}
	if len(ids) == 0 {
		return out, nil
	}
	cases, err := client.CaseFile.Query().Where(casefile.IDIn(ids...)).WithTable().All(ctx)
	for _, c := range cases {
		out[c.ID] = &CaseRef{ID: c.ID, Code: c.Code, Table: c.Edges.Table.Name}
	}
	return out, err
}

// hiddenOpenCase is what the report says of an open case the uploader
// may not see.
const hiddenOpenCase = "the person already has an open case, at a table whose cases you do not see: a person has one open case at a time"

// openCaseProblem is the problem of a row that would give a known person
// a second open case.
func openCaseProblem(m *pathway.PersonMatch, visible map[gid.ID]*CaseRef) Problem {
	if ref, ok := visible[*m.OpenCaseID]; ok {
		return Problem{Column: personColumn(m), Message: fmt.Sprintf("the person (%s) already has an open case, %s at %s: a person has one open case at a time; import this one as closed (Chiuso), or leave the row out", m.Pseudonym, ref.Code, ref.Table)}
	}
	return Problem{Column: personColumn(m), Message: hiddenOpenCase}
}
