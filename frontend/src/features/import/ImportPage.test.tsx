// @vitest-environment jsdom
import { act, cleanup, fireEvent, screen, waitFor, within } from "@testing-library/react";
import { afterEach, beforeEach, describe, expect, it, vi } from "vitest";
import { FakeXHR, lastXHR } from "../../test/fakeXHR";
import { renderScreen } from "../../test/render";
import { ImportPage } from "./ImportPage";
import type { Report, ReportRow } from "./model";
import { exampleReport } from "./reportFixture";

// The documents' fake XMLHttpRequest, with what the import's requests
// also read: response headers, and a Blob body.
class ImportXHR extends FakeXHR {
  responseType = "";
  response: unknown = null;
  responseHeaders: Record<string, string> = {};
  getResponseHeader(name: string): string | null {
    return this.responseHeaders[name] ?? null;
  }
  /** The server answers, with headers. */
  answer(status: number, body: unknown, headers: Record<string, string> = {}) {
    this.responseHeaders = headers;
    this.respond(status, body);
  }
}

beforeEach(() => {
  FakeXHR.sent = [];
  vi.stubGlobal("XMLHttpRequest", ImportXHR);
});
afterEach(() => {
  vi.unstubAllGlobals();
});

const last = () => lastXHR() as ImportXHR;
const csv = (name = "casi.csv", text = "codice_riga;tavolo\nR1;EMP\n") => new File([text], name, { type: "text/csv" });
const fileInput = () => screen.getByLabelText(/Scegli (il file CSV dal dispositivo|un altro file)/) as HTMLInputElement;
const importButton = () => screen.getByRole("button", { name: "Importa…" }) as HTMLButtonElement;

function setup() {
  return renderScreen(<ImportPage />, { path: "/import", session: { roles: ["COORDINATOR"], tables: [{ id: "tab_emp", coordinates: true }] } });
}

/** Chooses a file and previews it; the server answers report. */
async function previewed(report: Report = exampleReport, file = csv()) {
  fireEvent.change(fileInput(), { target: { files: [file] } });
  fireEvent.click(screen.getByRole("button", { name: "Verifica" }));
  await waitFor(() => expect(FakeXHR.sent.length).toBeGreaterThan(0));
  const xhr = last();
  await act(async () => xhr.answer(200, report));
  await screen.findByRole("heading", { name: "Esito della verifica" });
  return xhr;
}

const rows = () => screen.getAllByTestId("import-row");

