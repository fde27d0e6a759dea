import { FormattedMessage, useIntl } from "react-intl";
import { useEnumLabel } from "../../i18n/useEnumLabel";
import { useSession } from "../../session/session";
import { MembershipsTable } from "../../ui/MembershipsTable";
import { nodes } from "../../ui/connection";
import { usePageTitle } from "../../ui/usePageTitle";
import { NotificationPreferences } from "../notifications/Preferences";
import { ApiTokens } from "./ApiTokens";
import { ChangePassword } from "./ChangePassword";
import { Sessions } from "./Sessions";

/** /account: the signed-in user's profile, how they hear of events, password, sessions and API tokens. */
export function Account() {
  const intl = useIntl();
  usePageTitle(intl.formatMessage({ id: "nav.account" }));
  return (
    <>
      <h1 className="mb-4">
        <FormattedMessage id="nav.account" />
      </h1>
      <Profile />
      <NotificationPreferences />
      <ChangePassword />
      <Sessions />
      <ApiTokens />
    </>
  );
}

function Profile() {
  const intl = useIntl();
  const enumLabel = useEnumLabel();
  // The session already holds the profile: no second request.
  const { viewer } = useSession();
  return (
    <section aria-labelledby="account-profile" className="mb-5">
      <h2 id="account-profile">
        <FormattedMessage id="account.profile.title" />
      </h2>
      <dl className="row">
        <dt className="col-sm-3">
          <FormattedMessage id="account.profile.name" />
        </dt>
        <dd className="col-sm-9">{viewer.name}</dd>
        <dt className="col-sm-3">
          <FormattedMessage id="account.profile.email" />
        </dt>
        <dd className="col-sm-9">{viewer.email}</dd>
        <dt className="col-sm-3">
          <FormattedMessage id="account.profile.organization" />
        </dt>
        <dd className="col-sm-9">{viewer.organization.name}</dd>
        <dt className="col-sm-3">
          <FormattedMessage id="account.profile.roles" />
        </dt>
        <dd className="col-sm-9">{viewer.roles.map((r) => enumLabel("Role", r)).join(", ") || <FormattedMessage id="account.profile.noRoles" />}</dd>
      </dl>
      <h3 className="h4">
        <FormattedMessage id="account.profile.memberships" />
      </h3>
      {nodes(viewer.memberships).length === 0 ? (
        <p>
          <FormattedMessage id="account.profile.noMemberships" />
        </p>
      ) : (
        <MembershipsTable caption={intl.formatMessage({ id: "account.profile.memberships" })} memberships={nodes(viewer.memberships)} />
      )}
    </section>
  );
}
