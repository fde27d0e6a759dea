import { Button } from "design-react-kit";
import { useId, useState, type ComponentType } from "react";
import { useIntl } from "react-intl";
import { useNavigate } from "react-router";
import type { CaseAction, CaseActionBlock, CaseStatus } from "../../../gql/graphql";
import { useEnumLabel } from "../../../i18n/useEnumLabel";
import type { ActionProps } from "./ActionDialog";
import { DeclineReferralForm, InDepthAssessmentForm, PreliminaryAssessmentForm, StartAssessmentForm } from "./forms/Assessment";
import { AcceptTransferForm, AddNoteForm, CloseCaseForm, DeclineTransferForm, ReopenCaseForm, TransferCaseForm } from "./forms/Closure";
import { AddInterventionForm, UpdateInterventionForm } from "./forms/Interventions";
import { MoveToMonitoringForm, RecordMonitoringMeetingForm, ScheduleMonitoringMeetingForm } from "./forms/Monitoring";
import { RecordFollowUpForm, RecordOutcomeForm } from "./forms/Outcomes";
import { AddCommitmentForm, AddGoalForm, AssignCaseManagerForm, TakeChargeForm, UpdateCommitmentForm, UpdateGoalForm, UpdatePlanForm } from "./forms/Plan";
import { allowedOf, groupActions, primaryAction, type ActionState } from "./nextStep";
import { commitmentsOf, followUpsDue, goalsOf, interventionsOf, newestEventAt, plannedMeetings, useCaseParts, type CaseParts } from "./parts";
import { ErrorAlert } from "../../../ui/ErrorAlert";

// The steps the viewer takes on a case, as the server judges them
// (Case.actions): the next step first, then the others by what they
// touch, one button each opening the step's form in a dialog; a step a
// precondition blocks shows disabled, with the reason and what is in
// the way.

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
  { action: "UPDATE_INTERVENTION" },
  { action: "RECORD_OUTCOME" },
  { action: "RECORD_FOLLOW_UP" },
  { action: "SCHEDULE_MONITORING_MEETING" },
  { action: "RECORD_MONITORING_MEETING" },
  { action: "UPDATE_PLAN" },
  { action: "ADD_GOAL" },
  { action: "UPDATE_GOAL" },
  { action: "ADD_COMMITMENT" },
  { action: "UPDATE_COMMITMENT" },
  { action: "ASSIGN_CASE_MANAGER" },
  { action: "ADD_NOTE" },
  { action: "TRANSFER_CASE" },
  { action: "DECLINE_TRANSFER", danger: true },
  { action: "DECLINE_REFERRAL", danger: true },
  { action: "CLOSE_CASE", danger: true },
];

const forms: Record<CaseAction, ComponentType<ActionProps & { onReopened?: (id: string) => void }>> = {
  START_ASSESSMENT: StartAssessmentForm,
  RECORD_PRELIMINARY_ASSESSMENT: PreliminaryAssessmentForm,
  RECORD_IN_DEPTH_ASSESSMENT: InDepthAssessmentForm,
  DECLINE_REFERRAL: DeclineReferralForm,
  TAKE_CHARGE: TakeChargeForm,
  ASSIGN_CASE_MANAGER: AssignCaseManagerForm,
  UPDATE_PLAN: UpdatePlanForm,
  ADD_GOAL: AddGoalForm,
  UPDATE_GOAL: UpdateGoalForm,
  ADD_COMMITMENT: AddCommitmentForm,
  UPDATE_COMMITMENT: UpdateCommitmentForm,
  ADD_INTERVENTION: AddInterventionForm,
  UPDATE_INTERVENTION: UpdateInterventionForm,
  RECORD_OUTCOME: RecordOutcomeForm,
  RECORD_FOLLOW_UP: RecordFollowUpForm,
  SCHEDULE_MONITORING_MEETING: ScheduleMonitoringMeetingForm,
  RECORD_MONITORING_MEETING: RecordMonitoringMeetingForm,
  MOVE_TO_MONITORING: MoveToMonitoringForm,
  CLOSE_CASE: CloseCaseForm,
  REOPEN_CASE: ReopenCaseForm,
  TRANSFER_CASE: TransferCaseForm,
  ACCEPT_TRANSFER: AcceptTransferForm,
  DECLINE_TRANSFER: DeclineTransferForm,
  ADD_NOTE: AddNoteForm,
};

