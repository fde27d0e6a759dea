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
import { enumValues } from "../../ui/enums";
import { filterFromParams, filterToParams, filterToWhere, identityReadActions, type AuditFilter } from "./auditFilter";
import { auditObjectPath } from "./auditObjects";
import { useUserOptions } from "./options";
import { TableScroll } from "../../ui/TableScroll";
import { Notice } from "../../ui/Notice";
import { UndoMergeButton } from "./UndoMergeButton";
import { undoableMerge } from "./undoMerge";

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
          changes
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

/**
 * The label of a value of AuditAction or AuditEntityType in the user's
 * language; an event an older version recorded, with a value the API no
 * longer lists, shows the value as recorded.
 */
function useAuditLabel() {
  const intl = useIntl();
  return (enumName: "AuditAction" | "AuditEntityType", value: string | null | undefined): string => {
    const id = `enum.${enumName}.${value}`;
    return !value ? "—" : id in intl.messages ? intl.formatMessage({ id }) : value;
  };
}

/**
 * The choices of a filter of the log: every value of an enum of the API
 * (AuditAction, AuditEntityType) in the user's language, in the
 * catalogue's order or by label.
 */
function useAuditOptions(enumName: "AuditAction" | "AuditEntityType", byLabel: boolean) {
  const intl = useIntl();
  const label = useAuditLabel();
  const options = enumValues(enumName).map((value) => ({ value, label: label(enumName, value) }));
  return byLabel ? options.sort((a, b) => a.label.localeCompare(b.label, intl.locale)) : options;
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
  const actions = useAuditOptions("AuditAction", false);
  const entityTypes = useAuditOptions("AuditEntityType", true);
  const actionLabel = useAuditLabel();
  const identityActionsList = intl.formatList(identityReadActions.map((a) => actionLabel("AuditAction", a)));
  const [f, setF] = useState<AuditFilter>(filter);
  const set = (k: "from" | "to" | "entityID") => (e: { target: { value: string } }) => setF({ ...f, [k]: e.target.value });
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
          options={actions}
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
        <FilterSelect
          id={`${id}-entityType`}
          label={<FormattedMessage id="admin.audit.entityType" />}
          anyLabel={intl.formatMessage({ id: "admin.audit.anyEntityType" })}
          value={f.entityType ?? ""}
          options={entityTypes}
          onChange={(v) => setF({ ...f, entityType: v })}
        />
      </div>
      <div className="col-md-5">
        {label("entityID", "admin.audit.entityID")}
        <input id={`${id}-entityID`} type="text" className="form-control" value={f.entityID ?? ""} onChange={set("entityID")} />
      </div>
      <div className="col-md-4">
        <div className="form-check">
          <input
            id={`${id}-identityReads`}
            type="checkbox"
            className="form-check-input"
            aria-describedby={`${id}-identityReads-hint`}
            checked={f.identityReads === "1"}
            onChange={(e) => setF({ ...f, identityReads: e.target.checked ? "1" : undefined })}
          />
          <label htmlFor={`${id}-identityReads`} className="form-check-label">
            <FormattedMessage id="admin.audit.identityReads" />
          </label>
        </div>
        <div id={`${id}-identityReads-hint`} className="form-text">
          <FormattedMessage id="admin.audit.identityReadsHint" values={{ actions: identityActionsList }} />
        </div>
      </div>
    </FilterForm>
  );
}

function AuditTable({ filter }: { filter: AuditFilter }) {
  const intl = useIntl();
  const fmt = useFormat();
  const label = useAuditLabel();
  const where = filterToWhere(filter);
  const [after, setAfter] = useState<string | null>(null);
  const [restored, setRestored] = useState<string>();
  const [{ data, fetching, error }] = useQuery({ query: AdminAuditLogQuery, variables: { first: 50, after, where } });
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
      {restored && (
        <Notice>
          <FormattedMessage id="admin.undoMerge.done" values={{ id: <code>{restored}</code> }} />
        </Notice>
      )}
      <p aria-live="polite">
        <FormattedMessage id="admin.audit.count" values={{ shown: events.length, total: data.auditEvents.totalCount }} />
        {where.actionNotIn && (
          <>
            {" "}
            <FormattedMessage id="admin.audit.identityReadsHidden" />
          </>
        )}
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
                  {label("AuditAction", e.action)}
                  <div className="small">
                    <code>{e.action}</code>
                  </div>
                </td>
                <td>{label("AuditEntityType", e.entityType)}</td>
                <td className="text-break">
                  <AuditObject entityType={e.entityType} entityID={e.entityID} />
                  {undoableMerge(e) && <UndoMergeButton personID={e.entityID} onUndone={setRestored} />}
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

/** An event's object: a link to its page where it has one, else its ID as text. */
function AuditObject({ entityType, entityID }: { entityType?: string | null; entityID?: string | null }) {
  const path = auditObjectPath(entityType, entityID);
  if (!path) {
    return <code>{entityID ?? "—"}</code>;
  }
  return (
    <Link to={path}>
      <code>{entityID}</code>
    </Link>
  );
}
