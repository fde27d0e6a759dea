import { cacheExchange, type CacheExchangeOpts, type KeyingConfig, type ResolverConfig, type UpdatesConfig } from "@urql/exchange-graphcache";
import { relayPagination } from "@urql/exchange-graphcache/extras";
import type { IntrospectionObjectType, IntrospectionOutputTypeRef } from "graphql";
import schema from "../gql/introspection";

// The normalised cache, configured from the schema itself so that a new
// type or list needs no change here:
// - objects with an `id` are normalised by it; the others (connections,
//   indicator results, agenda) are embedded in their parent;
// - every root list and agenda list is a Relay connection whose pages are
//   merged by relayPagination, so "load more" appends; so is the one list
//   of an object shown a page at a time (a protocol's interventions, which
//   have no root list);
// - after any mutation, root lists are invalidated and refetched when next
//   shown (the changed objects themselves update in place); so are the
//   unread count and the notifications when one arrives live.

const objects = schema.__schema.types.filter((t): t is IntrospectionObjectType => t.kind === "OBJECT");

function typeName(ref: IntrospectionOutputTypeRef): string {
  return "ofType" in ref && ref.ofType ? typeName(ref.ofType) : "name" in ref ? ref.name : "";
}

const keys: KeyingConfig = {};
for (const t of objects) {
  if (t.name !== "Query" && t.name !== "Mutation" && !t.fields.some((f) => f.name === "id")) {
    keys[t.name] = () => null;
  }
}

const paginated = (t: IntrospectionObjectType | undefined): ResolverConfig[string] =>
  Object.fromEntries(
    (t?.fields ?? []).filter((f) => typeName(f.type).endsWith("Connection")).map((f) => [f.name, relayPagination()]),
  );

const resolvers: ResolverConfig = {
  Query: paginated(objects.find((t) => t.name === "Query")),
  Agenda: paginated(objects.find((t) => t.name === "Agenda")),
  Protocol: { interventions: relayPagination() },
};

const mutationFields = objects.find((t) => t.name === "Mutation")?.fields ?? [];
const updates: UpdatesConfig = {
  Mutation: Object.fromEntries(
    mutationFields.map((f) => [
      f.name,
      (_result, _args, cache) => {
        for (const field of cache.inspectFields("Query")) {
          if (field.fieldName !== "viewer") {
            cache.invalidate("Query", field.fieldKey);
          }
        }
      },
    ]),
  ),
};

// A notification that arrives live changes the unread count and the
// list: both are fetched again when shown.
updates.Subscription = {
  notificationAdded: (_result, _args, cache) => {
    for (const field of cache.inspectFields("Query")) {
      if (field.fieldName === "unreadNotificationCount" || field.fieldName === "notifications") {
        cache.invalidate("Query", field.fieldKey);
      }
    }
  },
};

export const cacheOptions: CacheExchangeOpts = { schema, keys, resolvers, updates };

export function winCache() {
  return cacheExchange(cacheOptions);
}
