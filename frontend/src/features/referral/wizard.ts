import type { CasePriority, NeedArea, NewPersonInput, PersonCitizenshipArea, PersonGender, PersonIdentifiersInput, PersonMatchReason, ReferCaseInput, ReferralChannel } from "../../gql/graphql";
import { romeDayStart } from "../../i18n/format";
import type { NewPersonForm, ReferralForm, SearchForm } from "./schemas";
import { normalizeTaxCode } from "./taxCode";

// The wizard's logic, apart from its screens: the steps, who the person
// is (a known one or a new one), and the referCase input.

export const steps = ["person", "referral", "summary"] as const;
export type Step = (typeof steps)[number];

/** What findPersonMatches returns, as the wizard uses it. */
export interface Match {
  personID: string;
  pseudonym: string;
  birthYear: number;
  reasons: PersonMatchReason[];
  openCaseID?: string | null;
  openCaseCode?: string | null;
  openCaseTable?: string | null;
}

/**
 * The person of the referral: one WIN knows, with the identifiers the search
 * found them by (the server checks them again before linking), or one to record.
 */
export type PersonChoice = { kind: "existing"; match: Match; identifiers: PersonIdentifiersInput } | { kind: "new"; person: NewPersonForm; matches: Match[] };

/** The findPersonMatches variables of a search (a tax code wins over names). */
export interface SearchVars {
  taxCode?: string;
  lastName?: string;
  firstName?: string;
  birthDate?: string;
}

export function searchVars(v: Pick<SearchForm, "taxCode" | "lastName" | "firstName" | "birthDate">): SearchVars {
  const out: SearchVars = {};
  const taxCode = normalizeTaxCode(v.taxCode);
  if (taxCode) {
    out.taxCode = taxCode;
  }
  if (v.lastName.trim() && v.firstName.trim() && /^\d{4}-\d{2}-\d{2}$/.test(v.birthDate)) {
    out.lastName = v.lastName.trim();
    out.firstName = v.firstName.trim();
    out.birthDate = v.birthDate;
  }
  return out;
}

/** Whether two searches ask the same thing (so their matches are the same). */
export function sameSearch(a: SearchVars | null, b: SearchVars | null): boolean {
  return JSON.stringify(a ?? null) === JSON.stringify(b ?? null);
}

/** A person with an open case cannot be referred again: their case goes on. */
export function canLink(m: Match): boolean {
  return !m.openCaseID;
}

/** A tax-code match is the same person for certain: no new person then. */
export function canCreateNew(matches: readonly Match[]): boolean {
  return !matches.some((m) => m.reasons.includes("TAX_CODE"));
}

/** Creating a person after matches were shown needs the user's word that it is someone else. */
export function needsConfirmation(matches: readonly Match[]): boolean {
  return matches.length > 0;
}

/** The persons matched on a recheck the user has not seen yet. */
export function unseenMatches(seen: readonly Match[], found: readonly Match[]): Match[] {
  const ids = new Set(seen.map((m) => m.personID));
  return found.filter((m) => !ids.has(m.personID));
}

const opt = (s: string) => (s.trim() === "" ? undefined : s.trim());

/** A new person's input; notADuplicate only when matches were shown and the user went on. */
export function newPersonInput(p: NewPersonForm, matches: readonly Match[]): NewPersonInput {
  const input: NewPersonInput = {
    lastName: p.lastName.trim(),
    firstName: p.firstName.trim(),
    birthDate: p.birthDate,
    gender: p.gender as PersonGender,
    citizenshipArea: p.citizenshipArea as PersonCitizenshipArea,
  };
  const taxCode = normalizeTaxCode(p.taxCode);
  if (taxCode) {
    input.taxCode = taxCode;
  }
  const extra = { birthPlace: opt(p.birthPlace), email: opt(p.email), phone: opt(p.phone), address: opt(p.address), postalCode: opt(p.postalCode), city: opt(p.city) };
  for (const [k, v] of Object.entries(extra)) {
    if (v !== undefined) {
      (input as Record<string, unknown>)[k] = v;
    }
  }
  if (p.householdSize !== "") {
    input.householdSize = Number(p.householdSize);
  }
  if (p.municipalityID !== "") {
    input.municipalityID = p.municipalityID;
  }
  if (needsConfirmation(matches)) {
    input.notADuplicate = true;
  }
  return input;
}

/** The referCase input of the wizard's answers. */
export function referInput(choice: PersonChoice, r: ReferralForm): ReferCaseInput {
  const input: ReferCaseInput = {
    tableID: r.tableID,
    reason: r.reason.trim(),
    needAreas: r.needAreas as NeedArea[],
    priority: r.priority as CasePriority,
    channel: r.channel as ReferralChannel,
    referredOn: r.referredOn,
  };
  if (r.consentGiven && r.consentOn) {
    input.consentGivenAt = romeDayStart(r.consentOn);
  }
  if (choice.kind === "existing") {
    input.personID = choice.match.personID;
    input.personIdentifiers = choice.identifiers;
  } else {
    input.newPerson = newPersonInput(choice.person, choice.matches);
  }
  return input;
}

/** The API's field names to the forms' fields, for BAD_USER_INPUT errors. */
export const personServerFields: Record<string, keyof NewPersonForm> = Object.fromEntries(
  ["lastName", "firstName", "taxCode", "birthDate", "birthPlace", "gender", "citizenshipArea", "householdSize", "municipalityID", "email", "phone", "address", "postalCode", "city"].flatMap(
    (f) => [
      [`newPerson.${f}`, f],
      [`input.newPerson.${f}`, f],
    ],
  ),
) as Record<string, keyof NewPersonForm>;
// The tax code's own check names the field without its parent.
personServerFields.taxCode = "taxCode";

export const referralServerFields: Record<string, keyof ReferralForm> = {
  tableID: "tableID",
  reason: "reason",
  needAreas: "needAreas",
  priority: "priority",
  channel: "channel",
  referredOn: "referredOn",
  consentGivenAt: "consentOn",
  "input.tableID": "tableID",
  "input.reason": "reason",
  "input.needAreas": "needAreas",
  "input.priority": "priority",
  "input.channel": "channel",
  "input.referredOn": "referredOn",
  "input.consentGivenAt": "consentOn",
};

/** Which step a server field error belongs to. */
export function stepOfField(field: string | undefined): Step | null {
  if (!field) {
    return null;
  }
  const f = field.replace(/^input\./, "");
  if (f.startsWith("newPerson.") || f === "personID" || f === "taxCode") {
    return "person";
  }
  return f in referralServerFields ? "referral" : null;
}
