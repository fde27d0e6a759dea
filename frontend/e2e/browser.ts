import { appendFileSync, mkdirSync, writeFileSync } from "node:fs";
import { join } from "node:path";
import axe from "axe-core";
import { chromium, type Browser, type Page } from "playwright-core";
import { afterEach, expect, inject } from "vitest";
import { artifacts } from "./artifacts";

// Debian's chromium, headless, with nothing fetched in the background.

export const password = "win-demo-2026";

export function launch(): Promise<Browser> {
  return chromium.launch({
    executablePath: process.env.WIN_CHROMIUM ?? "/usr/bin/chromium",
    args: [
      "--headless",
      "--no-sandbox",
      "--disable-gpu",
      "--disable-background-networking",
      "--disable-component-update",
      "--disable-sync",
      "--no-first-run",
      "--disable-dev-shm-usage",
    ],
  });
}

/** The URL of a path of the server under test. */
export function at(path: string): string {
  return new URL(path, inject("baseURL")).toString();
}

const open = new Set<Page>();

/**
 * The requests each page is waiting for, but its live updates' streams
 * (POST /graphql asking for text/event-stream), which stay open as long
 * as the page: Playwright's "networkidle" counts them, so it would never
 * come on a signed-in page.
 */
const pending = new WeakMap<Page, { requests: Set<unknown>; changed: number }>();

function track(page: Page): void {
  const state = { requests: new Set<unknown>(), changed: Date.now() };
  pending.set(page, state);
  const done = (r: unknown) => {
    if (state.requests.delete(r)) {
      state.changed = Date.now();
    }
  };
  page.on("request", (r) => {
    if (!(r.headers()["accept"] ?? "").includes("text/event-stream")) {
      state.requests.add(r);
      state.changed = Date.now();
    }
  });
  page.on("requestfinished", done);
  page.on("requestfailed", done);
}

/** Waits until the page has had no request in flight (streams aside) for half a second, as "networkidle" would. */
export async function networkQuiet(page: Page): Promise<void> {
  await page.waitForLoadState("load");
  const state = pending.get(page);
  if (!state) {
    return;
  }
  await expect.poll(() => state.requests.size === 0 && Date.now() - state.changed >= 500, { timeout: 30_000, interval: 100 }).toBe(true);
}

// A failed test leaves a screenshot of each page it had open, to see why.
afterEach(async (ctx) => {
  if (ctx.task.result?.state === "fail") {
    let i = 0;
    for (const page of open) {
      if (!page.isClosed()) {
        const name = `FAILED-${ctx.task.name.replace(/[^a-z0-9]+/gi, "-")}-${i++}.png`;
        await page.screenshot({ path: join(artifacts, name), fullPage: true }).catch(() => undefined);
      }
    }
  }
  open.clear();
});

/** A page of a fresh browser context (its own cookies), in Italian, on Rome's clock. */
export async function newPage(browser: Browser): Promise<Page> {
  const context = await browser.newContext({
    viewport: { width: 1280, height: 900 },
    locale: "it-IT",
    timezoneId: "Europe/Rome",
    acceptDownloads: true,
  });
  const page = await context.newPage();
  open.add(page);
  track(page);
  page.on("pageerror", (e) => {
    throw new Error(`uncaught error in the page: ${e.message}`);
  });
  return page;
}

/** A GraphQL request with the page's session cookie. */
export async function api<T>(page: Page, query: string, variables: Record<string, unknown> = {}): Promise<T> {
  const r = await page.request.post(at("/graphql"), { data: { query, variables }, headers: { "Content-Type": "application/json" } });
  const body = (await r.json()) as { data: T; errors?: unknown[] };
  expect(body.errors).toBeUndefined();
  return body.data;
}

/** Signs in through the sign-in screen and waits for the home page. */
export async function signIn(page: Page, email: string): Promise<void> {
  await page.goto(at("/login"));
  await page.getByLabel("Indirizzo e-mail").fill(email);
  await page.getByLabel("Password").fill(password);
  await page.getByRole("button", { name: "Accedi" }).click();
  await page.waitForURL((u) => !u.pathname.startsWith("/login"));
  await page.getByRole("heading", { level: 1 }).first().waitFor();
}

/** Impacts that fail the suite. */
const blocking = new Set(["serious", "critical"]);

export interface AxeSummary {
  screen: string;
  url: string;
  violations: { id: string; impact: string | null | undefined; nodes: number; help: string }[];
}

/**
 * Saves a full-page screenshot of the screen and runs axe-core on it
 * (WCAG 2.0/2.1 A and AA rules): no serious or critical violation allowed.
 * The results go to test-artifacts/e2e/axe/<name>.json, one line each in
 * axe/summary.jsonl.
 */
export async function checkScreen(page: Page, name: string): Promise<void> {
  await networkQuiet(page);
  await page.getByRole("heading", { level: 1 }).first().waitFor();
  mkdirSync(join(artifacts, "axe"), { recursive: true });
  await page.screenshot({ path: join(artifacts, `${name}.png`), fullPage: true });
  // Evaluated, not an inline script tag, which the Content-Security-Policy refuses.
  await page.evaluate(axe.source);
  const result = (await page.evaluate(() =>
    (window as unknown as { axe: typeof axe }).axe.run(document, {
      runOnly: { type: "tag", values: ["wcag2a", "wcag2aa", "wcag21a", "wcag21aa"] },
    }),
  )) as axe.AxeResults;
  writeFileSync(join(artifacts, "axe", `${name}.json`), JSON.stringify(result.violations, null, 2));
  const summary: AxeSummary = {
    screen: name,
    url: page.url(),
    violations: result.violations.map((v) => ({ id: v.id, impact: v.impact, nodes: v.nodes.length, help: v.help })),
  };
  appendFileSync(join(artifacts, "axe", "summary.jsonl"), `${JSON.stringify(summary)}\n`);
  const bad = result.violations
    .filter((v) => blocking.has(v.impact ?? ""))
    .map((v) => `${v.impact} ${v.id}: ${v.help} — ${v.nodes.map((n) => n.target.join(" ")).slice(0, 3).join(", ")}`);
  expect(bad, `axe on ${name} (${page.url()})`).toEqual([]);
}
