// @vitest-environment jsdom
import { screen, waitFor, within } from "@testing-library/react";
import userEvent from "@testing-library/user-event";
import { describe, expect, it, vi } from "vitest";
import type { CaseAction } from "../../gql/graphql";
import { aCasePage } from "../../test/caseFixture";
import { renderScreen, type Answerer, type ViewerSpec } from "../../test/render";
import type { CaseActionView } from "./actions/CaseActions";
import { CasePage } from "./CasePage";

// Proposals to the table's coordinator on the case page: what waits, for
// whoever reads the case; the coordinator's answers from there (and as
// the next step); the answered ones with the reason of a return; and the
// closure of a case manager at a table that wants approval, said to be a
// proposal before and after.

const empty = { edges: [] };
const pendingClosure = {
  id: "apr_1",
  kind: "CLOSURE",
  status: "PENDING",
  proposedAt: "2026-11-20T10:30:00Z",
  decidedAt: null,
  agreedOn: null,
  closureReason: "GOALS_MET",
  note: "Contratto firmato",
  returnReason: null,
  proposedBy: { id: "usr_cm", name: "Bruno Referente" },
  decidedBy: null,
};
const returnedPlan = {
  id: "apr_0",
  kind: "PLAN",
  status: "RETURNED",
  proposedAt: "2026-10-01T09:00:00Z",
  decidedAt: "2026-10-03T09:00:00Z",
  agreedOn: "2026-09-30",
  closureReason: null,
  note: null,
  returnReason: "Manca l'impegno di reciprocità",
  proposedBy: { id: "usr_cm", name: "Bruno Referente" },
  decidedBy: { id: "usr_coord", name: "Carla Coordinatrice" },
};

function parts(approvals: unknown[], planNeedsApproval = false) {
  return {
    __typename: "Case",
    id: "cas_1",
    code: "EMP-2026-0042",
    status: "IN_CHARGE",
    version: 4,
    needAreas: ["EMPLOYMENT"],
    table: { id: "tab_1", name: "Tavolo di Empoli", planNeedsApproval, closureNeedsApproval: true, coordinator: { id: "usr_coord" }, members: empty },
    caseManager: { id: "usr_cm", name: "Bruno Referente" },
    plan: { id: "pln_1", summary: "Lavoro", agreedOn: null, reviewOn: null, goals: empty, commitments: empty },
    interventions: empty,
    outcomes: empty,
    monitoringMeetings: empty,
    serviceRequests: empty,
    approvals: { edges: approvals.map((node) => ({ node })) },
    events: { edges: [{ node: { id: "evt_1", occurredAt: "2026-02-01T09:00:00Z" } }] },
  };
}

function setup({
  viewer,
  allowed,
  blocked = [],
  approvals,
  mutations = () => undefined,
  planNeedsApproval = false,
}: {
  viewer: ViewerSpec;
  allowed: readonly CaseAction[];
  blocked?: CaseActionView[];
  approvals: unknown[];
  mutations?: Answerer;
  planNeedsApproval?: boolean;
}) {
  const mutation = vi.fn(mutations);
  renderScreen(<CasePage />, {
    route: "/cases/:id",
    path: "/cases/cas_1",
    session: viewer,
    queries: (name) => {
      switch (name) {
        case "CasePage":
          return {
            data: {
              node: aCasePage({
                actions: [...allowed.map((action) => ({ action, allowed: true, blockedBy: null, blockers: [] })), ...blocked],
                approvals: { edges: approvals.map((node) => ({ node })) },
              }),
            },
          };
        case "CaseActionsParts":
          return { data: { node: parts(approvals, planNeedsApproval) } };
        default:
          return undefined;
      }
    },
    mutations: mutation,
  });
  return { user: userEvent.setup(), mutation };
}

const caseManager: ViewerSpec = { id: "usr_cm", roles: ["OPERATOR"], tables: [{ id: "tab_1" }] };
const coordinator: ViewerSpec = { id: "usr_coord", roles: ["COORDINATOR"], tables: [{ id: "tab_1", coordinates: true }] };

