import { graphql } from "../../gql";

// The case as every agenda list names it: its code and the person.
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

export const AgendaCaseFragment = graphql(`
  fragment AgendaCase on Case {
    ...AgendaCaseRef
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
  }
`);

// What each list needs to show its count and ask for its next page.
export const AgendaPageFragment = graphql(`
  fragment AgendaPage on PageInfo {
    hasNextPage
    endCursor
  }
`);

// The five lists of cases share their fields.
export const AgendaCaseListFragment = graphql(`
  fragment AgendaCaseList on CaseConnection {
    totalCount
    pageInfo {
      ...AgendaPage
    }
    edges {
      node {
        ...AgendaCase
      }
    }
  }
`);

// A request addressed to the viewer's organisation, as its operators read
// it: the service, the need, who asks for it, and the contact data shared
// (each read of them is audited on the person's identity); never the case.
export const AgendaIncomingRequestFragment = graphql(`
  fragment AgendaIncomingRequest on ServiceRequest {
    id
    kind
    need
    neededBy
    status
    sentOn
    answerDueOn
    plannedStart
    overdue
    sharedContact
    contact {
      name
      phone
      email
      address
    }
    table {
      id
      name
    }
    requestedBy {
      id
      name
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
    $incomingAfter: Cursor
    $requestsOverdueAfter: Cursor
    $approvalsAfter: Cursor
  ) {
    agenda(horizonDays: 30) {
      today
      horizon
      serviceRequestsIncoming(first: 10, after: $incomingAfter) {
        totalCount
        pageInfo {
          ...AgendaPage
        }
        edges {
          node {
            ...AgendaIncomingRequest
          }
        }
      }
      serviceRequestsOverdue(first: 10, after: $requestsOverdueAfter) {
        totalCount
        pageInfo {
          ...AgendaPage
        }
        edges {
          node {
            id
            kind
            sentOn
            answerDueOn
            organization {
              id
              name
            }
            case {
              ...AgendaCaseRef
            }
          }
        }
      }
      approvalsWaiting(first: 10, after: $approvalsAfter) {
        totalCount
        pageInfo {
          ...AgendaPage
        }
        edges {
          node {
            id
            kind
            proposedAt
            proposedBy {
              id
              name
            }
            case {
              ...AgendaCaseRef
              table {
                id
                name
              }
            }
          }
        }
      }
      referralsWaiting(first: 10, after: $referralsAfter) {
        ...AgendaCaseList
      }
      overdueCases(first: 10, after: $overdueAfter) {
        ...AgendaCaseList
      }
      incomingTransfers(first: 10, after: $transfersAfter) {
        ...AgendaCaseList
      }
      casesWithoutManager(first: 10, after: $noManagerAfter) {
        ...AgendaCaseList
      }
      declinedReferrals(first: 10, after: $declinedAfter) {
        ...AgendaCaseList
      }
      planReviewsDue(first: 10, after: $reviewsAfter) {
        totalCount
        pageInfo {
          ...AgendaPage
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
          ...AgendaPage
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
          ...AgendaPage
        }
        edges {
          node {
            id
            kind
            achievedOn
            followUpDueOn
            case {
              ...AgendaCaseRef
              person {
                id
                consents {
                  id
                  purpose
                  givenOn
                  withdrawnOn
                }
              }
            }
          }
        }
      }
      interventionsEnding(first: 10, after: $interventionsAfter) {
        totalCount
        pageInfo {
          ...AgendaPage
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
          ...AgendaPage
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
          ...AgendaPage
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
            # Where each addressed table stands, for the steps its
            # coordinator may still record here.
            progress {
              table {
                id
              }
              progress {
                id
                status
              }
            }
          }
        }
      }
    }
  }
`);
