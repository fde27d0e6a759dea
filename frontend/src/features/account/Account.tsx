import { Table } from "design-react-kit";
import { FormattedMessage, useIntl } from "react-intl";
import { useQuery } from "urql";
import { graphql } from "../../gql";
import { useFormat } from "../../i18n/format";
import { useEnumLabel } from "../../i18n/useEnumLabel";
import { ErrorAlert } from "../../ui/ErrorAlert";
import { Loading } from "../../ui/Loading";
import { nodes } from "../../ui/connection";
import { usePageTitle } from "../../ui/usePageTitle";
import { ApiTokens } from "./ApiTokens";
import { ChangePassword } from "./ChangePassword";
import { Sessions } from "./Sessions";

const AccountProfileQuery = graphql(`
  query AccountProfile {
    viewer {
      id
      name
      email
      roles
      organization {
        id
        name
      }
      memberships(first: 100) {
        edges {
          node {
            id
            profession
            joinedOn
            table {
              id
              name
            }
            organization {
              id
              name
            }
          }
        }
      }
    }
  }
`);

/** /account: the signed-in user's profile, password, sessions and API tokens. */
export function Account() {
  const intl = useIntl();
  usePageTitle(intl.formatMessage({ id: "nav.account" }));
  return (
    <>
      <h1 className="mb-4">
        <FormattedMessage id="nav.account" />
      </h1>
      <Profile />
      <ChangePassword />
      <Sessions />
      <ApiTokens />
    </>
  );
}

function Profile() {
  const intl = useIntl();
  const fmt = useFormat();
  const enumLabel = useEnumLabel();
  const [{ data, error }] = useQuery({ query: AccountProfileQuery });
  const viewer = data?.viewer;
  return (
    <section aria-labelledby="account-profile" className="mb-5">
      <h2 id="account-profile">
        <FormattedMessage id="account.profile.title" />
      </h2>
      <ErrorAlert error={error} />
      {!viewer ? (
        !error && <Loading />
      ) : (
        <>
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
            <Table responsive>
              <caption className="visually-hidden">{intl.formatMessage({ id: "account.profile.memberships" })}</caption>
              <thead>
                <tr>
                  <th scope="col">
                    <FormattedMessage id="account.profile.table" />
                  </th>
                  <th scope="col">
                    <FormattedMessage id="account.profile.profession" />
                  </th>
                  <th scope="col">
                    <FormattedMessage id="account.profile.represents" />
                  </th>
                  <th scope="col">
                    <FormattedMessage id="account.profile.joinedOn" />
                  </th>
                </tr>
              </thead>
              <tbody>
                {nodes(viewer.memberships).map((m) => (
                  <tr key={m.id}>
                    <td>{m.table.name}</td>
                    <td>{enumLabel("TableMembershipProfession", m.profession)}</td>
                    <td>{m.organization.name}</td>
                    <td>{fmt.date(m.joinedOn)}</td>
                  </tr>
                ))}
              </tbody>
            </Table>
          )}
        </>
      )}
    </section>
  );
}
