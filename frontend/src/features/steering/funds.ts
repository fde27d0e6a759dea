import type { CombinedError } from "urql";
import { z } from "zod";
import { apiErrors } from "../../api/errors";
import { parseEuroCents } from "../cases/actions/schemas";

// The funds screen's rules: the forms' schemas (amounts typed in euros,
// sent in cents), the years the list offers, and the server's refusals of
// a change put in the user's words.

const euros = (required: string) =>
  z
    .string()
    .trim()
    // abort: an empty amount is missing, not also malformed.
    .min(1, { message: required, abort: true })
    .refine((s) => parseEuroCents(s) !== null, "funds.error.amountInvalid")
    .transform((s) => parseEuroCents(s) as number)
    // The API's ceiling: 100 million euro.
    .refine((c) => c <= 100_000_000_00, "funds.error.amountTooLarge");

const reason = (required: string) => z.string().trim().min(1, required).max(2000, "funds.error.reasonTooLong");

export const fundSchema = z.object({
  name: z.string().trim().min(1, "funds.error.nameRequired").max(200, "funds.error.nameTooLong"),
  year: z
    .string()
    .trim()
    .regex(/^\d{4}$/, "funds.error.yearInvalid")
    .transform(Number)
    .refine((y) => y >= 2014 && y <= 2100, "funds.error.yearInvalid"),
  source: z.string().min(1, "funds.error.sourceRequired"),
  ownerID: z.string().min(1, "funds.error.ownerRequired"),
  municipalityID: z.string(),
  amount: euros("funds.error.amountRequired"),
});
export type FundInput = z.input<typeof fundSchema>;
export type FundValues = z.output<typeof fundSchema>;

export const amendSchema = z.object({
  amount: euros("funds.error.amountRequired"),
  reason: reason("funds.error.amendReasonRequired"),
});
export type AmendInput = z.input<typeof amendSchema>;
export type AmendValues = z.output<typeof amendSchema>;

export const closeSchema = z.object({ reason: reason("funds.error.closeReasonRequired") });
export type CloseValues = z.output<typeof closeSchema>;

/** The years the list filters by: two back and one ahead of this one, newest first. */
export function yearsAround(thisYear: number): number[] {
  return [thisYear + 1, thisYear, thisYear - 1, thisYear - 2];
}

/** The year of the list, from the page's address: a year, or null for all. */
export function yearOf(params: URLSearchParams): number | null {
  const y = Number(params.get("year"));
  return Number.isInteger(y) && y >= 2014 && y <= 2100 ? y : null;
}

/** A message of the catalogue with its values. */
export interface Message {
  id: string;
  values?: Record<string, string>;
}

/**
 * A refused change of a fund in the user's words: below what the fund's
 * interventions committed and spent, the amount it already has, closed
 * meanwhile, or not the viewer's to change. Null when there is no error,
 * or for errors the generic alert tells well enough (network, server).
 * euros formats the cents of what was used, as the server counted them.
 */
export function fundRefusal(error: CombinedError | undefined | null, euros: (cents: number) => string): Message | null {
  for (const e of apiErrors(error)) {
    switch (e.code) {
      case "BAD_USER_INPUT":
        // Told apart by the reason the server gives (and what it counts
        // as used then), not by its English words.
        if (e.field === "allocatedCents" && e.extensions.reason === "BELOW_USED" && typeof e.extensions.usedCents === "number") {
          return { id: "funds.refusal.belowUsed", values: { used: euros(e.extensions.usedCents) } };
        }
        if (e.field === "allocatedCents" && e.extensions.reason === "UNCHANGED") {
          return { id: "funds.refusal.sameAmount" };
        }
        if (e.field === "reason") {
          return { id: "funds.refusal.reason" };
        }
        break;
      case "CONFLICT":
        return { id: "funds.refusal.closed" };
      case "FORBIDDEN":
        return { id: "funds.refusal.forbidden" };
    }
  }
  return null;
}

/** What a fund's interventions used, committed and spent, in cents. */
export function usedCents(use: { committedCents: number; spentCents: number }): number {
  return use.committedCents + use.spentCents;
}
