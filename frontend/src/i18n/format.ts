import { type IntlShape, useIntl } from "react-intl";
import { isDay } from "./calendar";
import type { Locale } from "./catalogue";

// English is shown as in the UK and the rest of Europe: 25/11/2026 and
// 15:30, never the US's 11/25/2026 and 3:30 PM, which a reader in Italy
// would take for the 11th of month 25 or miss the afternoon in.
const intlLocales: Record<Locale, string> = { it: "it-IT", en: "en-GB" };

/** The BCP 47 locale that formats dates, times and numbers for a language of the app. */
export function intlLocale(locale: Locale): string {
  return intlLocales[locale];
}

// A day of the domain (a referral day, a due date) travels as the API's
// Date, YYYY-MM-DD, and is shown as written: no time zone. Instants (the
// *At fields) travel as RFC 3339 times; romeDay is the one conversion of
// an instant to its Italian day (the server's is domain.DayOf).

/** The calendar day of an RFC 3339 time in Italian time, as YYYY-MM-DD. */
export function romeDay(time: string): string {
  const parts = new Intl.DateTimeFormat("en-CA", { timeZone: "Europe/Rome", year: "numeric", month: "2-digit", day: "2-digit" }).format(new Date(time));
  return parts;
}

const romeClock = new Intl.DateTimeFormat("en-GB", {
  timeZone: "Europe/Rome",
  year: "numeric",
  month: "2-digit",
  day: "2-digit",
  hour: "2-digit",
  minute: "2-digit",
  hourCycle: "h23",
});

/** A day and a time of day in Italian time (HH:MM, from date and time inputs) as the API's RFC 3339 time. */
export function romeDateTime(day: string, time: string): string {
  const [y, m, d] = day.split("-").map(Number) as [number, number, number];
  const [h, min] = time.split(":").map(Number) as [number, number];
  const want = `${day.slice(8, 10)}/${day.slice(5, 7)}/${day.slice(0, 4)}, ${time}`;
  // Rome is UTC+1 or UTC+2, and the offset of a day that changes clock
  // depends on the hour: take the candidate that reads so in Rome.
  for (const offset of [1, 2]) {
    const t = new Date(Date.UTC(y, m - 1, d, h - offset, min));
    if (romeClock.format(t) === want) {
      return t.toISOString();
    }
  }
  // A time the clocks skip (the spring change): the hour after.
  return new Date(Date.UTC(y, m - 1, d, h - 1, min)).toISOString();
}

/** The instant a YYYY-MM-DD day starts in Italy: a bound of instants (audit events from a day, a token expiring at a day). */
export function romeDayStart(day: string): string {
  if (!isDay(day)) {
    throw new Error(`not a day: ${day}`);
  }
  return romeDateTime(day, "00:00");
}

/** Today in Italian time, as YYYY-MM-DD. */
export function today(): string {
  return romeDay(new Date().toISOString());
}

/** Formatters in the user's language: dates as 25/11/2026 (in English too), 24-hour times, euros as 1.234,50 €. */
export function useFormat() {
  return formatters(useIntl());
}

/** useFormat's formatters for an intl object (tests build one without React). */
export function formatters(intl: IntlShape) {
  return {
    // A Date (YYYY-MM-DD) as written; an instant as its Italian day.
    date: (time: string | null | undefined) =>
      time
        ? isDay(time)
          ? intl.formatDate(`${time}T00:00:00Z`, { timeZone: "UTC", day: "2-digit", month: "2-digit", year: "numeric" })
          : intl.formatDate(time, { timeZone: "Europe/Rome", day: "2-digit", month: "2-digit", year: "numeric" })
        : "—",
    dateTime: (time: string | null | undefined) =>
      time
        ? intl.formatDate(time, { timeZone: "Europe/Rome", day: "2-digit", month: "2-digit", year: "numeric", hour: "2-digit", minute: "2-digit", hourCycle: "h23" })
        : "—",
    euros: (cents: number | null | undefined) =>
      cents === null || cents === undefined ? "—" : intl.formatNumber(cents / 100, { style: "currency", currency: "EUR" }),
    number: (value: number | null | undefined, digits = 0) =>
      value === null || value === undefined ? "—" : intl.formatNumber(value, { maximumFractionDigits: digits }),
    percent: (share: number | null | undefined) =>
      share === null || share === undefined ? "—" : intl.formatNumber(share, { style: "percent", maximumFractionDigits: 1 }),
  };
}
