import { Icon } from "design-react-kit";
import { useEffect } from "react";
import { FormattedMessage, useIntl } from "react-intl";
import { Link } from "react-router";
import { useQuery, useSubscription } from "urql";
import { graphql } from "../../gql";

export const UnreadNotificationCountDoc = graphql(`
  query NotificationBellUnread {
    unreadNotificationCount
  }
`);

export const NotificationAddedDoc = graphql(`
  subscription NotificationBellAdded {
    notificationAdded {
      id
      kind
      createdAt
    }
  }
`);

/**
 * The bell of the header: how many notifications are unread, a link to
 * them. The count is fetched again at each notification the live
 * updates bring, and when the window regains focus, in case the stream
 * dropped.
 */
export function NotificationBell() {
  const intl = useIntl();
  const [{ data }, refetch] = useQuery({ query: UnreadNotificationCountDoc, requestPolicy: "cache-and-network" });
  const [{ data: added }] = useSubscription({ query: NotificationAddedDoc });
  // Each notification that arrives: the count again, from the server,
  // which knows what was read meanwhile in other tabs.
  useEffect(() => {
    if (added) {
      refetch({ requestPolicy: "network-only" });
    }
  }, [added, refetch]);
  useEffect(() => {
    const onFocus = () => refetch({ requestPolicy: "network-only" });
    window.addEventListener("focus", onFocus);
    return () => window.removeEventListener("focus", onFocus);
  }, [refetch]);
  const count = data?.unreadNotificationCount ?? 0;
  return (
    <>
      <Link
        to="/notifications"
        className="win-bell text-white d-inline-flex align-items-center gap-1"
        aria-label={intl.formatMessage({ id: "notifications.bell.label" }, { count })}
        data-testid="notification-bell"
      >
        <Icon icon="it-notification" color="white" size="sm" aria-hidden />
        {count > 0 && (
          <span className="badge bg-danger" data-testid="unread-count" aria-hidden="true">
            {count > 99 ? "99+" : count}
          </span>
        )}
      </Link>
      {/* Read out when the count changes, politely: not the link's label, which is read when focused. */}
      <span className="visually-hidden" aria-live="polite" aria-atomic="true">
        {data && <FormattedMessage id="notifications.bell.live" values={{ count }} />}
      </span>
    </>
  );
}
