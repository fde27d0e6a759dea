import { describe, expect, it } from "vitest";
import type { CaseAction } from "../../../gql/graphql";
import { actionOrder } from "./CaseActions";
import { groupActions, primaryAction, type ActionState, type CaseSituation } from "./nextStep";

const allowed = (...actions: CaseAction[]): ActionState[] => actions.map((action) => ({ action, allowed: true }));
const situation = (s: Partial<CaseSituation>): CaseSituation => ({ status: "IN_CHARGE", hasPreliminary: true, interventions: 0, plannedMeetings: 0, followUpsDue: 0, ...s });
const order = actionOrder.map((a) => a.action);

describe("the next step", () => {
  it("follows the case's state", () => {
    expect(primaryAction(allowed("START_ASSESSMENT", "DECLINE_REFERRAL", "ADD_NOTE"), situation({ status: "REFERRED" }))).toBe("START_ASSESSMENT");
    const assessing = allowed("RECORD_PRELIMINARY_ASSESSMENT", "DECLINE_REFERRAL", "ADD_NOTE");
    expect(primaryAction(assessing, situation({ status: "UNDER_ASSESSMENT", hasPreliminary: false }))).toBe("RECORD_PRELIMINARY_ASSESSMENT");
    expect(primaryAction([...assessing, { action: "TAKE_CHARGE", allowed: true }], situation({ status: "UNDER_ASSESSMENT" }))).toBe("TAKE_CHARGE");
    const working = allowed("ADD_INTERVENTION", "RECORD_OUTCOME", "ADD_GOAL", "CLOSE_CASE");
    expect(primaryAction(working, situation({ interventions: 0 }))).toBe("ADD_INTERVENTION");
    expect(primaryAction(working, situation({ interventions: 2 }))).toBe("RECORD_OUTCOME");
    const monitoring = allowed("SCHEDULE_MONITORING_MEETING", "RECORD_MONITORING_MEETING", "CLOSE_CASE");
    expect(primaryAction(monitoring, situation({ status: "MONITORING" }))).toBe("SCHEDULE_MONITORING_MEETING");
    expect(primaryAction(monitoring, situation({ status: "MONITORING", plannedMeetings: 1 }))).toBe("RECORD_MONITORING_MEETING");
    expect(primaryAction(allowed("RECORD_FOLLOW_UP", "REOPEN_CASE"), situation({ status: "CLOSED", followUpsDue: 1 }))).toBe("RECORD_FOLLOW_UP");
  });

  it("is never a blocked or missing step, and answering a transfer comes first", () => {
    const blocked: ActionState[] = [{ action: "TAKE_CHARGE", allowed: false, blockedBy: "PRELIMINARY_ASSESSMENT_MISSING" }];
    expect(primaryAction(blocked, situation({ status: "UNDER_ASSESSMENT" }))).toBeUndefined();
    expect(primaryAction(allowed("REOPEN_CASE"), situation({ status: "CLOSED" }))).toBeUndefined();
    expect(primaryAction(allowed("ADD_INTERVENTION", "ACCEPT_TRANSFER"), situation({}))).toBe("ACCEPT_TRANSFER");
    // A proposal waiting for the coordinator comes before the case's own next step.
    expect(primaryAction(allowed("ADD_INTERVENTION", "APPROVE_PROPOSAL", "RETURN_PROPOSAL"), situation({}))).toBe("APPROVE_PROPOSAL");
    expect(primaryAction(allowed("ACCEPT_TRANSFER", "APPROVE_PROPOSAL"), situation({}))).toBe("ACCEPT_TRANSFER");
  });

  it("groups the other steps by what they touch, blocked ones included, in the buttons' order", () => {
    const states: ActionState[] = [
      ...allowed("ADD_NOTE", "ADD_GOAL", "UPDATE_PLAN", "ADD_INTERVENTION", "RECORD_OUTCOME", "SCHEDULE_MONITORING_MEETING"),
      { action: "CLOSE_CASE", allowed: false, blockedBy: "INTERVENTIONS_PENDING" },
    ];
    const groups = groupActions(states, "ADD_INTERVENTION", order);
    expect(groups.map(([g, list]) => [g, list.map((s) => s.action)])).toEqual([
      ["case", ["ADD_NOTE", "CLOSE_CASE"]],
      ["plan", ["UPDATE_PLAN", "ADD_GOAL"]],
      ["outcomes", ["RECORD_OUTCOME"]],
      ["monitoring", ["SCHEDULE_MONITORING_MEETING"]],
    ]);
  });
});
