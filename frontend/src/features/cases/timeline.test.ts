import { readdirSync, readFileSync } from "node:fs";
import { join } from "node:path";
import { buildSchema, type GraphQLEnumType, isEnumType } from "graphql";
import { createIntl } from "react-intl";
import { describe, expect, it } from "vitest";
import type { CaseEventKind } from "../../gql/graphql";
import { catalogues, locales, type Locale } from "../../i18n/catalogue";
import { formatters, intlLocale } from "../../i18n/format";
import { eventSentence, type TimelineEvent } from "./timeline";

// Every kind of timeline event, with and without the values it carries,
// has a sentence in both languages that names no code, and Italian has
// no English in it. The kinds and values are read from the API's schema,
// so a kind or value added there without a sentence fails here.

const schema = buildSchema(
  readdirSync(join(import.meta.dirname, "../../../../graph"))
    .filter((f) => f.endsWith(".graphql"))
    .map((f) => readFileSync(join(import.meta.dirname, "../../../../graph", f), "utf8"))
    .join("\n"),
);

function values(name: string): string[] {
  const type = schema.getType(name);
  if (!isEnumType(type)) {
    throw new Error(`${name} is not an enum of the API`);
  }
  return (type as GraphQLEnumType).getValues().map((v) => v.name);
}

const codes = new Set(
  Object.values(schema.getTypeMap())
    .filter((t): t is GraphQLEnumType => isEnumType(t) && !t.name.startsWith("__"))
    .flatMap((t) => t.getValues().map((v) => v.name))
    .filter((v) => v.length > 2),
);

/** Words of the server's old English sentences, and other English that must not reach an Italian reader. */
const english = /\b(the|analysis|preliminary|added|changed|planned|held|reopen\w*|from|to|goal|commitment|case|transfer\w*|declined|closed|recorded|updated)\b/i;

function text(locale: Locale, e: TimelineEvent): { id: string; text: string } {
  const intl = createIntl({ locale: intlLocale(locale), messages: catalogues[locale], onError: (err) => { throw err; } });
  const fmt = formatters(intl);
  const s = eventSentence(e, {
    label: (enumName, value) => intl.formatMessage({ id: `enum.${enumName}.${value}` }),
    date: fmt.date,
    caseRef: (c) => c.code,
  });
  expect(catalogues[locale][s.id], `${locale}: no message ${s.id}`).toBeDefined();
  return { id: s.id, text: intl.formatMessage({ id: s.id }, s.values) };
}

const table = (name: string) => ({ id: `t-${name}`, name });

/** An event of a kind with every value it may carry (and some it never does, which must not matter). */
function full(kind: CaseEventKind, detail?: string): TimelineEvent {
  return {
    kind,
    detail: (detail ?? null) as TimelineEvent["detail"],
    assessmentLevel: "IN_DEPTH",
    interventionKind: "INTERNSHIP",
    interventionStatus: "COMPLETED",
    outcomeKind: "EMPLOYMENT_FIXED_TERM",
    stillHeld: false,
    closureReason: "GOALS_MET",
    day: "2026-03-09",
    assignee: { id: "u1", name: "Maria Rossi" },
    fromTable: table("Tavolo territoriale di Empoli"),
    toTable: table("Tavolo territoriale di Vinci"),
    relatedCase: { id: "c1", code: "EMP-2026-0042" },
    organization: { id: "o1", name: "Cooperativa Sociale Il Girasole" },
    declineReason: "NO_CAPACITY",
    completionReason: "PERSON_WITHDREW",
    successful: false,
    approvalKind: "CLOSURE",
  };
}

/** An event of a kind without any value: unreadable, or written before events carried values. */
const bare = (kind: CaseEventKind): TimelineEvent => ({
  kind,
  detail: null,
  assessmentLevel: null,
  interventionKind: null,
  interventionStatus: null,
  outcomeKind: null,
  stillHeld: null,
  closureReason: null,
  day: null,
  assignee: null,
  fromTable: null,
  toTable: null,
  relatedCase: null,
  organization: null,
  declineReason: null,
  completionReason: null,
  successful: null,
  approvalKind: null,
});

function check(locale: Locale, e: TimelineEvent) {
  const { id, text: t } = text(locale, e);
  for (const word of t.split(/[^A-Z_]+/)) {
    expect(codes.has(word), `${locale} ${id}: "${t}" shows the code ${word}`).toBe(false);
  }
  if (locale === "it") {
    expect(t, `${id}: "${t}" is English`).not.toMatch(english);
  }
  return t;
}

