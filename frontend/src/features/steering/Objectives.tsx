import { zodResolver } from "@hookform/resolvers/zod";
import { Button } from "design-react-kit";
import { useState } from "react";
import { useForm } from "react-hook-form";
import { FormattedMessage, useIntl } from "react-intl";
import { useMutation, useQuery } from "urql";
import type { NeedArea, ObjectiveIndicator, SteeringObjectiveFragment } from "../../gql/graphql";
import { today, useFormat } from "../../i18n/format";
import { useEnumLabel } from "../../i18n/useEnumLabel";
import { governs, useSession } from "../../session/session";
import { nodes } from "../../ui/connection";
import { useEnumOptions } from "../../ui/enums";
import { ErrorAlert } from "../../ui/ErrorAlert";
import { applyServerErrors, CheckboxesField, SelectField, TextField } from "../../ui/fields";
import { LoadMore } from "../../ui/LoadMore";
import { Loading } from "../../ui/Loading";
import { idsDiff, objectiveSchema, objectiveStanding, targetOf, targetText, unitOf, type ObjectiveValues } from "./model";
import { SteeringCreateObjectiveMutation, SteeringObjectivesQuery, SteeringTablesQuery, SteeringUpdateObjectiveMutation } from "./queries";
import { Notice } from "../../ui/Notice";
import { FormPanel } from "../../ui/FormPanel";

const statusColour = {
  ON_TRACK: "bg-success",
  AT_RISK: "bg-warning",
  MISSED: "bg-danger",
  NOT_ENOUGH_DATA: "bg-secondary",
  WITHHELD: "bg-secondary",
} as const;

/** An objective's value in its unit: shares as percentages, euros, days, hours, counts. */
export function useObjectiveValue() {
  const intl = useIntl();
  return (indicator: ObjectiveIndicator, value: number | null | undefined): string => {
    if (value === null || value === undefined) {
      return intl.formatMessage({ id: "steering.objective.noValue" });
    }
    switch (unitOf(indicator)) {
      case "share":
        return intl.formatNumber(value, { style: "percent", maximumFractionDigits: 1 });
      case "euros":
        return intl.formatNumber(value, { style: "currency", currency: "EUR" });
      case "days":
        return intl.formatMessage({ id: "steering.objective.days" }, { n: intl.formatNumber(value, { maximumFractionDigits: 1 }) });
      case "hours":
        return intl.formatMessage({ id: "steering.objective.hours" }, { n: intl.formatNumber(value, { maximumFractionDigits: 1 }) });
      default:
        return intl.formatNumber(value, { maximumFractionDigits: 1 });
    }
  };
}

export function Objectives() {
  const session = useSession();
  const manage = governs(session);
  const [after, setAfter] = useState<string | undefined>();
  const [result] = useQuery({ query: SteeringObjectivesQuery, variables: { after } });
  const [editing, setEditing] = useState<string | null>(null); // "new" or an objective's ID
  const [saved, setSaved] = useState<string | null>(null);
  const objectives = nodes(result.data?.objectives);
  const done = (title: string) => {
    setEditing(null);
    setSaved(title);
  };
  return (
    <section aria-labelledby="steering-objectives-title">
      <h2 id="steering-objectives-title" className="h3">
        <FormattedMessage id="steering.section.objectives" />
      </h2>
      {saved && (
        <Notice>
          <FormattedMessage id="steering.objective.saved" values={{ title: saved }} />
        </Notice>
      )}
      {manage &&
        (editing === "new" ? (
          <ObjectiveForm onDone={done} onCancel={() => setEditing(null)} />
        ) : (
          <Button color="primary" className="mb-4" onClick={() => (setEditing("new"), setSaved(null))}>
            <FormattedMessage id="steering.objective.new" />
          </Button>
        ))}
      <ErrorAlert error={result.error} />
      {result.fetching && !result.data && <Loading />}
      {result.data && objectives.length === 0 && (
        <p>
          <FormattedMessage id="steering.objective.none" />
        </p>
      )}
      {objectives.map((o) =>
        editing === o.id ? (
          <ObjectiveForm key={o.id} objective={o} onDone={done} onCancel={() => setEditing(null)} />
        ) : (
          <ObjectiveCard key={o.id} objective={o} onEdit={manage ? () => (setEditing(o.id), setSaved(null)) : undefined} />
        ),
      )}
      <LoadMore pageInfo={result.data?.objectives.pageInfo} fetching={result.fetching} onMore={setAfter} />
    </section>
  );
}

