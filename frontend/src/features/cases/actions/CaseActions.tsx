import { Button } from "design-react-kit";
import { useId } from "react";
import { useIntl } from "react-intl";
import type { CaseAction, CaseActionBlock, CaseStatus, InterventionKind } from "../../../gql/graphql";
import { ErrorAlert } from "../../../ui/ErrorAlert";
import { groupActions, primaryAction, type ActionState } from "./nextStep";
import { followUpsDue, interventionsOf, pendingApprovals, plannedMeetings, type CaseParts } from "./parts";
import { isPartStep, usePartNames, type PartStep } from "./partNames";
import { useCaseSteps } from "./steps";

// The steps the viewer takes on a case, as the server judges them
// (Case.actions): the next step first, then the others by what they
// touch, one button each opening the step's form in a dialog; a step a
// precondition blocks shows disabled, with the reason and what is in
// the way. A step on one part (a goal, an intervention…) is taken from
// that part's row, or here when it is the next step.

/** The actions in the order their buttons show within their group; `danger` ones end or refuse something. */
export const actionOrder: readonly { action: CaseAction; danger?: boolean }[] = [
  { action: "START_ASSESSMENT" },
  { action: "RECORD_PRELIMINARY_ASSESSMENT" },
  { action: "RECORD_IN_DEPTH_ASSESSMENT" },
  { action: "TAKE_CHARGE" },
  { action: "ACCEPT_TRANSFER" },
  { action: "MOVE_TO_MONITORING" },
  { action: "REOPEN_CASE" },
  { action: "ADD_INTERVENTION" },
  { action: "REQUEST_SERVICE" },
  { action: "RECORD_OUTCOME" },
  { action: "SCHEDULE_MONITORING_MEETING" },
  { action: "UPDATE_PLAN" },
  { action: "ADD_GOAL" },
  { action: "ADD_COMMITMENT" },
  { action: "ASSIGN_CASE_MANAGER" },
  { action: "ADD_NOTE" },
  { action: "TRANSFER_CASE" },
  { action: "DECLINE_TRANSFER", danger: true },
  { action: "DECLINE_REFERRAL", danger: true },
  { action: "CLOSE_CASE", danger: true },
];

/** The buttons to show here, in order: the allowed actions on the whole case (a step on one part is in its row). */
export function visibleActions(allowed: readonly CaseAction[]) {
  return actionOrder.filter((a) => allowed.includes(a.action));
}

/** What blocks a step, as Case.actions names it. */
export interface Blocker {
  __typename: string;
  id: string;
  kind?: string;
  description?: string | null;
  code?: string;
}

/** A step of Case.actions, with what is in its way. */
export type CaseActionView = ActionState & { blockers: readonly Blocker[] };

/** The part a step on a part takes as the next step: the earliest meeting planned, the first follow-up due, the oldest proposal. */
function nextPart(action: PartStep, parts: CaseParts | undefined, names: ReturnType<typeof usePartNames>) {
  if (action === "APPROVE_PROPOSAL") {
    const a = pendingApprovals(parts)[0];
    return a && { id: a.id, name: names.proposal(a) };
  }
  if (action === "RECORD_MONITORING_MEETING") {
    const m = [...plannedMeetings(parts)].sort((a, b) => a.plannedOn.localeCompare(b.plannedOn))[0];
    return m && { id: m.id, name: names.meeting(m) };
  }
  if (action === "RECORD_FOLLOW_UP") {
    const o = [...followUpsDue(parts)].sort((a, b) => (a.followUpDueOn ?? "").localeCompare(b.followUpDueOn ?? ""))[0];
    return o && { id: o.id, name: names.outcome(o) };
  }
  return undefined;
}

