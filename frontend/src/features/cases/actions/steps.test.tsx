// @vitest-environment jsdom
import { screen, waitFor, within } from "@testing-library/react";
import userEvent from "@testing-library/user-event";
import { describe, expect, it, vi } from "vitest";
import type { CaseAction } from "../../../gql/graphql";
import { aCasePage } from "../../../test/caseFixture";
import { renderScreen, type Answerer } from "../../../test/render";
import { CasePage } from "../CasePage";

// The steps on the case page as a whole: a step on one part starts from
// the part's row, bound to it; the closure with the goals met asks about
// what is still open; every step taken says so, politely, and the page
// reloads to show it.

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
};
const openGoal = { id: "gol_1", area: "EMPLOYMENT", description: "Un contratto di lavoro", dueOn: null, status: "OPEN" };
const metGoal = { id: "gol_2", area: "INCOME", description: "Reddito stabile", dueOn: null, status: "ACHIEVED" };
const commitment = { id: "cmt_1", kind: "VOLUNTEERING", description: "Mensa solidale", hoursAgreed: 10, hoursDone: 0, dueOn: null };
const plan = {
  id: "pln_1",
  summary: "Lavoro",
  agreedOn: "2026-02-01",
  reviewOn: null,
  goals: { edges: [{ node: openGoal }, { node: metGoal }] },
  commitments: { edges: [{ node: { ...commitment, host: null } }] },
};
const empty = { edges: [] };

function aCase(actions: readonly CaseAction[]) {
  return aCasePage({
    actions: actions.map((action) => ({ action, allowed: true, blockedBy: null, blockers: [] })),
    plan,
    interventions: { edges: [{ node: intervention }] },
  });
}

const parts = {
  __typename: "Case",
  id: "cas_1",
  code: "EMP-2026-0042",
  status: "IN_CHARGE",
  version: 4,
  needAreas: ["EMPLOYMENT"],
  table: { id: "tab_1", name: "Tavolo di Empoli", members: empty },
  caseManager: { id: "usr_2", name: "Bruno Referente" },
  plan: { ...plan, commitments: { edges: [{ node: commitment }] } },
  interventions: { edges: [{ node: intervention }] },
  outcomes: empty,
  monitoringMeetings: empty,
  events: { edges: [{ node: { id: "evt_1", occurredAt: "2026-02-01T09:00:00Z" } }] },
};

