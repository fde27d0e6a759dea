import { describe, expect, it } from "vitest";
import { emptyNewPerson, newPersonSchema, referralSchema, searchSchema } from "./schemas";
import { normalizeTaxCode, taxCodeCheckChar, taxCodeProblem } from "./taxCode";
import { canCreateNew, canLink, newPersonInput, referInput, searchVars, stepOfField, unseenMatches, type Match } from "./wizard";

const issues = (r: { success: boolean; error?: { issues: { path: PropertyKey[]; message: string }[] } }) =>
  r.success ? [] : (r.error?.issues ?? []).map((i) => `${i.path.join(".")}: ${i.message}`);

describe("tax code", () => {
  it("accepts a valid code in any case and with spaces", () => {
    expect(taxCodeProblem("RSSMRA80A01H501U")).toBeNull();
    expect(taxCodeProblem(" fbbfnc82e56g273m ")).toBeNull();
    expect(taxCodeProblem("FBB FNC 82E56 G273M")).toBeNull();
    expect(normalizeTaxCode(" fbb fnc82e56g273m")).toBe("FBBFNC82E56G273M");
  });
  it("accepts omocodia letters in the digit places", () => {
    // RSSMRA80A01H501U with the last digit of the town code, 1, written M.
    const first15 = "RSSMRA80A01H50M";
    expect(taxCodeProblem(first15 + taxCodeCheckChar(first15))).toBeNull();
  });
  it("says what is wrong", () => {
    expect(taxCodeProblem("RSSMRA80A01H501")).toBe("length");
    expect(taxCodeProblem("RSSMRA80A01H501UX")).toBe("length");
    expect(taxCodeProblem("RSSMRA8XA01H501U")).toBe("pattern");
    expect(taxCodeProblem("RSSMRA80Z01H501U")).toBe("pattern"); // no month Z
    expect(taxCodeProblem("RSSMRA80A35H501U")).toBe("pattern"); // no day 35
    expect(taxCodeProblem("RSSMRA80A01H501X")).toBe("check");
  });
  it("computes the check character as the demo data does", () => {
    expect(taxCodeCheckChar("BRTGLI78B54D403")).toBe("D");
    expect(taxCodeCheckChar("BNCNTN83D15D403")).toBe("Q");
  });
});

describe("search", () => {
  const schema = searchSchema("2026-11-25");
  const empty = { taxCode: "", lastName: "", firstName: "", birthDate: "" };
  it("needs a tax code or names and birth date, saying which field is missing", () => {
    expect(issues(schema.safeParse(empty))).toEqual([
      "lastName: referral.error.searchLastName",
      "firstName: referral.error.searchFirstName",
      "birthDate: referral.error.searchBirthDate",
    ]);
    expect(issues(schema.safeParse({ ...empty, lastName: "Rossi", firstName: "Mario", birthDate: "1980-01-01" }))).toEqual([]);
  });
  it("checks a tax code and ignores the names then", () => {
    expect(issues(schema.safeParse({ ...empty, taxCode: "rssmra80a01h501u" }))).toEqual([]);
    expect(issues(schema.safeParse({ ...empty, taxCode: "RSSMRA80A01H501X" }))).toEqual(["taxCode: referral.error.taxCodeCheck"]);
  });
  it("refuses a birth date in the future", () => {
    expect(issues(schema.safeParse({ ...empty, lastName: "Rossi", firstName: "Mario", birthDate: "2026-11-26" }))).toEqual([
      "birthDate: referral.error.birthDateFuture",
    ]);
  });
  it("asks by tax code, upper-cased, and by names when given", () => {
    expect(searchVars({ ...empty, taxCode: " rssmra80a01h501u" })).toEqual({ taxCode: "RSSMRA80A01H501U" });
    expect(searchVars({ ...empty, lastName: " Rossi ", firstName: "Mario", birthDate: "1980-01-01" })).toEqual({
      lastName: "Rossi",
      firstName: "Mario",
      birthDate: "1980-01-01",
    });
  });
});

