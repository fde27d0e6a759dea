package rule

import (
	"entgo.io/ent/dialect/sql"

	"github.com/progetto-win/win/domain/gid"
	"github.com/progetto-win/win/ent/casefile"
	"github.com/progetto-win/win/ent/predicate"
)

// Predicates of cases on their own foreign-key columns, for the rules and
// for every list that selects cases by their table or their people.
// casefile.HasTableWith(territorialtable.IDIn(…)) and its siblings select
// the same rows (the foreign keys guarantee the row on the other side),
// but each as an EXISTS (SELECT …) on the other table, which PostgreSQL
// evaluates case by case over a sequential scan of all the cases when
// several are ORed; on the columns themselves, an OR of them is a
// BitmapOr of the cases' own indexes
// (docs/performance.md#the-coordinators-count). An empty list is a
// column IN (), always false: leave it out of an OR, for SQLite, given
// an OR with a false term, scans every case instead of using the other
// terms' indexes.

// CasesAt is the predicate of the cases worked at one of the tables.
func CasesAt(tables ...gid.ID) predicate.CaseFile {
	return predicate.CaseFile(sql.FieldIn(casefile.TableColumn, tables...))
}

// CasesReferredBy is the predicate of the cases the user referred.
func CasesReferredBy(u gid.ID) predicate.CaseFile {
	return predicate.CaseFile(sql.FieldEQ(casefile.ReferringOperatorColumn, u))
}

// CasesOfferedTo is the predicate of the cases offered to one of the
// tables by transfer.
func CasesOfferedTo(tables ...gid.ID) predicate.CaseFile {
	return predicate.CaseFile(sql.FieldIn(casefile.TransferToColumn, tables...))
}

// CasesManagedBy is the predicate of the cases the user manages.
func CasesManagedBy(u gid.ID) predicate.CaseFile {
	return predicate.CaseFile(sql.FieldEQ(casefile.CaseManagerColumn, u))
}
