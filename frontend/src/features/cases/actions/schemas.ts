import { z } from "zod";
import { today } from "../../../i18n/format";
import type {
  CaseClosureReason,
  CommitmentKind,
  ContactDatum,
  GoalStatus,
  InterventionKind,
  InterventionStatus,
  NeedArea,
  NeedLevel,
  OutcomeKind,
  OutcomeValueDimension,
} from "../../../gql/graphql";

// The forms' rules and their conversion to the API's inputs: form values
// are the inputs' strings; each schema checks them (messages are
// catalogue ids that say what to fix) and turns them into the mutation's
// input (dates at midnight in Italy, euros in cents).

const day = /^\d{4}-\d{2}-\d{2}$/;

const text = (message: string) => z.string().trim().min(1, message);
const optText = z
  .string()
  .trim()
  .transform((s) => s || undefined);
const date = (message: string) =>
  z
    .string()
    .min(1, message)
    .regex(day, "caseActions.error.dateInvalid");
const optDate = z
  .string()
  .refine((s) => s === "" || day.test(s), "caseActions.error.dateInvalid")
  .transform((s) => (s ? s : undefined));
const choice = <T extends string>(message: string) => z.string().min(1, message).transform((s) => s as T);
const optChoice = <T extends string>() => z.string().transform((s) => (s ? (s as T) : undefined));
const optId = z.string().transform((s) => s || undefined);
/** Checkboxes give an array, a lone one a string or false: always a list. */
const ids = z.preprocess((v) => (Array.isArray(v) ? v : typeof v === "string" && v ? [v] : []), z.array(z.string()));
const hours = (message: string) =>
  z
    .string()
    .trim()
    .min(1, message)
    .regex(/^\d+$/, "caseActions.error.hoursInvalid")
    .transform(Number);
const optHours = z
  .string()
  .trim()
  .regex(/^\d*$/, "caseActions.error.hoursInvalid")
  .transform((s) => (s ? Number(s) : undefined));

/**
 * Euros as people type them, in cents: "1.234,50", "1234,5", "1234.50",
 * "1 234 €" or "1234". The comma is the decimal mark, as in Italian; a
 * point is one only before one or two last digits. Null when it is not an
 * amount with at most two decimals.
 */
export function parseEuroCents(raw: string): number | null {
  const s = raw.replace(/[\s\u00a0€]/g, "");
  let whole: string;
  let decimals = "";
  if (/^\d{1,3}(\.\d{3})+(,\d{1,2})?$/.test(s) || /^\d+(,\d{1,2})?$/.test(s)) {
    // Italian: dots group thousands, the comma starts the decimals.
    [whole = "", decimals = ""] = s.replace(/\./g, "").split(",");
  } else if (/^\d+\.\d{1,2}$/.test(s)) {
    // A point for decimals, as a calculator writes them.
    [whole = "", decimals = ""] = s.split(".");
  } else {
    return null;
  }
  const cents = Number(whole) * 100 + Number(decimals.padEnd(2, "0"));
  return Number.isSafeInteger(cents) ? cents : null;
}

const optEuros = z
  .string()
  .trim()
  .refine((s) => s === "" || parseEuroCents(s) !== null, "caseActions.error.costInvalid")
  .transform((s) => (s === "" ? undefined : (parseEuroCents(s) as number)));

/** Cents as the form shows them again: 123450 → "1234,50". */
export function centsToInput(cents: number | null | undefined): string {
  if (cents === null || cents === undefined) {
    return "";
  }
  const whole = Math.floor(cents / 100);
  const rest = cents % 100;
  return rest ? `${whole},${String(rest).padStart(2, "0")}` : String(whole);
}

export const startAssessmentSchema = z.object({
  firstMeetingOn: date("caseActions.error.firstMeetingRequired"),
});

const finding = z.object({
  area: choice<NeedArea>("caseActions.error.areaRequired"),
  need: choice<NeedLevel>("caseActions.error.needRequired"),
  resources: optText,
  notes: optText,
});