const byName: Match = { personID: "per_1", pseudonym: "P-1", birthYear: 1980, reasons: ["NAME_AND_BIRTH_DATE"] };
const byTaxCode: Match = { personID: "per_2", pseudonym: "P-2", birthYear: 1980, reasons: ["TAX_CODE"] };
const withCase: Match = { ...byName, personID: "per_3", openCaseID: "cas_1", openCaseCode: "EMP-2026-0001", openCaseTable: "Empoli" };
const person = { ...emptyNewPerson, lastName: " Rossi ", firstName: "Mario", birthDate: "1980-01-01", gender: "MALE", citizenshipArea: "ITALY", taxCode: "rssmra80a01h501u", householdSize: "3" };
const referral = { tableID: "tab_1", reason: " Sfratto ", needAreas: ["HOUSING"], priority: "HIGH", channel: "EMPLOYMENT_CENTRE", referredOn: "2026-11-25", consentGiven: false, consentOn: "2026-11-25" };

describe("the person chosen", () => {
  it("links only persons without an open case", () => {
    expect(canLink(byName)).toBe(true);
    expect(canLink(withCase)).toBe(false);
  });
  it("never creates a person whose tax code is known", () => {
    expect(canCreateNew([])).toBe(true);
    expect(canCreateNew([byName])).toBe(true);
    expect(canCreateNew([byName, byTaxCode])).toBe(false);
  });
  it("sets notADuplicate only when matches were shown and a new person is created anyway", () => {
    expect(newPersonInput(person, []).notADuplicate).toBeUndefined();
    expect(newPersonInput(person, [byName]).notADuplicate).toBe(true);
    const identifiers = { lastName: "Rossi", firstName: "Mario", birthDate: "1980-01-01" };
    const linked = referInput({ kind: "existing", match: byName, identifiers }, referral);
    expect(linked.personID).toBe("per_1");
    expect(linked.personIdentifiers).toEqual(identifiers);
    expect(linked.newPerson).toBeUndefined();
    const created = referInput({ kind: "new", person, matches: [byName] }, referral);
    expect(created.personID).toBeUndefined();
    expect(created.personIdentifiers).toBeUndefined();
    expect(created.newPerson).toMatchObject({ lastName: "Rossi", taxCode: "RSSMRA80A01H501U", householdSize: 3, notADuplicate: true });
  });
  it("finds the matches a recheck adds", () => {
    expect(unseenMatches([byName], [byName])).toEqual([]);
    expect(unseenMatches([byName], [byName, withCase])).toEqual([withCase]);
  });
  it("validates a new person", () => {
    const schema = newPersonSchema("2026-11-25");
    expect(issues(schema.safeParse(person))).toEqual([]);
    expect(issues(schema.safeParse({ ...person, gender: "", postalCode: "5005", householdSize: "0" }))).toEqual([
      "gender: referral.error.genderRequired",
      "householdSize: referral.error.householdSize",
      "postalCode: referral.error.postalCode",
    ]);
  });
});

describe("the referral", () => {
  const schema = referralSchema("2026-11-25");
  it("needs a table, a channel, a reason and at least one need area", () => {
    expect(issues(schema.safeParse({ ...referral, tableID: "", channel: "", reason: " ", needAreas: [] }))).toEqual([
      "tableID: referral.error.tableRequired",
      "reason: referral.error.reasonRequired",
      "needAreas: referral.error.needAreasRequired",
      "channel: referral.error.channelRequired",
    ]);
  });
  it("refuses dates in the future and needs the consent's date when consent is given", () => {
    expect(issues(schema.safeParse({ ...referral, referredOn: "2026-11-26", consentGiven: true, consentOn: "" }))).toEqual([
      "referredOn: referral.error.referredOnFuture",
      "consentOn: referral.error.consentOnRequired",
    ]);
  });
  it("sends the consent's date only when consent is given", () => {
    const choice = { kind: "existing" as const, match: byName, identifiers: { taxCode: "RSSMRA80A01H501U" } };
    expect(referInput(choice, referral).consentGivenAt).toBeUndefined();
    expect(referInput(choice, { ...referral, consentGiven: true }).consentGivenAt).toBe("2026-11-24T23:00:00.000Z");
    expect(referInput(choice, referral)).toMatchObject({ reason: "Sfratto", priority: "HIGH", channel: "EMPLOYMENT_CENTRE", referredOn: "2026-11-25" });
  });
  it("puts a server error on the step of its field", () => {
    expect(stepOfField("newPerson.taxCode")).toBe("person");
    expect(stepOfField("taxCode")).toBe("person");
    expect(stepOfField("input.reason")).toBe("referral");
    expect(stepOfField("somethingElse")).toBeNull();
    expect(stepOfField(undefined)).toBeNull();
  });
});
