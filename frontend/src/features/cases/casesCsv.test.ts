import { describe, expect, it } from "vitest";
import { casesCsvUrl } from "./casesCsv";
import { defaultParams, toOrderBy, toWhere } from "./listParams";

describe("casesCsvUrl", () => {
  it("sends the list's where and orderBy as JSON, in Italian with semicolons", () => {
    const params = { ...defaultParams, status: "OPEN" as const, table: "tab_1", sort: "TABLE_NAME" as const, dir: "ASC" as const };
    const url = casesCsvUrl(params, "it");
    expect(url.startsWith("/export/cases.csv?")).toBe(true);
    const q = new URLSearchParams(url.split("?")[1]);
    expect(JSON.parse(q.get("where") ?? "")).toEqual(toWhere(params));
    expect(JSON.parse(q.get("orderBy") ?? "")).toEqual(toOrderBy(params));
    expect(q.get("lang")).toBe("it");
    expect(q.get("separator")).toBe("semicolon");
    expect(q.has("identities")).toBe(false);
  });

  it("leaves out an empty filter, and asks for identities only when told, in English with commas", () => {
    const q = new URLSearchParams(casesCsvUrl(defaultParams, "en", true).split("?")[1]);
    expect(q.has("where")).toBe(false);
    expect(JSON.parse(q.get("orderBy") ?? "")).toEqual([
      { field: "REFERRED_ON", direction: "DESC" },
      { field: "CODE", direction: "DESC" },
    ]);
    expect(q.get("separator")).toBe("comma");
    expect(q.get("identities")).toBe("1");
  });

  it("never sends the search text, which the export does not cover", () => {
    expect(casesCsvUrl({ ...defaultParams, q: "rossi" }, "it")).not.toContain("rossi");
  });
});
