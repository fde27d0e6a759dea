import { resolve } from "node:path";
import react from "@vitejs/plugin-react";
import { defineConfig } from "vite";

// The build goes to dist/app, which the Go binary embeds (frontend/embed.go);
// dist/.gitkeep stays so that the embed compiles before any build.
export default defineConfig({
  plugins: [react()],
  base: "/",
  build: {
    outDir: "dist/app",
    emptyOutDir: true,
    rollupOptions: {
      input: { graphiql: resolve(import.meta.dirname, "graphiql.html") },
    },
  },
  server: {
    proxy: {
      "/graphql": "http://localhost:8080",
      "/healthz": "http://localhost:8080",
      "/readyz": "http://localhost:8080",
    },
  },
});
