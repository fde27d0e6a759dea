import { type ReactNode, useMemo } from "react";
import { FormattedMessage, useIntl } from "react-intl";
import { useSearchParams } from "react-router";
import { type CombinedError, useQuery } from "urql";
import type { IndicatorDimension } from "../../gql/graphql";
import type { Locale } from "../../i18n/catalogue";
import { today, useFormat } from "../../i18n/format";
import { useEnumLabel } from "../../i18n/useEnumLabel";
import { enumValues } from "../../ui/enums";
import { ErrorAlert } from "../../ui/ErrorAlert";
import { Section } from "../../ui/Section";
import { Loading } from "../../ui/Loading";
import { usePageTitle } from "../../ui/usePageTitle";
import { FiltersForm } from "./FiltersForm";
import { readsNetwork, useSession } from "../../session/session";
import { defaultFilter, filterFromParams, filterToParams, hasFiltersOutside, indicatorCsvUrl, toIndicatorFilter, type DashboardFilter, type Period, type Scope } from "./filters";
import { IndicatorChart } from "./IndicatorChart";
import { KeyFigure, type TotalCell, type Unit } from "./KeyFigure";
import {
  DashboardBreakdownQuery,
  DashboardChannelsQuery,
  DashboardCommunityQuery,
  DashboardDirectivesQuery,
  DashboardFundsQuery,
  DashboardKeyFiguresQuery,
  DashboardOutcomesQuery,
  DashboardRequestsQuery,
  DashboardTrendQuery,
} from "./queries";
import { monthsOf, toRows, type Row, type Series } from "./rows";

// The indicator dashboard: key figures, trends and breakdowns of the
// network's indicators for a period and a selection of cases, kept in the
// page's address. Values about fewer than 5 persons come withheld from the
// API, and are shown as withheld, never as zero.

const breakdowns = ["referrals", "openCaseload"] as const;
type Breakdown = (typeof breakdowns)[number];

/** The indicator the territorial breakdown shows, from the page's address. */
export function breakdownOf(params: URLSearchParams): Breakdown {
  const b = params.get("breakdown");
  return (breakdowns as readonly string[]).includes(b ?? "") ? (b as Breakdown) : "referrals";
}

export function Dashboard() {
  const intl = useIntl();
  const t = (id: string, values?: Record<string, string>) => intl.formatMessage({ id }, values);
  usePageTitle(t("dashboard.title"));
  const [params, setParams] = useSearchParams();
  const day = today();
  // The committee and analysts are answered whole months already over only.
  const period: Period = readsNetwork(useSession()) ? "months" : "days";
  const filter = useMemo(
    () =>
      filterFromParams(
        params,
        day,
        {
          needAreas: enumValues("NeedArea"),
          genders: enumValues("PersonGender"),
          ageBands: enumValues("AgeBand"),
        },
        period,
      ),
    [params, day, period],
  );
  const breakdown = breakdownOf(params);
  const apply = (f: DashboardFilter) => setParams(filterToParams(f, params));
  const reset = () => {
    const p = filterToParams(defaultFilter(day, period), params);
    p.delete("breakdown");
    setParams(p);
  };
  return (
    <>
      <h1>
        <FormattedMessage id="dashboard.title" />
      </h1>
      <p className="lead">
        <FormattedMessage id="dashboard.intro" />
      </p>
      <FiltersForm key={filterToParams(filter).toString()} filter={filter} period={period} onApply={apply} onReset={reset} />
      <KeyFigures filter={filter} />
      <Trend filter={filter} />
      <Territory
        filter={filter}
        breakdown={breakdown}
        onBreakdown={(b) => {
          const p = new URLSearchParams(params);
          p.set("breakdown", b);
          setParams(p, { replace: true });
        }}
      />
      <Channels filter={filter} />
      <Outcomes filter={filter} />
      <Requests filter={filter} />
      <Funds filter={filter} />
      <Governance filter={filter} />
    </>
  );
}

interface Figure {
  name: string;
  unit: Unit;
}

const caseFigures: Figure[] = [
  { name: "referrals", unit: "count" },
  { name: "takingsInCharge", unit: "count" },
  { name: "closures", unit: "count" },
  { name: "openCaseload", unit: "count" },
  { name: "daysToTakeChargeMedian", unit: "days" },
  { name: "positiveOutcomes", unit: "count" },
  { name: "employmentOutcomeShare", unit: "share" },
];

