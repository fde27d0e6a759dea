import { graphql } from "../../gql";

export const SteeringTablesQuery = graphql(`
  query SteeringTables {
    tables(first: 100, orderBy: [{ field: NAME, direction: ASC }]) {
      edges {
        node {
          id
          name
          code
          daysToFirstMeeting
          daysToPlan
          planNeedsApproval
          closureNeedsApproval
          coordinator {
            id
          }
        }
      }
    }
    municipalities(first: 100, orderBy: [{ field: NAME, direction: ASC }]) {
      edges {
        node {
          id
          name
        }
      }
    }
  }
`);

/** A decision as the meetings show it (also on a table's page). */
export const SteeringDecisionFragment = graphql(`
  fragment SteeringDecision on Decision {
    id
    text
    directive {
      id
      title
    }
    protocol {
      id
      title
    }
    case {
      id
      code
    }
  }
`);

/** A directive's text as issued (also on a table's page). */
export const SteeringDirectiveTextFragment = graphql(`
  fragment SteeringDirectiveText on Directive {
    id
    title
    body
    issuedOn
    allTables
    dueOn
    level
  }
`);

/** Who acknowledged a directive, when and with what note. */
export const SteeringAcknowledgementFragment = graphql(`
  fragment SteeringAcknowledgement on DirectiveAcknowledgement {
    id
    acknowledgedAt
    note
    acknowledgedBy {
      id
      name
    }
  }
`);

/** What one addressed table recorded on a directive. */
export const SteeringDirectiveProgressFragment = graphql(`
  fragment SteeringDirectiveProgress on DirectiveAcknowledgement {
    id
    status
    statusOn
    evidence
    reason
  }
`);

export const SteeringDirectivesQuery = graphql(`
  query SteeringDirectives($after: Cursor) {
    directives(first: 10, after: $after, orderBy: [{ field: ISSUED_ON, direction: DESC }]) {
      edges {
        node {
          ...SteeringDirectiveText
          tables(first: 30) {
            edges {
              node {
                id
                name
              }
            }
          }
          progress {
            done
            late
            table {
              id
              name
            }
            progress {
              ...SteeringDirectiveProgress
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

export const SteeringRecordDirectiveProgressMutation = graphql(`
  mutation SteeringRecordDirectiveProgress($id: ID!, $tableID: ID!, $status: DirectiveAcknowledgementStatus!, $on: Date, $evidence: String, $reason: String) {
    recordDirectiveProgress(id: $id, tableID: $tableID, status: $status, on: $on, evidence: $evidence, reason: $reason) {
      ...SteeringDirectiveProgress
    }
  }
`);

export const SteeringIssueDirectiveMutation = graphql(`
  mutation SteeringIssueDirective($input: DirectiveInput!) {
    issueDirective(input: $input) {
      id
      title
    }
  }
`);

export const SteeringMeetingsQuery = graphql(`
  query SteeringMeetings($after: Cursor) {
    meetings(first: 10, after: $after, orderBy: [{ field: HELD_AT, direction: DESC }]) {
      edges {
        node {
          id
          body
          heldAt
          title
          minutes
          table {
            id
            name
          }
          attendees(first: 30) {
            edges {
              node {
                id
                name
              }
            }
          }
          decisions(first: 30) {
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

export const SteeringCommitteeUsersQuery = graphql(`
  query SteeringCommitteeUsers {
    users(first: 100, where: { disabled: false }, orderBy: [{ field: NAME, direction: ASC }]) {
      edges {
        node {
          id
          name
          roles
        }
      }
    }
  }
`);

export const SteeringDirectiveOptionsQuery = graphql(`
  query SteeringDirectiveOptions {
    directives(first: 100, orderBy: [{ field: ISSUED_ON, direction: DESC }]) {
      edges {
        node {
          id
          title
        }
      }
    }
  }
`);

export const SteeringRecordMeetingMutation = graphql(`
  mutation SteeringRecordMeeting($input: MeetingInput!) {
    recordMeeting(input: $input) {
      id
      title
    }
  }
`);

export const SteeringObjectiveFragment = graphql(`
  fragment SteeringObjective on Objective {
    id
    title
    indicator
    target
    lowerIsBetter
    needAreas
    periodStart
    periodEnd
    tables(first: 30) {
      edges {
        node {
          id
          name
        }
      }
    }
    municipalities(first: 30) {
      edges {
        node {
          id
          name
        }
      }
    }
    evaluation {
      value
      target
      expected
      status
      asOf
    }
  }
`);

export const SteeringObjectivesQuery = graphql(`
  query SteeringObjectives($after: Cursor) {
    objectives(first: 10, after: $after, orderBy: [{ field: TITLE, direction: ASC }]) {
      edges {
        node {
          ...SteeringObjective
        }
      }
      pageInfo {
        hasNextPage
        endCursor
      }
    }
  }
`);

export const SteeringCreateObjectiveMutation = graphql(`
  mutation SteeringCreateObjective($input: CreateObjectiveInput!) {
    createObjective(input: $input) {
      ...SteeringObjective
    }
  }
`);

export const SteeringUpdateObjectiveMutation = graphql(`
  mutation SteeringUpdateObjective($id: ID!, $input: UpdateObjectiveInput!) {
    updateObjective(id: $id, input: $input) {
      ...SteeringObjective
    }
  }
`);

export const SteeringSetTimeLimitsMutation = graphql(`
  mutation SteeringSetTimeLimits($id: ID!, $daysToFirstMeeting: Int!, $daysToPlan: Int!) {
    setTableTimeLimits(id: $id, daysToFirstMeeting: $daysToFirstMeeting, daysToPlan: $daysToPlan) {
      id
      daysToFirstMeeting
      daysToPlan
    }
  }
`);

export const SteeringSetApprovalsMutation = graphql(`
  mutation SteeringSetApprovals($id: ID!, $plan: Boolean!, $closure: Boolean!) {
    setTableApprovals(id: $id, plan: $plan, closure: $closure) {
      id
      planNeedsApproval
      closureNeedsApproval
    }
  }
`);

export const SteeringTableMembersQuery = graphql(`
  query SteeringTableMembers($id: ID!) {
    node(id: $id) {
      __typename
      id
      ... on Table {
        members(first: 100) {
          edges {
            node {
              id
              user {
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
