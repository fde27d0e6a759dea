import { useState } from "react";
import { useMutation } from "urql";
import { graphql } from "../../../../gql";
import { useFormat } from "../../../../i18n/format";
import { useEnumLabel } from "../../../../i18n/useEnumLabel";
import { TextAreaField } from "../../../../ui/fields";
import { ActionDialog, useActionForm, type ActionProps } from "../ActionDialog";
import { useT } from "../fields";
import { pendingApprovals, type CaseParts, type Proposal } from "../parts";
import { usePartNames } from "../partNames";
import { emptySchema, reasonSchema } from "../schemas";

// The coordinator's answer to a proposal of a case manager, where the
// table's settings ask for it: approved, the step proposed is taken as
// proposed (the plan agreed, the case closed); returned, with the reason,
// nothing changes but the proposal's status.

/** The proposal a step answers: the one of its row, or the oldest waiting. */
function proposalOf(parts: CaseParts | undefined, id: string | undefined): Proposal | undefined {
  const waiting = pendingApprovals(parts);
  return waiting.find((a) => a.id === id) ?? (id ? undefined : waiting[0]);
}

/** What is proposed, by whom and when, in a sentence. */
function useProposalText() {
  const t = useT();
  const fmt = useFormat();
  const label = useEnumLabel();
  return (p: Proposal | undefined) => {
    if (!p) {
      return "";
    }
    const said = t(`caseActions.proposal.${p.kind}`, {
      by: p.proposedBy?.name ?? "—",
      date: fmt.date(p.proposedAt),
      reason: label("CaseClosureReason", p.closureReason),
      agreed: fmt.date(p.agreedOn),
    });
    return p.note ? `${said} ${t("caseActions.proposal.note", { note: p.note })}` : said;
  };
}

const ApproveProposalMutation = graphql(`
  mutation CaseActionsApproveProposal($id: ID!, $version: Int!) {
    approveProposal(id: $id, version: $version) {
      id
      version
      status
      closedOn
      closureReason
    }
  }
`);

export function ApproveProposalForm(props: ActionProps) {
  const t = useT();
  const names = usePartNames();
  const text = useProposalText();
  const [, mutate] = useMutation(ApproveProposalMutation);
  // The proposal as it was when the dialog opened: a conflict's refresh may answer it.
  const [proposal] = useState(() => proposalOf(props.parts, props.part));
  const { dialog } = useActionForm(props, emptySchema, {}, (_v, version) => mutate({ id: proposal?.id ?? props.part ?? "", version }));
  return (
    <ActionDialog
      {...dialog}
      title={names.step("APPROVE_PROPOSAL", proposal ? names.proposal(proposal) : "")}
      intro={proposal && `${text(proposal)} ${t(`caseActions.intro.APPROVE_PROPOSAL.${proposal.kind}`)}`}
      submitLabel={t("caseActions.submit.APPROVE_PROPOSAL")}
    />
  );
}

const ReturnProposalMutation = graphql(`
  mutation CaseActionsReturnProposal($id: ID!, $version: Int!, $reason: String!) {
    returnProposal(id: $id, version: $version, reason: $reason) {
      id
      version
      status
    }
  }
`);

export function ReturnProposalForm(props: ActionProps) {
  const t = useT();
  const names = usePartNames();
  const text = useProposalText();
  const [, mutate] = useMutation(ReturnProposalMutation);
  const [proposal] = useState(() => proposalOf(props.parts, props.part));
  const { form, dialog } = useActionForm(props, reasonSchema, { reason: "" }, (v, version) => mutate({ id: proposal?.id ?? props.part ?? "", version, ...v }), {
    reason: "reason",
  });
  return (
    <ActionDialog
      {...dialog}
      title={names.step("RETURN_PROPOSAL", proposal ? names.proposal(proposal) : "")}
      intro={proposal && `${text(proposal)} ${t("caseActions.intro.RETURN_PROPOSAL")}`}
      submitLabel={t("caseActions.submit.RETURN_PROPOSAL")}
    >
      <TextAreaField form={form} name="reason" label={t("caseActions.field.returnReason")} rows={3} />
    </ActionDialog>
  );
}
