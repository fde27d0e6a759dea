import { useEnumOptions } from "../../../../ui/enums";
import { useMemo, useState } from "react";
import { useMutation } from "urql";
import { graphql } from "../../../../gql";
import type { InterventionStatus, UpdateInterventionInput } from "../../../../gql/graphql";
import { today } from "../../../../i18n/format";
import { SelectField, TextAreaField, TextField } from "../../../../ui/fields";
import { ActionDialog, useActionForm, type ActionProps } from "../ActionDialog";
import { DateField, useT } from "../fields";
import { interventionsOf, type Intervention } from "../parts";
import { usePartNames } from "../partNames";
import { addInterventionSchemaFor, centsToInput, NO_FUND, NO_PROTOCOL, updateInterventionSchema } from "../schemas";
import { useFundOptions, useProtocolOptions } from "./options";
import { useOrganizationOptions } from "../../../../ui/organizations";

// A Date of the API is already what a date input takes.
const dayOf = (d: string | null | undefined) => d ?? "";

/** The statuses an intervention may move to from its own (the server checks the same). */
export const interventionMoves: Record<InterventionStatus, InterventionStatus[]> = {
  PLANNED: ["PLANNED", "ONGOING", "COMPLETED", "INTERRUPTED"],
  ONGOING: ["ONGOING", "COMPLETED", "INTERRUPTED"],
  COMPLETED: ["COMPLETED"],
  INTERRUPTED: ["INTERRUPTED"],
};

const AddInterventionMutation = graphql(`
  mutation CaseActionsAddIntervention($id: ID!, $version: Int!, $input: InterventionInput!) {
    addIntervention(id: $id, version: $version, input: $input) {
      id
      kind
      status
      startsOn
      endsOn
      costCents
      protocol {
        id
        title
      }
    }
  }
`);

export function AddInterventionForm(props: ActionProps) {
  const t = useT();
  const kinds = useEnumOptions("InterventionKind");
  const statuses = useEnumOptions("InterventionStatus");
  const organizations = useOrganizationOptions();
  const funds = useFundOptions();
  // The protocols offered are those in force on the start day as typed,
  // mirrored in state because the schema (which checks the funds' balances
  // and the protocols in force as last read) is needed before the form.
  const [startsOn, setStartsOn] = useState(today());
  const protocols = useProtocolOptions(startsOn);
  const schema = useMemo(() => addInterventionSchemaFor((id) => funds.available.get(id), protocols.inForce), [funds.available, protocols.inForce]);
  const [, mutate] = useMutation(AddInterventionMutation);
  const { form, dialog } = useActionForm(
    props,
    schema,
    { kind: "", description: "", providerID: "", startsOn: today(), endsOn: "", status: "PLANNED", cost: "", fundID: "", protocolID: "" },
    (v, version) => mutate({ id: props.caseId, version, input: v }),
    {
      kind: "kind",
      description: "description",
      providerID: "providerID",
      startsOn: "startsOn",
      endsOn: "endsOn",
      status: "status",
      costCents: "cost",
      fundID: "fundID",
      protocolID: "protocolID",
    },
  );
  const typed = form.watch("startsOn");
  if (typed !== startsOn) {
    setStartsOn(typed);
  }
  return (
    <ActionDialog {...dialog} title={t("caseActions.title.ADD_INTERVENTION")}>
      <SelectField form={form} name="kind" label={t("caseActions.field.interventionKind")} options={kinds} placeholder={t("caseActions.choose")} />
      <TextAreaField form={form} name="description" label={t("caseActions.field.interventionDescription")} rows={2} />
      <SelectField form={form} name="providerID" label={t("caseActions.field.provider")} options={organizations} placeholder={t("caseActions.choose")} />
      <DateField form={form} name="startsOn" label={t("caseActions.field.startsOn")} />
      <DateField form={form} name="endsOn" label={t("caseActions.field.endsOn")} />
      <SelectField form={form} name="status" label={t("caseActions.field.interventionStatus")} options={statuses} />
      <TextField form={form} name="cost" label={t("caseActions.field.cost")} hint={t("caseActions.hint.cost")} inputMode="decimal" />
      <SelectField form={form} name="fundID" label={t("caseActions.field.fund")} options={funds.options} placeholder={t("caseActions.noFund")} />
      <SelectField form={form} name="protocolID" label={t("caseActions.field.protocol")} hint={t("caseActions.hint.protocol")} options={protocols.options} placeholder={t("caseActions.noProtocol")} />
    </ActionDialog>
  );
}

