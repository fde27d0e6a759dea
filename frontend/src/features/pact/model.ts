import { z } from "zod";
import { isDay } from "../../i18n/calendar";

// The pact screen's rules and forms, apart from the components so they
// can be tested on their own.

/** Bodies that may sign: those not taking part in the pact now (the API takes a body once at a time). */
export function unsignedBodies<O extends { value: string }>(all: O[], signatories: { leftOn?: string | null; organization: { id: string } }[]): O[] {
  const current = new Set(signatories.filter((s) => !s.leftOn).map((s) => s.organization.id));
  return all.filter((o) => !current.has(o.value));
}

/** Bodies that may take a seat in the committee: those holding none now (the API refuses a second one). */
export function unseatedBodies<O extends { value: string }>(all: O[], seats: { untilOn?: string | null; organization: { id: string } }[]): O[] {
  const seated = new Set(seats.filter((s) => !s.untilOn).map((s) => s.organization.id));
  return all.filter((o) => !seated.has(o.value));
}

/** Amendments newest first (the API gives them oldest first). */
export function newestFirst<A extends { amendedOn: string; recordedAt: string }>(amendments: A[]): A[] {
  return [...amendments].sort((a, b) => b.amendedOn.localeCompare(a.amendedOn) || b.recordedAt.localeCompare(a.recordedAt));
}

export const signatorySchema = z.object({
  organizationID: z.string().min(1, "pact.error.organizationRequired"),
  role: z.enum(["PROMOTER", "ADHERENT"], { message: "pact.error.roleRequired" }),
  joinedOn: z.string().refine(isDay, "pact.error.dateRequired"),
  signerName: z.string().trim().min(1, "pact.error.signerRequired"),
  signerRole: z.string(),
});
export type SignatoryValues = z.infer<typeof signatorySchema>;

export const committeeRoles = ["CHAIR", "VICE_CHAIR", "MEMBER", "SECRETARY", "TECHNICAL_SUPPORT"] as const;

/** A seat: the body, its role, its representative if named, and a first day not in the future (the API refuses one). */
export function seatSchema(today: string) {
  return z.object({
    organizationID: z.string().min(1, "pact.error.organizationRequired"),
    role: z.enum(committeeRoles, { message: "pact.error.roleRequired" }),
    representativeID: z.string(),
    fromOn: z
      .string()
      .refine(isDay, "pact.error.dateRequired")
      .refine((d) => d <= today, "pact.error.notFuture"),
  });
}
export type SeatValues = z.infer<ReturnType<typeof seatSchema>>;

export const leaveSchema = z.object({
  leftOn: z.string().refine(isDay, "pact.error.dateRequired"),
  reason: z.string().trim().min(1, "pact.error.reasonRequired"),
});
export type LeaveValues = z.infer<typeof leaveSchema>;

export const amendmentSchema = z.object({
  amendedOn: z.string().refine(isDay, "pact.error.dateRequired"),
  summary: z.string().trim().min(1, "pact.error.summaryRequired"),
  changeText: z.boolean(),
  text: z.string(),
});
export type AmendmentValues = z.infer<typeof amendmentSchema>;

/** The new text travels only when asked for and different from the one in force. */
export function amendmentText(v: Pick<AmendmentValues, "changeText" | "text">, current: string | null | undefined): string | undefined {
  if (!v.changeText) {
    return undefined;
  }
  const text = v.text.trim();
  return text === (current ?? "").trim() ? undefined : text;
}