/** Steps on a part of the case, and whether the case has one to take them on. */
const partsNeeded: Partial<Record<CaseAction, (parts: CaseParts) => boolean>> = {
  UPDATE_GOAL: (p) => goalsOf(p).length > 0,
  UPDATE_COMMITMENT: (p) => commitmentsOf(p).length > 0,
  UPDATE_INTERVENTION: (p) => interventionsOf(p).length > 0,
  RECORD_FOLLOW_UP: (p) => followUpsDue(p).length > 0,
  RECORD_MONITORING_MEETING: (p) => plannedMeetings(p).length > 0,
};

/**
 * The buttons to show, in order: only the allowed actions, and of the
 * steps on a part (a goal, an outcome…) only those with a part to pick
 * once the parts are known.
 */
export function visibleActions(allowed: readonly CaseAction[], parts?: CaseParts) {
  return actionOrder.filter((a) => allowed.includes(a.action) && (!parts || (partsNeeded[a.action]?.(parts) ?? true)));
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

export function CaseActions({ caseId, version, status, actions, onChanged }: { caseId: string; version: number; status: CaseStatus; actions: readonly CaseActionView[]; onChanged: () => void }) {
  const intl = useIntl();
  const navigate = useNavigate();
  const [open, setOpen] = useState<CaseAction | null>(null);
  // When the page's case was seen: the newest event then, or this moment.
  const [loadedAt] = useState(() => new Date().toISOString());
  const allowedActions = allowedOf(actions);
  const { parts, error: partsError } = useCaseParts(caseId, version, allowedActions.length === 0 && open === null);
  const [seenAt, setSeenAt] = useState<string | null>(null);
  const newestEvent = newestEventAt(parts);
  const shown = new Set(visibleActions(allowedActions, parts).map((a) => a.action));
  // Allowed steps with a part to take them on, and blocked ones with their reason.
  const states = actions.filter((a) => shown.has(a.action) || (!a.allowed && a.blockedBy));
  if (states.length === 0 && open === null) {
    return null;
  }
  const primary = primaryAction(states, {
    status,
    hasPreliminary: !actions.some((a) => a.blockedBy === "PRELIMINARY_ASSESSMENT_MISSING"),
    interventions: parts ? interventionsOf(parts).length : 0,
    plannedMeetings: parts ? plannedMeetings(parts).length : 0,
    followUpsDue: parts ? followUpsDue(parts).length : 0,
  });
  const styleOf = (a: CaseAction) => actionOrder.find((o) => o.action === a);
  const openForm = (action: CaseAction) => {
    setSeenAt(newestEvent ?? loadedAt);
    setOpen(action);
  };
  const Form = open ? forms[open] : null;
  return (
    <>
      <ErrorAlert error={partsError} />
      <div role="group" aria-label={intl.formatMessage({ id: "caseActions.group" })} className="my-3">
        {primary && (
          <p className="d-flex flex-wrap align-items-center gap-2" data-testid="next-step">
            <span className="fw-semibold">{intl.formatMessage({ id: "caseActions.nextStep" })}</span>
            <Button type="button" color="primary" onClick={() => openForm(primary)}>
              {intl.formatMessage({ id: `caseActions.button.${primary}` })}
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
                      <Button type="button" size="sm" color={styleOf(a.action)?.danger ? "danger" : "primary"} outline onClick={() => openForm(a.action)}>
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
      {Form && open && (parts || partsError) && (
        <Form
          key={open}
          action={open}
          caseId={caseId}
          version={version}
          parts={parts}
          seenAt={seenAt ?? loadedAt}
          onChanged={onChanged}
          close={() => setOpen(null)}
          onReopened={(id) => navigate(`/cases/${id}`)}
        />
      )}
    </>
  );
}

/** A step the viewer could take but a precondition blocks: disabled, with why and what is in the way. */
function BlockedAction({ action, reason }: { action: CaseActionView; reason: CaseActionBlock }) {
  const intl = useIntl();
  const label = useEnumLabel();
  const id = useId();
  const items = action.blockers
    .map((b) => (b.__typename === "Intervention" && b.kind ? `«${label("InterventionKind", b.kind)}${b.description ? `: ${b.description}` : ""}»` : (b.code ?? "")))
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
