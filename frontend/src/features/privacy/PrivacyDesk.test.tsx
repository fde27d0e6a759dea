// @vitest-environment jsdom
import { fireEvent, screen, waitFor, within } from "@testing-library/react";
import { GraphQLError } from "graphql";
import { CombinedError } from "urql";
import { afterEach, describe, expect, it, vi } from "vitest";
import { renderScreen, type Answerer } from "../../test/render";
import { PrivacyDesk } from "./PrivacyDesk";

const subject = {
  personID: "per_1",
  pseudonym: "P-ABC123",
  identityHeld: true,
  cases: [{ code: "EMP-2025-0007", status: "CLOSED", table: "Tavolo di Empoli", referredOn: "2025-02-03", closedOn: "2025-09-30" }],
};

const report = [
  {
    id: "aud_1",
    occurredAt: "2026-11-02T09:00:00Z",
    action: "READ_IDENTITY",
    entityType: "PersonIdentity",
    changes: null,
    actor: { id: "usr_op", name: "Operatrice Empoli", email: "op@example.it" },
    organization: { id: "org_1", name: "Comune di Empoli" },
  },
  { id: "aud_2", occurredAt: "2026-11-03T10:00:00Z", action: "EXPORT_PERSON", entityType: "Person", changes: null, actor: null, organization: null },
];

const retention = { years: 10, lastRunAt: "2026-12-04T02:00:00Z", lastRunErased: 3, lastErasedAt: "2026-12-04T02:00:00Z" };

function renderDesk(roles: ("ADMIN" | "DPO" | "OPERATOR")[], path = "/privacy", queries?: Answerer, mutations?: Answerer) {
  return renderScreen(<PrivacyDesk />, {
    route: "/privacy",
    path,
    session: { id: "usr_1", roles },
    queries:
      queries ??
      ((name) =>
        ({
          PrivacyFindDataSubjects: { data: { findDataSubjects: [subject] } },
          PrivacyRetentionStatus: { data: { retentionStatus: retention } },
          PrivacyPersonDataExport: { data: { personDataExport: '{"person": {"pseudonym": "P-ABC123"}}' } },
          PrivacyAccessReport: { data: { identityAccessReport: report } },
        })[name]),
    mutations,
  });
}

afterEach(() => vi.restoreAllMocks());

