package pathway

import (
	"context"
	"strings"
	"unicode/utf8"

	"entgo.io/contrib/entgql"
	"entgo.io/ent/dialect/sql"

	"github.com/progetto-win/win/domain"
	"github.com/progetto-win/win/domain/fault"
	"github.com/progetto-win/win/domain/gid"
	"github.com/progetto-win/win/ent"
	"github.com/progetto-win/win/ent/casefile"
	"github.com/progetto-win/win/ent/person"
	"github.com/progetto-win/win/ent/personidentity"
	"github.com/progetto-win/win/ent/predicate"
	"github.com/progetto-win/win/ent/schema/rule"
	"github.com/progetto-win/win/server/action"
)

// Bounds of a search's text: a name's first letters to a full name with
// its tax code; a single letter would list half the caseload.
const (
	minSearchKey  = 2
	maxSearchText = 100
)

// CaseSearch is what the audit log keeps of a search: the text and how
// many cases it found, never which.
type CaseSearch struct {
	Text    string `json:"text"`
	Results int    `json:"results"`
}

// SearchCases pages the viewer's cases whose code or person's pseudonym
// contains the text, or whose person's surname, name or tax code matches
// it, among the identities the viewer may read (rule.ReadableIdentities)
// and only those: for the others the search is by code and pseudonym, so
// it tells nobody whether a name they may not read is in WIN. Names match
// without accents, case or punctuation, on their first letters (surname,
// surname and name, or name and surname); a tax code matches whole. Every
// search is audited with its text and its number of results.
func SearchCases(ctx context.Context, text string, after *entgql.Cursor[gid.ID], first *int, before *entgql.Cursor[gid.ID], last *int,
	orderBy []*ent.CaseOrder, where *ent.CaseWhereInput,
) (*ent.CaseConnection, error) {
	a, err := action.Start(ctx)
	if err != nil {
		return nil, err
	}
	text = strings.TrimSpace(text)
	key := domain.NameKey(text)
	switch {
	case utf8.RuneCountInString(text) > maxSearchText:
		return nil, fault.Invalidf("text", "search at most %d characters", maxSearchText)
	case utf8.RuneCountInString(text) < minSearchKey:
		return nil, fault.Invalidf("text", "type at least %d characters", minSearchKey)
	}
	matches := []predicate.CaseFile{casefile.CodeContainsFold(text), casefile.HasPersonWith(person.PseudonymContainsFold(text))}
	if byIdentity := identityMatches(text, key); byIdentity != nil {
		matches = append(matches, casefile.HasPersonWith(person.HasIdentityWith(rule.ReadableIdentities(a.Viewer), byIdentity)))
	}
	query := a.Client.CaseFile.Query().Where(casefile.Or(matches...))
	if query, err = where.Filter(query); err != nil {
		return nil, err
	}
	results, err := query.Clone().Count(ctx)
	if err != nil {
		return nil, err
	}
	if err := a.AuditSearch("SEARCH_CASES", "Case", CaseSearch{Text: text, Results: results}); err != nil {
		return nil, err
	}
	return query.Paginate(ctx, after, first, before, last, ent.WithCaseOrder(orderBy))
}

// identityMatches is the predicate of the identities the text names: by
// tax code, whole, or by the first letters of the surname, of the surname
// then the name, or of the name then the surname, compared as
// domain.NameKey writes them. Nil when the text names no one: fewer than
// minSearchKey letters and no tax code.
func identityMatches(text, key string) predicate.PersonIdentity {
	var either []predicate.PersonIdentity
	if code := domain.NormalizeTaxCode(text); domain.ValidateTaxCode(code) == nil {
		either = append(either, personidentity.TaxCode(code))
	}
	if utf8.RuneCountInString(key) >= minSearchKey {
		either = append(either,
			personidentity.LastNameKeyHasPrefix(key),
			keysHavePrefix(personidentity.FieldLastNameKey, personidentity.FieldFirstNameKey, key),
			keysHavePrefix(personidentity.FieldFirstNameKey, personidentity.FieldLastNameKey, key),
		)
	}
	if len(either) == 0 {
		return nil
	}
	return personidentity.Or(either...)
}

// keysHavePrefix is the predicate of the identities whose two name keys,
// one after the other, begin with prefix: "ROSSIMA" for Rossi Mario. Keys
// hold letters only, so the prefix has no LIKE wildcard to escape; both
// databases concatenate with ||.
func keysHavePrefix(firstKey, secondKey, prefix string) predicate.PersonIdentity {
	return func(s *sql.Selector) {
		s.Where(sql.P(func(b *sql.Builder) {
			b.WriteString(s.C(firstKey)).WriteString(" || ").WriteString(s.C(secondKey)).WriteString(" LIKE ").Arg(prefix + "%")
		}))
	}
}
