import type { CombinedError } from "urql";
import { apiErrors } from "../../api/errors";

// The administrator's undo of a merge of two person records
// (docs/domain.md#merging-duplicate-persons), from the audit log: a
// merge is logged MERGE_PERSONS once for each record, the kept one and
// the merged one, each saying its side in the event's changes
// ({"side": "SURVIVOR" | "MERGED", …}); undoPersonMerge takes the merged
// one. Events logged before they said their side offer the undo on both
// rows, and the server refuses the kept one, which the message explains.

/** Whether an event of the log is a merge that an undo may be asked from. */
export function undoableMerge<E extends { action: string; entityType?: string | null; entityID?: string | null; changes?: string | null }>(
  e: E,
): e is E & { entityID: string } {
  return e.action === "MERGE_PERSONS" && e.entityType === "Person" && !!e.entityID && mergeSide(e.changes) !== "SURVIVOR";
}

/** The side of the merge an event's changes name, if they do. */
function mergeSide(changes: string | null | undefined): unknown {
  if (!changes) {
    return undefined;
  }
  try {
    return (JSON.parse(changes) as { side?: unknown }).side;
  } catch {
    return undefined;
  }
}

/** A refusal, as the dialog says it: a catalogue message, and the server's own words for details. */
export interface UndoProblem {
  message: string;
  detail?: string;
}

/**
 * The messages of a refused undo: a case opened since (CONFLICT), a
 * record that is not one merged into another — the kept one, or a merge
 * undone already (BAD_USER_INPUT on mergedID) — or no administrator
 * (FORBIDDEN); the rest as every screen says them.
 */
export function undoMergeProblems(error: CombinedError | undefined | null): UndoProblem[] {
  return apiErrors(error).map((e) => {
    switch (e.code) {
      case "CONFLICT":
        return { message: "admin.undoMerge.error.caseOpened", detail: e.message };
      case "BAD_USER_INPUT":
        return { message: e.field === "mergedID" ? "admin.undoMerge.error.notMerged" : "error.BAD_USER_INPUT", detail: e.message };
      case "FORBIDDEN":
        return { message: "admin.undoMerge.error.forbidden", detail: e.message };
      case "INTERNAL":
      case "NETWORK":
        return { message: `error.${e.code}` };
      default:
        return { message: `error.${e.code}`, detail: e.message };
    }
  });
}
