import { graphql } from "../../gql";

export const PactQuery = graphql(`
  query Pact($current: Boolean) {
    pacts(first: 1) {
      edges {
        node {
          id
          name
          signedOn
          description
          text
          signatories(first: 100, orderBy: [{ field: JOINED_ON, direction: ASC }], where: { leftOnIsNil: $current }) {
            edges {
              node {
                id
                role
                joinedOn
                leftOn
                leavingReason
                signerName
                signerRole
                organization {
                  id
                  name
                }
              }
            }
          }
          amendments {
            id
            amendedOn
            summary
            previousText
            recordedAt
            recordedBy {
              id
              name
            }
          }
        }
      }
    }
    committeeMembers(first: 100, orderBy: [{ field: FROM_ON, direction: ASC }]) {
      edges {
        node {
          id
          role
          fromOn
          untilOn
          organization {
            id
            name
          }
          representative {
            id
            name
          }
        }
      }
    }
  }
`);

// The users of a body, to name its representative in the committee. The
// API lists only those the viewer may read: an administrator every one,
// the committee its own body's, the coordinators, the committee's members
// and who attended meetings (ent/schema/rule/users.go).
export const PactBodyUsersQuery = graphql(`
  query PactBodyUsers($organizationID: ID!) {
    users(first: 100, orderBy: [{ field: NAME, direction: ASC }], where: { disabled: false, hasOrganizationWith: [{ id: $organizationID }] }) {
      edges {
        node {
          id
          name
        }
      }
    }
  }
`);

export const PactAddSignatoryMutation = graphql(`
  mutation PactAddSignatory($pactID: ID!, $input: PactSignatoryInput!) {
    addPactSignatory(pactID: $pactID, input: $input) {
      id
    }
  }
`);

export const PactEndSignatoryMutation = graphql(`
  mutation PactEndSignatory($id: ID!, $leftOn: Date!, $reason: String!) {
    endPactSignatory(id: $id, leftOn: $leftOn, reason: $reason) {
      id
      leftOn
      leavingReason
    }
  }
`);

export const PactAmendMutation = graphql(`
  mutation PactAmend($id: ID!, $input: PactAmendmentInput!) {
    amendPact(id: $id, input: $input) {
      id
      text
    }
  }
`);

export const PactEndCommitteeMemberMutation = graphql(`
  mutation PactEndCommitteeMember($id: ID!, $untilOn: Date!) {
    endCommitteeMember(id: $id, untilOn: $untilOn) {
      id
      untilOn
    }
  }
`);

export const PactAddCommitteeMemberMutation = graphql(`
  mutation PactAddCommitteeMember($input: CommitteeMemberInput!) {
    addCommitteeMember(input: $input) {
      id
    }
  }
`);
