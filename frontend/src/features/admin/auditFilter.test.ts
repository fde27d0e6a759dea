import { describe, expect, it } from "vitest";
import { filterFromParams, filterToParams, filterToWhere } from "./auditFilter";
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
});

describe("audit filter to the API's where", () => {
  it("is empty without filters", () => {
    expect(filterToWhere({})).toEqual({});
  });
  it("takes whole days in Italian time, the last day included", () => {
    // 29 March 2026: clocks go forward; midnight is 23:00 UTC before, 22:00 UTC after.
    expect(filterToWhere({ from: "2026-03-29", to: "2026-03-29" })).toEqual({
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

describe("users filter", () => {
  it("searches name or e-mail and filters by organisation; role is left to the rows", () => {
    const f = usersFilterFromParams(new URLSearchParams("q=rossi&role=OPERATOR&org=org_1"));
    expect(usersWhere(f)).toEqual({ or: [{ nameContainsFold: "rossi" }, { emailContainsFold: "rossi" }], hasOrganizationWith: [{ id: "org_1" }] });
    expect(matchesRole({ roles: ["COORDINATOR", "OPERATOR"] }, f.role)).toBe(true);
    expect(matchesRole({ roles: ["ANALYST"] }, f.role)).toBe(false);
    expect(matchesRole({ roles: [] }, undefined)).toBe(true);
  });
});
