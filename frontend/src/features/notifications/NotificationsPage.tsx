import { Button } from "design-react-kit";
import { useMemo, useState } from "react";
import { FormattedMessage, useIntl } from "react-intl";
import { Link } from "react-router";
import { useMutation, useQuery } from "urql";
import { graphql } from "../../gql";
import { useFormat } from "../../i18n/format";
import { nodes } from "../../ui/connection";
import { ErrorAlert } from "../../ui/ErrorAlert";
import { LoadMore } from "../../ui/LoadMore";
import { Loading } from "../../ui/Loading";
import { usePageTitle } from "../../ui/usePageTitle";
import { notificationLink, notificationSentence } from "./notifications";

export const NotificationsListDoc = graphql(`
  query NotificationsPageList($after: Cursor) {
    notifications(first: 30, after: $after, orderBy: { field: CREATED_AT, direction: DESC }) {
      edges {
        node {
          id
          kind
          createdAt
          readAt
          caseCode
          day
          case {
            id
          }
          table {
            id
            name
          }
          otherTable {
            id
            name
          }
          directive {
            id
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

const MarkNotificationReadDoc = graphql(`
  mutation NotificationsPageMarkRead($id: ID!) {
    markNotificationRead(id: $id) {
      id
      readAt
    }
  }
`);

const MarkAllNotificationsReadDoc = graphql(`
  mutation NotificationsPageMarkAllRead {
    markAllNotificationsRead
  }
`);

/** /notifications: what concerns the viewer, newest first, unread ones highlighted. */
export function NotificationsPage() {
  const intl = useIntl();
  const fmt = useFormat();
  usePageTitle(intl.formatMessage({ id: "notifications.title" }));
  const [after, setAfter] = useState<string>();
  const variables = useMemo(() => ({ after }), [after]);
  const [{ data, error, fetching }] = useQuery({ query: NotificationsListDoc, variables, requestPolicy: "cache-and-network" });
  const [markOne, markRead] = useMutation(MarkNotificationReadDoc);
  const [markAll, markAllRead] = useMutation(MarkAllNotificationsReadDoc);
  const list = nodes(data?.notifications);
  const unread = list.some((n) => !n.readAt);
  return (
    <>
      <h1 className="mb-4">
        <FormattedMessage id="notifications.title" />
      </h1>
      <ErrorAlert error={error ?? markOne.error ?? markAll.error} />
      {!data ? (
        !error && <Loading />
      ) : list.length === 0 ? (
        <p>
          <FormattedMessage id="notifications.none" />
        </p>
      ) : (
        <>
          <p>
            <Button color="primary" outline size="sm" disabled={!unread || markAll.fetching} onClick={() => markAllRead({})}>
              <FormattedMessage id="notifications.markAll" />
            </Button>
          </p>
          <ul className="list-unstyled" data-testid="notifications">
            {list.map((n) => {
              const s = notificationSentence(n, fmt.date);
              const to = notificationLink(n);
              const text = intl.formatMessage({ id: s.id }, s.values);
              return (
                <li key={n.id} className={`border-bottom py-2 d-flex flex-wrap gap-2 align-items-center${n.readAt ? "" : " win-unread fw-semibold"}`} data-unread={!n.readAt}>
                  {!n.readAt && (
                    <span className="badge bg-primary">
                      <FormattedMessage id="notifications.unread" />
                    </span>
                  )}
                  <span className="flex-grow-1">{to ? <Link to={to}>{text}</Link> : text}</span>
                  <span className="small text-muted">{fmt.dateTime(n.createdAt)}</span>
                  {!n.readAt && (
                    <Button color="primary" size="xs" outline disabled={markOne.fetching} onClick={() => markRead({ id: n.id })}>
                      <FormattedMessage id="notifications.markRead" />
                      <span className="visually-hidden"> {text}</span>
                    </Button>
                  )}
                </li>
              );
            })}
          </ul>
          <LoadMore pageInfo={data.notifications.pageInfo} fetching={fetching} onMore={setAfter} />
        </>
      )}
    </>
  );
}
