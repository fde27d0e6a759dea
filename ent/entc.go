//go:build ignore

// entc.go generates the ent client, the GraphQL schema of the ent types
// (graph/ent.graphql) and then the gqlgen executable schema, in that order,
// from the repository root: go run -mod=mod ./ent/entc.go
package main

import (
	"log"
	"os"
	"os/exec"
	"path/filepath"
	"slices"
	"strings"

	"entgo.io/contrib/entgql"
	"entgo.io/ent/entc"
	"entgo.io/ent/entc/gen"
	"github.com/99designs/gqlgen/api"
	"github.com/99designs/gqlgen/codegen/config"

	"github.com/progetto-win/win/ent/schemadoc"
)

func main() {
	ex, err := entgql.NewExtension(
		// Before WithTemplates, which replaces the templates these two add
		// with the whole list, patched.
		entgql.WithWhereInputs(true),
		entgql.WithNodeDescriptor(true),
		entgql.WithTemplates(entgqlTemplates()...),
		entgql.WithConfigPath("gqlgen.yml"),
		entgql.WithSchemaGenerator(),
		entgql.WithSchemaPath("graph/ent.graphql"),
		entgql.WithSchemaHook(schemadoc.AuditVocabulary, schemadoc.Describe, schemadoc.OpenCaseStatus),
	)
	if err != nil {
		log.Fatalf("creating entgql extension: %v", err)
	}
	templates := []*gen.Template{
		gen.MustParse(gen.NewTemplate("gid").ParseFiles("ent/template/gid.tmpl")),
		gen.MustParse(gen.NewTemplate("selector").ParseFiles("ent/template/selector.tmpl")),
		gen.MustParse(gen.NewTemplate("fields").ParseFiles("ent/template/fields.tmpl")),
		gen.MustParse(gen.NewTemplate("dialect").ParseFiles("ent/template/dialect.tmpl")),
	}
	err = entc.Generate("./ent/schema", &gen.Config{
		Target:  "ent",
		Package: "github.com/progetto-win/win/ent",
		Features: []gen.Feature{
			gen.FeaturePrivacy,
			gen.FeatureEntQL,
			gen.FeatureIntercept,
			gen.FeatureVersionedMigration,
			gen.FeatureLock,
			gen.FeatureModifier,
			gen.FeatureExecQuery, // the audit chain's lock and sealing
		},
		Templates: templates,
	}, entc.Extensions(ex))
	if err != nil {
		log.Fatalf("running ent codegen: %v", err)
	}
	cfg, err := config.LoadConfig("gqlgen.yml")
	if err != nil {
		log.Fatalf("loading gqlgen config: %v", err)
	}
	if err := api.Generate(cfg); err != nil {
		log.Fatalf("running gqlgen: %v", err)
	}
}

// entgqlTemplates returns entgql's templates, the where-input and node
// descriptor ones included, with its field-collection and where-input
// templates patched (see collectionPatches, wherePatches).
func entgqlTemplates() []*gen.Template {
	templates := append(slices.Clone(entgql.AllTemplates), entgql.WhereTemplate, entgql.NodeDescriptorTemplate)
	for _, t := range []struct {
		original *gen.Template
		path     string
		patches  []patch
	}{
		{entgql.CollectionTemplate, "template/collection.tmpl", collectionPatches},
		{entgql.WhereTemplate, "template/where_input.tmpl", wherePatches},
		{entgql.PaginationTemplate, "template/pagination.tmpl", paginationPatches},
	} {
		i := slices.Index(templates, t.original)
		if i < 0 {
			log.Fatalf("entgql no longer has the template %s: review its patches", t.path)
		}
		templates[i] = patchedTemplate(t.path, t.patches)
	}
	return templates
}

// patch replaces old, found exactly once, with new in a template's text.
type patch struct{ old, new string }

