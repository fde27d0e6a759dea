import type { CaseAction, CaseActionBlock, CaseStatus } from "../../../gql/graphql";

// The case page leads with the next step: one primary action chosen by
// the case's state, the others grouped by what they touch. Which steps
// exist, and whether each is allowed or blocked, is the server's word
// (Case.actions); this only orders and groups them.

/** A step as Case.actions gives it. */
export interface ActionState {
  action: CaseAction;
  allowed: boolean;
  blockedBy?: CaseActionBlock | null;
}

/** The steps allowed now, in the order given. */
export function allowedOf(states: readonly ActionState[]): CaseAction[] {
  return states.filter((s) => s.allowed).map((s) => s.action);
}

/** What a group of steps touches, in the order the groups show. */
export const actionGroups = ["case", "plan", "interventions", "outcomes", "monitoring"] as const;
export type ActionGroup = (typeof actionGroups)[number];

/** The group of each step. */
export const groupOf: Record<CaseAction, ActionGroup> = {
  START_ASSESSMENT: "case",
  RECORD_PRELIMINARY_ASSESSMENT: "case",
  RECORD_IN_DEPTH_ASSESSMENT: "case",
  DECLINE_REFERRAL: "case",
  TAKE_CHARGE: "case",
  ASSIGN_CASE_MANAGER: "case",
  ADD_NOTE: "case",
  TRANSFER_CASE: "case",
  ACCEPT_TRANSFER: "case",
  DECLINE_TRANSFER: "case",
  CLOSE_CASE: "case",
  REOPEN_CASE: "case",
  APPROVE_PROPOSAL: "case",
  RETURN_PROPOSAL: "case",
  UPDATE_PLAN: "plan",
  ADD_GOAL: "plan",
  UPDATE_GOAL: "plan",
  ADD_COMMITMENT: "plan",
  UPDATE_COMMITMENT: "plan",
  ADD_INTERVENTION: "interventions",
  UPDATE_INTERVENTION: "interventions",
  REQUEST_SERVICE: "interventions",
  CANCEL_SERVICE_REQUEST: "interventions",
  RECORD_OUTCOME: "outcomes",
  RECORD_FOLLOW_UP: "outcomes",
  SCHEDULE_MONITORING_MEETING: "monitoring",
  RECORD_MONITORING_MEETING: "monitoring",
  MOVE_TO_MONITORING: "monitoring",
};

/** What the page knows of the case beyond its steps, to choose the next one. */
export interface CaseSituation {
  status: CaseStatus;
  hasPreliminary: boolean;
  interventions: number;
  plannedMeetings: number;
  followUpsDue: number;
}

/**
 * The next step, by the case's state, first allowed of its candidates:
 * a referral starts its assessment; an assessment without the
 * preliminary analysis records it, then takes charge; a case in charge
 * without interventions adds one, then records outcomes; in monitoring,
 * the planned meeting is recorded or one is scheduled; a closed case
 * records its follow-ups due. A pending transfer comes first for who
 * answers it, then a proposal waiting for the coordinator's approval.
 */
export function primaryAction(states: readonly ActionState[], s: CaseSituation): CaseAction | undefined {
  const candidates: CaseAction[] = ["ACCEPT_TRANSFER", "APPROVE_PROPOSAL"];
  switch (s.status) {
    case "REFERRED":
      candidates.push("START_ASSESSMENT");
      break;
    case "UNDER_ASSESSMENT":
      candidates.push(s.hasPreliminary ? "TAKE_CHARGE" : "RECORD_PRELIMINARY_ASSESSMENT");
      break;
    case "IN_CHARGE":
      candidates.push(s.interventions === 0 ? "ADD_INTERVENTION" : "RECORD_OUTCOME");
      break;
    case "MONITORING":
      candidates.push(s.plannedMeetings > 0 ? "RECORD_MONITORING_MEETING" : "SCHEDULE_MONITORING_MEETING");
      break;
    case "CLOSED":
      if (s.followUpsDue > 0) {
        candidates.push("RECORD_FOLLOW_UP");
      }
      break;
  }
  return candidates.find((a) => states.some((st) => st.action === a && st.allowed));
}

/** The other steps by group, each group in the order of `order`, empty groups left out. */
export function groupActions<T extends ActionState>(states: readonly T[], primary: CaseAction | undefined, order: readonly CaseAction[]): [ActionGroup, T[]][] {
  const rank = (a: CaseAction) => order.indexOf(a);
  return actionGroups
    .map((g): [ActionGroup, T[]] => [g, states.filter((st) => st.action !== primary && groupOf[st.action] === g).sort((a, b) => rank(a.action) - rank(b.action))])
    .filter(([, list]) => list.length > 0);
}
