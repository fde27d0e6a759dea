import { describe, expect, it } from "vitest";
import { enumValues } from "./enums";

describe("enum values", () => {
  it("come in the schema's order, not the alphabet's", () => {
    expect(enumValues("InterventionStatus")).toEqual(["PLANNED", "ONGOING", "COMPLETED", "INTERRUPTED"]);
    expect(enumValues("CaseStatus")[0]).toBe("REFERRED");
  });

  it("refuse an enum the schema does not have", () => {
    expect(() => enumValues("NoSuchEnum")).toThrow();
  });
});
