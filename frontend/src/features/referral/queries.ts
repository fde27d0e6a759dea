import { graphql } from "../../gql";

export const ReferralFindMatchesQuery = graphql(`
  query ReferralFindMatches($taxCode: String, $lastName: String, $firstName: String, $birthDate: Date) {
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

export const ReferralMunicipalitiesQuery = graphql(`
  query ReferralMunicipalities {
    municipalities(first: 100, orderBy: [{ field: NAME }]) {
      edges {
        node {
          id
          name
        }
      }
    }
  }
`);

export const ReferralTablesQuery = graphql(`
  query ReferralTables {
    tables(first: 100, orderBy: [{ field: NAME }]) {
      edges {
        node {
          id
          name
        }
      }
    }
  }
`);

export const ReferralReferCaseMutation = graphql(`
  mutation ReferralReferCase($input: ReferCaseInput!) {
    referCase(input: $input) {
      id
      code
    }
  }
`);
