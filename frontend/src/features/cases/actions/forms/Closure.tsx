import { useRef } from "react";
import { useEnumOptions } from "../../../../ui/enums";
import { useMutation } from "urql";
import { graphql } from "../../../../gql";
import { SelectField, TextAreaField } from "../../../../ui/fields";
import { ActionDialog, useActionForm, type ActionProps } from "../ActionDialog";
import { useT } from "../fields";
import { addNoteSchema, closeSchema, emptySchema, reasonSchema, transferSchema } from "../schemas";
import { useTableOptions } from "./options";

const CloseCaseMutation = graphql(`
  mutation CaseActionsCloseCase($id: ID!, $version: Int!, $reason: CaseClosureReason!, $note: String) {
    closeCase(id: $id, version: $version, reason: $reason, note: $note) {
      id
      version
      status
      closedOn
      closureReason
    }
  }
`);

export function CloseCaseForm(props: ActionProps) {
  const t = useT();
  const reasons = useEnumOptions("CaseClosureReason");
  const [, mutate] = useMutation(CloseCaseMutation);
  const { form, dialog } = useActionForm(props, closeSchema, { reason: "", note: "" }, (v, version) => mutate({ id: props.caseId, version, ...v }), {
    reason: "reason",
    note: "note",
  });
  return (
    <ActionDialog {...dialog} title={t("caseActions.title.CLOSE_CASE")} intro={t("caseActions.intro.CLOSE_CASE")} submitLabel={t("caseActions.submit.CLOSE_CASE")}>
      <SelectField form={form} name="reason" label={t("caseActions.field.closureReason")} options={reasons} placeholder={t("caseActions.choose")} />
      <TextAreaField form={form} name="note" label={t("caseActions.field.note")} rows={2} />
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
  const close = () => {
    props.close();
    if (reopened.current) {
      props.onReopened?.(reopened.current);
    }
  };
  const { form, dialog } = useActionForm(
    { ...props, close },
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
