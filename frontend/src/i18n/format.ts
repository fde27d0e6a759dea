import { useIntl } from "react-intl";

// Dates travel as RFC 3339 times; a "date" of the domain (a referral day,
// a due date) is midnight in Italian time, so it is shown in Europe/Rome.

/** The calendar day of an RFC 3339 time in Italian time, as YYYY-MM-DD. */
export function romeDay(time: string): string {
  const parts = new Intl.DateTimeFormat("en-CA", { timeZone: "Europe/Rome", year: "numeric", month: "2-digit", day: "2-digit" }).format(new Date(time));
  return parts;
}

const romeHour = new Intl.DateTimeFormat("en-GB", { timeZone: "Europe/Rome", hour: "2-digit", hourCycle: "h23" });

/** Midnight in Italian time of a YYYY-MM-DD day, as the API expects. */
export function romeMidnight(day: string): string {
  const [y, m, d] = day.split("-").map(Number);
  if (y === undefined || m === undefined || d === undefined || Number.isNaN(y + m + d)) {
    throw new Error(`not a day: ${day}`);
  }
  // Rome is UTC+1 or UTC+2, and a day that changes clock starts on the
  // offset of the day before: take the candidate that is 00:00 in Rome.
  for (const offset of [1, 2]) {
    const t = new Date(Date.UTC(y, m - 1, d, -offset));
    if (romeDay(t.toISOString()) === day && romeHour.format(t) === "00") {
      return t.toISOString();
    }
  }
  throw new Error(`no midnight in Rome on ${day}`);
}

/** Today in Italian time, as YYYY-MM-DD. */
export function today(): string {
  return romeDay(new Date().toISOString());
}

/** Formatters in the user's language: dates as 25/11/2026, euros as 1.234,50 €. */
export function useFormat() {
  const intl = useIntl();
  return {
    date: (time: string | null | undefined) =>
      time ? intl.formatDate(time, { timeZone: "Europe/Rome", day: "2-digit", month: "2-digit", year: "numeric" }) : "—",
    dateTime: (time: string | null | undefined) =>
      time
        ? intl.formatDate(time, { timeZone: "Europe/Rome", day: "2-digit", month: "2-digit", year: "numeric", hour: "2-digit", minute: "2-digit" })
        : "—",
    euros: (cents: number | null | undefined) =>
      cents === null || cents === undefined ? "—" : intl.formatNumber(cents / 100, { style: "currency", currency: "EUR" }),
    number: (value: number | null | undefined, digits = 0) =>
      value === null || value === undefined ? "—" : intl.formatNumber(value, { maximumFractionDigits: digits }),
    percent: (share: number | null | undefined) =>
      share === null || share === undefined ? "—" : intl.formatNumber(share, { style: "percent", maximumFractionDigits: 1 }),
  };
}
