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
		// First: the options below add to this list.
		entgql.WithTemplates(entgqlTemplates()...),
		entgql.WithConfigPath("gqlgen.yml"),
		entgql.WithSchemaGenerator(),
		entgql.WithSchemaPath("graph/ent.graphql"),
		entgql.WithWhereInputs(true),
		entgql.WithNodeDescriptor(true),
		entgql.WithSchemaHook(schemadoc.Describe),
	)
	if err != nil {
		log.Fatalf("creating entgql extension: %v", err)
	}
	templates := []*gen.Template{
		gen.MustParse(gen.NewTemplate("gid").ParseFiles("ent/schema/gid/template/gid.tmpl")),
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

// entgqlTemplates returns entgql's templates with its field-collection
// template patched (see collectionTemplate).
func entgqlTemplates() []*gen.Template {
	templates := slices.Clone(entgql.AllTemplates)
	i := slices.Index(templates, entgql.CollectionTemplate)
	if i < 0 {
		log.Fatal("entgql.AllTemplates no longer holds entgql.CollectionTemplate: review collectionTemplate")
	}
	templates[i] = collectionTemplate()
	return templates
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
var collectionPatches = []struct{ old, new string }{
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

// collectionTemplate parses entgql's collection template, from the module
// go.mod requires, with collectionPatches applied.
func collectionTemplate() *gen.Template {
	const path = "entgql/template/collection.tmpl"
	dir, err := exec.Command("go", "list", "-m", "-f", "{{.Dir}}", "entgo.io/contrib").Output()
	if err != nil {
		log.Fatalf("locating entgo.io/contrib: %v", err)
	}
	src, err := os.ReadFile(filepath.Join(strings.TrimSpace(string(dir)), path))
	if err != nil {
		log.Fatalf("reading entgql's collection template: %v", err)
	}
	text := string(src)
	for _, p := range collectionPatches {
		if n := strings.Count(text, p.old); n != 1 {
			log.Fatalf("patching %s: %q found %d times, want 1: review collectionPatches", path, p.old, n)
		}
		text = strings.Replace(text, p.old, p.new, 1)
	}
	return gen.MustParse(gen.NewTemplate("template/collection.tmpl").Funcs(entgql.TemplateFuncs).Parse(text))
}
