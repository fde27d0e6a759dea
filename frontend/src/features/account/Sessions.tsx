import { Button, Table } from "design-react-kit";
import { FormattedMessage, useIntl } from "react-intl";
import { useMutation, useQuery } from "urql";
import { graphql } from "../../gql";
import { useFormat } from "../../i18n/format";
import { ErrorAlert } from "../../ui/ErrorAlert";
import { Loading } from "../../ui/Loading";

const AccountSessionsQuery = graphql(`
  query AccountSessions {
    mySessions {
      id
      createdAt
      lastSeenAt
      expiresAt
      clientAddress
      userAgent
    }
  }
`);

const AccountEndSessionMutation = graphql(`
  mutation AccountEndSession($id: ID!) {
    endSession(id: $id)
  }
`);

/** The viewer's open browser sessions; any can be ended. */
export function Sessions() {
  const intl = useIntl();
  const fmt = useFormat();
  const [{ data, error }, refetch] = useQuery({ query: AccountSessionsQuery });
  const [endState, end] = useMutation(AccountEndSessionMutation);
  const onEnd = async (id: string) => {
    const result = await end({ id });
    if (!result.error) {
      refetch({ requestPolicy: "network-only" });
    }
  };
  const sessions = data?.mySessions ?? [];
  return (
    <section aria-labelledby="account-sessions" className="mb-5">
      <h2 id="account-sessions">
        <FormattedMessage id="account.sessions.title" />
      </h2>
      <p>
        <FormattedMessage id="account.sessions.intro" />
      </p>
      <ErrorAlert error={error} />
      <ErrorAlert error={endState.error} />
      {!data ? (
        !error && <Loading />
      ) : sessions.length === 0 ? (
        <p>
          <FormattedMessage id="account.sessions.none" />
        </p>
      ) : (
        <Table responsive>
          <caption className="visually-hidden">{intl.formatMessage({ id: "account.sessions.title" })}</caption>
          <thead>
            <tr>
              <th scope="col">
                <FormattedMessage id="account.sessions.started" />
              </th>
              <th scope="col">
                <FormattedMessage id="account.sessions.lastSeen" />
              </th>
              <th scope="col">
                <FormattedMessage id="account.sessions.expires" />
              </th>
              <th scope="col">
                <FormattedMessage id="account.sessions.client" />
              </th>
              <th scope="col">
                <FormattedMessage id="common.actions" />
              </th>
            </tr>
          </thead>
          <tbody>
            {sessions.map((s) => (
              <tr key={s.id}>
                <td>{fmt.dateTime(s.createdAt)}</td>
                <td>{fmt.dateTime(s.lastSeenAt)}</td>
                <td>{fmt.dateTime(s.expiresAt)}</td>
                <td>
                  {s.userAgent ? <span className="small text-break">{s.userAgent}</span> : "—"}
                  {s.clientAddress && <div className="small">{s.clientAddress}</div>}
                </td>
                <td>
                  <Button color="danger" outline size="sm" disabled={endState.fetching} onClick={() => onEnd(s.id)}>
                    <FormattedMessage id="account.sessions.end" />
                    <span className="visually-hidden"> {intl.formatMessage({ id: "account.sessions.endOf" }, { when: fmt.dateTime(s.createdAt) })}</span>
                  </Button>
                </td>
              </tr>
            ))}
          </tbody>
        </Table>
      )}
    </section>
  );
}