describe("the import page", () => {
  it("explains the import and offers the template in the user's language; nothing to import before a preview", () => {
    setup();
    expect(screen.getByRole("heading", { level: 1, name: "Importazione dei casi" })).toBeTruthy();
    expect(screen.getByText(/La verifica controlla ogni riga/)).toBeTruthy();
    const template = screen.getByRole("link", { name: "Scarica il modello (CSV)" });
    expect(template.getAttribute("href")).toBe("/import/cases/template.csv?lang=it");
    expect(template.hasAttribute("download")).toBe(true);
    expect(importButton().disabled).toBe(true);
    expect(screen.getByText(/verificalo prima/)).toBeTruthy();
  });

  it("is for administrators and coordinators only", () => {
    renderScreen(<ImportPage />, { path: "/import", session: { roles: ["OPERATOR"], tables: [{ id: "tab_emp" }] } });
    expect(screen.getByRole("alert").textContent).toContain("riservata agli amministratori e ai coordinatori");
    expect(screen.queryByRole("button", { name: "Verifica" })).toBeNull();
    cleanup();
    renderScreen(<ImportPage />, { path: "/import", session: { roles: ["ADMIN"] } });
    expect(screen.getByRole("button", { name: "Verifica" })).toBeTruthy();
  });

  it("asks for a file before sending anything", async () => {
    setup();
    fireEvent.click(screen.getByRole("button", { name: "Verifica" }));
    expect((await screen.findByTestId("file-error")).textContent).toBe("Scegli il file da importare, o trascinalo nel riquadro.");
    expect(fileInput().getAttribute("aria-invalid")).toBe("true");
    expect(FakeXHR.sent).toHaveLength(0);
  });

  it("previews a dropped file with the upload's progress, then shows the counts and every row's outcome", async () => {
    setup();
    fireEvent.drop(screen.getByTestId("drop-zone"), { dataTransfer: { files: [csv("caseload.csv")] } });
    expect(screen.getByTestId("drop-zone").textContent).toContain("File scelto: caseload.csv");
    fireEvent.click(screen.getByRole("button", { name: "Verifica" }));
    await waitFor(() => expect(FakeXHR.sent).toHaveLength(1));
    const xhr = last();
    expect(xhr.method).toBe("POST");
    expect(xhr.url).toBe("/import/cases?mode=preview&onError=abort&format=json&lang=it");
    expect((xhr.body?.get("file") as File).name).toBe("caseload.csv");
    act(() => xhr.progress(40, 100));
    expect(screen.getByRole("progressbar", { name: "Avanzamento dell'invio del file" }).getAttribute("aria-valuenow")).toBe("40");
    expect((screen.getByRole("button", { name: "Verifica" }) as HTMLButtonElement).disabled).toBe(true);
    act(() => xhr.progress(100, 100));
    expect(screen.getByRole("status").textContent).toContain("il server sta verificando le righe");
    await act(async () => xhr.answer(200, exampleReport));

    const result = screen.getByTestId("import-result");
    expect(within(result).getByRole("heading", { name: "Esito della verifica" })).toBe(document.activeElement);
    expect(screen.queryByRole("progressbar")).toBeNull();
    const figures = within(screen.getByTestId("import-counts"))
      .getAllByRole("definition")
      .map((d) => `${d.previousElementSibling?.textContent}: ${d.textContent}`);
    expect(figures).toEqual(["Righe: 4", "Persone nuove: 1", "Persone già note: 1", "Conflitti: 1", "Già importate: 0", "Errori: 1"]);
    expect(result.textContent).toContain("File caseload.csv: codifica Windows-1252, separatore «;».");

    const [fresh, known, conflict, error] = rows();
    expect(within(fresh!).getByText("Persona nuova")).toBeTruthy();
    expect(known!.textContent).toContain("P-K3M9QX7T");
    expect(known!.textContent).toContain("trovata per codice fiscale");
    expect(within(known!).getByText("Persona già nota")).toBeTruthy();
    expect(conflict!.textContent).toContain("ha già un caso aperto: EMP-2025-0031 (Tavolo territoriale di Empoli)");
    expect(within(conflict!).getByRole("link", { name: "EMP-2025-0031" }).getAttribute("href")).toBe("/cases/cas_open31");
    expect(within(error!).getByText("Errore")).toBeTruthy();
    expect(error!.textContent).toContain("codice_fiscale: the tax code's check character is wrong");
    expect(importButton().disabled).toBe(false);
  });

  it("filters the rows by outcome", async () => {
    setup();
    await previewed();
    const filter = screen.getByLabelText("Righe da mostrare") as HTMLSelectElement;
    expect([...filter.options].map((o) => o.textContent)).toEqual([
      "Tutte (4)",
      "Con errori o conflitti (2)",
      "Persona nuova (1)",
      "Persona già nota (1)",
      "Conflitto (1)",
      "Già importata (0)",
      "Errore (1)",
    ]);
    fireEvent.change(filter, { target: { value: "PROBLEMS" } });
    expect(rows().map((r) => r.dataset.outcome)).toEqual(["CONFLICT", "ERROR"]);
    expect(screen.getByText("Righe del file: 2 su 4")).toBeTruthy();
    fireEvent.change(filter, { target: { value: "ALREADY_IMPORTED" } });
    expect(screen.queryAllByTestId("import-row")).toHaveLength(0);
    expect(screen.getByText("Nessuna riga con questo esito.")).toBeTruthy();
  });

  it("shows a long report 50 rows at a time", async () => {
    setup();
    const many: ReportRow[] = Array.from({ length: 120 }, (_, i) => ({ line: i + 2, rowKey: `R${i + 1}`, outcome: "NEW" }));
    await previewed({ ...exampleReport, counts: { ...exampleReport.counts, rows: 120, new: 120, match: 0, conflict: 0, error: 0 }, rows: many });
    expect(rows()).toHaveLength(50);
    const pages = screen.getByRole("navigation", { name: "Pagine delle righe" });
    expect(pages.textContent).toContain("Pagina 1 di 3: righe 1–50 di 120");
    fireEvent.click(within(pages).getByRole("button", { name: "Successive" }));
    fireEvent.click(within(pages).getByRole("button", { name: "Successive" }));
    expect(pages.textContent).toContain("Pagina 3 di 3: righe 101–120 di 120");
    expect(rows().map((r) => r.firstElementChild?.textContent)).toEqual(Array.from({ length: 20 }, (_, i) => String(i + 102)));
    expect((within(pages).getByRole("button", { name: "Successive" }) as HTMLButtonElement).disabled).toBe(true);
  });

  it("imports only the file previewed: another file needs its own preview", async () => {
    setup();
    await previewed();
    expect(importButton().disabled).toBe(false);
    fireEvent.change(fileInput(), { target: { files: [csv("altro.csv")] } });
    expect(importButton().disabled).toBe(true);
    expect(screen.queryByTestId("import-result")).toBeNull();
    // The same file chosen again may have changed on disk since: a new preview too.
    const file = csv("casi.csv");
    await previewed(exampleReport, file);
    fireEvent.change(fileInput(), { target: { files: [file] } });
    expect(importButton().disabled).toBe(true);
  });

  it("confirms how many cases the import creates, imports skipping the bad rows and shows the cases created", async () => {
    setup();
    await previewed();
    fireEvent.click(importButton());
    let dialog = await screen.findByRole("dialog");
    // With "import nothing" the rows with problems would refuse it all.
    expect(dialog.textContent).toContain("2 righe hanno errori o conflitti: con «Non importare nulla» l'importazione sarà rifiutata");
    fireEvent.click(within(dialog).getByRole("button", { name: "Annulla" }));
    await waitFor(() => expect(screen.queryByRole("dialog")).toBeNull());

    fireEvent.click(screen.getByLabelText("Salta le righe con errori o conflitti e importa le altre"));
    fireEvent.click(importButton());
    dialog = await screen.findByRole("dialog", { name: "Importare i casi?" });
    expect(dialog.textContent).toContain("Verranno creati 2 casi, con 1 persona nuova; 2 righe con errori o conflitti saranno saltate.");
    expect(FakeXHR.sent).toHaveLength(1);
    fireEvent.click(within(dialog).getByRole("button", { name: "Importa" }));
    await waitFor(() => expect(FakeXHR.sent).toHaveLength(2));
    const xhr = last();
    expect(xhr.url).toBe("/import/cases?mode=import&onError=skip&format=json&lang=it");
    const imported: Report = {
      ...exampleReport,
      mode: "import",
      onError: "skip",
      imported: true,
      counts: { ...exampleReport.counts, casesCreated: 2, personsCreated: 1 },
      rows: exampleReport.rows.map((r) =>
        r.line === 2
          ? { ...r, pseudonym: "P-NEW12345", caseCode: "EMP-2026-0101", caseId: "cas_new1" }
          : r.line === 3
            ? { ...r, caseCode: "EMP-2026-0102", caseId: "cas_new2" }
            : r,
      ),
    };
    await act(async () => xhr.answer(200, imported));
    await screen.findByRole("heading", { name: "Esito dell'importazione" });
    expect(screen.getByRole("status").textContent).toBe("Importazione completata: creati 2 casi, 1 persona nuova.");
    const figures = within(screen.getByTestId("import-counts")).getAllByRole("term").map((t) => t.textContent);
    expect(figures).toContain("Casi creati");
    expect(rows()[0]!.textContent).toContain("EMP-2026-0101");
    // Each case created links to its page, by the ID the report gives.
    expect(within(rows()[0]!).getByRole("link", { name: "EMP-2026-0101" }).getAttribute("href")).toBe("/cases/cas_new1");
    expect(within(rows()[1]!).getByRole("link", { name: "EMP-2026-0102" }).getAttribute("href")).toBe("/cases/cas_new2");
    // Written: importing again needs another preview.
    expect(importButton().disabled).toBe(true);
  });

  it("shows an import refused (422) as its report, the rows that blocked it first", async () => {
    setup();
    await previewed();
    fireEvent.click(importButton());
    fireEvent.click(within(await screen.findByRole("dialog")).getByRole("button", { name: "Importa" }));
    await waitFor(() => expect(FakeXHR.sent).toHaveLength(2));
    await act(async () => last().answer(422, { ...exampleReport, mode: "import" }));
    await screen.findByRole("heading", { name: "Importazione rifiutata" });
    expect(screen.getByRole("alert").textContent).toContain("non è stato scritto nulla");
    expect((screen.getByLabelText("Righe da mostrare") as HTMLSelectElement).value).toBe("PROBLEMS");
    expect(rows().map((r) => r.dataset.outcome)).toEqual(["CONFLICT", "ERROR"]);
    // Nothing was written: the same file may be imported, skipping those rows.
    expect(importButton().disabled).toBe(false);
  });

  it("says a file the server cannot read on the file's field, in the user's words", async () => {
    setup();
    fireEvent.change(fileInput(), { target: { files: [csv("casi.xlsx", "PK\u0003\u0004")] } });
    fireEvent.click(screen.getByRole("button", { name: "Verifica" }));
    await waitFor(() => expect(FakeXHR.sent).toHaveLength(1));
    await act(async () =>
      last().answer(400, {
        errors: [{ message: "file: this is a spreadsheet workbook, not a CSV file: save it as CSV (semicolon- or comma-separated) and upload that", extensions: { code: "BAD_USER_INPUT", field: "file" } }],
        data: null,
      }),
    );
    const error = await screen.findByTestId("file-error");
    expect(error.textContent).toMatch(/^Questa è una cartella di lavoro, non un file CSV/);
    expect(fileInput().getAttribute("aria-describedby")).toContain(error.id);
    expect(importButton().disabled).toBe(true);
  });

  it("says when to try again when imports are already running, never the server's JSON", async () => {
    setup();
    fireEvent.change(fileInput(), { target: { files: [csv()] } });
    fireEvent.click(screen.getByRole("button", { name: "Verifica" }));
    await waitFor(() => expect(FakeXHR.sent).toHaveLength(1));
    await act(async () => last().answer(429, { errors: [{ message: "at most 2 imports run at once: try again shortly", extensions: { code: "TOO_MANY_REQUESTS" } }], data: null }, { "Retry-After": "30" }));
    const alert = await screen.findByRole("alert");
    expect(alert.textContent).toBe("Sono già in corso altre importazioni: riprova tra 30 secondi.");
    expect(document.body.textContent).not.toContain("errors");
  });

  it("downloads the report as CSV: the same file previewed again, asking for CSV in the user's language", async () => {
    // jsdom has no Blob URLs.
    const createObjectURL = vi.fn(() => "blob:report");
    Object.assign(URL, { createObjectURL, revokeObjectURL: vi.fn() });
    const click = vi.spyOn(HTMLAnchorElement.prototype, "click").mockImplementation(() => undefined);
    setup();
    const file = csv("mio-file.csv");
    await previewed(exampleReport, file);
    fireEvent.click(screen.getByRole("button", { name: "Scarica il resoconto (CSV)" }));
    await waitFor(() => expect(FakeXHR.sent).toHaveLength(2));
    const xhr = last();
    expect(xhr.url).toBe("/import/cases?mode=preview&onError=abort&format=csv&lang=it");
    expect(xhr.responseType).toBe("blob");
    expect((xhr.body?.get("file") as File).name).toBe(file.name);
    const blob = new Blob(["\uFEFFriga;codice_riga;esito\n2;R1;NEW\n"], { type: "text/csv" });
    xhr.response = blob;
    await act(async () => xhr.answer(200, "", { "Content-Disposition": 'attachment; filename="importazione_preview_2026-03-02.csv"' }));
    await waitFor(() => expect(click).toHaveBeenCalled());
    expect(createObjectURL).toHaveBeenCalledWith(blob);
    const anchor = click.mock.instances[0] as unknown as HTMLAnchorElement;
    expect(anchor.download).toBe("importazione_preview_2026-03-02.csv");
    click.mockRestore();
  });
});