describe("the privacy desk", { timeout: 20_000 }, () => {
  it("is not offered to an operator, and asks nothing of the API", async () => {
    const s = renderDesk(["OPERATOR"]);
    expect((await screen.findByRole("alert")).textContent).toContain("amministratori e per il responsabile della protezione dei dati");
    expect(s.queries).toHaveLength(0);
  });

  it("finds a person by tax code, downloads their data as a JSON file named after the pseudonym, and shows the access report", async () => {
    const createObjectURL = vi.fn((_: Blob) => "blob:export");
    Object.assign(URL, { createObjectURL, revokeObjectURL: vi.fn() });
    const downloads: string[] = [];
    vi.spyOn(HTMLAnchorElement.prototype, "click").mockImplementation(function (this: HTMLAnchorElement) {
      downloads.push(this.download);
    });
    const s = renderDesk(["DPO"]);
    expect(await screen.findByText(/cancellati 10 anni dopo la chiusura/)).toBeTruthy();
    expect(screen.getByText(/3 identità cancellate/)).toBeTruthy();

    fireEvent.click(screen.getByRole("button", { name: "Cerca" }));
    expect(await screen.findByText("Scrivi il codice fiscale della persona.")).toBeTruthy();
    fireEvent.change(screen.getByLabelText("Codice fiscale della persona"), { target: { value: "RSSMRA85T10A562S" } });
    fireEvent.click(screen.getByRole("button", { name: "Cerca" }));
    expect(await screen.findByRole("heading", { name: "Persona P-ABC123" })).toBeTruthy();
    expect(s.queries.find((q) => q.name === "PrivacyFindDataSubjects")?.variables).toEqual({ taxCode: "RSSMRA85T10A562S" });
    expect(screen.getByRole("table", { name: "Casi della persona P-ABC123" }).textContent).toContain("EMP-2025-0007");

    fireEvent.click(screen.getByRole("button", { name: "Scarica i dati (JSON)" }));
    await waitFor(() => expect(downloads).toHaveLength(1));
    expect(downloads[0]).toMatch(/^dati-P-ABC123-\d{4}-\d{2}-\d{2}\.json$/);
    const blob = createObjectURL.mock.calls[0]?.[0];
    expect(blob?.type).toBe("application/json");
    const text = await new Promise<unknown>((resolve) => {
      const reader = new FileReader();
      reader.onload = () => resolve(reader.result);
      reader.readAsText(blob as Blob);
    });
    expect(text).toContain('"pseudonym": "P-ABC123"');
    expect(s.queries.find((q) => q.name === "PrivacyPersonDataExport")?.variables).toEqual({ personID: "per_1" });

    fireEvent.click(screen.getByRole("button", { name: "Mostra il registro degli accessi" }));
    const table = await screen.findByRole("table", { name: "Chi ha avuto accesso ai dati della persona P-ABC123" });
    const rows = within(table).getAllByRole("row");
    expect(rows[1]?.textContent).toContain("Sistema"); // newest first
    expect(rows[2]?.textContent).toContain("Operatrice Empoli");
    expect(rows[2]?.textContent).toContain("Comune di Empoli");
  });

  it("erases the identity only once the pseudonym is typed, saying what goes and what stays", async () => {
    const s = renderDesk(["ADMIN"], "/privacy?caseCode=EMP-2025-0007", undefined, () => ({ data: { erasePersonIdentity: { id: "per_1", pseudonym: "P-ABC123" } } }));
    fireEvent.click(await screen.findByRole("button", { name: "Cancella i dati identificativi" }));
    expect(s.queries.find((q) => q.name === "PrivacyFindDataSubjects")?.variables).toEqual({ caseCode: "EMP-2025-0007" });
    const dialog = await screen.findByRole("dialog");
    expect(dialog.textContent).toContain("codice fiscale, data e luogo di nascita");
    expect(dialog.textContent).toContain("il profilo pseudonimo");
    const confirm = within(dialog).getByRole("button", { name: "Cancella definitivamente" });
    expect((confirm as HTMLButtonElement).disabled).toBe(true);
    fireEvent.change(within(dialog).getByLabelText(/Per confermare, scrivi lo pseudonimo/), { target: { value: "p-abc123" } });
    expect((confirm as HTMLButtonElement).disabled).toBe(false);
    fireEvent.click(confirm);
    await waitFor(() => expect(screen.getByRole("status").textContent).toContain("Dati identificativi di P-ABC123 cancellati"));
    expect(s.mutations[0]).toMatchObject({ name: "PrivacyErasePersonIdentity", variables: { personID: "per_1" } });
  });

  it("says when nobody matches", async () => {
    renderDesk(["ADMIN"], "/privacy?caseCode=EMP-1999-0001", (name) =>
      name === "PrivacyFindDataSubjects" ? { data: { findDataSubjects: [] } } : undefined,
    );
    expect(await screen.findByText(/Nessun caso con il numero EMP-1999-0001/)).toBeTruthy();
  });

  it("says in the user's words when the server refuses", async () => {
    renderDesk(["ADMIN"], "/privacy?caseCode=EMP-2025-0007", (name) =>
      name === "PrivacyFindDataSubjects"
        ? { data: { findDataSubjects: [subject] } }
        : name === "PrivacyPersonDataExport"
          ? { error: new CombinedError({ graphQLErrors: [new GraphQLError("only administrators", { extensions: { code: "FORBIDDEN" } })] }) }
          : undefined,
    );
    fireEvent.click(await screen.findByRole("button", { name: "Scarica i dati (JSON)" }));
    expect((await screen.findByRole("alert")).textContent).toContain("Non hai i permessi per questa operazione.");
  });
});