const findings = z
  .array(finding)
  .min(1, "caseActions.error.findingsRequired")
  .superRefine((list, ctx) => {
    const seen = new Set<string>();
    list.forEach((f, i) => {
      if (seen.has(f.area)) {
        ctx.addIssue({ code: "custom", path: [i, "area"], message: "caseActions.error.areaTwice" });
      }
      seen.add(f.area);
    });
  });

export const preliminarySchema = z.object({
  summary: text("caseActions.error.summaryRequired"),
  assessedOn: optDate,
  findings,
  complexNeeds: z.boolean(),
});

export const inDepthSchema = z.object({
  summary: text("caseActions.error.summaryRequired"),
  assessedOn: optDate,
  findings,
  teamIDs: ids.pipe(z.array(z.string()).min(1, "caseActions.error.teamRequired")),
});

export const reasonSchema = z.object({ reason: text("caseActions.error.reasonRequired") });

const goal = z.object({
  area: choice<NeedArea>("caseActions.error.areaRequired"),
  description: text("caseActions.error.goalDescriptionRequired"),
  dueOn: optDate,
});

const commitment = z.object({
  kind: choice<CommitmentKind>("caseActions.error.commitmentKindRequired"),
  description: text("caseActions.error.commitmentDescriptionRequired"),
  hoursAgreed: hours("caseActions.error.hoursRequired").refine((h) => h > 0, "caseActions.error.hoursPositive"),
  dueOn: optDate,
  hostID: optId,
});

/** Later than or the same day as: on the forms' YYYY-MM-DD strings. */
const notBefore = (later: string, earlier: string) => !later || !earlier || later >= earlier;

export const takeChargeSchema = z
  .object({
    caseManagerID: text("caseActions.error.caseManagerRequired"),
    plan: z.object({
      summary: optText,
      agreedOn: z.string().min(1, "caseActions.error.agreedOnRequired").regex(day, "caseActions.error.dateInvalid"),
      reviewOn: z.string().refine((s) => s === "" || day.test(s), "caseActions.error.dateInvalid"),
      goals: z.array(goal).min(1, "caseActions.error.goalRequired"),
      commitments: z.array(commitment),
    }),
  })
  .refine((v) => notBefore(v.plan.reviewOn, v.plan.agreedOn), { path: ["plan", "reviewOn"], message: "caseActions.error.reviewBeforeAgreed" })
  .transform((v) => ({
    caseManagerID: v.caseManagerID,
    plan: {
      ...v.plan,
      agreedOn: v.plan.agreedOn,
      reviewOn: v.plan.reviewOn ? v.plan.reviewOn : undefined,
    },
  }));

export const caseManagerSchema = z.object({ caseManagerID: text("caseActions.error.caseManagerRequired") });

export const updatePlanSchema = z
  .object({
    summary: z.string().trim(),
    agreedOn: z.string().refine((s) => s === "" || day.test(s), "caseActions.error.dateInvalid"),
    reviewOn: z.string().refine((s) => s === "" || day.test(s), "caseActions.error.dateInvalid"),
  })
  .refine((v) => notBefore(v.reviewOn, v.agreedOn), { path: ["reviewOn"], message: "caseActions.error.reviewBeforeAgreed" })
  .transform((v) => ({
    summary: v.summary,
    agreedOn: v.agreedOn ? v.agreedOn : undefined,
    reviewOn: v.reviewOn ? v.reviewOn : undefined,
  }));

export const goalSchema = goal;

export const updateGoalSchema = z.object({
  status: choice<GoalStatus>("caseActions.error.statusRequired"),
  description: text("caseActions.error.goalDescriptionRequired"),
  dueOn: optDate,
});

export const commitmentSchema = commitment;

export const updateCommitmentSchema = z.object({
  hoursDone: hours("caseActions.error.hoursDoneRequired"),
  hoursAgreed: optHours,
  dueOn: optDate,
});

