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
		entgql.WithSchemaHook(schemadoc.Describe),
	)
	if err != nil {
		log.Fatalf("creating entgql extension: %v", err)
	}
	templates := []*gen.Template{
		gen.MustParse(gen.NewTemplate("gid").ParseFiles("ent/schema/gid/template/gid.tmpl")),
		gen.MustParse(gen.NewTemplate("selector").ParseFiles("ent/schema/rule/template/selector.tmpl")),
		gen.MustParse(gen.NewTemplate("fields").ParseFiles("ent/schema/rule/template/fields.tmpl")),
		gen.MustParse(gen.NewTemplate("dialect").ParseFiles("ent/schema/auditchain/template/dialect.tmpl")),
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
// from the SQL's context (ent/schema/rule/template/selector.tmpl).
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
