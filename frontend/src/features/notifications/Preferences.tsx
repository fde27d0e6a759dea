import { FormattedMessage, useIntl } from "react-intl";
import { useMutation, useQuery } from "urql";
import { graphql } from "../../gql";
import type { NotificationDelivery } from "../../gql/graphql";
import { useEnumLabel } from "../../i18n/useEnumLabel";
import { DataTable } from "../../ui/DataTable";
import { ErrorAlert } from "../../ui/ErrorAlert";
import { Loading } from "../../ui/Loading";
import { Section } from "../../ui/Section";

export const NotificationPreferencesDoc = graphql(`
  query NotificationPreferences {
    notificationPreferences {
      kind
      delivery
      defaultDelivery
    }
  }
`);

const SetNotificationDeliveryDoc = graphql(`
  mutation NotificationPreferencesSet($kind: EventKind!, $delivery: NotificationDelivery!) {
    setNotificationDelivery(kind: $kind, delivery: $delivery) {
      kind
      delivery
      defaultDelivery
    }
  }
`);

const deliveries: NotificationDelivery[] = ["IN_APP", "EMAIL", "DIGEST"];

/** The account page's section: for each kind of event, in WIN only, also by e-mail at once, or in the daily digest. */
export function NotificationPreferences() {
  const intl = useIntl();
  const label = useEnumLabel();
  const [{ data, error }, refetch] = useQuery({ query: NotificationPreferencesDoc });
  const [setState, setDelivery] = useMutation(SetNotificationDeliveryDoc);
  const choose = async (kind: string, delivery: NotificationDelivery) => {
    const r = await setDelivery({ kind: kind as never, delivery });
    if (!r.error) {
      refetch({ requestPolicy: "network-only" });
    }
  };
  return (
    <Section id="account-notifications" title="notifications.preferences.title" headingClassName="">
      <p>
        <FormattedMessage id="notifications.preferences.intro" />
      </p>
      <ErrorAlert error={error ?? setState.error} />
      {!data ? (
        !error && <Loading />
      ) : (
        <DataTable caption={intl.formatMessage({ id: "notifications.preferences.title" })} hideCaption columns={["notifications.preferences.kind", "notifications.preferences.delivery"]}>
          {data.notificationPreferences.map((p) => {
            const id = `delivery-${p.kind}`;
            return (
              <tr key={p.kind}>
                <td>
                  <label htmlFor={id}>{label("EventKind", p.kind)}</label>
                </td>
                <td>
                  <select id={id} className="form-select" value={p.delivery} disabled={setState.fetching} onChange={(e) => choose(p.kind, e.target.value as NotificationDelivery)}>
                    {deliveries.map((d) => (
                      <option key={d} value={d}>
                        {label("NotificationDelivery", d)}
                        {d === p.defaultDelivery ? ` (${intl.formatMessage({ id: "notifications.preferences.default" })})` : ""}
                      </option>
                    ))}
                  </select>
                </td>
              </tr>
            );
          })}
        </DataTable>
      )}
    </Section>
  );
}
