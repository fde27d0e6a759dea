// ESLint (flat config), run by `npm run lint` and `make lint`: TypeScript"s
// recommended rules, the rules of hooks and accessibility (jsx-a11y).
import js from "@eslint/js";
import jsxA11y from "eslint-plugin-jsx-a11y";
import reactHooks from "eslint-plugin-react-hooks";
import { defineConfig, globalIgnores } from "eslint/config";
import globals from "globals";
import tseslint from "typescript-eslint";

export default defineConfig([
  // The build"s output and graphql-codegen"s documents are generated.
  globalIgnores(["dist/", "src/gql/", "test-artifacts/"]),
  {
    files: ["**/*.{ts,tsx,js}"],
    extends: [
      js.configs.recommended,
      tseslint.configs.recommended,
      reactHooks.configs.flat.recommended,
      jsxA11y.flatConfigs.recommended,
    ],
    languageOptions: {
      globals: { ...globals.browser, ...globals.node },
    },
    rules: {
      // As TypeScript"s noUnusedParameters: a leading _ names a parameter
      // kept for its type or position.
      "@typescript-eslint/no-unused-vars": ["error", { argsIgnorePattern: "^_", varsIgnorePattern: "^_" }],
      // Warns that the React Compiler skips a component using
      // react-hook-form"s watch(); WIN does not use the compiler.
      "react-hooks/incompatible-library": "off",
    },
  },
]);
