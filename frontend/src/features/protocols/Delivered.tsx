import { useState } from "react";
import { FormattedMessage, useIntl } from "react-intl";
import { Link } from "react-router";
import { useQuery } from "urql";
import { useFormat } from "../../i18n/format";
import { useEnumLabel } from "../../i18n/useEnumLabel";
import { nodes } from "../../ui/connection";
import { ErrorAlert } from "../../ui/ErrorAlert";
import { LoadMore } from "../../ui/LoadMore";
import { Loading } from "../../ui/Loading";
import { TableScroll } from "../../ui/TableScroll";
import { ProtocolPageInterventionsQuery } from "./queries";

// What was delivered under the protocol: the totals the system computes
// over every intervention that names it, then those interventions the
// viewer may read, a page at a time. The two may differ (a partner reads
// fewer cases than the committee), and the page says so.

interface Totals {
  interventions: number;
  costCents: number;
  spentCents: number;
}

export function Delivered({ protocolID, totals }: { protocolID: string; totals: Totals }) {
  const intl = useIntl();
  const fmt = useFormat();
  const label = useEnumLabel();
  const [after, setAfter] = useState<string | undefined>();
  const [result] = useQuery({ query: ProtocolPageInterventionsQuery, variables: { id: protocolID, after } });
  const connection = result.data?.node?.__typename === "Protocol" ? result.data.node.interventions : undefined;
  const interventions = nodes(connection);
  return (
    <section aria-labelledby="protocols-delivered-title" className="mb-5">
      <h2 id="protocols-delivered-title" className="h3">
        <FormattedMessage id="protocols.delivered.title" />
      </h2>
      <dl className="row mb-3">
        <dt className="col-sm-3">
          <FormattedMessage id="protocols.delivered.count" />
        </dt>
        <dd className="col-sm-9">{fmt.number(totals.interventions)}</dd>
        <dt className="col-sm-3">
          <FormattedMessage id="protocols.delivered.cost" />
        </dt>
        <dd className="col-sm-9">{fmt.euros(totals.costCents)}</dd>
        <dt className="col-sm-3">
          <FormattedMessage id="protocols.delivered.spent" />
        </dt>
        <dd className="col-sm-9">{fmt.euros(totals.spentCents)}</dd>
      </dl>
      <p>
        <FormattedMessage id="protocols.delivered.readable" />
      </p>
      <ErrorAlert error={result.error} />
      {interventions.length === 0 ? (
        result.fetching ? (
          <Loading />
        ) : (
          <p>
            <FormattedMessage id="protocols.delivered.none" />
          </p>
        )
      ) : (
        <TableScroll>
          <table className="table align-middle">
            <caption className="visually-hidden">{intl.formatMessage({ id: "protocols.delivered.caption" })}</caption>
            <thead>
              <tr>
                <th scope="col">
                  <FormattedMessage id="protocols.delivered.kind" />
                </th>
                <th scope="col">
                  <FormattedMessage id="protocols.delivered.case" />
                </th>
                <th scope="col">
                  <FormattedMessage id="protocols.delivered.period" />
                </th>
                <th scope="col">
                  <FormattedMessage id="protocols.delivered.status" />
                </th>
                <th scope="col" className="text-end">
                  <FormattedMessage id="protocols.delivered.costColumn" />
                </th>
              </tr>
            </thead>
            <tbody>
              {interventions.map((i) => (
                <tr key={i.id}>
                  <td>{label("InterventionKind", i.kind)}</td>
                  <td>
                    <Link to={`/cases/${i.case.id}`}>{i.case.code}</Link>
                  </td>
                  <td>
                    <FormattedMessage id="protocols.delivered.dates" values={{ from: fmt.date(i.startsOn), to: fmt.date(i.endsOn) }} />
                  </td>
                  <td>{label("InterventionStatus", i.status)}</td>
                  <td className="text-end">{fmt.euros(i.costCents)}</td>
                </tr>
              ))}
            </tbody>
          </table>
        </TableScroll>
      )}
      <LoadMore pageInfo={connection?.pageInfo} fetching={result.fetching} onMore={setAfter} />
    </section>
  );
}
