import { describe, expect, it } from "vitest";
import type { Role } from "../../session/session";
import { activateSchemaFor, fulfilSchema, lastSignature, mayAttachEvidence, maySettleCommitment, protocolActions, protocolSchema, signatureSchema, statusWhere, type ProtocolViewer } from "./model";

const viewer = (roles: Role[], organizationID = "org-comune"): ProtocolViewer => ({ has: (r) => roles.includes(r), organizationID });

const signed = (signedOn: string) => ({ signedOn });
const unsigned = { signedOn: null };
const three = [signed("2026-02-01"), signed("2026-02-03"), signed("2026-01-20")];

describe("protocol actions", () => {
  it("offers the committee the activation of a draft every party of which, two at least, signed", () => {
    expect(protocolActions(viewer(["STEERING"]), "DRAFT", three)).toMatchObject({ activate: true, activateBlocked: null, terminate: false, addParty: true, sign: true, addCommitment: true });
  });

  it("shows the activation blocked, with the reason, while parties or signatures are missing", () => {
    expect(protocolActions(viewer(["ADMIN"]), "DRAFT", [])).toMatchObject({ activate: true, activateBlocked: "parties", addCommitment: false });
    expect(protocolActions(viewer(["ADMIN"]), "DRAFT", [signed("2026-02-01")]).activateBlocked).toBe("parties");
    expect(protocolActions(viewer(["STEERING"]), "DRAFT", [signed("2026-02-01"), unsigned]).activateBlocked).toBe("signatures");
    // Not the committee's to activate: no control, no reason either.
    expect(protocolActions(viewer(["OPERATOR"]), "DRAFT", [unsigned]).activateBlocked).toBeNull();
  });

  it("lets the committee terminate an active protocol but changes nothing on an expired or terminated one", () => {
    expect(protocolActions(viewer(["STEERING"]), "ACTIVE", three).terminate).toBe(true);
    expect(protocolActions(viewer(["STEERING"]), "ACTIVE", three).activate).toBe(false);
    const expired = protocolActions(viewer(["STEERING"]), "EXPIRED", three);
    expect(Object.values(expired).some(Boolean)).toBe(false);
    expect(protocolActions(viewer(["STEERING"]), "TERMINATED", three).addParty).toBe(false);
    expect(protocolActions(viewer(["STEERING"]), "TERMINATED", [unsigned]).sign).toBe(false);
  });

  it("offers no protocol action to operators and coordinators", () => {
    expect(Object.values(protocolActions(viewer(["OPERATOR", "COORDINATOR"]), "ACTIVE", [unsigned])).some(Boolean)).toBe(false);
  });
});

describe("signatures", () => {
  it("date the protocol no earlier than the last party's signature", () => {
    expect(lastSignature(three)).toBe("2026-02-03");
    expect(lastSignature([unsigned])).toBeUndefined();
    const schema = activateSchemaFor("2026-02-03");
    const early = schema.safeParse({ signedOn: "2026-02-02", validFrom: "", validUntil: "" });
    expect(early.error?.issues.map((i) => [i.path, i.message])).toEqual([[["signedOn"], "protocols.error.signedBeforeParties"]]);
    expect(schema.safeParse({ signedOn: "2026-02-03", validFrom: "", validUntil: "" }).success).toBe(true);
  });

  it("need the signer's name and a day not in the future", () => {
    expect(signatureSchema.safeParse({ signedOn: "2026-01-10", signerName: "Anna Rossi", signerRole: "" }).success).toBe(true);
    expect(signatureSchema.safeParse({ signedOn: "2026-01-10", signerName: "  ", signerRole: "Sindaca" }).error?.issues[0]?.message).toBe("protocols.error.signerRequired");
    expect(signatureSchema.safeParse({ signedOn: "2999-01-01", signerName: "Anna Rossi", signerRole: "" }).error?.issues[0]?.message).toBe("protocols.error.signedInFuture");
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
