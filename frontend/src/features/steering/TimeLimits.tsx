import { zodResolver } from "@hookform/resolvers/zod";
import { Button } from "design-react-kit";
import { useState } from "react";
import { useForm } from "react-hook-form";
import { FormattedMessage, useIntl } from "react-intl";
import { useMutation, useQuery } from "urql";
import { nodes } from "../../ui/connection";
import { ErrorAlert } from "../../ui/ErrorAlert";
import { applyServerErrors, TextField } from "../../ui/fields";
import { CheckField } from "../cases/actions/fields";
import { Loading } from "../../ui/Loading";
import { parseNumber, timeLimitsSchema, type TimeLimitsValues } from "./model";
import { SteeringSetApprovalsMutation, SteeringSetTimeLimitsMutation, SteeringTablesQuery } from "./queries";

// Each table's time limits: days from referral to the first meeting with
// the person, and from that meeting to the agreed plan. Open cases'
// deadlines follow a change. Beside them, whether the table's plans and
// closures by a case manager who is not the coordinator wait for the
// coordinator's approval.

export function TimeLimits() {
  const [result] = useQuery({ query: SteeringTablesQuery });
  const tables = nodes(result.data?.tables);
  return (
    <section aria-labelledby="steering-limits-title">
      <h2 id="steering-limits-title" className="h3">
        <FormattedMessage id="steering.section.timeLimits" />
      </h2>
      <p>
        <FormattedMessage id="steering.limits.intro" />
      </p>
      <ErrorAlert error={result.error} />
      {result.fetching && !result.data && <Loading />}
      {tables.map((t) => (
        <div key={t.id} className="border rounded p-3 mb-3">
          <TableLimits table={t} />
          <TableApprovals table={t} />
        </div>
      ))}
    </section>
  );
}

function TableLimits({ table }: { table: { id: string; name: string; daysToFirstMeeting: number; daysToPlan: number } }) {
  const intl = useIntl();
  const [saved, setSaved] = useState(false);
  const form = useForm<TimeLimitsValues>({
    resolver: zodResolver(timeLimitsSchema),
    defaultValues: { daysToFirstMeeting: String(table.daysToFirstMeeting), daysToPlan: String(table.daysToPlan) },
  });
  const [state, save] = useMutation(SteeringSetTimeLimitsMutation);
  const submit = form.handleSubmit(async (v) => {
    setSaved(false);
    const r = await save({ id: table.id, daysToFirstMeeting: parseNumber(v.daysToFirstMeeting), daysToPlan: parseNumber(v.daysToPlan) });
    if (r.error) {
      applyServerErrors(form, r.error, { daysToFirstMeeting: "daysToFirstMeeting", daysToPlan: "daysToPlan" });
      return;
    }
    setSaved(true);
  });
  return (
    <form onSubmit={submit} noValidate aria-labelledby={`limits-${table.id}`}>
      <h3 id={`limits-${table.id}`} className="h6">
        {table.name}
      </h3>
      <ErrorAlert error={state.error} />
      <div className="row align-items-end">
        <div className="col-sm-4">
          <TextField
            form={form}
            name="daysToFirstMeeting"
            type="number"
            min={1}
            max={365}
            label={intl.formatMessage({ id: "steering.limits.daysToFirstMeeting" })}
          />
        </div>
        <div className="col-sm-4">
          <TextField form={form} name="daysToPlan" type="number" min={1} max={365} label={intl.formatMessage({ id: "steering.limits.daysToPlan" })} />
        </div>
        <div className="col-sm-4 mb-3 d-flex align-items-center gap-3">
          <Button type="submit" color="primary" disabled={state.fetching} aria-label={intl.formatMessage({ id: "steering.limits.saveNamed" }, { table: table.name })}>
            <FormattedMessage id="steering.limits.save" />
          </Button>
          {saved && (
            <span role="status">
              <FormattedMessage id="common.saved" />
            </span>
          )}
        </div>
      </div>
    </form>
  );
}

function TableApprovals({ table }: { table: { id: string; name: string; planNeedsApproval: boolean; closureNeedsApproval: boolean } }) {
  const intl = useIntl();
  const [saved, setSaved] = useState(false);
  const form = useForm<{ plan: boolean; closure: boolean }>({ defaultValues: { plan: table.planNeedsApproval, closure: table.closureNeedsApproval } });
  const [state, save] = useMutation(SteeringSetApprovalsMutation);
  const submit = form.handleSubmit(async (v) => {
    setSaved(false);
    const r = await save({ id: table.id, plan: v.plan, closure: v.closure });
    setSaved(!r.error);
  });
  return (
    <form onSubmit={submit} noValidate aria-label={intl.formatMessage({ id: "steering.approvals.named" }, { table: table.name })}>
      <ErrorAlert error={state.error} />
      <div className="row align-items-center">
        <div className="col-sm-8">
          <CheckField form={form} name="plan" label={intl.formatMessage({ id: "tables.approvals.plan" })} />
          <CheckField form={form} name="closure" label={intl.formatMessage({ id: "tables.approvals.closure" })} />
        </div>
        <div className="col-sm-4 mb-3 d-flex align-items-center gap-3">
          <Button type="submit" color="primary" outline disabled={state.fetching} aria-label={intl.formatMessage({ id: "steering.approvals.saveNamed" }, { table: table.name })}>
            <FormattedMessage id="steering.approvals.save" />
          </Button>
          {saved && (
            <span role="status">
              <FormattedMessage id="common.saved" />
            </span>
          )}
        </div>
      </div>
    </form>
  );
}
