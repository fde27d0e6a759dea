import { createContext, useContext } from "react";
import { graphql } from "../gql";
import type { SessionViewerQuery } from "../gql/graphql";

export const SessionViewerQueryDoc = graphql(`
  query SessionViewer {
    viewer {
      id
      name
      email
      roles
      organization {
        id
        name
      }
      memberships(first: 100) {
        edges {
          node {
            id
            profession
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

export const SessionContext = createContext<Session | null>(null);

/** The session of a signed-in screen; screens under RequireSession only. */
export function useSession(): Session {
  const s = useContext(SessionContext);
  if (!s) {
    throw new Error("useSession outside a signed-in screen");
  }
  return s;
}
