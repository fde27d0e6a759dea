import type { AgeBand, IndicatorDimension, IndicatorFilter, NeedArea, PersonGender } from "../../gql/graphql";
import { addDays, isDay } from "../../i18n/calendar";
import type { Locale } from "../../i18n/catalogue";

// The dashboard's filter, as the user sees it (a period with its last day
// included) and as it travels: in the page's URL (so a view can be
// bookmarked and shared), to the API (whose period ends the day after,
// excluded) and to the CSV export.

export interface DashboardFilter {
  /** First day, YYYY-MM-DD. */
  from: string;
  /** Last day, included, YYYY-MM-DD. */
  to: string;
  tableIDs: string[];
  municipalityIDs: string[];
  needAreas: NeedArea[];
  genders: PersonGender[];
  ageBands: AgeBand[];
}

/**
 * How a period is picked: by day, or, for the committee and analysts, by
 * whole calendar months already over, the only periods the API answers
 * them (server/indicator/published.go).
 */
export type Period = "days" | "months";

/** The first day of a day's month. */
export function monthStart(day: string): string {
  return `${day.slice(0, 7)}-01`;
}

/** The last day of a day's month. */
export function monthEnd(day: string): string {
  const [y, m] = day.split("-").map(Number) as [number, number];
  return new Date(Date.UTC(y, m, 0)).toISOString().slice(0, 10);
}

/** The last day of the last month already over. */
export function lastMonthOver(today: string): string {
  return addDays(monthStart(today), -1);
}

/**
 * By day: from 1 January of this year to today, included (the API's period
 * ends tomorrow). By month: the months of this year already over, or of
 * last year in January.
 */
export function defaultFilter(today: string, period: Period = "days"): DashboardFilter {
  const to = period === "months" ? lastMonthOver(today) : today;
  return { from: `${to.slice(0, 4)}-01-01`, to, tableIDs: [], municipalityIDs: [], needAreas: [], genders: [], ageBands: [] };
}

/** The whole months a period touches, up to the last month already over. */
export function wholeMonths(f: DashboardFilter, today: string): DashboardFilter {
  const to = [monthEnd(f.to), lastMonthOver(today)].sort()[0]!;
  const from = [monthStart(f.from), monthStart(to)].sort()[0]!;
  return { ...f, from, to };
}

// The URL's parameter names are the CSV export's, so the two read alike.
const listParams = {
  tableIDs: "tableID",
  municipalityIDs: "municipalityID",
  needAreas: "needArea",
  genders: "gender",
  ageBands: "ageBand",
} as const;

type ListField = keyof typeof listParams;
const listFields = Object.keys(listParams) as ListField[];

/**
 * The filter of a page's URL parameters; missing or malformed values take
 * the default, and by month a period becomes the whole months it touches.
 */
export function filterFromParams(
  params: URLSearchParams,
  today: string,
  allowed: { [K in ListField]?: readonly string[] } = {},
  period: Period = "days",
): DashboardFilter {
  const f = defaultFilter(today, period);
  const from = params.get("from");
  const to = params.get("to");
  if (isDay(from)) {
    f.from = from;
  }
  if (isDay(to)) {
    f.to = to;
  }
  for (const field of listFields) {
    const ok = allowed[field];
    const values = [...new Set(params.getAll(listParams[field]).filter((v) => v !== "" && (!ok || ok.includes(v))))];
    (f[field] as string[]) = values;
  }
  return period === "months" ? wholeMonths(f, today) : f;
}

/**
 * The URL parameters of a filter: the period always, the lists only when
 * they select something. Other parameters of the page are kept.
 */
export function filterToParams(f: DashboardFilter, keep?: URLSearchParams): URLSearchParams {
  const p = new URLSearchParams(keep);
  for (const name of ["from", "to", ...Object.values(listParams)]) {
    p.delete(name);
  }
  p.set("from", f.from);
  p.set("to", f.to);
  for (const field of listFields) {
    for (const v of f[field]) {
      p.append(listParams[field], v);
    }
  }
  return p;
}

/** Whether any filter other than the period is set. */
export function hasSubjectFilters(f: DashboardFilter): boolean {
  return f.tableIDs.length + f.needAreas.length + f.genders.length + f.ageBands.length > 0;
}

/**
 * Which filters an indicator's records have, besides the period: cases
 * all of them; funds and community activities only the municipality;
 * directives only the tables they are addressed to. The API refuses a
 * filter the records lack (server/indicator/sql.go).
 */
export type Scope = "cases" | "funds" | "community" | "directives";

const scopeFilters: Record<Scope, readonly ListField[]> = {
  cases: listFields,
  funds: ["municipalityIDs"],
  community: ["municipalityIDs"],
  directives: ["tableIDs"],
};

function scoped(f: DashboardFilter, scope: Scope): DashboardFilter {
  const s = { ...f };
  for (const field of listFields) {
    if (!scopeFilters[scope].includes(field)) {
      s[field] = [];
    }
  }
  return s;
}

/** Whether a filter other than the period is set that an indicator's records lack, and so is not applied to it. */
export function hasFiltersOutside(f: DashboardFilter, scope: Scope): boolean {
  return listFields.some((field) => f[field].length > 0 && !scopeFilters[scope].includes(field));
}

/** The API's filter: midnights in Italian time, the end the day after the last one. */
export function toIndicatorFilter(f: DashboardFilter, scope: Scope = "cases"): IndicatorFilter {
  const s = scoped(f, scope);
  const filter: IndicatorFilter = { from: s.from, to: addDays(s.to, 1) };
  if (s.tableIDs.length) filter.tableIDs = s.tableIDs;
  if (s.municipalityIDs.length) filter.municipalityIDs = s.municipalityIDs;
  if (s.needAreas.length) filter.needAreas = s.needAreas;
  if (s.genders.length) filter.genders = s.genders;
  if (s.ageBands.length) filter.ageBands = s.ageBands;
  return filter;
}

/**
 * The address of an indicator's CSV export (server/web/export.go): the
 * same filter, the period's end excluded as in the API, groupBy repeated,
 * headers and labels in the user's language; in Italian semicolons and
 * decimal commas as Italian spreadsheets expect, in English commas and
 * decimal points.
 */
export function indicatorCsvUrl(indicator: string, groupBy: readonly IndicatorDimension[], f: DashboardFilter, lang: Locale, scope: Scope = "cases"): string {
  const s = scoped(f, scope);
  const p = new URLSearchParams();
  p.set("indicator", indicator);
  for (const d of groupBy) {
    p.append("groupBy", d);
  }
  p.set("from", s.from);
  p.set("to", addDays(s.to, 1));
  for (const field of listFields) {
    for (const v of s[field]) {
      p.append(listParams[field], v);
    }
  }
  p.set("separator", lang === "it" ? "semicolon" : "comma");
  p.set("lang", lang);
  return `/export/indicator.csv?${p.toString()}`;
}
