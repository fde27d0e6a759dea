import { useEffect, useId, useRef, useState } from "react";
import { useEnumOptions } from "../../../../ui/enums";
import { useMutation } from "urql";
import { graphql } from "../../../../gql";
import { useEnumLabel } from "../../../../i18n/useEnumLabel";
import { CheckboxesField, SelectField, TextAreaField } from "../../../../ui/fields";
import { ActionDialog, useActionForm, type ActionProps } from "../ActionDialog";
import { useMaybeSession } from "../../../../session/session";
import { useT } from "../fields";
import { commitmentsOf, goalsOf, needsApproval, type CaseParts } from "../parts";
import { addNoteSchema, closeSchema, emptySchema, reasonSchema, transferSchema } from "../schemas";
import { useTableOptions } from "./options";

const CloseCaseMutation = graphql(`
  mutation CaseActionsCloseCase($id: ID!, $version: Int!, $reason: CaseClosureReason!, $note: String, $goalsAchieved: [ID!], $commitmentsFulfilled: [ID!]) {
    closeCase(id: $id, version: $version, reason: $reason, note: $note, goalsAchieved: $goalsAchieved, commitmentsFulfilled: $commitmentsFulfilled) {
      id
      version
      status
      closedOn
      closureReason
    }
  }
`);

/**
 * What a closure with the goals met leaves open: the goals neither
 * achieved nor dropped, and the commitments with hours agreed and none
 * done.
 */
function openAtClosure(parts: CaseParts | undefined) {
  return {
    goals: goalsOf(parts).filter((g) => g.status !== "ACHIEVED" && g.status !== "DROPPED"),
    commitments: commitmentsOf(parts).filter((c) => c.hoursDone === 0 && c.hoursAgreed > 0),
  };
}

export function CloseCaseForm(props: ActionProps) {
  const t = useT();
  const label = useEnumLabel();
  const reasons = useEnumOptions("CaseClosureReason");
  const [, mutate] = useMutation(CloseCaseMutation);
  const open = openAtClosure(props.parts);
  // Where the table wants the coordinator's approval, a case manager's
  // closure is a proposal: the dialog says so beforehand, the notice
  // after (the answer is the case, still open).
  const proposing = needsApproval(props.parts, "closure", useMaybeSession()?.viewer.id);
  const proposed = useRef(false);
  const done = () => props.done(proposed.current ? "CLOSE_CASE_PROPOSED" : undefined);
  // With the goals met while some are open, the first Close asks, listing
  // them with a choice to mark each; the second closes.
  const [asked, setAsked] = useState(false);
  const { form, dialog } = useActionForm(
    { ...props, done },
    closeSchema,
    { reason: "", note: "", goalsAchieved: [], commitmentsFulfilled: [] },
    async ({ goalsAchieved, commitmentsFulfilled, ...v }, version) => {
      const result = await mutate({
        id: props.caseId,
        version,
        ...v,
        ...(v.reason === "GOALS_MET" && { goalsAchieved, commitmentsFulfilled }),
      });
      proposed.current = !!result.data && result.data.closeCase.status !== "CLOSED";
      return result;
    },
    { reason: "reason", note: "note", goalsAchieved: "goalsAchieved", commitmentsFulfilled: "commitmentsFulfilled" },
  );
  const mustAsk = form.watch("reason") === "GOALS_MET" && open.goals.length + open.commitments.length > 0;
  const asking = mustAsk && asked;
  const question = useRef<HTMLHeadingElement>(null);
  const questionId = useId();
  useEffect(() => {
    if (asking) {
      question.current?.focus();
    }
  }, [asking]);
  const onSubmit = () => {
    if (mustAsk && !asked) {
      setAsked(true);
      return;
    }
    dialog.onSubmit();
  };
  return (
    <ActionDialog
      {...dialog}
      onSubmit={onSubmit}
      title={t("caseActions.title.CLOSE_CASE")}
      intro={proposing ? `${t("caseActions.intro.CLOSE_CASE")} ${t("caseActions.intro.CLOSE_CASE_APPROVAL")}` : t("caseActions.intro.CLOSE_CASE")}
      submitLabel={t(asking ? "caseActions.submit.CLOSE_CASE_ANYWAY" : proposing ? "caseActions.submit.CLOSE_CASE_PROPOSE" : "caseActions.submit.CLOSE_CASE")}
    >
      <SelectField form={form} name="reason" label={t("caseActions.field.closureReason")} options={reasons} placeholder={t("caseActions.choose")} />
      <TextAreaField form={form} name="note" label={t("caseActions.field.note")} rows={2} />
      {asking && (
        <section className="border border-warning rounded p-3" aria-labelledby={questionId}>
          <h3 id={questionId} ref={question} tabIndex={-1} className="h5">
            {t("caseActions.closeOpen.title")}
          </h3>
          <p>{t("caseActions.closeOpen.text")}</p>
          {open.goals.length > 0 && (
            <CheckboxesField
              form={form}
              name="goalsAchieved"
              label={t("caseActions.closeOpen.goals")}
              options={open.goals.map((g) => ({ value: g.id, label: t("caseActions.closeOpen.goal", { description: g.description, status: label("GoalStatus", g.status) }) }))}
            />
          )}
          {open.commitments.length > 0 && (
            <CheckboxesField
              form={form}
              name="commitmentsFulfilled"
              label={t("caseActions.closeOpen.commitments")}
              options={open.commitments.map((c) => ({ value: c.id, label: t("caseActions.closeOpen.commitment", { description: c.description, agreed: c.hoursAgreed }) }))}
            />
          )}
        </section>
      )}
    </ActionDialog>
  );
}

