import { resolve } from "node:path";
import react from "@vitejs/plugin-react";
import { defineConfig } from "vite";

// The Go server; `npm run dev` proxies the API and the probes to it.
const goServer = "http://localhost:8080";

// The build goes to dist/app, which the Go binary embeds (frontend/embed.go);
// dist/.gitkeep, outside dist/app, stays so that the embed compiles before
// any build.
export default defineConfig({
  plugins: [react()],
  base: "/",
  build: {
    outDir: "dist/app",
    emptyOutDir: true,
    // GraphiQL (with React, graphql-js and CodeMirror 5) is one ~1 MB chunk,
    // loaded only by /graphiql; anything else past this limit is news.
    chunkSizeWarningLimit: 1100,
    rolldownOptions: {
      // One entry per page; the SPA's index.html will join graphiql.html.
      input: { graphiql: resolve(import.meta.dirname, "graphiql.html") },
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
  server: {
    proxy: {
      "/graphql": goServer,
      "/healthz": goServer,
      "/readyz": goServer,
    },
  },
});
