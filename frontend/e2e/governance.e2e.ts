import type { Browser } from "playwright-core";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { api, at, checkScreen, launch, newPage, signIn } from "./browser";

// The network's governance as the committee keeps it: a body joins the
// pact, signed for by its president, and takes a seat in the committee;
// a party signs a protocol; the committee records an activity for the
// community with its organisers.

let browser: Browser;
beforeAll(async () => {
  browser = await launch();
});
afterAll(async () => {
  await browser.close();
});

const unique = Date.now().toString(36).toUpperCase();
const bodyName = `Associazione Collaudo Patto ${unique}`;
const signer = `Lucia Firmataria ${unique}`;
const activity = `Festa della reciprocità ${unique}`;

describe("the pact and the community activities", () => {
  it("a body that has not signed is created by the administrator", async () => {
    // Every demo body signed the pact when it was loaded.
    const page = await newPage(browser);
    await signIn(page, "admin@demo.example");
    await api(page, `mutation ($input: CreateOrganizationInput!) { createOrganization(input: $input) { id } }`, {
      input: { name: bodyName, kind: "EMPLOYERS_ASSOCIATION" },
    });
    await page.context().close();
  });

  it("the committee adds the body to the pact and to the committee, sees it among the signatories and the seats, then records a party's signature of a protocol", async () => {
    const page = await newPage(browser);
    await signIn(page, "steering@demo.example");
    await page.goto(at("/pact"));
    await page.getByRole("heading", { level: 1, name: "Il patto" }).waitFor();
    await page.getByRole("region", { name: "Firmatari" }).getByRole("row").nth(1).waitFor();
    await checkScreen(page, "governance-pact");
    await page.getByRole("button", { name: "Aggiungi firmatario" }).click();
    const dialog = page.getByRole("dialog");
    const body = dialog.getByLabel("Ente", { exact: true });
    await body.locator("option", { hasText: bodyName }).waitFor({ state: "attached" });
    await body.selectOption({ label: bodyName });
    await dialog.getByLabel("Firmatario per l'ente").fill(signer);
    await dialog.getByLabel("Qualifica del firmatario (facoltativa)").fill("Presidente");
    await checkScreen(page, "governance-pact-sign");
    await dialog.getByRole("button", { name: "Aggiungi", exact: true }).click();
    await dialog.waitFor({ state: "detached" });
    await page.getByRole("status").filter({ hasText: `${bodyName} è ora firmatario del patto.` }).waitFor();
    const row = page.getByRole("row").filter({ hasText: bodyName });
    await row.waitFor();
    await expect.poll(() => row.textContent()).toContain("Aderente");
    const text = (await row.textContent()) ?? "";
    expect(text).toContain(signer);
    expect(text).toContain("Presidente");

    // A seat in the committee for the new body, which has no users to represent it yet.
    await page.getByRole("button", { name: "Aggiungi componente" }).click();
    const seat = page.getByRole("dialog");
    const seatBody = seat.getByLabel("Ente", { exact: true });
    await seatBody.locator("option", { hasText: bodyName }).waitFor({ state: "attached" });
    await seatBody.selectOption({ label: bodyName });
    await seat.getByLabel("Ruolo", { exact: true }).selectOption({ label: "Supporto tecnico" });
    await checkScreen(page, "governance-pact-seat");
    await seat.getByRole("button", { name: "Aggiungi", exact: true }).click();
    await seat.waitFor({ state: "detached" });
    await page.getByRole("status").filter({ hasText: `${bodyName} ha ora un seggio nella cabina di regia.` }).waitFor();
    const seatRow = page.getByRole("region", { name: "Componenti della cabina di regia" }).getByRole("row").filter({ hasText: bodyName });
    await expect.poll(() => seatRow.textContent()).toContain("Supporto tecnico");

    // A party of the draft protocol signs it too (the demo's draft has
    // no signature yet), and its row says so.
    await page.goto(at("/protocols"));
    await page.getByRole("link", { name: "Protocollo reciprocità e cittadinanza attiva" }).click();
    const sign = page.getByRole("button", { name: /^Registra firma: / }).first();
    const party = ((await sign.getAttribute("aria-label")) ?? "").replace("Registra firma: ", "");
    await sign.click();
    const signature = page.getByRole("dialog", { name: `Firma di ${party}` });
    await signature.getByLabel("Firmatario per l'ente").fill(signer);
    await signature.getByRole("button", { name: "Registra firma" }).click();
    await page.getByRole("status").filter({ hasText: `Firma di ${party} registrata.` }).waitFor();
    await expect.poll(() => page.getByRole("row").filter({ hasText: party }).textContent()).toContain(signer);
    await checkScreen(page, "governance-protocol-signed");
    await page.context().close();
  });

  it("the committee records a community activity and finds it in the list", async () => {
    const page = await newPage(browser);
    await signIn(page, "steering@demo.example");
    await page.goto(at("/community"));
    await page.getByRole("heading", { level: 1, name: "Attività di comunità" }).waitFor();
    await page.getByRole("button", { name: "Registra un'attività" }).click();
    const form = page.getByRole("form", { name: "Registra un'attività" });
    await form.getByLabel("Titolo").fill(activity);
    await form.getByLabel("Tipo", { exact: true }).selectOption("EVENT");
    // The kit draws the box on the label, which takes the click.
    const organiser = form.getByRole("group", { name: "Enti organizzatori" });
    await organiser.locator("label", { hasText: bodyName }).click();
    expect(await organiser.getByLabel(bodyName, { exact: true }).isChecked()).toBe(true);
    await form.getByLabel("Numero di partecipanti").fill("35");
    await form.getByLabel("Dimensione di valore").selectOption("CULTURAL");
    await form.getByLabel("Descrizione").fill("Una giornata di giochi e racconti nel quartiere.");
    await checkScreen(page, "governance-community-form");
    await form.getByRole("button", { name: "Registra", exact: true }).click();
    await page.getByRole("status").filter({ hasText: `Attività «${activity}» registrata.` }).waitFor();
    const card = page.getByRole("article").filter({ hasText: activity });
    await card.waitFor();
    const text = (await card.textContent()) ?? "";
    expect(text).toContain("35 partecipanti");
    expect(text).toContain(bodyName);
    expect(text).toContain("Tutta la rete");
    await checkScreen(page, "governance-community");
    await page.context().close();
  });
});
