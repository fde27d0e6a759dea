import { describe, expect, it } from "vitest";
import type { Role } from "../../session/session";
import { fulfilSchema, mayAttachEvidence, maySettleCommitment, protocolActions, protocolSchema, statusWhere, type ProtocolViewer } from "./model";

const viewer = (roles: Role[], organizationID = "org-comune"): ProtocolViewer => ({ has: (r) => roles.includes(r), organizationID });

describe("protocol actions", () => {
  it("offers activation of a draft with parties to the committee, and asks for a party first otherwise", () => {
    expect(protocolActions(viewer(["STEERING"]), "DRAFT", 2)).toMatchObject({ activate: true, activateNeedsParty: false, terminate: false, addParty: true, addCommitment: true });
    expect(protocolActions(viewer(["ADMIN"]), "DRAFT", 0)).toMatchObject({ activate: false, activateNeedsParty: true, addCommitment: false });
  });

  it("lets the committee terminate an active protocol but changes nothing on an expired or terminated one", () => {
    expect(protocolActions(viewer(["STEERING"]), "ACTIVE", 3).terminate).toBe(true);
    const expired = protocolActions(viewer(["STEERING"]), "EXPIRED", 3);
    expect(Object.values(expired).some(Boolean)).toBe(false);
    expect(protocolActions(viewer(["STEERING"]), "TERMINATED", 3).addParty).toBe(false);
  });

  it("offers no protocol action to operators and coordinators", () => {
    expect(Object.values(protocolActions(viewer(["OPERATOR", "COORDINATOR"]), "ACTIVE", 3)).some(Boolean)).toBe(false);
  });
});

describe("settling a commitment", () => {
  it("is for the committee, administrators and the owner organisation, while pending", () => {
    expect(maySettleCommitment(viewer(["STEERING"], "org-x"), { currentStatus: "OPEN", ownerID: "org-comune" })).toBe(true);
    expect(maySettleCommitment(viewer(["OPERATOR"], "org-comune"), { currentStatus: "LATE", ownerID: "org-comune" })).toBe(true);
    expect(maySettleCommitment(viewer(["OPERATOR"], "org-caritas"), { currentStatus: "OPEN", ownerID: "org-comune" })).toBe(false);
    expect(maySettleCommitment(viewer(["ADMIN"]), { currentStatus: "DONE", ownerID: "org-comune" })).toBe(false);
    expect(maySettleCommitment(viewer(["OPERATOR"], "org-comune"), { currentStatus: "DROPPED", ownerID: "org-comune" })).toBe(false);
  });

  it("takes documents of evidence from the committee, administrators and the owner organisation, whatever its status", () => {
    expect(mayAttachEvidence(viewer(["STEERING"], "org-x"), "org-comune")).toBe(true);
    expect(mayAttachEvidence(viewer(["ADMIN"], "org-x"), "org-comune")).toBe(true);
    expect(mayAttachEvidence(viewer(["OPERATOR"], "org-comune"), "org-comune")).toBe(true);
    expect(mayAttachEvidence(viewer(["COORDINATOR"], "org-caritas"), "org-comune")).toBe(false);
  });

  it("needs evidence to record a fulfilment", () => {
    const r = fulfilSchema.safeParse({ doneOn: "2026-03-01", evidence: "   " });
    expect(r.success).toBe(false);
    expect(r.error?.issues[0]?.message).toBe("protocols.error.evidenceRequired");
    expect(fulfilSchema.safeParse({ doneOn: "2026-03-01", evidence: "Verbale n. 12" }).success).toBe(true);
  });
});

describe("status filter", () => {
  const today = "2026-03-09T23:00:00.000Z";
  it("counts an active protocol past its last day as expired, not active", () => {
    expect(statusWhere("ACTIVE", today)).toEqual({ status: "ACTIVE", or: [{ validUntilIsNil: true }, { validUntilGTE: today }] });
    expect(statusWhere("EXPIRED", today)).toEqual({ or: [{ status: "EXPIRED" }, { status: "ACTIVE", validUntilLT: today }] });
    expect(statusWhere("DRAFT", today)).toEqual({ status: "DRAFT" });
    expect(statusWhere("", today)).toBeUndefined();
  });
});

describe("protocol form", () => {
  it("refuses a validity that ends before it starts", () => {
    const r = protocolSchema.safeParse({ title: "Protocollo", purpose: "", validFrom: "2026-05-01", validUntil: "2026-04-30" });
    expect(r.success).toBe(false);
    expect(r.error?.issues[0]?.path).toEqual(["validUntil"]);
    expect(protocolSchema.safeParse({ title: "Protocollo", purpose: "", validFrom: "", validUntil: "" }).success).toBe(true);
  });
});
