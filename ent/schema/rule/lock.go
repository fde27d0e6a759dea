package rule

import (
	"entgo.io/ent/dialect"
	"entgo.io/ent/dialect/sql"
)

// ForUpdate locks the selected rows where the database can (PostgreSQL);
// SQLite runs one writing transaction at a time. Use it with a query's
// Modify.
func ForUpdate(s *sql.Selector) {
	if s.Dialect() == dialect.Postgres {
		s.ForUpdate()
	}
}
