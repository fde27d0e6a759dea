import { GraphQLError } from "graphql";
import { CombinedError } from "urql";
import { describe, expect, it } from "vitest";
import { caseNotFound, missedLimit, newestFirst, pageError } from "./casePage";

const gqlError = (code: string, path: (string | number)[]) => new GraphQLError("refused", { path, extensions: { code } });

describe("caseNotFound", () => {
  it("is true for NOT_FOUND, the answer for a case of another table", () => {
    expect(caseNotFound({ node: null }, new CombinedError({ graphQLErrors: [gqlError("NOT_FOUND", ["node"])] }))).toBe(true);
  });

  it("is true for an empty answer and for a node that is not a case", () => {
    expect(caseNotFound({ node: null }, undefined)).toBe(true);
    expect(caseNotFound({ node: { __typename: "Table" } }, undefined)).toBe(true);
  });

  it("is false for a case, while loading, and for other failures", () => {
    expect(caseNotFound({ node: { __typename: "Case" } }, undefined)).toBe(false);
    expect(caseNotFound(undefined, undefined)).toBe(false);
    expect(caseNotFound(undefined, new CombinedError({ networkError: new Error("down") }))).toBe(false);
  });
});

describe("pageError", () => {
  it("drops a refusal of the person's identity, which the page explains itself", () => {
    const error = new CombinedError({ graphQLErrors: [gqlError("FORBIDDEN", ["node", "person", "identity"])] });
    expect(pageError(error)).toBeUndefined();
  });

  it("keeps the other errors", () => {
    const error = new CombinedError({
      graphQLErrors: [gqlError("FORBIDDEN", ["node", "person", "identity"]), gqlError("INTERNAL", ["node", "plan"])],
    });
    expect(pageError(error)?.graphQLErrors.map((e) => e.path?.join("."))).toEqual(["node.plan"]);
    const network = new CombinedError({ networkError: new Error("down") });
    expect(pageError(network)).toBe(network);
  });
});

describe("newestFirst", () => {
  it("orders events by when they happened, newest first", () => {
    const events = [
      { id: "a", occurredAt: "2026-01-01T10:00:00Z" },
      { id: "c", occurredAt: "2026-03-01T10:00:00+01:00" },
      { id: "b", occurredAt: "2026-02-01T10:00:00Z" },
    ];
    expect(newestFirst(events).map((e) => e.id)).toEqual(["c", "b", "a"]);
    expect(events[0]?.id).toBe("a");
  });
});

describe("missedLimit", () => {
  it("names the time limit a late case missed", () => {
    expect(missedLimit({ overdue: false, status: "REFERRED" })).toBeNull();
    expect(missedLimit({ overdue: true, status: "REFERRED" })).toBe("firstMeeting");
    expect(missedLimit({ overdue: true, status: "UNDER_ASSESSMENT" })).toBe("plan");
    expect(missedLimit({ overdue: true, status: "IN_CHARGE" })).toBe("other");
  });
});
