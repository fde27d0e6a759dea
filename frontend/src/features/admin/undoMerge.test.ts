import { GraphQLError } from "graphql";
import { CombinedError } from "urql";
import { describe, expect, it } from "vitest";
import { undoableMerge, undoMergeProblems } from "./undoMerge";

function refused(code: string, message: string, field?: string) {
  return new CombinedError({ graphQLErrors: [new GraphQLError(message, { extensions: { code, ...(field && { field }) } })] });
}

describe("the undo of a merge", () => {
  it("is offered on the log's merges of persons only", () => {
    expect(undoableMerge({ action: "MERGE_PERSONS", entityType: "Person", entityID: "per_1" })).toBe(true);
    // The merged record's row, not the kept one's, when the event says its side.
    expect(undoableMerge({ action: "MERGE_PERSONS", entityType: "Person", entityID: "per_1", changes: '{"side":"MERGED","survivorId":"per_2"}' })).toBe(true);
    expect(undoableMerge({ action: "MERGE_PERSONS", entityType: "Person", entityID: "per_2", changes: '{"side":"SURVIVOR","mergedId":"per_1"}' })).toBe(false);
    expect(undoableMerge({ action: "MERGE_PERSONS", entityType: "Person", entityID: "per_1", changes: "not json" })).toBe(true);
    expect(undoableMerge({ action: "MERGE_PERSONS", entityType: "Person", entityID: null })).toBe(false);
    expect(undoableMerge({ action: "UNDO_PERSON_MERGE", entityType: "Person", entityID: "per_1" })).toBe(false);
    expect(undoableMerge({ action: "READ_IDENTITY", entityType: "PersonIdentity", entityID: "pid_1" })).toBe(false);
  });

  it("says each refusal in the log's words, with the server's for details", () => {
    expect(undoMergeProblems(refused("CONFLICT", "a case was opened for the person since the merge"))).toEqual([
      { message: "admin.undoMerge.error.caseOpened", detail: "a case was opened for the person since the merge" },
    ]);
    expect(undoMergeProblems(refused("BAD_USER_INPUT", "is not a record merged into another", "mergedID"))[0]?.message).toBe("admin.undoMerge.error.notMerged");
    expect(undoMergeProblems(refused("FORBIDDEN", "only administrators undo a merge"))[0]?.message).toBe("admin.undoMerge.error.forbidden");
    expect(undoMergeProblems(refused("INTERNAL", "boom"))).toEqual([{ message: "error.INTERNAL" }]);
    expect(undoMergeProblems(null)).toEqual([]);
  });
});
