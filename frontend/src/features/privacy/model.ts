// What the privacy desk computes without the API: the name of an export's
// file, the confirmation of an erasure, and the page of the access report
// shown.

/**
 * The file a person's data export is saved as: their pseudonym (never a
 * name: the file may sit in a downloads folder) and the day, e.g.
 * "dati-P-3F7K2Q-2026-12-04.json".
 */
export function exportFileName(pseudonym: string, day: Date): string {
  const safe = pseudonym.replace(/[^A-Za-z0-9_-]+/g, "-").replace(/^-+|-+$/g, "") || "persona";
  const pad = (n: number) => String(n).padStart(2, "0");
  return `dati-${safe}-${day.getFullYear()}-${pad(day.getMonth() + 1)}-${pad(day.getDate())}.json`;
}

/** Whether what was typed confirms the erasure of the person with this pseudonym: the same, but for spaces and case. */
export function confirmsErasure(typed: string, pseudonym: string): boolean {
  return typed.trim().toUpperCase() === pseudonym.trim().toUpperCase() && pseudonym.trim() !== "";
}

/** How many events of the access report one page shows. */
export const reportPage = 50;

/** The newest first of the report's events (the API gives them oldest first), up to shown. */
export function newestFirst<T>(events: readonly T[], shown: number): T[] {
  return events.slice().reverse().slice(0, shown);
}

/** What the desk looks a person up by. */
export type LookUp = { by: "taxCode" | "caseCode"; value: string };

/** The look-up in the page's address, so that a reload or a link keeps it. */
export function lookUpFromParams(params: URLSearchParams): LookUp | null {
  const tax = params.get("taxCode")?.trim();
  if (tax) {
    return { by: "taxCode", value: tax };
  }
  const code = params.get("caseCode")?.trim();
  return code ? { by: "caseCode", value: code } : null;
}
