// @vitest-environment jsdom
import { screen, waitFor, within } from "@testing-library/react";
import userEvent from "@testing-library/user-event";
import { describe, expect, it } from "vitest";
import type { Role } from "../../session/session";
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

type Row = Omit<typeof row, "person"> & { person: (typeof row)["person"] & { identity?: { id: string; firstName: string; lastName: string } | null } };

function setup(url: string, cases: Row[], roles: Role[] = ["OPERATOR"]) {
  const asked: { name: string; variables: Record<string, unknown> }[] = [];
  const { router } = renderScreen(<CasesList />, {
    route: "/cases",
    path: url,
    session: { roles },
    queries: (name, variables) => {
      const page = { totalCount: cases.length, pageInfo: { hasNextPage: false, endCursor: null }, edges: cases.map((node) => ({ node })) };
      if (name === "CasesList") {
        asked.push({ name, variables });
        return { data: { cases: page } };
      }
      if (name === "CasesSearch") {
        asked.push({ name, variables });
        return { data: { searchCases: page } };
      }
      return { data: options };
    },
  });
  return { asked, router };
}

describe("the cases list", () => {
  it("asks the API for what the URL says and shows the rows with lateness in words", async () => {
    const { asked } = setup("/cases?q=emp&status=OPEN&sort=CODE&dir=ASC", [row], ["STEERING"]);
    const table = await screen.findByRole("table");
    expect(asked).toHaveLength(1);
    expect(asked[0]).toMatchObject({
      name: "CasesSearch",
      variables: { text: "emp", first: 25, where: { statusIn: ["REFERRED", "UNDER_ASSESSMENT", "IN_CHARGE", "MONITORING"] }, orderBy: [{ field: "CODE", direction: "ASC" }] },
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
    expect(asked[0]).toMatchObject({ name: "CasesList" });
    expect(asked[0]?.variables.where).toBeUndefined();
    await user.selectOptions(screen.getByLabelText("Priorità"), "URGENT");
    await user.selectOptions(screen.getByLabelText("Referente del caso"), "usr_2");
    await user.click(screen.getByRole("button", { name: "Cerca" }));
    await waitFor(() => expect(router.state.location.search).toBe("?priority=URGENT&manager=usr_2"));
    await waitFor(() =>
      expect(asked.at(-1)?.variables.where).toEqual({ and: [{ priority: "URGENT" }, { hasCaseManagerWith: [{ id: "usr_2" }] }] }),
    );
    expect(await screen.findByText(/Nessun caso corrisponde ai criteri scelti/)).toBeTruthy();
  });

  it("searches names for who may read them, and shows the names found", async () => {
    const user = userEvent.setup();
    const named = { ...row, person: { ...row.person, identity: { id: "pid_1", firstName: "Nicolò", lastName: "D'Alessandro" } } };
    const { asked, router } = setup("/cases", [named]);
    const box = await screen.findByLabelText("Cerca per cognome, nome, codice fiscale, numero del caso o pseudonimo");
    await user.type(box, "d'ales");
    await user.click(screen.getByRole("button", { name: "Cerca" }));
    await waitFor(() => expect(router.state.location.search).toBe("?q=d%27ales"));
    await waitFor(() => expect(asked.at(-1)).toMatchObject({ name: "CasesSearch", variables: { text: "d'ales" } }));
    const table = await screen.findByRole("table");
    expect(within(table).getByText("D'Alessandro Nicolò")).toBeTruthy();
    expect(within(table).getByText("P-ABC12345")).toBeTruthy();
  });

  it("offers the list as CSV with its filters and order, identities on request to who may read them", async () => {
    const user = userEvent.setup();
    setup("/cases?status=IN_CHARGE&sort=CODE&dir=ASC", [row]);
    const link = await screen.findByRole("link", { name: "Esporta CSV" });
    const q = new URLSearchParams(link.getAttribute("href")?.split("?")[1]);
    expect(link.getAttribute("href")?.startsWith("/export/cases.csv?")).toBe(true);
    expect(JSON.parse(q.get("where") ?? "")).toEqual({ status: "IN_CHARGE" });
    expect(JSON.parse(q.get("orderBy") ?? "")).toEqual([{ field: "CODE", direction: "ASC" }]);
    expect(q.get("separator")).toBe("semicolon");
    expect(q.get("lang")).toBe("it");
    expect(q.has("identities")).toBe(false);
    await user.click(screen.getByLabelText("con dati identificativi"));
    const named = screen.getByRole("link", { name: "Esporta CSV con dati identificativi" });
    expect(new URLSearchParams(named.getAttribute("href")?.split("?")[1]).get("identities")).toBe("1");
  });

  it("offers no identities to the committee", async () => {
    setup("/cases", [row], ["STEERING", "OPERATOR"]);
    expect(await screen.findByRole("link", { name: "Esporta CSV" })).toBeTruthy();
    expect(screen.queryByLabelText("con dati identificativi")).toBeNull();
  });

  it("says that a text search is not exported", async () => {
    setup("/cases?q=emp", [row]);
    expect(await screen.findByText(/non la ricerca per testo/)).toBeTruthy();
    expect(screen.queryByRole("link", { name: "Esporta CSV" })).toBeNull();
  });
});
