import { readFileSync } from "node:fs";
import type { Browser } from "playwright-core";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { api, at, checkScreen, launch, newPage, signIn } from "./browser";

// The privacy desk (docs/domain.md#the-privacy-desk): the Empoli
// operator reads a person's identity at work; the administrator finds
// that person by tax code, downloads their data — the file is the
// person's JSON — and sees in the access report the export and the
// operator's read. The data-protection officer opens the desk and finds
// the person by case code; an operator has no desk.

let browser: Browser;
beforeAll(async () => {
  browser = await launch();
});
afterAll(async () => {
  await browser.close();
});

interface Cases {
  cases: { edges: { node: { code: string; person: { id: string; pseudonym: string } } }[] };
}
interface Identity {
  node: { identity: { taxCode: string | null } | null } | null;
}

const nav = "Menu principale";

describe("the privacy desk", () => {
  const person = { id: "", pseudonym: "", taxCode: "", caseCode: "" };

  it("the operator reads a person's identity, which the log records", async () => {
    const page = await newPage(browser);
    await signIn(page, "operator@demo.example");
    expect(await page.getByRole("navigation", { name: nav }).getByRole("link", { name: "Protezione dei dati" }).count()).toBe(0);
    await page.goto(at("/privacy"));
    await page.getByRole("alert").filter({ hasText: "amministratori e per il responsabile della protezione dei dati" }).waitFor();
    expect(await page.getByRole("button", { name: "Cerca" }).count()).toBe(0);

    const cases = await api<Cases>(page, `{ cases(first: 50, where: {statusIn: [IN_CHARGE, MONITORING]}) { edges { node { code person { id pseudonym } } } } }`);
    for (const { node } of cases.cases.edges) {
      const read = await api<Identity>(page, `query($id: ID!) { node(id: $id) { ... on Person { identity { taxCode } } } }`, { id: node.person.id });
      if (read.node?.identity?.taxCode) {
        Object.assign(person, { id: node.person.id, pseudonym: node.person.pseudonym, taxCode: read.node.identity.taxCode, caseCode: node.code });
        break;
      }
    }
    expect(person.taxCode, "an open Empoli case whose person has a tax code").not.toBe("");
    await page.context().close();
  });

  it("the administrator finds the person, downloads their data and sees who accessed it", async () => {
    const page = await newPage(browser);
    await signIn(page, "admin@demo.example");
    await page.getByRole("navigation", { name: nav }).getByRole("link", { name: "Protezione dei dati" }).click();
    await page.getByRole("heading", { level: 1, name: "Protezione dei dati" }).waitFor();
    await page.getByRole("heading", { name: "Conservazione dei dati" }).waitFor();
    await checkScreen(page, "90-privacy-desk");

    // Typed as people type it: lower case, with a space.
    await page.getByLabel("Codice fiscale della persona").fill(`${person.taxCode.slice(0, 6).toLowerCase()} ${person.taxCode.slice(6)}`);
    await page.getByRole("button", { name: "Cerca" }).click();
    await page.getByRole("heading", { name: `Persona ${person.pseudonym}` }).waitFor();
    expect(await page.getByRole("table", { name: `Casi della persona ${person.pseudonym}` }).textContent()).toContain(person.caseCode);
    // The desk shows no identity: the export carries it.
    expect(await page.getByText(person.taxCode).count()).toBe(0);

    const [download] = await Promise.all([page.waitForEvent("download"), page.getByRole("button", { name: "Scarica i dati (JSON)" }).click()]);
    expect(download.suggestedFilename()).toMatch(new RegExp(`^dati-${person.pseudonym}-\\d{4}-\\d{2}-\\d{2}\\.json$`));
    const exported = JSON.parse(readFileSync(await download.path(), "utf8")) as {
      person: { id: string; pseudonym: string; edges: { identity: { tax_code: string }; cases: { code: string }[] } };
    };
    expect(exported.person.id).toBe(person.id);
    expect(exported.person.pseudonym).toBe(person.pseudonym);
    expect(exported.person.edges.identity.tax_code).toBe(person.taxCode);
    expect(exported.person.edges.cases.map((c) => c.code)).toContain(person.caseCode);

    await page.getByRole("button", { name: "Mostra il registro degli accessi" }).click();
    const report = page.getByRole("table", { name: `Chi ha avuto accesso ai dati della persona ${person.pseudonym}` });
    await report.waitFor();
    const rows = report.getByRole("row");
    await expect.poll(() => rows.filter({ hasText: "Esportazione dei dati di una persona" }).filter({ hasText: "Amministratore Demo" }).count()).toBe(1);
    expect(await rows.filter({ hasText: "Lettura dei dati identificativi" }).filter({ hasText: "Operatrice Servizi Sociali Empoli Demo" }).count()).toBeGreaterThan(0);
    expect(await rows.filter({ hasText: "Persona già nota trovata in una ricerca" }).filter({ hasText: "Amministratore Demo" }).count()).toBe(1);
    await checkScreen(page, "91-privacy-access-report");

    // The erasure asks first, saying what goes and what stays; cancelled here.
    await page.getByRole("button", { name: "Cancella i dati identificativi" }).click();
    const dialog = page.getByRole("dialog");
    await dialog.waitFor();
    expect(await dialog.textContent()).toContain("Restano, per le statistiche della rete");
    expect(await dialog.getByRole("button", { name: "Cancella definitivamente" }).isDisabled()).toBe(true);
    await checkScreen(page, "92-privacy-erase-confirm");
    await dialog.getByRole("button", { name: "Annulla" }).click();
    await page.context().close();
  });

  it("the data-protection officer opens the desk and finds the person by case code", async () => {
    const page = await newPage(browser);
    await signIn(page, "dpo@demo.example");
    await page.getByRole("navigation", { name: nav }).getByRole("link", { name: "Protezione dei dati" }).click();
    await page.getByRole("heading", { level: 1, name: "Protezione dei dati" }).waitFor();
    await page.getByText("Numero del caso", { exact: true }).click();
    await page.getByLabel("Numero di uno dei suoi casi").fill(person.caseCode);
    await page.getByRole("button", { name: "Cerca" }).click();
    await page.getByRole("heading", { name: `Persona ${person.pseudonym}` }).waitFor();
    await checkScreen(page, "93-privacy-desk-dpo");
    await page.context().close();
  });
});
