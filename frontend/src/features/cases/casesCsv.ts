import { toOrderBy, toWhere, type CaseListParams } from "./listParams";

/**
 * The address of the case list's CSV export (server/web/caselist_export.go):
 * the list's own `where` and `orderBy`, as the list sends them to the API,
 * so that the file holds the rows the list shows in its order; headers and
 * labels in the user's language, with semicolons in Italian (as Italian
 * spreadsheets expect) and commas in English. `identities` asks for
 * surname, first name and tax code: the server fills them only where the
 * viewer may read the identity, and records each read. The text search is
 * not a filter and is not exported (the caller says so instead).
 */
export function casesCsvUrl(params: CaseListParams, lang: "it" | "en", identities = false): string {
  const p = new URLSearchParams();
  const where = toWhere(params);
  if (where) {
    p.set("where", JSON.stringify(where));
  }
  p.set("orderBy", JSON.stringify(toOrderBy(params)));
  p.set("lang", lang);
  p.set("separator", lang === "it" ? "semicolon" : "comma");
  if (identities) {
    p.set("identities", "1");
  }
  return `/export/cases.csv?${p.toString()}`;
}
