import { readFileSync } from "node:fs";
import type { Browser, Page } from "playwright-core";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { taxCodeCheckChar } from "../src/features/referral/taxCode";
import { addDays } from "../src/i18n/calendar";
import { romeDay, today } from "../src/i18n/format";
import { api, at, checkScreen, launch, newPage, signIn } from "./browser";

// Importing a caseload (docs/import.md): the Empoli table's coordinator
// downloads the template, fills it in with three rows — a person WIN does
// not know, a past (closed) case of a person the table follows, a tax
// code mistyped — and checks the file: a new person, a known one found by
// tax code, an error. She imports it skipping the bad row: two cases
// created. Importing the same file again creates nothing. An operator is
// not offered the page.

let browser: Browser;
beforeAll(async () => {
  browser = await launch();
});
afterAll(async () => {
  await browser.close();
});

const unique = Date.now().toString(36).toUpperCase();
const bom = Buffer.from([0xef, 0xbb, 0xbf]);

/** A day as the template takes it, DD/MM/YYYY. */
const italianDay = (day: string) => day.split("-").reverse().join("/");

/**
 * A valid tax code for a woman born on 12 April 1987 in Empoli (D403),
 * whose surname's letters are this run's own: the check character
 * computed as the server computes it.
 */
function newTaxCode(): string {
  const letters = unique.replace(/[^A-Z]/g, "").padEnd(3, "X").slice(-3);
  const first15 = `${letters}LRI87D52D403`;
  return first15 + taxCodeCheckChar(first15);
}

/** The same code with another check character: a typing error. */
function mistyped(code: string): string {
  const check = code.charAt(15);
  return code.slice(0, 15) + (check === "A" ? "B" : "A");
}

interface Known {
  code: string;
  pseudonym: string;
  taxCode: string;
  firstName: string;
  lastName: string;
  birthDate: string;
}

/** A person the coordinator's table follows (a case in charge), with the identity she reads. */
async function knownPerson(page: Page): Promise<Known> {
  const data = await api<{
    cases: { edges: { node: { code: string; person: { pseudonym: string; identity: { taxCode: string | null; firstName: string; lastName: string; birthDate: string } | null } } }[] };
  }>(
    page,
    `{ cases(first: 20, orderBy: [{ field: REFERRED_ON, direction: DESC }], where: { status: IN_CHARGE, hasTableWith: [{ code: "EMP" }] }) {
        edges { node { code person { pseudonym identity { taxCode firstName lastName birthDate } } } } } }`,
  );
  const found = data.cases.edges.map((e) => e.node).find((c) => c.person.identity?.taxCode);
  expect(found, "an Empoli case in charge whose person has a tax code").toBeTruthy();
  const identity = found!.person.identity!;
  // The API's dates are midnight in Rome: the day is Rome's.
  return { code: found!.code, pseudonym: found!.person.pseudonym, ...identity, taxCode: identity.taxCode!, birthDate: romeDay(identity.birthDate) };
}

/** The CSV file: the template's header line, then the rows, each given by its Italian headers. */
function csvFile(headers: string[], rows: Record<string, string>[]): Buffer {
  const lines = [headers.join(";"), ...rows.map((r) => headers.map((h) => r[h] ?? "").join(";"))];
  return Buffer.concat([bom, Buffer.from(`${lines.join("\r\n")}\r\n`, "utf8")]);
}

/** The page's row of a line of the file. */
const rowOf = (page: Page, line: number) => page.getByTestId("import-row").filter({ has: page.getByRole("cell", { name: String(line), exact: true }) });

/** Chooses the file and checks it, waiting for the report. */
async function preview(page: Page, file: Buffer): Promise<void> {
  await page.getByLabel(/Scegli (il file CSV dal dispositivo|un altro file)/).setInputFiles({ name: `casi-${unique}.csv`, mimeType: "text/csv", buffer: file });
  await page.getByRole("button", { name: "Verifica", exact: true }).click();
  await page.getByRole("heading", { name: "Esito della verifica" }).waitFor();
}

/** The figures of the report, by their names. */
async function figures(page: Page): Promise<Record<string, string>> {
  const counts = page.getByTestId("import-counts");
  const names = await counts.getByRole("term").allTextContents();
  const values = await counts.getByRole("definition").allTextContents();
  return Object.fromEntries(names.map((n, i) => [n, values[i] ?? ""]));
}

/** Imports the file checked, skipping the bad rows, and returns what the confirmation said. */
async function importSkipping(page: Page): Promise<string> {
  // Bootstrap Italia draws the radio in its label, which takes the click.
  await page.locator("label", { hasText: "Salta le righe con errori o conflitti e importa le altre" }).click();
  expect(await page.getByRole("radio", { name: "Salta le righe con errori o conflitti e importa le altre" }).isChecked()).toBe(true);
  await page.getByRole("button", { name: "Importa…" }).click();
  const dialog = page.getByRole("dialog", { name: "Importare i casi?" });
  await dialog.waitFor();
  const said = (await dialog.textContent()) ?? "";
  await dialog.getByRole("button", { name: "Importa", exact: true }).click();
  await dialog.waitFor({ state: "detached" });
  await page.getByRole("heading", { name: "Esito dell'importazione" }).waitFor();
  return said;
}

