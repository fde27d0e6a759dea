import type { Browser, Page } from "playwright-core";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { at, checkScreen, launch, newPage, signIn } from "./browser";

// Directives carried out: the committee issues one to the Empoli table
// with a deadline; the table's coordinator marks it in progress from the
// agenda, then implemented with evidence on the directives screen; the
// committee sees it implemented, on time.

let browser: Browser;
beforeAll(async () => {
  browser = await launch();
});
afterAll(async () => {
  await browser.close();
});

const unique = Date.now().toString(36).toUpperCase();
const title = `Tempi di presa in carico ${unique}`;
const empoli = "Tavolo territoriale di Empoli";

/** A day some days after another, both YYYY-MM-DD. */
function daysAfter(day: string, n: number): string {
  const d = new Date(`${day}T12:00:00Z`);
  d.setUTCDate(d.getUTCDate() + n);
  return d.toISOString().slice(0, 10);
}

function card(page: Page) {
  return page.getByRole("article", { name: title });
}

describe("directives carried out", () => {
  it("the committee issues a directive to the Empoli table with a deadline", async () => {
    const page = await newPage(browser);
    await signIn(page, "steering@demo.example");
    await page.goto(at("/steering?section=directives"));
    await page.getByRole("button", { name: "Emana direttiva" }).click();
    await page.getByLabel("Oggetto", { exact: true }).fill(title);
    await page.getByLabel("Testo della direttiva").fill("Prendere in carico ogni caso entro 30 giorni dalla segnalazione.");
    const issuedOn = await page.getByLabel("Data di emanazione").inputValue();
    // Before the issue date: refused on the field, before it is sent.
    await page.getByLabel("Scadenza per l'attuazione").fill(daysAfter(issuedOn, -1));
    await page.getByLabel("Livello", { exact: true }).selectOption({ label: "Operativo" });
    // The kit's checkboxes are drawn by their labels, which take the click.
    await page.locator("label", { hasText: /^Rivolta a tutti i tavoli$/ }).click();
    await page.locator("label", { hasText: new RegExp(`^${empoli}$`) }).click();
    expect(await page.getByLabel(empoli, { exact: true }).isChecked()).toBe(true);
    await page.getByRole("button", { name: "Emana la direttiva" }).click();
    await page.getByText("La scadenza non può precedere la data di emanazione.").waitFor();
    await page.getByLabel("Scadenza per l'attuazione").fill(daysAfter(issuedOn, 30));
    await page.getByRole("button", { name: "Emana la direttiva" }).click();
    await page.getByText(`Direttiva «${title}» emanata.`).waitFor();
    const issued = card(page);
    await issued.waitFor();
    expect(await issued.textContent()).toContain("Livello Operativo");
    expect(await issued.textContent()).toContain(`${empoli}: nessuna presa d'atto`);
    expect(await issued.textContent()).toContain("0 tavoli su 1 hanno attuato");
    // The committee records nothing for a table.
    expect(await issued.getByRole("button", { name: /^Segna/ }).count()).toBe(0);
    await checkScreen(page, "directives-issued");
    await page.context().close();
  });

  it("the Empoli coordinator marks it in progress from the agenda, then implemented with evidence", async () => {
    const page = await newPage(browser);
    await signIn(page, "coordinator@demo.example");
    await page.goto(at("/"));
    // The directive waits on the agenda, where the first step is taken in place.
    const waiting = page.getByRole("region", { name: /Indirizzi di cui prendere atto/ });
    await waiting.getByRole("button", { name: `Segna in corso — direttiva «${title}», ${empoli}` }).click();
    await page.getByTestId("agenda-notice").filter({ hasText: `Direttiva «${title}» segnata in corso per il ${empoli}.` }).waitFor();
    await checkScreen(page, "directives-agenda");
    await page.goto(at("/steering?section=directives"));
    const mine = card(page);
    await mine.getByText(`${empoli}: In corso`).waitFor();
    // Forwards only: once in progress, it cannot be marked in progress again.
    expect(await mine.getByRole("button", { name: `Segna in corso — direttiva «${title}», ${empoli}` }).count()).toBe(0);
    await mine.getByRole("button", { name: `Segna come attuato — direttiva «${title}», ${empoli}` }).click();
    const form = mine.getByRole("form", { name: `Segna come attuato — direttiva «${title}», ${empoli}` });
    await form.getByRole("button", { name: "Registra l'attuazione" }).click();
    await form.getByText("Descrivi che cosa ha fatto il tavolo per attuarla.").waitFor();
    await form.getByLabel("Evidenza dell'attuazione").fill("Procedura adottata nella riunione del tavolo.");
    await form.getByRole("button", { name: "Registra l'attuazione" }).click();
    await mine.getByText("Attuazione registrata. Puoi allegare un documento che la attesti.").waitFor();
    await mine.getByText(`${empoli}: Attuato`).waitFor();
    expect(await mine.getByRole("button", { name: /^Segna/ }).count()).toBe(0);
    await checkScreen(page, "directives-implemented");
    await page.context().close();
  });

  it("the committee sees it implemented by Empoli, not late", async () => {
    const page = await newPage(browser);
    await signIn(page, "steering@demo.example");
    await page.goto(at("/steering?section=directives"));
    const seen = card(page);
    await seen.getByText(`${empoli}: Attuato`).waitFor();
    const text = (await seen.textContent()) ?? "";
    expect(text).toContain("1 tavolo su 1 ha attuato");
    expect(text).toContain("Evidenza: Procedura adottata nella riunione del tavolo.");
    expect(text).not.toContain("in ritardo");
    await page.context().close();
  });
});
