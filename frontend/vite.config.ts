import { resolve } from "node:path";
import react from "@vitejs/plugin-react";
import { defineConfig } from "vitest/config";
import { precompress } from "./precompress.js";

// The Go server (WIN_API_URL, default :8080); `npm run dev` proxies the
// API, the exports and the probes to it.
const goServer = process.env.WIN_API_URL ?? "http://localhost:8080";

// The build goes to dist/app, which the Go binary embeds (frontend/embed.go);
// dist/.gitkeep, outside dist/app, stays so that the embed compiles before
// any build.
export default defineConfig({
  plugins: [react(), precompress()],
  base: "/",
  build: {
    outDir: "dist/app",
    emptyOutDir: true,
    // GraphiQL (with React, graphql-js and CodeMirror 5) is one ~1 MB chunk,
    // loaded only by /graphiql; anything else past this limit is news.
    chunkSizeWarningLimit: 1100,
    rolldownOptions: {
      // One entry per page: the SPA and GraphiQL.
      input: {
        index: resolve(import.meta.dirname, "index.html"),
        graphiql: resolve(import.meta.dirname, "graphiql.html"),
      },
      onLog(level, log, handler) {
        // react-compiler-runtime (a GraphiQL dependency) opens with
        // "use no memo", a hint for the React compiler that bundling drops
        // harmlessly.
        if (log.code === "MODULE_LEVEL_DIRECTIVE" && log.id?.includes("react-compiler-runtime")) {
          return;
        }
        handler(level, log);
      },
    },
  },
  test: {
    // design-react-kit's exports name only the "module" and "main"
    // conditions, which tests' Node resolution does not look for.
    setupFiles: ["src/test/setup.ts"],
    alias: { "design-react-kit": resolve(import.meta.dirname, "node_modules/design-react-kit/dist/index.cjs") },
  },
  server: {
    // The browser's Host and Origin stay those of the dev server, as the
    // API's origin check wants for a same-origin write.
    proxy: Object.fromEntries(
      ["/graphql", "/export", "/import", "/download", "/healthz", "/readyz"].map((path) => [path, { target: goServer, changeOrigin: false }]),
    ),
  },
});
