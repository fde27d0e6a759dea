import { describe, expect, it } from "vitest";
import { followUpIsDue } from "./parts";

describe("followUpIsDue", () => {
  it("is due from its day on, until recorded", () => {
    expect(followUpIsDue({ followUpDueOn: "2026-06-10", followedUpOn: null }, "2026-06-09")).toBe(false);
    expect(followUpIsDue({ followUpDueOn: "2026-06-10", followedUpOn: null }, "2026-06-10")).toBe(true);
    expect(followUpIsDue({ followUpDueOn: "2026-06-10", followedUpOn: null }, "2026-12-01")).toBe(true);
    expect(followUpIsDue({ followUpDueOn: "2026-06-10", followedUpOn: "2026-06-12" }, "2026-12-01")).toBe(false);
  });
  it("is never due for an outcome without a follow-up", () => {
    expect(followUpIsDue({ followUpDueOn: null }, "2026-12-01")).toBe(false);
  });
});
