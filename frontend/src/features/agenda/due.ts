import { daysBetween } from "../../i18n/calendar";

// How far a deadline is from the agenda's day, in calendar days of
// Italian time: "scaduto da 3 giorni", "scade oggi", "tra 5 giorni".

export type Due = { kind: "overdue"; days: number } | { kind: "today" } | { kind: "soon"; days: number };

/** A deadline seen from the agenda's day, both Dates (YYYY-MM-DD). */
export function dueState(due: string, today: string): Due {
  const days = daysBetween(today, due);
  if (days < 0) {
    return { kind: "overdue", days: -days };
  }
  return days === 0 ? { kind: "today" } : { kind: "soon", days };
}

/** The catalogue message of a deadline and its values. */
export function dueMessage(d: Due): { id: string; values: { days: number } } {
  switch (d.kind) {
    case "overdue":
      return { id: "agenda.due.overdue", values: { days: d.days } };
    case "today":
      return { id: "agenda.due.today", values: { days: 0 } };
    default:
      return { id: "agenda.due.soon", values: { days: d.days } };
  }
}

/**
 * Whether the person's consent (or the legal basis) to be contacted for the
 * follow-up is in force on a day: the API refuses the follow-up without it;
 * the agenda says so beforehand. Days are ISO dates, compared as text.
 */
export function followUpBasis(consents: readonly { purpose: string; givenOn: string; withdrawnOn?: string | null }[], day: string): boolean {
  return consents.some((k) => k.purpose === "FOLLOW_UP" && k.givenOn <= day && (!k.withdrawnOn || k.withdrawnOn > day));
}
