// @vitest-environment jsdom
import { act, fireEvent, screen, waitFor, within } from "@testing-library/react";
import { afterEach, describe, expect, it, vi } from "vitest";
import type { DocumentsItemFragment } from "../../gql/graphql";
import { FakeXHR, lastXHR, stubXHR } from "../../test/fakeXHR";
import { renderScreen } from "../../test/render";
import { Documents, DocumentsToggle, type DocumentsProps } from "./Documents";

afterEach(() => {
  vi.unstubAllGlobals();
});

const plan: DocumentsItemFragment = {
  id: "doc_plan",
  kind: "SIGNED_PLAN",
  fileName: "progetto firmato.pdf",
  mediaType: "application/pdf",
  size: 12_800,
  createdAt: "2026-03-02T09:30:00Z",
  removedAt: null,
  removalReason: null,
  erasedAt: null,
  downloadURL: "/download/documents/doc_plan",
  uploadedBy: { id: "usr_1", name: "Anna Operatrice" },
  removedBy: null,
};

const wrong: DocumentsItemFragment = {
  ...plan,
  id: "doc_wrong",
  kind: "OTHER",
  fileName: "foto sbagliata.jpg",
  mediaType: "image/jpeg",
  size: 2_400_000,
  removedAt: "2026-03-03T10:00:00Z",
  removalReason: "Caricato per errore",
  erasedAt: "2026-03-03T10:00:00Z",
  downloadURL: null,
  removedBy: { id: "usr_2", name: "Bruno Referente" },
};

const listOf = (...docs: DocumentsItemFragment[]) => ({
  node: { __typename: "Case", id: "cas_1", documents: { __typename: "DocumentConnection", totalCount: docs.length, edges: docs.map((node) => ({ node: { __typename: "Document", ...node } })) } },
});

const props: DocumentsProps = { ownerID: "cas_1", name: "caso EMP-2026-0042", kinds: ["SIGNED_PLAN", "EVIDENCE", "OTHER"], mayAttach: true };

function setup(p: Partial<DocumentsProps> = {}, docs = [plan, wrong]) {
  return renderScreen(<Documents {...props} {...p} />, {
    session: { roles: ["OPERATOR"], tables: [{ id: "tab_1" }] },
    queries: { DocumentsList: listOf(...docs) },
    mutations: (name, variables) =>
      name === "DocumentsRemove"
        ? { data: { removeDocument: { __typename: "Document", ...plan, removedAt: "2026-03-04T08:00:00Z", removalReason: variables.reason, erasedAt: "2026-03-04T08:00:00Z", downloadURL: null } } }
        : undefined,
  });
}

const pdf = () => new File(["%PDF-1.4\n"], "piano.pdf", { type: "application/pdf" });
const fileInput = () => screen.getByLabelText(/Scegli (il|un altro) file/) as HTMLInputElement;
const attachForm = () => screen.getByRole("form", { name: "Allega un documento — caso EMP-2026-0042" });

