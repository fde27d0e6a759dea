import { describe, expect, it } from "vitest";
import { cacheOptions } from "./cache";

describe("the cache's configuration from the schema", () => {
  it("embeds objects without an id and normalises the others", () => {
    expect(cacheOptions.keys?.Agenda).toBeDefined();
    expect(cacheOptions.keys?.CaseConnection).toBeDefined();
    expect(cacheOptions.keys?.IndicatorResult).toBeDefined();
    expect(cacheOptions.keys?.Case).toBeUndefined();
  });

  it("merges pages of root lists, agenda lists and a protocol's interventions", () => {
    expect(Object.keys(cacheOptions.resolvers?.Query ?? {})).toEqual(expect.arrayContaining(["cases", "auditEvents", "organizations"]));
    expect(Object.keys(cacheOptions.resolvers?.Query ?? {})).not.toContain("viewer");
    expect(Object.keys(cacheOptions.resolvers?.Agenda ?? {})).toContain("referralsWaiting");
    // Shown a page at a time on the protocol's page, with no root list.
    expect(Object.keys(cacheOptions.resolvers?.Protocol ?? {})).toEqual(["interventions"]);
  });

  it("refreshes lists after every mutation", () => {
    expect(Object.keys(cacheOptions.updates?.Mutation ?? {})).toEqual(expect.arrayContaining(["referCase", "takeCharge", "issueDirective", "createUser"]));
  });
});
