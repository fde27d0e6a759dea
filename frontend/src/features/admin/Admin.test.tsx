// @vitest-environment jsdom
import { screen } from "@testing-library/react";
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
];

function renderAdmin(roles: Role[], path: string) {
  const { queries } = renderScreen(<Admin />, {
    route: "/admin/*",
    path,
    session: { id: "usr_1", roles },
    queries: () => ({ data: { auditEvents: { totalCount: 1, edges: [{ node: events[0] }], pageInfo: { hasNextPage: false, endCursor: null } }, users: { edges: [] } } }),
  });
  return queries;
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
});
