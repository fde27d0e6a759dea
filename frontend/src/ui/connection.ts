// Relay connections as the screens use them.

interface Connection<N> {
  edges?: ({ node?: N | null } | null)[] | null;
}

/** The nodes of a connection, without the nulls GraphQL allows. */
export function nodes<N>(connection: Connection<N> | null | undefined): N[] {
  return connection?.edges?.flatMap((e) => (e?.node ? [e.node] : [])) ?? [];
}
