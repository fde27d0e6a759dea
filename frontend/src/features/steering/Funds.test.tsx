// @vitest-environment jsdom
import { screen, waitFor, within } from "@testing-library/react";
import userEvent from "@testing-library/user-event";
import { GraphQLError } from "graphql";
import { CombinedError } from "urql";
import { describe, expect, it, vi } from "vitest";
import { renderScreen } from "../../test/render";
import { Funds } from "./Funds";

// The funds screen: the list with what each fund's interventions used,
// read-only for whoever is not on the committee; the committee creates a
// fund, amends its amount with a reason (refusals said in Italian), closes
// it after confirming, and reads its history.

const fund = (over: Record<string, unknown> = {}) => ({
  __typename: "Fund",
  id: "fnd_union",
  name: "Fondo WIN 2026 – Unione dei Comuni",
  year: 2026,
  source: "UNION",
  allocatedCents: 6_000_000,
  closedOn: null,
  closureReason: null,
  owner: { __typename: "Organization", id: "org_union", name: "Unione dei Comuni del Circondario dell'Empolese Valdelsa" },
  municipality: null,
  use: { __typename: "FundUse", committedCents: 150_000, spentCents: 250_000, availableCents: 5_600_000 },
  amendments: [
    {
      __typename: "FundAmendment",
      id: "fam_1",
      previousCents: 5_000_000,
      allocatedCents: 6_000_000,
      reason: "Delibera di giunta 12/2026",
      amendedAt: "2026-03-02T10:00:00Z",
      amendedBy: { __typename: "User", id: "usr_s", name: "Giulia Cabina" },
    },
  ],
  ...over,
});

// Amounts are formatted with no-break spaces before the euro sign.
const plain = (s: string | null) => (s ?? "").replace(/\u00a0/g, " ");

const list = (...funds: unknown[]) => ({ funds: { __typename: "FundConnection", edges: funds.map((node) => ({ __typename: "FundEdge", node })) } });
// The owner is picked from the organisations' shared list (ui/organizations).
const organizations = { organizations: { edges: [{ node: { __typename: "Organization", id: "org_reg", name: "Regione Toscana" } }] } };
const options = {
  municipalities: { edges: [{ node: { __typename: "Municipality", id: "mun_emp", name: "Empoli" } }] },
};

function open(roles: string[], mutations = vi.fn(), closed = false) {
  return renderScreen(<Funds />, {
    route: "/steering/funds",
    session: { roles: roles as never },
    queries: { FundsList: list(fund(closed ? { closedOn: "2026-06-30", closureReason: "Esaurito" } : {})), FundsOptions: options, OrganizationOptions: organizations },
    mutations,
  });
}

