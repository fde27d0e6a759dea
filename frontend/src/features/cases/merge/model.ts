import type { CombinedError } from "urql";
import { apiErrors } from "../../../api/errors";
import type { MergePersonsInput, MergeSide } from "../../../gql/graphql";
import { searchVars, type SearchVars } from "../../referral/wizard";

// Merging two records of one person (docs/domain.md#merging-duplicate-persons),
// apart from the dialog: the search of the other record, which identity
// fields differ, whose value each takes, the mergePersons input, and what
// a refusal says.

/** The identity fields mergePersons lets the coordinator choose, in the order shown. */
export const mergeFields = ["firstName", "lastName", "taxCode", "birthDate", "birthPlace", "email", "phone", "address", "postalCode", "city"] as const;
export type MergeField = (typeof mergeFields)[number];

/** An identity as the dialog compares it. */
export type MergeIdentity = Record<MergeField, string | null | undefined>;

/** Which record: the one of the page's case ("this") or the one found ("other"). */
export type Which = "this" | "other";

/** The coordinator's choices: the record kept, and whose value each field takes where they differ. */
export interface MergeChoices {
  survivor: Which;
  /** Fields the coordinator chose; the others take the survivor's value. */
  picked: Partial<Record<MergeField, Which>>;
}

export const defaultChoices: MergeChoices = { survivor: "this", picked: {} };

/** A value as compared: no value and an empty one are the same, spaces around do not count. */
function normal(v: string | null | undefined): string {
  return (v ?? "").trim();
}

/** The fields whose values differ between the two identities. */
export function differingFields(a: MergeIdentity, b: MergeIdentity): MergeField[] {
  return mergeFields.filter((f) => normal(a[f]) !== normal(b[f]));
}

/** Whose value a field takes: the one picked, else the survivor's. */
export function sideOf(choices: MergeChoices, field: MergeField): Which {
  return choices.picked[field] ?? choices.survivor;
}

/** The identity the kept record will have. */
export function resultingIdentity(thisOne: MergeIdentity, other: MergeIdentity, choices: MergeChoices): MergeIdentity {
  const out = { ...thisOne };
  for (const f of mergeFields) {
    out[f] = sideOf(choices, f) === "this" ? thisOne[f] : other[f];
  }
  return out;
}

/**
 * The mergePersons input: the kept record and the merged one, and for
 * each field that differs whose value it takes, said explicitly; equal
 * fields are left out (the survivor's, which is the same).
 */
export function mergeInput(thisID: string, otherID: string, differing: readonly MergeField[], choices: MergeChoices): MergePersonsInput {
  const survivorID = choices.survivor === "this" ? thisID : otherID;
  const mergedID = choices.survivor === "this" ? otherID : thisID;
  const input: MergePersonsInput = { survivorID, mergedID };
  for (const f of differing) {
    const side: MergeSide = sideOf(choices, f) === choices.survivor ? "SURVIVOR" : "MERGED";
    input[f] = side;
  }
  return input;
}

/** What findPersonMatches is asked, from the form: a tax code, or a surname, first name and birth date (or both). */
export interface MergeSearch {
  lastName: string;
  firstName: string;
  birthDate: string;
  taxCode: string;
}

/** The search prefilled from this record's identity; the tax code is typed by the coordinator (this record's would find only itself). */
export function searchFrom(identity: Pick<MergeIdentity, "lastName" | "firstName" | "birthDate">): MergeSearch {
  return { lastName: identity.lastName ?? "", firstName: identity.firstName ?? "", birthDate: identity.birthDate ?? "", taxCode: "" };
}

/** The variables of a search, or null when it says too little (neither a tax code nor all of surname, first name and birth date). */
export function mergeSearchVars(s: MergeSearch): SearchVars | null {
  const vars = searchVars(s);
  return Object.keys(vars).length > 0 ? vars : null;
}

/** The matches but the record itself. */
export function otherMatches<M extends { personID: string }>(matches: readonly M[], selfID: string): M[] {
  return matches.filter((m) => m.personID !== selfID);
}

/** A refusal, as the dialog says it: a catalogue message, and the server's own words for details. */
export interface MergeProblem {
  message: string;
  detail?: string;
}

/**
 * The messages of a refused merge: two open cases (CONFLICT), an identity
 * the coordinator does not read or no coordinator (FORBIDDEN), a record
 * gone (NOT_FOUND), one record named twice or a value refused
 * (BAD_USER_INPUT); the rest as every screen says them.
 */
export function mergeProblems(error: CombinedError | undefined | null): MergeProblem[] {
  return apiErrors(error).map((e) => {
    switch (e.code) {
      case "CONFLICT":
        return { message: "cases.merge.error.openCases", detail: e.message };
      case "FORBIDDEN":
        return { message: "cases.merge.error.forbidden", detail: e.message };
      case "NOT_FOUND":
        return { message: "cases.merge.error.notFound", detail: e.message };
      case "BAD_USER_INPUT":
        return { message: e.field === "mergedID" ? "cases.merge.error.sameRecord" : "cases.merge.error.invalid", detail: e.message };
      case "INTERNAL":
      case "NETWORK":
        return { message: `error.${e.code}` };
      default:
        return { message: `error.${e.code}`, detail: e.message };
    }
  });
}
