import type { Report } from "./model";

/** The example of docs/import.md: a preview of four rows, one of each outcome but ALREADY_IMPORTED, as the server answers it. */
export const exampleReport: Report = {
  fileSha256: "9f2c",
  encoding: "Windows-1252",
  separator: ";",
  mode: "preview",
  onError: "abort",
  imported: false,
  counts: { rows: 4, new: 1, match: 1, conflict: 1, alreadyImported: 0, error: 1, casesCreated: 0, personsCreated: 0 },
  rows: [
    { line: 2, rowKey: "R1", outcome: "NEW" },
    { line: 3, rowKey: "R2", outcome: "MATCH", pseudonym: "P-K3M9QX7T", matchedBy: ["TAX_CODE"] },
    {
      line: 4,
      rowKey: "R3",
      outcome: "CONFLICT",
      pseudonym: "P-7HW2RT4Q",
      matchedBy: ["TAX_CODE"],
      openCase: { id: "cas_open31", code: "EMP-2025-0031", table: "Tavolo territoriale di Empoli" },
      problems: [{ column: "codice_fiscale", message: "the person (P-7HW2RT4Q) already has an open case, EMP-2025-0031 at Tavolo territoriale di Empoli" }],
    },
    { line: 5, rowKey: "R4", outcome: "ERROR", problems: [{ column: "codice_fiscale", message: "the tax code's check character is wrong: please check for a typing error" }] },
  ],
};
