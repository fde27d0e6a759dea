import { Button } from "design-react-kit";
import { FormattedMessage, useIntl } from "react-intl";
import { useMutation, useQuery } from "urql";
import { graphql } from "../../gql";
import { useFormat } from "../../i18n/format";
import { ErrorAlert } from "../../ui/ErrorAlert";
import { Loading } from "../../ui/Loading";
import { DataTable } from "../../ui/DataTable";
import { Section } from "../../ui/Section";

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
    <Section id="account-sessions" title="account.sessions.title" headingClassName="">
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
        <DataTable caption={intl.formatMessage({ id: "account.sessions.title" })} hideCaption columns={["account.sessions.started", "account.sessions.lastSeen", "account.sessions.expires", "account.sessions.client", "common.actions"]}>
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
          </DataTable>
      )}
    </Section>
  );
}
