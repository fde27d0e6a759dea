import { describe, expect, it } from "vitest";
import { safeNext } from "../session/SignIn";
import { signInPath } from "./client";

describe("returning after sign-in", () => {
  it("remembers the page and says the session expired", () => {
    expect(signInPath("/cases/cas_1?tab=plan", true)).toBe("/login?next=%2Fcases%2Fcas_1%3Ftab%3Dplan&expired=1");
    expect(signInPath("/", false)).toBe("/login");
  });

  it("goes back only to a page of this app", () => {
    expect(safeNext("/cases/cas_1")).toBe("/cases/cas_1");
    expect(safeNext("//evil.example/x")).toBe("/");
    expect(safeNext("https://evil.example")).toBe("/");
    expect(safeNext("/login?next=/x")).toBe("/");
    expect(safeNext(null)).toBe("/");
    // Browsers read a backslash as a slash and drop tabs and newlines.
    for (const escape of ["/\\evil.example", "/\\\\evil.example", "/\t/evil.example", "/\n/evil.example", "/\r\n/evil.example", "\t//evil.example", "/\t\\evil.example"]) {
      expect(safeNext(escape)).toBe("/");
    }
    expect(safeNext("/cases?status=OPEN#plan")).toBe("/cases?status=OPEN#plan");
  });
});
