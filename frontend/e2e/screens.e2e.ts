import type { Browser, Page } from "playwright-core";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { api, at, checkScreen, launch, newPage, password, signIn } from "./browser";

// Every main screen, as the role that uses it: a screenshot and axe-core.

let browser: Browser;
beforeAll(async () => {
  browser = await launch();
});
afterAll(async () => {
  await browser.close();
});

/** Opens the first link whose href starts with prefix (e.g. the first case of a list). */
async function openFirst(page: Page, prefix: string): Promise<void> {
  const link = page.locator(`main a[href^="${prefix}"]`).first();
  await link.waitFor();
  await link.click();
  await page.waitForURL((u) => u.pathname.startsWith(prefix) && u.pathname.length > prefix.length);
}

/** The answer to the request that saves the account's language. */
function languageSaved(page: Page) {
  return page.waitForResponse((r) => r.url().endsWith("/graphql") && (r.request().postData() ?? "").includes("LayoutSetLanguage"));
}

describe("main screens", () => {
  it("sign-in", async () => {
    const page = await newPage(browser);
    await page.goto(at("/cases"));
    await page.waitForURL((u) => u.pathname === "/login");
    expect(new URL(page.url()).searchParams.get("next")).toBe("/cases");
    await checkScreen(page, "01-sign-in");
    await page.context().close();
  });

  it("operator: agenda, cases, case, referral, tables, protocols, directory, account", async () => {
    const page = await newPage(browser);
    await signIn(page, "operator@demo.example");
    await checkScreen(page, "02-operator-agenda");
    await page.goto(at("/cases"));
    await checkScreen(page, "03-cases-list");
    await openFirst(page, "/cases/");
    await checkScreen(page, "04-case-page");
    await page.goto(at("/refer"));
    await checkScreen(page, "05-referral-wizard");
    await page.goto(at("/tables"));
    await checkScreen(page, "06-tables");
    await openFirst(page, "/tables/");
    await checkScreen(page, "07-table-page");
    await page.goto(at("/protocols"));
    await checkScreen(page, "08-protocols");
    await openFirst(page, "/protocols/");
    await checkScreen(page, "09-protocol-page");
    await page.goto(at("/directory"));
    await checkScreen(page, "10-directory");
    await page.goto(at("/account"));
    await checkScreen(page, "11-account");
    await page.context().close();
  });

  it("coordinator: agenda", async () => {
    const page = await newPage(browser);
    await signIn(page, "coordinator@demo.example");
    await checkScreen(page, "12-coordinator-agenda");
    await page.context().close();
  });

  it("steering: dashboard and steering", async () => {
    const page = await newPage(browser);
    await signIn(page, "steering@demo.example");
    await checkScreen(page, "13-steering-dashboard");
    await page.goto(at("/steering"));
    await checkScreen(page, "14-steering");
    // An objective whose value must stay under a ceiling (days to take
    // charge ≤ 45) reads as its margin below or over it, never as a bar
    // filling up as the value gets worse.
    await page.goto(at("/steering?section=objectives"));
    const ceilings = page.locator("article", { has: page.getByRole("heading", { name: /^Ridurre i tempi di presa in carico/ }) });
    await ceilings.first().waitFor();
    expect(await ceilings.count()).toBeGreaterThan(0);
    expect(await ceilings.getByRole("progressbar").count()).toBe(0);
    expect(await ceilings.getByTestId("objective-ceiling").first().textContent()).toMatch(/^([\d,]+ giorni (sotto|oltre) la soglia|Esattamente alla soglia)$/);
    await checkScreen(page, "14b-steering-objectives");
    await page.context().close();
  });

  it("administrator: users and audit log", async () => {
    // A note the operator adds to a case, for the log to show.
    const operator = await newPage(browser);
    await signIn(operator, "operator@demo.example");
    const cases = await api<{ cases: { edges: { node: { id: string; allowedActions: string[] } }[] } }>(
      operator,
      "{ cases(first: 50) { edges { node { id allowedActions } } } }",
    );
    const caseID = cases.cases.edges.map((e) => e.node).find((c) => c.allowedActions.includes("ADD_NOTE"))?.id ?? "";
    expect(caseID, "a case open to notes in the demo data").not.toBe("");
    await api(operator, "mutation ($id: ID!) { addNote(id: $id, text: \"Colloquio telefonico\") { id } }", { id: caseID });
    await operator.context().close();

    const page = await newPage(browser);
    await signIn(page, "admin@demo.example");
    await page.goto(at("/admin/users"));
    await checkScreen(page, "15-admin-users");
    await page.goto(at("/admin/audit"));
    await checkScreen(page, "16-admin-audit");
    // Filtered by an action chosen by its Italian label: the event reads
    // in Italian and links to the case's page.
    await page.getByLabel("Azione", { exact: true }).selectOption({ label: "Nota aggiunta" });
    await page.getByRole("button", { name: "Applica filtri" }).click();
    await page.waitForURL((u) => u.searchParams.get("action") === "ADD_NOTE");
    // The filtered table replaces the whole log's: wait for its rows.
    const row = page.getByRole("row").filter({ has: page.getByRole("link", { name: caseID }) });
    await expect.poll(() => row.getByRole("cell", { name: /^Nota aggiunta/ }).count()).toBe(1);
    // The table may render again meanwhile (its page of results
    // settling): each check waits for it, as the one above does.
    await expect.poll(() => row.getByRole("cell", { name: "Caso", exact: true }).count()).toBe(1);
    expect(await row.getByRole("link", { name: caseID }).getAttribute("href")).toBe(`/cases/${caseID}`);
    await checkScreen(page, "16b-admin-audit-filtered");
    await page.context().close();
  });

  it("an ended session goes back to sign-in, then to the page the user was on", async () => {
    const page = await newPage(browser);
    await signIn(page, "operator@demo.example");
    await page.goto(at("/cases"));
    await page.getByRole("heading", { level: 1, name: "Casi" }).waitFor();
    // The session ends on the server's side (expired, or ended elsewhere).
    await page.context().clearCookies();
    await page.getByRole("link", { name: "Tavoli" }).click();
    await page.waitForURL((u) => u.pathname === "/login");
    expect(new URL(page.url()).searchParams.get("next")).toBe("/tables");
    await page.getByText("La sessione è scaduta").waitFor();
    await page.getByLabel("Indirizzo e-mail").fill("operator@demo.example");
    await page.getByLabel("Password").fill(password);
    await page.getByRole("button", { name: "Accedi" }).click();
    await page.waitForURL((u) => u.pathname === "/tables");
    await page.getByRole("heading", { level: 1 }).waitFor();
    await page.context().close();
  });

  it("English", async () => {
    const page = await newPage(browser);
    await signIn(page, "operator@demo.example");
    // The page turns English at once; the choice is saved by a request,
    // which closing the page too early would cancel: wait for its answer.
    await Promise.all([languageSaved(page), page.getByRole("button", { name: "EN" }).click()]);
    await expect.poll(() => page.locator("html").getAttribute("lang")).toBe("en");
    await page.goto(at("/cases"));
    await checkScreen(page, "17-cases-list-english");
    await page.context().close();
    // The choice is the account's: a new sign-in elsewhere is in English,
    // until the user switches back (as the later files expect Italian).
    const again = await newPage(browser);
    await signIn(again, "operator@demo.example");
    await expect.poll(() => again.locator("html").getAttribute("lang")).toBe("en");
    await Promise.all([languageSaved(again), again.getByRole("button", { name: "IT" }).click()]);
    await expect.poll(() => again.locator("html").getAttribute("lang")).toBe("it");
    await again.context().close();
    const italian = await newPage(browser);
    await signIn(italian, "operator@demo.example");
    await expect.poll(() => italian.locator("html").getAttribute("lang")).toBe("it");
    await italian.context().close();
  });
});
