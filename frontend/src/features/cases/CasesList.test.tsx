// @vitest-environment jsdom
import { screen, waitFor, within } from "@testing-library/react";
import userEvent from "@testing-library/user-event";
import { describe, expect, it } from "vitest";
import { renderScreen } from "../../test/render";
import { CasesList } from "./CasesList";

const row = {
  id: "cas_1",
  code: "EMP-2026-0042",
  status: "REFERRED",
  priority: "URGENT",
  referredOn: "2026-01-09T23:00:00Z",
  overdue: true,
  person: { id: "per_1", pseudonym: "P-ABC12345", birthYear: 1980 },
  table: { id: "tab_1", name: "Tavolo di Empoli" },
  caseManager: null,
};

const options = {
  tables: { edges: [{ node: { id: "tab_1", name: "Tavolo di Empoli" } }] },
  users: { edges: [{ node: { id: "usr_2", name: "Bruno Referente" } }] },
};

function setup(url: string, cases: (typeof row)[]) {
  const asked: Record<string, unknown>[] = [];
  const { router } = renderScreen(<CasesList />, {
    route: "/cases",
    path: url,
    queries: (name, variables) => {
      if (name === "CasesList") {
        asked.push(variables);
        return { data: { cases: { totalCount: cases.length, pageInfo: { hasNextPage: false, endCursor: null }, edges: cases.map((node) => ({ node })) } } };
      }
      return { data: options };
    },
  });
  return { asked, router };
}

describe("the cases list", () => {
  it("asks the API for what the URL says and shows the rows with lateness in words", async () => {
    const { asked } = setup("/cases?q=emp&status=OPEN&sort=CODE&dir=ASC", [row]);
    const table = await screen.findByRole("table");
    expect(asked[0]).toMatchObject({
      first: 25,
      where: { and: [{ or: [{ codeContainsFold: "emp" }, { hasPersonWith: [{ pseudonymContainsFold: "emp" }] }] }, { statusIn: ["REFERRED", "UNDER_ASSESSMENT", "IN_CHARGE", "MONITORING"] }] },
      orderBy: [{ field: "CODE", direction: "ASC" }],
    });
    expect(within(table).getByRole("link", { name: "EMP-2026-0042" }).getAttribute("href")).toBe("/cases/cas_1");
    expect(within(table).getByText("In ritardo")).toBeTruthy();
    expect(within(table).getByText("Segnalato")).toBeTruthy();
    expect(screen.getByTestId("cases-count").textContent).toBe("1 caso corrisponde alla ricerca");
    // The form shows the URL's search.
    expect((screen.getByLabelText("Cerca per numero del caso o pseudonimo") as HTMLInputElement).value).toBe("emp");
  });

  it("puts the chosen filters in the URL and asks again", async () => {
    const user = userEvent.setup();
    const { asked, router } = setup("/cases", []);
    expect(await screen.findByText("Non ci sono casi da mostrare.")).toBeTruthy();
    expect(asked[0]?.where).toBeUndefined();
    await user.selectOptions(screen.getByLabelText("Priorità"), "URGENT");
    await user.selectOptions(screen.getByLabelText("Referente del caso"), "usr_2");
    await user.click(screen.getByRole("button", { name: "Cerca" }));
    await waitFor(() => expect(router.state.location.search).toBe("?priority=URGENT&manager=usr_2"));
    await waitFor(() =>
      expect(asked.at(-1)?.where).toEqual({ and: [{ priority: "URGENT" }, { hasCaseManagerWith: [{ id: "usr_2" }] }] }),
    );
    expect(await screen.findByText(/Nessun caso corrisponde ai criteri scelti/)).toBeTruthy();
  });
});
