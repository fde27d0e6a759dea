import { useMemo } from "react";
import { useQuery } from "urql";
import { graphql } from "../../../../gql";
import { useFormat } from "../../../../i18n/format";
import { useIntl } from "react-intl";
import { nodes } from "../../../../ui/connection";
import type { Option } from "../../../../ui/fields";
import type { ProtocolWhereInput } from "../../../../gql/graphql";
import { useEnumLabel } from "../../../../i18n/useEnumLabel";
import type { Intervention } from "../parts";

// Lists the forms pick from besides the case's own parts.

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

const ProtocolsQuery = graphql(`
  query CaseActionsProtocols($where: ProtocolWhereInput) {
    protocols(first: 100, where: $where, orderBy: [{ field: TITLE, direction: ASC }]) {
      edges {
        node {
          id
          title
        }
      }
    }
  }
`);

/**
 * The protocols in force on a day (YYYY-MM-DD), as the server accepts
 * them for an intervention starting then: ACTIVE, begun and not ended.
 */
export function inForceOn(day: string): ProtocolWhereInput {
  return {
    status: "ACTIVE",
    and: [{ or: [{ validFromIsNil: true }, { validFromLTE: day }] }, { or: [{ validUntilIsNil: true }, { validUntilGTE: day }] }],
  };
}

/**
 * The protocols an intervention starting on a day may be delivered under;
 * none is asked for until the day is a whole date.
 */
export function useProtocolOptions(startsOn: string): { options: Option[]; inForce: Set<string> | undefined } {
  const day = /^\d{4}-\d{2}-\d{2}$/.test(startsOn) ? startsOn : "";
  const where = useMemo(() => inForceOn(day), [day]);
  const [result] = useQuery({ query: ProtocolsQuery, variables: { where }, pause: !day });
  const data = day && !result.fetching ? result.data : undefined;
  return useMemo(() => {
    const protocols = nodes(data?.protocols);
    return {
      options: protocols.map((p) => ({ value: p.id, label: p.title })),
      // Unknown while the day's list is loading: the server decides then.
      inForce: data ? new Set(protocols.map((p) => p.id)) : undefined,
    };
  }, [data]);
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
