//go:build ignore

// entc.go generates the ent client, the GraphQL schema of the ent types
// (graph/ent.graphql) and then the gqlgen executable schema, in that order,
// from the repository root: go run -mod=mod ./ent/entc.go
package main

import (
	"log"

	"entgo.io/contrib/entgql"
	"entgo.io/ent/entc"
	"entgo.io/ent/entc/gen"
	"github.com/99designs/gqlgen/api"
	"github.com/99designs/gqlgen/codegen/config"

	"github.com/progetto-win/win/ent/schemadoc"
)

func main() {
	ex, err := entgql.NewExtension(
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
	templates := append(entgql.AllTemplates,
		gen.MustParse(gen.NewTemplate("gid").ParseFiles("ent/schema/gid/template/gid.tmpl")))
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
