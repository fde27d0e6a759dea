import { createClient as createSSEClient, type RequestParams } from "graphql-sse";
import { Client, fetchExchange, mapExchange, subscriptionExchange } from "urql";
import { apiErrors } from "./errors";
import { winCache } from "./cache";

/** The GraphQL endpoint, same-origin: urql's, the live updates' and the uploads' (upload.ts). */
export const graphqlURL = "/graphql";

/** Where the user goes when the session has ended: sign-in, then back here. */
export function signInPath(next: string, expired: boolean): string {
  const query = new URLSearchParams();
  if (next && next !== "/" && !next.startsWith("/login")) {
    query.set("next", next);
  }
  if (expired) {
    query.set("expired", "1");
  }
  const qs = query.toString();
  return qs ? `/login?${qs}` : "/login";
}

/** Sign-in again, then back to this page: a full load empties the cache. */
export function sessionEnded() {
  const here = window.location.pathname + window.location.search;
  if (!window.location.pathname.startsWith("/login")) {
    window.location.assign(signInPath(here, true));
  }
}

/**
 * The GraphQL client: same-origin POSTs with the session cookie, the
 * normalised cache, and one rule for an ended session: any
 * UNAUTHENTICATED answer reloads the app at sign-in, remembering the page,
 * which also drops every cached record about people from memory.
 */
export function createWinClient(onSessionEnded: () => void): Client {
  // Live updates: each subscription is its own POST /graphql asking for
  // text/event-stream (GraphQL over Server-Sent Events, "distinct
  // connections" mode), with the session cookie like every request. A
  // dropped stream is opened again a few times, waiting longer each time;
  // the bell also refetches when the window regains focus.
  const sse = createSSEClient({ url: graphqlURL, credentials: "same-origin", retryAttempts: 5 });
  return new Client({
    url: graphqlURL,
    preferGetMethod: false,
    fetchOptions: { credentials: "same-origin" },
    exchanges: [
      winCache(),
      mapExchange({
        onError(error, operation) {
          const login = operation.kind === "mutation" && operation.query.loc?.source.body.includes("login(");
          if (!login && apiErrors(error).some((e) => e.code === "UNAUTHENTICATED")) {
            onSessionEnded();
          }
        },
      }),
      fetchExchange,
      subscriptionExchange({
        forwardSubscription: (request) => ({
          subscribe: (sink) => ({ unsubscribe: sse.subscribe(request as RequestParams, sink) }),
        }),
      }),
    ],
  });
}
