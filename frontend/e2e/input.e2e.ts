import type { Browser, Page } from "playwright-core";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { at, checkScreen, launch, newPage, signIn } from "./browser";

// Never lose input: a case action's dialog with something typed asks
// before Esc, or a reload, throws it away; an empty one just closes.

let browser: Browser;
beforeAll(async () => {
  browser = await launch();
});
afterAll(async () => {
  await browser.close();
});

/** A case the signed-in user may add a note to, as the API says. */
async function caseWithNotes(page: Page): Promise<string> {
  const r = await page.request.post(at("/graphql"), {
    data: { query: "{ cases(first: 50) { edges { node { id allowedActions } } } }" },
    headers: { "Content-Type": "application/json" },
  });
  const body = (await r.json()) as { data: { cases: { edges: { node: { id: string; allowedActions: string[] } }[] } } };
  const found = body.data.cases.edges.map((e) => e.node).find((c) => c.allowedActions.includes("ADD_NOTE"));
  expect(found, "a case open to notes in the demo data").toBeTruthy();
  return found!.id;
}

const noteTitle = "Nuova nota nel diario del caso";
const question = "Ci sono modifiche non salvate: chiudere comunque?";
const text = "Colloquio telefonico: la persona conferma la disponibilità.";

describe("never lose input", () => {
  it("Esc on a filled dialog asks before losing input", async () => {
    const page = await newPage(browser);
    await signIn(page, "coordinator@demo.example");
    await page.goto(at(`/cases/${await caseWithNotes(page)}`));
    const open = page.getByRole("button", { name: "Aggiungi nota", exact: true });
    const dialog = page.getByRole("dialog", { name: noteTitle });
    const ask = page.getByRole("alertdialog", { name: question });
    const field = dialog.getByLabel("Testo della nota");

    // Nothing typed: Esc closes, nothing asked.
    await open.click();
    await field.click();
    await page.keyboard.press("Escape");
    await dialog.waitFor({ state: "detached" });
    expect(await ask.count()).toBe(0);

    // Something typed: Esc asks, the focus on the choice that loses nothing.
    await open.click();
    await field.click();
    await field.pressSequentially(text);
    await page.keyboard.press("Escape");
    await ask.waitFor();
    await expect.poll(() => page.evaluate(() => document.activeElement?.textContent)).toBe("Continua a modificare");
    expect(await dialog.isVisible()).toBe(true);
    await checkScreen(page, "26-unsaved-input-question");

    // Keep editing: the input is there.
    await ask.getByRole("button", { name: "Continua a modificare" }).click();
    await ask.waitFor({ state: "detached" });
    expect(await field.inputValue()).toBe(text);

    // A reload asks too (the browser's own question); staying keeps the input.
    const unload = page.waitForEvent("dialog");
    await page.evaluate(() => setTimeout(() => window.location.reload(), 0));
    const asked = await unload;
    expect(asked.type()).toBe("beforeunload");
    await asked.dismiss();
    expect(await field.inputValue()).toBe(text);

    // Close without saving: gone, as the user chose.
    await field.click();
    await page.keyboard.press("Escape");
    await ask.getByRole("button", { name: "Chiudi senza salvare" }).click();
    await dialog.waitFor({ state: "detached" });
    expect(await ask.count()).toBe(0);
    await page.context().close();
  });
});
