import { useMemo } from "react";
import { useQuery } from "urql";
import { graphql } from "../gql";
import { nodes } from "./connection";
import type { Option } from "./fields";

// The network's organisations as a form offers them, by name: one
// document for every screen that picks a body (the pact, the funds,
// community activities), so that the cache answers them all from one
// request. The first 100 are enough for the network.

export const OrganizationOptionsQuery = graphql(`
  query OrganizationOptions {
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

/** The organisations as options: the value is the ID, the label the name. */
export function useOrganizationOptions(): Option[] {
  const [{ data }] = useQuery({ query: OrganizationOptionsQuery });
  return useMemo(() => nodes(data?.organizations).map((o) => ({ value: o.id, label: o.name })), [data]);
}
