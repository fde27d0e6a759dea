import { useMemo } from "react";
import { useQuery } from "urql";
import { graphql } from "../../gql";
import type { Option } from "../../ui/fields";
import { nodes } from "../../ui/connection";

// Choices the administration's forms and filters offer: tables and users,
// by name (the first 100, enough for the network); organisations come
// from ui/organizations, as everywhere.

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

export function useTableOptions(): Option[] {
  const [{ data }] = useQuery({ query: AdminOptionsTablesQuery });
  return useMemo(() => nodes(data?.tables).map((t) => ({ value: t.id, label: t.name })), [data]);
}

export function useUserOptions(): Option[] {
  const [{ data }] = useQuery({ query: AdminOptionsUsersQuery });
  return useMemo(() => nodes(data?.users).map((u) => ({ value: u.id, label: `${u.name} (${u.email})` })), [data]);
}
