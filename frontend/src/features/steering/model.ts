import { z } from "zod";
import type { ObjectiveIndicator } from "../../gql/graphql";
import type { Role } from "../../session/session";
import { isDay } from "../../i18n/calendar";

// The steering screen's rules and derivations, kept apart from the
// components so they can be tested on their own.

/** The part of the session the steering rules read. */
export interface SteeringViewer {
  has: (role: Role) => boolean;
  coordinatedTableIDs: string[];
}

/** Only the steering committee issues directives. */
export function mayIssueDirectives(viewer: Pick<SteeringViewer, "has">): boolean {
  return viewer.has("STEERING");
}

/** The committee's members record its meetings; a coordinator those of their tables. */
export function mayRecordMeetings(viewer: SteeringViewer): boolean {
  return viewer.has("STEERING") || viewer.coordinatedTableIDs.length > 0;
}

/**
 * Whether the viewer attaches and removes a meeting's documents (its
 * minutes): the committee those of its own meetings, a table's
 * coordinator those of the table's.
 */
export function mayAttachMeetingDocuments(viewer: SteeringViewer, meeting: { body: string; tableID?: string | null }): boolean {
  if (meeting.body === "STEERING_COMMITTEE") {
    return viewer.has("STEERING");
  }
  return Boolean(meeting.tableID) && viewer.coordinatedTableIDs.includes(meeting.tableID ?? "");
}

/** How an objective's indicator reads: shares are entered and shown as percentages. */
export type ObjectiveUnit = "share" | "euros" | "days" | "hours" | "count";

export function unitOf(indicator: ObjectiveIndicator): ObjectiveUnit {
  switch (indicator) {
    case "EMPLOYMENT_OUTCOME_SHARE":
    case "EMPLOYMENT_HELD_AT_FOLLOW_UP":
    case "FUNDS_SPENT_SHARE":
    case "PROTOCOL_COMMITMENTS_ON_TIME":
      return "share";
    case "COST_PER_POSITIVE_OUTCOME":
      return "euros";
    case "DAYS_TO_TAKE_CHARGE_MEDIAN":
      return "days";
    case "RECIPROCITY_HOURS_DONE":
      return "hours";
    default:
      return "count";
  }
}

/**
 * How far the value has gone towards the target, 0 to 100, for the
 * progress bar; null when there is no value. Only for a target to reach:
 * a ceiling is told by objectiveStanding.
 */
export function progressPercent(value: number | null | undefined, target: number): number | null {
  if (value === null || value === undefined) {
    return null;
  }
  if (target <= 0) {
    return 100;
  }
  return Math.max(0, Math.min(100, Math.round((value / target) * 100)));
}

/**
 * How an objective stands against its target, as the card tells it.
 * - none: no value to compare (withheld, not enough data, nothing to
 *   measure): no percentage and no bar, which would read as a value.
 * - towards (higher is better): the share of the target reached, 0 to 100.
 * - ceiling (lower is better, "days to take charge ≤ 45"): how far the
 *   value is below the ceiling, or over it. A share of the ceiling
 *   "used" would read 67% for 30 days against 45 — as if two thirds of
 *   the way to a goal — and 100% for 60 days, as if met.
 */
export type ObjectiveStanding =
  | { kind: "none" }
  | { kind: "towards"; percent: number }
  | { kind: "ceiling"; margin: number; over: boolean };

export function objectiveStanding(
  evaluation: { value?: number | null; target: number; status: string },
  lowerIsBetter: boolean,
): ObjectiveStanding {
  const { value, target, status } = evaluation;
  if (value === null || value === undefined || status === "WITHHELD" || status === "NOT_ENOUGH_DATA") {
    return { kind: "none" };
  }
  if (lowerIsBetter) {
    // Rounded so that 45.0000001 days is not "over" a ceiling of 45.
    const gap = Math.round((value - target) * 1e6) / 1e6;
    return { kind: "ceiling", margin: Math.abs(gap), over: gap > 0 };
  }
  return { kind: "towards", percent: progressPercent(value, target) ?? 0 };
}

/** What to add and remove to go from one list of IDs to another. */
export function idsDiff(before: readonly string[], after: readonly string[]): { add: string[]; remove: string[] } {
  return { add: after.filter((id) => !before.includes(id)), remove: before.filter((id) => !after.includes(id)) };
}

/** A number typed with a decimal comma or point; NaN when it is not one. */
export function parseNumber(text: string): number {
  const t = text.trim().replace(",", ".");
  return t === "" || !/^-?\d+(\.\d+)?$/.test(t) ? NaN : Number(t);
}

const list = z.array(z.string());

export const objectiveSchema = z
  .object({
    title: z.string().trim().min(1, "steering.error.titleRequired"),
    indicator: z.string().min(1, "steering.error.indicatorRequired"),
    target: z.string().refine((t) => parseNumber(t) >= 0, "steering.error.targetInvalid"),
    lowerIsBetter: z.boolean(),
    periodStart: z.string().refine(isDay, "steering.error.periodStartRequired"),
    periodEnd: z.string().refine(isDay, "steering.error.periodEndRequired"),
    needAreas: list,
    tableIDs: list,
    municipalityIDs: list,
  })
  .refine((v) => !isDay(v.periodStart) || !isDay(v.periodEnd) || v.periodStart <= v.periodEnd, {
    message: "steering.error.periodOrder",
    path: ["periodEnd"],
  })
  .refine((v) => unitOf(v.indicator as ObjectiveIndicator) !== "share" || parseNumber(v.target) <= 100, {
    message: "steering.error.shareTooHigh",
    path: ["target"],
  });

