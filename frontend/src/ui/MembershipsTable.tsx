import { Table } from "design-react-kit";
import type { ReactNode } from "react";
import { FormattedMessage } from "react-intl";
import { Link } from "react-router";
import { graphql } from "../gql";
import type { MembershipsTableRowFragment } from "../gql/graphql";
import { useFormat } from "../i18n/format";
import { useEnumLabel } from "../i18n/useEnumLabel";
import { TableScroll } from "./TableScroll";

export const MembershipsTableRowFragmentDoc = graphql(`
  fragment MembershipsTableRow on TableMembership {
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
`);

/**
 * A person's places at the tables (their own profile, a user's page for the
 * administrators): table, profession, organisation represented, since when;
 * optionally the table as a link and an action per row.
 */
export function MembershipsTable({
  caption,
  memberships,
  linkTables,
  action,
}: {
  caption: string;
  memberships: MembershipsTableRowFragment[];
  linkTables?: boolean;
  action?: (m: MembershipsTableRowFragment) => ReactNode;
}) {
  const fmt = useFormat();
  const enumLabel = useEnumLabel();
  return (
    <Table responsive responsiveTag={TableScroll}>
      <caption className="visually-hidden">{caption}</caption>
      <thead>
        <tr>
          <th scope="col">
            <FormattedMessage id="common.membership.table" />
          </th>
          <th scope="col">
            <FormattedMessage id="common.membership.profession" />
          </th>
          <th scope="col">
            <FormattedMessage id="common.membership.represents" />
          </th>
          <th scope="col">
            <FormattedMessage id="common.membership.joinedOn" />
          </th>
          {action && (
            <th scope="col">
              <FormattedMessage id="common.actions" />
            </th>
          )}
        </tr>
      </thead>
      <tbody>
        {memberships.map((m) => (
          <tr key={m.id}>
            <td>{linkTables ? <Link to={`/tables/${m.table.id}`}>{m.table.name}</Link> : m.table.name}</td>
            <td>{enumLabel("TableMembershipProfession", m.profession)}</td>
            <td>{m.organization.name}</td>
            <td>{fmt.date(m.joinedOn)}</td>
            {action && <td>{action(m)}</td>}
          </tr>
        ))}
      </tbody>
    </Table>
  );
}
