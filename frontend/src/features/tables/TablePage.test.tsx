// @vitest-environment jsdom
import { screen, waitFor, within } from "@testing-library/react";
import userEvent from "@testing-library/user-event";
import { describe, expect, it, vi } from "vitest";
import type { Role } from "../../session/session";
import { renderScreen } from "../../test/render";
import { TablePage } from "./TablePage";

const table = {
  __typename: "Table",
  id: "tab_emp",
  name: "Tavolo territoriale di Empoli",
  code: "EMP",
  daysToFirstMeeting: 30,
  daysToPlan: 60,
  planNeedsApproval: false,
  closureNeedsApproval: true,
  coordinator: { __typename: "User", id: "usr_coord", name: "Coordinatrice Demo" },
  municipalities: { edges: [{ node: { __typename: "Municipality", id: "mun_1", name: "Empoli" } }] },
  members: {
    totalCount: 1,
    edges: [
      {
        node: {
          __typename: "TableMembership",
          id: "tmb_1",
          profession: "SOCIAL_WORKER",
          joinedOn: "2022-12-12T23:00:00Z",
          user: { __typename: "User", id: "usr_op", name: "Lorenzo Querci" },
          organization: { __typename: "Organization", id: "org_1", name: "Comune di Empoli" },
        },
      },
    ],
  },
};

const page = { hasNextPage: false, endCursor: null };
const answers: Record<string, unknown> = {
  TablePage: { node: table },
  TablePageCases: {
    cases: {
      totalCount: 1,
      edges: [{ node: { __typename: "Case", id: "cas_1", code: "EMP-2026-0042", referredOn: "2026-11-20T23:00:00Z", status: "REFERRED", priority: "URGENT", caseManager: null } }],
      pageInfo: page,
    },
  },
  TablePageMeetings: { meetings: { totalCount: 0, edges: [], pageInfo: page } },
  TablePageDirectives: {
    directives: {
      edges: [{ node: { __typename: "Directive", id: "dir_1", title: "Priorità ai nuclei con minori", body: "Testo", issuedOn: "2026-10-01T22:00:00Z", allTables: true, acknowledgements: { edges: [] } } }],
      pageInfo: page,
    },
  },
};

function renderTable(roles: Role[], coordinates: boolean, member: boolean, mutations = vi.fn()) {
  const s = renderScreen(<TablePage />, {
    route: "/tables/:id",
    path: "/tables/tab_emp",
    session: { roles, tables: member || coordinates ? [{ id: "tab_emp", name: table.name, coordinates }] : [] },
    queries: answers,
    mutations,
  });
  return { ...s, mutations };
}

describe("table page", () => {
  it("gives the coordinator member management and the acknowledgement of directives", async () => {
    renderTable(["COORDINATOR", "OPERATOR"], true, true);
    expect(await screen.findByRole("heading", { level: 1, name: table.name })).toBeTruthy();
    expect(screen.getByRole("button", { name: "Aggiungi componente" })).toBeTruthy();
    expect(screen.getByRole("button", { name: "Rimuovi Lorenzo Querci dal tavolo" })).toBeTruthy();
    expect(screen.getByRole("button", { name: /Prendi visione/ })).toBeTruthy();
    expect(screen.getByText("Presa visione: non ancora registrata")).toBeTruthy();
    expect(screen.getByRole("link", { name: "EMP-2026-0042" }).getAttribute("href")).toBe("/cases/cas_1");
    expect(screen.getByText("Primo colloquio entro 30 giorni dalla segnalazione")).toBeTruthy();
  });

  it("shows a member the table without the coordinator's buttons", async () => {
    renderTable(["OPERATOR"], false, true);
    await screen.findByRole("heading", { level: 1, name: table.name });
    expect(screen.queryByRole("button", { name: "Aggiungi componente" })).toBeNull();
    expect(screen.queryByRole("button", { name: /Rimuovi/ })).toBeNull();
    expect(screen.queryByRole("button", { name: /Prendi visione/ })).toBeNull();
    expect(screen.getByRole("link", { name: "EMP-2026-0042" })).toBeTruthy();
  });

  it("tells an administrator outside the table that its cases are not visible, instead of listing none", async () => {
    renderTable(["ADMIN"], false, false);
    await screen.findByRole("heading", { level: 1, name: table.name });
    expect(screen.getByRole("button", { name: "Aggiungi componente" })).toBeTruthy();
    expect(screen.getByText("Non fai parte di questo tavolo: i suoi casi non sono visibili.")).toBeTruthy();
    expect(screen.queryByRole("link", { name: "EMP-2026-0042" })).toBeNull();
  });

  it("says which steps wait for the coordinator's approval, changed by the committee only", async () => {
    renderTable(["COORDINATOR", "OPERATOR"], true, true);
    const section = await screen.findByRole("region", { name: "Approvazioni del coordinatore" });
    expect(within(section).getByTestId("table-approvals").textContent).toContain("Il progetto personalizzato sottoscritto non richiede approvazione.");
    expect(section.textContent).toContain("La chiusura di un caso attende l'approvazione del coordinatore.");
    expect(within(section).queryByRole("button")).toBeNull();
  });

  it("lets the committee change them", async () => {
    const mutations = vi.fn(() => ({ data: { setTableApprovals: { __typename: "Table", id: "tab_emp", planNeedsApproval: true, closureNeedsApproval: true } } }));
    renderTable(["STEERING"], false, false, mutations);
    const user = userEvent.setup();
    const section = await screen.findByRole("region", { name: "Approvazioni del coordinatore" });
    await user.click(within(section).getByRole("button", { name: "Modifica le approvazioni" }));
    const plan = within(section).getByLabelText("Il progetto personalizzato richiede l'approvazione del coordinatore") as HTMLInputElement;
    expect(plan.checked).toBe(false);
    expect((within(section).getByLabelText("La chiusura di un caso richiede l'approvazione del coordinatore") as HTMLInputElement).checked).toBe(true);
    await user.click(plan);
    await user.click(within(section).getByRole("button", { name: "Salva" }));
    await waitFor(() => expect(mutations).toHaveBeenCalledWith("TablePageSetApprovals", { id: "tab_emp", plan: true, closure: true }));
    expect(await within(section).findByText("Approvazioni salvate: valgono per le prossime proposte.")).toBeTruthy();
  });
});
