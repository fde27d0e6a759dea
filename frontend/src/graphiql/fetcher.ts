import type { CreateFetcherOptions } from "@graphiql/toolkit";

/** The endpoint of WIN's GraphQL API, on the origin that served the page. */
export const graphqlEndpoint = "/graphql";

/**
 * Options for GraphiQL's fetcher (createGraphiQLFetcher): the same-origin
 * endpoint, with the user's session cookie sent along and never sent to
 * another origin, whatever the caller asks for.
 */
export function fetcherOptions(): CreateFetcherOptions {
  return {
    url: graphqlEndpoint,
    fetch: (input, init) => fetch(input, { ...init, credentials: "same-origin" }),
    // The server speaks plain POST and GET, without @defer/@stream: a plain
    // JSON request, not a multipart one.
    enableIncrementalDelivery: false,
  };
}
