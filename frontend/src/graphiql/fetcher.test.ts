import { createGraphiQLFetcher } from "@graphiql/toolkit";
import { afterEach, describe, expect, it, vi } from "vitest";
import { fetcherOptions, graphqlEndpoint } from "./fetcher";

/** Stubs the global fetch with one that answers every request with body. */
function stubFetch(body: unknown) {
  const spy = vi.fn(async (_input: RequestInfo | URL, _init?: RequestInit) =>
    Response.json(body),
  );
  vi.stubGlobal("fetch", spy);
  return spy;
}

describe("fetcherOptions", () => {
  afterEach(() => vi.unstubAllGlobals());

  it("targets the same-origin API", () => {
    expect(fetcherOptions().url).toBe("/graphql");
    expect(graphqlEndpoint).toMatch(/^\/[^/]/); // a path, never another origin
  });

  it("sends the session cookie to the same origin only", async () => {
    const spy = stubFetch({});
    const { fetch: doFetch } = fetcherOptions();
    await doFetch?.("/graphql", { method: "POST", credentials: "include" });
    expect(spy).toHaveBeenCalledWith("/graphql", { method: "POST", credentials: "same-origin" });
  });

  it("makes GraphiQL POST queries to /graphql with the cookie", async () => {
    const spy = stubFetch({ data: { __typename: "Query" } });
    const fetcher = createGraphiQLFetcher(fetcherOptions());

    const result = await fetcher(
      { query: "{ __typename }", operationName: null },
      { headers: { "X-Trace": "1" } },
    );

    expect(result).toEqual({ data: { __typename: "Query" } });
    expect(spy).toHaveBeenCalledTimes(1);
    const [input, init] = spy.mock.calls[0] ?? [];
    expect(input).toBe("/graphql");
    expect(init?.method).toBe("POST");
    expect(init?.credentials).toBe("same-origin");
    expect(JSON.parse(String(init?.body))).toEqual({ query: "{ __typename }", operationName: null });
    // Headers typed into GraphiQL's header editor reach the request.
    expect(init?.headers).toMatchObject({ "content-type": "application/json", "X-Trace": "1" });
  });
});
