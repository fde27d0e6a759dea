import { graphql } from "../../../gql";

// The merge dialog's operations: the search for the other record, the
// records found as the coordinator reads them, and the merge.

export const MergeFindMatchesQuery = graphql(`
  query MergeFindMatches($taxCode: String, $lastName: String, $firstName: String, $birthDate: Date) {
    findPersonMatches(taxCode: $taxCode, lastName: $lastName, firstName: $firstName, birthDate: $birthDate) {
      personID
      pseudonym
      birthYear
      reasons
      openCaseID
      openCaseCode
      openCaseTable
    }
  }
`);

export const MergeIdentityFragmentDoc = graphql(`
  fragment MergeIdentity on PersonIdentity {
    id
    firstName
    lastName
    taxCode
    birthDate
    birthPlace
    email
    phone
    address
    postalCode
    city
  }
`);

// A match gives no identity: each record found is read again, its
// identity null where the coordinator does not read it.
export const MergeCandidatesQuery = graphql(`
  query MergeCandidates($ids: [ID!]!) {
    nodes(ids: $ids) {
      __typename
      id
      ... on Person {
        pseudonym
        identity {
          ...MergeIdentity
        }
        cases(first: 1) {
          totalCount
        }
        consents {
          id
        }
      }
    }
  }
`);

export const MergePersonsMutation = graphql(`
  mutation MergePersons($input: MergePersonsInput!) {
    mergePersons(input: $input) {
      id
      pseudonym
      identity {
        ...MergeIdentity
      }
    }
  }
`);