// wherePatches make every edge predicate of a where input (hasX and
// hasXWith) see only the rows of the edge's type that the viewer may
// read: ent applies privacy to the queries it runs, not inside the SQL
// subquery of an edge predicate, so without them a filter through an edge
// would answer yes or no about rows the viewer cannot read (a count of
// organisations "with a referred case whose person was born in 1980"). The
// scope is the target type's own policy (readable<T>, generated beside
// each where input), so no type or edge is left out; it reads the viewer
// from the SQL's context (ent/template/selector.tmpl).
var wherePatches = []patch{
	{
		old: "// P returns a predicate for filtering",
		new: `// readable{{ $n.Name }} narrows the {{ $n.Name }} rows that a where filter
// reaches through an edge to those the query's viewer may read, exactly as
// {{ $n.Name }}'s privacy policy narrows a query of its own: as if the
// hidden rows did not exist. A policy that denies leaves no row.
func readable{{ $n.Name }}() predicate.{{ $n.Name }} {
	return func(s *sql.Selector) {
		q := &{{ $n.Name }}Query{config: config{}, ctx: &QueryContext{Type: {{ $n.TypeName }}}}
		if err := {{ $n.Package }}.Policy.EvalQuery(s.Context(), q); err != nil {
			s.Where(sql.False())
			return
		}
		for _, p := range q.predicates {
			p(s)
		}
	}
}

// P returns a predicate for filtering`,
	},
	{
		old: "p := {{ $n.Package }}.{{ $func }}()",
		new: "p := {{ $n.Package }}.{{ $func }}With(readable{{ $e.Type.Name }}())",
	},
	{
		old: "predicates = append(predicates, {{ $n.Package }}.{{ $func }}(with...))",
		new: "predicates = append(predicates, {{ $n.Package }}.{{ $func }}(append(with, readable{{ $e.Type.Name }}())...))",
	},
}

