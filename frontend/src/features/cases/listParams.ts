import type { CaseOrder, CaseOrderField, CasePriority, CaseStatus, CaseWhereInput, OrderDirection, ReferralChannel } from "../../gql/graphql";
import { enumValues } from "../../ui/enums";
import { openCaseStatuses } from "./statuses";

// The cases list's search, filters and order live in the URL (shareable,
// the back button undoes a change): these functions read them from the
// search params, write them back, and turn them into the API's `where`
// and `orderBy`. Unknown or malformed values are ignored, never sent.
//
// Need areas are not among the filters: CaseWhereInput has no predicate
// on the needAreas list, and filtering one page in the browser would lie
// about the total.

export const caseStatuses: readonly CaseStatus[] = enumValues<CaseStatus>("CaseStatus");
export const casePriorities: readonly CasePriority[] = ["LOW", "MEDIUM", "HIGH", "URGENT"];
export const referralChannels: readonly ReferralChannel[] = enumValues<ReferralChannel>("ReferralChannel");

/**
 * The orders the list offers. STATUS and PRIORITY are left out: the API
 * sorts them by the values' names (HIGH, LOW, MEDIUM, URGENT), which would
 * put "Alta" between nothing sensible; an order by urgency needs the API.
 */
export const sortFields: readonly CaseOrderField[] = ["REFERRED_ON", "CODE", "TABLE_NAME", "FIRST_MEETING_DUE_ON", "PLAN_DUE_ON", "UPDATED_AT"];

/** "OPEN" stands for every status but closed and declined. */
export type StatusFilter = CaseStatus | "OPEN";
/** "NONE" stands for cases without a case manager. */
export const noManager = "NONE";

export interface CaseListParams {
  q: string;
  status?: StatusFilter;
  table?: string;
  priority?: CasePriority;
  /** The channel the case was referred through. */
  channel?: ReferralChannel;
  manager?: string;
  sort: CaseOrderField;
  dir: OrderDirection;
}

export const defaultParams: CaseListParams = { q: "", sort: "REFERRED_ON", dir: "DESC" };

function oneOf<T extends string>(values: readonly T[], value: string | null): T | undefined {
  return value !== null && (values as readonly string[]).includes(value) ? (value as T) : undefined;
}

function id(value: string | null): string | undefined {
  const v = value?.trim();
  return v ? v : undefined;
}

/** The list's state from the URL's search params. */
export function readParams(search: URLSearchParams): CaseListParams {
  return {
    q: (search.get("q") ?? "").trim(),
    status: oneOf<StatusFilter>([...caseStatuses, "OPEN"], search.get("status")),
    table: id(search.get("table")),
    priority: oneOf(casePriorities, search.get("priority")),
    channel: oneOf(referralChannels, search.get("channel")),
    manager: id(search.get("manager")),
    sort: oneOf(sortFields, search.get("sort")) ?? defaultParams.sort,
    dir: oneOf<OrderDirection>(["ASC", "DESC"], search.get("dir")) ?? defaultParams.dir,
  };
}

/** The URL's search params for a state: defaults and empty values are left out, so URLs stay short. */
export function writeParams(p: CaseListParams): URLSearchParams {
  const out = new URLSearchParams();
  if (p.q.trim()) out.set("q", p.q.trim());
  if (p.status) out.set("status", p.status);
  if (p.table) out.set("table", p.table);
  if (p.priority) out.set("priority", p.priority);
  if (p.channel) out.set("channel", p.channel);
  if (p.manager) out.set("manager", p.manager);
  if (p.sort !== defaultParams.sort || p.dir !== defaultParams.dir) {
    out.set("sort", p.sort);
    out.set("dir", p.dir);
  }
  return out;
}

/** Whether any filter or search narrows the list. */
export function isFiltered(p: CaseListParams): boolean {
  return Boolean(p.q || p.status || p.table || p.priority || p.channel || p.manager);
}

/** The API's filter of the list's choices; the search text goes to searchCases, which matches names where the viewer may read them. */
export function toWhere(p: CaseListParams): CaseWhereInput | undefined {
  const and: CaseWhereInput[] = [];
  if (p.status === "OPEN") {
    and.push({ statusIn: [...openCaseStatuses] });
  } else if (p.status) {
    and.push({ status: p.status });
  }
  if (p.table) {
    and.push({ hasTableWith: [{ id: p.table }] });
  }
  if (p.priority) {
    and.push({ priority: p.priority });
  }
  if (p.channel) {
    and.push({ referralChannel: p.channel });
  }
  if (p.manager === noManager) {
    and.push({ hasCaseManager: false });
  } else if (p.manager) {
    and.push({ hasCaseManagerWith: [{ id: p.manager }] });
  }
  if (and.length === 0) {
    return undefined;
  }
  return and.length === 1 ? and[0] : { and };
}

/** The API's order; ties broken by code so pages never overlap. */
export function toOrderBy(p: CaseListParams): CaseOrder[] {
  const order: CaseOrder[] = [{ field: p.sort, direction: p.dir }];
  if (p.sort !== "CODE") {
    order.push({ field: "CODE", direction: p.dir });
  }
  return order;
}
