import { Badge, Table } from "design-react-kit";
import { useId, useState } from "react";
import { FormattedMessage, useIntl } from "react-intl";
import { Link, useSearchParams } from "react-router";
import { useQuery } from "urql";
import { graphql } from "../../gql";
import { useEnumLabel } from "../../i18n/useEnumLabel";
import { ErrorAlert } from "../../ui/ErrorAlert";
import { FilterForm, FilterSelect } from "../../ui/FilterForm";
import { LoadMore } from "../../ui/LoadMore";
import { Loading } from "../../ui/Loading";
import { nodes } from "../../ui/connection";
import { useEnumOptions } from "../../ui/enums";
import { usePageTitle } from "../../ui/usePageTitle";
import { useOrganizationOptions } from "../../ui/organizations";
import { matchesRole, usersFilterFromParams, usersWhere, type UsersFilter } from "./usersFilter";
import { TableScroll } from "../../ui/TableScroll";

const AdminUsersListQuery = graphql(`
  query AdminUsersList($first: Int!, $after: Cursor, $where: UserWhereInput) {
    users(first: $first, after: $after, where: $where, orderBy: [{ field: NAME, direction: ASC }]) {
      totalCount
      edges {
        node {
          id
          name
          email
          roles
          disabled
          organization {
            id
            name
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

/** /admin/users: the accounts, searched by name or e-mail, filtered by role and organisation. */
export function UsersList() {
  const intl = useIntl();
  usePageTitle(intl.formatMessage({ id: "admin.users.title" }));
  const [params, setParams] = useSearchParams();
  const filter = usersFilterFromParams(params);
  return (
    <>
      <div className="d-flex flex-wrap justify-content-between align-items-center gap-2 mb-3">
        <h1 className="mb-0">
          <FormattedMessage id="admin.users.title" />
        </h1>
        <Link to="/admin/users/new" className="btn btn-primary">
          <FormattedMessage id="admin.users.create" />
        </Link>
      </div>
      <UsersFilterForm
        key={`f-${params.toString()}`}
        filter={filter}
        onApply={(f) => {
          const next = new URLSearchParams();
          for (const [k, v] of Object.entries(f)) {
            if (v) {
              next.set(k, v);
            }
          }
          setParams(next);
        }}
      />
      <UsersTable key={`t-${params.toString()}`} filter={filter} />
    </>
  );
}

function UsersFilterForm({ filter, onApply }: { filter: UsersFilter; onApply: (f: UsersFilter) => void }) {
  const intl = useIntl();
  const id = useId();
  const [q, setQ] = useState(filter.q ?? "");
  const [role, setRole] = useState(filter.role ?? "");
  const [org, setOrg] = useState(filter.org ?? "");
  const roles = useEnumOptions("Role");
  const orgs = useOrganizationOptions();
  return (
    <FilterForm
      label={intl.formatMessage({ id: "admin.users.filters" })}
      submitLabel={<FormattedMessage id="common.search" />}
      onSubmit={() => onApply({ q: q.trim(), role, org })}
      onReset={() => onApply({})}
      actionsClassName="col-lg-auto col-md-6"
    >
      <div className="col-lg-4 col-md-6">
        <label htmlFor={`${id}-q`} className="form-label fw-semibold">
          <FormattedMessage id="admin.users.search" />
        </label>
        <input id={`${id}-q`} type="search" className="form-control" value={q} onChange={(e) => setQ(e.target.value)} />
      </div>
      <div className="col-lg-2 col-md-6">
        <FilterSelect
          id={`${id}-role`}
          label={<FormattedMessage id="admin.users.role" />}
          anyLabel={intl.formatMessage({ id: "admin.users.anyRole" })}
          value={role}
          options={roles}
          onChange={setRole}
        />
      </div>
      <div className="col-md-3">
        <FilterSelect
          id={`${id}-org`}
          label={<FormattedMessage id="admin.users.organization" />}
          anyLabel={intl.formatMessage({ id: "admin.users.anyOrganization" })}
          value={org}
          options={orgs}
          onChange={setOrg}
        />
      </div>
    </FilterForm>
  );
}

function UsersTable({ filter }: { filter: UsersFilter }) {
  const intl = useIntl();
  const enumLabel = useEnumLabel();
  const [after, setAfter] = useState<string | null>(null);
  const where = usersWhere(filter);
  // With a role (filtered here) ask for bigger pages, so a page is not empty.
  const [{ data, fetching, error }] = useQuery({ query: AdminUsersListQuery, variables: { first: filter.role ? 100 : 25, after, where } });
  if (error && !data) {
    return <ErrorAlert error={error} />;
  }
  if (!data) {
    return <Loading />;
  }
  const all = nodes(data.users);
  const users = all.filter((u) => matchesRole(u, filter.role));
  return (
    <>
      <ErrorAlert error={error} />
      <p aria-live="polite">
        {filter.role ? (
          <FormattedMessage id="admin.users.countRole" values={{ shown: users.length, loaded: all.length, total: data.users.totalCount }} />
        ) : (
          <FormattedMessage id="admin.users.count" values={{ shown: users.length, total: data.users.totalCount }} />
        )}
      </p>
      {users.length === 0 ? (
        <p>
          <FormattedMessage id="admin.users.none" />
        </p>
      ) : (
        <Table responsive responsiveTag={TableScroll} striped>
          <caption className="visually-hidden">{intl.formatMessage({ id: "admin.users.caption" })}</caption>
          <thead>
            <tr>
              <th scope="col">
                <FormattedMessage id="admin.users.col.name" />
              </th>
              <th scope="col">
                <FormattedMessage id="admin.users.col.email" />
              </th>
              <th scope="col">
                <FormattedMessage id="admin.users.col.organization" />
              </th>
              <th scope="col">
                <FormattedMessage id="admin.users.col.roles" />
              </th>
              <th scope="col">
                <FormattedMessage id="admin.users.col.status" />
              </th>
            </tr>
          </thead>
          <tbody>
            {users.map((u) => (
              <tr key={u.id}>
                <td>
                  <Link to={`/admin/users/${u.id}`}>{u.name}</Link>
                </td>
                <td>{u.email}</td>
                <td>{u.organization.name}</td>
                <td>{u.roles.map((r) => enumLabel("Role", r)).join(", ") || "—"}</td>
                <td>
                  {u.disabled ? (
                    <Badge color="danger">
                      <FormattedMessage id="admin.users.disabled" />
                    </Badge>
                  ) : (
                    <FormattedMessage id="admin.users.active" />
                  )}
                </td>
              </tr>
            ))}
          </tbody>
        </Table>
      )}
      <LoadMore pageInfo={data.users.pageInfo} fetching={fetching} onMore={setAfter} />
    </>
  );
}
