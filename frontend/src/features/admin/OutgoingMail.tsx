import { Table } from "design-react-kit";
import { useState } from "react";
import { FormattedMessage, useIntl } from "react-intl";
import { useQuery } from "urql";
import { graphql } from "../../gql";
import { useFormat } from "../../i18n/format";
import { useEnumLabel } from "../../i18n/useEnumLabel";
import { ErrorAlert } from "../../ui/ErrorAlert";
import { LoadMore } from "../../ui/LoadMore";
import { Loading } from "../../ui/Loading";
import { nodes } from "../../ui/connection";
import { TableScroll } from "../../ui/TableScroll";
import { usePageTitle } from "../../ui/usePageTitle";

const AdminOutgoingMailQuery = graphql(`
  query AdminOutgoingMail($first: Int!, $after: Cursor) {
    outgoingMails(first: $first, after: $after, orderBy: [{ field: CREATED_AT, direction: DESC }]) {
      totalCount
      edges {
        node {
          id
          createdAt
          toAddress
          kind
          subject
          state
          attempts
          lastError
          textBody
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
 * /admin/mail: the e-mail WIN sent or is sending, newest first, with the
 * plain text of each (without the links of invitations and resets, which
 * are never kept). Without an SMTP server the mails are LOGGED: this page
 * shows what would have been sent.
 */
export function OutgoingMail() {
  const intl = useIntl();
  const fmt = useFormat();
  const label = useEnumLabel();
  usePageTitle(intl.formatMessage({ id: "admin.mail.title" }));
  const [after, setAfter] = useState<string | null>(null);
  const [{ data, fetching, error }] = useQuery({ query: AdminOutgoingMailQuery, variables: { first: 50, after } });
  let body;
  if (error && !data) {
    body = <ErrorAlert error={error} />;
  } else if (!data) {
    body = <Loading />;
  } else {
    const mails = nodes(data.outgoingMails);
    body = (
      <>
        <ErrorAlert error={error} />
        <p aria-live="polite">
          <FormattedMessage id="admin.mail.count" values={{ shown: mails.length, total: data.outgoingMails.totalCount }} />
        </p>
        {mails.length === 0 ? (
          <p>
            <FormattedMessage id="admin.mail.none" />
          </p>
        ) : (
          <Table responsive responsiveTag={TableScroll} striped size="sm">
            <caption className="visually-hidden">{intl.formatMessage({ id: "admin.mail.caption" })}</caption>
            <thead>
              <tr>
                {["created", "to", "kind", "subject", "state", "attempts", "lastError"].map((c) => (
                  <th scope="col" key={c}>
                    <FormattedMessage id={`admin.mail.col.${c}`} />
                  </th>
                ))}
              </tr>
            </thead>
            <tbody>
              {mails.map((m) => (
                <tr key={m.id}>
                  <td className="text-nowrap">{fmt.dateTime(m.createdAt)}</td>
                  <td className="text-break">{m.toAddress}</td>
                  <td>{label("OutgoingMailKind", m.kind)}</td>
                  <td>
                    {m.subject}
                    <details className="small mt-1">
                      <summary>
                        <FormattedMessage id="admin.mail.text" />
                      </summary>
                      <pre className="text-wrap mb-0">{m.textBody}</pre>
                    </details>
                  </td>
                  <td>{label("OutgoingMailState", m.state)}</td>
                  <td>{m.attempts}</td>
                  <td className="text-break">{m.lastError || "—"}</td>
                </tr>
              ))}
            </tbody>
          </Table>
        )}
        <LoadMore pageInfo={data.outgoingMails.pageInfo} fetching={fetching} onMore={setAfter} />
      </>
    );
  }
  return (
    <>
      <h1>
        <FormattedMessage id="admin.mail.title" />
      </h1>
      <p>
        <FormattedMessage id="admin.mail.intro" />
      </p>
      {body}
    </>
  );
}