function setup(actions: readonly CaseAction[], mutations: Answerer = () => undefined) {
  const mutation = vi.fn(mutations);
  const { queries } = renderScreen(<CasePage />, {
    route: "/cases/:id",
    path: "/cases/cas_1",
    session: { roles: ["OPERATOR"], tables: [{ id: "tab_1" }] },
    queries: (name) => {
      switch (name) {
        case "CasePage":
          return { data: { node: aCase(actions) } };
        case "CaseActionsParts":
          return { data: { node: parts } };
        case "CaseActionsFunds":
          return { data: { funds: empty } };
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

const updateIntervention = "Aggiorna l'intervento «Tirocinio: Tirocinio in cooperativa»";

describe("the case page's steps", { timeout: 20_000 }, () => {
  it("offer a part's step in its row, naming the part, only when the viewer may take it", async () => {
    setup(["UPDATE_INTERVENTION", "ADD_GOAL"]);
    const button = await screen.findByRole("button", { name: updateIntervention });
    expect(button.textContent).toBe("Aggiorna");
    expect(button.closest("tr")?.querySelector("th")?.textContent).toContain("Tirocinio in cooperativa");
    // Updating a goal is not allowed: no button, no column for it.
    expect(screen.queryByRole("button", { name: /Aggiorna l'obiettivo/ })).toBeNull();
    expect(within(screen.getByRole("table", { name: "Obiettivi" })).queryByRole("columnheader", { name: "Azioni" })).toBeNull();
    // Nor does the actions' area offer the steps on a part.
    expect(within(screen.getByRole("group", { name: "Azioni sul caso" })).queryByRole("button", { name: /Aggiorna/ })).toBeNull();
    // The version is the page's, not the user's.
    expect(screen.queryByText("Versione")).toBeNull();
  });

  it("take a part's step from its row, on that part with no picker, then say so and show the result", async () => {
    const { user, mutation, queries } = setup(["UPDATE_INTERVENTION", "UPDATE_GOAL"], () => ({
      data: { updateIntervention: { id: "int_1", status: "COMPLETED", endsOn: null, costCents: 0, fund: null } },
    }));
    const notice = await screen.findByRole("status");
    expect(notice.textContent).toBe("");
    await user.click(await screen.findByRole("button", { name: updateIntervention }));
    const dialog = await screen.findByRole("dialog", { name: updateIntervention });
    expect(within(dialog).queryByRole("combobox", { name: "Intervento" })).toBeNull();
    await user.selectOptions(within(dialog).getByLabelText("Stato dell'intervento"), "COMPLETED");
    await user.click(within(dialog).getByRole("button", { name: "Conferma" }));

    await waitFor(() => expect(screen.queryByRole("dialog")).toBeNull());
    expect(mutation).toHaveBeenCalledWith("CaseActionsUpdateIntervention", { id: "int_1", version: 4, input: { status: "COMPLETED" } });
    expect(notice.textContent).toBe("Intervento aggiornato.");
    expect(notice.getAttribute("aria-live")).toBe("polite");
    await waitFor(() => expect(document.activeElement).toBe(notice));
    expect(queries.filter((q) => q.name === "CasePage").some((q) => q.context.requestPolicy === "network-only")).toBe(true);
    // The goal's row has its own step too.
    expect(screen.getByRole("button", { name: "Aggiorna l'obiettivo «Un contratto di lavoro»" })).toBeTruthy();
  });

  it("ask before closing with the goals met while some are open, and mark the ones chosen in the same step", async () => {
    const { user, mutation } = setup(["CLOSE_CASE"], () => ({
      data: { closeCase: { id: "cas_1", version: 5, status: "CLOSED", closedOn: "2026-03-01", closureReason: "GOALS_MET" } },
    }));
    await user.click(await screen.findByRole("button", { name: "Chiudi il caso" }));
    const dialog = await screen.findByRole("dialog", { name: "Chiusura del caso" });
    await user.selectOptions(within(dialog).getByLabelText("Motivo di chiusura"), "GOALS_MET");
    await user.click(within(dialog).getByRole("button", { name: "Chiudi il caso" }));

    const question = await within(dialog).findByRole("region", { name: "Obiettivi e impegni ancora aperti" });
    expect(mutation).not.toHaveBeenCalled();
    await waitFor(() => expect(document.activeElement).toBe(within(question).getByRole("heading")));
    // The open goal and the commitment with no hours done, not the goal achieved.
    const goals = within(within(question).getByRole("group", { name: "Segna come raggiunti" })).getAllByRole("checkbox");
    expect(goals.map((c) => c.parentElement?.textContent)).toEqual(["Un contratto di lavoro (ora: Aperto)"]);
    const commitments = within(within(question).getByRole("group", { name: /Segna come assolti/ })).getAllByRole("checkbox");
    expect(commitments.map((c) => c.parentElement?.textContent)).toEqual(["Mensa solidale (0 di 10 ore svolte)"]);

    await user.click(goals[0]!);
    await user.click(within(dialog).getByRole("button", { name: "Conferma la chiusura" }));
    await waitFor(() => expect(screen.queryByRole("dialog")).toBeNull());
    expect(mutation).toHaveBeenCalledWith(
      "CaseActionsCloseCase",
      expect.objectContaining({ id: "cas_1", version: 4, reason: "GOALS_MET", goalsAchieved: ["gol_1"], commitmentsFulfilled: [] }),
    );
    expect(screen.getByRole("status").textContent).toBe("Caso chiuso.");
  });

  it("close for another reason without asking, and with nothing to mark", async () => {
    const { user, mutation } = setup(["CLOSE_CASE"], () => ({
      data: { closeCase: { id: "cas_1", version: 5, status: "CLOSED", closedOn: "2026-03-01", closureReason: "MOVED_AWAY" } },
    }));
    await user.click(await screen.findByRole("button", { name: "Chiudi il caso" }));
    const dialog = await screen.findByRole("dialog", { name: "Chiusura del caso" });
    await user.selectOptions(within(dialog).getByLabelText("Motivo di chiusura"), "MOVED_AWAY");
    await user.click(within(dialog).getByRole("button", { name: "Chiudi il caso" }));
    await waitFor(() => expect(mutation).toHaveBeenCalledTimes(1));
    const [, variables] = mutation.mock.calls[0]!;
    expect(variables).toMatchObject({ reason: "MOVED_AWAY" });
    expect(variables).not.toHaveProperty("goalsAchieved");
    expect(within(dialog).queryByRole("region", { name: "Obiettivi e impegni ancora aperti" })).toBeNull();
  });
});
