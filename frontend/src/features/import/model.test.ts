import { describe, expect, it } from "vitest";
import { attachmentName, confirmMessage, filterCount, filterRows, importURL, pageOf, readAnswer, retrySeconds, rowFilters, templateURL, type Counts } from "./model";
import { exampleReport } from "./reportFixture";

const counts = (c: Partial<Counts>): Counts => ({ rows: 0, new: 0, match: 0, conflict: 0, alreadyImported: 0, error: 0, casesCreated: 0, personsCreated: 0, ...c });

const apiError = (message: string, extensions: Record<string, string>) => JSON.stringify({ errors: [{ message, extensions }], data: null });

describe("the import's addresses", () => {
  it("asks for the template in the user's language", () => {
    expect(templateURL("it")).toBe("/import/cases/template.csv?lang=it");
    expect(templateURL("en")).toBe("/import/cases/template.csv?lang=en");
  });

  it("posts with every parameter once, as the server wants them", () => {
    expect(importURL({ mode: "preview", onError: "abort", format: "json", lang: "it" })).toBe("/import/cases?mode=preview&onError=abort&format=json&lang=it");
    expect(importURL({ mode: "import", onError: "skip", format: "csv", lang: "en" })).toBe("/import/cases?mode=import&onError=skip&format=csv&lang=en");
  });
});

describe("reading an answer", () => {
  it("reads the report of a preview, and of an import refused (422)", () => {
    expect(readAnswer(200, JSON.stringify(exampleReport), null)).toEqual({ report: exampleReport, status: 200 });
    const refused = { ...exampleReport, mode: "import", imported: false };
    expect(readAnswer(422, JSON.stringify(refused), null)).toEqual({ report: refused, status: 422 });
  });

  it("takes a report without rows (Go's null slice)", () => {
    const answer = readAnswer(200, JSON.stringify({ ...exampleReport, counts: counts({}), rows: null }), null);
    expect("report" in answer && answer.report.rows).toEqual([]);
  });

  it("says so when a 200 is not a report, rather than showing its body", () => {
    expect(readAnswer(200, "<html>proxy</html>", null)).toEqual({ failure: { id: "import.error.unexpected", values: { status: 200 } } });
    expect(readAnswer(200, JSON.stringify({ ...exampleReport, rows: [{ line: 2, rowKey: "R1", outcome: "MAYBE" }] }), null)).toMatchObject({ failure: { id: "import.error.unexpected" } });
  });

  it("puts a file the server cannot read on the file's field, the common mistakes in the user's words", () => {
    expect(readAnswer(400, apiError("file: line 1: unknown column \"colore\"", { code: "BAD_USER_INPUT", field: "file" }), null)).toEqual({
      failure: { id: "import.error.file", values: { detail: 'line 1: unknown column "colore"' }, onFile: true },
    });
    const workbook = apiError("file: this is a spreadsheet workbook, not a CSV file: save it as CSV (semicolon- or comma-separated) and upload that", { code: "BAD_USER_INPUT", field: "file" });
    expect(readAnswer(400, workbook, null)).toMatchObject({ failure: { id: "import.error.workbook", onFile: true } });
    const big = apiError("file: the file has more than 20000 rows: split it into smaller files, each imported on its own", { code: "BAD_USER_INPUT", field: "file" });
    expect(readAnswer(400, big, null)).toMatchObject({ failure: { id: "import.error.tooManyRows", onFile: true } });
    expect(readAnswer(413, apiError("the request is larger than 20 MiB: split the file", { code: "BAD_USER_INPUT", field: "file" }), null)).toEqual({
      failure: { id: "import.error.tooLarge", onFile: true },
    });
    // A proxy's 413, without the API's body.
    expect(readAnswer(413, "<html>413</html>", null)).toEqual({ failure: { id: "import.error.tooLarge", onFile: true } });
  });

  it("puts other refusals in an alert, each in its words", () => {
    expect(readAnswer(400, apiError("mode: give preview or import", { code: "BAD_USER_INPUT", field: "mode" }), null)).toEqual({
      failure: { id: "import.error.badRequest", values: { detail: "mode: give preview or import" } },
    });
    expect(readAnswer(401, apiError("sign in", { code: "UNAUTHENTICATED" }), null)).toEqual({ failure: { id: "error.UNAUTHENTICATED", sessionEnded: true } });
    expect(readAnswer(403, apiError("forbidden", { code: "FORBIDDEN" }), null)).toEqual({ failure: { id: "import.error.forbidden" } });
    expect(readAnswer(409, apiError("import keys", { code: "CONFLICT" }), null)).toEqual({ failure: { id: "import.error.conflict" } });
  });

  it("says when to try again after a 429 or a 503, from Retry-After", () => {
    expect(readAnswer(429, apiError("at most 2 imports run at once", { code: "TOO_MANY_REQUESTS" }), "30")).toEqual({ failure: { id: "import.error.busy", values: { seconds: 30 } } });
    expect(readAnswer(503, apiError("database unavailable", { code: "UNAVAILABLE" }), "5")).toEqual({ failure: { id: "import.error.unavailable", values: { seconds: 5 } } });
    expect(readAnswer(503, apiError("the import took longer than 3m0s and was undone: split the file", { code: "TIMEOUT" }), null)).toEqual({ failure: { id: "import.error.timeout" } });
  });

  it("gives an internal error's request to quote, never its text", () => {
    expect(readAnswer(500, apiError("internal error; quote request 7f3a to the administrators", { code: "INTERNAL" }), null)).toEqual({
      failure: { id: "import.error.internalRequest", values: { request: "7f3a" } },
    });
    expect(readAnswer(502, "Bad Gateway", null)).toEqual({ failure: { id: "import.error.internal", values: { status: 502 } } });
  });

  it("reads Retry-After's seconds, with a default", () => {
    expect(retrySeconds("12")).toBe(12);
    expect(retrySeconds(null)).toBe(30);
    expect(retrySeconds("Wed, 21 Oct 2026 07:28:00 GMT", 10)).toBe(10);
  });

  it("reads the CSV report's file name", () => {
    expect(attachmentName('attachment; filename="importazione_preview_2026-03-02.csv"', "x.csv")).toBe("importazione_preview_2026-03-02.csv");
    expect(attachmentName("attachment; filename=importazione_import_2026-03-02.csv", "x.csv")).toBe("importazione_import_2026-03-02.csv");
    expect(attachmentName(null, "importazione.csv")).toBe("importazione.csv");
  });
});

