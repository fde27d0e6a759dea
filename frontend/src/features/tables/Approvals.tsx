import { Button } from "design-react-kit";
import { useState } from "react";
import { useForm } from "react-hook-form";
import { FormattedMessage, useIntl } from "react-intl";
import { useMutation } from "urql";
import { FormPanel } from "../../ui/FormPanel";
import { Notice } from "../../ui/Notice";
import { CheckField } from "../cases/actions/fields";
import { TablePageSetApprovalsMutation } from "./queries";

// Whether a table's personal plans and closures, agreed or proposed by a
// case manager who is not its coordinator, wait for the coordinator's
// approval: beside the table's time limits, set like them by the steering
// committee and administrators, read by everyone.

interface Settings {
  planNeedsApproval: boolean;
  closureNeedsApproval: boolean;
}

export function TableApprovals({ tableID, settings, canSet, onChanged }: { tableID: string; settings: Settings; canSet: boolean; onChanged: () => void }) {
  const [editing, setEditing] = useState(false);
  const [saved, setSaved] = useState(false);
  return (
    <section aria-labelledby="tables-approvals-title" className="mb-5">
      <h2 id="tables-approvals-title" className="h3">
        <FormattedMessage id="tables.approvals.title" />
      </h2>
      <p className="small">
        <FormattedMessage id="tables.approvals.intro" />
      </p>
      <ul data-testid="table-approvals">
        <li>
          <FormattedMessage id={settings.planNeedsApproval ? "tables.approvals.planOn" : "tables.approvals.planOff"} />
        </li>
        <li>
          <FormattedMessage id={settings.closureNeedsApproval ? "tables.approvals.closureOn" : "tables.approvals.closureOff"} />
        </li>
      </ul>
      {saved && (
        <Notice>
          <FormattedMessage id="tables.approvals.saved" />
        </Notice>
      )}
      {canSet &&
        (editing ? (
          <ApprovalsForm
            tableID={tableID}
            settings={settings}
            onCancel={() => setEditing(false)}
            onDone={() => {
              setEditing(false);
              setSaved(true);
              onChanged();
            }}
          />
        ) : (
          <Button
            color="primary"
            outline
            onClick={() => {
              setEditing(true);
              setSaved(false);
            }}
          >
            <FormattedMessage id="tables.approvals.edit" />
          </Button>
        ))}
    </section>
  );
}

function ApprovalsForm({ tableID, settings, onCancel, onDone }: { tableID: string; settings: Settings; onCancel: () => void; onDone: () => void }) {
  const intl = useIntl();
  const form = useForm<{ plan: boolean; closure: boolean }>({ defaultValues: { plan: settings.planNeedsApproval, closure: settings.closureNeedsApproval } });
  const [state, save] = useMutation(TablePageSetApprovalsMutation);
  const submit = form.handleSubmit(async (v) => {
    const r = await save({ id: tableID, plan: v.plan, closure: v.closure });
    if (!r.error) {
      onDone();
    }
  });
  return (
    <FormPanel
      title={<FormattedMessage id="tables.approvals.formTitle" />}
      error={state.error}
      submitLabel={<FormattedMessage id="tables.approvals.save" />}
      busy={state.fetching}
      onSubmit={submit}
      onCancel={onCancel}
    >
      <CheckField form={form} name="plan" label={intl.formatMessage({ id: "tables.approvals.plan" })} />
      <CheckField form={form} name="closure" label={intl.formatMessage({ id: "tables.approvals.closure" })} />
    </FormPanel>
  );
}
