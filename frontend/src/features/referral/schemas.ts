import { z } from "zod";
import { normalizeTaxCode, taxCodeMessage, taxCodeProblem } from "./taxCode";

// Validation of the referral wizard's forms; messages are catalogue ids.
// Dates are the YYYY-MM-DD of <input type="date">.

const isDay = (d: string) => /^\d{4}-\d{2}-\d{2}$/.test(d);

/** A tax code field: empty, or a valid codice fiscale (any case, spaces ignored). */
function checkTaxCode(value: string, ctx: z.RefinementCtx, path: string) {
  if (value.trim() === "") {
    return;
  }
  const problem = taxCodeProblem(value);
  if (problem) {
    ctx.addIssue({ code: "custom", path: [path], message: taxCodeMessage[problem] });
  }
}

/** A day not after today (today as YYYY-MM-DD). */
function notFuture(value: string, today: string, ctx: z.RefinementCtx, path: string, message: string) {
  if (isDay(value) && value > today) {
    ctx.addIssue({ code: "custom", path: [path], message });
  }
}

/** Step 1's search: a tax code, or surname, first name and birth date. */
export function searchSchema(today: string) {
  return z
    .object({
      taxCode: z.string(),
      lastName: z.string(),
      firstName: z.string(),
      birthDate: z.string(),
    })
    .superRefine((v, ctx) => {
      if (v.taxCode.trim() !== "") {
        checkTaxCode(v.taxCode, ctx, "taxCode");
        return;
      }
      if (v.lastName.trim() === "") {
        ctx.addIssue({ code: "custom", path: ["lastName"], message: "referral.error.searchLastName" });
      }
      if (v.firstName.trim() === "") {
        ctx.addIssue({ code: "custom", path: ["firstName"], message: "referral.error.searchFirstName" });
      }
      if (!isDay(v.birthDate)) {
        ctx.addIssue({ code: "custom", path: ["birthDate"], message: "referral.error.searchBirthDate" });
      }
      notFuture(v.birthDate, today, ctx, "birthDate", "referral.error.birthDateFuture");
    });
}
export type SearchForm = z.infer<ReturnType<typeof searchSchema>>;

/** A new person's record. */
export function newPersonSchema(today: string) {
  return z
    .object({
      lastName: z.string().trim().min(1, "referral.error.lastNameRequired"),
      firstName: z.string().trim().min(1, "referral.error.firstNameRequired"),
      taxCode: z.string(),
      birthDate: z.string().regex(/^\d{4}-\d{2}-\d{2}$/, "referral.error.birthDateRequired"),
      birthPlace: z.string(),
      gender: z.string().min(1, "referral.error.genderRequired"),
      citizenshipArea: z.string().min(1, "referral.error.citizenshipRequired"),
      householdSize: z.string().regex(/^(|[1-9]|1[0-9]|20)$/, "referral.error.householdSize"),
      municipalityID: z.string(),
      email: z.union([z.literal(""), z.string().trim().email("referral.error.emailInvalid")]),
      phone: z.string().regex(/^[0-9+()\s./-]*$/, "referral.error.phoneInvalid"),
      address: z.string(),
      postalCode: z.string().regex(/^(|\d{5})$/, "referral.error.postalCode"),
      city: z.string(),
      /** Ticked when known persons matched and the user says this is someone else. */
      confirmDifferent: z.boolean(),
    })
    .superRefine((v, ctx) => {
      checkTaxCode(v.taxCode, ctx, "taxCode");
      notFuture(v.birthDate, today, ctx, "birthDate", "referral.error.birthDateFuture");
    });
}
export type NewPersonForm = z.infer<ReturnType<typeof newPersonSchema>>;

export const emptyNewPerson: NewPersonForm = {
  lastName: "",
  firstName: "",
  taxCode: "",
  birthDate: "",
  birthPlace: "",
  gender: "",
  citizenshipArea: "",
  householdSize: "",
  municipalityID: "",
  email: "",
  phone: "",
  address: "",
  postalCode: "",
  city: "",
  confirmDifferent: false,
};

/** Step 2: the referral itself. */
export function referralSchema(today: string) {
  return z
    .object({
      tableID: z.string().min(1, "referral.error.tableRequired"),
      reason: z.string().trim().min(1, "referral.error.reasonRequired"),
      needAreas: z.array(z.string()).min(1, "referral.error.needAreasRequired"),
      priority: z.string().min(1),
      channel: z.string().min(1, "referral.error.channelRequired"),
      referredOn: z.string().regex(/^\d{4}-\d{2}-\d{2}$/, "referral.error.referredOnRequired"),
      consentGiven: z.boolean(),
      consentOn: z.string(),
    })
    .superRefine((v, ctx) => {
      notFuture(v.referredOn, today, ctx, "referredOn", "referral.error.referredOnFuture");
      if (v.consentGiven) {
        if (!isDay(v.consentOn)) {
          ctx.addIssue({ code: "custom", path: ["consentOn"], message: "referral.error.consentOnRequired" });
        }
        notFuture(v.consentOn, today, ctx, "consentOn", "referral.error.consentOnFuture");
      }
    });
}
export type ReferralForm = z.infer<ReturnType<typeof referralSchema>>;

export { normalizeTaxCode };
