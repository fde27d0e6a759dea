import { useState } from "react";
import { FormattedMessage, useIntl } from "react-intl";
import { Link } from "react-router";
import { useQuery } from "urql";
import type { CaseStatus } from "../../gql/graphql";
import { useFormat } from "../../i18n/format";
import { useEnumLabel } from "../../i18n/useEnumLabel";
import { nodes } from "../../ui/connection";
import { ErrorAlert } from "../../ui/ErrorAlert";
import { LoadMore } from "../../ui/LoadMore";
import { Loading } from "../../ui/Loading";
import { openCaseStatuses } from "./access";
import { TablePageCasesQuery } from "./queries";
import { TableScroll } from "../../ui/TableScroll";

const open: CaseStatus[] = [...openCaseStatuses];

/** The table's cases, open ones first by default, newest referral first. */
export function Caseload({ tableID, visible }: { tableID: string; visible: boolean }) {
  const intl = useIntl();
  const fmt = useFormat();
  const label = useEnumLabel();
  const [onlyOpen, setOnlyOpen] = useState(true);
  const [after, setAfter] = useState<string | undefined>();
  const [result] = useQuery({
    query: TablePageCasesQuery,
    variables: { tableID, after, status: onlyOpen ? open : undefined },
    pause: !visible,
  });
  const cases = nodes(result.data?.cases);
  return (
    <section aria-labelledby="tables-caseload-title" className="mb-5">
      <h2 id="tables-caseload-title" className="h3">
        <FormattedMessage id="tables.caseload.title" />
      </h2>
      {!visible ? (
        <p>
          <FormattedMessage id="tables.caseload.hidden" />
        </p>
      ) : (
        <>
          <div className="form-check mb-3">
            <input
              id="tables-caseload-open"
              type="checkbox"
              className="form-check-input"
              checked={onlyOpen}
              onChange={(e) => {
                setOnlyOpen(e.target.checked);
                setAfter(undefined);
              }}
            />
            <label htmlFor="tables-caseload-open" className="form-check-label">
              <FormattedMessage id="tables.caseload.onlyOpen" />
            </label>
          </div>
          <ErrorAlert error={result.error} />
          {result.fetching && !result.data && <Loading />}
          {result.data && (
            <p aria-live="polite">
              <FormattedMessage id={onlyOpen ? "tables.caseload.countOpen" : "tables.caseload.countAll"} values={{ count: result.data.cases.totalCount }} />
            </p>
          )}
          {cases.length > 0 && (
            <TableScroll>
              <table className="table align-middle">
                <caption className="visually-hidden">{intl.formatMessage({ id: "tables.caseload.caption" })}</caption>
                <thead>
                  <tr>
                    <th scope="col">
                      <FormattedMessage id="tables.caseload.code" />
                    </th>
                    <th scope="col">
                      <FormattedMessage id="tables.caseload.referredOn" />
                    </th>
                    <th scope="col">
                      <FormattedMessage id="tables.caseload.status" />
                    </th>
                    <th scope="col">
                      <FormattedMessage id="tables.caseload.priority" />
                    </th>
                    <th scope="col">
                      <FormattedMessage id="tables.caseload.manager" />
                    </th>
                  </tr>
                </thead>
                <tbody>
                  {cases.map((c) => (
                    <tr key={c.id}>
                      <td>
                        <Link to={`/cases/${c.id}`}>{c.code}</Link>
                      </td>
                      <td>{fmt.date(c.referredOn)}</td>
                      <td>{label("CaseStatus", c.status)}</td>
                      <td>{label("CasePriority", c.priority)}</td>
                      <td>{c.caseManager?.name ?? <FormattedMessage id="tables.caseload.noManager" />}</td>
                    </tr>
                  ))}
                </tbody>
              </table>
            </TableScroll>
          )}
          <LoadMore pageInfo={result.data?.cases.pageInfo} fetching={result.fetching} onMore={setAfter} />
        </>
      )}
    </section>
  );
}
