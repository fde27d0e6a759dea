// @vitest-environment jsdom
import { fireEvent, screen, within } from "@testing-library/react";
import { describe, expect, it } from "vitest";
import type { Role } from "../../session/session";
import { renderScreen } from "../../test/render";
import { Admin } from "./Admin";

const events = [
  {
    __typename: "AuditEvent",
    id: "aud_1",
    occurredAt: "2026-11-25T09:59:40Z",
    action: "READ_IDENTITY",
    entityType: "PersonIdentity",
    entityID: "pid_42",
    requestID: "req_abc",
    clientAddress: "10.0.0.7",
    actor: { __typename: "User", id: "usr_7", name: "Rossi Maria", email: "m.rossi@example.it" },
    organization: { __typename: "Organization", id: "org_1", name: "Comune di Empoli" },
  },
  {
    __typename: "AuditEvent",
    id: "aud_2",
    occurredAt: "2026-11-25T09:58:00Z",
    action: "TAKE_CHARGE",
    entityType: "Case",
    entityID: "cas_9",
    requestID: "req_def",
    clientAddress: null,
    actor: { __typename: "User", id: "usr_7", name: "Rossi Maria", email: "m.rossi@example.it" },
    organization: { __typename: "Organization", id: "org_1", name: "Comune di Empoli" },
  },
  {
    __typename: "AuditEvent",
    id: "aud_3",
    occurredAt: "2026-11-25T09:57:00Z",
    action: "OLD_ACTION",
    entityType: "OldType",
    entityID: "old_1",
    requestID: null,
    clientAddress: null,
    actor: null,
    organization: null,
  },
];

function renderAdmin(roles: Role[], path: string, shown = events.slice(0, 1)) {
  const { queries, router } = renderScreen(<Admin />, {
    route: "/admin/*",
    path,
    session: { id: "usr_1", roles },
    queries: () => ({
      data: {
        auditEvents: { totalCount: shown.length, edges: shown.map((node) => ({ node })), pageInfo: { hasNextPage: false, endCursor: null } },
        users: { edges: [] },
      },
    }),
  });
  return Object.assign(queries, { router });
}

/** The where of the last page of the log asked for. */
function lastWhere(queries: { variables: Record<string, unknown> }[]) {
  return queries.filter((q) => "where" in q.variables && q.variables.first === 50).at(-1)?.variables.where;
}

describe("administration", () => {
  it("tells whoever is not an administrator that it is not for them, and asks nothing", () => {
    const queries = renderAdmin(["OPERATOR", "COORDINATOR"], "/admin/users");
    expect(screen.getByRole("heading", { level: 1 }).textContent).toBe("Amministrazione");
    expect(screen.getByRole("alert").textContent).toContain("riservata agli amministratori");
    expect(queries).toHaveLength(0);
  });

  it("shows the audit log filtered as the URL says, newest first", async () => {
    const queries = renderAdmin(["ADMIN"], "/admin/audit?action=READ_IDENTITY&from=2026-11-01");
    expect(await screen.findByRole("cell", { name: /Lettura dei dati identificativi/ })).toBeTruthy();
    expect(screen.getByRole("heading", { level: 1 }).textContent).toBe("Registro degli accessi");
    expect(screen.getByRole("cell", { name: "req_abc 10.0.0.7" })).toBeTruthy();
    const audit = queries.find((q) => "where" in q.variables && q.variables.first === 50);
    expect(audit?.variables.where).toEqual({ action: "READ_IDENTITY", occurredAtGTE: "2026-10-31T23:00:00.000Z" });
    expect((screen.getByLabelText("Azione") as HTMLSelectElement).value).toBe("READ_IDENTITY");
  });

  it("labels actions and object types in Italian, links the objects that have a page and shows the others as text", async () => {
    renderAdmin(["ADMIN"], "/admin/audit?identityReads=1", events);
    const rows = await screen.findAllByRole("row");
    const [read, takeCharge, old] = rows.slice(1).map((r) => within(r));
    expect(read?.getByRole("cell", { name: /^Lettura dei dati identificativi/ })).toBeTruthy();
    expect(read?.getByRole("cell", { name: "Dati identificativi" })).toBeTruthy();
    expect(read?.queryByRole("link", { name: "pid_42" })).toBeNull();
    expect(read?.getByText("pid_42")).toBeTruthy();
    expect(takeCharge?.getByRole("cell", { name: /^Presa in carico/ })).toBeTruthy();
    expect(takeCharge?.getByRole("cell", { name: "Caso" })).toBeTruthy();
    expect(takeCharge?.getByRole("link", { name: "cas_9" }).getAttribute("href")).toBe("/cases/cas_9");
    // An event of an older version: its action and type as recorded.
    expect(old?.getByRole("cell", { name: "OLD_ACTION OLD_ACTION" })).toBeTruthy();
    expect(old?.getByRole("cell", { name: "OldType" })).toBeTruthy();
    expect(old?.queryByRole("link", { name: "old_1" })).toBeNull();
  });

  it("offers every action and object type by label, and hides identity reads until asked", async () => {
    const screenQueries = renderAdmin(["ADMIN"], "/admin/audit");
    await screen.findByRole("table");
    expect(lastWhere(screenQueries)).toEqual({ actionNotIn: ["READ_IDENTITY", "MATCH_PERSON"] });
    expect(screen.getByText(/Le letture dei dati identificativi non sono mostrate/)).toBeTruthy();
    const action = screen.getByLabelText("Azione") as HTMLSelectElement;
    expect(within(action).getByRole("option", { name: "Presa in carico" })).toBeTruthy();
    expect(within(action).getByRole("option", { name: "Token API creato" })).toBeTruthy();
    const type = screen.getByLabelText("Tipo di oggetto") as HTMLSelectElement;
    expect(type.tagName).toBe("SELECT");
    fireEvent.change(type, { target: { value: "Case" } });
    const toggle = screen.getByLabelText("Mostra le letture dei dati identificativi") as HTMLInputElement;
    expect(toggle.checked).toBe(false);
    fireEvent.click(toggle);
    fireEvent.click(screen.getByRole("button", { name: "Applica filtri" }));
    await screen.findByRole("table");
    expect(screenQueries.router.state.location.search).toBe("?entityType=Case&identityReads=1");
    expect(lastWhere(screenQueries)).toEqual({ entityType: "Case" });
    expect((screen.getByLabelText("Mostra le letture dei dati identificativi") as HTMLInputElement).checked).toBe(true);
  });
});
