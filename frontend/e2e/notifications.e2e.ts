import type { Browser, Page } from "playwright-core";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { at, checkScreen, launch, newPage, signIn } from "./browser";

// Live updates: the coordinator's bell counts a referral made by an
// operator in another browser, without a reload; the notifications page
// lists it and marks it read.

let browser: Browser;
beforeAll(async () => {
  browser = await launch();
});
afterAll(async () => {
  await browser.close();
});

/** The unread count the bell shows (its label names it for screen readers too). */
async function unread(page: Page): Promise<number> {
  const label = (await page.getByTestId("notification-bell").getAttribute("aria-label")) ?? "";
  return /nessuna/.test(label) ? 0 : Number(label.replace(/\D/g, ""));
}

const unique = Date.now().toString(36).toUpperCase();

describe("notifications", () => {
  it("the coordinator's bell counts a referral made by the operator, without reload", async () => {
    const coordinator = await newPage(browser);
    await signIn(coordinator, "coordinator@demo.example");
    await coordinator.getByTestId("notification-bell").waitFor();
    await expect.poll(async () => (await coordinator.getByTestId("notification-bell").getAttribute("aria-label")) ?? "").toMatch(/^Notifiche: /);
    const before = await unread(coordinator);
    // A mark on the page's window: a reload would wipe it.
    await coordinator.evaluate(() => ((window as unknown as { winMark: number }).winMark = 1));

    const operator = await newPage(browser);
    await signIn(operator, "operator@demo.example");
    await operator.goto(at("/refer"));
    await operator.getByLabel("Cognome", { exact: true }).fill(`Notifica${unique}`);
    await operator.getByLabel("Nome", { exact: true }).fill("Giulia");
    await operator.getByLabel("Data di nascita", { exact: true }).fill("1990-05-20");
    await operator.getByRole("button", { name: "Cerca corrispondenze" }).click();
    await operator.getByRole("button", { name: "Crea una nuova persona" }).click();
    await choose(operator, "Genere", "Femminile");
    await choose(operator, "Area di cittadinanza", "Italia");
    await operator.getByRole("button", { name: "Avanti" }).click();
    await choose(operator, "Tavolo territoriale", /Empoli/);
    await choose(operator, "Canale di invio", "Centro per l'impiego");
    await operator.getByLabel("Motivo della segnalazione").fill("Cerca lavoro dopo la chiusura dell'azienda.");
    await operator.locator("label", { hasText: /^Lavoro$/ }).click();
    await operator.getByRole("button", { name: "Avanti" }).click();
    await operator.getByRole("button", { name: "Invia segnalazione" }).click();
    await operator.waitForURL(/\/cases\/cas_/);
    await operator.context().close();

    await expect.poll(() => unread(coordinator), { timeout: 20_000 }).toBe(before + 1);
    expect(await coordinator.evaluate(() => (window as unknown as { winMark?: number }).winMark)).toBe(1);

    await coordinator.getByTestId("notification-bell").click();
    await coordinator.getByRole("heading", { level: 1, name: "Notifiche" }).waitFor();
    const sentence = coordinator.getByRole("link", { name: /è stato segnalato al tavolo .*Empoli/ }).first();
    await sentence.waitFor();
    await checkScreen(coordinator, "60-notifications");
    await coordinator.getByRole("button", { name: "Segna tutte come lette" }).click();
    await expect.poll(() => unread(coordinator)).toBe(0);
    await coordinator.context().close();
  });

  it("each user chooses how they hear of each kind, on the account page", async () => {
    const page = await newPage(browser);
    await signIn(page, "operator@demo.example");
    await page.goto(at("/account"));
    const declined = page.getByRole("combobox", { name: "Segnalazione respinta" });
    // Reload once the choice is saved, not while it is on its way.
    const saved = page.waitForResponse((r) => r.url().endsWith("/graphql") && (r.request().postData() ?? "").includes("NotificationPreferencesSet"));
    await declined.selectOption("DIGEST");
    await saved;
    await page.reload();
    await expect.poll(() => page.getByRole("combobox", { name: "Segnalazione respinta" }).inputValue()).toBe("DIGEST");
    await checkScreen(page, "61-notification-preferences");
    await page.context().close();
  });
});

async function choose(page: Page, label: string, option: string | RegExp): Promise<void> {
  const select = page.getByLabel(label, { exact: true });
  const value = await select.locator("option").filter({ hasText: option }).first().getAttribute("value");
  await select.selectOption(value ?? "");
}
