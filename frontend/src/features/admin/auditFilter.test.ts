import { describe, expect, it } from "vitest";
import { enumValues } from "../../ui/enums";
import { filterFromParams, filterToParams, filterToWhere, identityReadActions } from "./auditFilter";
import { auditObjectPath, linkedObjectTypes } from "./auditObjects";
import { usersFilterFromParams, usersWhere, matchesRole } from "./usersFilter";

describe("audit filter in the URL", () => {
  it("reads the known parameters, skipping empty ones and malformed days", () => {
    const p = new URLSearchParams("from=2026-11-01&to=1%2F12%2F2026&action=LOGIN&actor=usr_1&entityType=&entityID=ses_9&other=x");
    expect(filterFromParams(p)).toEqual({ from: "2026-11-01", action: "LOGIN", actor: "usr_1", entityID: "ses_9" });
  });
  it("writes only the values set, and reads back the same filter", () => {
    const f = { from: "2026-03-01", to: "2026-03-31", action: "READ_IDENTITY", entityType: "PersonIdentity" };
    const params = filterToParams({ ...f, actor: "", entityID: "  " });
    expect(params.toString()).toBe("from=2026-03-01&to=2026-03-31&action=READ_IDENTITY&entityType=PersonIdentity");
    expect(filterFromParams(params)).toEqual(f);
  });
  it("keeps the identity reads toggle as identityReads=1, and reads nothing else as on", () => {
    expect(filterToParams({ identityReads: "1" }).toString()).toBe("identityReads=1");
    expect(filterToParams({}).toString()).toBe("");
    expect(filterFromParams(new URLSearchParams("identityReads=1"))).toEqual({ identityReads: "1" });
    expect(filterFromParams(new URLSearchParams("identityReads=true&identityReads=0"))).toEqual({});
    expect(filterFromParams(new URLSearchParams("identityReads=0"))).toEqual({});
  });
});

describe("audit filter to the API's where", () => {
  it("leaves out identity reads without filters", () => {
    expect(filterToWhere({})).toEqual({ actionNotIn: ["READ_IDENTITY", "MATCH_PERSON"] });
  });
  it("lists identity reads when asked to, or when one is the action chosen", () => {
    expect(filterToWhere({ identityReads: "1" })).toEqual({});
    expect(filterToWhere({ action: "READ_IDENTITY" })).toEqual({ action: "READ_IDENTITY" });
    expect(filterToWhere({ action: "LOGIN", identityReads: "1" })).toEqual({ action: "LOGIN" });
    expect(filterToWhere({ entityType: "PersonIdentity" })).toEqual({ entityType: "PersonIdentity", actionNotIn: ["READ_IDENTITY", "MATCH_PERSON"] });
  });
  it("takes whole days in Italian time, the last day included", () => {
    // 29 March 2026: clocks go forward; midnight is 23:00 UTC before, 22:00 UTC after.
    expect(filterToWhere({ from: "2026-03-29", to: "2026-03-29", identityReads: "1" })).toEqual({
      occurredAtGTE: "2026-03-28T23:00:00.000Z",
      occurredAtLT: "2026-03-29T22:00:00.000Z",
    });
  });
  it("matches action, actor, entity type and ID exactly", () => {
    expect(filterToWhere({ action: "LOGIN", actor: "usr_1", entityType: "Session", entityID: "ses_9" })).toEqual({
      action: "LOGIN",
      hasActorWith: [{ id: "usr_1" }],
      entityType: "Session",
      entityID: "ses_9",
    });
  });
});

describe("audit vocabulary", () => {
  it("hides only actions the server records", () => {
    const actions = enumValues("AuditAction");
    expect(actions).toContain("LOGIN");
    expect(identityReadActions.filter((a) => !actions.includes(a))).toEqual([]);
  });
  it("links only object types the server records", () => {
    const types = enumValues("AuditEntityType");
    expect(types).toContain("Case");
    expect(linkedObjectTypes.filter((t) => !types.includes(t))).toEqual([]);
  });
});

describe("audit object links", () => {
  it("link a case, a table, a protocol and a user to their pages", () => {
    expect(auditObjectPath("Case", "cas_1")).toBe("/cases/cas_1");
    expect(auditObjectPath("Table", "tbl_1")).toBe("/tables/tbl_1");
    expect(auditObjectPath("Protocol", "prt_1")).toBe("/protocols/prt_1");
    expect(auditObjectPath("User", "usr_1")).toBe("/admin/users/usr_1");
  });
  it("leave as text what has no page of its own: identities, persons, parts of a case, unknown types", () => {
    for (const type of ["PersonIdentity", "Person", "Goal", "Session", "Login", "constructor", "toString", "CaseFile"]) {
      expect(auditObjectPath(type, "x_1"), type).toBeNull();
    }
  });
  it("link nothing without an ID, and keep the ID within the path", () => {
    expect(auditObjectPath("Case", null)).toBeNull();
    expect(auditObjectPath(null, "cas_1")).toBeNull();
    expect(auditObjectPath("Case", "../admin/users")).toBe("/cases/..%2Fadmin%2Fusers");
  });
});

describe("users filter", () => {
  it("searches name or e-mail and filters by organisation; role is left to the rows", () => {
    const f = usersFilterFromParams(new URLSearchParams("q=rossi&role=OPERATOR&org=org_1"));
    expect(usersWhere(f)).toEqual({ or: [{ nameContainsFold: "rossi" }, { emailContainsFold: "rossi" }], hasOrganizationWith: [{ id: "org_1" }] });
    expect(matchesRole({ roles: ["COORDINATOR", "OPERATOR"] }, f.role)).toBe(true);
    expect(matchesRole({ roles: ["ANALYST"] }, f.role)).toBe(false);
    expect(matchesRole({ roles: [] }, undefined)).toBe(true);
  });
});
