import type { CodegenConfig } from "@graphql-codegen/cli";

// Typed documents from the server's schema files (graph/*.graphql, the
// same files gqlgen builds the API from): `npm run codegen` writes
// src/gql; `npm run codegen:check` fails when src/gql is stale.
const config: CodegenConfig = {
  schema: "../graph/*.graphql",
  documents: ["src/**/*.{ts,tsx}", "!src/gql/**/*"],
  ignoreNoDocuments: false,
  generates: {
    "src/gql/": {
      preset: "client",
      presetConfig: { fragmentMasking: false },
      config: {
        useTypeImports: true,
        enumsAsTypes: true,
        scalars: { Time: "string", Date: "string", Cursor: "string" },
        skipTypename: false,
        avoidOptionals: false,
      },
    },
    // The schema's shape for graphcache: which types are keyed, which
    // fields are connections, how interfaces resolve.
    "src/gql/introspection.ts": {
      plugins: ["urql-introspection"],
      config: { useTypeImports: true, module: "es2015", minify: true, includeEnums: true, includeScalars: false, includeInputs: false, includeDirectives: false },
    },
  },
  hooks: { afterAllFileWrite: [] },
};

export default config;