describe("timeline sentences", () => {
  const kinds = values("CaseEventKind") as CaseEventKind[];
  const details = values("CaseEventDetail");

  it.each(locales)("write every kind in %s, with its values and without", (locale) => {
    for (const kind of kinds) {
      check(locale, bare(kind));
      check(locale, full(kind, kind === "PLAN_UPDATED" ? "GOAL_ADDED" : kind === "REOPENED" ? "REOPENS" : undefined));
    }
  });

  it.each(locales)("name the values an event carries, in %s", (locale) => {
    const t = (e: TimelineEvent) => check(locale, e);
    const it = locale === "it";
    expect(t(full("INTERVENTION_UPDATED"))).toBe(it ? "Intervento «Tirocinio» concluso" : "Intervention “Internship” completed");
    expect(t(full("ASSESSMENT_RECORDED"))).toBe(it ? "Quadro di analisi approfondito registrato" : "In-depth analysis recorded");
    expect(t(full("MONITORING_MEETING_HELD"))).toContain("09/03/2026");
    expect(t(full("CLOSED"))).toBe(it ? "Caso chiuso: Obiettivi raggiunti" : "Case closed: Goals met");
    expect(t(full("TRANSFERRED"))).toContain("Tavolo territoriale di Empoli");
    expect(t(full("REOPENED", "REOPENED_AS"))).toContain("EMP-2026-0042");
    expect(t(full("CASE_MANAGER_ASSIGNED"))).toContain("Maria Rossi");
    expect(t(full("OUTCOME_RECORDED"))).toContain(it ? "Lavoro a tempo determinato" : "Fixed-term");
    expect(t(full("FOLLOW_UP_RECORDED"))).toBe(
      it ? "Follow-up dell'esito «Lavoro a tempo determinato»: non più in essere" : "Follow-up of the result “Fixed-term employment”: no longer holds",
    );
    expect(t({ ...full("FOLLOW_UP_RECORDED"), stillHeld: true })).toMatch(it ? /ancora in essere$/ : /still holds$/);
    expect(t(full("SERVICE_REQUESTED"))).toBe(
      it ? "Richiesta di servizio «Tirocinio» inviata a Cooperativa Sociale Il Girasole" : "Service request “Internship” sent to Cooperativa Sociale Il Girasole",
    );
    expect(t(full("SERVICE_REQUEST_ACCEPTED"))).toBe(
      it ? "Richiesta «Tirocinio» accettata da Cooperativa Sociale Il Girasole: avvio previsto il 09/03/2026" : "Request “Internship” accepted by Cooperativa Sociale Il Girasole: planned start on 09/03/2026",
    );
    expect(t(full("SERVICE_REQUEST_DECLINED"))).toBe(
      it ? "Richiesta «Tirocinio» rifiutata da Cooperativa Sociale Il Girasole: Nessuna disponibilità" : "Request “Internship” declined by Cooperativa Sociale Il Girasole: No capacity",
    );
    expect(t(full("SERVICE_REQUEST_COMPLETED"))).toBe(
      it
        ? "Servizio «Tirocinio» di Cooperativa Sociale Il Girasole concluso senza esito positivo: La persona ha rinunciato"
        : "Service “Internship” of Cooperativa Sociale Il Girasole ended without success: The person withdrew",
    );
    expect(t({ ...full("SERVICE_REQUEST_COMPLETED"), successful: true })).toContain(it ? "con esito positivo" : "successfully");
    expect(t(full("PROPOSED"))).toBe(it ? "Chiusura del caso proposta al coordinatore per l'approvazione" : "Closure of the case proposed to the coordinator for approval");
    expect(t({ ...full("PROPOSAL_RETURNED"), approvalKind: "PLAN" })).toBe(it ? "Progetto personalizzato restituito dal coordinatore" : "Personal plan returned by the coordinator");
  });

  it.each(locales)("tell every detail, level and status apart from the plain sentence, in %s", (locale) => {
    // A value added to the API without its own branch would fall back to
    // the plain sentence silently.
    for (const detail of details) {
      const kind: CaseEventKind = detail.startsWith("REOPEN") ? "REOPENED" : "PLAN_UPDATED";
      expect(check(locale, full(kind, detail)), `${locale} ${detail}`).not.toBe(check(locale, bare(kind)));
    }
    for (const level of values("AssessmentLevel")) {
      const e = { ...full("ASSESSMENT_RECORDED"), assessmentLevel: level } as TimelineEvent;
      expect(check(locale, e), `${locale} ${level}`).not.toBe(check(locale, bare("ASSESSMENT_RECORDED")));
    }
    const statuses = values("InterventionStatus").map((status) =>
      check(locale, { ...full("INTERVENTION_UPDATED"), interventionStatus: status } as TimelineEvent),
    );
    expect(new Set(statuses).size, `${locale}: ${statuses.join(" / ")}`).toBe(statuses.length);
    expect(statuses.some((s) => s.endsWith(locale === "it" ? "aggiornato" : "updated"))).toBe(false);
    for (const kind of ["PROPOSED", "PROPOSAL_APPROVED", "PROPOSAL_RETURNED"] as const) {
      const said = values("ApprovalKind").map((k) => check(locale, { ...full(kind), approvalKind: k } as TimelineEvent));
      expect(new Set(said).size, `${locale} ${kind}: ${said.join(" / ")}`).toBe(said.length);
      expect(said).not.toContain(check(locale, bare(kind)));
    }
  });
});
