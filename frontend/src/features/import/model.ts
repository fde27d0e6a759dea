import { z } from "zod";

// What the import page decides before drawing, as pure functions: the
// addresses of the import's routes, the report as the server answers it
// (server/caseimport/report.go), its filters and pages, what the
// confirmation says, and what a failed request means for the user
// (docs/import.md, "HTTP").

export type Lang = "it" | "en";
export type Mode = "preview" | "import";
export type OnError = "abort" | "skip";

/** The template's address: headers in the user's language. */
export function templateURL(lang: Lang): string {
  return `/import/cases/template.csv?lang=${lang}`;
}

/** The address a file is posted to: a preview or an import, the report as JSON or CSV (its headers in lang). */
export function importURL(p: { mode: Mode; onError: OnError; format: "json" | "csv"; lang: Lang }): string {
  return `/import/cases?${new URLSearchParams({ mode: p.mode, onError: p.onError, format: p.format, lang: p.lang }).toString()}`;
}

export const outcomes = ["NEW", "MATCH", "CONFLICT", "ALREADY_IMPORTED", "ERROR"] as const;
export type Outcome = (typeof outcomes)[number];

const count = z.number().int().nonnegative();

const rowSchema = z.object({
  line: z.number().int(),
  rowKey: z.string(),
  outcome: z.enum(outcomes),
  pseudonym: z.string().optional(),
  matchedBy: z.array(z.string()).optional(),
  samePersonAsLine: z.number().int().optional(),
  openCase: z.object({ id: z.string(), code: z.string(), table: z.string() }).optional(),
  caseCode: z.string().optional(),
  caseId: z.string().optional(),
  problems: z.array(z.object({ column: z.string().optional(), message: z.string() })).optional(),
});

const reportSchema = z.object({
  fileSha256: z.string(),
  encoding: z.string(),
  separator: z.string(),
  mode: z.enum(["preview", "import"]),
  onError: z.enum(["abort", "skip"]),
  imported: z.boolean(),
  counts: z.object({
    rows: count,
    new: count,
    match: count,
    conflict: count,
    alreadyImported: count,
    error: count,
    casesCreated: count,
    personsCreated: count,
  }),
  // Go encodes an empty slice it never filled as null.
  rows: z.array(rowSchema).nullable().transform((rows) => rows ?? []),
});

export type Report = z.output<typeof reportSchema>;
export type ReportRow = Report["rows"][number];
export type Counts = Report["counts"];

/** The rows' filter: all of them, those that would not be written (errors and conflicts), or one outcome. */
export type RowFilter = "ALL" | "PROBLEMS" | Outcome;
export const rowFilters: readonly RowFilter[] = ["ALL", "PROBLEMS", ...outcomes];

/** The rows the filter keeps, in the file's order. */
export function filterRows(rows: readonly ReportRow[], filter: RowFilter): readonly ReportRow[] {
  if (filter === "ALL") {
    return rows;
  }
  if (filter === "PROBLEMS") {
    return rows.filter((r) => r.outcome === "ERROR" || r.outcome === "CONFLICT");
  }
  return rows.filter((r) => r.outcome === filter);
}

/** How many rows the filter keeps, from the report's counts. */
export function filterCount(c: Counts, filter: RowFilter): number {
  switch (filter) {
    case "ALL":
      return c.rows;
    case "PROBLEMS":
      return c.error + c.conflict;
    case "NEW":
      return c.new;
    case "MATCH":
      return c.match;
    case "CONFLICT":
      return c.conflict;
    case "ALREADY_IMPORTED":
      return c.alreadyImported;
    case "ERROR":
      return c.error;
  }
}

/** Rows a page of the report's table shows: a file may have 20,000. */
export const pageSize = 50;

/** One page of rows: its 0-based index (kept within the pages there are), the offset of its first row, and how many pages there are. */
export function pageOf<T>(rows: readonly T[], index: number, size = pageSize): { rows: readonly T[]; index: number; start: number; pages: number } {
  const pages = Math.max(1, Math.ceil(rows.length / size));
  const at = Math.min(Math.max(0, index), pages - 1);
  return { rows: rows.slice(at * size, (at + 1) * size), index: at, start: at * size, pages };
}

