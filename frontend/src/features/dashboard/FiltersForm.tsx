import { zodResolver } from "@hookform/resolvers/zod";
import { Button } from "design-react-kit";
import { useForm } from "react-hook-form";
import { FormattedMessage, useIntl } from "react-intl";
import { useQuery } from "urql";
import { z } from "zod";
import type { AgeBand, NeedArea, PersonGender } from "../../gql/graphql";
import { nodes } from "../../ui/connection";
import { useEnumOptions } from "../../ui/enums";
import { CheckboxesField, TextField } from "../../ui/fields";
import { isDay } from "../../i18n/calendar";
import { today } from "../../i18n/format";
import { hasSubjectFilters, lastMonthOver, monthEnd, type DashboardFilter, type Period } from "./filters";
import { DashboardOptionsQuery } from "./queries";

const list = z.array(z.string());
const lists = { tableIDs: list, municipalityIDs: list, needAreas: list, genders: list, ageBands: list };

/** Whether a period's first value is not after its last, when both are well formed. */
const ordered = (f: { from: string; to: string }, valid: (v: string) => boolean) => !valid(f.from) || !valid(f.to) || f.from <= f.to;

/** The filter form's rules: real days, the first not after the last. */
export const filterSchema = z
  .object({
    from: z.string().refine(isDay, "dashboard.error.fromInvalid"),
    to: z.string().refine(isDay, "dashboard.error.toInvalid"),
    ...lists,
  })
  .refine((f) => ordered(f, isDay), { message: "dashboard.error.periodOrder", path: ["to"] });

type Values = z.infer<typeof filterSchema>;

const isMonth = (v: string) => /^\d{4}-(0[1-9]|1[0-2])$/.test(v);

/** The rules by month (YYYY-MM, as month inputs give it): the first not after the last, the last already over. */
export function monthSchema(today: string) {
  const lastOver = lastMonthOver(today).slice(0, 7);
  return z
    .object({
      from: z.string().refine(isMonth, "dashboard.error.fromMonthInvalid"),
      to: z
        .string()
        .refine(isMonth, "dashboard.error.toMonthInvalid")
        .refine((v) => !isMonth(v) || v <= lastOver, "dashboard.error.monthNotOver"),
      ...lists,
    })
    .refine((f) => ordered(f, isMonth), { message: "dashboard.error.monthOrder", path: ["to"] });
}

// A checkbox group answers false, or a lone value, rather than a list
// when it has fewer than two boxes or none ticked.
const asList = (v: unknown): string[] => (Array.isArray(v) ? (v as string[]) : typeof v === "string" ? [v] : []);

/**
 * The dashboard's filters. By month (the committee and analysts) the
 * period inputs pick months, sent as their first and last days.
 */
export function FiltersForm({
  filter,
  period = "days",
  onApply,
  onReset,
}: {
  filter: DashboardFilter;
  period?: Period;
  onApply: (f: DashboardFilter) => void;
  onReset: () => void;
}) {
  const intl = useIntl();
  const [options] = useQuery({ query: DashboardOptionsQuery });
  const byMonth = period === "months";
  const form = useForm<Values>({
    resolver: zodResolver(byMonth ? monthSchema(today()) : filterSchema),
    defaultValues: byMonth ? { ...filter, from: filter.from.slice(0, 7), to: filter.to.slice(0, 7) } : filter,
  });
  const t = (id: string) => intl.formatMessage({ id });
  const tables = nodes(options.data?.tables).map((n) => ({ value: n.id, label: n.name }));
  const municipalities = nodes(options.data?.municipalities).map((n) => ({ value: n.id, label: n.name }));
  const needAreas = useEnumOptions("NeedArea");
  const genders = useEnumOptions("PersonGender");
  const ageBands = useEnumOptions("AgeBand");
  const submit = form.handleSubmit((v) =>
    onApply({
      from: byMonth ? `${v.from}-01` : v.from,
      to: byMonth ? monthEnd(`${v.to}-01`) : v.to,
      tableIDs: asList(v.tableIDs),
      municipalityIDs: asList(v.municipalityIDs),
      needAreas: asList(v.needAreas) as NeedArea[],
      genders: asList(v.genders) as PersonGender[],
      ageBands: asList(v.ageBands) as AgeBand[],
    }),
  );
  return (
    <form onSubmit={submit} noValidate aria-labelledby="dashboard-filters-title" className="mb-4">
      <h2 id="dashboard-filters-title" className="h4">
        <FormattedMessage id="dashboard.filters.title" />
      </h2>
      <div className="row">
        <div className="col-sm-6 col-lg-3">
          <TextField form={form} name="from" type={byMonth ? "month" : "date"} label={t(byMonth ? "dashboard.filters.fromMonth" : "dashboard.filters.from")} />
        </div>
        <div className="col-sm-6 col-lg-3">
          <TextField
            form={form}
            name="to"
            type={byMonth ? "month" : "date"}
            label={t(byMonth ? "dashboard.filters.toMonth" : "dashboard.filters.to")}
            hint={t(byMonth ? "dashboard.filters.toMonthHint" : "dashboard.filters.toHint")}
          />
        </div>
      </div>
      <details className="mb-3" open={hasSubjectFilters(filter) || filter.municipalityIDs.length > 0}>
        <summary className="mb-2">
          <FormattedMessage id="dashboard.filters.more" />
        </summary>
        {byMonth && (
          <p className="small text-muted">
            <FormattedMessage id="dashboard.filters.oneValue" />
          </p>
        )}
        {tables.length > 0 && <CheckboxesField form={form} name="tableIDs" label={t("dashboard.filters.tables")} options={tables} />}
        {municipalities.length > 0 && (
          <CheckboxesField form={form} name="municipalityIDs" label={t("dashboard.filters.municipalities")} options={municipalities} />
        )}
        <CheckboxesField form={form} name="needAreas" label={t("dashboard.filters.needAreas")} options={needAreas} />
        <CheckboxesField form={form} name="genders" label={t("dashboard.filters.genders")} options={genders} />
        <CheckboxesField form={form} name="ageBands" label={t("dashboard.filters.ageBands")} options={ageBands} />
      </details>
      <div className="d-flex gap-2">
        <Button type="submit" color="primary">
          <FormattedMessage id="dashboard.filters.apply" />
        </Button>
        <Button type="button" color="primary" outline onClick={onReset}>
          <FormattedMessage id="dashboard.filters.reset" />
        </Button>
      </div>
    </form>
  );
}
