// @vitest-environment jsdom
import { screen } from "@testing-library/react";
import { describe, expect, it } from "vitest";
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

function renderTable(roles: Role[], coordinates: boolean, member: boolean) {
  renderScreen(<TablePage />, {
    route: "/tables/:id",
    path: "/tables/tab_emp",
    session: { roles, tables: member || coordinates ? [{ id: "tab_emp", name: table.name, coordinates }] : [] },
    queries: answers,
  });
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
});
