import { join } from "node:path";

/** Where the browser suite leaves screenshots, axe results and the server's log. */
export const artifacts = process.env.WIN_E2E_ARTIFACTS ?? join(import.meta.dirname, "../../test-artifacts/e2e");
