// Loads the SPA's sign-in page and GraphiQL from a running server in
// Debian's chromium and reports every Content-Security-Policy violation
// and page error, and whether each page rendered.
//
//   node bench/csp-check.mjs http://127.0.0.1:18081
import { createRequire } from "node:module";

const require = createRequire(new URL("../frontend/package.json", import.meta.url));
const { chromium } = require("playwright-core");
const base = process.argv[2] ?? "http://127.0.0.1:18081";

const browser = await chromium.launch({
  executablePath: process.env.WIN_CHROMIUM ?? "/usr/bin/chromium",
  args: ["--headless", "--no-sandbox", "--disable-gpu", "--disable-background-networking", "--disable-component-update", "--disable-sync", "--no-first-run"],
});
let failed = false;
for (const [path, selector] of [["/login", "form"], ["/graphiql", ".graphiql-container .graphiql-editor"]]) {
  const page = await browser.newPage();
  const problems = [];
  page.on("console", (m) => m.type() === "error" && problems.push(m.text()));
  page.on("pageerror", (e) => problems.push(e.message));
  await page.goto(base + path);
  const rendered = await page.waitForSelector(selector, { timeout: 15000 }).then(() => true, () => false);
  if (path === "/graphiql") {
    // The schema arrives by introspection: the documentation button works.
    await page.waitForTimeout(2000);
  }
  const csp = (await page.evaluate(() => fetch(location.href).then((r) => r.headers.get("content-security-policy"))));
  console.log(`${path}: rendered=${rendered} csp=${csp !== null} problems=${JSON.stringify(problems)}`);
  failed ||= !rendered || problems.length > 0 || csp === null;
  await page.close();
}
await browser.close();
process.exit(failed ? 1 : 0);
