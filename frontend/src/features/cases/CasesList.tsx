import { Button } from "design-react-kit";
import { useId, useMemo, useState, type FormEvent, type ReactNode } from "react";
import { FormattedMessage, useIntl } from "react-intl";
import { Link, useSearchParams } from "react-router";
import { useQuery } from "urql";
import { graphql } from "../../gql";
import type { CaseListRowFragment, CaseOrderField, CasePriority, OrderDirection, ReferralChannel } from "../../gql/graphql";
import { useFormat } from "../../i18n/format";
import { useEnumLabel } from "../../i18n/useEnumLabel";
import { nodes } from "../../ui/connection";
import { ErrorAlert } from "../../ui/ErrorAlert";
import { LabelledSelect } from "../../ui/FilterForm";
import { LoadMore } from "../../ui/LoadMore";
import { Loading } from "../../ui/Loading";
import { readsNetwork, useSession, worksCases } from "../../session/session";
import { usePageTitle } from "../../ui/usePageTitle";
import { OverdueBadge, PriorityText, StatusBadge } from "./badges";
import {
  casePriorities,
  referralChannels,
  caseStatuses,
  isFiltered,
  noManager,
  readParams,
  sortFields,
  toOrderBy,
  toWhere,
  writeParams,
  type CaseListParams,
  type StatusFilter,
} from "./listParams";
import { TableScroll } from "../../ui/TableScroll";
import { casesCsvUrl } from "./casesCsv";

/** A row of the list, the same whether listed or searched. */
export const CaseListRowFragmentDoc = graphql(`
  fragment CaseListRow on Case {
    id
    code
    status
    priority
    referredOn
    overdue
    person {
      id
      pseudonym
      birthYear
    }
    table {
      id
      name
    }
    caseManager {
      id
      name
    }
  }
`);

export const CasesListQueryDoc = graphql(`
  query CasesList($first: Int!, $after: Cursor, $where: CaseWhereInput, $orderBy: [CaseOrder!]) {
    cases(first: $first, after: $after, where: $where, orderBy: $orderBy) {
      totalCount
      pageInfo {
        hasNextPage
        endCursor
      }
      edges {
        node {
          ...CaseListRow
        }
      }
    }
  }
`);

// A search by name shows the names it matched, where the viewer may read
// them (an audited read, as on the case page); the plain list does not.
export const CasesSearchQueryDoc = graphql(`
  query CasesSearch($text: String!, $first: Int!, $after: Cursor, $where: CaseWhereInput, $orderBy: [CaseOrder!]) {
    searchCases(text: $text, first: $first, after: $after, where: $where, orderBy: $orderBy) {
      totalCount
      pageInfo {
        hasNextPage
        endCursor
      }
      edges {
        node {
          ...CaseListRow
          person {
            id
            identity {
              id
              firstName
              lastName
            }
          }
        }
      }
    }
  }
`);

export const CasesListOptionsQueryDoc = graphql(`
  query CasesListOptions($managers: UserWhereInput) {
    tables(first: 100, orderBy: [{ field: NAME, direction: ASC }]) {
      edges {
        node {
          id
          name
        }
      }
    }
    users(first: 100, where: $managers, orderBy: [{ field: NAME, direction: ASC }]) {
      edges {
        node {
          id
          name
        }
      }
    }
  }
`);

const pageSize = 25;

