import { useCallback, useRef, useState } from "react";
import type { CombinedError } from "urql";
import { findError } from "../../../api/errors";

// Optimistic concurrency as the user lives it: a step sent on a version of
// the case that someone else has since changed is refused with CONFLICT
// (extensions currentVersion, currentStatus, caseId). The dialog keeps what
// the user typed, says what changed, and offers to send the same input
// again on the current version.

/** What changed between the case the user saw and the case now. */
export interface Conflict {
  caseId?: string;
  seenVersion: number;
  currentVersion: number;
  seenStatus?: string;
  currentStatus?: string;
}

/** The case's conflict in a result's error, if it is one with a current version. */
export function readConflict(error: CombinedError | undefined, seenVersion: number, seenStatus?: string): Conflict | null {
  const e = findError(error, "CONFLICT");
  const current = e?.extensions.currentVersion;
  if (!e || typeof current !== "number") {
    return null;
  }
  const status = e.extensions.currentStatus;
  const caseId = e.extensions.caseId;
  return {
    caseId: typeof caseId === "string" ? caseId : undefined,
    seenVersion,
    currentVersion: current,
    seenStatus,
    currentStatus: typeof status === "string" ? status : undefined,
  };
}

/** How an attempt went. */
export type Attempt = { kind: "done" } | { kind: "conflict"; conflict: Conflict } | { kind: "error"; error: CombinedError };

/** Sends a step with the version to use; resolves to the result's error, if any. */
export type Run<V> = (values: V, version: number) => Promise<{ error?: CombinedError }>;

/**
 * Sends a versioned step and handles CONFLICT: `submit` sends the input
 * with the version the page shows (or the newer one a conflict told);
 * after a conflict, `retry` sends the same input (or the one given) with
 * the case's current version. onChanged runs after a success and after a
 * conflict, so the page shows the case as it is now.
 */
export function useConflictRetry<V>({ version, status, run, onChanged }: { version: number; status?: string; run: Run<V>; onChanged: () => void }) {
  const [conflict, setConflict] = useState<Conflict | null>(null);
  const [busy, setBusy] = useState(false);
  const last = useRef<V | null>(null);
  // The newest conflict, also for a retry sent before React re-renders.
  const latest = useRef<Conflict | null>(null);

  const attempt = useCallback(
    async (values: V, sendVersion: number, seenStatus: string | undefined): Promise<Attempt> => {
      last.current = values;
      setBusy(true);
      try {
        const result = await run(values, sendVersion);
        const c = readConflict(result.error, sendVersion, seenStatus);
        if (c) {
          latest.current = c;
          setConflict(c);
          onChanged();
          return { kind: "conflict", conflict: c };
        }
        if (result.error) {
          return { kind: "error", error: result.error };
        }
        latest.current = null;
        setConflict(null);
        onChanged();
        return { kind: "done" };
      } finally {
        setBusy(false);
      }
    },
    [run, onChanged],
  );

  const submit = useCallback(
    (values: V) => {
      const c = latest.current;
      return attempt(values, Math.max(version, c?.currentVersion ?? 0), c ? c.currentStatus : status);
    },
    [attempt, version, status],
  );

  const retry = useCallback(
    (values?: V) => {
      const c = latest.current;
      const input = values ?? last.current;
      if (!c || input === null) {
        throw new Error("nothing to retry");
      }
      return attempt(input, Math.max(version, c.currentVersion), c.currentStatus);
    },
    [attempt, version],
  );

  return { submit, retry, conflict, busy };
}
