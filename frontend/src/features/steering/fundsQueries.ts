import { graphql } from "../../gql";

// The funds screen's documents: the funds of a year with what their
// interventions used and the history of their amounts, the bodies that
// may own a fund, and the committee's changes.

/** A fund as the list shows it. */
export const FundRowFragment = graphql(`
  fragment FundRow on Fund {
    id
    name
    year
    source
    allocatedCents
    closedOn
    closureReason
    owner {
      id
      name
    }
    municipality {
      id
      name
    }
    use {
      committedCents
      spentCents
      availableCents
    }
    amendments {
      id
      previousCents
      allocatedCents
      reason
      amendedAt
      amendedBy {
        id
        name
      }
    }
  }
`);

export const FundsListQuery = graphql(`
  query FundsList($where: FundWhereInput) {
    funds(first: 100, where: $where, orderBy: [{ field: YEAR, direction: DESC }, { field: NAME, direction: ASC }]) {
      edges {
        node {
          ...FundRow
        }
      }
    }
  }
`);

export const FundsOptionsQuery = graphql(`
  query FundsOptions {
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

export const FundsCreateMutation = graphql(`
  mutation FundsCreate($input: CreateFundInput!) {
    createFund(input: $input) {
      ...FundRow
    }
  }
`);

export const FundsAmendMutation = graphql(`
  mutation FundsAmend($id: ID!, $allocatedCents: Int!, $reason: String!) {
    amendFund(id: $id, allocatedCents: $allocatedCents, reason: $reason) {
      ...FundRow
    }
  }
`);

export const FundsCloseMutation = graphql(`
  mutation FundsClose($id: ID!, $reason: String!) {
    closeFund(id: $id, reason: $reason) {
      ...FundRow
    }
  }
`);