/** The case's steps: inside CaseSteps, which opens their dialogs. */
export function CaseActions({ caseId, status, actions }: { caseId: string; status: CaseStatus; actions: readonly CaseActionView[] }) {
  const intl = useIntl();
  const names = usePartNames();
  const steps = useCaseSteps();
  const parts = steps?.parts;
  // Allowed steps on the whole case, and blocked ones with their reason.
  const states = actions.filter((a) => (a.allowed && !isPartStep(a.action)) || (!a.allowed && a.blockedBy));
  const primary = primaryAction(
    actions.filter((a) => !a.allowed || !isPartStep(a.action) || nextPart(a.action, parts, names)),
    {
      status,
      hasPreliminary: !actions.some((a) => a.blockedBy === "PRELIMINARY_ASSESSMENT_MISSING"),
      interventions: parts ? interventionsOf(parts).length : 0,
      plannedMeetings: parts ? plannedMeetings(parts).length : 0,
      followUpsDue: parts ? followUpsDue(parts).length : 0,
    },
  );
  if (!steps || (states.length === 0 && !primary)) {
    return null;
  }
  const primaryPart = primary && isPartStep(primary) ? nextPart(primary, parts, names) : undefined;
  const styleOf = (a: CaseAction) => actionOrder.find((o) => o.action === a);
  return (
    <>
      <ErrorAlert error={steps.partsError} />
      <div role="group" aria-label={intl.formatMessage({ id: "caseActions.group" })} className="my-3">
        {primary && (
          <p className="d-flex flex-wrap align-items-center gap-2" data-testid="next-step">
            <span className="fw-semibold">{intl.formatMessage({ id: "caseActions.nextStep" })}</span>
            <Button type="button" color="primary" onClick={() => steps.start(primary, primaryPart?.id)}>
              {primaryPart && isPartStep(primary) ? names.step(primary, primaryPart.name) : intl.formatMessage({ id: `caseActions.button.${primary}` })}
            </Button>
          </p>
        )}
        <div className="row g-3">
          {groupActions(states, primary, actionOrder.map((a) => a.action)).map(([group, list]) => (
            <div key={group} className="col-12 col-md-6 col-xl-4" role="group" aria-labelledby={`${caseId}-actions-${group}`}>
              <h3 className="h6" id={`${caseId}-actions-${group}`}>
                {intl.formatMessage({ id: `caseActions.groupOf.${group}` })}
              </h3>
              <ul className="list-unstyled d-flex flex-column gap-2 mb-0">
                {list.map((a) => (
                  <li key={a.action}>
                    {a.allowed ? (
                      <Button type="button" size="sm" color={styleOf(a.action)?.danger ? "danger" : "primary"} outline onClick={() => steps.start(a.action)}>
                        {intl.formatMessage({ id: `caseActions.button.${a.action}` })}
                      </Button>
                    ) : (
                      a.blockedBy && <BlockedAction action={a} reason={a.blockedBy} />
                    )}
                  </li>
                ))}
              </ul>
            </div>
          ))}
        </div>
      </div>
    </>
  );
}

/** A step the viewer could take but a precondition blocks: disabled, with why and what is in the way. */
function BlockedAction({ action, reason }: { action: CaseActionView; reason: CaseActionBlock }) {
  const intl = useIntl();
  const names = usePartNames();
  const id = useId();
  const items = action.blockers
    .map((b) => (b.__typename === "Intervention" && b.kind ? `«${names.intervention({ kind: b.kind as InterventionKind, description: b.description })}»` : (b.code ?? "")))
    .filter(Boolean);
  return (
    <>
      <Button type="button" size="sm" color="secondary" outline disabled aria-describedby={id}>
        {intl.formatMessage({ id: `caseActions.button.${action.action}` })}
      </Button>
      <small id={id} className="d-block text-body-secondary" data-testid={`blocked-${action.action}`}>
        {intl.formatMessage(
          { id: `caseActions.blocked.${reason}` },
          { count: items.length, items: intl.formatList(items, { type: "conjunction" }) },
        )}
      </small>
    </>
  );
}