function ObjectiveCard({ objective: o, onEdit }: { objective: SteeringObjectiveFragment; onEdit?: () => void }) {
  const intl = useIntl();
  const fmt = useFormat();
  const enumLabel = useEnumLabel();
  const show = useObjectiveValue();
  const e = o.evaluation;
  const standing = objectiveStanding(e, o.lowerIsBetter);
  const percent = standing.kind === "towards" ? standing.percent : null;
  // A difference of shares is in percentage points, not a percentage.
  const margin = (n: number) =>
    unitOf(o.indicator) === "share" ? intl.formatMessage({ id: "steering.objective.points" }, { n: intl.formatNumber(n * 100, { maximumFractionDigits: 1 }) }) : show(o.indicator, n);
  const filters = [
    ...o.needAreas.map((a) => enumLabel("NeedArea", a)),
    ...nodes(o.tables).map((x) => x.name),
    ...nodes(o.municipalities).map((x) => x.name),
  ];
  return (
    <article className="card shadow-sm border mb-3">
      <div className="card-body">
        <div className="d-flex flex-wrap justify-content-between align-items-start gap-2">
          <h3 className="h5 mb-1">{o.title}</h3>
          <span className={`badge ${statusColour[e.status]} ${e.status === "AT_RISK" ? "text-dark" : ""}`}>
            <FormattedMessage id="steering.objective.status" values={{ status: enumLabel("ObjectiveStatus", e.status) }} />
          </span>
        </div>
        <p className="small mb-2">
          {enumLabel("ObjectiveIndicator", o.indicator)} ·{" "}
          <FormattedMessage id="steering.objective.period" values={{ from: fmt.date(o.periodStart), to: fmt.date(o.periodEnd) }} />
          {filters.length > 0 && (
            <>
              {" · "}
              <FormattedMessage id="steering.objective.filters" values={{ filters: filters.join(", ") }} />
            </>
          )}
        </p>
        <p className="mb-1">
          <FormattedMessage
            id={o.lowerIsBetter ? "steering.objective.summaryCeiling" : "steering.objective.summary"}
            values={{
              value: e.status === "WITHHELD" ? intl.formatMessage({ id: "steering.objective.withheldValue" }) : show(o.indicator, e.value),
              target: show(o.indicator, e.target),
              expected: show(o.indicator, e.expected),
              asOf: fmt.date(e.asOf),
            }}
          />
        </p>
        {percent !== null && (
          <div
            className="progress my-2"
            style={{ height: "1rem" }}
            role="progressbar"
            aria-label={intl.formatMessage({ id: "steering.objective.progressLabel" }, { title: o.title })}
            aria-valuenow={percent}
            aria-valuemin={0}
            aria-valuemax={100}
            aria-valuetext={intl.formatMessage({ id: "steering.objective.progressText" }, { percent })}
          >
            <div className={`progress-bar ${statusColour[e.status]}`} style={{ width: `${percent}%` }} />
          </div>
        )}
        {percent !== null && (
          <p className="small mb-2">
            <FormattedMessage id="steering.objective.progressText" values={{ percent }} />
          </p>
        )}
        {standing.kind === "ceiling" && (
          <p className="small mb-2" data-testid="objective-ceiling">
            {standing.margin === 0 ? (
              <FormattedMessage id="steering.objective.atCeiling" />
            ) : (
              <FormattedMessage id={standing.over ? "steering.objective.overCeiling" : "steering.objective.belowCeiling"} values={{ margin: margin(standing.margin) }} />
            )}
          </p>
        )}
        {onEdit && (
          <Button color="primary" outline size="sm" onClick={onEdit} aria-label={intl.formatMessage({ id: "steering.objective.editNamed" }, { title: o.title })}>
            <FormattedMessage id="steering.objective.edit" />
          </Button>
        )}
      </div>
    </article>
  );
}

