import { z } from "zod";
import type { ProtocolCommitmentStatus, ProtocolStatus, ProtocolWhereInput } from "../../gql/graphql";
import { today } from "../../i18n/format";
import { governs, type Role } from "../../session/session";

// Who may do what on protocols (the API decides; these choose the buttons),
// the list's status filter as the API's where, and the forms' schemas.

export interface ProtocolViewer {
  has: (role: Role) => boolean;
  /** The organisation the viewer works for. */
  organizationID: string;
}

/** The steering committee and administrators manage protocols. */
export function mayManageProtocols(viewer: ProtocolViewer): boolean {
  return governs(viewer);
}

/** The parties a protocol needs before it is activated (domain.MinProtocolParties on the server). */
export const MIN_PARTIES = 2;

/** Why a draft cannot be activated yet: too few parties, or some has not signed. */
export type ActivationBlock = "parties" | "signatures" | null;

/** What the actions need of a party: whether it signed. */
export interface SignedParty {
  signedOn?: string | null;
}

/** The actions a protocol offers the viewer, given its status today and its parties. */
export function protocolActions(viewer: ProtocolViewer, currentStatus: ProtocolStatus, parties: readonly SignedParty[]) {
  const manage = mayManageProtocols(viewer);
  const open = currentStatus === "DRAFT" || currentStatus === "ACTIVE";
  const draft = manage && currentStatus === "DRAFT";
  const blocked: ActivationBlock = parties.length < MIN_PARTIES ? "parties" : parties.some((p) => !p.signedOn) ? "signatures" : null;
  return {
    /** The activation control, shown disabled with the reason while blocked. */
    activate: draft,
    activateBlocked: draft ? blocked : null,
    terminate: manage && currentStatus === "ACTIVE",
    addParty: manage && open,
    /** Parties sign a draft or an active protocol, once each. */
    sign: manage && open,
    addCommitment: manage && open && parties.length > 0,
  };
}

/** The day the last party signed (YYYY-MM-DD), before which the protocol cannot be signed. */
export function lastSignature(parties: readonly SignedParty[]): string | undefined {
  return parties.reduce<string | undefined>((last, p) => (p.signedOn && (!last || p.signedOn > last) ? p.signedOn : last), undefined);
}

/** A commitment still to be settled: open, or open past its due date. */
export function isPending(status: ProtocolCommitmentStatus): boolean {
  return status === "OPEN" || status === "LATE";
}

/**
 * Whether the viewer may record a pending commitment as fulfilled or
 * dropped: the committee, administrators, and users of the organisation
 * that owns it.
 */
export function maySettleCommitment(viewer: ProtocolViewer, commitment: { currentStatus: ProtocolCommitmentStatus; ownerID: string }): boolean {
  return isPending(commitment.currentStatus) && (mayManageProtocols(viewer) || viewer.organizationID === commitment.ownerID);
}

/**
 * Whether the viewer attaches and removes a commitment's documents
 * (evidence of it): the committee, administrators, and users of the
 * organisation that owns it, whatever its status.
 */
export function mayAttachEvidence(viewer: ProtocolViewer, ownerID: string): boolean {
  return mayManageProtocols(viewer) || viewer.organizationID === ownerID;
}

/** The values of the list's status filter ("" for all). */
export const statusFilters = ["", "DRAFT", "ACTIVE", "EXPIRED", "TERMINATED"] as const;
export type StatusFilter = (typeof statusFilters)[number];

export function isStatusFilter(v: string | null): v is StatusFilter {
  return v !== null && (statusFilters as readonly string[]).includes(v);
}

/**
 * The where of a status filter on the status today: a protocol ACTIVE in
 * the database but past its last day is EXPIRED, not ACTIVE. todayMidnight
 * is today's midnight in Rome, as the API's times.
 */
export function statusWhere(filter: StatusFilter, todayMidnight: string): ProtocolWhereInput | undefined {
  switch (filter) {
    case "":
      return undefined;
    case "ACTIVE":
      return { status: "ACTIVE", or: [{ validUntilIsNil: true }, { validUntilGTE: todayMidnight }] };
    case "EXPIRED":
      return { or: [{ status: "EXPIRED" }, { status: "ACTIVE", validUntilLT: todayMidnight }] };
    default:
      return { status: filter };
  }
}

const day = /^\d{4}-\d{2}-\d{2}$/;
const optionalDay = z.string().refine((v) => v === "" || day.test(v), "protocols.error.date");

/** A new protocol, created as a draft. */
export const protocolSchema = z
  .object({
    title: z.string().trim().min(1, "protocols.error.titleRequired"),
    purpose: z.string(),
    validFrom: optionalDay,
    validUntil: optionalDay,
  })
  .refine((v) => !v.validFrom || !v.validUntil || v.validUntil >= v.validFrom, { message: "protocols.error.untilBeforeFrom", path: ["validUntil"] });
export type ProtocolValues = z.infer<typeof protocolSchema>;

/** Bringing a draft into force: not signed before its last party signed. */
export function activateSchemaFor(lastSigned: string | undefined) {
  return z
    .object({
      signedOn: z.string().regex(day, "protocols.error.signedOnRequired"),
      validFrom: optionalDay,
      validUntil: optionalDay,
    })
    .refine((v) => !lastSigned || v.signedOn >= lastSigned, { message: "protocols.error.signedBeforeParties", path: ["signedOn"] })
    .refine((v) => !v.validUntil || v.validUntil >= (v.validFrom || v.signedOn), { message: "protocols.error.untilBeforeFrom", path: ["validUntil"] });
}
export type ActivateValues = z.infer<ReturnType<typeof activateSchemaFor>>;

/** A party's signature: its day, not in the future (Italian time, as the server's), and who signed. */
export const signatureSchema = z.object({
  signedOn: z
    .string()
    .regex(day, "protocols.error.signedOnRequired")
    .refine((d) => d <= today(), "protocols.error.signedInFuture"),
  signerName: z.string().trim().min(1, "protocols.error.signerRequired"),
  signerRole: z.string(),
});
export type SignatureValues = z.infer<typeof signatureSchema>;

export const partySchema = z.object({
  organizationID: z.string().min(1, "protocols.error.organizationRequired"),
  role: z.string().min(1, "protocols.error.roleRequired"),
  operatingMode: z.string(),
});
export type PartyValues = z.infer<typeof partySchema>;

export const commitmentSchema = z.object({
  partyID: z.string().min(1, "protocols.error.partyRequired"),
  description: z.string().trim().min(1, "protocols.error.descriptionRequired"),
  dueOn: optionalDay,
});
export type CommitmentValues = z.infer<typeof commitmentSchema>;

/** Fulfilment needs evidence of it. */
export const fulfilSchema = z.object({
  doneOn: z.string().regex(day, "protocols.error.doneOnRequired"),
  evidence: z.string().trim().min(1, "protocols.error.evidenceRequired"),
});
export type FulfilValues = z.infer<typeof fulfilSchema>;

export const dropSchema = z.object({
  reason: z.string().trim().min(1, "protocols.error.reasonRequired"),
});
export type DropValues = z.infer<typeof dropSchema>;
