import { useRef } from "react";
import { useEnumOptions } from "../../../../ui/enums";
import { Button } from "design-react-kit";
import { useFieldArray, type UseFormReturn } from "react-hook-form";
import { useMutation } from "urql";
import { graphql } from "../../../../gql";
import type { CommitmentInput, GoalInput } from "../../../../gql/graphql";
import { today } from "../../../../i18n/format";
import { SelectField, TextAreaField, TextField } from "../../../../ui/fields";
import { ActionDialog, useActionForm, type ActionProps } from "../ActionDialog";
import { DateField, ListError, useT } from "../fields";
import { useMaybeSession } from "../../../../session/session";
import { commitmentsOf, goalsOf, membersOf, needsApproval, type CaseParts } from "../parts";
import { usePartNames } from "../partNames";
import {
  caseManagerSchema,
  commitmentSchema,
  goalSchema,
  takeChargeSchema,
  updateCommitmentSchema,
  updateGoalSchema,
  updatePlanSchema,
} from "../schemas";
import { useOrganizationOptions } from "../../../../ui/organizations";

// A Date of the API is already what a date input takes.
const dayOf = (d: string | null | undefined) => d ?? "";

/** The table's members, by name, to choose a case manager. */
function memberOptions(parts: CaseParts | undefined) {
  return membersOf(parts)
    .map((m) => ({ value: m.user.id, label: m.user.name }))
    .filter((o, i, all) => all.findIndex((x) => x.value === o.value) === i);
}

const emptyGoal = (area = "") => ({ area, description: "", dueOn: "" });
const emptyCommitment = () => ({ kind: "", description: "", hoursAgreed: "", dueOn: "", hostID: "" });

// eslint-disable-next-line @typescript-eslint/no-explicit-any
type AnyForm = UseFormReturn<any>;

/** The fields of one goal, under `prefix` (e.g. "plan.goals.0"). */
function GoalFields({ form: anyForm, prefix }: { form: object; prefix: string }) {
  const form = anyForm as AnyForm;
  const t = useT();
  const areas = useEnumOptions("NeedArea");
  return (
    <>
      <SelectField form={form} name={`${prefix}area`} label={t("caseActions.field.goalArea")} options={areas} placeholder={t("caseActions.choose")} />
      <TextAreaField form={form} name={`${prefix}description`} label={t("caseActions.field.goalDescription")} rows={2} />
      <DateField form={form} name={`${prefix}dueOn`} label={t("caseActions.field.goalDueOn")} />
    </>
  );
}

/** The fields of one reciprocal commitment, under `prefix`. */
function CommitmentFields({ form: anyForm, prefix }: { form: object; prefix: string }) {
  const form = anyForm as AnyForm;
  const t = useT();
  const kinds = useEnumOptions("CommitmentKind");
  const organizations = useOrganizationOptions();
  return (
    <>
      <SelectField form={form} name={`${prefix}kind`} label={t("caseActions.field.commitmentKind")} options={kinds} placeholder={t("caseActions.choose")} />
      <TextAreaField form={form} name={`${prefix}description`} label={t("caseActions.field.commitmentDescription")} rows={2} />
      <TextField form={form} name={`${prefix}hoursAgreed`} label={t("caseActions.field.hoursAgreed")} inputMode="numeric" />
      <DateField form={form} name={`${prefix}dueOn`} label={t("caseActions.field.commitmentDueOn")} />
      <SelectField form={form} name={`${prefix}hostID`} label={t("caseActions.field.host")} options={organizations} placeholder={t("caseActions.noHost")} />
    </>
  );
}

const TakeChargeMutation = graphql(`
  mutation CaseActionsTakeCharge($id: ID!, $version: Int!, $caseManagerID: ID!, $plan: PlanInput!) {
    takeCharge(id: $id, version: $version, caseManagerID: $caseManagerID, plan: $plan) {
      id
      version
      status
      takenInChargeOn
      caseManager {
        id
        name
      }
    }
  }
`);