describe("the report's rows", () => {
  it("filter by outcome, or those that would not be written, counted as the report counts them", () => {
    const lines = (f: Parameters<typeof filterRows>[1]) => filterRows(exampleReport.rows, f).map((r) => r.line);
    expect(lines("ALL")).toEqual([2, 3, 4, 5]);
    expect(lines("PROBLEMS")).toEqual([4, 5]);
    expect(lines("NEW")).toEqual([2]);
    expect(lines("ALREADY_IMPORTED")).toEqual([]);
    for (const f of rowFilters) {
      expect(filterCount(exampleReport.counts, f), f).toBe(filterRows(exampleReport.rows, f).length);
    }
  });

  it("come a page at a time, the page kept within those there are", () => {
    const rows = Array.from({ length: 20_000 }, (_, i) => i);
    const first = pageOf(rows, 0);
    expect(first).toMatchObject({ index: 0, start: 0, pages: 400 });
    expect(first.rows).toHaveLength(50);
    const last = pageOf(rows, 399);
    expect(last.rows[49]).toBe(19_999);
    expect(pageOf(rows, 1000)).toMatchObject({ index: 399, start: 19_950 });
    expect(pageOf([1, 2, 3], 2, 2)).toEqual({ rows: [3], index: 1, start: 2, pages: 2 });
    expect(pageOf([], 3)).toEqual({ rows: [], index: 0, start: 0, pages: 1 });
  });
});

describe("the confirmation", () => {
  it("says how many cases and persons an import creates", () => {
    expect(confirmMessage(counts({ rows: 3, new: 2, match: 1 }), "abort")).toEqual({ id: "import.confirm.create", values: { cases: 3, persons: 2, refused: 0, already: 0 } });
    expect(confirmMessage(counts({ rows: 3, alreadyImported: 3 }), "skip")).toMatchObject({ id: "import.confirm.create", values: { cases: 0, already: 3 } });
  });

  it("says that rows with errors or conflicts are skipped, or refuse the whole import", () => {
    expect(confirmMessage(exampleReport.counts, "skip")).toEqual({ id: "import.confirm.skipping", values: { cases: 2, persons: 1, refused: 2, already: 0 } });
    expect(confirmMessage(exampleReport.counts, "abort")).toMatchObject({ id: "import.confirm.refused", values: { refused: 2 } });
  });
});
