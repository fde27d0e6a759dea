package schema

import (
	"entgo.io/contrib/entgql"
	"entgo.io/ent/dialect"
	"entgo.io/ent/schema"

	"github.com/progetto-win/win/domain"
)

// A calendar day (referred on, due on, held on…) is a domain.Date in Go,
// a date column on both databases and the API's Date scalar: a day, not
// the instant of its midnight somewhere. Instants (*_at) stay times.
var (
	day        = domain.Date{}
	dateColumn = map[string]string{dialect.Postgres: "date", dialect.SQLite: "date"}
)

// dateScalar is the GraphQL type of a day field.
func dateScalar() schema.Annotation { return entgql.Type("Date") }
