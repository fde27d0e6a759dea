import { useEnumOptions } from "../../../../ui/enums";
import { useMutation } from "urql";
import { graphql } from "../../../../gql";
import type { MonitoringItemInput } from "../../../../gql/graphql";
import { today } from "../../../../i18n/format";
import { useEnumLabel } from "../../../../i18n/useEnumLabel";
import { CheckboxesField, SelectField, TextAreaField, TextField } from "../../../../ui/fields";
import { nodes } from "../../../../ui/connection";
import { ActionDialog, useActionForm, type ActionProps } from "../ActionDialog";
import { DateField, useT } from "../fields";
import { commitmentsOf, goalsOf, plannedMeetings, type Meeting } from "../parts";
import { usePartNames } from "../partNames";
import { noteSchema, recordMeetingSchema, scheduleMeetingSchema } from "../schemas";

const ScheduleMeetingMutation = graphql(`
  mutation CaseActionsScheduleMonitoringMeeting($id: ID!, $version: Int!, $input: MonitoringMeetingInput!) {
    scheduleMonitoringMeeting(id: $id, version: $version, input: $input) {
      id
      plannedOn
    }
  }
`);

export function ScheduleMonitoringMeetingForm(props: ActionProps) {
  const t = useT();
  const label = useEnumLabel();
  const [, mutate] = useMutation(ScheduleMeetingMutation);
  const goals = goalsOf(props.parts).map((g) => ({ value: g.id, label: `${label("NeedArea", g.area)}: ${g.description}` }));
  const commitments = commitmentsOf(props.parts).map((c) => ({ value: c.id, label: `${label("CommitmentKind", c.kind)}: ${c.description}` }));
  const { form, dialog } = useActionForm(
    props,
    scheduleMeetingSchema,
    { plannedOn: "", goalIDs: [], commitmentIDs: [] },
    (v, version) => mutate({ id: props.caseId, version, input: v }),
    { plannedOn: "plannedOn", goalIDs: "goalIDs", commitmentIDs: "commitmentIDs" },
  );
  return (
    <ActionDialog {...dialog} title={t("caseActions.title.SCHEDULE_MONITORING_MEETING")}>
      <DateField form={form} name="plannedOn" label={t("caseActions.field.plannedOn")} />
      {goals.length > 0 && <CheckboxesField form={form} name="goalIDs" label={t("caseActions.field.goalsToReview")} options={goals} />}
      {commitments.length > 0 && <CheckboxesField form={form} name="commitmentIDs" label={t("caseActions.field.commitmentsToVerify")} options={commitments} />}
    </ActionDialog>
  );
}

const RecordMeetingMutation = graphql(`
  mutation CaseActionsRecordMonitoringMeeting($id: ID!, $version: Int!, $input: MonitoringResultInput!) {
    recordMonitoringMeeting(id: $id, version: $version, input: $input) {
      id
      heldOn
      summary
    }
  }
`);

const itemsOf = (m: Meeting | undefined) =>
  nodes(m?.items).map((i) => ({ itemID: i.id, progress: "", goalStatus: "", hoursDone: i.commitment ? String(i.commitment.hoursDone) : "" }));

export function RecordMonitoringMeetingForm(props: ActionProps) {
  const t = useT();
  const names = usePartNames();
  const goalStatuses = useEnumOptions("GoalStatus");
  const [, mutate] = useMutation(RecordMeetingMutation);
  const meeting = plannedMeetings(props.parts).find((m) => m.id === props.part);
  const { form, dialog } = useActionForm(
    props,
    recordMeetingSchema,
    { heldOn: today(), summary: "", items: itemsOf(meeting) },
    (input, version) => mutate({ id: props.part ?? "", version, input: { ...input, items: input.items as MonitoringItemInput[] } }),
    { heldOn: "heldOn", summary: "summary" },
  );
  const items = nodes(meeting?.items);
  return (
    <ActionDialog {...dialog} title={names.step("RECORD_MONITORING_MEETING", meeting ? names.meeting(meeting) : "")}>
      <DateField form={form} name="heldOn" label={t("caseActions.field.heldOn")} />
      <TextAreaField form={form} name="summary" label={t("caseActions.field.meetingSummary")} rows={3} />
      {items.map((item, i) => (
        <fieldset key={item.id} className="border rounded p-3 mb-3">
          <legend className="fs-6 fw-semibold float-none w-auto px-1">
            {item.goal ? t("caseActions.itemGoal", { description: item.goal.description }) : t("caseActions.itemCommitment", { description: item.commitment?.description ?? "" })}
          </legend>
          <TextAreaField form={form} name={`items.${i}.progress`} label={t("caseActions.field.progress")} rows={2} />
          {item.goal && (
            <SelectField form={form} name={`items.${i}.goalStatus`} label={t("caseActions.field.goalStatus")} options={goalStatuses} placeholder={t("caseActions.unchanged")} />
          )}
          {item.commitment && <TextField form={form} name={`items.${i}.hoursDone`} label={t("caseActions.field.hoursDone")} inputMode="numeric" />}
        </fieldset>
      ))}
    </ActionDialog>
  );
}

const MoveToMonitoringMutation = graphql(`
  mutation CaseActionsMoveToMonitoring($id: ID!, $version: Int!, $note: String) {
    moveToMonitoring(id: $id, version: $version, note: $note) {
      id
      version
      status
    }
  }
`);

export function MoveToMonitoringForm(props: ActionProps) {
  const t = useT();
  const [, mutate] = useMutation(MoveToMonitoringMutation);
  const { form, dialog } = useActionForm(props, noteSchema, { note: "" }, (v, version) => mutate({ id: props.caseId, version, ...v }), { note: "note" });
  return (
    <ActionDialog {...dialog} title={t("caseActions.title.MOVE_TO_MONITORING")} intro={t("caseActions.intro.MOVE_TO_MONITORING")}>
      <TextAreaField form={form} name="note" label={t("caseActions.field.note")} rows={2} />
    </ActionDialog>
  );
}
