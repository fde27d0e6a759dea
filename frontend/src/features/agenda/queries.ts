import { graphql } from "../../gql";

export const AgendaCaseFragment = graphql(`
  fragment AgendaCase on Case {
    id
    code
    status
    priority
    referredOn
    firstMeetingDueOn
    planDueOn
    takenInChargeOn
    declineReason
    transferRequestedAt
    table {
      id
      name
    }
    transferTo {
      id
      name
    }
    person {
      id
      pseudonym
      identity {
        id
        firstName
        lastName
      }
    }
  }
`);

export const AgendaCaseRefFragment = graphql(`
  fragment AgendaCaseRef on Case {
    id
    code
    person {
      id
      pseudonym
      identity {
        id
        firstName
        lastName
      }
    }
  }
`);

export const AgendaQuery = graphql(`
  query Agenda(
    $referralsAfter: Cursor
    $overdueAfter: Cursor
    $transfersAfter: Cursor
    $noManagerAfter: Cursor
    $declinedAfter: Cursor
    $reviewsAfter: Cursor
    $meetingsAfter: Cursor
    $followUpsAfter: Cursor
    $interventionsAfter: Cursor
    $commitmentsAfter: Cursor
    $directivesAfter: Cursor
  ) {
    agenda(horizonDays: 30) {
      today
      horizon
      referralsWaiting(first: 10, after: $referralsAfter) {
        totalCount
        pageInfo {
          hasNextPage
          endCursor
        }
        edges {
          node {
            ...AgendaCase
          }
        }
      }
      overdueCases(first: 10, after: $overdueAfter) {
        totalCount
        pageInfo {
          hasNextPage
          endCursor
        }
        edges {
          node {
            ...AgendaCase
          }
        }
      }
      incomingTransfers(first: 10, after: $transfersAfter) {
        totalCount
        pageInfo {
          hasNextPage
          endCursor
        }
        edges {
          node {
            ...AgendaCase
          }
        }
      }
      casesWithoutManager(first: 10, after: $noManagerAfter) {
        totalCount
        pageInfo {
          hasNextPage
          endCursor
        }
        edges {
          node {
            ...AgendaCase
          }
        }
      }
      declinedReferrals(first: 10, after: $declinedAfter) {
        totalCount
        pageInfo {
          hasNextPage
          endCursor
        }
        edges {
          node {
            ...AgendaCase
          }
        }
      }
      planReviewsDue(first: 10, after: $reviewsAfter) {
        totalCount
        pageInfo {
          hasNextPage
          endCursor
        }
        edges {
          node {
            id
            reviewOn
            case {
              ...AgendaCaseRef
            }
          }
        }
      }
      monitoringMeetingsDue(first: 10, after: $meetingsAfter) {
        totalCount
        pageInfo {
          hasNextPage
          endCursor
        }
        edges {
          node {
            id
            plannedOn
            case {
              ...AgendaCaseRef
            }
          }
        }
      }
      followUpsDue(first: 10, after: $followUpsAfter) {
        totalCount
        pageInfo {
          hasNextPage
          endCursor
        }
        edges {
          node {
            id
            kind
            achievedOn
            followUpDueOn
            case {
              ...AgendaCaseRef
            }
          }
        }
      }
      interventionsEnding(first: 10, after: $interventionsAfter) {
        totalCount
        pageInfo {
          hasNextPage
          endCursor
        }
        edges {
          node {
            id
            kind
            status
            endsOn
            provider {
              id
              name
            }
            case {
              ...AgendaCaseRef
            }
          }
        }
      }
      overdueCommitments(first: 10, after: $commitmentsAfter) {
        totalCount
        pageInfo {
          hasNextPage
          endCursor
        }
        edges {
          node {
            id
            kind
            description
            hoursAgreed
            hoursDone
            dueOn
            plan {
              id
              case {
                ...AgendaCaseRef
              }
            }
          }
        }
      }
      directivesToAcknowledge(first: 10, after: $directivesAfter) {
        totalCount
        pageInfo {
          hasNextPage
          endCursor
        }
        edges {
          node {
            id
            title
            issuedOn
            allTables
            tables(first: 100) {
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
  }
`);