/** The cases the viewer may see, searched, filtered and ordered as the URL says. */
export function CasesList() {
  const intl = useIntl();
  usePageTitle(intl.formatMessage({ id: "cases.list.title" }));
  const [search, setSearch] = useSearchParams();
  const params = useMemo(() => readParams(search), [search]);
  const key = writeParams(params).toString();
  // The page asked for belongs to one search: a new search starts again.
  const [page, setPage] = useState<{ key: string; after?: string }>({ key });
  const after = page.key === key ? page.after : undefined;
  const variables = useMemo(() => ({ first: pageSize, after, where: toWhere(params), orderBy: toOrderBy(params) }), [after, params]);
  // A text goes to searchCases (names, tax codes, codes, pseudonyms); without one, the plain list.
  const [listed] = useQuery({ query: CasesListQueryDoc, variables, pause: params.q !== "" });
  const [searched] = useQuery({ query: CasesSearchQueryDoc, variables: { ...variables, text: params.q }, pause: params.q === "" });
  const result = params.q === "" ? { ...listed, data: listed.data?.cases } : { ...searched, data: searched.data?.searchCases };
  const cases: CaseRow[] = nodes(result.data);
  const apply = (next: CaseListParams) => setSearch(writeParams(next));
  // Who may read identities searches them too; the API decides which.
  const session = useSession();
  const byName = worksCases(session);

  return (
    <>
      <h1>
        <FormattedMessage id="cases.list.title" />
      </h1>
      <p className="lead">
        <FormattedMessage id="cases.list.intro" />
      </p>
      <Filters key={key} params={params} onApply={apply} byName={byName} />
      <ErrorAlert error={result.error} />
      {result.fetching && !result.data && <Loading />}
      {result.data && (
        <p aria-live="polite" className="fw-semibold" data-testid="cases-count">
          <FormattedMessage id={isFiltered(params) ? "cases.list.countFiltered" : "cases.list.count"} values={{ count: result.data.totalCount }} />
        </p>
      )}
      {result.data && cases.length === 0 && (
        <p>
          <FormattedMessage id={isFiltered(params) ? "cases.list.noneFiltered" : "cases.list.none"} />
        </p>
      )}
      {cases.length > 0 && <CsvExport params={params} identitiesOffered={byName && !readsNetwork(session)} />}
      {cases.length > 0 && <CasesTable cases={cases} />}
      <div className="my-3">
        <LoadMore pageInfo={result.data?.pageInfo} fetching={result.fetching} onMore={(a) => setPage({ key, after: a })} />
      </div>
    </>
  );
}

/**
 * The list as CSV, with its filters and order, every page of it: a link,
 * and for those who may read identities (operators and coordinators, not
 * the committee) a choice to add them — the server fills them where the
 * viewer may read them and records each read. The text search is not a
 * filter the export takes: with one, the link gives way to a note.
 */
function CsvExport({ params, identitiesOffered }: { params: CaseListParams; identitiesOffered: boolean }) {
  const intl = useIntl();
  const uid = useId();
  const [identities, setIdentities] = useState(false);
  const t = (id: string) => intl.formatMessage({ id });
  if (params.q !== "") {
    return <p className="small">{t("cases.export.notSearch")}</p>;
  }
  const lang = intl.locale.startsWith("en") ? "en" : "it";
  return (
    <div className="d-flex flex-wrap align-items-start gap-3 mb-3">
      <a className="btn btn-outline-primary btn-sm" href={casesCsvUrl(params, lang, identitiesOffered && identities)} download>
        {t(identitiesOffered && identities ? "cases.export.csvWithIdentities" : "cases.export.csv")}
      </a>
      {identitiesOffered && (
        <div className="form-check mb-0">
          <input
            id={`${uid}-identities`}
            type="checkbox"
            className="form-check-input"
            checked={identities}
            onChange={(e) => setIdentities(e.target.checked)}
            aria-describedby={`${uid}-identities-hint`}
          />
          <label htmlFor={`${uid}-identities`} className="form-check-label">
            {t("cases.export.identities")}
          </label>
          <small id={`${uid}-identities-hint`} className="form-text d-block">
            {t("cases.export.identitiesHint")}
          </small>
        </div>
      )}
    </div>
  );
}

/** A row of the list; a search's rows may carry the person's names. */
type CaseRow = CaseListRowFragment & { person: { identity?: { firstName: string; lastName: string } | null } };

