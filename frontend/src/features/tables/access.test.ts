import { describe, expect, it } from "vitest";
import type { Role } from "../../session/session";
import { mayAcknowledge, mayManageMembers, mayReadCaseload, type TableViewer } from "./access";

function viewer(roles: Role[], tableIDs: string[] = [], coordinated: string[] = []): TableViewer {
  return { has: (r) => roles.includes(r), tableIDs: [...tableIDs, ...coordinated], coordinatedTableIDs: coordinated };
}

describe("table access", () => {
  it("lets the coordinator of this table and administrators manage members", () => {
    expect(mayManageMembers(viewer(["COORDINATOR", "OPERATOR"], [], ["emp"]), "emp")).toBe(true);
    expect(mayManageMembers(viewer(["ADMIN"]), "emp")).toBe(true);
  });

  it("does not let a coordinator of another table, a member or the committee manage members", () => {
    expect(mayManageMembers(viewer(["COORDINATOR"], [], ["vin"]), "emp")).toBe(false);
    expect(mayManageMembers(viewer(["OPERATOR"], ["emp"]), "emp")).toBe(false);
    expect(mayManageMembers(viewer(["STEERING"]), "emp")).toBe(false);
  });

  it("leaves the acknowledgement of directives to the table's coordinator only", () => {
    expect(mayAcknowledge(viewer(["COORDINATOR"], [], ["emp"]), "emp")).toBe(true);
    expect(mayAcknowledge(viewer(["ADMIN"]), "emp")).toBe(false);
    expect(mayAcknowledge(viewer(["OPERATOR"], ["emp"]), "emp")).toBe(false);
  });

  it("shows the caseload to members, the committee and analysts, not to administrators or other tables", () => {
    expect(mayReadCaseload(viewer(["OPERATOR"], ["emp"]), "emp")).toBe(true);
    expect(mayReadCaseload(viewer(["STEERING"]), "emp")).toBe(true);
    expect(mayReadCaseload(viewer(["ANALYST"]), "emp")).toBe(true);
    expect(mayReadCaseload(viewer(["ADMIN"]), "emp")).toBe(false);
    expect(mayReadCaseload(viewer(["OPERATOR"], ["vin"]), "emp")).toBe(false);
  });
});