/** What confirming an import will do, from the preview's counts, as a catalogue message. */
export function confirmMessage(c: Counts, onError: OnError): { id: string; values: Record<string, number> } {
  const refused = c.error + c.conflict;
  const values = { cases: c.new + c.match, persons: c.new, refused, already: c.alreadyImported };
  if (refused > 0 && onError === "abort") {
    return { id: "import.confirm.refused", values };
  }
  return { id: refused > 0 ? "import.confirm.skipping" : "import.confirm.create", values };
}

/** A request that gave no report, in the user's words: a catalogue message, and whether it is about the file. */
export interface Failure {
  id: string;
  values?: Record<string, string | number>;
  /** Said on the file's field, not in an alert. */
  onFile?: boolean;
  /** The session ended: sign in again. */
  sessionEnded?: boolean;
}

/** What a request answered: the report (200, or 422 for a refused import), or why there is none. */
export type Answer = { report: Report; status: number } | { failure: Failure };

const errorBody = z.object({
  errors: z.array(z.object({ message: z.string(), extensions: z.object({ code: z.string().optional(), field: z.string().optional() }).optional() })).min(1),
});

/** The first error of a body in the API's shape, if it is one. */
function firstError(text: string): { message: string; code?: string; field?: string } | undefined {
  try {
    const parsed = errorBody.safeParse(JSON.parse(text));
    const e = parsed.success ? parsed.data.errors[0] : undefined;
    return e && { message: e.message, code: e.extensions?.code, field: e.extensions?.field };
  } catch {
    return undefined;
  }
}

/** Seconds of a Retry-After header (the server sends seconds); a default when missing. */
export function retrySeconds(header: string | null | undefined, fallback = 30): number {
  const n = Number(header);
  return header && Number.isFinite(n) && n > 0 ? Math.ceil(n) : fallback;
}

/** The message of a file the server could not read: the common mistakes in the user's words, the others with the server's. */
function fileProblem(detail: string): string {
  if (/spreadsheet workbook/i.test(detail)) {
    return "import.error.workbook";
  }
  if (/UTF-16/.test(detail)) {
    return "import.error.utf16";
  }
  if (/more than [\d,.]+ rows/i.test(detail)) {
    return "import.error.tooManyRows";
  }
  return "import.error.file";
}

/**
 * Reads an answer of POST /import/cases: the report of a preview or an
 * import (200), or of an import refused because of its rows (422);
 * otherwise what went wrong, by status (a proxy in front may answer
 * without the API's body), with the server's words as detail where they
 * help the user (a file refused says which line and column).
 */
export function readAnswer(status: number, text: string, retryAfter: string | null): Answer {
  if (status === 200 || status === 422) {
    try {
      const parsed = reportSchema.safeParse(JSON.parse(text));
      if (parsed.success) {
        return { report: parsed.data, status };
      }
    } catch {
      // not JSON: said below
    }
    return { failure: { id: "import.error.unexpected", values: { status } } };
  }
  const e = firstError(text);
  const detail = e?.message.replace(/^file: /, "") ?? "";
  switch (status) {
    case 400:
      return e?.field === "file" ? { failure: { id: fileProblem(detail), values: { detail }, onFile: true } } : { failure: { id: "import.error.badRequest", values: { detail } } };
    case 401:
      return { failure: { id: "error.UNAUTHENTICATED", sessionEnded: true } };
    case 403:
      return { failure: { id: "import.error.forbidden" } };
    case 409:
      return { failure: { id: "import.error.conflict" } };
    case 413:
      return { failure: { id: "import.error.tooLarge", onFile: true } };
    case 429:
      return { failure: { id: "import.error.busy", values: { seconds: retrySeconds(retryAfter) } } };
    case 503:
      return e?.code === "TIMEOUT" ? { failure: { id: "import.error.timeout" } } : { failure: { id: "import.error.unavailable", values: { seconds: retrySeconds(retryAfter) } } };
    default: {
      // The server's internal errors name the request to quote to support.
      const request = /quote request (\S+)/.exec(e?.message ?? "")?.[1];
      return { failure: request ? { id: "import.error.internalRequest", values: { request } } : { id: "import.error.internal", values: { status } } };
    }
  }
}

/** The file name of a Content-Disposition header, or the fallback. */
export function attachmentName(disposition: string | null, fallback: string): string {
  const m = /filename\*?=(?:UTF-8'')?"?([^";]+)"?/i.exec(disposition ?? "");
  if (!m?.[1]) {
    return fallback;
  }
  try {
    return decodeURIComponent(m[1]);
  } catch {
    return m[1];
  }
}