function ObjectiveForm({ objective, onDone, onCancel }: { objective?: SteeringObjectiveFragment; onDone: (title: string) => void; onCancel: () => void }) {
  const intl = useIntl();
  const t = (id: string) => intl.formatMessage({ id });
  const indicators = useEnumOptions("ObjectiveIndicator");
  const needAreas = useEnumOptions("NeedArea");
  const [tablesResult] = useQuery({ query: SteeringTablesQuery });
  const tables = nodes(tablesResult.data?.tables).map((x) => ({ value: x.id, label: x.name }));
  const municipalities = nodes(tablesResult.data?.municipalities).map((x) => ({ value: x.id, label: x.name }));
  const year = today().slice(0, 4);
  const before = {
    tableIDs: nodes(objective?.tables).map((x) => x.id),
    municipalityIDs: nodes(objective?.municipalities).map((x) => x.id),
  };
  const form = useForm<ObjectiveValues>({
    resolver: zodResolver(objectiveSchema),
    defaultValues: objective
      ? {
          title: objective.title,
          indicator: objective.indicator,
          target: targetText(objective.indicator, objective.target),
          lowerIsBetter: objective.lowerIsBetter,
          periodStart: objective.periodStart,
          periodEnd: objective.periodEnd,
          needAreas: objective.needAreas,
          ...before,
        }
      : {
          title: "",
          indicator: "",
          target: "",
          lowerIsBetter: false,
          periodStart: `${year}-01-01`,
          periodEnd: `${year}-12-31`,
          needAreas: [],
          tableIDs: [],
          municipalityIDs: [],
        },
  });
  const [createState, create] = useMutation(SteeringCreateObjectiveMutation);
  const [updateState, update] = useMutation(SteeringUpdateObjectiveMutation);
  const indicator = form.watch("indicator") as ObjectiveIndicator | "";
  const share = indicator !== "" && unitOf(indicator) === "share";
  const asList = (v: unknown): string[] => (Array.isArray(v) ? (v as string[]) : []);
  const fields = {
    title: "title",
    indicator: "indicator",
    target: "target",
    periodStart: "periodStart",
    periodEnd: "periodEnd",
    needAreas: "needAreas",
  } as const;
  const submit = form.handleSubmit(async (v) => {
    const common = {
      title: v.title.trim(),
      indicator: v.indicator as ObjectiveIndicator,
      target: targetOf(v),
      lowerIsBetter: v.lowerIsBetter,
      needAreas: asList(v.needAreas) as NeedArea[],
      periodStart: v.periodStart,
      periodEnd: v.periodEnd,
    };
    const tablesAfter = asList(v.tableIDs);
    const municipalitiesAfter = asList(v.municipalityIDs);
    let error;
    if (objective) {
      const td = idsDiff(before.tableIDs, tablesAfter);
      const md = idsDiff(before.municipalityIDs, municipalitiesAfter);
      const r = await update({
        id: objective.id,
        input: {
          ...common,
          addTableIDs: td.add.length ? td.add : undefined,
          removeTableIDs: td.remove.length ? td.remove : undefined,
          addMunicipalityIDs: md.add.length ? md.add : undefined,
          removeMunicipalityIDs: md.remove.length ? md.remove : undefined,
        },
      });
      error = r.error;
    } else {
      const r = await create({
        input: {
          ...common,
          tableIDs: tablesAfter.length ? tablesAfter : undefined,
          municipalityIDs: municipalitiesAfter.length ? municipalitiesAfter : undefined,
        },
      });
      error = r.error;
    }
    if (error) {
      applyServerErrors(form, error, fields);
      return;
    }
    onDone(common.title);
  });
  const state = objective ? updateState : createState;
  return (
    <FormPanel
      title={
        objective ? (
          <FormattedMessage id="steering.objective.editTitle" values={{ title: objective.title }} />
        ) : (
          <FormattedMessage id="steering.objective.newTitle" />
        )
      }
      error={state.error}
      submitLabel={<FormattedMessage id="steering.objective.submit" />}
      busy={state.fetching}
      onSubmit={submit}
      onCancel={onCancel}
    >
      <TextField form={form} name="title" label={t("steering.objective.title")} />
      <SelectField form={form} name="indicator" label={t("steering.objective.indicator")} placeholder={t("steering.objective.chooseIndicator")} options={indicators} />
      <TextField
        form={form}
        name="target"
        inputMode="decimal"
        label={t(share ? "steering.objective.targetPercent" : "steering.objective.target")}
        hint={t(share ? "steering.objective.targetPercentHint" : "steering.objective.targetHint")}
      />
      <div className="form-check mb-3">
        <input id="steering-objective-lower" type="checkbox" className="form-check-input" aria-describedby="steering-objective-lower-hint" {...form.register("lowerIsBetter")} />
        <label htmlFor="steering-objective-lower" className="form-check-label">
          <FormattedMessage id="steering.objective.lowerIsBetter" />
        </label>
        <small id="steering-objective-lower-hint" className="form-text d-block">
          <FormattedMessage id="steering.objective.lowerIsBetterHint" />
        </small>
      </div>
      <div className="row">
        <div className="col-sm-6">
          <TextField form={form} name="periodStart" type="date" label={t("steering.objective.periodStart")} />
        </div>
        <div className="col-sm-6">
          <TextField form={form} name="periodEnd" type="date" label={t("steering.objective.periodEnd")} />
        </div>
      </div>
      <details className="mb-3" open={Boolean(objective && (objective.needAreas.length || before.tableIDs.length || before.municipalityIDs.length))}>
        <summary className="mb-2">
          <FormattedMessage id="steering.objective.filtersLabel" />
        </summary>
        <CheckboxesField form={form} name="needAreas" label={t("steering.objective.needAreas")} options={needAreas} />
        {tables.length > 0 && <CheckboxesField form={form} name="tableIDs" label={t("steering.objective.tables")} options={tables} />}
        {municipalities.length > 0 && (
          <CheckboxesField form={form} name="municipalityIDs" label={t("steering.objective.municipalities")} options={municipalities} />
        )}
      </details>
    </FormPanel>
  );
}