export type ObjectiveValues = z.infer<typeof objectiveSchema>;

/** The API's target: a share typed as a percentage travels as 0 to 1. */
export function targetOf(values: Pick<ObjectiveValues, "indicator" | "target">): number {
  const n = parseNumber(values.target);
  return unitOf(values.indicator as ObjectiveIndicator) === "share" ? n / 100 : n;
}

/** The form's text of a target from the API. */
export function targetText(indicator: ObjectiveIndicator, target: number): string {
  return String(unitOf(indicator) === "share" ? Math.round(target * 10000) / 100 : target);
}

export const directiveSchema = z
  .object({
    title: z.string().trim().min(1, "steering.error.titleRequired"),
    body: z.string().trim().min(1, "steering.error.bodyRequired"),
    issuedOn: z.string().refine(isDay, "steering.error.issuedOnRequired"),
    dueOn: z.string().refine(isDay, "steering.error.dueOnRequired"),
    level: z.enum(["STRATEGIC", "OPERATIONAL"]),
    allTables: z.boolean(),
    tableIDs: list,
  })
  .refine((v) => v.allTables || v.tableIDs.length > 0, { message: "steering.error.tablesRequired", path: ["tableIDs"] })
  // Days as YYYY-MM-DD compare as text.
  .refine((v) => !isDay(v.issuedOn) || !isDay(v.dueOn) || v.dueOn >= v.issuedOn, {
    message: "steering.error.dueOnBeforeIssue",
    path: ["dueOn"],
  });

export type DirectiveValues = z.infer<typeof directiveSchema>;

export const meetingSchema = z
  .object({
    body: z.enum(["STEERING_COMMITTEE", "TABLE"], { message: "steering.error.bodyKindRequired" }),
    tableID: z.string(),
    day: z.string().refine(isDay, "steering.error.dayRequired"),
    time: z.string().regex(/^([01]\d|2[0-3]):[0-5]\d$/, "steering.error.timeRequired"),
    title: z.string().trim().min(1, "steering.error.agendaRequired"),
    minutes: z.string(),
    attendeeIDs: list,
    decisions: z.array(z.object({ text: z.string().trim().min(1, "steering.error.decisionRequired"), directiveID: z.string(), level: z.string() })),
  })
  .refine((v) => v.body !== "TABLE" || v.tableID !== "", { message: "steering.error.tableRequired", path: ["tableID"] });

export type MeetingValues = z.infer<typeof meetingSchema>;

export const timeLimitsSchema = z.object({
  daysToFirstMeeting: z.string().refine((t) => Number.isInteger(parseNumber(t)) && parseNumber(t) >= 1 && parseNumber(t) <= 365, "steering.error.daysInvalid"),
  daysToPlan: z.string().refine((t) => Number.isInteger(parseNumber(t)) && parseNumber(t) >= 1 && parseNumber(t) <= 365, "steering.error.daysInvalid"),
});

export type TimeLimitsValues = z.infer<typeof timeLimitsSchema>;

/** The steps of carrying a directive out, in the order a table takes them. */
export type DirectiveStep = "ACKNOWLEDGED" | "IN_PROGRESS" | "IMPLEMENTED" | "NOT_APPLICABLE";

/** What a coordinator may record next for a table: "begin", "implement", "notApplicable". */
export type DirectiveAction = "begin" | "implement" | "notApplicable";

/**
 * The steps the viewer may record for one addressed table: only its
 * coordinator, only forwards (the server refuses going back), nothing
 * once the table has finished (implemented or not applicable).
 */
export function directiveActions(viewer: Pick<SteeringViewer, "coordinatedTableIDs">, tableID: string, status: DirectiveStep | null | undefined): DirectiveAction[] {
  if (!viewer.coordinatedTableIDs.includes(tableID)) {
    return [];
  }
  switch (status ?? null) {
    case null:
    case "ACKNOWLEDGED":
      return ["begin", "implement", "notApplicable"];
    case "IN_PROGRESS":
      return ["implement", "notApplicable"];
    default:
      return [];
  }
}

/** Where the addressed tables stand on a directive, as its summary line tells it. */
export interface DirectiveSummary {
  total: number;
  implemented: number;
  notApplicable: number;
  late: number;
}

export function directiveSummary(progress: readonly { progress?: { status: string } | null; late: boolean }[]): DirectiveSummary {
  return {
    total: progress.length,
    implemented: progress.filter((p) => p.progress?.status === "IMPLEMENTED").length,
    notApplicable: progress.filter((p) => p.progress?.status === "NOT_APPLICABLE").length,
    late: progress.filter((p) => p.late).length,
  };
}

export const directiveProgressSchema = z
  .object({
    mode: z.enum(["implement", "notApplicable"]),
    on: z.string().refine(isDay, "steering.error.progressOnRequired"),
    text: z.string(),
  })
  .refine((v) => v.mode !== "implement" || v.text.trim() !== "", { message: "steering.error.evidenceRequired", path: ["text"] })
  .refine((v) => v.mode !== "notApplicable" || v.text.trim() !== "", { message: "steering.error.reasonRequired", path: ["text"] });

export type DirectiveProgressValues = z.infer<typeof directiveProgressSchema>;
