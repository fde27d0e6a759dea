import { describe, expect, it } from "vitest";
import { amendmentSchema, amendmentText, newestFirst, seatSchema, signatorySchema, unseatedBodies, unsignedBodies } from "./model";

describe("the pact's rules", () => {
  it("offers to sign only the bodies not taking part now; one that left may sign again", () => {
    const all = [{ value: "a" }, { value: "b" }, { value: "c" }];
    const signed = [
      { organization: { id: "a" }, leftOn: null },
      { organization: { id: "b" }, leftOn: "2025-03-01" },
    ];
    expect(unsignedBodies(all, signed).map((o) => o.value)).toEqual(["b", "c"]);
  });

  it("offers a seat only to the bodies holding none now; one whose seat ended may sit again", () => {
    const all = [{ value: "a" }, { value: "b" }, { value: "c" }];
    const seats = [
      { organization: { id: "a" }, untilOn: null },
      { organization: { id: "b" }, untilOn: "2025-03-01" },
    ];
    expect(unseatedBodies(all, seats).map((o) => o.value)).toEqual(["b", "c"]);
  });

  it("refuses a seat starting in the future", () => {
    const seat = { organizationID: "a", role: "MEMBER", representativeID: "", fromOn: "2026-03-02" };
    expect(seatSchema("2026-03-01").safeParse(seat).success).toBe(false);
    expect(seatSchema("2026-03-02").safeParse(seat).success).toBe(true);
  });

  it("lists amendments newest first, by date then by when recorded", () => {
    const list = [
      { id: "1", amendedOn: "2025-01-10", recordedAt: "2025-01-11T10:00:00Z" },
      { id: "2", amendedOn: "2025-06-01", recordedAt: "2025-06-02T10:00:00Z" },
      { id: "3", amendedOn: "2025-06-01", recordedAt: "2025-06-03T10:00:00Z" },
    ];
    expect(newestFirst(list).map((a) => a.id)).toEqual(["3", "2", "1"]);
    expect(list.map((a) => a.id)).toEqual(["1", "2", "3"]);
  });

  it("sends a new text only when asked for and changed", () => {
    expect(amendmentText({ changeText: false, text: "nuovo" }, "vecchio")).toBeUndefined();
    expect(amendmentText({ changeText: true, text: " vecchio " }, "vecchio")).toBeUndefined();
    expect(amendmentText({ changeText: true, text: "nuovo " }, "vecchio")).toBe("nuovo");
  });

  it("asks for the body, the date and who signed", () => {
    const r = signatorySchema.safeParse({ organizationID: "", role: "ADHERENT", joinedOn: "", signerName: " ", signerRole: "" });
    expect(r.success).toBe(false);
    expect(r.error?.issues.map((i) => i.message).sort()).toEqual(["pact.error.dateRequired", "pact.error.organizationRequired", "pact.error.signerRequired"]);
    expect(amendmentSchema.safeParse({ amendedOn: "2025-01-01", summary: "x", changeText: false, text: "" }).success).toBe(true);
  });
});
