import { readdirSync, readFileSync, statSync } from "node:fs";
import { join } from "node:path";
import { buildSchema, isEnumType } from "graphql";
import { describe, expect, it } from "vitest";
import { catalogues } from "./catalogue";

const src = join(import.meta.dirname, "..");

function sources(dir: string): string[] {
  return readdirSync(dir).flatMap((name) => {
    const path = join(dir, name);
    if (statSync(path).isDirectory()) {
      return name === "gql" ? [] : sources(path);
    }
    return /\.tsx?$/.test(name) && !/\.test\.tsx?$/.test(name) ? [path] : [];
  });
}

/** The API's schema, from the server's schema files. */
function apiSchema() {
  const dir = join(src, "../../graph");
  const sdl = readdirSync(dir)
    .filter((f) => f.endsWith(".graphql"))
    .map((f) => readFileSync(join(dir, f), "utf8"))
    .join("\n");
  return buildSchema(sdl);
}

describe("message catalogues", () => {
  it("have the same keys in Italian and English", () => {
    const it = Object.keys(catalogues.it).sort();
    const en = Object.keys(catalogues.en).sort();
    expect(it.filter((k) => !en.includes(k)), "missing in English").toEqual([]);
    expect(en.filter((k) => !it.includes(k)), "missing in Italian").toEqual([]);
  });

  it("have no empty message", () => {
    for (const [locale, messages] of Object.entries(catalogues)) {
      const empty = Object.entries(messages).filter(([, m]) => m.trim() === "").map(([k]) => k);
      expect(empty, locale).toEqual([]);
    }
  });

  it("define every key the code uses", () => {
    const prefixes = new Set(Object.keys(catalogues.it).map((k) => k.split(".")[0]));
    const used = new Set<string>();
    for (const file of sources(src)) {
      for (const m of readFileSync(file, "utf8").matchAll(/["'`]([a-z][A-Za-z]*\.[A-Za-z0-9_.]+)["'`]/g)) {
        const key = m[1] as string;
        if (prefixes.has(key.split(".")[0] as string) && !key.endsWith(".")) {
          used.add(key);
        }
      }
    }
    expect([...used].filter((k) => !(k in catalogues.it))).toEqual([]);
  });

  it("label every value of every enum of the API in both languages", () => {
    const missing: string[] = [];
    // Enums whose values are another enum's, and labelled as those.
    const labelledAs: Record<string, string> = { OpenCaseStatus: "CaseStatus" };
    for (const type of Object.values(apiSchema().getTypeMap())) {
      if (!isEnumType(type) || type.name.startsWith("__") || /OrderField$|^OrderDirection$/.test(type.name)) {
        continue;
      }
      for (const v of type.getValues()) {
        const key = `enum.${labelledAs[type.name] ?? type.name}.${v.name}`;
        if (!(key in catalogues.it) || !(key in catalogues.en)) {
          missing.push(key);
        }
      }
    }
    expect(missing).toEqual([]);
  });

  it("say what to do for every reason a step is blocked, and name every step's button", () => {
    const schema = apiSchema();
    const missing: string[] = [];
    for (const [enumName, prefix] of [
      ["CaseActionBlock", "caseActions.blocked"],
      ["CaseAction", "caseActions.button"],
    ] as const) {
      const type = schema.getType(enumName);
      if (!isEnumType(type)) {
        throw new Error(`no enum ${enumName} in the schema`);
      }
      for (const v of type.getValues()) {
        if (!(`${prefix}.${v.name}` in catalogues.it) || !(`${prefix}.${v.name}` in catalogues.en)) {
          missing.push(`${prefix}.${v.name}`);
        }
      }
    }
    expect(missing).toEqual([]);
  });
});