function CasesTable({ cases }: { cases: CaseRow[] }) {
  const intl = useIntl();
  const fmt = useFormat();
  return (
    <TableScroll>
      <table className="table table-hover align-middle">
        <caption className="visually-hidden">{intl.formatMessage({ id: "cases.list.caption" })}</caption>
        <thead>
          <tr>
            <th scope="col">
              <FormattedMessage id="cases.field.code" />
            </th>
            <th scope="col">
              <FormattedMessage id="cases.field.person" />
            </th>
            <th scope="col">
              <FormattedMessage id="cases.field.table" />
            </th>
            <th scope="col">
              <FormattedMessage id="cases.field.status" />
            </th>
            <th scope="col">
              <FormattedMessage id="cases.field.priority" />
            </th>
            <th scope="col">
              <FormattedMessage id="cases.field.referredOn" />
            </th>
            <th scope="col">
              <FormattedMessage id="cases.field.caseManager" />
            </th>
            <th scope="col">
              <FormattedMessage id="cases.field.timeLimits" />
            </th>
          </tr>
        </thead>
        <tbody>
          {cases.map((c) => (
            <tr key={c.id}>
              <th scope="row" className="text-nowrap">
                <Link to={`/cases/${c.id}`}>{c.code}</Link>
              </th>
              <td>
                {c.person.identity && (
                  <span className="d-block fw-semibold">
                    {c.person.identity.lastName} {c.person.identity.firstName}
                  </span>
                )}
                <span className="d-block text-nowrap">{c.person.pseudonym}</span>
                {c.person.birthYear != null && <FormattedMessage id="cases.list.bornIn" values={{ year: c.person.birthYear }} />}
              </td>
              <td>{c.table.name}</td>
              <td>
                <StatusBadge status={c.status} />
              </td>
              <td>
                <PriorityText priority={c.priority} />
              </td>
              <td className="text-nowrap">{fmt.date(c.referredOn)}</td>
              <td>{c.caseManager?.name ?? <FormattedMessage id="cases.field.noCaseManager" />}</td>
              <td className="text-nowrap">{c.overdue ? <OverdueBadge /> : <FormattedMessage id="cases.onTime" />}</td>
            </tr>
          ))}
        </tbody>
      </table>
    </TableScroll>
  );
}

/** One of the list's filters: a labelled select in the filters' grid; the options are the children. */
function FilterSelect(props: { id: string; label: string; value: string; onChange: (value: string) => void; children: ReactNode }) {
  return (
    <div className="col-12 col-md-6 col-lg-3">
      <LabelledSelect {...props} />
    </div>
  );
}

