import { Button } from "design-react-kit";
import type { UseFormReturn } from "react-hook-form";
import { FormattedMessage, useIntl } from "react-intl";
import { useQuery } from "urql";
import { today } from "../../i18n/format";
import { nodes } from "../../ui/connection";
import { ErrorAlert } from "../../ui/ErrorAlert";
import { CheckboxesField, SelectField, TextAreaField, TextField } from "../../ui/fields";
import { useEnumOptions } from "../../ui/enums";
import { ReferralTablesQuery } from "./queries";
import type { ReferralForm } from "./schemas";

/** The tables a person may be referred to, by name. */
export function useTableOptions() {
  const [tables] = useQuery({ query: ReferralTablesQuery });
  return { options: nodes(tables.data?.tables).map((t) => ({ value: t.id, label: t.name })), error: tables.error };
}

/** Step 2: the referral: table, priority, channel, reason, needs, dates. */
export function ReferralStep({ form, onBack, onNext }: { form: UseFormReturn<ReferralForm>; onBack: () => void; onNext: () => void }) {
  const intl = useIntl();
  const t = (id: string) => intl.formatMessage({ id });
  const tables = useTableOptions();
  const needAreas = useEnumOptions("NeedArea");
  const priorities = useEnumOptions("CasePriority");
  const channels = useEnumOptions("ReferralChannel");
  const consent = form.watch("consentGiven");
  const max = today();
  return (
    <section aria-labelledby="referral-step-referral">
      <h2 id="referral-step-referral" tabIndex={-1}>
        <FormattedMessage id="referral.referral.title" />
      </h2>
      <ErrorAlert error={tables.error} />
      <form
        noValidate
        onSubmit={form.handleSubmit(() => onNext())}
      >
        <div className="row">
          <div className="col-md-8">
            <SelectField form={form} name="tableID" label={t("referral.field.table")} hint={t("referral.field.tableHint")} options={tables.options} placeholder={t("referral.field.choose")} />
          </div>
          <div className="col-md-4">
            <SelectField form={form} name="priority" label={t("referral.field.priority")} options={priorities} />
          </div>
        </div>
        <div className="row">
          <div className="col-md-8">
            <SelectField form={form} name="channel" label={t("referral.field.channel")} hint={t("referral.field.channelHint")} options={channels} placeholder={t("referral.field.choose")} />
          </div>
        </div>
        <TextAreaField form={form} name="reason" label={t("referral.field.reason")} hint={t("referral.field.reasonHint")} rows={4} />
        <CheckboxesField form={form} name="needAreas" label={t("referral.field.needAreas")} hint={t("referral.field.needAreasHint")} options={needAreas} />
        <div className="row">
          <div className="col-md-4">
            <TextField form={form} name="referredOn" type="date" max={max} label={t("referral.field.referredOn")} />
          </div>
        </div>
        <div className="form-check mb-3">
          <input id="referral-consent" type="checkbox" className="form-check-input" {...form.register("consentGiven")} />
          <label className="form-check-label" htmlFor="referral-consent">
            <FormattedMessage id="referral.field.consentGiven" />
          </label>
        </div>
        {consent && (
          <div className="row">
            <div className="col-md-4">
              <TextField form={form} name="consentOn" type="date" max={max} label={t("referral.field.consentOn")} />
            </div>
          </div>
        )}
        <div className="d-flex gap-2">
          <Button color="secondary" outline type="button" onClick={onBack}>
            <FormattedMessage id="referral.back" />
          </Button>
          <Button color="primary" type="submit">
            <FormattedMessage id="referral.next" />
          </Button>
        </div>
      </form>
    </section>
  );
}