describe("proposals to the coordinator on the case page", { timeout: 20_000 }, () => {
  it("show whoever reads the case what waits, by whom and since when, with the closure blocked, and the answered ones", async () => {
    setup({
      viewer: caseManager,
      allowed: ["ADD_NOTE"],
      blocked: [{ action: "CLOSE_CASE", allowed: false, blockedBy: "CLOSURE_AWAITING_APPROVAL", blockers: [] }],
      approvals: [pendingClosure, returnedPlan],
    });
    const banner = await screen.findByRole("region", { name: "Chiusura del caso in attesa di approvazione" });
    expect(banner.textContent).toContain("Bruno Referente ha proposto il 20/11/2026");
    expect(banner.textContent).toContain("(motivo: Obiettivi raggiunti)");
    expect(banner.textContent).toContain("Il caso resta aperto finché il coordinatore del tavolo non la approva.");
    expect(banner.textContent).toContain("Nota della proposta: Contratto firmato");
    // Not the case manager's to answer.
    expect(within(banner).queryByRole("button")).toBeNull();
    expect(screen.getByTestId("blocked-CLOSE_CASE").textContent).toBe("La chiusura proposta attende l'approvazione del coordinatore del tavolo.");

    const history = screen.getByRole("list", { name: "Proposte al coordinatore" });
    const items = within(history).getAllByRole("listitem").map((li) => li.textContent ?? "");
    expect(items[0]).toContain("In attesa del coordinatore del tavolo.");
    expect(items[1]).toContain("Progetto personalizzato, proposta da Bruno Referente");
    expect(items[1]).toContain("Restituita da Carla Coordinatrice il 03/10/2026");
    expect(items[1]).toContain("Motivo: Manca l'impegno di reciprocità");
  });

  it("lead the coordinator with the approval, and approve the proposal as proposed", async () => {
    const { user, mutation } = setup({
      viewer: coordinator,
      allowed: ["ADD_NOTE", "APPROVE_PROPOSAL", "RETURN_PROPOSAL"],
      approvals: [pendingClosure],
      mutations: () => ({ data: { approveProposal: { id: "cas_1", version: 5, status: "CLOSED", closedOn: "2026-11-21", closureReason: "GOALS_MET" } } }),
    });
    const name = "Approva la proposta «Chiusura del caso»";
    await waitFor(() => expect(within(screen.getByTestId("next-step")).getByRole("button").textContent).toBe(name));
    const banner = screen.getByRole("region", { name: "Chiusura del caso in attesa di approvazione" });
    expect(within(banner).getByRole("button", { name: "Restituisci la proposta «Chiusura del caso»" })).toBeTruthy();
    // The steps on the proposal are not repeated among the case's others.
    expect(within(screen.getByRole("group", { name: "Caso" })).queryByRole("button", { name: /proposta/ })).toBeNull();

    await user.click(within(banner).getByRole("button", { name }));
    const dialog = await screen.findByRole("dialog", { name });
    expect(dialog.textContent).toContain("Proposta da Bruno Referente il 20/11/2026. Motivo di chiusura: Obiettivi raggiunti.");
    expect(dialog.textContent).toContain("Approvata, il caso si chiude come proposto.");
    await user.click(within(dialog).getByRole("button", { name: "Approva" }));
    await waitFor(() => expect(screen.queryByRole("dialog")).toBeNull());
    expect(mutation).toHaveBeenCalledWith("CaseActionsApproveProposal", { id: "apr_1", version: 4 });
    expect(screen.getByTestId("step-notice").textContent).toBe("Proposta approvata.");
  });

  it("return a proposal with the reason only", async () => {
    const { user, mutation } = setup({
      viewer: coordinator,
      allowed: ["APPROVE_PROPOSAL", "RETURN_PROPOSAL"],
      approvals: [pendingClosure],
      mutations: () => ({ data: { returnProposal: { id: "cas_1", version: 5, status: "IN_CHARGE" } } }),
    });
    const name = "Restituisci la proposta «Chiusura del caso»";
    await user.click(await screen.findByRole("button", { name }));
    const dialog = await screen.findByRole("dialog", { name });
    await user.click(within(dialog).getByRole("button", { name: "Restituisci" }));
    expect(await within(dialog).findByText("Scrivi il motivo.")).toBeTruthy();
    expect(mutation).not.toHaveBeenCalled();
    await user.type(within(dialog).getByLabelText("Motivo della restituzione"), "Prima il colloquio finale");
    await user.click(within(dialog).getByRole("button", { name: "Restituisci" }));
    await waitFor(() => expect(screen.queryByRole("dialog")).toBeNull());
    expect(mutation).toHaveBeenCalledWith("CaseActionsReturnProposal", { id: "apr_1", version: 4, reason: "Prima il colloquio finale" });
  });

  it("tell a case manager at a table that wants approval that the closure is a proposal, before and after", async () => {
    const { user, mutation } = setup({
      viewer: caseManager,
      allowed: ["CLOSE_CASE"],
      approvals: [],
      mutations: () => ({ data: { closeCase: { id: "cas_1", version: 5, status: "IN_CHARGE", closedOn: null, closureReason: null } } }),
    });
    await user.click(await screen.findByRole("button", { name: "Chiudi il caso" }));
    const dialog = await screen.findByRole("dialog", { name: "Chiusura del caso" });
    await waitFor(() => expect(dialog.textContent).toContain("In questo tavolo la chiusura richiede l'approvazione del coordinatore"));
    await user.selectOptions(within(dialog).getByLabelText("Motivo di chiusura"), "MOVED_AWAY");
    await user.click(within(dialog).getByRole("button", { name: "Proponi la chiusura" }));
    await waitFor(() => expect(screen.queryByRole("dialog")).toBeNull());
    expect(mutation).toHaveBeenCalledWith("CaseActionsCloseCase", expect.objectContaining({ reason: "MOVED_AWAY" }));
    expect(screen.getByTestId("step-notice").textContent).toBe("Chiusura proposta al coordinatore del tavolo: il caso resta aperto finché non la approva.");
  });

  it("close as before for the coordinator, who needs no approval", async () => {
    const { user } = setup({
      viewer: coordinator,
      allowed: ["CLOSE_CASE"],
      approvals: [],
      mutations: () => ({ data: { closeCase: { id: "cas_1", version: 5, status: "CLOSED", closedOn: "2026-11-21", closureReason: "MOVED_AWAY" } } }),
    });
    await user.click(await screen.findByRole("button", { name: "Chiudi il caso" }));
    const dialog = await screen.findByRole("dialog", { name: "Chiusura del caso" });
    expect(dialog.textContent).not.toContain("approvazione");
    await user.selectOptions(within(dialog).getByLabelText("Motivo di chiusura"), "MOVED_AWAY");
    await user.click(within(dialog).getByRole("button", { name: "Chiudi il caso" }));
    await waitFor(() => expect(screen.getByTestId("step-notice").textContent).toBe("Caso chiuso."));
  });

  it("tell a case manager at a table that wants plans approved that agreeing the plan proposes it", async () => {
    const { user, mutation } = setup({
      viewer: caseManager,
      allowed: ["UPDATE_PLAN"],
      approvals: [],
      planNeedsApproval: true,
      // The plan answered keeps no agreement day: it waits for the coordinator.
      mutations: () => ({ data: { updatePlan: { id: "pln_1", summary: "Lavoro", agreedOn: null, reviewOn: null } } }),
    });
    await user.click(await screen.findByRole("button", { name: "Aggiorna progetto" }));
    const dialog = await screen.findByRole("dialog", { name: "Aggiornamento del progetto personalizzato" });
    await waitFor(() => expect(dialog.textContent).toContain("In questo tavolo il progetto sottoscritto richiede l'approvazione del coordinatore"));
    await user.type(within(dialog).getByLabelText("Data di sottoscrizione"), "2026-11-20");
    await user.click(within(dialog).getByRole("button", { name: "Conferma" }));
    await waitFor(() => expect(screen.queryByRole("dialog")).toBeNull());
    expect(mutation).toHaveBeenCalledWith("CaseActionsUpdatePlan", expect.objectContaining({ input: expect.objectContaining({ agreedOn: "2026-11-20" }) }));
    expect(screen.getByTestId("step-notice").textContent).toBe("Progetto proposto al coordinatore del tavolo: la sottoscrizione vale quando lo approva.");
  });
});
