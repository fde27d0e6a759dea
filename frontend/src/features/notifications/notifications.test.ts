import { readdirSync, readFileSync } from "node:fs";
import { join } from "node:path";
import { buildSchema, type GraphQLEnumType, isEnumType } from "graphql";
import { createIntl } from "react-intl";
import { describe, expect, it } from "vitest";
import type { EventKind } from "../../gql/graphql";
import { catalogues, locales } from "../../i18n/catalogue";
import { formatters, intlLocale } from "../../i18n/format";
import { notificationLink, notificationSentence, type NotificationFacts } from "./notifications";

// Every kind of event of the API's schema has a sentence in both
// languages, naming the case, the tables and the day it carries; a kind
// added to the schema without one fails here.

const dir = join(import.meta.dirname, "../../../../graph");
const schema = buildSchema(
  readdirSync(dir)
    .filter((f) => f.endsWith(".graphql"))
    .map((f) => readFileSync(join(dir, f), "utf8"))
    .join("\n"),
);
const kindType = schema.getType("EventKind");
const kinds = isEnumType(kindType) ? (kindType as GraphQLEnumType).getValues().map((v) => v.name as EventKind) : [];

const facts = (kind: EventKind): NotificationFacts => ({
  kind,
  caseCode: "EMP-2026-0042",
  day: "2026-03-09",
  case: { id: "cas_1" },
  table: { id: "tbl_1", name: "Empoli" },
  otherTable: { id: "tbl_2", name: "Vinci" },
  directive: { id: "dir_1" },
});

describe("notification sentences", () => {
  it("reads the kinds from the schema", () => {
    expect(kinds.length).toBeGreaterThan(10);
  });

  for (const locale of locales) {
    const intl = createIntl({ locale: intlLocale(locale), messages: catalogues[locale], onError: (err) => { throw err; } });
    const fmt = formatters(intl);
    for (const kind of kinds) {
      it(`${locale}: ${kind}`, () => {
        const s = notificationSentence(facts(kind), fmt.date);
        expect(catalogues[locale][s.id], `${locale}: no message ${s.id}`).toBeDefined();
        const text = intl.formatMessage({ id: s.id }, s.values);
        expect(text).not.toMatch(/[{}]|—/);
        expect(text).not.toContain(kind);
        const message = catalogues[locale][s.id] ?? "";
        if (message.includes("{code}")) {
          expect(text).toContain("EMP-2026-0042");
        }
        if (message.includes("{day}")) {
          expect(text).toContain("2026");
        }
      });
    }
  }

  it("links to the case, else to what the kind concerns", () => {
    expect(notificationLink(facts("REFERRAL_RECEIVED"))).toBe("/cases/cas_1");
    expect(notificationLink({ kind: "DIRECTIVE_ISSUED", table: { id: "tbl_1", name: "Empoli" } })).toBe("/tables/tbl_1");
    expect(notificationLink({ kind: "WEBHOOK_DISABLED" })).toBe("/account");
    // A case the reader may no longer see comes as null: no link.
    expect(notificationLink({ kind: "REFERRAL_DECLINED", caseCode: "EMP-2026-0042", case: null })).toBeNull();
  });
});