const UpdateInterventionMutation = graphql(`
  mutation CaseActionsUpdateIntervention($id: ID!, $version: Int!, $input: UpdateInterventionInput!) {
    updateIntervention(id: $id, version: $version, input: $input) {
      id
      status
      endsOn
      costCents
      fund {
        id
        name
      }
      protocol {
        id
        title
      }
    }
  }
`);

function valuesOf(i: Intervention | undefined) {
  return {
    status: i?.status ?? "",
    endsOn: dayOf(i?.endsOn),
    cost: i ? centsToInput(i.costCents) : "",
    fundID: i?.fund?.id ?? NO_FUND,
    protocolID: i?.protocol?.id ?? NO_PROTOCOL,
  };
}

/** Only what changed, so that an unchanged status is not a move. */
export function interventionChanges(
  i: Intervention | undefined,
  v: { status: InterventionStatus; endsOn?: string; cost?: number; fundID: string; protocolID: string },
): UpdateInterventionInput {
  const input: UpdateInterventionInput = {};
  if (v.status !== i?.status) {
    input.status = v.status;
  }
  if (v.endsOn && v.endsOn !== i?.endsOn) {
    input.endsOn = v.endsOn;
  }
  if (v.cost !== undefined && v.cost !== i?.costCents) {
    input.costCents = v.cost;
  }
  if (v.fundID === NO_FUND) {
    if (i?.fund) {
      input.clearFund = true;
    }
  } else if (v.fundID && v.fundID !== i?.fund?.id) {
    input.fundID = v.fundID;
  }
  // The protocol is sent only when changed: the server checks the one
  // named is in force, and one ended since the intervention started stays.
  if (v.protocolID === NO_PROTOCOL) {
    if (i?.protocol) {
      input.clearProtocol = true;
    }
  } else if (v.protocolID && v.protocolID !== i?.protocol?.id) {
    input.protocolID = v.protocolID;
  }
  return input;
}

export function UpdateInterventionForm(props: ActionProps) {
  const t = useT();
  const names = usePartNames();
  const statusOptions = useEnumOptions("InterventionStatus");
  const funds = useFundOptions();
  const [, mutate] = useMutation(UpdateInterventionMutation);
  const current = interventionsOf(props.parts).find((x) => x.id === props.part);
  const protocols = useProtocolOptions(current?.startsOn ?? "");
  // The intervention's own protocol stays offered once no longer in force.
  const own = current?.protocol && !protocols.options.some((o) => o.value === current.protocol?.id) ? [{ value: current.protocol.id, label: current.protocol.title }] : [];
  const { form, dialog } = useActionForm(
    props,
    updateInterventionSchema,
    valuesOf(current),
    (v, version) => mutate({ id: props.part ?? "", version, input: interventionChanges(current, v) }),
    { status: "status", endsOn: "endsOn", costCents: "cost", fundID: "fundID", clearFund: "fundID", protocolID: "protocolID", clearProtocol: "protocolID" },
  );
  const moves = current ? interventionMoves[current.status] : [];
  return (
    <ActionDialog {...dialog} title={names.step("UPDATE_INTERVENTION", current ? names.intervention(current) : "")}>
      <SelectField form={form} name="status" label={t("caseActions.field.interventionStatus")} options={statusOptions.filter((o) => moves.includes(o.value as InterventionStatus))} />
      <DateField form={form} name="endsOn" label={t("caseActions.field.endsOn")} />
      <TextField form={form} name="cost" label={t("caseActions.field.cost")} hint={t("caseActions.hint.cost")} inputMode="decimal" />
      <SelectField form={form} name="fundID" label={t("caseActions.field.fund")} options={[{ value: NO_FUND, label: t("caseActions.noFund") }, ...funds.options]} />
      <SelectField
        form={form}
        name="protocolID"
        label={t("caseActions.field.protocol")}
        hint={t("caseActions.hint.protocol")}
        options={[{ value: NO_PROTOCOL, label: t("caseActions.noProtocol") }, ...own, ...protocols.options]}
      />
    </ActionDialog>
  );
}
