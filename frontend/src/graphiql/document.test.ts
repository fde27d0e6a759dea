import { readdirSync, readFileSync } from "node:fs";
import { join } from "node:path";
import { buildSchema, type OperationDefinitionNode, parse, validate } from "graphql";
import { describe, expect, it } from "vitest";
import { defaultDocument } from "./document";

// The API's schema, as the server builds it from graph/*.graphql.
const graphDir = join(__dirname, "../../../graph");
const schema = buildSchema(
  readdirSync(graphDir)
    .filter((f) => f.endsWith(".graphql"))
    .map((f) => readFileSync(join(graphDir, f), "utf8"))
    .join("\n"),
);

describe("GraphiQL's default document", () => {
  const doc = defaultDocument("2026-12-03");
  const operations = parse(doc).definitions.filter((d): d is OperationDefinitionNode => d.kind === "OperationDefinition");

  it("is valid against the API's schema", () => {
    expect(validate(schema, parse(doc)).map((e) => e.message)).toEqual([]);
  });

  it("only reads: no sign-in or any other mutation to run by accident", () => {
    expect(operations.map((o) => o.operation)).toEqual(operations.map(() => "query"));
    expect(doc).not.toMatch(/login\s*\(|password\s*:|demo\.example|Bearer win_[A-Za-z0-9]/);
  });

  it("says how to be signed in: the browser's session, or a token in the headers", () => {
    expect(doc).toContain("/login");
    expect(doc).toContain('{"Authorization": "Bearer win_…"}');
  });

  it("has example queries for the indicators over whole months already over", () => {
    expect(operations.map((o) => o.name?.value)).toEqual(["Me", "ReferralsByMonth", "TakingChargeByTable", "OutcomesByNeedArea"]);
    expect(doc).toContain('filter: {from: "2026-06-01", to: "2026-12-01"}');
    expect(defaultDocument("2026-01-31")).toContain('filter: {from: "2025-07-01", to: "2026-01-01"}');
  });
});
