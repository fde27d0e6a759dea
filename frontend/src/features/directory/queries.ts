import { graphql } from "../../gql";

export const DirectoryOrganizationsQuery = graphql(`
  query DirectoryOrganizations($where: OrganizationWhereInput, $after: Cursor) {
    organizations(first: 20, after: $after, where: $where, orderBy: [{ field: NAME, direction: ASC }]) {
      totalCount
      edges {
        node {
          id
          name
          kind
          email
          phone
          website
          address
          municipality {
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

export const DirectoryMunicipalitiesQuery = graphql(`
  query DirectoryMunicipalities {
    municipalities(first: 100, orderBy: [{ field: NAME, direction: ASC }]) {
      totalCount
      edges {
        node {
          id
          name
          istatCode
          province
          population
          tables(first: 5) {
            edges {
              node {
                id
                name
              }
            }
          }
        }
      }
    }
  }
`);
