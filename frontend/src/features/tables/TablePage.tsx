import { useState } from "react";
import { FormattedMessage, useIntl } from "react-intl";
import { Link, useParams } from "react-router";
import { useQuery } from "urql";
import { useSession } from "../../session/session";
import { nodes } from "../../ui/connection";
import { ErrorAlert } from "../../ui/ErrorAlert";
import { Loading } from "../../ui/Loading";
import { usePageTitle } from "../../ui/usePageTitle";
import { mayManageMembers, mayReadCaseload, maySetApprovals } from "./access";
import { TableApprovals } from "./Approvals";
import { Caseload } from "./Caseload";
import { TableDirectives } from "./TableDirectives";
import { Meetings } from "./Meetings";
import { Members } from "./Members";
import { TablePageQuery } from "./queries";

/** One territorial table: members, caseload, meetings, time limits, approvals and directives. */
export function TablePage() {
  const { id = "" } = useParams();
  const intl = useIntl();
  const session = useSession();
  const [result, refetch] = useQuery({ query: TablePageQuery, variables: { id } });
  const fetched = result.data?.node?.__typename === "Table" ? result.data.node : null;
  // While a change is refetched the cache may answer nothing for a moment:
  // keep showing the table (and the notice of what was just done).
  const [last, setLast] = useState(fetched);
  if (fetched && fetched !== last) {
    setLast(fetched);
  }
  const table = fetched ?? (result.fetching && last?.id === id ? last : null);
  usePageTitle(table?.name ?? intl.formatMessage({ id: "tables.page.title" }));

  if (!table) {
    return (
      <>
        <h1>
          <FormattedMessage id="tables.page.title" />
        </h1>
        <ErrorAlert error={result.error} />
        {result.fetching && <Loading />}
        {!result.fetching && !result.error && (
          <p>
            <FormattedMessage id="tables.page.notFound" />
          </p>
        )}
        <Link to="/tables">
          <FormattedMessage id="tables.page.backToList" />
        </Link>
      </>
    );
  }
  const municipalities = nodes(table.municipalities).map((m) => m.name);
  return (
    <>
      <nav aria-label={intl.formatMessage({ id: "tables.page.breadcrumb" })} className="mb-2">
        <Link to="/tables">
          <FormattedMessage id="tables.page.backToList" />
        </Link>
      </nav>
      <h1>{table.name}</h1>
      <dl className="row mb-4">
        <dt className="col-sm-3">
          <FormattedMessage id="tables.field.code" />
        </dt>
        <dd className="col-sm-9">{table.code}</dd>
        <dt className="col-sm-3">
          <FormattedMessage id="tables.field.municipalities" />
        </dt>
        <dd className="col-sm-9">{municipalities.join(", ") || "—"}</dd>
        <dt className="col-sm-3">
          <FormattedMessage id="tables.field.coordinator" />
        </dt>
        <dd className="col-sm-9">{table.coordinator?.name ?? <FormattedMessage id="tables.field.noCoordinator" />}</dd>
      </dl>

      <section aria-labelledby="tables-limits-title" className="mb-5">
        <h2 id="tables-limits-title" className="h3">
          <FormattedMessage id="tables.limits.title" />
        </h2>
        <ul>
          <li>
            <FormattedMessage id="tables.limits.firstMeeting" values={{ days: table.daysToFirstMeeting }} />
          </li>
          <li>
            <FormattedMessage id="tables.limits.plan" values={{ days: table.daysToPlan }} />
          </li>
        </ul>
      </section>

      <TableApprovals
        tableID={table.id}
        settings={table}
        canSet={maySetApprovals(session)}
        onChanged={() => refetch({ requestPolicy: "network-only" })}
      />

      <Members
        tableID={table.id}
        members={nodes(table.members)}
        coordinatorID={table.coordinator?.id}
        canManage={mayManageMembers(session, table.id)}
        onChanged={() => refetch({ requestPolicy: "network-only" })}
      />
      <Caseload tableID={table.id} visible={mayReadCaseload(session, table.id)} />
      <Meetings tableID={table.id} />
      <TableDirectives tableID={table.id} />
    </>
  );
}