function KeyFigures({ filter }: { filter: DashboardFilter }) {
  const intl = useIntl();
  const variables = useMemo(() => ({ filter: toIndicatorFilter(filter) }), [filter]);
  const fundsVariables = useMemo(() => ({ filter: toIndicatorFilter(filter, "funds") }), [filter]);
  const [result] = useQuery({ query: DashboardKeyFiguresQuery, variables });
  const [funds] = useQuery({ query: DashboardFundsQuery, variables: fundsVariables });
  const totals = result.data?.indicators as Record<string, { total: TotalCell } | undefined> | undefined;
  const figures = [...caseFigures, { name: "fundsSpentShare", unit: "share" as Unit }];
  return (
    <Section id="dashboard-key-title" title="dashboard.key.title" headingClassName="h4">
      <ErrorAlert error={result.error} />
      <div className="row g-3">
        {figures.map((f) => {
          const cell = f.name === "fundsSpentShare" ? funds.data?.indicators.fundsSpentShare.total : totals?.[f.name]?.total;
          return (
            <div className="col-sm-6 col-lg-3" key={f.name}>
              <KeyFigure
                name={f.name}
                title={intl.formatMessage({ id: `dashboard.indicator.${f.name}` })}
                definition={intl.formatMessage({ id: `dashboard.definition.${f.name}` })}
                cell={cell ?? (result.fetching ? undefined : { value: null, suppressed: false })}
                unit={f.unit}
              />
            </div>
          );
        })}
      </div>
    </Section>
  );
}

function useMonthLabel() {
  const intl = useIntl();
  return (key: string) => {
    const [y, m] = key.split("-").map(Number);
    return y && m ? intl.formatDate(Date.UTC(y, m - 1, 15), { month: "short", year: "numeric", timeZone: "UTC" }) : key;
  };
}

/** The period of a caption, as the user reads dates. */
function usePeriod() {
  const fmt = useFormat();
  return (f: DashboardFilter) => ({ from: fmt.date(f.from), to: fmt.date(f.to) });
}

const relabel = (rows: Row[], label: (r: Row) => string): Row[] => rows.map((r) => ({ ...r, label: label(r) }));

function csvLink(intl: ReturnType<typeof useIntl>, name: string, groupBy: IndicatorDimension[], filter: DashboardFilter, what: string, scope?: Scope) {
  return { label: intl.formatMessage({ id: "dashboard.csv" }, { what }), href: indicatorCsvUrl(name, groupBy, filter, csvLanguage(intl), scope) };
}

/** The CSV's language: the user's (react-intl's locale may carry a region, en-GB). */
function csvLanguage(intl: ReturnType<typeof useIntl>): Locale {
  return intl.locale.startsWith("en") ? "en" : "it";
}

/** A query's error, the spinner until its first answer, then what is drawn from that answer. */
function Answer<T>({ error, fetching, data, children }: { error: CombinedError | undefined; fetching: boolean; data: T | null | undefined; children: (data: T) => ReactNode }) {
  return (
    <>
      <ErrorAlert error={error} />
      {fetching && !data && <Loading />}
      {data && children(data)}
    </>
  );
}

function Trend({ filter }: { filter: DashboardFilter }) {
  const intl = useIntl();
  const period = usePeriod();
  const month = useMonthLabel();
  const variables = useMemo(() => ({ filter: toIndicatorFilter(filter) }), [filter]);
  const [result] = useQuery({ query: DashboardTrendQuery, variables });
  const names = ["referrals", "takingsInCharge", "closures"] as const;
  const label = (n: string) => intl.formatMessage({ id: `dashboard.indicator.${n}` });
  const ix = result.data?.indicators;
  // Every month of the period is a row: a month with no records is 0, not
  // a gap the eye would skip over.
  const rows = ix
    ? relabel(
        toRows(
          names.map((n): Series => ({ name: n, cells: ix[n].cells })),
          "key",
          monthsOf(filter.from, filter.to),
        ),
        (r) => month(r.key),
      )
    : [];
  return (
    <Answer error={result.error} fetching={result.fetching} data={ix}>
      {() => (
        <IndicatorChart
          title={intl.formatMessage({ id: "dashboard.trend.title" })}
          caption={intl.formatMessage({ id: "dashboard.trend.caption" }, period(filter))}
          dimension={intl.formatMessage({ id: "dashboard.dimension.month" })}
          rows={rows}
          series={names.map((n) => ({ name: n, label: label(n) }))}
          format={(v) => intl.formatNumber(v, { maximumFractionDigits: 1 })}
          downloads={names.map((n) => csvLink(intl, n, ["MONTH"], filter, label(n)))}
        />
      )}
    </Answer>
  );
}

