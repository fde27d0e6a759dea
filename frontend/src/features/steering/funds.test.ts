import { GraphQLError } from "graphql";
import { CombinedError } from "urql";
import { describe, expect, it } from "vitest";
import { amendSchema, closeSchema, fundRefusal, fundSchema, usedCents, yearOf, yearsAround } from "./funds";

// The funds screen's rules: amounts typed in euros and sent in cents,
// reasons required, the year kept in the address, and the server's
// refusals put in the user's words.

const refused = (code: string, message: string, field?: string, details: Record<string, unknown> = {}) =>
  new CombinedError({ graphQLErrors: [new GraphQLError(message, { extensions: { code, ...(field && { field }), ...details } })] });
const euros = (c: number) => `${(c / 100).toFixed(2)} €`;

describe("the fund form", () => {
  const valid = { name: " Fondo regionale 2026 ", year: "2026", source: "REGION", ownerID: "org_reg", municipalityID: "", amount: "12.500,50" };

  it("sends the amount in cents and the name trimmed", () => {
    const r = fundSchema.safeParse(valid);
    expect(r.success && r.data).toMatchObject({ name: "Fondo regionale 2026", year: 2026, amount: 1_250_050 });
  });

  it("requires an owner and an amount in euros within the API's bounds", () => {
    const messages = (v: Partial<typeof valid>) => fundSchema.safeParse({ ...valid, ...v }).error?.issues.map((i) => i.message) ?? [];
    expect(messages({ ownerID: "" })).toEqual(["funds.error.ownerRequired"]);
    expect(messages({ amount: "" })).toEqual(["funds.error.amountRequired"]);
    expect(messages({ amount: "12,345" })).toEqual(["funds.error.amountInvalid"]);
    expect(messages({ amount: "100.000.001" })).toEqual(["funds.error.amountTooLarge"]);
    expect(messages({ year: "2013" })).toEqual(["funds.error.yearInvalid"]);
  });
});

describe("amending and closing", () => {
  it("need a reason", () => {
    expect(amendSchema.safeParse({ amount: "1000", reason: "  " }).error?.issues.map((i) => i.message)).toEqual(["funds.error.amendReasonRequired"]);
    expect(amendSchema.safeParse({ amount: "1000", reason: "Delibera 12/2026" }).data).toEqual({ amount: 100_000, reason: "Delibera 12/2026" });
    expect(closeSchema.safeParse({ reason: "" }).success).toBe(false);
  });

  it("tell the server's refusals in the user's words", () => {
    // By the reason the server gives, with the use it counted then (the
    // screen's may be older), whatever the wording.
    const below = refused("BAD_USER_INPUT", "any words", "allocatedCents", { reason: "BELOW_USED", usedCents: 160_000 });
    expect(fundRefusal(below, euros)).toEqual({ id: "funds.refusal.belowUsed", values: { used: "1600.00 €" } });
    expect(fundRefusal(refused("BAD_USER_INPUT", "any words", "allocatedCents", { reason: "UNCHANGED" }), euros)).toEqual({ id: "funds.refusal.sameAmount" });
    // Another refusal of the amount is left to the generic alert.
    expect(fundRefusal(refused("BAD_USER_INPUT", "is less than what the fund's interventions committed and spent", "allocatedCents"), euros)).toBeNull();
    expect(fundRefusal(refused("CONFLICT", 'the fund "X" was closed on 01/03/2026'), euros)).toEqual({ id: "funds.refusal.closed" });
    expect(fundRefusal(refused("FORBIDDEN", "no"), euros)).toEqual({ id: "funds.refusal.forbidden" });
    expect(fundRefusal(refused("INTERNAL", "boom"), euros)).toBeNull();
    expect(fundRefusal(undefined, euros)).toBeNull();
  });

  it("count as used what is committed and spent", () => {
    expect(usedCents({ committedCents: 100, spentCents: 250 })).toBe(350);
  });
});

describe("the year of the list", () => {
  it("is read from the address, all years when missing or malformed", () => {
    expect(yearOf(new URLSearchParams("year=2025"))).toBe(2025);
    expect(yearOf(new URLSearchParams("year=abc"))).toBeNull();
    expect(yearOf(new URLSearchParams(""))).toBeNull();
    expect(yearsAround(2026)).toEqual([2027, 2026, 2025, 2024]);
  });
});
