import { describe, expect, it } from "vitest";
import { changePasswordSchema, maxTokenExpiry, newPasswordSchema, tokenSchema, tokenState } from "./schemas";

const issues = (r: { success: boolean; error?: { issues: { path: PropertyKey[]; message: string }[] } }) =>
  r.success ? [] : (r.error?.issues ?? []).map((i) => `${i.path.join(".")}: ${i.message}`);

describe("new password", () => {
  it("accepts 12 characters typed twice", () => {
    expect(issues(newPasswordSchema.safeParse({ newPassword: "abcdefghijkl", confirmPassword: "abcdefghijkl" }))).toEqual([]);
  });
  it("refuses fewer than 12 characters", () => {
    expect(issues(newPasswordSchema.safeParse({ newPassword: "abcdefghijk", confirmPassword: "abcdefghijk" }))).toEqual([
      "newPassword: account.error.passwordTooShort",
    ]);
  });
  it("puts a different confirmation on the confirmation field", () => {
    expect(issues(newPasswordSchema.safeParse({ newPassword: "abcdefghijkl", confirmPassword: "abcdefghijkL" }))).toEqual([
      "confirmPassword: account.error.passwordMismatch",
    ]);
  });
  it("refuses more than 128 characters, as the server does", () => {
    const long = "a".repeat(129);
    expect(issues(newPasswordSchema.safeParse({ newPassword: long, confirmPassword: long }))).toEqual(["newPassword: account.error.passwordTooLong"]);
  });
  it("asks for the confirmation when it is empty", () => {
    expect(issues(newPasswordSchema.safeParse({ newPassword: "abcdefghijkl", confirmPassword: "" }))).toContain("confirmPassword: account.error.confirmRequired");
  });
});

describe("change of password", () => {
  const ok = { currentPassword: "old-password-1", newPassword: "new-password-12", confirmPassword: "new-password-12", revokeApiTokens: false };
  it("accepts a different new password confirmed", () => {
    expect(issues(changePasswordSchema.safeParse(ok))).toEqual([]);
  });
  it("wants the current password", () => {
    expect(issues(changePasswordSchema.safeParse({ ...ok, currentPassword: "" }))).toEqual(["currentPassword: account.error.currentRequired"]);
  });
  it("refuses the same password again", () => {
    expect(issues(changePasswordSchema.safeParse({ ...ok, currentPassword: "new-password-12" }))).toEqual(["newPassword: account.error.passwordSame"]);
  });
  it("refuses a mismatched confirmation", () => {
    expect(issues(changePasswordSchema.safeParse({ ...ok, confirmPassword: "new-password-13" }))).toEqual(["confirmPassword: account.error.passwordMismatch"]);
  });
});

describe("token expiry", () => {
  const today = "2026-11-25";
  const schema = tokenSchema(today);
  const token = (expiresOn: string) => issues(schema.safeParse({ name: "Export notturno", scope: "READ", expiresOn }));

  it("is at most a year ahead", () => {
    expect(maxTokenExpiry(today)).toBe("2027-11-25");
    expect(token("2027-11-25")).toEqual([]);
    expect(token("2027-11-26")).toEqual(["expiresOn: account.error.expiryTooFar"]);
  });
  it("is after today", () => {
    expect(token("2026-11-26")).toEqual([]);
    expect(token("2026-11-25")).toEqual(["expiresOn: account.error.expiryPast"]);
    expect(token("2026-01-01")).toEqual(["expiresOn: account.error.expiryPast"]);
  });
  it("is a date", () => {
    expect(token("")).toEqual(["expiresOn: account.error.expiryRequired"]);
  });
  it("wants a name and a known scope", () => {
    expect(issues(schema.safeParse({ name: "  ", scope: "ADMIN", expiresOn: "2027-01-01" }))).toEqual([
      "name: account.error.tokenNameRequired",
      "scope: account.error.scopeRequired",
    ]);
  });
  it("expires at most a year ahead, across leap days", () => {
    expect(maxTokenExpiry("2028-02-29")).toBe("2029-03-01");
  });
});

describe("token state", () => {
  const now = new Date("2026-11-25T10:00:00Z");
  it("says revoked first, then expired, else active", () => {
    expect(tokenState({ revokedAt: "2026-11-01T00:00:00Z", expiresAt: "2027-01-01T00:00:00Z" }, now)).toBe("REVOKED");
    expect(tokenState({ revokedAt: null, expiresAt: "2026-11-25T09:59:59Z" }, now)).toBe("EXPIRED");
    expect(tokenState({ revokedAt: null, expiresAt: "2026-11-25T10:00:01Z" }, now)).toBe("ACTIVE");
  });
});
