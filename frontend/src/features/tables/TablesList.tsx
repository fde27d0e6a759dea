import { FormattedMessage, useIntl } from "react-intl";
import { Link } from "react-router";
import { useQuery } from "urql";
import type { CaseStatus } from "../../gql/graphql";
import { useSession } from "../../session/session";
import { nodes } from "../../ui/connection";
import { ErrorAlert } from "../../ui/ErrorAlert";
import { Loading } from "../../ui/Loading";
import { usePageTitle } from "../../ui/usePageTitle";
import { mayReadCaseload, openCaseStatuses } from "./access";
import { TablesListQuery } from "./queries";
import { TableScroll } from "../../ui/TableScroll";

const open: CaseStatus[] = [...openCaseStatuses];

/** The network's territorial tables, with who coordinates them and how busy they are. */
export function TablesList() {
  const intl = useIntl();
  const session = useSession();
  usePageTitle(intl.formatMessage({ id: "tables.list.title" }));
  const [result] = useQuery({ query: TablesListQuery, variables: { open } });
  const tables = nodes(result.data?.tables);
  return (
    <>
      <h1>
        <FormattedMessage id="tables.list.title" />
      </h1>
      <p className="lead">
        <FormattedMessage id="tables.list.intro" />
      </p>
      <ErrorAlert error={result.error} />
      {result.fetching && !result.data && <Loading />}
      {result.data && tables.length === 0 && (
        <p>
          <FormattedMessage id="tables.list.none" />
        </p>
      )}
      {tables.length > 0 && (
        <TableScroll>
          <table className="table table-hover align-middle">
            <caption>
              <FormattedMessage id="tables.list.caption" values={{ count: result.data?.tables.totalCount ?? tables.length }} />
            </caption>
            <thead>
              <tr>
                <th scope="col">
                  <FormattedMessage id="tables.field.name" />
                </th>
                <th scope="col">
                  <FormattedMessage id="tables.field.code" />
                </th>
                <th scope="col">
                  <FormattedMessage id="tables.field.municipalities" />
                </th>
                <th scope="col">
                  <FormattedMessage id="tables.field.coordinator" />
                </th>
                <th scope="col" className="text-end">
                  <FormattedMessage id="tables.field.members" />
                </th>
                <th scope="col" className="text-end">
                  <FormattedMessage id="tables.field.openCases" />
                </th>
              </tr>
            </thead>
            <tbody>
              {tables.map((t) => {
                const mine = session.tableIDs.includes(t.id);
                return (
                  <tr key={t.id}>
                    <th scope="row">
                      <Link to={`/tables/${t.id}`}>{t.name}</Link>
                      {mine && (
                        <span className="badge bg-primary ms-2">
                          <FormattedMessage id={session.coordinatedTableIDs.includes(t.id) ? "tables.list.youCoordinate" : "tables.list.youBelong"} />
                        </span>
                      )}
                    </th>
                    <td>{t.code}</td>
                    <td>
                      {nodes(t.municipalities)
                        .map((m) => m.name)
                        .join(", ") || "—"}
                    </td>
                    <td>{t.coordinator?.name ?? <FormattedMessage id="tables.field.noCoordinator" />}</td>
                    <td className="text-end">{t.members.totalCount}</td>
                    <td className="text-end">
                      {mayReadCaseload(session, t.id) ? (
                        t.cases.totalCount
                      ) : (
                        <span title={intl.formatMessage({ id: "tables.list.caseloadHidden" })}>
                          —<span className="visually-hidden"> <FormattedMessage id="tables.list.caseloadHidden" /></span>
                        </span>
                      )}
                    </td>
                  </tr>
                );
              })}
            </tbody>
          </table>
        </TableScroll>
      )}
    </>
  );
}