// paginationPatches make a page and its totalCount one statement
// (countBeside), count nothing for a page's pageInfo (entgql counted the
// whole list for it, and then read hasNextPage from the page anyway), and
// make cursors page through fields that may be NULL.
// entgql (v0.7.0) compares a cursor's values with =, < and >, which no
// NULL satisfies, and leaves NULL's place to the database (last going up
// on PostgreSQL, first on SQLite): a list ordered by, say, the day a case
// was taken in charge lost the cases without one from its later pages.
// NULL now sorts as the largest value on both databases, and the cursor
// conditions say so (cursorsPredicate).
var paginationPatches = []patch{
	{
		old: "const errInvalidPagination = ",
		new: `// nullsLargest places NULL after every value going up and before going
// down, on both databases, as cursorsPredicate expects.
func nullsLargest(d OrderDirection) sql.OrderTermOption {
	if d == entgql.OrderDirectionDesc {
		return sql.OrderNullsFirst()
	}
	return sql.OrderNullsLast()
}

// nullsLargestSQL is nullsLargest in an ORDER BY written by hand.
func nullsLargestSQL(d OrderDirection) string {
	if d == entgql.OrderDirectionDesc {
		return " NULLS FIRST"
	}
	return " NULLS LAST"
}

// cursorsPredicate is entgql.MultiCursorsPredicate for orders in which
// NULL is the largest value: the rows after a cursor (x1, y1, id1) are
// those after it on x, or equal on x and after it on y, and so on, where
// "equal" to NULL is IS NULL, after a value going up includes NULL, after
// NULL going up is nothing, and after NULL going down is every value.
func cursorsPredicate(after, before *Cursor, opts *entgql.MultiCursorsOptions) ([]func(*sql.Selector), error) {
	var predicates []func(*sql.Selector)
	for _, c := range []*Cursor{after, before} {
		if c == nil {
			continue
		}
		if c.Value == nil {
			if opts.DirectionID == entgql.OrderDirectionAsc {
				predicates = append(predicates, sql.FieldGT(opts.FieldID, c.ID))
			} else {
				predicates = append(predicates, sql.FieldLT(opts.FieldID, c.ID))
			}
			continue
		}
		values, ok := c.Value.([]any)
		if !ok || len(values) != len(opts.Fields) || len(opts.Directions) != len(opts.Fields) {
			return nil, fmt.Errorf("cursor value %T does not fit the order's %d fields", c.Value, len(opts.Fields))
		}
		fields, directions := opts.Fields, opts.Directions
		if !slices.Contains(fields, opts.FieldID) {
			values = append(slices.Clone(values), c.ID)
			fields = append(slices.Clone(fields), opts.FieldID)
			directions = append(slices.Clone(directions), opts.DirectionID)
		}
		predicates = append(predicates, func(s *sql.Selector) {
			var or []*sql.Predicate
			for i := range fields {
				var and []*sql.Predicate
				for j := 0; j < i; j++ {
					if values[j] == nil {
						and = append(and, sql.IsNull(s.C(fields[j])))
					} else {
						and = append(and, sql.EQ(s.C(fields[j]), values[j]))
					}
				}
				column, v := s.C(fields[i]), values[i]
				switch {
				case directions[i] == entgql.OrderDirectionAsc && v == nil:
					continue
				case directions[i] == entgql.OrderDirectionAsc:
					and = append(and, sql.Or(sql.GT(column, v), sql.IsNull(column)))
				case v == nil:
					and = append(and, sql.NotNull(column))
				default:
					and = append(and, sql.LT(column, v))
				}
				or = append(or, sql.And(and...))
			}
			if len(or) == 0 {
				s.Where(sql.False())
				return
			}
			s.Where(sql.Or(or...))
		})
	}
	return predicates, nil
}

// totalCountColumn is the column in which a page's rows carry the count
// of the whole list (countBeside).
const totalCountColumn = "win_total_count"

// countBeside turns the selector of a list, as privacy and filters left
// it, into the count of its rows, for the page's own statement to select
// beside its columns: a list with its totalCount is one round trip, not
// two. The subquery does not depend on the row, so both databases
// compute it once. distinct counts the ids once, as Count does for a
// query through an edge.
func countBeside(list *sql.Selector, distinct bool, id string) *sql.Selector {
	if distinct {
		return list.Select(sql.Count(sql.Distinct(list.C(id))))
	}
	return list.Select(sql.Count("*"))
}

// totalOf reads the count a page's row carries.
func totalOf(v ent.Value, err error) (int, error) {
	if err != nil {
		return 0, err
	}
	switch n := v.(type) {
	case int64:
		return int(n), nil
	case int:
		return n, nil
	}
	return 0, fmt.Errorf("ent: the count of the list is a %T", v)
}

const errInvalidPagination = `,
	},
	{
		old: "\tignoredEdges := !hasCollectedField(ctx, edgesField)\n",
		new: "\tignoredEdges := !hasCollectedField(ctx, edgesField)\n\tvar counter *{{ $node.QueryName }} // counts the list in the page's statement (countBeside)\n",
	},
	{
		old: `			if conn.TotalCount, err = c.Count(ctx); err != nil {
				return nil, err
			}`,
		new: `			switch {
			case ignoredEdges || (first != nil && *first == 0) || (last != nil && *last == 0):
				if conn.TotalCount, err = c.Count(ctx); err != nil {
					return nil, err
				}
			case hasCollectedField(ctx, totalCountField):
				counter = c
			}
			// Beside a page, pageInfo needs no count: build reads it from
			// the page's extra row.`,
	},
	{
		old: `	nodes, err := {{ $r }}.All(ctx)
	if err != nil {
		return nil, err
	}`,
		new: `	if counter != nil {
		counted := counter.Clone()
		if err := counted.prepareQuery(ctx); err != nil {
			return nil, err
		}
		count := countBeside(counted.sqlQuery(ctx), counted.path != nil || counted.ctx.Unique != nil && *counted.ctx.Unique, {{ $node.Package }}.{{ $node.ID.Constant }})
		{{ $r }}.modifiers = append({{ $r }}.modifiers, func(s *sql.Selector) { s.AppendSelectExprAs(count, totalCountColumn) })
	}
	nodes, err := {{ $r }}.All(ctx)
	if err != nil {
		return nil, err
	}
	if counter != nil {
		if len(nodes) > 0 {
			conn.TotalCount, err = totalOf(nodes[0].Value(totalCountColumn))
		} else if after != nil || before != nil {
			conn.TotalCount, err = counter.Count(ctx) // no row to carry it
		}
		if err != nil {
			return nil, err
		}
	}`,
	},
	{
		old: "predicates, err := entgql.MultiCursorsPredicate(after, before, &entgql.MultiCursorsOptions{",
		new: "predicates, err := cursorsPredicate(after, before, &entgql.MultiCursorsOptions{",
	},
	{
		old: `			query = query.Order(o.Field.toTerm(direction.OrderTermOption()))
			if o.Field.column == {{ $defaultOrder }}.Field.column {`,
		new: `			query = query.Order(o.Field.toTerm(direction.OrderTermOption(), nullsLargest(direction)))
			if o.Field.column == {{ $defaultOrder }}.Field.column {`,
	},
	{
		old: `					query = query.Order(o.Field.toTerm(direction.OrderTermOption()))
				default:`,
		new: `					query = query.Order(o.Field.toTerm(direction.OrderTermOption(), nullsLargest(direction)))
				default:`,
	},
	{
		old: "b.Ident(o.Field.column).Pad().WriteString(string(direction))",
		new: "b.Ident(o.Field.column).Pad().WriteString(string(direction) + nullsLargestSQL(direction))",
	},
}

