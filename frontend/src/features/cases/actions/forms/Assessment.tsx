import { useEnumOptions } from "../../../../ui/enums";
import { Button } from "design-react-kit";
import { useFieldArray } from "react-hook-form";
import { useMutation } from "urql";
import { graphql } from "../../../../gql";
import type { AreaFindingInput } from "../../../../gql/graphql";
import { today } from "../../../../i18n/format";
import { CheckboxesField, SelectField, TextAreaField } from "../../../../ui/fields";
import { ActionDialog, useActionForm, type ActionProps } from "../ActionDialog";
import { CheckField, DateField, ListError, useT } from "../fields";
import { membersOf } from "../parts";
import { inDepthSchema, preliminarySchema, reasonSchema, startAssessmentSchema } from "../schemas";

const StartAssessmentMutation = graphql(`
  mutation CaseActionsStartAssessment($id: ID!, $version: Int!, $firstMeetingOn: Date) {
    startAssessment(id: $id, version: $version, firstMeetingOn: $firstMeetingOn) {
      id
      version
      status
      firstMeetingOn
      planDueOn
    }
  }
`);

export function StartAssessmentForm(props: ActionProps) {
  const t = useT();
  const [, mutate] = useMutation(StartAssessmentMutation);
  const { form, dialog } = useActionForm(props, startAssessmentSchema, { firstMeetingOn: today() }, (v, version) => mutate({ id: props.caseId, version, ...v }), {
    firstMeetingOn: "firstMeetingOn",
  });
  return (
    <ActionDialog {...dialog} title={t("caseActions.title.START_ASSESSMENT")} intro={t("caseActions.intro.START_ASSESSMENT")}>
      <DateField form={form} name="firstMeetingOn" label={t("caseActions.field.firstMeetingOn")} />
    </ActionDialog>
  );
}

const PreliminaryMutation = graphql(`
  mutation CaseActionsRecordPreliminaryAssessment($id: ID!, $version: Int!, $input: AssessmentInput!) {
    recordPreliminaryAssessment(id: $id, version: $version, input: $input) {
      id
      version
      status
    }
  }
`);

const InDepthMutation = graphql(`
  mutation CaseActionsRecordInDepthAssessment($id: ID!, $version: Int!, $input: AssessmentInput!) {
    recordInDepthAssessment(id: $id, version: $version, input: $input) {
      id
      version
      status
    }
  }
`);

interface FindingValues {
  area: string;
  need: string;
  resources: string;
  notes: string;
}

const emptyFinding = (area = ""): FindingValues => ({ area, need: "", resources: "", notes: "" });

const assessmentFields = { summary: "summary", findings: "findings", assessedOn: "assessedOn" } as const;

/** The rows of needs and resources by area. */
function Findings({ form }: { form: ReturnType<typeof useActionForm<typeof preliminarySchema>>["form"] }) {
  const areas = useEnumOptions("NeedArea");
  const levels = useEnumOptions("NeedLevel");
  const { fields, append, remove } = useFieldArray({ control: form.control, name: "findings" });
  const t = useT();
  return (
    <>
      <h3 className="h5 mt-3">{t("caseActions.section.findings")}</h3>
      <ListError form={form} name="findings" />
      {fields.map((f, i) => (
        <fieldset key={f.id} className="border rounded p-3 mb-3">
          <legend className="fs-6 fw-semibold float-none w-auto px-1">{t("caseActions.findingLegend", { n: i + 1 })}</legend>
          <SelectField form={form} name={`findings.${i}.area`} label={t("caseActions.field.area")} options={areas} placeholder={t("caseActions.choose")} />
          <SelectField form={form} name={`findings.${i}.need`} label={t("caseActions.field.needLevel")} options={levels} placeholder={t("caseActions.choose")} />
          <TextAreaField form={form} name={`findings.${i}.resources`} label={t("caseActions.field.resources")} rows={2} />
          <TextAreaField form={form} name={`findings.${i}.notes`} label={t("caseActions.field.findingNotes")} rows={2} />
          {fields.length > 1 && (
            <Button type="button" color="danger" outline size="sm" onClick={() => remove(i)}>
              {t("caseActions.removeFinding", { n: i + 1 })}
            </Button>
          )}
        </fieldset>
      ))}
      <Button type="button" color="primary" outline size="sm" className="mb-3" onClick={() => append(emptyFinding())}>
        {t("caseActions.addFinding")}
      </Button>
    </>
  );
}

export function PreliminaryAssessmentForm(props: ActionProps) {
  const t = useT();
  const [, mutate] = useMutation(PreliminaryMutation);
  const first = props.parts?.needAreas[0];
  const { form, dialog } = useActionForm(
    props,
    preliminarySchema,
    { summary: "", assessedOn: today(), findings: [emptyFinding(first)], complexNeeds: false },
    (v, version) => mutate({ id: props.caseId, version, input: { ...v, findings: v.findings as AreaFindingInput[] } }),
    { ...assessmentFields, complexNeeds: "complexNeeds" },
  );
  return (
    <ActionDialog {...dialog} title={t("caseActions.title.RECORD_PRELIMINARY_ASSESSMENT")}>
      <TextAreaField form={form} name="summary" label={t("caseActions.field.assessmentSummary")} rows={4} />
      <DateField form={form} name="assessedOn" label={t("caseActions.field.assessedOn")} />
      <Findings form={form} />
      <CheckField form={form} name="complexNeeds" label={t("caseActions.field.complexNeeds")} />
    </ActionDialog>
  );
}

export function InDepthAssessmentForm(props: ActionProps) {
  const t = useT();
  const [, mutate] = useMutation(InDepthMutation);
  const first = props.parts?.needAreas[0];
  const members = membersOf(props.parts).map((m) => ({ value: m.user.id, label: m.user.name }));
  const { form, dialog } = useActionForm(
    props,
    inDepthSchema,
    { summary: "", assessedOn: today(), findings: [emptyFinding(first)], teamIDs: [] },
    (v, version) => mutate({ id: props.caseId, version, input: { ...v, findings: v.findings as AreaFindingInput[] } }),
    { ...assessmentFields, teamIDs: "teamIDs" },
  );
  return (
    <ActionDialog {...dialog} title={t("caseActions.title.RECORD_IN_DEPTH_ASSESSMENT")}>
      <TextAreaField form={form} name="summary" label={t("caseActions.field.assessmentSummary")} rows={4} />
      <DateField form={form} name="assessedOn" label={t("caseActions.field.assessedOn")} />
      <Findings form={form as never} />
      <CheckboxesField form={form} name="teamIDs" label={t("caseActions.field.team")} options={members} />
    </ActionDialog>
  );
}

const DeclineReferralMutation = graphql(`
  mutation CaseActionsDeclineReferral($id: ID!, $version: Int!, $reason: String!) {
    declineReferral(id: $id, version: $version, reason: $reason) {
      id
      version
      status
      declineReason
    }
  }
`);

export function DeclineReferralForm(props: ActionProps) {
  const t = useT();
  const [, mutate] = useMutation(DeclineReferralMutation);
  const { form, dialog } = useActionForm(props, reasonSchema, { reason: "" }, (v, version) => mutate({ id: props.caseId, version, ...v }), { reason: "reason" });
  return (
    <ActionDialog {...dialog} title={t("caseActions.title.DECLINE_REFERRAL")} intro={t("caseActions.intro.DECLINE_REFERRAL")}>
      <TextAreaField form={form} name="reason" label={t("caseActions.field.declineReason")} />
    </ActionDialog>
  );
}