describe("an object's documents", () => {
  it("lists each with its kind, a download link, its size and who uploaded it; removed ones without a link, saying who, when and why", () => {
    const s = setup();
    expect(s.queries[0]).toMatchObject({ name: "DocumentsList", variables: { id: "cas_1", first: 20 } });
    const [first, second] = screen.getAllByTestId("document");
    expect(first?.textContent).toContain("Progetto personalizzato firmato");
    expect(first?.textContent).toContain("(PDF, 12,5 KiB)");
    expect(first?.textContent).toMatch(/Caricato da Anna Operatrice il 02\/03\/2026, 10:30/);
    const link = within(first!).getByRole("link", { name: "progetto firmato.pdf" });
    expect(link.getAttribute("href")).toBe("/download/documents/doc_plan");
    expect(link.getAttribute("download")).toBe("progetto firmato.pdf");
    expect(second?.className).toContain("text-muted");
    expect(within(second!).queryByRole("link")).toBeNull();
    expect(second?.textContent).toContain("(JPEG, 2,3 MiB)");
    expect(second?.textContent).toMatch(/Rimosso da Bruno Referente il 03\/03\/2026, 11:00\. Motivo: Caricato per errore/);
    // Only what is still there can be removed.
    expect(screen.getAllByRole("button", { name: /^Rimuovi/ }).map((b) => b.textContent)).toEqual(["Rimuovi progetto firmato.pdf"]);
  });

  it("offers neither the upload nor the removal to those who may not attach", () => {
    setup({ mayAttach: false });
    expect(screen.getAllByTestId("document")).toHaveLength(2);
    expect(screen.queryByRole("form")).toBeNull();
    expect(screen.queryByRole("button", { name: /^Rimuovi/ })).toBeNull();
  });

  it("says when there is none", () => {
    setup({}, []);
    expect(screen.getByText("Nessun documento allegato.")).toBeTruthy();
  });

  it("offers only the kinds the object takes", () => {
    setup();
    const options = [...(within(attachForm()).getByLabelText("Tipo di documento") as HTMLSelectElement).options].map((o) => o.textContent);
    expect(options).toEqual(["Scegli il tipo…", "Progetto personalizzato firmato", "Evidenza", "Altro"]);
  });

  it("asks for the kind and the file before sending anything", async () => {
    stubXHR();
    setup();
    fireEvent.click(within(attachForm()).getByRole("button", { name: "Allega" }));
    expect(await screen.findByText("Scegli il tipo di documento.")).toBeTruthy();
    expect(screen.getByTestId("file-error").textContent).toBe("Scegli il file da allegare, o trascinalo nel riquadro.");
    expect(fileInput().getAttribute("aria-invalid")).toBe("true");
    expect(fileInput().getAttribute("aria-describedby")).toContain(screen.getByTestId("file-error").id);
  });

  it("uploads a chosen file with its progress, then says so and reads the list again", async () => {
    stubXHR();
    const s = setup();
    fireEvent.change(within(attachForm()).getByLabelText("Tipo di documento"), { target: { value: "SIGNED_PLAN" } });
    fireEvent.change(fileInput(), { target: { files: [pdf()] } });
    expect(screen.getByTestId("drop-zone").textContent).toContain("File scelto: piano.pdf (0,1 KiB)");
    fireEvent.click(within(attachForm()).getByRole("button", { name: "Allega" }));
    await waitFor(() => expect(() => lastXHR()).not.toThrow());
    const xhr = lastXHR();
    expect(xhr.operations().variables).toEqual({ input: { kind: "SIGNED_PLAN", attachedToID: "cas_1", file: null } });
    expect((xhr.body?.get("0") as File).name).toBe("piano.pdf");
    act(() => xhr.progress(40, 100));
    const bar = await screen.findByRole("progressbar", { name: "Avanzamento del caricamento" });
    expect(bar.getAttribute("aria-valuenow")).toBe("40");
    expect((within(attachForm()).getByRole("button", { name: "Allega" }) as HTMLButtonElement).disabled).toBe(true);
    await act(async () => xhr.respond(200, { data: { attachDocument: { ...plan, id: "doc_new", fileName: "piano.pdf" } } }));
    expect(await screen.findByText("Documento allegato: piano.pdf.")).toBeTruthy();
    expect(screen.queryByRole("progressbar")).toBeNull();
    expect(screen.getByTestId("drop-zone").textContent).not.toContain("piano.pdf");
    const lists = s.queries.filter((q) => q.name === "DocumentsList");
    expect(lists).toHaveLength(2);
    expect(lists[1]?.context.requestPolicy).toBe("network-only");
  });

  it("takes a file dropped on the zone", async () => {
    stubXHR();
    setup({ kinds: ["OTHER"] });
    fireEvent.dragOver(screen.getByTestId("drop-zone"), { dataTransfer: { files: [] } });
    expect(screen.getByTestId("drop-zone").className).toContain("win-drop-over");
    fireEvent.drop(screen.getByTestId("drop-zone"), { dataTransfer: { files: [pdf()] } });
    expect(screen.getByTestId("drop-zone").className).not.toContain("win-drop-over");
    expect(screen.getByTestId("drop-zone").textContent).toContain("File scelto: piano.pdf");
    // One kind only: chosen already.
    fireEvent.click(within(attachForm()).getByRole("button", { name: "Allega" }));
    await waitFor(() => expect(() => lastXHR()).not.toThrow());
    expect(lastXHR().operations().variables).toMatchObject({ input: { kind: "OTHER" } });
  });

  it("shows the server's refusal of the file under the drop zone, in the user's words", async () => {
    stubXHR();
    const s = setup({ kinds: ["OTHER"] });
    fireEvent.change(fileInput(), { target: { files: [new File(["<html></html>"], "plan.pdf", { type: "application/pdf" })] } });
    fireEvent.click(within(attachForm()).getByRole("button", { name: "Allega" }));
    await waitFor(() => expect(() => lastXHR()).not.toThrow());
    await act(async () =>
      lastXHR().respond(200, {
        data: null,
        errors: [{ message: "file: is text/html; charset=utf-8, which is not accepted: send PDF", path: ["attachDocument"], extensions: { code: "BAD_USER_INPUT", field: "file" } }],
      }),
    );
    const error = await screen.findByTestId("file-error");
    expect(error.textContent).toMatch(/^Questo tipo di file non si può allegare/);
    expect(error.textContent).toContain("is text/html");
    // Focused, so that the reason is read out where it is.
    await waitFor(() => expect(document.activeElement).toBe(fileInput()));
    // On the field, not in an alert as well.
    expect(screen.queryByText("Dati non validi.")).toBeNull();
    expect(s.queries.filter((q) => q.name === "DocumentsList")).toHaveLength(1);
  });

  it("says a file already attached on the file, and a refusal of the viewer in an alert", async () => {
    stubXHR();
    setup({ kinds: ["OTHER"] });
    fireEvent.change(fileInput(), { target: { files: [pdf()] } });
    fireEvent.click(within(attachForm()).getByRole("button", { name: "Allega" }));
    await waitFor(() => expect(() => lastXHR()).not.toThrow());
    await act(async () => lastXHR().respond(200, { errors: [{ message: 'this file is already attached, as "piano.pdf"', extensions: { code: "CONFLICT" } }] }));
    expect((await screen.findByTestId("file-error")).textContent).toMatch(/^Questo file è già allegato qui/);

    fireEvent.change(fileInput(), { target: { files: [pdf()] } });
    fireEvent.click(within(attachForm()).getByRole("button", { name: "Allega" }));
    await waitFor(() => expect(FakeXHR.sent).toHaveLength(2));
    await act(async () => lastXHR().respond(200, { errors: [{ message: "only members of the case's table attach", extensions: { code: "FORBIDDEN" } }] }));
    expect((await screen.findByText("Non hai i permessi per questa operazione.")).closest("[role=alert]")).toBeTruthy();
  });

  it("stops an upload when asked", async () => {
    stubXHR();
    setup({ kinds: ["OTHER"] });
    fireEvent.change(fileInput(), { target: { files: [pdf()] } });
    fireEvent.click(within(attachForm()).getByRole("button", { name: "Allega" }));
    fireEvent.click(await screen.findByRole("button", { name: "Interrompi il caricamento" }));
    expect(lastXHR().aborted).toBe(true);
    await waitFor(() => expect(screen.queryByRole("progressbar")).toBeNull());
    expect(screen.queryByTestId("file-error")).toBeNull();
  });

  it("removes a document with the reason asked in a dialog", async () => {
    const s = setup();
    fireEvent.click(screen.getByRole("button", { name: "Rimuovi progetto firmato.pdf" }));
    const dialog = await screen.findByRole("dialog", { name: "Rimuovi «progetto firmato.pdf»" });
    fireEvent.click(within(dialog).getByRole("button", { name: "Rimuovi il documento" }));
    expect(await within(dialog).findByText("Indica perché rimuovi il documento.")).toBeTruthy();
    expect(s.mutations).toHaveLength(0);
    fireEvent.change(within(dialog).getByLabelText("Motivo della rimozione"), { target: { value: "  Versione non firmata  " } });
    fireEvent.click(within(dialog).getByRole("button", { name: "Rimuovi il documento" }));
    await waitFor(() => expect(s.mutations).toHaveLength(1));
    expect(s.mutations[0]).toMatchObject({ name: "DocumentsRemove", variables: { id: "doc_plan", reason: "Versione non firmata" } });
    expect(await screen.findByText(/^Documento rimosso: progetto firmato.pdf\./)).toBeTruthy();
    expect(screen.queryByRole("dialog")).toBeNull();
  });
});

describe("documents behind a button", () => {
  it("asks for none until opened", () => {
    const s = renderScreen(<DocumentsToggle ownerID="mon_1" name="incontro di monitoraggio del 12/03/2026" kinds={["EVIDENCE"]} mayAttach={false} />, {
      session: { roles: ["OPERATOR"] },
      queries: { DocumentsList: { node: { __typename: "MonitoringMeeting", id: "mon_1", documents: { totalCount: 1, edges: [{ node: plan }] } } } },
    });
    expect(s.queries).toHaveLength(0);
    const button = screen.getByRole("button", { name: "Documenti — incontro di monitoraggio del 12/03/2026" });
    expect(button.getAttribute("aria-expanded")).toBe("false");
    fireEvent.click(button);
    expect(button.getAttribute("aria-expanded")).toBe("true");
    expect(document.getElementById(button.getAttribute("aria-controls") ?? "")?.textContent).toContain("progetto firmato.pdf");
    expect(s.queries).toMatchObject([{ name: "DocumentsList", variables: { id: "mon_1" } }]);
  });
});
