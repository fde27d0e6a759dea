import { Button } from "design-react-kit";
import { createContext, useContext, useEffect, useRef, useState, type ComponentType, type ReactNode } from "react";
import { useIntl } from "react-intl";
import { useLocation, useNavigate } from "react-router";
import type { CombinedError } from "urql";
import type { CaseAction } from "../../../gql/graphql";
import type { ActionProps } from "./ActionDialog";
import { DeclineReferralForm, InDepthAssessmentForm, PreliminaryAssessmentForm, StartAssessmentForm } from "./forms/Assessment";
import { AcceptTransferForm, AddNoteForm, CloseCaseForm, DeclineTransferForm, ReopenCaseForm, TransferCaseForm } from "./forms/Closure";
import { AddInterventionForm, UpdateInterventionForm } from "./forms/Interventions";
import { MoveToMonitoringForm, RecordMonitoringMeetingForm, ScheduleMonitoringMeetingForm } from "./forms/Monitoring";
import { RecordFollowUpForm, RecordOutcomeForm } from "./forms/Outcomes";
import { ApproveProposalForm, ReturnProposalForm } from "./forms/Approvals";
import { CancelServiceRequestForm, RequestServiceForm } from "./forms/Requests";
import { AddCommitmentForm, AddGoalForm, AssignCaseManagerForm, TakeChargeForm, UpdateCommitmentForm, UpdateGoalForm, UpdatePlanForm } from "./forms/Plan";
import { allowedOf, type ActionState } from "./nextStep";
import { newestEventAt, useCaseParts, type CaseParts } from "./parts";
import { usePartNames, type PartStep } from "./partNames";

// The steps on a case, wherever the page offers them (the actions' area,
// a part's row): one dialog open at a time, on the whole case or bound
// to one part, and after a success one notice, said politely, with the
// focus on it, while the page shows the result.

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
  REQUEST_SERVICE: RequestServiceForm,
  CANCEL_SERVICE_REQUEST: CancelServiceRequestForm,
  APPROVE_PROPOSAL: ApproveProposalForm,
  RETURN_PROPOSAL: ReturnProposalForm,
};

/** What the page's parts know of the case's steps. */
interface Steps {
  /** Whether the viewer may take the step now. */
  allowed: (action: CaseAction) => boolean;
  /** Opens the step's dialog, on the part with ID `part` for a step on a part. */
  start: (action: CaseAction, part?: string) => void;
  /** The case's parts as the forms see them (undefined while loading, or when no step is allowed). */
  parts: CaseParts | undefined;
  partsError: CombinedError | undefined;
  /** The step last taken here, until another starts. */
  done: CaseAction | null;
  /** How it ended, when not as the step's name says (a closure proposed rather than done): its notice's key. */
  doneAs: string | null;
}

const StepsContext = createContext<Steps | null>(null);

/** The case's steps, for the parts of its page; null outside CaseSteps. */
export function useCaseSteps() {
  return useContext(StepsContext);
}

/** The state a navigation to a case carries, e.g. to the case just reopened. */
interface ArrivalState {
  done?: CaseAction;
}

/** Holds the open step's dialog and the notice of the last one taken, for everything inside it. */
export function CaseSteps({
  caseId,
  version,
  actions,
  onChanged,
  children,
}: {
  caseId: string;
  version: number;
  actions: readonly ActionState[];
  onChanged: () => void;
  children: ReactNode;
}) {
  const navigate = useNavigate();
  const location = useLocation();
  const arrival = location.state as ArrivalState | null;
  const [open, setOpen] = useState<{ action: CaseAction; part?: string } | null>(null);
  const [done, setDone] = useState<CaseAction | null>(arrival?.done ?? null);
  const [doneAs, setDoneAs] = useState<string | null>(null);
  useEffect(() => {
    if (arrival?.done) {
      // Said once: a reload of the page is no new step.
      navigate(location.pathname + location.search, { replace: true, state: null });
    }
  }, [arrival, location.pathname, location.search, navigate]);
  // When the page's case was seen: the newest event then, or this moment.
  const [loadedAt] = useState(() => new Date().toISOString());
  const [seenAt, setSeenAt] = useState<string | null>(null);
  const allowedActions = allowedOf(actions);
  const { parts, error } = useCaseParts(caseId, version, allowedActions.length === 0 && open === null);
  const newestEvent = newestEventAt(parts);
  const steps: Steps = {
    allowed: (a) => allowedActions.includes(a),
    start: (action, part) => {
      setDone(null);
      setDoneAs(null);
      setSeenAt(newestEvent ?? loadedAt);
      setOpen({ action, part });
    },
    parts,
    partsError: error,
    done,
    doneAs,
  };
  const Form = open ? forms[open.action] : null;
  return (
    <StepsContext.Provider value={steps}>
      {children}
      {Form && open && (parts || error) && (
        <Form
          key={`${open.action}-${open.part ?? ""}`}
          action={open.action}
          caseId={caseId}
          version={version}
          parts={parts}
          part={open.part}
          seenAt={seenAt ?? loadedAt}
          onChanged={onChanged}
          close={() => setOpen(null)}
          done={(as) => {
            setOpen(null);
            setDone(open.action);
            setDoneAs(as ?? null);
          }}
          onReopened={(id) => navigate(`/cases/${id}`, { state: { done: "REOPEN_CASE" } satisfies ArrivalState })}
        />
      )}
    </StepsContext.Provider>
  );
}

/**
 * The notice of the step last taken, e.g. "Intervento aggiornato": a
 * polite live region, always there so that what it says is announced,
 * and where the focus goes once the dialog has closed.
 */
export function StepNotice() {
  const intl = useIntl();
  const steps = useCaseSteps();
  const done = steps?.done ?? null;
  const doneAs = steps?.doneAs ?? null;
  const ref = useRef<HTMLDivElement>(null);
  useEffect(() => {
    if (done) {
      // After the dialog has given the focus back to its opener, which the
      // refreshed page may remove (a case closed has no close button).
      const t = setTimeout(() => ref.current?.focus(), 0);
      return () => clearTimeout(t);
    }
  }, [done]);
  return (
    <div ref={ref} role="status" aria-live="polite" tabIndex={-1} className={done ? "alert alert-success" : undefined} data-testid="step-notice">
      {done && intl.formatMessage({ id: `caseActions.done.${doneAs ?? done}` })}
    </div>
  );
}

/** The button of a step on one part, in that part's row, when the viewer may take it; it names the part. */
export function PartStepButton({ action, part, name }: { action: PartStep; part: string; name: string }) {
  const intl = useIntl();
  const names = usePartNames();
  const steps = useCaseSteps();
  if (!steps?.allowed(action)) {
    return null;
  }
  return (
    <Button type="button" size="sm" color="primary" outline aria-label={names.step(action, name)} onClick={() => steps.start(action, part)}>
      {intl.formatMessage({ id: `caseActions.partButton.${action}` })}
    </Button>
  );
}
