import { describe, expect, it } from "vitest";
import { addDays, addYears, daysBetween, isDay } from "./calendar";

describe("calendar days", () => {
  it("are real calendar days only", () => {
    expect(isDay("2026-02-28")).toBe(true);
    expect(isDay("2026-02-29")).toBe(false);
    expect(isDay("2026-13-01")).toBe(false);
    expect(isDay("26-01-01")).toBe(false);
    expect(isDay(null)).toBe(false);
  });

  it("add across months, years and leap days", () => {
    expect(addDays("2026-12-31", 1)).toBe("2027-01-01");
    expect(addDays("2028-02-28", 1)).toBe("2028-02-29");
    expect(addDays("2026-03-29", 1)).toBe("2026-03-30");
    expect(addYears("2028-02-29", 1)).toBe("2029-03-01");
  });

  it("count whole days, across a change of clock", () => {
    expect(daysBetween("2026-11-25", "2026-11-26")).toBe(1);
    expect(daysBetween("2026-11-25", "2026-11-15")).toBe(-10);
    expect(daysBetween("2026-03-28", "2026-03-30")).toBe(2);
  });
});
