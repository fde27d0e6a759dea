import type { CasePageSectionsEventFragment } from "../../gql/graphql";

// A timeline event carries values, not words: its kind and what the step
// involved (an intervention's kind and status, whether a result still
// held, a day, the tables of a transfer, the other case of a reopening,
// the organisation of a service request and its answer, what a proposal
// to the coordinator was about). Its sentence is written here,
// in the reader's language, from the "cases.event.*" messages; only text a
// user typed (the note) is shown as typed.

export type TimelineEvent = Omit<CasePageSectionsEventFragment, " $fragmentName" | "id" | "occurredAt" | "note" | "actor">;

/** How a sentence's values are written: enum labels, days, a link to a case. */
export interface Words<T> {
  label: (enumName: string, value: string) => string;
  date: (day: string) => string;
  caseRef: (c: { id: string; code: string }) => T;
}

/** A sentence: its message and the values it names. */
export interface Sentence<T> {
  id: string;
  values: Record<string, string | T>;
}

/** The sentence of a timeline event, falling back to the kind's plain one when a value is missing (unreadable, or written before events carried values). */
export function eventSentence<T>(e: TimelineEvent, w: Words<T>): Sentence<T> {
  const plain = { id: `cases.event.${e.kind}`, values: {} };
  const pick = (suffix: string, values: Record<string, string | T>) => ({ id: `cases.event.${e.kind}.${suffix}`, values });
  switch (e.kind) {
    case "ASSESSMENT_RECORDED":
      return e.assessmentLevel ? pick("level", { level: e.assessmentLevel }) : plain;
    case "TAKEN_IN_CHARGE":
    case "CASE_MANAGER_ASSIGNED":
      return e.assignee ? pick("assignee", { name: e.assignee.name }) : plain;
    case "PLAN_UPDATED":
      return e.detail ? pick("detail", { detail: e.detail }) : plain;
    case "INTERVENTION_ADDED":
      return e.interventionKind ? pick("kind", { kind: w.label("InterventionKind", e.interventionKind) }) : plain;
    case "INTERVENTION_UPDATED":
      return e.interventionKind && e.interventionStatus
        ? pick("status", { kind: w.label("InterventionKind", e.interventionKind), status: e.interventionStatus })
        : plain;
    case "OUTCOME_RECORDED":
      return e.outcomeKind ? pick("kind", { kind: w.label("OutcomeKind", e.outcomeKind) }) : plain;
    case "FOLLOW_UP_RECORDED":
      return e.outcomeKind ? pick("kind", { kind: w.label("OutcomeKind", e.outcomeKind), held: String(e.stillHeld ?? "") }) : plain;
    case "MONITORING_MEETING_SCHEDULED":
    case "MONITORING_MEETING_HELD":
      return e.day ? pick("day", { day: w.date(e.day) }) : plain;
    case "CLOSED":
      return e.closureReason ? pick("reason", { reason: w.label("CaseClosureReason", e.closureReason) }) : plain;
    case "REOPENED":
      return e.detail && e.relatedCase ? pick(e.detail, { code: w.caseRef(e.relatedCase) }) : plain;
    case "TRANSFER_REQUESTED":
    case "TRANSFER_DECLINED":
      return e.toTable ? pick("table", { to: e.toTable.name }) : plain;
    case "TRANSFERRED":
      return e.fromTable && e.toTable ? pick("tables", { from: e.fromTable.name, to: e.toTable.name }) : plain;
    case "SERVICE_REQUESTED":
    case "SERVICE_REQUEST_CANCELLED":
      return e.organization && e.interventionKind ? pick("org", { organization: e.organization.name, kind: w.label("InterventionKind", e.interventionKind) }) : plain;
    case "SERVICE_REQUEST_ACCEPTED": {
      if (!e.organization || !e.interventionKind) {
        return plain;
      }
      const said = { organization: e.organization.name, kind: w.label("InterventionKind", e.interventionKind) };
      return e.day ? pick("day", { ...said, day: w.date(e.day) }) : pick("org", said);
    }
    case "SERVICE_REQUEST_DECLINED":
      return e.organization && e.interventionKind && e.declineReason
        ? pick("reason", {
            organization: e.organization.name,
            kind: w.label("InterventionKind", e.interventionKind),
            reason: w.label("ServiceRequestDeclineReason", e.declineReason),
          })
        : plain;
    case "SERVICE_REQUEST_COMPLETED":
      return e.organization && e.interventionKind && e.completionReason
        ? pick("reason", {
            organization: e.organization.name,
            kind: w.label("InterventionKind", e.interventionKind),
            reason: w.label("ServiceRequestCompletionReason", e.completionReason),
            successful: String(e.successful ?? ""),
          })
        : plain;
    case "PROPOSED":
    case "PROPOSAL_APPROVED":
    case "PROPOSAL_RETURNED":
      return e.approvalKind ? pick("kind", { kind: e.approvalKind }) : plain;
    default:
      return plain;
  }
}