function Territory({ filter, breakdown, onBreakdown }: { filter: DashboardFilter; breakdown: Breakdown; onBreakdown: (b: Breakdown) => void }) {
  const intl = useIntl();
  const period = usePeriod();
  const variables = useMemo(() => ({ filter: toIndicatorFilter(filter) }), [filter]);
  const [result] = useQuery({ query: DashboardBreakdownQuery, variables });
  const ix = result.data?.indicators;
  const what = intl.formatMessage({ id: `dashboard.indicator.${breakdown}` });
  const format = (v: number) => intl.formatNumber(v, { maximumFractionDigits: 1 });
  const parts = [
    { dim: "TABLE" as const, key: "Table" as const, title: "dashboard.territory.byTable", dimension: "dashboard.dimension.table" },
    { dim: "MUNICIPALITY" as const, key: "Municipality" as const, title: "dashboard.territory.byMunicipality", dimension: "dashboard.dimension.municipality" },
  ];
  return (
    <Section id="dashboard-territory-title" title="dashboard.territory.title" headingClassName="h4">
      <div className="mb-3" style={{ maxWidth: "24rem" }}>
        <label htmlFor="dashboard-breakdown" className="form-label fw-semibold">
          <FormattedMessage id="dashboard.territory.indicator" />
        </label>
        <select id="dashboard-breakdown" className="form-select" value={breakdown} onChange={(e) => onBreakdown(e.target.value as Breakdown)}>
          {breakdowns.map((b) => (
            <option key={b} value={b}>
              {intl.formatMessage({ id: `dashboard.indicator.${b}` })}
            </option>
          ))}
        </select>
      </div>
      <Answer error={result.error} fetching={result.fetching} data={ix}>
        {(ix) =>
          parts.map((p) => {
            const res = ix[`${breakdown}By${p.key}`];
            const title = intl.formatMessage({ id: p.title }, { what });
            return (
              <IndicatorChart
                key={p.dim}
                headingLevel={3}
                horizontal
                title={title}
                caption={intl.formatMessage({ id: "dashboard.periodCaption" }, { what: title, ...period(filter) })}
                dimension={intl.formatMessage({ id: p.dimension })}
                rows={toRows([{ name: breakdown, cells: res.cells }], "label")}
                series={[{ name: breakdown, label: what }]}
                format={format}
                downloads={[
                  {
                    label: intl.formatMessage({ id: "dashboard.csv" }, { what: title }),
                    href: indicatorCsvUrl(breakdown, [p.dim], filter, csvLanguage(intl)),
                  },
                ]}
              />
            );
          })
        }
      </Answer>
    </Section>
  );
}

// Where referrals come from: the employment desk, the counselling desk,
// social services… Cases referred before the channel was recorded are
// under "not given".
function Channels({ filter }: { filter: DashboardFilter }) {
  const intl = useIntl();
  const period = usePeriod();
  const enumLabel = useEnumLabel();
  const variables = useMemo(() => ({ filter: toIndicatorFilter(filter) }), [filter]);
  const [result] = useQuery({ query: DashboardChannelsQuery, variables });
  const res = result.data?.indicators.referrals;
  const title = intl.formatMessage({ id: "dashboard.channels.title" });
  const what = intl.formatMessage({ id: "dashboard.indicator.referrals" });
  const channel = (key: string) => (key ? enumLabel("ReferralChannel", key) : intl.formatMessage({ id: "dashboard.channels.none" }));
  return (
    <Answer error={result.error} fetching={result.fetching} data={res}>
      {(res) => (
        <IndicatorChart
          title={title}
          caption={intl.formatMessage({ id: "dashboard.periodCaption" }, { what: title, ...period(filter) })}
          dimension={intl.formatMessage({ id: "dashboard.dimension.referralChannel" })}
          rows={relabel(toRows([{ name: "referrals", cells: res.cells }]), (r) => channel(r.key))}
          series={[{ name: "referrals", label: what }]}
          format={(v) => intl.formatNumber(v, { maximumFractionDigits: 1 })}
          horizontal
          downloads={[csvLink(intl, "referrals", ["REFERRAL_CHANNEL"], filter, title)]}
        />
      )}
    </Answer>
  );
}

