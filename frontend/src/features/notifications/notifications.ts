import type { EventKind } from "../../gql/graphql";

// A notification carries its kind and links, never words about a person:
// its sentence is written here, in the reader's language, from the
// "notifications.kind.*" messages, with the case's code, the table and the
// day it names; and it links to what it concerns.

export interface NotificationFacts {
  kind: EventKind;
  caseCode?: string | null;
  day?: string | null;
  case?: { id: string } | null;
  table?: { id: string; name: string } | null;
  otherTable?: { id: string; name: string } | null;
  directive?: { id: string } | null;
}

/** The sentence of a notification: its message and the values it names. */
export function notificationSentence(n: NotificationFacts, date: (day: string) => string): { id: string; values: Record<string, string> } {
  return {
    id: `notifications.kind.${n.kind}`,
    values: {
      code: n.caseCode || "—",
      table: n.table?.name ?? "—",
      other: n.otherTable?.name ?? "—",
      day: n.day ? date(n.day) : "—",
    },
  };
}

/** Where a notification leads: the case; a directive's table; the account for a webhook. */
export function notificationLink(n: NotificationFacts): string | null {
  if (n.case) {
    return `/cases/${n.case.id}`;
  }
  if (n.kind === "DIRECTIVE_ISSUED") {
    return n.table ? `/tables/${n.table.id}` : "/";
  }
  if (n.kind === "WEBHOOK_DISABLED") {
    return "/account";
  }
  return null;
}
