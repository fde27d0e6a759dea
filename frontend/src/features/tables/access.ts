import { governs, readsNetwork, type Role } from "../../session/session";

// What a viewer may do and see on a table's pages: the API decides, these
// only choose which buttons and figures to show.

/** The part of the session these rules read. */
export interface TableViewer {
  has: (role: Role) => boolean;
  tableIDs: string[];
  coordinatedTableIDs: string[];
}

/** Case statuses of a table's open caseload (carico di lavoro aperto). */
export { openCaseStatuses } from "../cases/statuses";

/** Members are added and removed by the table's coordinator and by administrators. */
export function mayManageMembers(viewer: TableViewer, tableID: string): boolean {
  return viewer.has("ADMIN") || viewer.coordinatedTableIDs.includes(tableID);
}

/** Only the table's coordinator acknowledges a directive for the table. */
export function mayAcknowledge(viewer: TableViewer, tableID: string): boolean {
  return viewer.coordinatedTableIDs.includes(tableID);
}

/**
 * Whether the table's cases are visible to the viewer: its members, the
 * steering committee and analysts (pseudonymised). For anyone else the API
 * answers with no cases, which must not be shown as "zero open cases".
 */
export function mayReadCaseload(viewer: TableViewer, tableID: string): boolean {
  return readsNetwork(viewer) || viewer.tableIDs.includes(tableID);
}

/** Which steps wait for the coordinator's approval is set by the committee and administrators. */
export function maySetApprovals(viewer: TableViewer): boolean {
  return governs(viewer);
}
