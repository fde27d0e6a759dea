import type { CreateFetcherOptions } from "@graphiql/toolkit";

/** The endpoint of WIN's GraphQL API, on the origin that served the page. */
export const graphqlEndpoint = "/graphql";

/**
 * Options for GraphiQL's fetcher: the same-origin endpoint, with the
 * user's session cookie sent along and never sent anywhere else.
 */
export function fetcherOptions(): CreateFetcherOptions {
  return {
    url: graphqlEndpoint,
    fetch: (input, init) => fetch(input, { ...init, credentials: "same-origin" }),
  };
}
