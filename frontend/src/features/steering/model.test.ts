import { describe, expect, it } from "vitest";
import { sectionsFor } from "./Steering";
import {
  directiveActions,
  directiveProgressSchema,
  directiveSchema,
  directiveSummary,
  idsDiff,
  mayAttachMeetingDocuments,
  meetingSchema,
  objectiveSchema,
  parseNumber,
  objectiveStanding,
  progressPercent,
  targetOf,
  targetText,
  timeLimitsSchema,
  unitOf,
} from "./model";

const messages = (r: { success: boolean; error?: { issues: { message: string }[] } }) => (r.success ? [] : (r.error?.issues.map((i) => i.message) ?? []));

const objective = {
  title: "Prese in carico 2026",
  indicator: "TAKINGS_IN_CHARGE",
  target: "120",
  lowerIsBetter: false,
  periodStart: "2026-01-01",
  periodEnd: "2026-12-31",
  needAreas: [],
  tableIDs: [],
  municipalityIDs: [],
};

describe("objective form", () => {
  it("accepts a complete objective and says what to fix otherwise", () => {
    expect(objectiveSchema.safeParse(objective).success).toBe(true);
    expect(messages(objectiveSchema.safeParse({ ...objective, title: " ", indicator: "", target: "tanti" }))).toEqual([
      "steering.error.titleRequired",
      "steering.error.indicatorRequired",
      "steering.error.targetInvalid",
    ]);
    expect(messages(objectiveSchema.safeParse({ ...objective, periodEnd: "2025-12-31" }))).toEqual(["steering.error.periodOrder"]);
    expect(messages(objectiveSchema.safeParse({ ...objective, indicator: "FUNDS_SPENT_SHARE", target: "150" }))).toEqual(["steering.error.shareTooHigh"]);
  });

  it("takes shares as percentages and numbers with a decimal comma", () => {
    expect(parseNumber("45,5")).toBe(45.5);
    expect(Number.isNaN(parseNumber("1e3"))).toBe(true);
    expect(targetOf({ indicator: "EMPLOYMENT_OUTCOME_SHARE", target: "35" })).toBeCloseTo(0.35);
    expect(targetOf({ indicator: "REFERRALS", target: "35" })).toBe(35);
    expect(targetText("EMPLOYMENT_OUTCOME_SHARE", 0.355)).toBe("35.5");
    expect(unitOf("DAYS_TO_TAKE_CHARGE_MEDIAN")).toBe("days");
    expect(unitOf("COST_PER_POSITIVE_OUTCOME")).toBe("euros");
  });

  it("turns an edit of tables into what to add and remove", () => {
    expect(idsDiff(["a", "b"], ["b", "c"])).toEqual({ add: ["c"], remove: ["a"] });
    expect(idsDiff([], [])).toEqual({ add: [], remove: [] });
  });

  it("measures progress against the target, bounded, and none without a value", () => {
    expect(progressPercent(60, 120)).toBe(50);
    expect(progressPercent(200, 120)).toBe(100);
    expect(progressPercent(null, 120)).toBeNull();
    expect(progressPercent(0, 120)).toBe(0);
  });
});

describe("directive form", () => {
  const base = {
    title: "Tempi",
    body: "Entro 30 giorni",
    issuedOn: "2026-11-25",
    dueOn: "2026-12-31",
    level: "STRATEGIC" as const,
    allTables: false,
    tableIDs: [] as string[],
  };
  it("needs addressees unless it goes to every table", () => {
    expect(messages(directiveSchema.safeParse(base))).toEqual(["steering.error.tablesRequired"]);
    expect(directiveSchema.safeParse({ ...base, allTables: true }).success).toBe(true);
    expect(directiveSchema.safeParse({ ...base, tableIDs: ["tab_1"] }).success).toBe(true);
  });
  it("needs a deadline, not before the day it is issued; the same day will do", () => {
    const ok = { ...base, allTables: true };
    expect(messages(directiveSchema.safeParse({ ...ok, dueOn: "" }))).toEqual(["steering.error.dueOnRequired"]);
    expect(messages(directiveSchema.safeParse({ ...ok, dueOn: "2026-11-24" }))).toEqual(["steering.error.dueOnBeforeIssue"]);
    expect(directiveSchema.safeParse({ ...ok, dueOn: "2026-11-25" }).success).toBe(true);
    expect(directiveSchema.safeParse({ ...ok, level: "OPERATIONAL" }).success).toBe(true);
  });
});

describe("carrying a directive out", () => {
  const coordinator = { coordinatedTableIDs: ["tab_emp"] };
  it("offers a table's coordinator the steps ahead only, and nothing once the table has finished", () => {
    expect(directiveActions(coordinator, "tab_emp", null)).toEqual(["begin", "implement", "notApplicable"]);
    expect(directiveActions(coordinator, "tab_emp", "ACKNOWLEDGED")).toEqual(["begin", "implement", "notApplicable"]);
    expect(directiveActions(coordinator, "tab_emp", "IN_PROGRESS")).toEqual(["implement", "notApplicable"]);
    expect(directiveActions(coordinator, "tab_emp", "IMPLEMENTED")).toEqual([]);
    expect(directiveActions(coordinator, "tab_emp", "NOT_APPLICABLE")).toEqual([]);
  });
  it("offers nothing for a table the viewer does not coordinate", () => {
    expect(directiveActions(coordinator, "tab_pra", null)).toEqual([]);
    expect(directiveActions({ coordinatedTableIDs: [] }, "tab_emp", "IN_PROGRESS")).toEqual([]);
  });
  it("sums up the addressed tables: implemented, not applicable, late", () => {
    const row = (status: string | null, late = false) => ({ progress: status ? { status } : null, late });
    expect(directiveSummary([row("IMPLEMENTED"), row("IMPLEMENTED", true), row("IN_PROGRESS", true), row("NOT_APPLICABLE"), row(null)])).toEqual({
      total: 5,
      implemented: 2,
      notApplicable: 1,
      late: 2,
    });
    expect(directiveSummary([])).toEqual({ total: 0, implemented: 0, notApplicable: 0, late: 0 });
  });
  it("needs evidence to implement and a reason for not applicable, and a day", () => {
    expect(messages(directiveProgressSchema.safeParse({ mode: "implement", on: "2026-12-01", text: " " }))).toEqual(["steering.error.evidenceRequired"]);
    expect(messages(directiveProgressSchema.safeParse({ mode: "notApplicable", on: "2026-12-01", text: "" }))).toEqual(["steering.error.reasonRequired"]);
    expect(messages(directiveProgressSchema.safeParse({ mode: "implement", on: "", text: "Fatto" }))).toEqual(["steering.error.progressOnRequired"]);
    expect(directiveProgressSchema.safeParse({ mode: "implement", on: "2026-12-01", text: "Verbale del 1/12" }).success).toBe(true);
  });
});

