import type { Browser, Page } from "playwright-core";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { at, checkScreen, launch, networkQuiet, newPage, signIn } from "./browser";

// The steering committee's funds: a member creates a fund of another
// body, amends its amount with a reason and reads it in the fund's
// history, then closes it; the dashboard shows the funds by source and
// by owner, the Union's under the Union.

let browser: Browser;
beforeAll(async () => {
  browser = await launch();
});
afterAll(async () => {
  await browser.close();
});

const unique = Date.now().toString(36).toUpperCase();
const name = `Fondo regionale di collaudo ${unique}`;

/** The funds list's row of the fund. */
const row = (page: Page) => page.getByRole("row").filter({ has: page.getByRole("rowheader", { name, exact: true }) });

describe("funds", () => {
  let page: Page;

  beforeAll(async () => {
    page = await newPage(browser);
    await signIn(page, "steering@demo.example");
  });
  afterAll(async () => {
    await page.context().close();
  });

  it("the committee creates a fund of the Region, from the steering committee's screen", async () => {
    await page.goto(at("/steering"));
    await page.getByRole("link", { name: "Fondi", exact: true }).click();
    await page.waitForURL((u) => u.pathname === "/steering/funds");
    await checkScreen(page, "60-funds-list");
    await page.getByRole("button", { name: "Nuovo fondo" }).click();
    const form = page.getByRole("form", { name: "Nuovo fondo" });
    await form.getByLabel("Denominazione").fill(name);
    await form.getByLabel("Importo stanziato (euro)").fill("10.000");
    await form.getByLabel("Fonte di finanziamento").selectOption("REGION");
    const owner = form.getByLabel("Ente titolare");
    await expect.poll(async () => owner.locator("option").count()).toBeGreaterThan(1);
    const firstBody = await owner.locator("option").nth(1).getAttribute("value");
    await owner.selectOption(firstBody ?? "");
    await checkScreen(page, "61-funds-new");
    await form.getByRole("button", { name: "Crea il fondo" }).click();
    await page.getByRole("status").filter({ hasText: `Fondo «${name}» creato.` }).waitFor();
    await row(page).waitFor();
    expect(await row(page).getByRole("cell").nth(1).textContent()).toBe("Regione");
    expect(await row(page).getByRole("cell").nth(2).textContent()).toBe("Tutti i comuni");
  });

  it("amends its amount with a reason, and reads the change in its history", async () => {
    await row(page).getByRole("button", { name: `Varia importo — ${name}` }).click();
    const dialog = page.getByRole("dialog", { name: `Varia l'importo — ${name}` });
    await dialog.getByLabel("Nuovo importo stanziato (euro)").fill("12.500,50");
    await dialog.getByLabel("Motivo della variazione (ad esempio la delibera)").fill("Decreto regionale di integrazione");
    await checkScreen(page, "62-funds-amend");
    await dialog.getByRole("button", { name: "Varia l'importo" }).click();
    await page.getByRole("status").filter({ hasText: `Importo del fondo «${name}» variato.` }).waitFor();
    await networkQuiet(page);
    await expect.poll(async () => (await row(page).getByRole("cell").nth(4).textContent())?.replace(/\s/g, " ")).toBe("12.500,50 €");

    await row(page).getByRole("button", { name: `Storico — ${name}` }).click();
    const history = page.getByRole("dialog", { name: `Storico delle variazioni — ${name}` });
    await history.getByText("Motivo: Decreto regionale di integrazione").waitFor();
    expect((await history.locator("li").first().textContent())?.replace(/\s/g, " ")).toMatch(/da 10\.000,00 € a 12\.500,50 €, da Componente Cabina di Regia Demo/);
    await checkScreen(page, "63-funds-history");
    await history.getByRole("button", { name: "Chiudi lo storico" }).click();
    await history.waitFor({ state: "detached" });
  });

  it("closes it, after confirming, with a reason", async () => {
    await row(page).getByRole("button", { name: `Chiudi — ${name}` }).click();
    const dialog = page.getByRole("dialog", { name: `Chiudere il fondo «${name}»?` });
    await dialog.getByRole("button", { name: "Chiudi il fondo" }).click();
    await dialog.getByText("Indica il motivo della chiusura.").waitFor();
    await dialog.getByLabel("Motivo della chiusura").fill("Risorse riassegnate");
    await dialog.getByRole("button", { name: "Chiudi il fondo" }).click();
    await page.getByRole("status").filter({ hasText: `Fondo «${name}» chiuso.` }).waitFor();
    await row(page).getByText(/^Chiuso il /).waitFor();
    expect(await row(page).getByRole("button", { name: `Varia importo — ${name}` }).count()).toBe(0);
  });

  it("the dashboard shows the funds by source and by owner, the Union's under the Union", async () => {
    await page.goto(at("/dashboard"));
    // Each chart is the section its heading opens.
    const chart = (title: string) => page.getByRole("heading", { name: title, exact: true }).locator("xpath=..");
    const bySource = chart("Per fonte di finanziamento");
    await bySource.waitFor();
    await bySource.getByText("Mostra i dati").click();
    await bySource.getByRole("rowheader", { name: "Bilancio comunale" }).waitFor();
    expect(await bySource.getByRole("link", { name: /Scarica CSV/ }).count()).toBe(3);
    const byOwner = chart("Per ente titolare del fondo");
    await byOwner.getByText("Mostra i dati").click();
    await byOwner.getByRole("rowheader", { name: /Unione dei Comuni/ }).waitFor();
    await checkScreen(page, "64-dashboard-funds");
  });
});
