import { graphql } from "../../gql";

export const TablesListQuery = graphql(`
  query TablesList($open: [CaseStatus!]) {
    tables(first: 50, orderBy: [{ field: NAME, direction: ASC }]) {
      totalCount
      edges {
        node {
          id
          name
          code
          coordinator {
            id
            name
          }
          municipalities(first: 20, orderBy: [{ field: NAME, direction: ASC }]) {
            edges {
              node {
                id
                name
              }
            }
          }
          members(first: 1) {
            totalCount
          }
          cases(first: 1, where: { statusIn: $open }) {
            totalCount
          }
        }
      }
    }
  }
`);

export const TablePageQuery = graphql(`
  query TablePage($id: ID!) {
    node(id: $id) {
      __typename
      id
      ... on Table {
        name
        code
        daysToFirstMeeting
        daysToPlan
        planNeedsApproval
        closureNeedsApproval
        coordinator {
          id
          name
        }
        municipalities(first: 100, orderBy: [{ field: NAME, direction: ASC }]) {
          edges {
            node {
              id
              name
            }
          }
        }
        members(first: 100, orderBy: [{ field: JOINED_ON, direction: ASC }]) {
          totalCount
          edges {
            node {
              id
              profession
              joinedOn
              user {
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
  }
`);

export const TablePageCasesQuery = graphql(`
  query TablePageCases($tableID: ID!, $after: Cursor, $status: [CaseStatus!]) {
    cases(
      first: 20
      after: $after
      where: { hasTableWith: [{ id: $tableID }], statusIn: $status }
      orderBy: [{ field: REFERRED_ON, direction: DESC }]
    ) {
      totalCount
      edges {
        node {
          id
          code
          referredOn
          status
          priority
          caseManager {
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

export const TablePageMeetingsQuery = graphql(`
  query TablePageMeetings($tableID: ID!, $after: Cursor) {
    meetings(first: 5, after: $after, where: { hasTableWith: [{ id: $tableID }] }, orderBy: [{ field: HELD_AT, direction: DESC }]) {
      totalCount
      edges {
        node {
          id
          heldAt
          title
          minutes
          attendees(first: 100) {
            totalCount
          }
          decisions(first: 100) {
            edges {
              node {
                ...SteeringDecision
              }
            }
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

export const TablePageDirectivesQuery = graphql(`
  query TablePageDirectives($tableID: ID!, $after: Cursor) {
    directives(
      first: 20
      after: $after
      where: { or: [{ allTables: true }, { hasTablesWith: [{ id: $tableID }] }] }
      orderBy: [{ field: ISSUED_ON, direction: DESC }]
    ) {
      edges {
        node {
          ...SteeringDirectiveText
          acknowledgements(first: 1, where: { hasTableWith: [{ id: $tableID }] }) {
            edges {
              node {
                ...SteeringAcknowledgement
              }
            }
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

export const TablePageAcknowledgeMutation = graphql(`
  mutation TablePageAcknowledge($id: ID!, $tableID: ID!, $note: String) {
    acknowledgeDirective(id: $id, tableID: $tableID, note: $note) {
      id
      acknowledgedAt
      note
    }
  }
`);

export const TablePageMemberOptionsQuery = graphql(`
  query TablePageMemberOptions {
    users(first: 100, where: { disabled: false }, orderBy: [{ field: NAME, direction: ASC }]) {
      edges {
        node {
          id
          name
          organization {
            id
          }
        }
      }
    }
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

export const TablePageAddMemberMutation = graphql(`
  mutation TablePageAddMember($input: CreateTableMembershipInput!) {
    addTableMember(input: $input) {
      id
      profession
      joinedOn
      user {
        id
        name
      }
      organization {
        id
        name
      }
    }
  }
`);

export const TablePageRemoveMemberMutation = graphql(`
  mutation TablePageRemoveMember($id: ID!) {
    removeTableMember(id: $id)
  }
`);

export const TablePageSetApprovalsMutation = graphql(`
  mutation TablePageSetApprovals($id: ID!, $plan: Boolean!, $closure: Boolean!) {
    setTableApprovals(id: $id, plan: $plan, closure: $closure) {
      id
      planNeedsApproval
      closureNeedsApproval
    }
  }
`);
