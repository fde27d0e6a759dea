import type { Session } from "../../session/session";

/**
 * Whether the viewer imports cases: administrators into any table,
 * coordinators into the tables they coordinate (docs/import.md). The
 * server decides; this chooses what to show.
 */
export function importsCases(s: Pick<Session, "has" | "coordinatedTableIDs">): boolean {
  return s.has("ADMIN") || s.coordinatedTableIDs.length > 0;
}
