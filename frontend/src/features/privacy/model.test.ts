import { describe, expect, it } from "vitest";
import { confirmsErasure, exportFileName, lookUpFromParams, newestFirst } from "./model";

describe("the privacy desk's model", () => {
  it("names an export's file after the pseudonym and the day, never anything else", () => {
    expect(exportFileName("P-3F7K2Q", new Date(2026, 11, 4, 23, 30))).toBe("dati-P-3F7K2Q-2026-12-04.json");
    expect(exportFileName("../a b", new Date(2026, 0, 9))).toBe("dati-a-b-2026-01-09.json");
    expect(exportFileName("", new Date(2026, 0, 9))).toBe("dati-persona-2026-01-09.json");
  });

  it("confirms an erasure only with the pseudonym typed", () => {
    expect(confirmsErasure(" p-3f7k2q ", "P-3F7K2Q")).toBe(true);
    expect(confirmsErasure("P-3F7K2", "P-3F7K2Q")).toBe(false);
    expect(confirmsErasure("", "")).toBe(false);
  });

  it("shows the newest events first, a page at a time", () => {
    expect(newestFirst([1, 2, 3, 4], 3)).toEqual([4, 3, 2]);
    expect(newestFirst([1], 50)).toEqual([1]);
  });

  it("reads the look-up from the address: a tax code first, else a case code", () => {
    expect(lookUpFromParams(new URLSearchParams("taxCode=%20RSSMRA85T10A562S"))).toEqual({ by: "taxCode", value: "RSSMRA85T10A562S" });
    expect(lookUpFromParams(new URLSearchParams("caseCode=EMP-2026-0001"))).toEqual({ by: "caseCode", value: "EMP-2026-0001" });
    expect(lookUpFromParams(new URLSearchParams("taxCode=&caseCode="))).toBeNull();
  });
});
