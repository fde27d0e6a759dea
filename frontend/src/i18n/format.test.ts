import { createIntl } from "react-intl";
import { describe, expect, it } from "vitest";
import { formatters, intlLocale, romeDateTime, romeDay, romeDayStart } from "./format";

describe("Italian days", () => {
  it("start at midnight in Rome, in winter and in summer time", () => {
    expect(romeDayStart("2026-01-15")).toBe("2026-01-14T23:00:00.000Z");
    expect(romeDayStart("2026-07-15")).toBe("2026-07-14T22:00:00.000Z");
  });

  it("are the day of an instant in Rome, 23:30 in summer and in winter included", () => {
    for (const day of ["2026-03-29", "2026-03-30", "2026-10-25", "2026-10-26", "2026-12-31"]) {
      expect(romeDay(romeDayStart(day))).toBe(day);
    }
    expect(romeDay("2026-07-31T21:30:00Z")).toBe("2026-07-31");
    expect(romeDay("2026-01-31T22:30:00Z")).toBe("2026-01-31");
    expect(romeDay("2026-01-31T23:30:00Z")).toBe("2026-02-01");
  });

  it("take a time of day in Italian time, summer and winter", () => {
    expect(romeDateTime("2026-11-25", "15:00")).toBe("2026-11-25T14:00:00.000Z");
    expect(romeDateTime("2026-07-01", "09:30")).toBe("2026-07-01T07:30:00.000Z");
    expect(romeDateTime("2026-03-29", "12:00")).toBe("2026-03-29T10:00:00.000Z");
  });

  it("refuse what is not a day", () => {
    expect(() => romeDayStart("25/11/2026")).toThrow();
  });
});

describe("the formatters", () => {
  const f = formatters(createIntl({ locale: "it" }));
  it("show a Date as written, whatever the zone", () => {
    expect(f.date("2026-03-29")).toBe("29/03/2026");
    expect(f.date("2026-01-01")).toBe("01/01/2026");
  });

  it("date an event at 23:30 in Italy on that day, in summer and in winter, as the timeline shows it", () => {
    expect(f.date("2026-07-31T21:30:00Z")).toBe("31/07/2026");
    expect(f.dateTime("2026-07-31T21:30:00Z")).toBe("31/07/2026, 23:30");
    expect(f.date("2026-01-31T22:30:00Z")).toBe("31/01/2026");
    expect(f.dateTime("2026-01-31T22:30:00Z")).toBe("31/01/2026, 23:30");
  });
});

describe("the formatters in English", () => {
  const f = formatters(createIntl({ locale: intlLocale("en") }));
  it("write day/month/year, as in Europe, not the US's month first", () => {
    expect(f.date("2026-11-25")).toBe("25/11/2026");
    expect(f.date("2026-03-04")).toBe("04/03/2026");
    expect(f.date("2026-07-31T21:30:00Z")).toBe("31/07/2026");
  });

  it("write times on the 24-hour clock, without AM or PM", () => {
    expect(f.dateTime("2026-07-31T21:30:00Z")).toBe("31/07/2026, 23:30");
    expect(f.dateTime("2026-01-15T13:05:00Z")).toBe("15/01/2026, 14:05");
    expect(f.dateTime("2026-01-14T23:00:00Z")).toBe("15/01/2026, 00:00");
  });
});

describe("the formatters in Italian", () => {
  const f = formatters(createIntl({ locale: intlLocale("it") }));
  it("keep the Italian day/month/year and 24-hour clock", () => {
    expect(f.date("2026-11-25")).toBe("25/11/2026");
    expect(f.dateTime("2026-01-15T13:05:00Z")).toBe("15/01/2026, 14:05");
    expect(f.dateTime("2026-01-14T23:00:00Z")).toBe("15/01/2026, 00:00");
  });
});
