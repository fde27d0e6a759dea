import type { Browser } from "playwright-core";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { taxCodeCheckChar } from "../src/features/referral/taxCode";
import { api, at, checkScreen, launch, newPage, signIn } from "./browser";

// Two records of one person (docs/domain.md#merging-duplicate-persons):
// the Empoli coordinator refers the same woman twice, the second time
// with her tax code and another phone number, and declines the second
// referral (two open cases are not merged). From the first case's page
// she finds the other record, keeps this one and takes the other's tax
// code: the page shows it, and both cases. Then the administrator undoes
// the merge from the audit log, and the records are apart again.

let browser: Browser;
beforeAll(async () => {
  browser = await launch();
});
afterAll(async () => {
  await browser.close();
});

const unique = Date.now().toString(36).toUpperCase();
const person = { lastName: `Unione${unique}`, firstName: "Giulia", birthDate: "1975-05-20" };

/** A valid tax code no one else has: random letters for the names, born 20 May 1975, a woman (day + 40). */
function freshTaxCode(): string {
  const letters = Array.from({ length: 6 }, () => String.fromCharCode(65 + Math.floor(Math.random() * 26))).join("");
  const first15 = `${letters}75E60D403`;
  return first15 + taxCodeCheckChar(first15);
}
const taxCode = freshTaxCode();

interface Referred {
  referCase: { id: string; code: string; version: number; person: { id: string; pseudonym: string } };
}

const refer = `mutation($input: ReferCaseInput!) { referCase(input: $input) { id code version person { id pseudonym } } }`;

describe("merging two records of one person", () => {
  let kept = { id: "", pseudonym: "", caseID: "" };
  let merged = { id: "", pseudonym: "", caseCode: "" };

  it("the coordinator merges the second record into the first, taking its tax code", async () => {
    const page = await newPage(browser);
    await signIn(page, "coordinator@demo.example");
    const tables = await api<{ tables: { edges: { node: { id: string; code: string } }[] } }>(page, `{ tables(first: 50) { edges { node { id code } } } }`);
    const empoli = tables.tables.edges.find((e) => e.node.code === "EMP")?.node.id;
    expect(empoli, "the Empoli table").toBeTruthy();
    const referral = { tableID: empoli, reason: "Segnalazione di collaudo dell'unione di anagrafiche.", needAreas: ["EMPLOYMENT"], channel: "SOCIAL_SERVICES" };
    const basics = { ...person, gender: "FEMALE", citizenshipArea: "ITALY" };
    const first = await api<Referred>(page, refer, { input: { ...referral, newPerson: { ...basics, phone: "0571 111111" } } });
    const second = await api<Referred>(page, refer, { input: { ...referral, newPerson: { ...basics, taxCode, phone: "0571 222222", notADuplicate: true } } });
    await api(page, `mutation($id: ID!, $version: Int!) { declineReferral(id: $id, version: $version, reason: "Doppia segnalazione") { id } }`, {
      id: second.referCase.id,
      version: second.referCase.version,
    });
    kept = { id: first.referCase.person.id, pseudonym: first.referCase.person.pseudonym, caseID: first.referCase.id };
    merged = { id: second.referCase.person.id, pseudonym: second.referCase.person.pseudonym, caseCode: second.referCase.code };

    await page.goto(at(`/cases/${kept.caseID}`));
    await page.getByRole("button", { name: "Unisci con un'altra anagrafica" }).click();
    const dialog = page.getByRole("dialog");
    await dialog.waitFor();
    // Searched by this record's surname, first name and birth date, as filled in.
    expect(await dialog.getByLabel("Cognome", { exact: true }).inputValue()).toBe(person.lastName);
    await dialog.getByRole("button", { name: "Cerca" }).click();
    const row = dialog.getByTestId("merge-candidates").getByRole("row").filter({ hasText: merged.pseudonym });
    await row.waitFor();
    expect(await row.textContent()).toContain(taxCode);
    expect(await dialog.getByTestId("merge-candidates").getByText(kept.pseudonym).count()).toBe(0);
    await row.getByRole("button", { name: `Scegli l'anagrafica ${merged.pseudonym}` }).click();

    await dialog.getByRole("heading", { name: "2. Confronta e scegli i dati da tenere" }).waitFor();
    expect(await dialog.getByTestId("merge-field-lastName").getByRole("radio").count()).toBe(0);
    // Bootstrap Italia draws the radio on its label, which takes the click.
    await dialog.getByTestId("merge-field-taxCode").locator("label", { hasText: taxCode }).click();
    expect(await dialog.getByRole("radio", { name: /Codice fiscale: valore dell'altra anagrafica/ }).isChecked()).toBe(true);
    expect(await dialog.getByRole("radio", { name: /Telefono: valore di questa anagrafica/ }).isChecked()).toBe(true);
    expect(await dialog.getByTestId("merge-summary").textContent()).toContain(`I casi e i consensi di ${merged.pseudonym} passano a ${kept.pseudonym}`);
    await checkScreen(page, "80-merge-compare");
    await dialog.getByRole("button", { name: "Unisci le anagrafiche" }).click();
    await dialog.waitFor({ state: "detached" });

    await page.getByRole("status").filter({ hasText: `Anagrafiche unite: resta ${kept.pseudonym}` }).waitFor();
    const identity = page.getByTestId("person-identity");
    await expect.poll(() => identity.textContent()).toContain(taxCode);
    expect(await identity.textContent()).toContain("0571 111111");
    expect(await page.getByTestId("person-other-cases").textContent()).toContain(merged.caseCode);
    await checkScreen(page, "81-merged");
    await page.context().close();
  });

  it("the administrator undoes the merge from the audit log, and the records are apart again", async () => {
    const page = await newPage(browser);
    await signIn(page, "admin@demo.example");
    await page.goto(at(`/admin/audit?action=MERGE_PERSONS&entityID=${merged.id}`));
    await page.getByRole("button", { name: `Annulla unione dell'anagrafica ${merged.id}` }).click();
    const dialog = page.getByRole("dialog");
    await dialog.waitFor();
    expect(await dialog.textContent()).toContain(`L'anagrafica ${merged.id} torna separata`);
    await checkScreen(page, "82-undo-merge-confirm");
    await dialog.getByRole("button", { name: "Annulla l'unione", exact: true }).click();
    await dialog.waitFor({ state: "detached" });
    await page.getByRole("status").filter({ hasText: `Unione annullata: l'anagrafica ${merged.id} è di nuovo separata` }).waitFor();
    await page.context().close();

    const coordinator = await newPage(browser);
    await signIn(coordinator, "coordinator@demo.example");
    const read = await api<{ node: { id: string; identity: { taxCode: string | null } | null } }>(
      coordinator,
      `query($id: ID!) { node(id: $id) { id ... on Person { identity { taxCode } } } }`,
      { id: merged.id },
    );
    expect(read.node.id).toBe(merged.id);
    expect(read.node.identity?.taxCode).toBe(taxCode);
    await coordinator.goto(at(`/cases/${kept.caseID}`));
    const identity = coordinator.getByTestId("person-identity");
    await identity.waitFor();
    expect(await identity.textContent()).not.toContain(taxCode);
    expect(await coordinator.getByTestId("person-other-cases").count()).toBe(0);
    await coordinator.context().close();
  });
});
