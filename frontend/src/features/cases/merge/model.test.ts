import { GraphQLError } from "graphql";
import { CombinedError } from "urql";
import { describe, expect, it } from "vitest";
import { defaultChoices, differingFields, mergeInput, mergeProblems, mergeSearchVars, otherMatches, resultingIdentity, searchFrom, type MergeIdentity } from "./model";

const maria: MergeIdentity = {
  firstName: "Maria",
  lastName: "Rossi",
  taxCode: null,
  birthDate: "1980-01-31",
  birthPlace: "Empoli",
  email: "",
  phone: "0571 000000",
  address: "Via Roma 1",
  postalCode: "50053",
  city: "Empoli",
};
const again: MergeIdentity = { ...maria, taxCode: "RSSMRA80A71D403X", phone: " 0571 000000 ", email: null, address: "Via Verdi 2" };

function refused(code: string, message: string, field?: string) {
  return new CombinedError({ graphQLErrors: [new GraphQLError(message, { extensions: { code, ...(field && { field }) } })] });
}

describe("the merge of two records", () => {
  it("finds the fields that differ, no value and an empty one or spaces around being the same", () => {
    expect(differingFields(maria, again)).toEqual(["taxCode", "address"]);
    expect(differingFields(maria, { ...maria })).toEqual([]);
  });

  it("keeps this record by default, every differing field with the survivor's value, said explicitly", () => {
    expect(mergeInput("per_this", "per_other", ["taxCode", "address"], defaultChoices)).toEqual({
      survivorID: "per_this",
      mergedID: "per_other",
      taxCode: "SURVIVOR",
      address: "SURVIVOR",
    });
    expect(resultingIdentity(maria, again, defaultChoices)).toEqual(maria);
  });

  it("takes a field from the other record when chosen", () => {
    const choices = { survivor: "this" as const, picked: { taxCode: "other" as const } };
    expect(mergeInput("per_this", "per_other", ["taxCode", "address"], choices)).toEqual({
      survivorID: "per_this",
      mergedID: "per_other",
      taxCode: "MERGED",
      address: "SURVIVOR",
    });
    expect(resultingIdentity(maria, again, choices)).toMatchObject({ taxCode: "RSSMRA80A71D403X", address: "Via Roma 1" });
  });

  it("keeps the other record when chosen: the fields not chosen follow it, those chosen keep their value", () => {
    const choices = { survivor: "other" as const, picked: { address: "this" as const } };
    expect(mergeInput("per_this", "per_other", ["taxCode", "address"], choices)).toEqual({
      survivorID: "per_other",
      mergedID: "per_this",
      taxCode: "SURVIVOR",
      address: "MERGED",
    });
    expect(resultingIdentity(maria, again, choices)).toMatchObject({ taxCode: "RSSMRA80A71D403X", address: "Via Roma 1" });
  });

  it("searches by this record's name and birth date, or a tax code typed, and never by too little", () => {
    const s = searchFrom(maria);
    expect(s).toEqual({ lastName: "Rossi", firstName: "Maria", birthDate: "1980-01-31", taxCode: "" });
    expect(mergeSearchVars(s)).toEqual({ lastName: "Rossi", firstName: "Maria", birthDate: "1980-01-31" });
    expect(mergeSearchVars({ lastName: "", firstName: "", birthDate: "", taxCode: " rssmra80a71d403x" })).toEqual({ taxCode: "RSSMRA80A71D403X" });
    expect(mergeSearchVars({ ...s, firstName: " " })).toBeNull();
  });

  it("lists the matches but the record itself", () => {
    expect(otherMatches([{ personID: "per_this" }, { personID: "per_other" }], "per_this")).toEqual([{ personID: "per_other" }]);
  });

  it("says each refusal in the dialog's words, with the server's for details", () => {
    expect(mergeProblems(refused("CONFLICT", "both records have an open case"))).toEqual([{ message: "cases.merge.error.openCases", detail: "both records have an open case" }]);
    expect(mergeProblems(refused("FORBIDDEN", "you do not read the identity"))[0]?.message).toBe("cases.merge.error.forbidden");
    expect(mergeProblems(refused("NOT_FOUND", "not found"))[0]?.message).toBe("cases.merge.error.notFound");
    expect(mergeProblems(refused("BAD_USER_INPUT", "is the record to keep", "mergedID"))[0]?.message).toBe("cases.merge.error.sameRecord");
    expect(mergeProblems(refused("BAD_USER_INPUT", "give a tax code", "taxCode"))[0]?.message).toBe("cases.merge.error.invalid");
    expect(mergeProblems(refused("INTERNAL", "database on fire"))).toEqual([{ message: "error.INTERNAL" }]);
    expect(mergeProblems(new CombinedError({ networkError: new Error("offline") }))).toEqual([{ message: "error.NETWORK" }]);
    expect(mergeProblems(undefined)).toEqual([]);
  });
});