describe("the funds screen", () => {
  it("lists the funds with what is committed, spent and left, the Union's covering every municipality", async () => {
    open(["STEERING"]);
    const row = (await screen.findByRole("rowheader", { name: "Fondo WIN 2026 – Unione dei Comuni" })).closest("tr") as HTMLElement;
    const cells = within(row).getAllByRole("cell").map((c) => plain(c.textContent));
    expect(cells.slice(0, 8)).toEqual([
      "Unione dei Comuni del Circondario dell'Empolese Valdelsa",
      "Unione dei Comuni",
      "Tutti i comuni",
      "2026",
      "60.000,00 €",
      "1500,00 €",
      "2500,00 €",
      "56.000,00 €",
    ]);
    expect(within(row).getByText("Aperto")).toBeTruthy();
  });

  it("is read-only for whoever is not on the committee nor an administrator", async () => {
    open(["OPERATOR"]);
    await screen.findByRole("rowheader", { name: "Fondo WIN 2026 – Unione dei Comuni" });
    expect(screen.queryByRole("button", { name: "Nuovo fondo" })).toBeNull();
    expect(screen.queryByRole("button", { name: /Varia importo/ })).toBeNull();
    expect(screen.getByRole("button", { name: "Storico — Fondo WIN 2026 – Unione dei Comuni" })).toBeTruthy();
  });

  it("marks a closed fund and offers no change of it", async () => {
    open(["STEERING"], vi.fn(), true);
    expect(await screen.findByText("Chiuso il 30/06/2026")).toBeTruthy();
    expect(screen.queryByRole("button", { name: /^Chiudi — / })).toBeNull();
  });

  it("creates a fund of another body, the amount sent in cents", async () => {
    const mutations = vi.fn(() => ({ data: { createFund: fund({ id: "fnd_new", name: "Fondo regionale 2026" }) } }));
    open(["STEERING"], mutations);
    const user = userEvent.setup();
    await user.click(await screen.findByRole("button", { name: "Nuovo fondo" }));
    const form = screen.getByRole("form", { name: "Nuovo fondo" });
    await user.type(within(form).getByLabelText("Denominazione"), "Fondo regionale 2026");
    await user.clear(within(form).getByLabelText("Importo stanziato (euro)"));
    await user.type(within(form).getByLabelText("Importo stanziato (euro)"), "12.500,50");
    await user.selectOptions(within(form).getByLabelText("Fonte di finanziamento"), "REGION");
    await user.click(within(form).getByRole("button", { name: "Crea il fondo" }));
    expect(await within(form).findByText("Scegli l'ente titolare del fondo.")).toBeTruthy();
    await user.selectOptions(await within(form).findByLabelText("Ente titolare"), "org_reg");
    await user.click(within(form).getByRole("button", { name: "Crea il fondo" }));
    await waitFor(() =>
      expect(mutations).toHaveBeenCalledWith("FundsCreate", {
        input: { name: "Fondo regionale 2026", year: new Date().getFullYear(), source: "REGION", ownerID: "org_reg", municipalityID: undefined, allocatedCents: 1_250_050 },
      }),
    );
    expect(await screen.findByText("Fondo «Fondo regionale 2026» creato.")).toBeTruthy();
  });

  it("says in Italian why an amount below what was used is refused", async () => {
    const mutations = vi.fn(() => ({
      error: new CombinedError({
        graphQLErrors: [
          new GraphQLError("is less than what the fund's interventions committed and spent, 4000.00 euro", { extensions: { code: "BAD_USER_INPUT", field: "allocatedCents", reason: "BELOW_USED", usedCents: 400_000 } }),
        ],
      }),
    }));
    open(["STEERING"], mutations);
    const user = userEvent.setup();
    await user.click(await screen.findByRole("button", { name: "Varia importo — Fondo WIN 2026 – Unione dei Comuni" }));
    const dialog = await screen.findByRole("dialog");
    await user.type(within(dialog).getByLabelText("Nuovo importo stanziato (euro)"), "1000");
    await user.click(within(dialog).getByRole("button", { name: "Varia l'importo" }));
    expect(await within(dialog).findByText("Indica il motivo della variazione.")).toBeTruthy();
    expect(mutations).not.toHaveBeenCalled();
    await user.type(within(dialog).getByLabelText("Motivo della variazione (ad esempio la delibera)"), "Riduzione di bilancio");
    await user.click(within(dialog).getByRole("button", { name: "Varia l'importo" }));
    await waitFor(() => expect(mutations).toHaveBeenCalledWith("FundsAmend", { id: "fnd_union", allocatedCents: 100_000, reason: "Riduzione di bilancio" }));
    expect(plain((await within(dialog).findByRole("alert")).textContent)).toBe(
      "L'importo non può essere inferiore a quanto gli interventi hanno già impegnato e speso: 4000,00 €.",
    );
  });

  it("closes a fund with a reason, once confirmed", async () => {
    const mutations = vi.fn(() => ({ data: { closeFund: fund({ closedOn: "2026-12-04", closureReason: "Esaurito" }) } }));
    open(["ADMIN"], mutations);
    const user = userEvent.setup();
    await user.click(await screen.findByRole("button", { name: "Chiudi — Fondo WIN 2026 – Unione dei Comuni" }));
    const dialog = await screen.findByRole("dialog", { name: "Chiudere il fondo «Fondo WIN 2026 – Unione dei Comuni»?" });
    await user.type(within(dialog).getByLabelText("Motivo della chiusura"), "Esaurito");
    await user.click(within(dialog).getByRole("button", { name: "Chiudi il fondo" }));
    await waitFor(() => expect(mutations).toHaveBeenCalledWith("FundsClose", { id: "fnd_union", reason: "Esaurito" }));
    expect(await screen.findByText("Fondo «Fondo WIN 2026 – Unione dei Comuni» chiuso.")).toBeTruthy();
  });

  it("shows a fund's amendments with who, when and why", async () => {
    open(["STEERING"]);
    const user = userEvent.setup();
    await user.click(await screen.findByRole("button", { name: "Storico — Fondo WIN 2026 – Unione dei Comuni" }));
    const dialog = await screen.findByRole("dialog");
    expect(within(dialog).getByText(/da 50\.000,00 € a 60\.000,00 €, da Giulia Cabina/)).toBeTruthy();
    expect(within(dialog).getByText("Motivo: Delibera di giunta 12/2026")).toBeTruthy();
  });

  it("keeps the year in the address and asks the API for that year", async () => {
    const screenUnder = renderScreen(<Funds />, {
      route: "/steering/funds",
      path: "/steering/funds?year=2025",
      session: { roles: ["STEERING"] },
      queries: { FundsList: list(), FundsOptions: options, OrganizationOptions: organizations },
    });
    expect(await screen.findByText("Nessun fondo per l'anno scelto.")).toBeTruthy();
    expect(screenUnder.queries.find((q) => q.name === "FundsList")?.variables).toEqual({ where: { year: 2025 } });
    const user = userEvent.setup();
    await user.selectOptions(screen.getByLabelText("Anno di bilancio"), "");
    await waitFor(() => expect(screenUnder.router.state.location.search).toBe(""));
  });
});
