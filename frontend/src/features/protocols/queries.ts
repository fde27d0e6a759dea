import { graphql } from "../../gql";

export const ProtocolsListQuery = graphql(`
  query ProtocolsList($where: ProtocolWhereInput, $after: Cursor) {
    protocols(first: 20, after: $after, where: $where, orderBy: [{ field: TITLE, direction: ASC }]) {
      totalCount
      edges {
        node {
          id
          title
          status
          currentStatus
          signedOn
          validFrom
          validUntil
          parties(first: 1) {
            totalCount
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

export const ProtocolsListCreateMutation = graphql(`
  mutation ProtocolsListCreate($input: CreateProtocolInput!) {
    createProtocol(input: $input) {
      id
      title
    }
  }
`);

export const ProtocolPageCommitmentFragment = graphql(`
  fragment ProtocolPageCommitment on ProtocolCommitment {
    id
    description
    dueOn
    status
    currentStatus
    doneOn
    evidence
  }
`);

export const ProtocolPageSignatureFragment = graphql(`
  fragment ProtocolPageSignature on ProtocolParty {
    id
    signedOn
    signerName
    signerRole
  }
`);

export const ProtocolPageQuery = graphql(`
  query ProtocolPage($id: ID!) {
    node(id: $id) {
      __typename
      id
      ... on Protocol {
        title
        purpose
        status
        currentStatus
        signedOn
        validFrom
        validUntil
        delivered {
          interventions
          costCents
          spentCents
        }
        parties(first: 50, orderBy: [{ field: ROLE, direction: ASC }]) {
          edges {
            node {
              ...ProtocolPageSignature
              role
              operatingMode
              organization {
                id
                name
              }
              commitments(first: 50, orderBy: [{ field: DUE_ON, direction: ASC }]) {
                edges {
                  node {
                    ...ProtocolPageCommitment
                  }
                }
              }
            }
          }
        }
        objectives(first: 50, orderBy: [{ field: TITLE, direction: ASC }]) {
          edges {
            node {
              id
              title
              indicator
              target
              periodStart
              periodEnd
            }
          }
        }
      }
    }
  }
`);

export const ProtocolPageActivateMutation = graphql(`
  mutation ProtocolPageActivate($id: ID!, $signedOn: Date, $validFrom: Date, $validUntil: Date) {
    activateProtocol(id: $id, signedOn: $signedOn, validFrom: $validFrom, validUntil: $validUntil) {
      id
      status
      currentStatus
      signedOn
      validFrom
      validUntil
    }
  }
`);

export const ProtocolPageTerminateMutation = graphql(`
  mutation ProtocolPageTerminate($id: ID!) {
    terminateProtocol(id: $id) {
      id
      status
      currentStatus
      validUntil
    }
  }
`);

export const ProtocolPageAddPartyMutation = graphql(`
  mutation ProtocolPageAddParty($protocolID: ID!, $input: ProtocolPartyInput!) {
    addProtocolParty(protocolID: $protocolID, input: $input) {
      id
      role
      organization {
        id
        name
      }
    }
  }
`);

export const ProtocolPageSignPartyMutation = graphql(`
  mutation ProtocolPageSignParty($id: ID!, $signedOn: Date!, $signerName: String!, $signerRole: String) {
    signProtocolParty(id: $id, signedOn: $signedOn, signerName: $signerName, signerRole: $signerRole) {
      ...ProtocolPageSignature
    }
  }
`);

export const ProtocolPageInterventionsQuery = graphql(`
  query ProtocolPageInterventions($id: ID!, $after: Cursor) {
    node(id: $id) {
      __typename
      id
      ... on Protocol {
        interventions(first: 20, after: $after, orderBy: [{ field: STARTS_ON, direction: DESC }]) {
          edges {
            node {
              id
              kind
              startsOn
              endsOn
              status
              costCents
              case {
                id
                code
              }
            }
          }
          pageInfo {
            hasNextPage
            endCursor
          }
        }
      }
    }
  }
`);

export const ProtocolPageAddCommitmentMutation = graphql(`
  mutation ProtocolPageAddCommitment($partyID: ID!, $input: ProtocolCommitmentInput!) {
    addProtocolCommitment(partyID: $partyID, input: $input) {
      ...ProtocolPageCommitment
    }
  }
`);

export const ProtocolPageFulfilMutation = graphql(`
  mutation ProtocolPageFulfil($id: ID!, $doneOn: Date, $evidence: String!) {
    fulfilProtocolCommitment(id: $id, doneOn: $doneOn, evidence: $evidence) {
      ...ProtocolPageCommitment
    }
  }
`);

export const ProtocolPageDropMutation = graphql(`
  mutation ProtocolPageDrop($id: ID!, $reason: String!) {
    dropProtocolCommitment(id: $id, reason: $reason) {
      ...ProtocolPageCommitment
    }
  }
`);