function Outcomes({ filter }: { filter: DashboardFilter }) {
  const intl = useIntl();
  const period = usePeriod();
  const enumLabel = useEnumLabel();
  const variables = useMemo(() => ({ filter: toIndicatorFilter(filter) }), [filter]);
  const [result] = useQuery({ query: DashboardOutcomesQuery, variables });
  const res = result.data?.indicators.outcomes;
  const title = intl.formatMessage({ id: "dashboard.outcomes.title" });
  const what = intl.formatMessage({ id: "dashboard.indicator.outcomes" });
  return (
    <Answer error={result.error} fetching={result.fetching} data={res}>
      {(res) => (
        <IndicatorChart
          title={title}
          caption={intl.formatMessage({ id: "dashboard.periodCaption" }, { what: title, ...period(filter) })}
          dimension={intl.formatMessage({ id: "dashboard.dimension.valueDimension" })}
          rows={relabel(toRows([{ name: "outcomes", cells: res.cells }]), (r) => enumLabel("OutcomeValueDimension", r.key))}
          series={[{ name: "outcomes", label: what }]}
          format={(v) => intl.formatNumber(v, { maximumFractionDigits: 1 })}
          downloads={[csvLink(intl, "outcomes", ["VALUE_DIMENSION"], filter, title)]}
        />
      )}
    </Answer>
  );
}

// The service requests to partner organisations: how each organisation
// answered, why they declined, and how long an answer takes.
function Requests({ filter }: { filter: DashboardFilter }) {
  const intl = useIntl();
  const period = usePeriod();
  const enumLabel = useEnumLabel();
  const variables = useMemo(() => ({ filter: toIndicatorFilter(filter) }), [filter]);
  const [result] = useQuery({ query: DashboardRequestsQuery, variables });
  const ix = result.data?.indicators;
  const names = ["serviceRequestsSent", "serviceRequestsAccepted", "serviceRequestsDeclined", "serviceRequestsCompletedSuccessfully"] as const;
  const label = (n: string) => intl.formatMessage({ id: `dashboard.indicator.${n}` });
  const title = intl.formatMessage({ id: "dashboard.requests.title" });
  const reasons = intl.formatMessage({ id: "dashboard.requests.reasons" });
  const count = (v: number) => intl.formatNumber(v, { maximumFractionDigits: 1 });
  return (
    <Answer error={result.error} fetching={result.fetching} data={ix}>
      {(ix) => (
        <>
          <div className="row g-3 mb-3">
            <div className="col-sm-6 col-lg-3">
              <KeyFigure
                name="serviceRequestDaysToAnswerMedian"
                title={label("serviceRequestDaysToAnswerMedian")}
                definition={intl.formatMessage({ id: "dashboard.definition.serviceRequestDaysToAnswerMedian" })}
                cell={ix.serviceRequestDaysToAnswerMedian.total}
                unit="days"
              />
            </div>
          </div>
          <IndicatorChart
            title={title}
            caption={intl.formatMessage({ id: "dashboard.periodCaption" }, { what: title, ...period(filter) })}
            dimension={intl.formatMessage({ id: "dashboard.dimension.organization" })}
            rows={toRows(
              names.map((n): Series => ({ name: n, cells: ix[n].cells })),
              "label",
            )}
            series={names.map((n) => ({ name: n, label: label(n) }))}
            format={count}
            horizontal
            downloads={names.map((n) => csvLink(intl, n, ["ORGANIZATION"], filter, label(n)))}
          />
          <IndicatorChart
            title={reasons}
            caption={intl.formatMessage({ id: "dashboard.periodCaption" }, { what: reasons, ...period(filter) })}
            dimension={intl.formatMessage({ id: "dashboard.dimension.declineReason" })}
            rows={relabel(toRows([{ name: "declinedByReason", cells: ix.declinedByReason.cells }]), (r) =>
              enumLabel("ServiceRequestDeclineReason", r.key),
            )}
            series={[{ name: "declinedByReason", label: label("serviceRequestsDeclined") }]}
            format={count}
            downloads={[csvLink(intl, "serviceRequestsDeclined", ["DECLINE_REASON"], filter, reasons)]}
          />
        </>
      )}
    </Answer>
  );
}

