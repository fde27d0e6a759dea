// @vitest-environment jsdom
import { screen, within } from "@testing-library/react";
import { GraphQLError } from "graphql";
import { CombinedError } from "urql";
import { describe, expect, it, vi } from "vitest";
import { aCasePage } from "../../test/caseFixture";
import { renderScreen, type Answer } from "../../test/render";
import { CasePage } from "./CasePage";

// The actions have their own tests (and the steps, on the whole page,
// theirs): here a stand-in says when they are shown.
vi.mock("./actions/CaseActions", () => ({
  visibleActions: (allowed: readonly string[]) => allowed.map((action) => ({ action })),
  CaseActions: ({ actions }: { actions: readonly { action: string }[] }) => <p>{`stand-in ${actions.map((a) => a.action).join(",")}`}</p>,
}));

function aCase(overrides: Record<string, unknown> = {}, person: Record<string, unknown> = {}) {
  return aCasePage(
    {
      events: {
        totalCount: 2,
        edges: [
          { node: { id: "evt_1", kind: "REFERRED", occurredAt: "2026-01-10T09:00:00Z", note: null, actor: { id: "usr_1", name: "Anna Operatrice" } } },
          {
            node: {
              id: "evt_2",
              kind: "TAKEN_IN_CHARGE",
              occurredAt: "2026-02-02T09:00:00Z",
              note: "Progetto concordato",
              actor: null,
              assignee: { id: "usr_2", name: "Bruno Referente" },
            },
          },
        ],
      },
      ...overrides,
    },
    person,
  );
}

function setup(answer: Answer) {
  const { queries } = renderScreen(<CasePage />, {
    route: "/cases/:id",
    path: "/cases/cas_1",
    queries: () => answer,
    session: { roles: ["OPERATOR"], tables: [{ id: "tab_1" }] },
  });
  return { queries };
}

describe("the case page", () => {
  it("says the case was not found when the API answers NOT_FOUND (a case of another table)", async () => {
    setup({ data: { node: null }, error: new CombinedError({ graphQLErrors: [new GraphQLError("not found", { path: ["node"], extensions: { code: "NOT_FOUND" } })] }) });
    const box = await screen.findByTestId("case-not-found");
    expect(within(box).getByRole("heading", { level: 1 }).textContent).toBe("Caso non trovato");
    expect(box.textContent).toContain("non esiste oppure non hai accesso");
    expect(screen.queryByRole("heading", { name: "Persona" })).toBeNull();
  });

  it("shows the pseudonym and a note, never the identity, when the API withholds it", async () => {
    setup({ data: { node: aCase() } });
    // The heading names the person by pseudonym.
    expect((await screen.findByRole("heading", { level: 1 })).textContent).toBe("Caso EMP-2026-0042 — P-ABC12345");
    expect(screen.getAllByText("P-ABC12345")).toHaveLength(1); // in the person's section
    expect(screen.queryByTestId("person-other-cases")).toBeNull(); // this case is the person's only one
    expect(screen.getByTestId("identity-hidden").textContent).toBe("Identità non visibile: dati pseudonimizzati.");
    expect(screen.queryByTestId("person-identity")).toBeNull();
    expect(screen.queryByTestId("case-not-found")).toBeNull();
    // No action allowed: no actions region.
    expect(screen.queryByRole("heading", { name: "Azioni" })).toBeNull();
  });

  it("shows the identity when the API returns it", async () => {
    setup({
      data: {
        node: aCase(
          {},
          {
            identity: {
              id: "pid_1",
              firstName: "Maria",
              lastName: "Rossi",
              taxCode: "RSSMRA80A41D403X",
              birthDate: "1980-01-31T23:00:00Z",
              birthPlace: "Empoli",
              email: null,
              phone: "0571 000000",
              address: "Via Roma 1",
              postalCode: "50053",
              city: "Empoli",
            },
          },
        ),
      },
    });
    const identity = await screen.findByTestId("person-identity");
    expect(screen.getByRole("heading", { level: 1 }).textContent).toBe("Caso EMP-2026-0042 — Rossi Maria");
    expect(document.title).not.toContain("Rossi"); // the browser's history keeps titles
    expect(within(identity).getByText("Maria Rossi")).toBeTruthy();
    expect(within(identity).getByText("RSSMRA80A41D403X")).toBeTruthy();
    expect(within(identity).getByText(/1980 — Empoli$/)).toBeTruthy(); // the birthplace follows the birth date
    expect(within(identity).getByText("Via Roma 1, 50053 Empoli")).toBeTruthy();
    expect(screen.queryByTestId("identity-hidden")).toBeNull();
  });

  it("links the person's earlier and later cases", async () => {
    const earlier = { id: "cas_0", code: "EMP-2024-0007", status: "CLOSED", referredOn: "2024-03-01T23:00:00Z", closedOn: "2025-02-01T23:00:00Z", table: { id: "tab_2", name: "Tavolo di Vinci" } };
    const current = { id: "cas_1", code: "EMP-2026-0042", status: "IN_CHARGE", referredOn: "2026-01-09T23:00:00Z", closedOn: null, table: { id: "tab_1", name: "Tavolo di Empoli" } };
    setup({ data: { node: aCase({}, { cases: { totalCount: 2, edges: [{ node: earlier }, { node: current }] } }) } });
    const others = await screen.findByTestId("person-other-cases");
    const items = within(others).getAllByRole("listitem");
    expect(items).toHaveLength(1);
    expect(within(items[0]!).getByRole("link", { name: "EMP-2024-0007" }).getAttribute("href")).toBe("/cases/cas_0");
    expect(items[0]!.textContent).toContain("Tavolo di Vinci");
    expect(items[0]!.textContent).toContain("chiuso il");
    expect(screen.getByRole("heading", { name: "Un altro caso della persona" })).toBeTruthy();
  });

  it("tells the story newest first and marks a late case in words", async () => {
    setup({ data: { node: aCase({ overdue: true, status: "REFERRED" }) } });
    const timeline = await screen.findByTestId("case-timeline");
    const items = within(timeline).getAllByRole("listitem");
    expect(items.map((li) => li.querySelector("strong")?.textContent)).toEqual(["Caso preso in carico; referente: Bruno Referente", "Caso segnalato al tavolo"]);
    expect(within(timeline).getByText("Progetto concordato")).toBeTruthy();
    expect(screen.getAllByText("In ritardo").length).toBeGreaterThan(0);
    expect(screen.getByText(/il primo colloquio era previsto entro il 25\/01\/2026/)).toBeTruthy();
  });

  it("offers the allowed actions, and never shows the version, which means nothing to the user", async () => {
    setup({ data: { node: aCase({ actions: [{ action: "ADD_NOTE", allowed: true, blockedBy: null, blockers: [] }] }) } });
    expect(await screen.findByRole("heading", { level: 2, name: "Azioni" })).toBeTruthy();
    expect(screen.getByText("stand-in ADD_NOTE")).toBeTruthy();
    expect(screen.getByText("Numero del caso")).toBeTruthy();
    expect(screen.queryByText("Versione")).toBeNull();
  });
});
