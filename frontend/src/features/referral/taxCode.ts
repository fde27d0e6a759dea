// The Italian tax code (codice fiscale), checked as the server checks it:
// 16 characters, letters and digits in their places (digits may be
// replaced by the letters L–V, "omocodia"), a month letter, a day of
// birth (plus 40 for women) and the check character.

/** Upper-case, without spaces: the form the server stores. */
export function normalizeTaxCode(value: string): string {
  return value.replace(/\s+/g, "").toUpperCase();
}

const omocodia = "LMNPQRSTUV";
const monthLetters = "ABCDEHLMPRST";
const numericPositions = new Set([6, 7, 9, 10, 12, 13, 14]);
const oddValues = [1, 0, 5, 7, 9, 13, 15, 17, 19, 21, 2, 4, 18, 20, 11, 3, 6, 8, 12, 14, 16, 10, 22, 25, 24, 23];

/** The check character of the first 15 characters of a tax code. */
export function taxCodeCheckChar(first15: string): string {
  let sum = 0;
  for (let i = 0; i < 15; i++) {
    const c = first15.charCodeAt(i);
    const idx = c >= 48 && c <= 57 ? c - 48 : c - 65;
    sum += i % 2 === 0 ? (oddValues[idx] ?? 0) : idx;
  }
  return String.fromCharCode(65 + (sum % 26));
}

export type TaxCodeProblem = "length" | "pattern" | "check";

/** What is wrong with a tax code, or null when it is valid (normalised first). */
export function taxCodeProblem(value: string): TaxCodeProblem | null {
  const code = normalizeTaxCode(value);
  if (code.length !== 16) {
    return "length";
  }
  let digits = "";
  for (let i = 0; i < 16; i++) {
    const c = code.charAt(i);
    if (numericPositions.has(i)) {
      if (/[0-9]/.test(c)) {
        digits += c;
      } else if (omocodia.includes(c)) {
        digits += String(omocodia.indexOf(c));
      } else {
        return "pattern";
      }
    } else if (!/[A-Z]/.test(c)) {
      return "pattern";
    } else {
      digits += c;
    }
  }
  if (!monthLetters.includes(code.charAt(8))) {
    return "pattern";
  }
  const day = Number(digits.slice(9, 11));
  if ((day < 1 || day > 31) && (day < 41 || day > 71)) {
    return "pattern";
  }
  if (taxCodeCheckChar(code.slice(0, 15)) !== code.charAt(15)) {
    return "check";
  }
  return null;
}

/** The catalogue id of the message for a tax code problem. */
export const taxCodeMessage: Record<TaxCodeProblem, string> = {
  length: "referral.error.taxCodeLength",
  pattern: "referral.error.taxCodePattern",
  check: "referral.error.taxCodeCheck",
};
