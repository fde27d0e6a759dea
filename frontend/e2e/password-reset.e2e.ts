import type { Browser } from "playwright-core";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { at, checkScreen, launch, newPage } from "./browser";
import { mailCount, mailTo } from "./mailbox";

// A forgotten password, end to end through the suite's SMTP server, for
// the analyst's demo account, which no other file signs in with.

const account = "analyst@demo.example";
const newPassword = "collaudo-nuova-password-2026";

let browser: Browser;
beforeAll(async () => {
  browser = await launch();
});
afterAll(async () => {
  await browser.close();
});

describe("a forgotten password", () => {
  it("is reset with the link of the e-mail, then signs in", async () => {
    const page = await newPage(browser);
    await page.goto(at("/login"));
    await page.getByRole("link", { name: "Password dimenticata?" }).click();
    await page.waitForURL((u) => u.pathname === "/forgot-password");
    await checkScreen(page, "forgot-password");
    const before = mailCount();
    await page.getByLabel("Indirizzo e-mail").fill(account);
    await page.getByRole("button", { name: "Invia il link" }).click();
    await page.getByText(/Se l'indirizzo appartiene a un account attivo/).waitFor();
    await checkScreen(page, "forgot-password-sent");

    const mail = await mailTo(account, before);
    expect(mail.subject).toBe("WIN: reimposta la password");
    expect(mail.messageId).toMatch(/@127\.0\.0\.1>$/);
    expect(mail.html).toBeTruthy();
    const link = /(http:\/\/\S+\/reset-password#[A-Za-z0-9_-]{43})/.exec(mail.text ?? "")?.[1];
    expect(link, mail.text).toBeTruthy();

    await page.goto(link!);
    await page.getByRole("heading", { level: 1, name: "Scegli la password" }).waitFor();
    await checkScreen(page, "reset-password");
    await page.getByLabel("Nuova password", { exact: true }).fill(newPassword);
    await page.getByLabel("Conferma la nuova password").fill(newPassword);
    await page.getByRole("button", { name: "Imposta la password" }).click();
    await page.getByText(/Password impostata/).waitFor();
    await page.getByRole("link", { name: "Accedi" }).click();

    await page.waitForURL((u) => u.pathname === "/login");
    await page.getByLabel("Indirizzo e-mail").fill(account);
    await page.getByLabel("Password").fill(newPassword);
    await page.getByRole("button", { name: "Accedi" }).click();
    await page.waitForURL((u) => !u.pathname.startsWith("/login"));
    await page.getByRole("heading", { level: 1 }).first().waitFor();

    // The link worked once.
    await page.goto(link!);
    await page.getByLabel("Nuova password", { exact: true }).fill(`${newPassword}-bis`);
    await page.getByLabel("Conferma la nuova password").fill(`${newPassword}-bis`);
    await page.getByRole("button", { name: "Imposta la password" }).click();
    await page.getByText(/Il link non è valido/).waitFor();
    await page.context().close();
  });
});
