import { graphql } from "../../gql";

// The dashboard's documents: one query per section, so that an indicator
// the filter does not apply to (funds have no gender) fails only its own
// section.

export const DashboardCellFragment = graphql(`
  fragment DashboardCell on IndicatorCell {
    keys {
      dimension
      key
      label
    }
    value
    persons
    suppressed
  }
`);

export const DashboardResultFragment = graphql(`
  fragment DashboardResult on IndicatorResult {
    indicator
    definition
    groupBy
    total {
      ...DashboardCell
    }
    cells {
      ...DashboardCell
    }
  }
`);

export const DashboardKeyFiguresQuery = graphql(`
  query DashboardKeyFigures($filter: IndicatorFilter) {
    indicators(filter: $filter) {
      referrals {
        ...DashboardResult
      }
      takingsInCharge {
        ...DashboardResult
      }
      closures {
        ...DashboardResult
      }
      openCaseload {
        ...DashboardResult
      }
      daysToTakeChargeMedian {
        ...DashboardResult
      }
      positiveOutcomes {
        ...DashboardResult
      }
      employmentOutcomeShare {
        ...DashboardResult
      }
    }
  }
`);

export const DashboardFundsQuery = graphql(`
  query DashboardFunds($filter: IndicatorFilter) {
    indicators(filter: $filter) {
      fundsSpentShare {
        ...DashboardResult
      }
      allocatedByOwner: fundsAllocated(groupBy: [FUND_OWNER]) {
        ...DashboardResult
      }
      committedByOwner: fundsCommitted(groupBy: [FUND_OWNER]) {
        ...DashboardResult
      }
      spentByOwner: fundsSpent(groupBy: [FUND_OWNER]) {
        ...DashboardResult
      }
      allocatedBySource: fundsAllocated(groupBy: [FUND_SOURCE]) {
        ...DashboardResult
      }
      committedBySource: fundsCommitted(groupBy: [FUND_SOURCE]) {
        ...DashboardResult
      }
      spentBySource: fundsSpent(groupBy: [FUND_SOURCE]) {
        ...DashboardResult
      }
    }
  }
`);

export const DashboardTrendQuery = graphql(`
  query DashboardTrend($filter: IndicatorFilter) {
    indicators(filter: $filter) {
      referrals(groupBy: [MONTH]) {
        ...DashboardResult
      }
      takingsInCharge(groupBy: [MONTH]) {
        ...DashboardResult
      }
      closures(groupBy: [MONTH]) {
        ...DashboardResult
      }
    }
  }
`);

export const DashboardBreakdownQuery = graphql(`
  query DashboardBreakdown($filter: IndicatorFilter) {
    indicators(filter: $filter) {
      referralsByTable: referrals(groupBy: [TABLE]) {
        ...DashboardResult
      }
      referralsByMunicipality: referrals(groupBy: [MUNICIPALITY]) {
        ...DashboardResult
      }
      openCaseloadByTable: openCaseload(groupBy: [TABLE]) {
        ...DashboardResult
      }
      openCaseloadByMunicipality: openCaseload(groupBy: [MUNICIPALITY]) {
        ...DashboardResult
      }
    }
  }
`);

export const DashboardChannelsQuery = graphql(`
  query DashboardChannels($filter: IndicatorFilter) {
    indicators(filter: $filter) {
      referrals(groupBy: [REFERRAL_CHANNEL]) {
        ...DashboardResult
      }
    }
  }
`);

export const DashboardOutcomesQuery = graphql(`
  query DashboardOutcomes($filter: IndicatorFilter) {
    indicators(filter: $filter) {
      outcomes(groupBy: [VALUE_DIMENSION]) {
        ...DashboardResult
      }
    }
  }
`);

export const DashboardOptionsQuery = graphql(`
  query DashboardOptions {
    tables(first: 100, orderBy: [{ field: NAME, direction: ASC }]) {
      edges {
        node {
          id
          name
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

export const DashboardRequestsQuery = graphql(`
  query DashboardRequests($filter: IndicatorFilter) {
    indicators(filter: $filter) {
      serviceRequestsSent(groupBy: [ORGANIZATION]) {
        ...DashboardResult
      }
      serviceRequestsAccepted(groupBy: [ORGANIZATION]) {
        ...DashboardResult
      }
      serviceRequestsDeclined(groupBy: [ORGANIZATION]) {
        ...DashboardResult
      }
      serviceRequestsCompletedSuccessfully(groupBy: [ORGANIZATION]) {
        ...DashboardResult
      }
      declinedByReason: serviceRequestsDeclined(groupBy: [DECLINE_REASON]) {
        ...DashboardResult
      }
      serviceRequestDaysToAnswerMedian {
        ...DashboardResult
      }
    }
  }
`);

// The governance of the network: the directives each table carried out by
// their deadline (a coordinator's tables only), and the activities for the
// community. Two documents, as each takes its own filters.
export const DashboardDirectivesQuery = graphql(`
  query DashboardDirectives($filter: IndicatorFilter) {
    indicators(filter: $filter) {
      directivesImplementedOnTime(groupBy: [TABLE]) {
        ...DashboardResult
      }
    }
  }
`);

export const DashboardCommunityQuery = graphql(`
  query DashboardCommunity($filter: IndicatorFilter) {
    indicators(filter: $filter) {
      activitiesByDimension: communityActivities(groupBy: [VALUE_DIMENSION]) {
        ...DashboardResult
      }
      participantsByDimension: communityParticipants(groupBy: [VALUE_DIMENSION]) {
        ...DashboardResult
      }
      activitiesByMunicipality: communityActivities(groupBy: [MUNICIPALITY]) {
        ...DashboardResult
      }
      participantsByMunicipality: communityParticipants(groupBy: [MUNICIPALITY]) {
        ...DashboardResult
      }
    }
  }
`);
