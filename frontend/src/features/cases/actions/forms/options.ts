import { useQuery } from "urql";
import { graphql } from "../../../../gql";
import { useFormat } from "../../../../i18n/format";
import { useIntl } from "react-intl";
import { nodes } from "../../../../ui/connection";
import type { Option } from "../../../../ui/fields";
import { useEnumLabel } from "../../../../i18n/useEnumLabel";
import type { Intervention } from "../parts";

// Lists the forms pick from besides the case's own parts.

const OrganizationsQuery = graphql(`
  query CaseActionsOrganizations {
    organizations(first: 100, orderBy: { field: NAME, direction: ASC }) {
      edges {
        node {
          id
          name
        }
      }
    }
  }
`);

/** The network's organisations, e.g. as providers or hosts. */
export function useOrganizationOptions(): Option[] {
  const [result] = useQuery({ query: OrganizationsQuery });
  return nodes(result.data?.organizations).map((o) => ({ value: o.id, label: o.name }));
}

const FundsQuery = graphql(`
  query CaseActionsFunds {
    funds(first: 100, orderBy: [{ field: YEAR, direction: DESC }, { field: NAME, direction: ASC }]) {
      edges {
        node {
          id
          name
          year
          municipality {
            id
            name
          }
          use {
            availableCents
          }
        }
      }
    }
  }
`);

/** The anti-crisis funds with what is left of each, e.g. "Fondo Empoli 2026 — disponibili 12.000,00 €". */
export function useFundOptions(): { options: Option[]; available: Map<string, number> } {
  const intl = useIntl();
  const format = useFormat();
  const [result] = useQuery({ query: FundsQuery });
  const funds = nodes(result.data?.funds);
  return {
    options: funds.map((f) => ({
      value: f.id,
      label: intl.formatMessage({ id: "caseActions.fundOption" }, { name: f.name, available: format.euros(f.use.availableCents) }),
    })),
    available: new Map(funds.map((f) => [f.id, f.use.availableCents])),
  };
}

const TablesQuery = graphql(`
  query CaseActionsTables {
    tables(first: 100, orderBy: { field: NAME, direction: ASC }) {
      edges {
        node {
          id
          name
        }
      }
    }
  }
`);

/** The territorial tables but one, e.g. to transfer a case to. */
export function useTableOptions(except: string | undefined): Option[] {
  const [result] = useQuery({ query: TablesQuery });
  return nodes(result.data?.tables)
    .filter((t) => t.id !== except)
    .map((t) => ({ value: t.id, label: t.name }));
}

/** The case's interventions as options: kind, provider, status and start. */
export function useInterventionOptions(interventions: Intervention[]): Option[] {
  const intl = useIntl();
  const label = useEnumLabel();
  const format = useFormat();
  return interventions.map((i) => ({
    value: i.id,
    label: intl.formatMessage(
      { id: "caseActions.interventionOption" },
      {
        kind: label("InterventionKind", i.kind),
        provider: i.provider.name,
        status: label("InterventionStatus", i.status),
        starts: format.date(i.startsOn),
      },
    ),
  }));
}
