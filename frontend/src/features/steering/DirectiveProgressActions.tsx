import { zodResolver } from "@hookform/resolvers/zod";
import { Button } from "design-react-kit";
import { useState } from "react";
import { useForm } from "react-hook-form";
import { FormattedMessage, useIntl } from "react-intl";
import { useMutation } from "urql";
import { today } from "../../i18n/format";
import { ErrorAlert } from "../../ui/ErrorAlert";
import { FormActions } from "../../ui/FormPanel";
import { applyServerErrors, TextAreaField, TextField } from "../../ui/fields";
import { directiveActions, directiveProgressSchema, type DirectiveAction, type DirectiveProgressValues, type DirectiveStep, type SteeringViewer } from "./model";
import { SteeringRecordDirectiveProgressMutation } from "./queries";

// What a table's coordinator records on a directive addressed to the
// table — in progress; implemented, with evidence; not applicable, with a
// reason — wherever the directive is shown: the committee's directives and
// the coordinator's agenda.

/** A step recorded: the acknowledgement's ID, to attach a document to it. */
export type RecordedStep = "IN_PROGRESS" | "IMPLEMENTED" | "NOT_APPLICABLE";

// Whole ids, so that the catalogue test sees each used.
const actionText: Record<DirectiveAction, { label: string; named: string }> = {
  begin: { label: "steering.directive.action.begin", named: "steering.directive.action.beginNamed" },
  implement: { label: "steering.directive.action.implement", named: "steering.directive.action.implementNamed" },
  notApplicable: { label: "steering.directive.action.notApplicable", named: "steering.directive.action.notApplicableNamed" },
};

/** The steps still possible for one addressed table, as buttons; implemented and not applicable ask for their text first. */
export function DirectiveProgressActions({
  directive,
  table,
  status,
  viewer,
  onRecorded = () => {},
}: {
  directive: { id: string; title: string };
  table: { id: string; name: string };
  status: DirectiveStep | null | undefined;
  viewer: Pick<SteeringViewer, "coordinatedTableIDs">;
  onRecorded?: (step: RecordedStep, ackID: string) => void;
}) {
  const intl = useIntl();
  const [form, setForm] = useState<"implement" | "notApplicable" | null>(null);
  const [begin, record] = useMutation(SteeringRecordDirectiveProgressMutation);
  const actions = directiveActions(viewer, table.id, status);
  const named = (id: string) => intl.formatMessage({ id }, { title: directive.title, table: table.name });
  const act = async (a: DirectiveAction) => {
    if (a !== "begin") {
      setForm(a);
      return;
    }
    const r = await record({ id: directive.id, tableID: table.id, status: "IN_PROGRESS" });
    if (r.data) {
      onRecorded("IN_PROGRESS", r.data.recordDirectiveProgress.id);
    }
  };
  return (
    <>
      <ErrorAlert error={begin.error} />
      {actions.length > 0 && !form && (
        <div className="d-flex flex-wrap gap-2 mt-1">
          {actions.map((a) => (
            <Button
              key={a}
              color="primary"
              outline={a !== "implement"}
              size="xs"
              disabled={begin.fetching}
              aria-label={named(actionText[a].named)}
              onClick={() => void act(a)}
            >
              <FormattedMessage id={actionText[a].label} />
            </Button>
          ))}
        </div>
      )}
      {form && (
        <ProgressForm
          mode={form}
          directiveID={directive.id}
          tableID={table.id}
          name={named(actionText[form].named)}
          onDone={(ackID) => {
            setForm(null);
            onRecorded(form === "implement" ? "IMPLEMENTED" : "NOT_APPLICABLE", ackID);
          }}
          onCancel={() => setForm(null)}
        />
      )}
    </>
  );
}

/** Implemented (with evidence) or not applicable (with a reason), on a day. */
function ProgressForm({
  mode,
  directiveID,
  tableID,
  name,
  onDone,
  onCancel,
}: {
  mode: "implement" | "notApplicable";
  directiveID: string;
  tableID: string;
  name: string;
  onDone: (ackID: string) => void;
  onCancel: () => void;
}) {
  const intl = useIntl();
  const t = (k: string) => intl.formatMessage({ id: k });
  const form = useForm<DirectiveProgressValues>({ resolver: zodResolver(directiveProgressSchema), defaultValues: { mode, on: today(), text: "" } });
  const [state, record] = useMutation(SteeringRecordDirectiveProgressMutation);
  const submit = form.handleSubmit(async (v) => {
    const text = v.text.trim();
    const r = await record({
      id: directiveID,
      tableID,
      status: mode === "implement" ? "IMPLEMENTED" : "NOT_APPLICABLE",
      on: v.on,
      evidence: mode === "implement" ? text : undefined,
      reason: mode === "notApplicable" ? text : undefined,
    });
    if (r.error || !r.data) {
      applyServerErrors(form, r.error, { on: "on", evidence: "text", reason: "text" });
      return;
    }
    onDone(r.data.recordDirectiveProgress.id);
  });
  return (
    <form onSubmit={submit} noValidate className="border rounded p-3 mt-2" aria-label={name}>
      <ErrorAlert error={state.error} />
      <TextField form={form} name="on" type="date" label={t("steering.directive.progressOnLabel")} />
      <TextAreaField
        form={form}
        name="text"
        label={t(mode === "implement" ? "steering.directive.evidenceLabel" : "steering.directive.reasonLabel")}
      />
      <FormActions
        submitLabel={<FormattedMessage id={mode === "implement" ? "steering.directive.implementSubmit" : "steering.directive.notApplicableSubmit"} />}
        busy={state.fetching}
        size="sm"
        onCancel={onCancel}
      />
    </form>
  );
}
