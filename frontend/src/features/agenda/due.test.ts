import { createIntl } from "react-intl";
import { describe, expect, it } from "vitest";
import { catalogues } from "../../i18n/catalogue";
import { dueMessage, dueState, followUpBasis } from "./due";

const it_ = createIntl({ locale: "it", messages: catalogues.it });
const en = createIntl({ locale: "en", messages: catalogues.en });
const today = "2026-11-25";
const say = (due: string, intl = it_) => {
  const m = dueMessage(dueState(due, today));
  return intl.formatMessage({ id: m.id }, m.values);
};

describe("agenda deadlines", () => {

  it("counts calendar days from the agenda's day", () => {
    expect(dueState("2026-11-25", today)).toEqual({ kind: "today" });
    expect(dueState("2026-11-26", today)).toEqual({ kind: "soon", days: 1 });
  });

  it("says overdue, today and soon in Italian, singular and plural", () => {
    expect(say("2026-11-15")).toBe("scaduto da 10 giorni");
    expect(say("2026-11-24")).toBe("scaduto da 1 giorno");
    expect(say("2026-11-25")).toBe("scade oggi");
    expect(say("2026-11-26")).toBe("tra 1 giorno");
    expect(say("2026-12-25")).toBe("tra 30 giorni");
  });

  it("says them in English too", () => {
    expect(say("2026-11-15", en)).toBe("overdue by 10 days");
    expect(say("2026-11-26", en)).toBe("in 1 day");
  });

  it("finds the follow-up basis in force on the day: given by then, not withdrawn by then", () => {
    const basis = (givenOn: string, withdrawnOn: string | null, purpose = "FOLLOW_UP") => [{ purpose, givenOn, withdrawnOn }];
    expect(followUpBasis(basis("2026-05-01", null), today)).toBe(true);
    expect(followUpBasis(basis("2026-11-26", null), today)).toBe(false);
    expect(followUpBasis(basis("2026-05-01", today), today)).toBe(false);
    expect(followUpBasis(basis("2026-05-01", "2026-11-26"), today)).toBe(true);
    expect(followUpBasis(basis("2026-05-01", null, "CONTACT"), today)).toBe(false);
    expect(followUpBasis([], today)).toBe(false);
  });
});
