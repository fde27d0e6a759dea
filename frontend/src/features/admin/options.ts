import { useMemo } from "react";
import { useQuery } from "urql";
import { graphql } from "../../gql";
import type { Option } from "../../ui/fields";
import { nodes } from "../../ui/connection";

// Choices the administration's forms and filters offer: organisations,
// tables and users, by name (the first 100, enough for the network).

const AdminOptionsOrganizationsQuery = graphql(`
  query AdminOptionsOrganizations {
    organizations(first: 100, orderBy: [{ field: NAME, direction: ASC }]) {
      edges {
        node {
          id
          name
        }
      }
    }
  }
`);

const AdminOptionsTablesQuery = graphql(`
  query AdminOptionsTables {
    tables(first: 100, orderBy: [{ field: NAME, direction: ASC }]) {
      edges {
        node {
          id
          name
        }
      }
    }
  }
`);

const AdminOptionsUsersQuery = graphql(`
  query AdminOptionsUsers {
    users(first: 100, orderBy: [{ field: NAME, direction: ASC }]) {
      edges {
        node {
          id
          name
          email
        }
      }
    }
  }
`);

export function useOrganizationOptions(): Option[] {
  const [{ data }] = useQuery({ query: AdminOptionsOrganizationsQuery });
  return useMemo(() => nodes(data?.organizations).map((o) => ({ value: o.id, label: o.name })), [data]);
}

export function useTableOptions(): Option[] {
  const [{ data }] = useQuery({ query: AdminOptionsTablesQuery });
  return useMemo(() => nodes(data?.tables).map((t) => ({ value: t.id, label: t.name })), [data]);
}

export function useUserOptions(): Option[] {
  const [{ data }] = useQuery({ query: AdminOptionsUsersQuery });
  return useMemo(() => nodes(data?.users).map((u) => ({ value: u.id, label: `${u.name} (${u.email})` })), [data]);
}