const ReopenCaseMutation = graphql(`
  mutation CaseActionsReopenCase($id: ID!, $version: Int!, $reason: String!) {
    reopenCase(id: $id, version: $version, reason: $reason) {
      id
      code
      status
    }
  }
`);

export function ReopenCaseForm(props: ActionProps & { onReopened?: (id: string) => void }) {
  const t = useT();
  const [, mutate] = useMutation(ReopenCaseMutation);
  // The new case opens once the dialog has closed as saved, so that going
  // there is not taken for leaving unsaved input.
  const reopened = useRef<string | null>(null);
  const done = () => {
    props.done();
    if (reopened.current) {
      props.onReopened?.(reopened.current);
    }
  };
  const { form, dialog } = useActionForm(
    { ...props, done },
    reasonSchema,
    { reason: "" },
    async (v, version) => {
      const result = await mutate({ id: props.caseId, version, ...v });
      reopened.current = result.data?.reopenCase.id ?? null;
      return result;
    },
    { reason: "reason", id: "reason" },
  );
  return (
    <ActionDialog {...dialog} title={t("caseActions.title.REOPEN_CASE")} intro={t("caseActions.intro.REOPEN_CASE")}>
      <TextAreaField form={form} name="reason" label={t("caseActions.field.reopenReason")} />
    </ActionDialog>
  );
}

const TransferCaseMutation = graphql(`
  mutation CaseActionsTransferCase($id: ID!, $version: Int!, $tableID: ID!, $reason: String!) {
    transferCase(id: $id, version: $version, tableID: $tableID, reason: $reason) {
      id
      version
      transferReason
      transferTo {
        id
        name
      }
    }
  }
`);

export function TransferCaseForm(props: ActionProps) {
  const t = useT();
  const tables = useTableOptions(props.parts?.table.id);
  const [, mutate] = useMutation(TransferCaseMutation);
  const { form, dialog } = useActionForm(props, transferSchema, { tableID: "", reason: "" }, (v, version) => mutate({ id: props.caseId, version, ...v }), {
    tableID: "tableID",
    reason: "reason",
  });
  return (
    <ActionDialog {...dialog} title={t("caseActions.title.TRANSFER_CASE")} intro={t("caseActions.intro.TRANSFER_CASE")}>
      <SelectField form={form} name="tableID" label={t("caseActions.field.targetTable")} options={tables} placeholder={t("caseActions.choose")} />
      <TextAreaField form={form} name="reason" label={t("caseActions.field.transferReason")} />
    </ActionDialog>
  );
}

const AcceptTransferMutation = graphql(`
  mutation CaseActionsAcceptTransfer($id: ID!, $version: Int!) {
    acceptTransfer(id: $id, version: $version) {
      id
      version
      table {
        id
        name
      }
    }
  }
`);

export function AcceptTransferForm(props: ActionProps) {
  const t = useT();
  const [, mutate] = useMutation(AcceptTransferMutation);
  const { dialog } = useActionForm(props, emptySchema, {}, (_v, version) => mutate({ id: props.caseId, version }));
  return <ActionDialog {...dialog} title={t("caseActions.title.ACCEPT_TRANSFER")} intro={t("caseActions.intro.ACCEPT_TRANSFER")} submitLabel={t("caseActions.submit.ACCEPT_TRANSFER")} />;
}

const DeclineTransferMutation = graphql(`
  mutation CaseActionsDeclineTransfer($id: ID!, $version: Int!, $reason: String!) {
    declineTransfer(id: $id, version: $version, reason: $reason) {
      id
      version
      transferTo {
        id
      }
    }
  }
`);

export function DeclineTransferForm(props: ActionProps) {
  const t = useT();
  const [, mutate] = useMutation(DeclineTransferMutation);
  const { form, dialog } = useActionForm(props, reasonSchema, { reason: "" }, (v, version) => mutate({ id: props.caseId, version, ...v }), { reason: "reason" });
  return (
    <ActionDialog {...dialog} title={t("caseActions.title.DECLINE_TRANSFER")} intro={t("caseActions.intro.DECLINE_TRANSFER")}>
      <TextAreaField form={form} name="reason" label={t("caseActions.field.declineTransferReason")} />
    </ActionDialog>
  );
}

const AddNoteMutation = graphql(`
  mutation CaseActionsAddNote($id: ID!, $text: String!) {
    addNote(id: $id, text: $text) {
      id
      kind
      occurredAt
      note
    }
  }
`);

export function AddNoteForm(props: ActionProps) {
  const t = useT();
  const [, mutate] = useMutation(AddNoteMutation);
  // Notes only add: no version, so no conflict.
  const { form, dialog } = useActionForm(props, addNoteSchema, { text: "" }, (v) => mutate({ id: props.caseId, ...v }), { text: "text" });
  return (
    <ActionDialog {...dialog} title={t("caseActions.title.ADD_NOTE")} intro={t("caseActions.intro.ADD_NOTE")}>
      <TextAreaField form={form} name="text" label={t("caseActions.field.noteText")} rows={4} />
    </ActionDialog>
  );
}
