import { graphql } from "../../gql";

export const CommunityActivityFieldsFragment = graphql(`
  fragment CommunityActivityFields on CommunityActivity {
    id
    title
    kind
    heldOn
    participants
    valueDimension
    description
    municipality {
      id
      name
    }
    organizers(first: 50) {
      edges {
        node {
          id
          name
        }
      }
    }
    protocol {
      id
      title
    }
    directive {
      id
      title
    }
  }
`);

export const CommunityActivitiesQuery = graphql(`
  query CommunityActivities($after: Cursor, $where: CommunityActivityWhereInput) {
    communityActivities(first: 20, after: $after, where: $where, orderBy: [{ field: HELD_ON, direction: DESC }]) {
      edges {
        node {
          ...CommunityActivityFields
        }
      }
      pageInfo {
        hasNextPage
        endCursor
      }
    }
  }
`);

export const CommunityOptionsQuery = graphql(`
  query CommunityOptions {
    municipalities(first: 100, orderBy: [{ field: NAME, direction: ASC }]) {
      edges {
        node {
          id
          name
        }
      }
    }
    protocols(first: 100, orderBy: [{ field: TITLE, direction: ASC }]) {
      edges {
        node {
          id
          title
        }
      }
    }
    directives(first: 100, orderBy: [{ field: TITLE, direction: ASC }]) {
      edges {
        node {
          id
          title
        }
      }
    }
  }
`);

export const CommunitySummaryQuery = graphql(`
  query CommunitySummary($filter: IndicatorFilter) {
    indicators(filter: $filter) {
      byDimension: communityActivities(groupBy: [VALUE_DIMENSION]) {
        ...CommunityIndicatorCells
      }
      participantsByDimension: communityParticipants(groupBy: [VALUE_DIMENSION]) {
        ...CommunityIndicatorCells
      }
      byMunicipality: communityActivities(groupBy: [MUNICIPALITY]) {
        ...CommunityIndicatorCells
      }
      participantsByMunicipality: communityParticipants(groupBy: [MUNICIPALITY]) {
        ...CommunityIndicatorCells
      }
    }
  }
`);

export const CommunityIndicatorCellsFragment = graphql(`
  fragment CommunityIndicatorCells on IndicatorResult {
    cells {
      keys {
        key
        label
      }
      value
      suppressed
    }
  }
`);

export const CommunityCreateActivityMutation = graphql(`
  mutation CommunityCreateActivity($input: CreateCommunityActivityInput!) {
    createCommunityActivity(input: $input) {
      id
    }
  }
`);

export const CommunityUpdateActivityMutation = graphql(`
  mutation CommunityUpdateActivity($id: ID!, $input: UpdateCommunityActivityInput!) {
    updateCommunityActivity(id: $id, input: $input) {
      ...CommunityActivityFields
    }
  }
`);
