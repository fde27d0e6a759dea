import { describe, expect, it } from "vitest";
import { romeDateTime, romeDay, romeMidnight } from "./format";

describe("Italian days", () => {
  it("are midnight in Rome, in winter and in summer time", () => {
    expect(romeMidnight("2026-01-15")).toBe("2026-01-14T23:00:00.000Z");
    expect(romeMidnight("2026-07-15")).toBe("2026-07-14T22:00:00.000Z");
  });

  it("round-trip through the API's times", () => {
    for (const day of ["2026-03-29", "2026-03-30", "2026-10-25", "2026-10-26", "2026-12-31"]) {
      expect(romeDay(romeMidnight(day))).toBe(day);
    }
  });

  it("take a time of day in Italian time, summer and winter", () => {
    expect(romeDateTime("2026-11-25", "15:00")).toBe("2026-11-25T14:00:00.000Z");
    expect(romeDateTime("2026-07-01", "09:30")).toBe("2026-07-01T07:30:00.000Z");
    expect(romeDateTime("2026-03-29", "12:00")).toBe("2026-03-29T10:00:00.000Z");
  });

  it("refuse what is not a day", () => {
    expect(() => romeMidnight("25/11/2026")).toThrow();
  });
});
