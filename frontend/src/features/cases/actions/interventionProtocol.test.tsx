// @vitest-environment jsdom
import { screen, waitFor, within } from "@testing-library/react";
import userEvent from "@testing-library/user-event";
import { describe, expect, it, vi } from "vitest";
import type { CaseAction } from "../../../gql/graphql";
import { aCasePage } from "../../../test/caseFixture";
import { renderScreen, type Answerer } from "../../../test/render";
import { CasePage } from "../CasePage";
import { inForceOn } from "./forms/options";

// The protocol an intervention is delivered under: chosen among the
// protocols in force on its start day (asked of the API with that day),
// shown in the case's list of interventions, removed on update by
// choosing none.

const empty = { edges: [] };
const protocol = { id: "prt_1", title: "Protocollo per l'inserimento lavorativo" };
const intervention = {
  id: "int_1",
  kind: "INTERNSHIP",
  description: "Tirocinio in cooperativa",
  startsOn: "2026-02-01",
  endsOn: null,
  status: "ONGOING",
  costCents: 0,
  provider: { id: "org_2", name: "Cooperativa Il Ponte" },
  fund: null,
  protocol,
};
const parts = {
  __typename: "Case",
  id: "cas_1",
  code: "EMP-2026-0042",
  status: "IN_CHARGE",
  version: 4,
  needAreas: ["EMPLOYMENT"],
  table: { id: "tab_1", name: "Tavolo di Empoli", members: empty },
  caseManager: { id: "usr_2", name: "Bruno Referente" },
  plan: null,
  interventions: { edges: [{ node: intervention }] },
  outcomes: empty,
  monitoringMeetings: empty,
  events: { edges: [{ node: { id: "evt_1", occurredAt: "2026-02-01T09:00:00Z" } }] },
};

/** The API's protocols in force: the first on any day, the second only from March. */
function protocolsOn(where: { and?: { or?: { validFromLTE?: string }[] }[] }) {
  const day = where.and?.[0]?.or?.[1]?.validFromLTE ?? "";
  const list = day >= "2026-03-01" ? [protocol, { id: "prt_2", title: "Protocollo per l'emergenza abitativa" }] : [protocol];
  return { protocols: { edges: list.map((node) => ({ node })) } };
}

function setup(actions: readonly CaseAction[], mutations: Answerer = () => undefined) {
  const mutation = vi.fn(mutations);
  const { queries } = renderScreen(<CasePage />, {
    route: "/cases/:id",
    path: "/cases/cas_1",
    session: { roles: ["OPERATOR"], tables: [{ id: "tab_1" }] },
    queries: (name, variables) => {
      switch (name) {
        case "CasePage":
          return { data: { node: aCasePage({ actions: actions.map((action) => ({ action, allowed: true, blockedBy: null, blockers: [] })), interventions: { edges: [{ node: intervention }] } }) } };
        case "CaseActionsParts":
          return { data: { node: parts } };
        case "CaseActionsFunds":
          return { data: { funds: empty } };
        case "OrganizationOptions":
          return { data: { organizations: { edges: [{ node: { id: "org_2", name: "Cooperativa Il Ponte" } }] } } };
        case "CaseActionsProtocols":
          return { data: protocolsOn(variables.where as never) };
        case "DocumentsList":
          return { data: { node: { __typename: "Case", id: "cas_1", documents: { totalCount: 0, edges: [] } } } };
        default:
          return undefined;
      }
    },
    mutations: mutation,
  });
  return { user: userEvent.setup(), mutation, queries };
}

const options = (select: HTMLElement) => [...(select as HTMLSelectElement).options].map((o) => o.textContent);

