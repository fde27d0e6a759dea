import { useEffect, useMemo, useRef } from "react";
import { useQuery } from "urql";
import { graphql } from "../../../gql";
import type { CaseActionsPartsQuery } from "../../../gql/graphql";
import { today } from "../../../i18n/format";
import { nodes } from "../../../ui/connection";

// What the actions' forms pick from: the table's members (and whether its
// plans and closures wait for the coordinator's approval), the plan's
// goals and commitments, the interventions, outcomes and monitoring
// meetings of the case, its service requests waiting for an answer and
// its proposals waiting for approval, and the newest event, as the page
// saw them when it loaded.

export const CaseActionsPartsQueryDoc = graphql(`
  query CaseActionsParts($id: ID!) {
    node(id: $id) {
      __typename
      id
      ... on Case {
        id
        code
        status
        version
        needAreas
        table {
          id
          name
          planNeedsApproval
          closureNeedsApproval
          coordinator {
            id
          }
          members(first: 100) {
            edges {
              node {
                id
                profession
                user {
                  id
                  name
                }
              }
            }
          }
        }
        caseManager {
          id
          name
        }
        plan {
          id
          summary
          agreedOn
          reviewOn
          goals(first: 50) {
            edges {
              node {
                ...CasePageSectionsGoal
              }
            }
          }
          commitments(first: 50) {
            edges {
              node {
                ...CasePageSectionsCommitment
              }
            }
          }
        }
        interventions(first: 50) {
          edges {
            node {
              ...CasePageSectionsIntervention
            }
          }
        }
        outcomes(first: 50) {
          edges {
            node {
              id
              kind
              achievedOn
              followUpDueOn
              followedUpOn
            }
          }
        }
        monitoringMeetings(first: 20, where: { heldOnIsNil: true }) {
          edges {
            node {
              id
              plannedOn
              heldOn
              items(first: 30) {
                edges {
                  node {
                    id
                    goal {
                      id
                      description
                    }
                    commitment {
                      id
                      description
                      hoursDone
                    }
                  }
                }
              }
            }
          }
        }
        serviceRequests(first: 50, where: { status: SENT }) {
          edges {
            node {
              id
              kind
              status
              need
              sentOn
              organization {
                id
                name
              }
            }
          }
        }
        approvals(first: 10, where: { status: PENDING }, orderBy: [{ field: PROPOSED_AT, direction: ASC }]) {
          edges {
            node {
              id
              kind
              status
              proposedAt
              agreedOn
              closureReason
              note
              proposedBy {
                id
                name
              }
            }
          }
        }
        events(first: 100) {
          edges {
            node {
              id
              occurredAt
            }
          }
        }
      }
    }
  }
`);

type Node = NonNullable<CaseActionsPartsQuery["node"]>;
/** The case as the actions' forms see it. */
export type CaseParts = Extract<Node, { __typename?: "Case"; status: unknown }>;
export type Member = ReturnType<typeof membersOf>[number];
export type Goal = ReturnType<typeof goalsOf>[number];
export type Commitment = ReturnType<typeof commitmentsOf>[number];
export type Intervention = ReturnType<typeof interventionsOf>[number];
export type Outcome = ReturnType<typeof outcomesOf>[number];
export type Meeting = ReturnType<typeof meetingsOf>[number];
export type Request = ReturnType<typeof requestsOf>[number];
export type Proposal = ReturnType<typeof pendingApprovals>[number];

export const membersOf = (c: CaseParts | undefined) => nodes(c?.table.members);
export const goalsOf = (c: CaseParts | undefined) => nodes(c?.plan?.goals);
export const commitmentsOf = (c: CaseParts | undefined) => nodes(c?.plan?.commitments);
export const interventionsOf = (c: CaseParts | undefined) => nodes(c?.interventions);
export const outcomesOf = (c: CaseParts | undefined) => nodes(c?.outcomes);
export const meetingsOf = (c: CaseParts | undefined) => nodes(c?.monitoringMeetings);
/** The case's service requests waiting for an answer. */
export const requestsOf = (c: CaseParts | undefined) => nodes(c?.serviceRequests);
/** The case's proposals waiting for the coordinator's approval, oldest first. */
export const pendingApprovals = (c: CaseParts | undefined) =>
  nodes(c?.approvals)
    .filter((a) => a.status === "PENDING")
    .sort((a, b) => Date.parse(a.proposedAt) - Date.parse(b.proposedAt));

/**
 * Whether the viewer's step, where the case's table asks for the
 * coordinator's approval (`setting`), is a proposal: as the server
 * decides, the coordinator acting alone needs none.
 */
export const needsApproval = (c: CaseParts | undefined, setting: "plan" | "closure", viewerID: string | undefined) =>
  !!c && (setting === "plan" ? c.table.planNeedsApproval : c.table.closureNeedsApproval) === true && c.table.coordinator?.id !== viewerID;

/**
 * When the newest event the page saw happened. Taken from the list, not
 * from its order: the API does not order a case's events by occurredAt.
 */
export const newestEventAt = (c: CaseParts | undefined): string | undefined =>
  nodes(c?.events)
    .map((e) => e.occurredAt)
    .reduce<string | undefined>((max, t) => (max === undefined || Date.parse(t) > Date.parse(max) ? t : max), undefined);

/** Outcomes whose follow-up is due and not yet recorded. */
export const followUpsDue = (c: CaseParts | undefined) => outcomesOf(c).filter((o) => followUpIsDue(o));
/** Whether an outcome's follow-up may be recorded on day: it has one, not yet recorded, and it has fallen due (the server refuses it before). */
export const followUpIsDue = (o: { followUpDueOn?: string | null; followedUpOn?: string | null }, day = today()) =>
  !!o.followUpDueOn && !o.followedUpOn && o.followUpDueOn <= day;
/** Monitoring meetings planned and not yet held. */
export const plannedMeetings = (c: CaseParts | undefined) => meetingsOf(c).filter((m) => !m.heldOn);

function isCase(node: Node | null | undefined): node is CaseParts {
  return !!node && node.__typename === "Case";
}

/**
 * Loads the case's parts, again whenever the page's version changes (after
 * a step of this user or a refresh after a conflict).
 */
export function useCaseParts(caseId: string, version: number, pause: boolean) {
  const [result, reexecute] = useQuery({ query: CaseActionsPartsQueryDoc, variables: { id: caseId }, pause });
  const seen = useRef(version);
  useEffect(() => {
    if (seen.current !== version) {
      seen.current = version;
      if (!pause) {
        reexecute({ requestPolicy: "network-only" });
      }
    }
  }, [version, pause, reexecute]);
  const parts = useMemo(() => (isCase(result.data?.node) ? result.data.node : undefined), [result.data]);
  return { parts, fetching: result.fetching, error: result.error };
}
