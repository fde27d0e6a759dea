import { Table } from "design-react-kit";
import { useId, useState } from "react";
import { FormattedMessage, useIntl } from "react-intl";
import { Link, useSearchParams } from "react-router";
import { useQuery } from "urql";
import { graphql } from "../../gql";
import { useFormat } from "../../i18n/format";
import { ErrorAlert } from "../../ui/ErrorAlert";
import { FilterForm, FilterSelect } from "../../ui/FilterForm";
import { LoadMore } from "../../ui/LoadMore";
import { Loading } from "../../ui/Loading";
import { nodes } from "../../ui/connection";
import { usePageTitle } from "../../ui/usePageTitle";
import { filterFromParams, filterToParams, filterToWhere, knownAuditActions, type AuditFilter } from "./auditFilter";
import { useUserOptions } from "./options";
import { TableScroll } from "../../ui/TableScroll";

const AdminAuditLogQuery = graphql(`
  query AdminAuditLog($first: Int!, $after: Cursor, $where: AuditEventWhereInput) {
    auditEvents(first: $first, after: $after, where: $where, orderBy: [{ field: OCCURRED_AT, direction: DESC }]) {
      totalCount
      edges {
        node {
          id
          occurredAt
          action
          entityType
          entityID
          requestID
          clientAddress
          actor {
            id
            name
            email
          }
          organization {
            id
            name
          }
        }
      }
      pageInfo {
        hasNextPage
        endCursor
      }
    }
  }
`);

/** The label of a recorded action: known ones in words, others as recorded. */
export function useAuditActionLabel() {
  const intl = useIntl();
  return (action: string) =>
    (knownAuditActions as readonly string[]).includes(action) ? intl.formatMessage({ id: `admin.audit.action.${action}` }) : action;
}

/** /admin/audit: who read or changed what, newest first, filtered by the URL's parameters. */
export function AuditLog() {
  const intl = useIntl();
  usePageTitle(intl.formatMessage({ id: "admin.audit.title" }));
  const [params, setParams] = useSearchParams();
  const filter = filterFromParams(params);
  const key = filterToParams(filter).toString();
  return (
    <>
      <h1>
        <FormattedMessage id="admin.audit.title" />
      </h1>
      <p>
        <FormattedMessage id="admin.audit.intro" />
      </p>
      <AuditFilterForm key={`f-${key}`} filter={filter} onApply={(f) => setParams(filterToParams(f))} />
      <AuditTable key={`t-${key}`} filter={filter} />
    </>
  );
}

function AuditFilterForm({ filter, onApply }: { filter: AuditFilter; onApply: (f: AuditFilter) => void }) {
  const intl = useIntl();
  const id = useId();
  const users = useUserOptions();
  const actionLabel = useAuditActionLabel();
  const [f, setF] = useState<AuditFilter>(filter);
  const set = (k: keyof AuditFilter) => (e: { target: { value: string } }) => setF({ ...f, [k]: e.target.value });
  const actions: string[] = [...knownAuditActions];
  if (f.action && !actions.includes(f.action)) {
    actions.push(f.action);
  }
  const label = (k: keyof AuditFilter, msg: string) => (
    <label htmlFor={`${id}-${k}`} className="form-label fw-semibold">
      <FormattedMessage id={msg} />
    </label>
  );
  return (
    <FilterForm
      label={intl.formatMessage({ id: "admin.audit.filters" })}
      submitLabel={<FormattedMessage id="admin.audit.apply" />}
      onSubmit={() => onApply(f)}
      onReset={() => onApply({})}
    >
      <div className="col-md-3">
        {label("from", "admin.audit.from")}
        <input id={`${id}-from`} type="date" className="form-control" value={f.from ?? ""} max={f.to || undefined} onChange={set("from")} />
      </div>
      <div className="col-md-3">
        {label("to", "admin.audit.to")}
        <input id={`${id}-to`} type="date" className="form-control" value={f.to ?? ""} min={f.from || undefined} onChange={set("to")} />
      </div>
      <div className="col-md-3">
        <FilterSelect
          id={`${id}-action`}
          label={<FormattedMessage id="admin.audit.action" />}
          anyLabel={intl.formatMessage({ id: "admin.audit.anyAction" })}
          value={f.action ?? ""}
          options={actions.map((a) => ({ value: a, label: actionLabel(a) }))}
          onChange={(v) => setF({ ...f, action: v })}
        />
      </div>
      <div className="col-md-3">
        <FilterSelect
          id={`${id}-actor`}
          label={<FormattedMessage id="admin.audit.actor" />}
          anyLabel={intl.formatMessage({ id: "admin.audit.anyActor" })}
          value={f.actor ?? ""}
          options={users}
          onChange={(v) => setF({ ...f, actor: v })}
        />
      </div>
      <div className="col-md-3">
        {label("entityType", "admin.audit.entityType")}
        <input id={`${id}-entityType`} type="text" className="form-control" value={f.entityType ?? ""} onChange={set("entityType")} />
      </div>
      <div className="col-md-5">
        {label("entityID", "admin.audit.entityID")}
        <input id={`${id}-entityID`} type="text" className="form-control" value={f.entityID ?? ""} onChange={set("entityID")} />
      </div>
    </FilterForm>
  );
}

