import { describe, expect, it } from "vitest";
import { addInterventionSchema, addInterventionSchemaFor, centsToInput, followUpSchema, parseEuroCents, preliminarySchema, takeChargeSchema } from "./schemas";

const messages = (r: { success: boolean; error?: { issues: { message: string; path: PropertyKey[] }[] } }) =>
  r.error?.issues.map((i) => `${i.path.join(".")}: ${i.message}`) ?? [];

describe("euros as typed", () => {
  it("reads Italian and English amounts in cents", () => {
    expect(parseEuroCents("1.234,50")).toBe(123450);
    expect(parseEuroCents("1234,5")).toBe(123450);
    expect(parseEuroCents("1234.50")).toBe(123450);
    expect(parseEuroCents("1.234")).toBe(123400);
    expect(parseEuroCents("1.234.567")).toBe(123456700);
    expect(parseEuroCents("€ 2 500")).toBe(250000);
    expect(parseEuroCents("0,05")).toBe(5);
    expect(parseEuroCents("300")).toBe(30000);
  });

  it("refuses what is not an amount", () => {
    for (const s of ["", "abc", "12,345", "1.23.4", "1,2,3", "-5", "1.234,567"]) {
      expect(parseEuroCents(s), s).toBeNull();
    }
  });

  it("shows cents back in the form's words", () => {
    expect(centsToInput(123450)).toBe("1234,50");
    expect(centsToInput(30000)).toBe("300");
    expect(centsToInput(5)).toBe("0,05");
  });
});

const plan = { summary: "", agreedOn: "2026-03-02", reviewOn: "", goals: [{ area: "EMPLOYMENT", description: "Trovare un lavoro", dueOn: "" }], commitments: [] };

describe("taking charge", () => {
  it("needs a case manager and at least one goal", () => {
    const r = takeChargeSchema.safeParse({ caseManagerID: "", plan: { ...plan, goals: [] } });
    expect(messages(r)).toEqual(["caseManagerID: caseActions.error.caseManagerRequired", "plan.goals: caseActions.error.goalRequired"]);
  });

  it("says which goal lacks its expected result", () => {
    const r = takeChargeSchema.safeParse({ caseManagerID: "usr_1", plan: { ...plan, goals: [...plan.goals, { area: "HOUSING", description: " ", dueOn: "" }] } });
    expect(messages(r)).toEqual(["plan.goals.1.description: caseActions.error.goalDescriptionRequired"]);
  });

  it("refuses a review before the plan is signed", () => {
    const r = takeChargeSchema.safeParse({ caseManagerID: "usr_1", plan: { ...plan, reviewOn: "2026-03-01" } });
    expect(messages(r)).toEqual(["plan.reviewOn: caseActions.error.reviewBeforeAgreed"]);
  });

  it("sends dates at midnight in Italy and leaves empty ones out", () => {
    const r = takeChargeSchema.parse({
      caseManagerID: "usr_1",
      plan: { ...plan, reviewOn: "2026-09-01", commitments: [{ kind: "VOLUNTEERING", description: "Banco alimentare", hoursAgreed: "20", dueOn: "", hostID: "" }] },
    });
    expect(r.plan.agreedOn).toBe("2026-03-02");
    expect(r.plan.reviewOn).toBe("2026-09-01");
    expect(r.plan.goals[0]).toEqual({ area: "EMPLOYMENT", description: "Trovare un lavoro", dueOn: undefined });
    expect(r.plan.commitments[0]).toEqual({ kind: "VOLUNTEERING", description: "Banco alimentare", hoursAgreed: 20, dueOn: undefined, hostID: undefined });
  });
});

describe("assessment", () => {
  it("needs at least one area, each once", () => {
    expect(messages(preliminarySchema.safeParse({ summary: "x", assessedOn: "", findings: [], complexNeeds: false }))).toEqual([
      "findings: caseActions.error.findingsRequired",
    ]);
    const twice = { area: "HOUSING", need: "SEVERE", resources: "", notes: "" };
    expect(messages(preliminarySchema.safeParse({ summary: "x", assessedOn: "", findings: [twice, twice], complexNeeds: false }))).toEqual([
      "findings.1.area: caseActions.error.areaTwice",
    ]);
  });
});

describe("intervention", () => {
  const base = { kind: "TRAINING", description: "", providerID: "org_1", startsOn: "2026-04-01", endsOn: "", status: "PLANNED", cost: "", fundID: "", protocolID: "" };

  it("takes the cost in euros as cents", () => {
    const r = addInterventionSchema.parse({ ...base, cost: "1.234,50", fundID: "fnd_1" });
    expect(r.costCents).toBe(123450);
    expect(r).not.toHaveProperty("cost");
    expect(r.fundID).toBe("fnd_1");
  });

  it("says what is wrong with the cost and the dates", () => {
    expect(messages(addInterventionSchema.safeParse({ ...base, cost: "12,345" }))).toEqual(["cost: caseActions.error.costInvalid"]);
    expect(addInterventionSchema.parse({ ...base, cost: "100" })).toMatchObject({ costCents: 10000, fundID: undefined });
    expect(messages(addInterventionSchema.safeParse({ ...base, endsOn: "2026-03-31" }))).toEqual(["endsOn: caseActions.error.endsBeforeStart"]);
  });
});

describe("intervention's fund", () => {
  const base = { kind: "TRAINING", description: "", providerID: "org_1", startsOn: "2026-04-01", endsOn: "", status: "PLANNED", fundID: "fnd_1", protocolID: "" };
  const schema = addInterventionSchemaFor((id) => (id === "fnd_1" ? 50000 : undefined));

  it("keeps the cost within what is left of the fund", () => {
    expect(messages(schema.safeParse({ ...base, cost: "500,01" }))).toEqual(["cost: caseActions.error.costOverFund"]);
    expect(schema.parse({ ...base, cost: "500" }).costCents).toBe(50000);
    expect(schema.parse({ ...base, cost: "9.000", fundID: "fnd_unknown" }).costCents).toBe(900000);
  });
});

describe("intervention's protocol", () => {
  const base = { kind: "TRAINING", description: "", providerID: "org_1", startsOn: "2026-04-01", endsOn: "", status: "PLANNED", cost: "", fundID: "" };

  it("is one of those in force on the start day, or none", () => {
    const schema = addInterventionSchemaFor(() => undefined, new Set(["prt_1"]));
    expect(schema.parse({ ...base, protocolID: "prt_1" }).protocolID).toBe("prt_1");
    expect(schema.parse({ ...base, protocolID: "" }).protocolID).toBeUndefined();
    expect(messages(schema.safeParse({ ...base, protocolID: "prt_2" }))).toEqual(["protocolID: caseActions.error.protocolNotInForce"]);
    // While the day's protocols are loading, the server decides.
    expect(addInterventionSchemaFor(() => undefined).parse({ ...base, protocolID: "prt_2" }).protocolID).toBe("prt_2");
  });
});

describe("follow-up", () => {
  it("needs a yes or no", () => {
    expect(messages(followUpSchema.safeParse({ followedUpOn: "", stillHeld: undefined, note: "" }))).toEqual([
      "stillHeld: caseActions.error.stillHeldRequired",
    ]);
    expect(followUpSchema.parse({ followedUpOn: "", stillHeld: "no", note: "" }).stillHeld).toBe(false);
  });
});
