import { readFileSync } from "node:fs";
import type { Browser, Locator, Page } from "playwright-core";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { api, at, checkScreen, launch, networkQuiet, newPage, signIn } from "./browser";

// Documents attached to a case: the Empoli table's coordinator attaches
// the signed plan (a real PDF, the upload's progress shown), finds it
// listed and downloads the same bytes, as an attachment; a web page
// renamed .pdf is refused on the file's field. An operator of the Vinci
// table, signed in, gets nothing at the document's address. Then the
// coordinator removes it, saying why: it stays listed, greyed, and its
// content is gone.

let browser: Browser;
beforeAll(async () => {
  browser = await launch();
});
afterAll(async () => {
  await browser.close();
});

const unique = Date.now().toString(36).toUpperCase();
const fileName = `progetto-firmato-${unique}.pdf`;

/**
 * A small but valid PDF 1.4: a catalog, its pages, one A4 page saying
 * `text` in Helvetica, the cross-reference table with each object's
 * offset, and the trailer.
 */
function minimalPDF(text: string): Buffer {
  const content = `BT /F1 18 Tf 72 770 Td (${text}) Tj ET`;
  const objects = [
    "<< /Type /Catalog /Pages 2 0 R >>",
    "<< /Type /Pages /Kids [3 0 R] /Count 1 >>",
    "<< /Type /Page /Parent 2 0 R /MediaBox [0 0 595 842] /Contents 4 0 R /Resources << /Font << /F1 5 0 R >> >> >>",
    `<< /Length ${content.length} >>\nstream\n${content}\nendstream`,
    "<< /Type /Font /Subtype /Type1 /BaseFont /Helvetica >>",
  ];
  let pdf = "%PDF-1.4\n";
  const offsets = objects.map((body, i) => {
    const offset = pdf.length;
    pdf += `${i + 1} 0 obj\n${body}\nendobj\n`;
    return offset;
  });
  const xref = pdf.length;
  pdf += `xref\n0 ${objects.length + 1}\n0000000000 65535 f \n`;
  pdf += offsets.map((o) => `${String(o).padStart(10, "0")} 00000 n \n`).join("");
  pdf += `trailer\n<< /Size ${objects.length + 1} /Root 1 0 R >>\nstartxref\n${xref}\n%%EOF\n`;
  return Buffer.from(pdf, "latin1");
}

const plan = minimalPDF(`Progetto personalizzato firmato - collaudo ${unique}`);

/** What the page's own fetch of a path gets (same-origin, with the session cookie, as a link would). */
async function fetchInPage(page: Page, path: string): Promise<{ status: number; disposition: string | null; type: string | null; bytes: number[] }> {
  return page.evaluate(async (url) => {
    const r = await fetch(url);
    return {
      status: r.status,
      disposition: r.headers.get("Content-Disposition"),
      type: r.headers.get("Content-Type"),
      bytes: Array.from(new Uint8Array(await r.arrayBuffer())),
    };
  }, path);
}

/** The case page's documents and their upload form. */
function documentsOf(page: Page, code: string): { section: Locator; form: Locator } {
  const section = page.getByRole("region", { name: "Documenti", exact: true });
  return { section, form: section.getByRole("form", { name: `Allega un documento — caso ${code}` }) };
}

