// Arithmetic on calendar days written YYYY-MM-DD, as date inputs give
// them: no time zone involved (Italian time is format.ts's business).

const dayPattern = /^\d{4}-\d{2}-\d{2}$/;

function parts(day: string): [number, number, number] {
  return day.split("-").map(Number) as [number, number, number];
}

/** Whether a string is a real calendar day as YYYY-MM-DD. */
export function isDay(value: string | null | undefined): value is string {
  if (!value || !dayPattern.test(value)) {
    return false;
  }
  const [y, m, d] = parts(value);
  const t = new Date(Date.UTC(y, m - 1, d));
  return t.getUTCFullYear() === y && t.getUTCMonth() === m - 1 && t.getUTCDate() === d;
}

/** The day n days after (or before, n < 0) a day. */
export function addDays(day: string, n: number): string {
  const [y, m, d] = parts(day);
  return new Date(Date.UTC(y, m - 1, d + n)).toISOString().slice(0, 10);
}

/** The same day n years later; 29 February becomes 1 March in a common year. */
export function addYears(day: string, n: number): string {
  const [y, m, d] = parts(day);
  return new Date(Date.UTC(y + n, m - 1, d)).toISOString().slice(0, 10);
}

/** Whole calendar days from one day to another (negative when earlier). */
export function daysBetween(from: string, to: string): number {
  const utc = (day: string) => {
    const [y, m, d] = parts(day);
    return Date.UTC(y, m - 1, d);
  };
  return Math.round((utc(to) - utc(from)) / 86_400_000);
}
