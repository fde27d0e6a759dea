import { useIntl } from "react-intl";
import type { ApprovalKind, CaseAction, InterventionKind, OutcomeKind } from "../../../gql/graphql";
import { useFormat } from "../../../i18n/format";
import { useEnumLabel } from "../../../i18n/useEnumLabel";

// The steps taken on one part of a case (a goal, an intervention, a
// service request, a proposal waiting for approval…) start from that
// part's row, and say which part they are on: its button, the dialog's
// title and the next step name it the same way.

/** The steps on one part of the case, each taken from the part's row. */
export const partSteps = [
  "UPDATE_GOAL",
  "UPDATE_COMMITMENT",
  "UPDATE_INTERVENTION",
  "RECORD_FOLLOW_UP",
  "RECORD_MONITORING_MEETING",
  "CANCEL_SERVICE_REQUEST",
  "APPROVE_PROPOSAL",
  "RETURN_PROPOSAL",
] as const satisfies readonly CaseAction[];
export type PartStep = (typeof partSteps)[number];

export const isPartStep = (a: CaseAction): a is PartStep => (partSteps as readonly CaseAction[]).includes(a);

/**
 * How parts are named: an intervention by its kind and description, an
 * outcome by its kind, a meeting by its day, a service request by its
 * service and organisation, a proposal by what it proposes.
 */
export function usePartNames() {
  const intl = useIntl();
  const label = useEnumLabel();
  const format = useFormat();
  return {
    intervention: (i: { kind: InterventionKind; description?: string | null }) => `${label("InterventionKind", i.kind)}${i.description ? `: ${i.description}` : ""}`,
    outcome: (o: { kind: OutcomeKind }) => label("OutcomeKind", o.kind),
    meeting: (m: { plannedOn: string }) => format.date(m.plannedOn),
    request: (r: { kind: InterventionKind; organization: { name: string } }) =>
      intl.formatMessage({ id: "caseActions.requestName" }, { kind: label("InterventionKind", r.kind), organization: r.organization.name }),
    proposal: (a: { kind: ApprovalKind }) => label("ApprovalKind", a.kind),
    /** The step on the part named `name`, e.g. "Aggiorna l'intervento «Tirocinio»". */
    step: (action: PartStep, name: string) => intl.formatMessage({ id: `caseActions.partStep.${action}` }, { name }),
  };
}