describe("an intervention's protocol", { timeout: 20_000 }, () => {
  it("asks the API for the ACTIVE protocols in force on a day", () => {
    expect(inForceOn("2026-04-01")).toEqual({
      status: "ACTIVE",
      and: [{ or: [{ validFromIsNil: true }, { validFromLTE: "2026-04-01" }] }, { or: [{ validUntilIsNil: true }, { validUntilGTE: "2026-04-01" }] }],
    });
  });

  it("shows in the case's list of interventions", async () => {
    setup([]);
    const table = await screen.findByRole("table", { name: "Interventi" });
    expect(within(table).getByRole("columnheader", { name: "Protocollo" })).toBeTruthy();
    expect(within(table).getByText(protocol.title)).toBeTruthy();
  });

  it("is chosen, when adding one, among those in force on the start day", async () => {
    const { user, mutation, queries } = setup(["ADD_INTERVENTION"], () => ({ data: { addIntervention: { id: "int_2", kind: "TRAINING", status: "PLANNED", startsOn: "2026-03-02", endsOn: null, costCents: 0, protocol: null } } }));
    await user.click(await screen.findByRole("button", { name: "Aggiungi intervento" }));
    const dialog = await screen.findByRole("dialog");
    await user.selectOptions(within(dialog).getByLabelText("Tipo di intervento"), "TRAINING");
    await user.selectOptions(within(dialog).getByLabelText("Ente erogatore"), "org_2");
    const start = within(dialog).getByLabelText("Data di inizio");
    await user.clear(start);
    await user.type(start, "2026-02-10");
    const select = within(dialog).getByLabelText("Protocollo");
    await waitFor(() => expect(options(select)).toEqual(["— Nessun protocollo —", protocol.title]));
    await user.clear(start);
    await user.type(start, "2026-03-02");
    await waitFor(() => expect(options(select)).toEqual(["— Nessun protocollo —", protocol.title, "Protocollo per l'emergenza abitativa"]));
    const asked = queries.filter((q) => q.name === "CaseActionsProtocols").map((q) => q.variables.where);
    expect(asked).toContainEqual(inForceOn("2026-03-02"));
    await user.selectOptions(select, "prt_2");
    await user.click(within(dialog).getByRole("button", { name: "Conferma" }));
    await waitFor(() => expect(mutation).toHaveBeenCalled());
    expect(mutation.mock.calls[0]?.[1]).toMatchObject({ input: { kind: "TRAINING", startsOn: "2026-03-02", protocolID: "prt_2" } });
  });

  it("refuses, when adding one, a protocol no longer in force on a start day changed since", async () => {
    const { user, mutation } = setup(["ADD_INTERVENTION"]);
    await user.click(await screen.findByRole("button", { name: "Aggiungi intervento" }));
    const dialog = await screen.findByRole("dialog");
    await user.selectOptions(within(dialog).getByLabelText("Tipo di intervento"), "TRAINING");
    await user.selectOptions(within(dialog).getByLabelText("Ente erogatore"), "org_2");
    const start = within(dialog).getByLabelText("Data di inizio");
    await user.clear(start);
    await user.type(start, "2026-03-02");
    const select = within(dialog).getByLabelText("Protocollo");
    await waitFor(() => expect(options(select)).toHaveLength(3));
    await user.selectOptions(select, "prt_2");
    await user.clear(start);
    await user.type(start, "2026-02-10");
    await waitFor(() => expect(options(select)).toHaveLength(2));
    await user.click(within(dialog).getByRole("button", { name: "Conferma" }));
    expect(await within(dialog).findByText("Il protocollo scelto non è in vigore alla data di inizio: scegline un altro o nessuno.")).toBeTruthy();
    expect(mutation).not.toHaveBeenCalled();
  });

  it("is removed on update by choosing none", async () => {
    const { user, mutation } = setup(["UPDATE_INTERVENTION"], () => ({
      data: { updateIntervention: { id: "int_1", status: "ONGOING", endsOn: null, costCents: 0, fund: null, protocol: null } },
    }));
    await user.click(await screen.findByRole("button", { name: "Aggiorna l'intervento «Tirocinio: Tirocinio in cooperativa»" }));
    const dialog = await screen.findByRole("dialog");
    const select = within(dialog).getByLabelText("Protocollo");
    await waitFor(() => expect((select as HTMLSelectElement).value).toBe("prt_1"));
    await user.selectOptions(select, "none");
    await user.click(within(dialog).getByRole("button", { name: "Conferma" }));
    await waitFor(() => expect(mutation).toHaveBeenCalled());
    expect(mutation).toHaveBeenCalledWith("CaseActionsUpdateIntervention", { id: "int_1", version: 4, input: { clearProtocol: true } });
  });
});
