import { z } from "zod";
import type { ServiceRequestCompletionReason, ServiceRequestDeclineReason } from "../../gql/graphql";

// The rules of an organisation's answers to a service request, as the
// server checks them: a planned start to accept; a reason from the list
// to decline, or to record how the service ended, and with OTHER a note
// that says what it was. Messages are catalogue ids.

const day = /^\d{4}-\d{2}-\d{2}$/;
const note = z.string().trim();

/** A note is required with the reason OTHER. */
function noteForOther(v: { reason: string; note: string }, ctx: z.RefinementCtx) {
  if (v.reason === "OTHER" && !v.note) {
    ctx.addIssue({ code: "custom", path: ["note"], message: "agenda.error.noteForOther" });
  }
}

export const acceptSchema = z.object({
  plannedStart: z.string().regex(day, "agenda.error.dateRequired"),
  note,
});

export const declineSchema = z
  .object({
    reason: z.string().min(1, "agenda.error.declineReasonRequired"),
    note,
  })
  .superRefine(noteForOther)
  .transform((v) => ({ reason: v.reason as ServiceRequestDeclineReason, note: v.note || null }));

export const completeSchema = z
  .object({
    successful: z.enum(["yes", "no"], "agenda.error.successfulRequired"),
    reason: z.string().min(1, "agenda.error.completionReasonRequired"),
    note,
    completedOn: z.string().regex(day, "agenda.error.dateRequired"),
  })
  .superRefine(noteForOther)
  .transform((v) => ({
    successful: v.successful === "yes",
    reason: v.reason as ServiceRequestCompletionReason,
    note: v.note || null,
    completedOn: v.completedOn,
  }));
