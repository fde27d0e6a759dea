import { Button } from "design-react-kit";
import { useState, type ComponentType } from "react";
import { useIntl } from "react-intl";
import { useNavigate } from "react-router";
import type { CaseAction } from "../../../gql/graphql";
import type { ActionProps } from "./ActionDialog";
import { DeclineReferralForm, InDepthAssessmentForm, PreliminaryAssessmentForm, StartAssessmentForm } from "./forms/Assessment";
import { AcceptTransferForm, AddNoteForm, CloseCaseForm, DeclineTransferForm, ReopenCaseForm, TransferCaseForm } from "./forms/Closure";
import { AddInterventionForm, UpdateInterventionForm } from "./forms/Interventions";
import { MoveToMonitoringForm, RecordMonitoringMeetingForm, ScheduleMonitoringMeetingForm } from "./forms/Monitoring";
import { RecordFollowUpForm, RecordOutcomeForm } from "./forms/Outcomes";
import { AddCommitmentForm, AddGoalForm, AssignCaseManagerForm, TakeChargeForm, UpdateCommitmentForm, UpdateGoalForm, UpdatePlanForm } from "./forms/Plan";
import { commitmentsOf, followUpsDue, goalsOf, interventionsOf, newestEventAt, plannedMeetings, useCaseParts, type CaseParts } from "./parts";
import { ErrorAlert } from "../../../ui/ErrorAlert";

// The steps the viewer may take on a case now, as the server says
// (Case.allowedActions): one button each, opening the step's form in a
// dialog. The steps that move the case along its pathway come first.

/** The actions in the order their buttons show; `primary` ones move the case's status. */
export const actionOrder: readonly { action: CaseAction; primary?: boolean; danger?: boolean }[] = [
  { action: "START_ASSESSMENT", primary: true },
  { action: "RECORD_PRELIMINARY_ASSESSMENT", primary: true },
  { action: "RECORD_IN_DEPTH_ASSESSMENT", primary: true },
  { action: "TAKE_CHARGE", primary: true },
  { action: "ACCEPT_TRANSFER", primary: true },
  { action: "MOVE_TO_MONITORING", primary: true },
  { action: "REOPEN_CASE", primary: true },
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

export function CaseActions({ caseId, version, allowedActions, onChanged }: { caseId: string; version: number; allowedActions: readonly CaseAction[]; onChanged: () => void }) {
  const intl = useIntl();
  const navigate = useNavigate();
  const [open, setOpen] = useState<CaseAction | null>(null);
  // When the page's case was seen: the newest event then, or this moment.
  const [loadedAt] = useState(() => new Date().toISOString());
  const { parts, error: partsError } = useCaseParts(caseId, version, allowedActions.length === 0 && open === null);
  const [seenAt, setSeenAt] = useState<string | null>(null);
  const newestEvent = newestEventAt(parts);
  const buttons = visibleActions(allowedActions, parts);
  if (buttons.length === 0 && open === null) {
    return null;
  }
  const Form = open ? forms[open] : null;
  return (
    <>
      <ErrorAlert error={partsError} />
      <div role="group" aria-label={intl.formatMessage({ id: "caseActions.group" })} className="d-flex flex-wrap gap-2 my-3">
        {buttons.map(({ action, primary, danger }) => (
          <Button
            key={action}
            type="button"
            size="sm"
            color={danger ? "danger" : "primary"}
            outline={!primary}
            onClick={() => {
              setSeenAt(newestEvent ?? loadedAt);
              setOpen(action);
            }}
          >
            {intl.formatMessage({ id: `caseActions.button.${action}` })}
          </Button>
        ))}
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