function AuditTable({ filter }: { filter: AuditFilter }) {
  const intl = useIntl();
  const fmt = useFormat();
  const actionLabel = useAuditActionLabel();
  const [after, setAfter] = useState<string | null>(null);
  const [{ data, fetching, error }] = useQuery({ query: AdminAuditLogQuery, variables: { first: 50, after, where: filterToWhere(filter) } });
  if (error && !data) {
    return <ErrorAlert error={error} />;
  }
  if (!data) {
    return <Loading />;
  }
  const events = nodes(data.auditEvents);
  return (
    <>
      <ErrorAlert error={error} />
      <p aria-live="polite">
        <FormattedMessage id="admin.audit.count" values={{ shown: events.length, total: data.auditEvents.totalCount }} />
      </p>
      {events.length === 0 ? (
        <p>
          <FormattedMessage id="admin.audit.none" />
        </p>
      ) : (
        <Table responsive responsiveTag={TableScroll} striped size="sm">
          <caption className="visually-hidden">{intl.formatMessage({ id: "admin.audit.caption" })}</caption>
          <thead>
            <tr>
              <th scope="col">
                <FormattedMessage id="admin.audit.col.time" />
              </th>
              <th scope="col">
                <FormattedMessage id="admin.audit.col.actor" />
              </th>
              <th scope="col">
                <FormattedMessage id="admin.audit.col.action" />
              </th>
              <th scope="col">
                <FormattedMessage id="admin.audit.col.entityType" />
              </th>
              <th scope="col">
                <FormattedMessage id="admin.audit.col.entityID" />
              </th>
              <th scope="col">
                <FormattedMessage id="admin.audit.col.request" />
              </th>
            </tr>
          </thead>
          <tbody>
            {events.map((e) => (
              <tr key={e.id}>
                <td className="text-nowrap">{fmt.dateTime(e.occurredAt)}</td>
                <td>
                  {e.actor ? <Link to={`/admin/users/${e.actor.id}`}>{e.actor.name}</Link> : <FormattedMessage id="admin.audit.system" />}
                  {e.organization && <div className="small">{e.organization.name}</div>}
                </td>
                <td>
                  {actionLabel(e.action)}
                  <div className="small">
                    <code>{e.action}</code>
                  </div>
                </td>
                <td>{e.entityType ?? "—"}</td>
                <td className="text-break">
                  <code>{e.entityID ?? "—"}</code>
                </td>
                <td className="text-break">
                  <code>{e.requestID ?? "—"}</code>
                  {e.clientAddress && <div className="small">{e.clientAddress}</div>}
                </td>
              </tr>
            ))}
          </tbody>
        </Table>
      )}
      <LoadMore pageInfo={data.auditEvents.pageInfo} fetching={fetching} onMore={setAfter} />
    </>
  );
}