describe("meeting form", () => {
  const base = { body: "TABLE" as const, tableID: "", day: "2026-11-25", time: "15:00", title: "Casi nuovi", minutes: "", attendeeIDs: [], decisions: [] };
  it("needs the table of a table meeting, a time, and text for every decision", () => {
    expect(messages(meetingSchema.safeParse(base))).toEqual(["steering.error.tableRequired"]);
    expect(meetingSchema.safeParse({ ...base, body: "STEERING_COMMITTEE" }).success).toBe(true);
    expect(messages(meetingSchema.safeParse({ ...base, tableID: "t", time: "25:00", decisions: [{ text: "", directiveID: "", level: "" }] }))).toEqual([
      "steering.error.timeRequired",
      "steering.error.decisionRequired",
    ]);
  });
});

describe("time limits", () => {
  it("are whole days from 1 to 365", () => {
    expect(timeLimitsSchema.safeParse({ daysToFirstMeeting: "30", daysToPlan: "60" }).success).toBe(true);
    expect(messages(timeLimitsSchema.safeParse({ daysToFirstMeeting: "0", daysToPlan: "2,5" }))).toEqual([
      "steering.error.daysInvalid",
      "steering.error.daysInvalid",
    ]);
  });
});

describe("steering screen", () => {
  it("shows the time limits only to the committee and administrators", () => {
    const as = (...roles: string[]) => ({ has: (r: string) => roles.includes(r) });
    expect(sectionsFor(as("STEERING"))).toContain("timeLimits");
    expect(sectionsFor(as("ADMIN"))).toContain("timeLimits");
    expect(sectionsFor(as("COORDINATOR", "OPERATOR"))).toEqual(["directives", "meetings", "objectives"]);
  });
});

describe("a meeting's documents", () => {
  it("are attached by the committee to its meetings, by a table's coordinator to the table's", () => {
    const as = (roles: string[], coordinatedTableIDs: string[] = []) => ({ has: (r: string) => roles.includes(r), coordinatedTableIDs });
    expect(mayAttachMeetingDocuments(as(["STEERING"]), { body: "STEERING_COMMITTEE" })).toBe(true);
    expect(mayAttachMeetingDocuments(as(["COORDINATOR"], ["tab_1"]), { body: "STEERING_COMMITTEE" })).toBe(false);
    expect(mayAttachMeetingDocuments(as(["COORDINATOR"], ["tab_1"]), { body: "TABLE", tableID: "tab_1" })).toBe(true);
    expect(mayAttachMeetingDocuments(as(["COORDINATOR"], ["tab_1"]), { body: "TABLE", tableID: "tab_2" })).toBe(false);
    expect(mayAttachMeetingDocuments(as(["STEERING"]), { body: "TABLE", tableID: "tab_2" })).toBe(false);
  });
});

describe("an objective's standing", () => {
  const evaluation = (value: number | null, target: number, status = "ON_TRACK") => ({ value, target, status });

  it("tells a ceiling by how far below or over it the value is, never as a share of the ceiling", () => {
    // Days to take charge ≤ 45.
    expect(objectiveStanding(evaluation(30, 45), true)).toEqual({ kind: "ceiling", margin: 15, over: false });
    expect(objectiveStanding(evaluation(60, 45, "MISSED"), true)).toEqual({ kind: "ceiling", margin: 15, over: true });
    expect(objectiveStanding(evaluation(45, 45), true)).toEqual({ kind: "ceiling", margin: 0, over: false });
    expect(objectiveStanding(evaluation(0.1 + 0.2, 0.3), true)).toEqual({ kind: "ceiling", margin: 0, over: false });
  });

  it("tells a target to reach by the share reached", () => {
    expect(objectiveStanding(evaluation(60, 120, "AT_RISK"), false)).toEqual({ kind: "towards", percent: 50 });
    expect(objectiveStanding(evaluation(200, 120), false)).toEqual({ kind: "towards", percent: 100 });
  });

  it("gives no percentage for a withheld value, nor without data", () => {
    for (const lower of [false, true]) {
      expect(objectiveStanding(evaluation(null, 45, "WITHHELD"), lower)).toEqual({ kind: "none" });
      // Even should a withheld evaluation come with a value.
      expect(objectiveStanding(evaluation(3, 45, "WITHHELD"), lower)).toEqual({ kind: "none" });
      expect(objectiveStanding(evaluation(0, 45, "NOT_ENOUGH_DATA"), lower)).toEqual({ kind: "none" });
      expect(objectiveStanding(evaluation(null, 45), lower)).toEqual({ kind: "none" });
    }
  });
});
