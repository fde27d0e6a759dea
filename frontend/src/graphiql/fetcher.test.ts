import { afterEach, describe, expect, it, vi } from "vitest";
import { fetcherOptions, graphqlEndpoint } from "./fetcher";

describe("fetcherOptions", () => {
  afterEach(() => vi.unstubAllGlobals());

  it("targets the same-origin API", () => {
    expect(fetcherOptions().url).toBe("/graphql");
    expect(graphqlEndpoint.startsWith("/")).toBe(true);
  });

  it("sends the session cookie to the same origin only", async () => {
    const spy = vi.fn(async () => new Response("{}"));
    vi.stubGlobal("fetch", spy);
    const { fetch: doFetch } = fetcherOptions();
    await doFetch?.("/graphql", { method: "POST", credentials: "include" });
    expect(spy).toHaveBeenCalledWith("/graphql", { method: "POST", credentials: "same-origin" });
  });
});