// The funds by the body that owns them (the Union's under the Union, not
// as a fund of no municipality) and by where the money comes from.
function Funds({ filter }: { filter: DashboardFilter }) {
  const intl = useIntl();
  const period = usePeriod();
  const enumLabel = useEnumLabel();
  const variables = useMemo(() => ({ filter: toIndicatorFilter(filter, "funds") }), [filter]);
  const [result] = useQuery({ query: DashboardFundsQuery, variables });
  const ix = result.data?.indicators;
  const names = ["fundsAllocated", "fundsCommitted", "fundsSpent"] as const;
  const label = (n: string) => intl.formatMessage({ id: `dashboard.indicator.${n}` });
  const euros = (v: number) => intl.formatNumber(v, { style: "currency", currency: "EUR", maximumFractionDigits: 0 });
  const parts = [
    { dim: "FUND_OWNER" as const, suffix: "ByOwner" as const, title: "dashboard.funds.byOwner", dimension: "dashboard.dimension.fundOwner" },
    { dim: "FUND_SOURCE" as const, suffix: "BySource" as const, title: "dashboard.funds.bySource", dimension: "dashboard.dimension.fundSource" },
  ];
  const fields = { fundsAllocated: "allocated", fundsCommitted: "committed", fundsSpent: "spent" } as const;
  return (
    <Section id="dashboard-funds-title" title="dashboard.funds.title" headingClassName="h4">
      <Answer error={result.error} fetching={result.fetching} data={ix}>
        {(ix) =>
          parts.map((p, i) => {
            const title = intl.formatMessage({ id: p.title });
            const rows = toRows(
              names.map((n): Series => ({ name: n, cells: ix[`${fields[n]}${p.suffix}`].cells })),
              "label",
            );
            return (
              <IndicatorChart
                key={p.dim}
                headingLevel={3}
                title={title}
                note={i === 0 && hasFiltersOutside(filter, "funds") ? intl.formatMessage({ id: "dashboard.funds.scope" }) : undefined}
                caption={intl.formatMessage({ id: "dashboard.periodCaption" }, { what: title, ...period(filter) })}
                dimension={intl.formatMessage({ id: p.dimension })}
                rows={p.dim === "FUND_SOURCE" ? relabel(rows, (r) => enumLabel("FundSource", r.key)) : rows}
                series={names.map((n) => ({ name: n, label: label(n) }))}
                format={euros}
                horizontal
                downloads={names.map((n) => csvLink(intl, n, [p.dim], filter, `${label(n)} — ${title}`, "funds"))}
              />
            );
          })
        }
      </Answer>
    </Section>
  );
}

// How the network is governed: whether the tables carry out the
// committee's directives by their deadline, and what the network does for
// the community. Each part has its own filters (directives only the
// tables, community activities only the municipality), said when others
// are set; a coordinator sees the directives of the tables they
// coordinate only, as the API answers them.
function Governance({ filter }: { filter: DashboardFilter }) {
  return (
    <Section id="dashboard-governance-title" title="dashboard.governance.title" headingClassName="h4">
      <Directives filter={filter} />
      <Community filter={filter} />
    </Section>
  );
}

