// @vitest-environment jsdom
import { cleanup, render, screen } from "@testing-library/react";
import type { DocumentNode } from "graphql";
import { createMemoryRouter, RouterProvider } from "react-router";
import { Provider, type Client } from "urql";
import { afterEach, describe, expect, it } from "vitest";
import { fromValue, never } from "wonka";
import { LocaleProvider } from "../../i18n/LocaleProvider";
import { SessionContext, sessionOf, type Role, type Viewer } from "../../session/session";
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

function operationName(doc: DocumentNode): string {
  const op = doc.definitions.find((d) => d.kind === "OperationDefinition");
  return op?.kind === "OperationDefinition" ? (op.name?.value ?? "") : "";
}

function renderTable(roles: Role[], coordinates: boolean, member: boolean) {
  const memberships = member || coordinates ? [{ node: { id: "m", profession: "OTHER", table: { id: "tab_emp", name: table.name, coordinator: { id: coordinates ? "usr_me" : "usr_coord" } } } }] : [];
  const viewer = { id: "usr_me", name: "Test", email: "t@example.it", roles, organization: { id: "org_1", name: "Ente" }, memberships: { edges: memberships } } as unknown as Viewer;
  const client = {
    executeQuery: (op: { query: DocumentNode }) => fromValue({ operation: op, data: answers[operationName(op.query)] }),
    executeMutation: () => never,
    executeSubscription: () => never,
  } as unknown as Client;
  const router = createMemoryRouter([{ path: "/tables/:id", element: <TablePage /> }], { initialEntries: ["/tables/tab_emp"] });
  render(
    <Provider value={client}>
      <LocaleProvider locale="it">
        <SessionContext.Provider value={sessionOf(viewer)}>
          <RouterProvider router={router} />
        </SessionContext.Provider>
      </LocaleProvider>
    </Provider>,
  );
}

afterEach(cleanup);

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