export function TakeChargeForm(props: ActionProps) {
  const t = useT();
  const [, mutate] = useMutation(TakeChargeMutation);
  const { form, dialog } = useActionForm(
    props,
    takeChargeSchema,
    {
      caseManagerID: "",
      plan: { summary: "", agreedOn: today(), reviewOn: "", goals: [emptyGoal(props.parts?.needAreas[0])], commitments: [] },
    },
    (v, version) =>
      mutate({
        id: props.caseId,
        version,
        caseManagerID: v.caseManagerID,
        plan: { ...v.plan, goals: v.plan.goals as GoalInput[], commitments: v.plan.commitments as CommitmentInput[] },
      }),
    { caseManagerID: "caseManagerID", "plan.goals": "plan.goals", "plan.agreedOn": "plan.agreedOn", "plan.reviewOn": "plan.reviewOn" },
  );
  const goals = useFieldArray({ control: form.control, name: "plan.goals" });
  const commitments = useFieldArray({ control: form.control, name: "plan.commitments" });
  return (
    <ActionDialog {...dialog} title={t("caseActions.title.TAKE_CHARGE")} intro={t("caseActions.intro.TAKE_CHARGE")}>
      <SelectField form={form} name="caseManagerID" label={t("caseActions.field.caseManager")} options={memberOptions(props.parts)} placeholder={t("caseActions.choose")} />
      <h3 className="h5 mt-4">{t("caseActions.section.plan")}</h3>
      <TextAreaField form={form} name="plan.summary" label={t("caseActions.field.planSummary")} />
      <DateField form={form} name="plan.agreedOn" label={t("caseActions.field.agreedOn")} />
      <DateField form={form} name="plan.reviewOn" label={t("caseActions.field.firstReviewOn")} />
      <h3 className="h5 mt-4">{t("caseActions.section.goals")}</h3>
      <ListError form={form} name="plan.goals" />
      {goals.fields.map((g, i) => (
        <fieldset key={g.id} className="border rounded p-3 mb-3">
          <legend className="fs-6 fw-semibold float-none w-auto px-1">{t("caseActions.goalLegend", { n: i + 1 })}</legend>
          <GoalFields form={form} prefix={`plan.goals.${i}.`} />
          {goals.fields.length > 1 && (
            <Button type="button" color="danger" outline size="sm" onClick={() => goals.remove(i)}>
              {t("caseActions.removeGoal", { n: i + 1 })}
            </Button>
          )}
        </fieldset>
      ))}
      <Button type="button" color="primary" outline size="sm" className="mb-3" onClick={() => goals.append(emptyGoal())}>
        {t("caseActions.addGoalRow")}
      </Button>
      <h3 className="h5 mt-4">{t("caseActions.section.commitments")}</h3>
      {commitments.fields.length === 0 && <p>{t("caseActions.noCommitments")}</p>}
      {commitments.fields.map((c, i) => (
        <fieldset key={c.id} className="border rounded p-3 mb-3">
          <legend className="fs-6 fw-semibold float-none w-auto px-1">{t("caseActions.commitmentLegend", { n: i + 1 })}</legend>
          <CommitmentFields form={form} prefix={`plan.commitments.${i}.`} />
          <Button type="button" color="danger" outline size="sm" onClick={() => commitments.remove(i)}>
            {t("caseActions.removeCommitment", { n: i + 1 })}
          </Button>
        </fieldset>
      ))}
      <Button type="button" color="primary" outline size="sm" className="mb-3" onClick={() => commitments.append(emptyCommitment())}>
        {t("caseActions.addCommitmentRow")}
      </Button>
    </ActionDialog>
  );
}

const AssignCaseManagerMutation = graphql(`
  mutation CaseActionsAssignCaseManager($id: ID!, $version: Int!, $caseManagerID: ID!) {
    assignCaseManager(id: $id, version: $version, caseManagerID: $caseManagerID) {
      id
      version
      caseManager {
        id
        name
      }
    }
  }
`);

export function AssignCaseManagerForm(props: ActionProps) {
  const t = useT();
  const [, mutate] = useMutation(AssignCaseManagerMutation);
  const { form, dialog } = useActionForm(
    props,
    caseManagerSchema,
    { caseManagerID: props.parts?.caseManager?.id ?? "" },
    (v, version) => mutate({ id: props.caseId, version, ...v }),
    { caseManagerID: "caseManagerID" },
  );
  return (
    <ActionDialog {...dialog} title={t("caseActions.title.ASSIGN_CASE_MANAGER")}>
      <SelectField form={form} name="caseManagerID" label={t("caseActions.field.caseManager")} options={memberOptions(props.parts)} placeholder={t("caseActions.choose")} />
    </ActionDialog>
  );
}

const UpdatePlanMutation = graphql(`
  mutation CaseActionsUpdatePlan($id: ID!, $version: Int!, $input: UpdatePlanInput!) {
    updatePlan(id: $id, version: $version, input: $input) {
      id
      summary
      agreedOn
      reviewOn
    }
  }
`);

export function UpdatePlanForm(props: ActionProps) {
  const t = useT();
  const [, mutate] = useMutation(UpdatePlanMutation);
  const plan = props.parts?.plan;
  // Where the table wants the coordinator's approval, agreeing the plan
  // (a new agreement day) proposes it: the plan answered keeps its old
  // day, and the notice says it waits for the coordinator.
  const proposing = needsApproval(props.parts, "plan", useMaybeSession()?.viewer.id);
  const proposed = useRef(false);
  const done = () => props.done(proposed.current ? "UPDATE_PLAN_PROPOSED" : undefined);
  const { form, dialog } = useActionForm(
    { ...props, done },
    updatePlanSchema,
    { summary: plan?.summary ?? "", agreedOn: dayOf(plan?.agreedOn), reviewOn: dayOf(plan?.reviewOn) },
    async (v, version) => {
      const result = await mutate({ id: props.caseId, version, input: v });
      proposed.current = !!result.data && !!v.agreedOn && result.data.updatePlan.agreedOn !== v.agreedOn;
      return result;
    },
    { summary: "summary", agreedOn: "agreedOn", reviewOn: "reviewOn" },
  );
  return (
    <ActionDialog {...dialog} title={t("caseActions.title.UPDATE_PLAN")} intro={proposing ? t("caseActions.intro.UPDATE_PLAN_APPROVAL") : undefined}>
      <TextAreaField form={form} name="summary" label={t("caseActions.field.planSummary")} rows={4} />
      <DateField form={form} name="agreedOn" label={t("caseActions.field.agreedOn")} />
      <DateField form={form} name="reviewOn" label={t("caseActions.field.reviewOn")} />
    </ActionDialog>
  );
}

