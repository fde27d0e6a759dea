import { useEnumOptions } from "../../../../ui/enums";
import { useMutation } from "urql";
import { graphql } from "../../../../gql";
import { today, useFormat } from "../../../../i18n/format";
import { SelectField, TextAreaField } from "../../../../ui/fields";
import { ActionDialog, useActionForm, type ActionProps } from "../ActionDialog";
import { DateField, YesNoField, useT } from "../fields";
import { interventionsOf, outcomesOf } from "../parts";
import { usePartNames } from "../partNames";
import { followUpSchema, outcomeSchema } from "../schemas";
import { useInterventionOptions } from "./options";

const RecordOutcomeMutation = graphql(`
  mutation CaseActionsRecordOutcome($id: ID!, $version: Int!, $input: OutcomeInput!) {
    recordOutcome(id: $id, version: $version, input: $input) {
      id
      kind
      valueDimension
      achievedOn
      followUpDueOn
    }
  }
`);

export function RecordOutcomeForm(props: ActionProps) {
  const t = useT();
  const kinds = useEnumOptions("OutcomeKind");
  const dimensions = useEnumOptions("OutcomeValueDimension");
  const [, mutate] = useMutation(RecordOutcomeMutation);
  const interventions = useInterventionOptions(interventionsOf(props.parts));
  const { form, dialog } = useActionForm(
    props,
    outcomeSchema,
    { kind: "", valueDimension: "", achievedOn: today(), evidence: "", interventionID: "" },
    (v, version) => mutate({ id: props.caseId, version, input: v }),
    { kind: "kind", valueDimension: "valueDimension", achievedOn: "achievedOn", evidence: "evidence", interventionID: "interventionID" },
  );
  return (
    <ActionDialog {...dialog} title={t("caseActions.title.RECORD_OUTCOME")}>
      <SelectField form={form} name="kind" label={t("caseActions.field.outcomeKind")} options={kinds} placeholder={t("caseActions.choose")} />
      <SelectField form={form} name="valueDimension" label={t("caseActions.field.valueDimension")} options={dimensions} placeholder={t("caseActions.dimensionFromKind")} />
      <DateField form={form} name="achievedOn" label={t("caseActions.field.achievedOn")} />
      <TextAreaField form={form} name="evidence" label={t("caseActions.field.evidence")} rows={2} />
      <SelectField form={form} name="interventionID" label={t("caseActions.field.linkedIntervention")} options={interventions} placeholder={t("caseActions.noIntervention")} />
    </ActionDialog>
  );
}

const RecordFollowUpMutation = graphql(`
  mutation CaseActionsRecordFollowUp($id: ID!, $version: Int!, $input: FollowUpInput!) {
    recordFollowUp(id: $id, version: $version, input: $input) {
      id
      followedUpOn
      stillHeld
    }
  }
`);

export function RecordFollowUpForm(props: ActionProps) {
  const t = useT();
  const names = usePartNames();
  const format = useFormat();
  const [, mutate] = useMutation(RecordFollowUpMutation);
  const outcome = outcomesOf(props.parts).find((o) => o.id === props.part);
  const { form, dialog } = useActionForm(
    props,
    followUpSchema,
    { followedUpOn: today(), stillHeld: undefined, note: "" },
    (input, version) => mutate({ id: props.part ?? "", version, input }),
    { followedUpOn: "followedUpOn", stillHeld: "stillHeld", note: "note" },
  );
  return (
    <ActionDialog
      {...dialog}
      title={names.step("RECORD_FOLLOW_UP", outcome ? names.outcome(outcome) : "")}
      intro={outcome && t("caseActions.intro.RECORD_FOLLOW_UP", { achieved: format.date(outcome.achievedOn), due: format.date(outcome.followUpDueOn) })}
    >
      <DateField form={form} name="followedUpOn" label={t("caseActions.field.followedUpOn")} />
      <YesNoField form={form} name="stillHeld" label={t("caseActions.field.stillHeld")} />
      <TextAreaField form={form} name="note" label={t("caseActions.field.note")} rows={2} />
    </ActionDialog>
  );
}
