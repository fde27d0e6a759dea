import { z } from "zod";
import { addYears, isDay } from "../../i18n/calendar";

// Validation of the account forms; messages are catalogue ids.

/** The server's lengths: 12 to 128 characters (the other rules are checked there). */
export const minPasswordLength = 12;
export const maxPasswordLength = 128;

const newPassword = z.string().min(minPasswordLength, "account.error.passwordTooShort").max(maxPasswordLength, "account.error.passwordTooLong");

/** A new password typed twice: the confirmation must repeat it. */
export const newPasswordSchema = z
  .object({
    newPassword,
    confirmPassword: z.string().min(1, "account.error.confirmRequired"),
  })
  .refine((v) => v.newPassword === v.confirmPassword, { path: ["confirmPassword"], message: "account.error.passwordMismatch" });
export type NewPasswordForm = z.infer<typeof newPasswordSchema>;

/** The viewer's change of password: the current one, a different new one twice, and whether to revoke the API tokens too. */
export const changePasswordSchema = z
  .object({
    currentPassword: z.string().min(1, "account.error.currentRequired"),
    newPassword,
    confirmPassword: z.string().min(1, "account.error.confirmRequired"),
    revokeApiTokens: z.boolean(),
  })
  .refine((v) => v.newPassword === v.confirmPassword, { path: ["confirmPassword"], message: "account.error.passwordMismatch" })
  .refine((v) => v.currentPassword === "" || v.newPassword !== v.currentPassword, { path: ["newPassword"], message: "account.error.passwordSame" });
export type ChangePasswordForm = z.infer<typeof changePasswordSchema>;

/** The last day a token created on `today` may expire: a year ahead, as the server allows. */
export function maxTokenExpiry(today: string): string {
  return addYears(today, 1);
}

/** A new API token: a name, a scope and an expiry from tomorrow up to a year ahead of `today`. */
export function tokenSchema(today: string) {
  const max = maxTokenExpiry(today);
  return z.object({
    name: z.string().trim().min(1, "account.error.tokenNameRequired").max(100, "account.error.tokenNameTooLong"),
    scope: z.enum(["READ", "READ_WRITE"], { message: "account.error.scopeRequired" }),
    expiresOn: z
      .string()
      .regex(/^\d{4}-\d{2}-\d{2}$/, "account.error.expiryRequired")
      .refine((d) => !isDay(d) || d > today, "account.error.expiryPast")
      .refine((d) => !isDay(d) || d <= max, "account.error.expiryTooFar"),
  });
}
export type TokenForm = z.infer<ReturnType<typeof tokenSchema>>;

/** A token's state, said in words: revoked, expired or active. */
export function tokenState(token: { revokedAt?: string | null; expiresAt: string }, now: Date = new Date()): "REVOKED" | "EXPIRED" | "ACTIVE" {
  if (token.revokedAt) {
    return "REVOKED";
  }
  return new Date(token.expiresAt) <= now ? "EXPIRED" : "ACTIVE";
}