const AddGoalMutation = graphql(`
  mutation CaseActionsAddGoal($id: ID!, $version: Int!, $input: GoalInput!) {
    addGoal(id: $id, version: $version, input: $input) {
      ...CasePageSectionsGoal
    }
  }
`);

export function AddGoalForm(props: ActionProps) {
  const t = useT();
  const [, mutate] = useMutation(AddGoalMutation);
  const { form, dialog } = useActionForm(props, goalSchema, emptyGoal(), (v, version) => mutate({ id: props.caseId, version, input: v }), {
    area: "area",
    description: "description",
    dueOn: "dueOn",
  });
  return (
    <ActionDialog {...dialog} title={t("caseActions.title.ADD_GOAL")}>
      <GoalFields form={form} prefix="" />
    </ActionDialog>
  );
}

const UpdateGoalMutation = graphql(`
  mutation CaseActionsUpdateGoal($id: ID!, $version: Int!, $input: UpdateGoalInput!) {
    updateGoal(id: $id, version: $version, input: $input) {
      id
      description
      dueOn
      status
    }
  }
`);

export function UpdateGoalForm(props: ActionProps) {
  const t = useT();
  const names = usePartNames();
  const statuses = useEnumOptions("GoalStatus");
  const [, mutate] = useMutation(UpdateGoalMutation);
  const goal = goalsOf(props.parts).find((g) => g.id === props.part);
  const { form, dialog } = useActionForm(
    props,
    updateGoalSchema,
    { status: goal?.status ?? "", description: goal?.description ?? "", dueOn: dayOf(goal?.dueOn) },
    (input, version) => mutate({ id: props.part ?? "", version, input }),
    { status: "status", description: "description", dueOn: "dueOn" },
  );
  return (
    <ActionDialog {...dialog} title={names.step("UPDATE_GOAL", goal?.description ?? "")}>
      <SelectField form={form} name="status" label={t("caseActions.field.goalStatus")} options={statuses} placeholder={t("caseActions.choose")} />
      <TextAreaField form={form} name="description" label={t("caseActions.field.goalDescription")} rows={2} />
      <DateField form={form} name="dueOn" label={t("caseActions.field.goalDueOn")} />
    </ActionDialog>
  );
}

const AddCommitmentMutation = graphql(`
  mutation CaseActionsAddCommitment($id: ID!, $version: Int!, $input: CommitmentInput!) {
    addCommitment(id: $id, version: $version, input: $input) {
      ...CasePageSectionsCommitment
    }
  }
`);

export function AddCommitmentForm(props: ActionProps) {
  const t = useT();
  const [, mutate] = useMutation(AddCommitmentMutation);
  const { form, dialog } = useActionForm(props, commitmentSchema, emptyCommitment(), (v, version) => mutate({ id: props.caseId, version, input: v }), {
    kind: "kind",
    description: "description",
    hoursAgreed: "hoursAgreed",
    dueOn: "dueOn",
    hostID: "hostID",
  });
  return (
    <ActionDialog {...dialog} title={t("caseActions.title.ADD_COMMITMENT")}>
      <CommitmentFields form={form} prefix="" />
    </ActionDialog>
  );
}

const UpdateCommitmentMutation = graphql(`
  mutation CaseActionsUpdateCommitment($id: ID!, $version: Int!, $input: UpdateCommitmentInput!) {
    updateCommitment(id: $id, version: $version, input: $input) {
      id
      hoursAgreed
      hoursDone
      dueOn
    }
  }
`);

export function UpdateCommitmentForm(props: ActionProps) {
  const t = useT();
  const names = usePartNames();
  const [, mutate] = useMutation(UpdateCommitmentMutation);
  const commitment = commitmentsOf(props.parts).find((c) => c.id === props.part);
  const { form, dialog } = useActionForm(
    props,
    updateCommitmentSchema,
    { hoursDone: commitment ? String(commitment.hoursDone) : "", hoursAgreed: commitment ? String(commitment.hoursAgreed) : "", dueOn: dayOf(commitment?.dueOn) },
    (input, version) => mutate({ id: props.part ?? "", version, input }),
    { hoursDone: "hoursDone", hoursAgreed: "hoursAgreed", dueOn: "dueOn" },
  );
  return (
    <ActionDialog {...dialog} title={names.step("UPDATE_COMMITMENT", commitment?.description ?? "")}>
      <TextField form={form} name="hoursDone" label={t("caseActions.field.hoursDone")} inputMode="numeric" />
      <TextField form={form} name="hoursAgreed" label={t("caseActions.field.hoursAgreed")} inputMode="numeric" />
      <DateField form={form} name="dueOn" label={t("caseActions.field.commitmentDueOn")} />
    </ActionDialog>
  );
}