describe("documents attached to a case", () => {
  let caseURL = "";
  let code = "";
  let href = "";

  it("the coordinator attaches the signed plan to a case of her table, seeing the upload's progress, and finds it listed", async () => {
    const page = await newPage(browser);
    await signIn(page, "coordinator@demo.example");
    const data = await api<{ cases: { edges: { node: { id: string; code: string } }[] } }>(
      page,
      `{ cases(first: 1, orderBy: [{ field: REFERRED_ON, direction: ASC }], where: { status: IN_CHARGE, hasTableWith: [{ code: "EMP" }] }) { edges { node { id code } } } }`,
    );
    const chosen = data.cases.edges[0]?.node;
    expect(chosen, "an Empoli case in charge").toBeTruthy();
    caseURL = `/cases/${chosen!.id}`;
    code = chosen!.code;
    await page.goto(at(caseURL));
    const { section, form } = documentsOf(page, code);
    await form.waitFor();

    await form.getByLabel("Tipo di documento").selectOption("SIGNED_PLAN");
    await form.getByLabel("Scegli il file dal dispositivo").setInputFiles({ name: fileName, mimeType: "application/pdf", buffer: plan });
    expect(await form.getByTestId("drop-zone").textContent()).toContain(`File scelto: ${fileName}`);

    // The upload is held on its way until the progress bar shows.
    let release = () => {};
    const held = new Promise<void>((resolve) => (release = resolve));
    let uploads = 0;
    await page.route("**/graphql", async (route) => {
      if ((route.request().headers()["content-type"] ?? "").startsWith("multipart/form-data")) {
        uploads += 1;
        await held;
      }
      await route.fallback();
    });
    await form.getByRole("button", { name: "Allega", exact: true }).click();
    // The track shows; the bar in it is as wide as the share sent (0% while held, at first).
    await form.getByTestId("upload-progress").waitFor();
    const bar = form.getByRole("progressbar", { name: "Avanzamento del caricamento" });
    await bar.waitFor({ state: "attached" });
    expect(Number(await bar.getAttribute("aria-valuenow"))).toBeGreaterThanOrEqual(0);
    expect(await form.getByRole("button", { name: "Allega", exact: true }).isDisabled()).toBe(true);
    release();
    await section.getByRole("status").filter({ hasText: `Documento allegato: ${fileName}.` }).waitFor();
    await page.unroute("**/graphql");
    expect(uploads).toBe(1);
    expect(await form.getByRole("progressbar").count()).toBe(0);

    const item = section.getByTestId("document").filter({ hasText: fileName });
    await item.waitFor();
    const text = (await item.textContent()) ?? "";
    expect(text).toContain("Progetto personalizzato firmato");
    expect(text).toContain("(PDF, ");
    expect(text).toMatch(/Caricato da .+ il \d{2}\/\d{2}\/\d{4}, \d{2}:\d{2}/);
    href = (await item.getByRole("link", { name: fileName }).getAttribute("href")) ?? "";
    expect(href).toMatch(/^\/download\/documents\/\w+$/);
    expect(await item.getByRole("link", { name: fileName }).getAttribute("download")).toBe(fileName);
    await checkScreen(page, "70-case-documents");
    await page.context().close();
  });

  it("she downloads it: the same bytes, as an attachment", async () => {
    const page = await newPage(browser);
    await signIn(page, "coordinator@demo.example");
    await page.goto(at(caseURL));
    const { section } = documentsOf(page, code);
    const link = section.getByTestId("document").filter({ hasText: fileName }).getByRole("link", { name: fileName });
    const [download] = await Promise.all([page.waitForEvent("download"), link.click()]);
    expect(download.suggestedFilename()).toBe(fileName);
    expect(readFileSync(await download.path()).equals(plan)).toBe(true);

    const got = await fetchInPage(page, href);
    expect(got.status).toBe(200);
    expect(got.disposition).toMatch(/^attachment;\s*filename="?progetto-firmato-/);
    expect(got.type).toBe("application/pdf");
    expect(Buffer.from(got.bytes).equals(plan)).toBe(true);
    await page.context().close();
  });

  it("a web page renamed .pdf and dropped on the zone is refused, the reason under the drop zone", async () => {
    const page = await newPage(browser);
    await signIn(page, "coordinator@demo.example");
    await page.goto(at(caseURL));
    const { section, form } = documentsOf(page, code);
    // The list is there, with the plan attached before.
    await section.getByTestId("document").filter({ hasText: fileName }).waitFor();
    const before = await section.getByTestId("document").count();
    await form.getByLabel("Tipo di documento").selectOption("SIGNED_PLAN");
    const dataTransfer = await page.evaluateHandle((html) => {
      const dt = new DataTransfer();
      dt.items.add(new File([html], "plan.pdf", { type: "application/pdf" }));
      return dt;
    }, `<!DOCTYPE html><html><head><title>Piano</title></head><body><script>alert(${JSON.stringify(unique)})</script></body></html>`);
    const zone = form.getByTestId("drop-zone");
    await zone.dispatchEvent("dragenter", { dataTransfer });
    await zone.dispatchEvent("dragover", { dataTransfer });
    await zone.dispatchEvent("drop", { dataTransfer });
    expect(await zone.textContent()).toContain("File scelto: plan.pdf");
    await form.getByRole("button", { name: "Allega", exact: true }).click();

    const error = form.getByTestId("file-error");
    await error.waitFor();
    expect(await error.textContent()).toMatch(/^Questo tipo di file non si può allegare/);
    expect(await error.textContent()).toContain("text/html");
    const input = form.getByLabel(/Scegli (il|un altro) file/);
    expect(await input.getAttribute("aria-invalid")).toBe("true");
    expect(await input.getAttribute("aria-describedby")).toContain((await error.getAttribute("id")) ?? "-");
    await networkQuiet(page);
    expect(await section.getByTestId("document").count()).toBe(before);
    expect(await section.getByTestId("document").filter({ hasText: "plan.pdf" }).count()).toBe(0);
    await checkScreen(page, "71-case-document-refused");
    await page.context().close();
  });

  it("an operator of another table, signed in, gets nothing at its address", async () => {
    const page = await newPage(browser);
    await signIn(page, "operator.vinci@demo.example");
    const got = await fetchInPage(page, href);
    expect(got.status).toBe(404);
    expect(got.disposition).toBeNull();
    expect(Buffer.from(got.bytes).includes(Buffer.from("%PDF-"))).toBe(false);
    await page.context().close();
  });

  it("the coordinator removes it, saying why: it stays listed, greyed, without its link, and its content is gone", async () => {
    const page = await newPage(browser);
    await signIn(page, "coordinator@demo.example");
    await page.goto(at(caseURL));
    const { section } = documentsOf(page, code);
    const item = section.getByTestId("document").filter({ hasText: fileName });
    await item.getByRole("button", { name: `Rimuovi ${fileName}` }).click();
    const dialog = page.getByRole("dialog", { name: `Rimuovi «${fileName}»` });
    await dialog.waitFor();
    await dialog.getByLabel("Motivo della rimozione").fill(`Caricata la versione non firmata (collaudo ${unique}).`);
    await dialog.getByRole("button", { name: "Rimuovi il documento" }).click();
    await dialog.waitFor({ state: "detached" });
    await section.getByRole("status").filter({ hasText: `Documento rimosso: ${fileName}.` }).waitFor();
    await expect.poll(async () => item.getByRole("link").count()).toBe(0);
    expect(await item.textContent()).toMatch(new RegExp(`Rimosso da .+ il \\d{2}/\\d{2}/\\d{4}, \\d{2}:\\d{2}\\. Motivo: Caricata la versione non firmata \\(collaudo ${unique}\\)\\.`));
    expect(await item.getAttribute("class")).toContain("text-muted");
    expect(await item.getByRole("button").count()).toBe(0);
    expect((await fetchInPage(page, href)).status).toBe(410);
    await page.context().close();
  });
});
