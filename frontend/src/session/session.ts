import { createContext, useContext } from "react";
import { graphql } from "../gql";
import type { SessionViewerQuery } from "../gql/graphql";

export const SessionViewerQueryDoc = graphql(`
  query SessionViewer {
    viewer {
      id
      name
      email
      language
      roles
      organization {
        id
        name
      }
      memberships(first: 100) {
        edges {
          node {
            ...MembershipsTableRow
            table {
              id
              name
              coordinator {
                id
              }
            }
          }
        }
      }
    }
  }
`);

export type Viewer = NonNullable<SessionViewerQuery["viewer"]>;
export type Role = Viewer["roles"][number];

/** The signed-in user, and what the screens need to know about them. */
export interface Session {
  viewer: Viewer;
  has: (role: Role) => boolean;
  /** IDs of the tables the viewer belongs to (coordinated ones included). */
  tableIDs: string[];
  /** IDs of the tables the viewer coordinates. */
  coordinatedTableIDs: string[];
}

export function sessionOf(viewer: Viewer): Session {
  const tables = viewer.memberships.edges?.flatMap((e) => (e?.node ? [e.node.table] : [])) ?? [];
  const coordinated = tables.filter((t) => t.coordinator?.id === viewer.id).map((t) => t.id);
  return {
    viewer,
    has: (role) => viewer.roles.includes(role),
    tableIDs: [...new Set([...tables.map((t) => t.id), ...coordinated])],
    coordinatedTableIDs: coordinated,
  };
}

// The groups of roles the screens are built around (docs/domain.md#roles-and-rights); the API
// decides every access, these only choose what to show.

/** Operators and coordinators work cases: refer, assess, deliver. */
export function worksCases(s: Pick<Session, "has">): boolean {
  return s.has("OPERATOR") || s.has("COORDINATOR");
}

/** The steering committee and administrators govern the network: objectives, protocols, time limits. */
export function governs(s: Pick<Session, "has">): boolean {
  return s.has("STEERING") || s.has("ADMIN");
}

/** The committee and analysts read the whole network, pseudonymised: every case and the indicators. */
export function readsNetwork(s: Pick<Session, "has">): boolean {
  return s.has("STEERING") || s.has("ANALYST");
}

export const SessionContext = createContext<Session | null>(null);

/** The session, or null outside a signed-in screen (e.g. a part tested on its own). */
export function useMaybeSession(): Session | null {
  return useContext(SessionContext);
}

/** The session of a signed-in screen; screens under RequireSession only. */
export function useSession(): Session {
  const s = useContext(SessionContext);
  if (!s) {
    throw new Error("useSession outside a signed-in screen");
  }
  return s;
}
