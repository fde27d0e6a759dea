import { CombinedError } from "urql";
import { findError } from "../../api/errors";

// What the case page decides before drawing: whether the case is there for
// the viewer, which errors are worth an alert, in which order the story goes.

/**
 * Whether the case is missing for the viewer: no such node, a node of
 * another type, or NOT_FOUND (the API's answer to a case of another table,
 * so as not to tell that it exists) or FORBIDDEN.
 */
export function caseNotFound(data: { node?: { __typename?: string } | null } | undefined, error: CombinedError | undefined): boolean {
  if (data?.node) {
    return data.node.__typename !== undefined && data.node.__typename !== "Case";
  }
  return Boolean(findError(error, "NOT_FOUND") || findError(error, "FORBIDDEN")) || (data !== undefined && !error);
}

/** Whether a GraphQL error is about the person's identity, which the viewer may not see. */
function aboutIdentity(path: readonly (string | number)[] | undefined): boolean {
  return Boolean(path?.includes("identity"));
}

/**
 * The errors to show once the case is loaded: a refusal to show the
 * person's identity is not an error on this page (a note says it), the
 * rest are.
 */
export function pageError(error: CombinedError | undefined): CombinedError | undefined {
  if (!error || error.networkError) {
    return error;
  }
  const rest = error.graphQLErrors.filter((e) => !aboutIdentity(e.path));
  if (rest.length === error.graphQLErrors.length) {
    return error;
  }
  return rest.length > 0 ? new CombinedError({ graphQLErrors: rest, response: error.response }) : undefined;
}

/** Events, newest first (the API orders them so; sorting again costs nothing and keeps the promise). */
export function newestFirst<E extends { occurredAt: string }>(events: readonly E[]): E[] {
  return [...events].sort((a, b) => Date.parse(b.occurredAt) - Date.parse(a.occurredAt));
}

/** The time limit a late case missed: the first meeting while referred, the plan while under assessment. */
export function missedLimit(c: { overdue: boolean; status: string }): "firstMeeting" | "plan" | "other" | null {
  if (!c.overdue) {
    return null;
  }
  if (c.status === "REFERRED") {
    return "firstMeeting";
  }
  if (c.status === "UNDER_ASSESSMENT") {
    return "plan";
  }
  return "other";
}