export const addInterventionSchema = z
  .object({
    kind: choice<InterventionKind>("caseActions.error.interventionKindRequired"),
    description: optText,
    providerID: text("caseActions.error.providerRequired"),
    startsOn: z.string().min(1, "caseActions.error.startsOnRequired").regex(day, "caseActions.error.dateInvalid"),
    endsOn: z.string().refine((s) => s === "" || day.test(s), "caseActions.error.dateInvalid"),
    status: choice<InterventionStatus>("caseActions.error.statusRequired"),
    cost: optEuros,
    fundID: optId,
    protocolID: optId,
  })
  .refine((v) => notBefore(v.endsOn, v.startsOn), { path: ["endsOn"], message: "caseActions.error.endsBeforeStart" })
  .transform(({ cost, ...v }) => ({
    ...v,
    startsOn: v.startsOn,
    endsOn: v.endsOn ? v.endsOn : undefined,
    costCents: cost,
  }));

/**
 * The new intervention's rules, its cost within what is left of the fund
 * chosen (`available` tells it, in cents, when known), its protocol among
 * those in force on its start day (`inForce`, when known: the start day
 * may have changed since the protocol was chosen).
 */
export function addInterventionSchemaFor(available: (fundID: string) => number | undefined, inForce?: Set<string>) {
  return addInterventionSchema
    .refine(
      (v) => {
        const left = v.fundID ? available(v.fundID) : undefined;
        return v.costCents === undefined || left === undefined || v.costCents <= left;
      },
      { path: ["cost"], message: "caseActions.error.costOverFund" },
    )
    .refine((v) => !v.protocolID || !inForce || inForce.has(v.protocolID), { path: ["protocolID"], message: "caseActions.error.protocolNotInForce" });
}

/** "" keeps the fund, "none" charges no fund, otherwise the fund's ID. */
export const NO_FUND = "none";

/** "none" delivers the intervention under no protocol, otherwise the protocol's ID. */
export const NO_PROTOCOL = "none";

export const updateInterventionSchema = z.object({
  status: choice<InterventionStatus>("caseActions.error.statusRequired"),
  endsOn: optDate,
  cost: optEuros,
  fundID: z.string(),
  protocolID: z.string(),
});

export const outcomeSchema = z.object({
  kind: choice<OutcomeKind>("caseActions.error.outcomeKindRequired"),
  valueDimension: optChoice<OutcomeValueDimension>(),
  achievedOn: date("caseActions.error.achievedOnRequired"),
  evidence: optText,
  interventionID: optId,
});

export const followUpSchema = z.object({
  followedUpOn: optDate,
  stillHeld: z.enum(["yes", "no"], "caseActions.error.stillHeldRequired").transform((v) => v === "yes"),
  note: optText,
});

export const scheduleMeetingSchema = z.object({
  plannedOn: date("caseActions.error.plannedOnRequired"),
  goalIDs: ids,
  commitmentIDs: ids,
});

export const recordMeetingSchema = z.object({
  heldOn: optDate,
  summary: text("caseActions.error.summaryRequired"),
  items: z.array(
    z.object({
      itemID: z.string(),
      progress: optText,
      goalStatus: optChoice<GoalStatus>(),
      hoursDone: optHours,
    }),
  ),
});

export const noteSchema = z.object({ note: optText });

export const closeSchema = z.object({
  reason: choice<CaseClosureReason>("caseActions.error.closureReasonRequired"),
  note: optText,
  /** With the goals met: the open goals and commitments to mark achieved and fulfilled in the same step. */
  goalsAchieved: ids,
  commitmentsFulfilled: ids,
});

export const transferSchema = z.object({
  tableID: text("caseActions.error.tableRequired"),
  reason: text("caseActions.error.reasonRequired"),
});

export const addNoteSchema = z.object({ text: text("caseActions.error.noteRequired") });

export const requestServiceSchema = z.object({
  organizationID: text("caseActions.error.organizationRequired"),
  kind: choice<InterventionKind>("caseActions.error.serviceKindRequired"),
  need: text("caseActions.error.requestNeedRequired"),
  // Today's date is the Italian one, as the server's.
  neededBy: optDate.refine((d) => !d || d >= today(), "caseActions.error.neededByPast"),
  shareContact: ids.transform((list) => list as ContactDatum[]),
});

export const emptySchema = z.object({});