/** The search form: a draft of the URL's state, applied on "Cerca". */
function Filters({ params, onApply, byName }: { params: CaseListParams; onApply: (p: CaseListParams) => void; byName: boolean }) {
  const intl = useIntl();
  const label = useEnumLabel();
  const uid = useId();
  const [draft, setDraft] = useState(params);
  const managers = draft.table ? { hasMembershipsWith: [{ hasTableWith: [{ id: draft.table }] }] } : { hasMemberships: true };
  const [options] = useQuery({ query: CasesListOptionsQueryDoc, variables: { managers } });
  const tables = nodes(options.data?.tables);
  const users = nodes(options.data?.users);
  const set = <K extends keyof CaseListParams>(k: K, v: CaseListParams[K]) => setDraft((d) => ({ ...d, [k]: v }));
  const submit = (e: FormEvent) => {
    e.preventDefault();
    onApply(draft);
  };
  const f = (name: string) => `${uid}-${name}`;
  const t = (id: string) => intl.formatMessage({ id });

  return (
    <form role="search" aria-label={t("cases.filters.label")} onSubmit={submit} className="mb-4">
      <ErrorAlert error={options.error} />
      <div className="row g-3">
        <div className="col-12 col-lg-6">
          <label htmlFor={f("q")} className="form-label fw-semibold">
            {t(byName ? "cases.filters.searchByName" : "cases.filters.search")}
          </label>
          <input
            id={f("q")}
            type="search"
            className="form-control"
            value={draft.q}
            onChange={(e) => set("q", e.target.value)}
            aria-describedby={f("q-hint")}
          />
          <small id={f("q-hint")} className="form-text d-block">
            {t(byName ? "cases.filters.searchByNameHint" : "cases.filters.searchHint")}
          </small>
        </div>
        <FilterSelect id={f("status")} label={t("cases.filters.status")} value={draft.status ?? ""} onChange={(v) => set("status", (v || undefined) as StatusFilter | undefined)}>
          <option value="">{t("cases.filters.any")}</option>
          <option value="OPEN">{t("cases.filters.open")}</option>
          {caseStatuses.map((s) => (
            <option key={s} value={s}>
              {label("CaseStatus", s)}
            </option>
          ))}
        </FilterSelect>
        <FilterSelect id={f("priority")} label={t("cases.filters.priority")} value={draft.priority ?? ""} onChange={(v) => set("priority", (v || undefined) as CasePriority | undefined)}>
          <option value="">{t("cases.filters.any")}</option>
          {casePriorities.map((p) => (
            <option key={p} value={p}>
              {label("CasePriority", p)}
            </option>
          ))}
        </FilterSelect>
        <FilterSelect id={f("channel")} label={t("cases.filters.channel")} value={draft.channel ?? ""} onChange={(v) => set("channel", (v || undefined) as ReferralChannel | undefined)}>
          <option value="">{t("cases.filters.anyChannel")}</option>
          {referralChannels.map((c) => (
            <option key={c} value={c}>
              {label("ReferralChannel", c)}
            </option>
          ))}
        </FilterSelect>
        <FilterSelect id={f("table")} label={t("cases.filters.table")} value={draft.table ?? ""} onChange={(v) => set("table", v || undefined)}>
          <option value="">{t("cases.filters.anyTable")}</option>
          {draft.table && !tables.some((x) => x.id === draft.table) && <option value={draft.table}>{t("cases.filters.selected")}</option>}
          {tables.map((x) => (
            <option key={x.id} value={x.id}>
              {x.name}
            </option>
          ))}
        </FilterSelect>
        <FilterSelect id={f("manager")} label={t("cases.filters.manager")} value={draft.manager ?? ""} onChange={(v) => set("manager", v || undefined)}>
          <option value="">{t("cases.filters.anyManager")}</option>
          <option value={noManager}>{t("cases.filters.noManager")}</option>
          {draft.manager && draft.manager !== noManager && !users.some((u) => u.id === draft.manager) && (
            <option value={draft.manager}>{t("cases.filters.selected")}</option>
          )}
          {users.map((u) => (
            <option key={u.id} value={u.id}>
              {u.name}
            </option>
          ))}
        </FilterSelect>
        <FilterSelect id={f("sort")} label={t("cases.filters.sort")} value={draft.sort} onChange={(v) => set("sort", v as CaseOrderField)}>
          {sortFields.map((s) => (
            <option key={s} value={s}>
              {t(`cases.sort.${s}`)}
            </option>
          ))}
        </FilterSelect>
        <FilterSelect id={f("dir")} label={t("cases.filters.direction")} value={draft.dir} onChange={(v) => set("dir", v as OrderDirection)}>
          <option value="DESC">{t("cases.filters.desc")}</option>
          <option value="ASC">{t("cases.filters.asc")}</option>
        </FilterSelect>
      </div>
      <div className="d-flex flex-wrap gap-2 mt-3">
        <Button type="submit" color="primary">
          {t("cases.filters.apply")}
        </Button>
        <Button
          type="button"
          color="primary"
          outline
          onClick={() => onApply({ q: "", sort: draft.sort, dir: draft.dir })}
        >
          {t("cases.filters.reset")}
        </Button>
      </div>
    </form>
  );
}
