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
import { hasSubjectFilters, type DashboardFilter } from "./filters";
import { DashboardOptionsQuery } from "./queries";

const list = z.array(z.string());

/** The filter form's rules: real days, the first not after the last. */
export const filterSchema = z
  .object({
    from: z.string().refine(isDay, "dashboard.error.fromInvalid"),
    to: z.string().refine(isDay, "dashboard.error.toInvalid"),
    tableIDs: list,
    municipalityIDs: list,
    needAreas: list,
    genders: list,
    ageBands: list,
  })
  .refine((f) => !isDay(f.from) || !isDay(f.to) || f.from <= f.to, { message: "dashboard.error.periodOrder", path: ["to"] });

type Values = z.infer<typeof filterSchema>;

// A checkbox group answers false, or a lone value, rather than a list
// when it has fewer than two boxes or none ticked.
const asList = (v: unknown): string[] => (Array.isArray(v) ? (v as string[]) : typeof v === "string" ? [v] : []);

export function FiltersForm({ filter, onApply, onReset }: { filter: DashboardFilter; onApply: (f: DashboardFilter) => void; onReset: () => void }) {
  const intl = useIntl();
  const [options] = useQuery({ query: DashboardOptionsQuery });
  const form = useForm<Values>({ resolver: zodResolver(filterSchema), defaultValues: filter });
  const t = (id: string) => intl.formatMessage({ id });
  const tables = nodes(options.data?.tables).map((n) => ({ value: n.id, label: n.name }));
  const municipalities = nodes(options.data?.municipalities).map((n) => ({ value: n.id, label: n.name }));
  const needAreas = useEnumOptions("NeedArea");
  const genders = useEnumOptions("PersonGender");
  const ageBands = useEnumOptions("AgeBand");
  const submit = form.handleSubmit((v) =>
    onApply({
      from: v.from,
      to: v.to,
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
          <TextField form={form} name="from" type="date" label={t("dashboard.filters.from")} />
        </div>
        <div className="col-sm-6 col-lg-3">
          <TextField form={form} name="to" type="date" label={t("dashboard.filters.to")} hint={t("dashboard.filters.toHint")} />
        </div>
      </div>
      <details className="mb-3" open={hasSubjectFilters(filter) || filter.municipalityIDs.length > 0}>
        <summary className="mb-2">
          <FormattedMessage id="dashboard.filters.more" />
        </summary>
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
