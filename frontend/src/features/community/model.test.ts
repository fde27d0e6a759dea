import { describe, expect, it } from "vitest";
import { activitySchema, activityWhere, defaultActivityFilter, NETWORK, organizerChanges } from "./model";

describe("the community activities' filter and form", () => {
  it("runs from 1 January to today, the end the day after", () => {
    const f = defaultActivityFilter("2026-03-15");
    expect(activityWhere(f)).toEqual({ heldOnGTE: "2026-01-01", heldOnLT: "2026-03-16" });
  });

  it("filters by municipality, by those across the network, by kind and value dimension", () => {
    const f = { ...defaultActivityFilter("2026-03-15"), municipality: "mun_1", kind: "EVENT" as const, valueDimension: "SOCIAL" as const };
    expect(activityWhere(f)).toMatchObject({ hasMunicipalityWith: [{ id: "mun_1" }], kind: "EVENT", valueDimension: "SOCIAL" });
    expect(activityWhere({ ...f, municipality: NETWORK })).toMatchObject({ hasMunicipality: false });
    expect(activityWhere({ ...f, from: "", to: "bogus" })).not.toHaveProperty("heldOnGTE");
  });

  it("wants at least one organiser and a count of participants", () => {
    const base = {
      title: "Laboratorio",
      kind: "WORKSHOP",
      heldOn: "2026-02-01",
      municipalityID: "",
      organizerIDs: [],
      participants: "",
      valueDimension: "SOCIAL",
      protocolID: "",
      directiveID: "",
      description: "",
    };
    const r = activitySchema.safeParse(base);
    expect(r.error?.issues.map((i) => i.message).sort()).toEqual(["community.error.organizersRequired", "community.error.participantsRequired"]);
    expect(activitySchema.safeParse({ ...base, organizerIDs: ["org_1"], participants: "12" }).success).toBe(true);
  });

  it("edits the organisers by what was added and removed", () => {
    expect(organizerChanges(["a", "b"], ["b", "c"])).toEqual({ add: ["c"], remove: ["a"] });
  });
});
