import { defineConfig } from "vitest/config";

// The browser suite: one server, one browser, files one after another
// (they share the server's data, in the order of a working day).
export default defineConfig({
  test: {
    include: ["e2e/**/*.e2e.ts"],
    globalSetup: ["e2e/server.ts"],
    fileParallelism: false,
    sequence: { concurrent: false },
    testTimeout: 90_000,
    hookTimeout: 120_000,
    reporters: ["verbose"],
  },
});