// collectionPatches fix entgql's field collection (v0.7.0), which
// eager-loads nested connections with the arguments of the GraphQL field
// as written, before GraphQL's input coercion. For a MultiOrder type
// (every connection here) orderBy is a list, and a client may write one
// order as a single object ({field: X, direction: DESC}, literal or in a
// variable), which GraphQL coerces to a list of one. entgql then read only
// a literal list ([]any): the single object (map[string]any) and the
// coerced variable ([]map[string]any) were dropped without an error, so
// the nested edges were loaded in id order, while the edge resolver built
// the cursors with the order asked for. The patch turns both into the
// []any entgql reads. Each patch must match once: when entgql changes
// this code, generation stops here to have the patch reviewed (dropped
// if entgql reads single orders itself).
var collectionPatches = []patch{
	{
		old: "switch v := v.(type) {",
		new: "switch v := {{ if $multiOrder }}orderByList(v){{ else }}v{{ end }}.(type) {",
	},
	{
		old: "\nfunc fieldArgs(",
		new: `
// orderByList returns the orderBy argument of a multi-order connection,
// as read before GraphQL's input coercion, as the list GraphQL coerces it
// to: a single order object becomes a list of one, and a variable that
// was coerced from a single object ([]map[string]any) a []any.
func orderByList(v any) any {
	switch v := v.(type) {
	case map[string]any:
		return []any{v}
	case []map[string]any:
		l := make([]any, len(v))
		for i := range v {
			l[i] = v[i]
		}
		return l
	}
	return v
}

func fieldArgs(`,
	},
}

// patchedTemplate parses one of entgql's templates, from the module go.mod
// requires, with patches applied.
func patchedTemplate(path string, patches []patch) *gen.Template {
	dir, err := exec.Command("go", "list", "-m", "-f", "{{.Dir}}", "entgo.io/contrib").Output()
	if err != nil {
		log.Fatalf("locating entgo.io/contrib: %v", err)
	}
	src, err := os.ReadFile(filepath.Join(strings.TrimSpace(string(dir)), "entgql", path))
	if err != nil {
		log.Fatalf("reading entgql's %s: %v", path, err)
	}
	text := string(src)
	for _, p := range patches {
		if n := strings.Count(text, p.old); n != 1 {
			log.Fatalf("patching entgql's %s: %q found %d times, want 1: review its patches", path, p.old, n)
		}
		text = strings.Replace(text, p.old, p.new, 1)
	}
	return gen.MustParse(gen.NewTemplate(path).Funcs(entgql.TemplateFuncs).Parse(text))
}
