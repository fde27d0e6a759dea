// @vitest-environment jsdom
import { screen, within } from "@testing-library/react";
import { describe, expect, it } from "vitest";
import { aCasePage } from "../../test/caseFixture";
import { renderScreen, type ViewerSpec } from "../../test/render";
import { CaseDocumentsSection } from "./CaseDocuments";
import type { CaseData } from "./CasePage";

const meetings = {
  edges: [
    { node: { id: "mon_1", plannedOn: "2026-03-10", heldOn: "2026-03-12", summary: null, recordedBy: null, items: { edges: [] } } },
    { node: { id: "mon_2", plannedOn: "2026-04-10", heldOn: null, summary: null, recordedBy: null, items: { edges: [] } } },
  ],
};

const identity = { id: "pid_1", firstName: "Maria", lastName: "Rossi", taxCode: null, birthDate: null, birthPlace: null, email: null, phone: null, address: null, postalCode: null, city: null };

function setup(session: ViewerSpec, person: Record<string, unknown> = {}) {
  const c = aCasePage({ monitoringMeetings: meetings }, person) as unknown as CaseData;
  return renderScreen(<CaseDocumentsSection c={c} />, {
    session,
    queries: { DocumentsList: { node: { __typename: "Case", id: "cas_1", documents: { totalCount: 0, edges: [] } } } },
  });
}

const kindsOffered = () =>
  [...(within(screen.getByRole("form", { name: "Allega un documento — caso EMP-2026-0042" })).getByLabelText("Tipo di documento") as HTMLSelectElement).options]
    .map((o) => o.value)
    .filter(Boolean);

describe("the case's documents", () => {
  it("lets a member of the case's table attach them, identity documents and consent forms when they read the identity", () => {
    const s = setup({ roles: ["OPERATOR"], tables: [{ id: "tab_1" }] }, { identity });
    expect(s.queries).toMatchObject([{ name: "DocumentsList", variables: { id: "cas_1", first: 20 } }]);
    expect(kindsOffered()).toEqual(["SIGNED_PLAN", "CONSENT_FORM", "IDENTITY_DOCUMENT", "EVIDENCE", "OTHER"]);
  });

  it("offers the other kinds only to a member who does not read the identity", () => {
    setup({ roles: ["OPERATOR"], tables: [{ id: "tab_1" }] });
    expect(kindsOffered()).toEqual(["SIGNED_PLAN", "EVIDENCE", "OTHER"]);
  });

  it("lists each monitoring meeting with its documents behind a button, fetched once opened", () => {
    const s = setup({ roles: ["OPERATOR"], tables: [{ id: "tab_1" }] });
    const list = screen.getByTestId("monitoring-documents");
    expect(within(list).getAllByRole("listitem").map((li) => li.textContent?.split("Documenti")[0])).toEqual([
      "Incontro tenuto il 12/03/2026",
      "Incontro previsto il 10/04/2026",
    ]);
    expect(within(list).getByRole("button", { name: "Documenti — incontro di monitoraggio del 12/03/2026" })).toBeTruthy();
    expect(s.queries).toHaveLength(1);
  });

  it("shows them without the upload to one who referred the case from another table", () => {
    setup({ roles: ["OPERATOR"], tables: [{ id: "tab_other" }] });
    expect(screen.getByText("Nessun documento allegato.")).toBeTruthy();
    expect(screen.queryByRole("form")).toBeNull();
  });

  it("says the committee and analysts do not read them, and asks for none", () => {
    const s = setup({ roles: ["STEERING"] });
    expect(screen.getByText(/I documenti dei casi non sono mostrati/)).toBeTruthy();
    expect(s.queries).toHaveLength(0);
    expect(screen.queryByTestId("monitoring-documents")).toBeNull();
  });
});