function Directives({ filter }: { filter: DashboardFilter }) {
  const intl = useIntl();
  const period = usePeriod();
  const coordinator = !readsNetwork(useSession());
  const variables = useMemo(() => ({ filter: toIndicatorFilter(filter, "directives") }), [filter]);
  const [result] = useQuery({ query: DashboardDirectivesQuery, variables });
  const res = result.data?.indicators.directivesImplementedOnTime;
  const name = "directivesImplementedOnTime";
  const what = intl.formatMessage({ id: `dashboard.indicator.${name}` });
  const title = intl.formatMessage({ id: "dashboard.governance.directivesByTable" });
  // Shares are charted as percentages, so that the axis reads 0–100%
  // in round steps rather than 0 and 1 only.
  const percent = (v: number) => intl.formatNumber(v / 100, { style: "percent", maximumFractionDigits: 1 });
  const notes = [
    coordinator && intl.formatMessage({ id: "dashboard.governance.yourTables" }),
    hasFiltersOutside(filter, "directives") && intl.formatMessage({ id: "dashboard.governance.directivesScope" }),
  ].filter((n): n is string => Boolean(n));
  return (
    <Answer error={result.error} fetching={result.fetching} data={res}>
      {(res) => (
        <>
          <div className="row g-3 mb-3">
            <div className="col-sm-6 col-lg-3">
              <KeyFigure name={name} title={what} definition={intl.formatMessage({ id: `dashboard.definition.${name}` })} cell={res.total} unit="share" />
            </div>
          </div>
          <IndicatorChart
            headingLevel={3}
            horizontal
            title={title}
            note={notes.length > 0 ? notes.join(" ") : undefined}
            caption={intl.formatMessage({ id: "dashboard.periodCaption" }, { what: title, ...period(filter) })}
            dimension={intl.formatMessage({ id: "dashboard.dimension.table" })}
            rows={toRows([{ name, cells: res.cells.map((c) => ({ ...c, value: c.value == null ? c.value : c.value * 100 })) }], "label")}
            series={[{ name, label: what }]}
            format={percent}
            downloads={[csvLink(intl, name, ["TABLE"], filter, title, "directives")]}
          />
        </>
      )}
    </Answer>
  );
}

// Activities and participants are charted apart: a handful of activities
// beside hundreds of participants would not show on one axis.
function Community({ filter }: { filter: DashboardFilter }) {
  const intl = useIntl();
  const period = usePeriod();
  const enumLabel = useEnumLabel();
  const variables = useMemo(() => ({ filter: toIndicatorFilter(filter, "community") }), [filter]);
  const [result] = useQuery({ query: DashboardCommunityQuery, variables });
  const ix = result.data?.indicators;
  const label = (n: string) => intl.formatMessage({ id: `dashboard.indicator.${n}` });
  const network = intl.formatMessage({ id: "dashboard.governance.network" });
  const charts = [
    { name: "communityActivities", field: "activitiesByDimension", by: "VALUE_DIMENSION", title: "dashboard.governance.activitiesByDimension" },
    { name: "communityParticipants", field: "participantsByDimension", by: "VALUE_DIMENSION", title: "dashboard.governance.participantsByDimension" },
    { name: "communityActivities", field: "activitiesByMunicipality", by: "MUNICIPALITY", title: "dashboard.governance.activitiesByMunicipality" },
    { name: "communityParticipants", field: "participantsByMunicipality", by: "MUNICIPALITY", title: "dashboard.governance.participantsByMunicipality" },
  ] as const;
  return (
    <Answer error={result.error} fetching={result.fetching} data={ix}>
      {(ix) =>
        charts.map((c, i) => {
          const title = intl.formatMessage({ id: c.title });
          const byDimension = c.by === "VALUE_DIMENSION";
          return (
            <IndicatorChart
              key={c.field}
              headingLevel={3}
              horizontal
              title={title}
              note={i === 0 && hasFiltersOutside(filter, "community") ? intl.formatMessage({ id: "dashboard.governance.communityScope" }) : undefined}
              caption={intl.formatMessage({ id: "dashboard.periodCaption" }, { what: title, ...period(filter) })}
              dimension={intl.formatMessage({ id: byDimension ? "dashboard.dimension.valueDimension" : "dashboard.dimension.municipality" })}
              // The activities for the whole network have no municipality.
              rows={relabel(toRows([{ name: c.name, cells: ix[c.field].cells }], "label"), (r) =>
                byDimension ? enumLabel("OutcomeValueDimension", r.key) : r.key ? r.label : network,
              )}
              series={[{ name: c.name, label: label(c.name) }]}
              format={(v) => intl.formatNumber(v, { maximumFractionDigits: 1 })}
              downloads={[csvLink(intl, c.name, [c.by], filter, title, "community")]}
            />
          );
        })
      }
    </Answer>
  );
}