describe("importing a caseload from CSV", () => {
  let headers: string[] = [];
  let known: Known;
  let file: Buffer;
  const newTax = newTaxCode();
  const keys = { fresh: `IMP-${unique}-1`, past: `IMP-${unique}-2`, wrong: `IMP-${unique}-3` };

  it("the Empoli coordinator finds the page in the menu and downloads the template: a CSV with the Italian headers", async () => {
    const page = await newPage(browser);
    await signIn(page, "coordinator@demo.example");
    await page.getByRole("navigation", { name: "Menu principale" }).getByRole("link", { name: "Importa casi" }).click();
    await page.getByRole("heading", { level: 1, name: "Importazione dei casi" }).waitFor();
    expect(await page.getByRole("button", { name: "Importa…" }).isDisabled()).toBe(true);
    await checkScreen(page, "80-import");

    const [download] = await Promise.all([page.waitForEvent("download"), page.getByRole("link", { name: "Scarica il modello (CSV)" }).click()]);
    expect(download.suggestedFilename()).toBe("modello_importazione_casi.csv");
    const bytes = readFileSync(await download.path());
    expect(bytes.subarray(0, 3).equals(bom)).toBe(true);
    const lines = bytes.subarray(3).toString("utf8").split(/\r?\n/).filter(Boolean);
    expect(lines).toHaveLength(1);
    headers = lines[0]!.split(";");
    expect(headers.slice(0, 6)).toEqual(["codice_riga", "tavolo", "codice_fiscale", "cognome", "nome", "data_nascita"]);
    expect(headers).toEqual(expect.arrayContaining(["ente_segnalante", "data_segnalazione", "motivo", "aree_bisogno", "stato", "data_presa_in_carico", "data_chiusura", "motivo_chiusura"]));

    known = await knownPerson(page);
    const referred = italianDay(addDays(today(), -10));
    file = csvFile(headers, [
      {
        codice_riga: keys.fresh,
        tavolo: "EMP",
        codice_fiscale: newTax,
        cognome: `Collaudo${unique}`,
        nome: "Ilaria",
        data_nascita: "12/04/1987",
        sesso: "F",
        cittadinanza: "Italia",
        comune_residenza: "Empoli",
        ente_segnalante: "Caritas Demo Empoli",
        data_segnalazione: referred,
        motivo: "Perdita del lavoro, affitto arretrato",
        aree_bisogno: "Lavoro|Casa",
        stato: "Segnalato",
      },
      {
        // A case the table closed before WIN, of a person it follows now:
        // closed, it may sit beside her open case.
        codice_riga: keys.past,
        tavolo: "Tavolo territoriale di Empoli",
        codice_fiscale: known.taxCode.toLowerCase(),
        cognome: known.lastName,
        nome: known.firstName,
        data_nascita: italianDay(known.birthDate),
        ente_segnalante: "Caritas Demo Empoli",
        data_segnalazione: "13/01/2020",
        motivo: "Sostegno al reddito, prima di WIN",
        aree_bisogno: "Reddito",
        stato: "Chiuso",
        data_presa_in_carico: "03/02/2020",
        data_chiusura: "30/06/2020",
        motivo_chiusura: "Obiettivi raggiunti",
      },
      {
        codice_riga: keys.wrong,
        tavolo: "EMP",
        codice_fiscale: mistyped(newTax),
        cognome: `Refuso${unique}`,
        nome: "Marta",
        data_nascita: "01/01/1990",
        ente_segnalante: "Caritas Demo Empoli",
        data_segnalazione: referred,
        motivo: "Riga con un errore di battitura",
        aree_bisogno: "Casa",
      },
    ]);
    await page.context().close();
  });

  it("she checks the file: the new person as new, the person the table follows by her pseudonym and tax code, the mistyped code as an error; the report downloads as CSV", async () => {
    const page = await newPage(browser);
    await signIn(page, "coordinator@demo.example");
    await page.goto(at("/import"));
    await preview(page, file);
    expect(await figures(page)).toMatchObject({ Righe: "3", "Persone nuove": "1", "Persone già note": "1", Conflitti: "0", "Già importate": "0", Errori: "1" });

    const fresh = rowOf(page, 2);
    expect(await fresh.textContent()).toContain(keys.fresh);
    expect(await fresh.getByText("Persona nuova", { exact: true }).count()).toBe(1);
    const past = rowOf(page, 3);
    expect(await past.getByText("Persona già nota", { exact: true }).count()).toBe(1);
    const pastText = (await past.textContent()) ?? "";
    expect(pastText).toContain(known.pseudonym);
    expect(pastText).toMatch(/trovata per codice fiscale/);
    const wrong = rowOf(page, 4);
    expect(await wrong.getByText("Errore", { exact: true }).count()).toBe(1);
    expect(await wrong.textContent()).toMatch(/codice_fiscale: .*check character/);
    expect(await page.getByRole("button", { name: "Importa…" }).isEnabled()).toBe(true);
    await checkScreen(page, "81-import-preview");

    await page.getByLabel("Righe da mostrare").selectOption("PROBLEMS");
    await expect.poll(() => page.getByTestId("import-row").count()).toBe(1);
    await page.getByLabel("Righe da mostrare").selectOption("ALL");

    const [download] = await Promise.all([page.waitForEvent("download"), page.getByRole("button", { name: "Scarica il resoconto (CSV)" }).click()]);
    expect(download.suggestedFilename()).toMatch(/^importazione_preview_\d{4}-\d{2}-\d{2}\.csv$/);
    const report = readFileSync(await download.path());
    expect(report.subarray(0, 3).equals(bom)).toBe(true);
    const lines = report.subarray(3).toString("utf8").split(/\r?\n/).filter(Boolean);
    expect(lines[0]).toBe("riga;codice_riga;esito;pseudonimo;trovato_per;stessa_persona_della_riga;caso_aperto;tavolo_caso_aperto;codice_caso;colonna;problema");
    expect(lines[1]).toMatch(new RegExp(`^2;${keys.fresh};NEW;`));
    expect(lines[2]).toMatch(new RegExp(`^3;${keys.past};MATCH;${known.pseudonym};TAX_CODE`));
    expect(lines[3]).toMatch(new RegExp(`^4;${keys.wrong};ERROR;.*;codice_fiscale;`));
    await page.context().close();
  });

  it("she imports it skipping the bad row: the two cases are created, with their codes", async () => {
    const page = await newPage(browser);
    await signIn(page, "coordinator@demo.example");
    await page.goto(at("/import"));
    await preview(page, file);
    const said = await importSkipping(page);
    expect(said).toContain("Verranno creati 2 casi, con 1 persona nuova; 1 riga con errori o conflitti sarà saltata.");
    expect(await page.getByRole("status").filter({ hasText: "Importazione completata" }).textContent()).toBe("Importazione completata: creati 2 casi, 1 persona nuova.");
    expect(await figures(page)).toMatchObject({ "Casi creati": "2", "Persone create": "1", Errori: "1" });
    const codeOf = async (line: number) => /EMP-\d{4}-\d{4}/.exec((await rowOf(page, line).textContent()) ?? "")?.[0];
    const freshCode = await codeOf(2);
    const pastCode = await codeOf(3);
    expect(freshCode).toBeTruthy();
    expect(pastCode).toBeTruthy();
    expect(await codeOf(4)).toBeUndefined();
    await checkScreen(page, "82-import-done");

    const data = await api<{ cases: { edges: { node: { code: string; status: string; person: { pseudonym: string } } }[] } }>(
      page,
      `query ($codes: [String!]) { cases(first: 5, where: { codeIn: $codes }) { edges { node { code status person { pseudonym } } } } }`,
      { codes: [freshCode, pastCode] },
    );
    const byCode = Object.fromEntries(data.cases.edges.map((e) => [e.node.code, e.node]));
    expect(byCode[freshCode!]?.status).toBe("REFERRED");
    expect(byCode[pastCode!]).toMatchObject({ status: "CLOSED", person: { pseudonym: known.pseudonym } });
    await page.context().close();
  });

  it("importing the same file again creates nothing: its rows are already imported", async () => {
    const page = await newPage(browser);
    await signIn(page, "coordinator@demo.example");
    await page.goto(at("/import"));
    await preview(page, file);
    expect(await figures(page)).toMatchObject({ Righe: "3", "Persone nuove": "0", "Persone già note": "0", "Già importate": "2", Errori: "1" });
    expect(await rowOf(page, 2).getByText("Già importata", { exact: true }).count()).toBe(1);
    const said = await importSkipping(page);
    expect(said).toContain("Non verrà creato nessun caso");
    expect(said).toContain("2 righe già importate resteranno come sono.");
    expect(await page.getByRole("status").filter({ hasText: "Importazione completata" }).textContent()).toBe("Importazione completata: nessun caso creato, nessuna persona nuova.");
    expect(await figures(page)).toMatchObject({ "Casi creati": "0", "Persone create": "0", "Già importate": "2" });
    await checkScreen(page, "83-import-again");
    await page.context().close();
  });

  it("an operator is not offered the import, nor the page at its address", async () => {
    const page = await newPage(browser);
    await signIn(page, "operator@demo.example");
    expect(await page.getByRole("navigation", { name: "Menu principale" }).getByRole("link", { name: "Importa casi" }).count()).toBe(0);
    await page.goto(at("/import"));
    await page.getByRole("alert").filter({ hasText: "riservata agli amministratori e ai coordinatori" }).waitFor();
    expect(await page.getByLabel("Scegli il file CSV dal dispositivo").count()).toBe(0);
    await page.context().close();
  });
});
