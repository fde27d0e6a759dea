// @vitest-environment jsdom
import { screen, waitFor, within } from "@testing-library/react";
import userEvent from "@testing-library/user-event";
import { describe, expect, it, vi } from "vitest";
import { renderScreen } from "../../test/render";
import { Directives } from "./Directives";

// The committee's directives: where each addressed table stands, and
// the steps a table's coordinator records.

const table = (id: string, name: string) => ({ __typename: "Table", id, name });

function ack(status: string, extra: Record<string, unknown> = {}) {
  return { __typename: "DirectiveAcknowledgement", id: "ack_emp", status, statusOn: "2026-11-20", evidence: null, reason: null, ...extra };
}

function directives(empoli: unknown, empoliLate = false) {
  return {
    directives: {
      __typename: "DirectiveConnection",
      edges: [
        {
          __typename: "DirectiveEdge",
          node: {
            __typename: "Directive",
            id: "dir_1",
            title: "Tempi di presa in carico",
            body: "Entro 30 giorni.",
            issuedOn: "2026-11-01",
            allTables: false,
            dueOn: "2026-12-31",
            level: "OPERATIONAL",
            tables: { __typename: "TableConnection", edges: [{ __typename: "TableEdge", node: table("tab_emp", "Empoli") }, { __typename: "TableEdge", node: table("tab_pra", "Prato") }] },
            progress: [
              { __typename: "DirectiveTableProgress", done: false, late: empoliLate, table: table("tab_emp", "Empoli"), progress: empoli },
              {
                __typename: "DirectiveTableProgress",
                done: true,
                late: false,
                table: table("tab_pra", "Prato"),
                progress: { ...ack("IMPLEMENTED", { evidence: "Protocollo interno del 10/11" }), id: "ack_pra" },
              },
            ],
          },
        },
      ],
      pageInfo: { __typename: "PageInfo", hasNextPage: false, endCursor: null },
    },
  };
}

const tables = { tables: { edges: [] }, municipalities: { edges: [] } };
const coordinator = { roles: ["OPERATOR" as const], tables: [{ id: "tab_emp", name: "Empoli", coordinates: true }] };

describe("the directives", () => {
  it("tell the committee the deadline, the level, each table's state and the summary", async () => {
    renderScreen(<Directives />, { session: { roles: ["STEERING"] }, queries: { SteeringDirectives: directives(ack("IN_PROGRESS"), true), SteeringTables: tables } });
    const card = await screen.findByRole("article", { name: "Tempi di presa in carico" });
    expect(card.textContent).toContain("Scadenza 31/12/2026");
    expect(card.textContent).toContain("Livello Operativo");
    expect(card.textContent).toContain("1 tavolo su 2 ha attuato; 1 in ritardo");
    expect(card.textContent).toContain("Evidenza: Protocollo interno del 10/11");
    expect(within(card).getByText("in ritardo", { selector: ".badge" })).toBeTruthy();
    // The committee records nothing for a table.
    expect(within(card).queryByRole("button", { name: /Segna/ })).toBeNull();
  });

  it("offer the coordinator only the steps ahead, for their own table", async () => {
    renderScreen(<Directives />, { session: coordinator, queries: { SteeringDirectives: directives(ack("IN_PROGRESS")), SteeringTables: tables } });
    const card = await screen.findByRole("article", { name: "Tempi di presa in carico" });
    expect(within(card).queryByRole("button", { name: "Segna in corso — direttiva «Tempi di presa in carico», Empoli" })).toBeNull();
    expect(within(card).getByRole("button", { name: "Segna come attuato — direttiva «Tempi di presa in carico», Empoli" })).toBeTruthy();
    expect(within(card).getByRole("button", { name: "Non applicabile — direttiva «Tempi di presa in carico», Empoli" })).toBeTruthy();
    expect(within(card).queryByRole("button", { name: /, Prato$/ })).toBeNull();
  });

  it("mark a directive in progress in one step", async () => {
    const mutations = vi.fn(() => ({ data: { recordDirectiveProgress: ack("IN_PROGRESS") } }));
    renderScreen(<Directives />, { session: coordinator, queries: { SteeringDirectives: directives(null), SteeringTables: tables }, mutations });
    await userEvent.setup().click(await screen.findByRole("button", { name: "Segna in corso — direttiva «Tempi di presa in carico», Empoli" }));
    await waitFor(() => expect(mutations).toHaveBeenCalledWith("SteeringRecordDirectiveProgress", { id: "dir_1", tableID: "tab_emp", status: "IN_PROGRESS" }));
  });

  it("need evidence to mark it implemented, then offer to attach a document", async () => {
    const mutations = vi.fn(() => ({ data: { recordDirectiveProgress: ack("IMPLEMENTED", { evidence: "Verbale" }) } }));
    renderScreen(<Directives />, { session: coordinator, queries: { SteeringDirectives: directives(ack("IN_PROGRESS")), SteeringTables: tables }, mutations });
    const user = userEvent.setup();
    await user.click(await screen.findByRole("button", { name: "Segna come attuato — direttiva «Tempi di presa in carico», Empoli" }));
    const form = screen.getByRole("form", { name: "Segna come attuato — direttiva «Tempi di presa in carico», Empoli" });
    await user.click(within(form).getByRole("button", { name: "Registra l'attuazione" }));
    expect(await within(form).findByText("Descrivi che cosa ha fatto il tavolo per attuarla.")).toBeTruthy();
    expect(mutations).not.toHaveBeenCalled();
    await user.type(within(form).getByLabelText("Evidenza dell'attuazione"), "Verbale");
    await user.click(within(form).getByRole("button", { name: "Registra l'attuazione" }));
    await waitFor(() =>
      expect(mutations).toHaveBeenCalledWith("SteeringRecordDirectiveProgress", expect.objectContaining({ status: "IMPLEMENTED", evidence: "Verbale", tableID: "tab_emp" })),
    );
    expect(await screen.findByText("Attuazione registrata. Puoi allegare un documento che la attesti.")).toBeTruthy();
  });

  it("show the server's refusal in the user's words", async () => {
    const mutations = vi.fn(() => ({ error: { graphQLErrors: [{ message: "la direttiva non è rivolta al tavolo", extensions: { code: "FORBIDDEN" } }] } }));
    renderScreen(<Directives />, { session: coordinator, queries: { SteeringDirectives: directives(null), SteeringTables: tables }, mutations: mutations as never });
    await userEvent.setup().click(await screen.findByRole("button", { name: "Segna in corso — direttiva «Tempi di presa in carico», Empoli" }));
    expect(await screen.findByRole("alert")).toBeTruthy();
  });
});
