// @vitest-environment jsdom
import { screen, waitFor, within } from "@testing-library/react";
import userEvent from "@testing-library/user-event";
import { CombinedError } from "urql";
import { describe, expect, it, vi } from "vitest";
import { renderScreen } from "../../../test/render";
import type { CaseAction, CaseStatus } from "../../../gql/graphql";
import { CaseActions, visibleActions, type CaseActionView } from "./CaseActions";
import { CaseSteps } from "./steps";

const parts = {
  __typename: "Case",
  id: "cas_1",
  code: "EMP-2026-0001",
  status: "REFERRED",
  version: 3,
  needAreas: ["EMPLOYMENT"],
  table: { id: "tbl_1", name: "Tavolo di Empoli", members: { edges: [{ node: { id: "mem_1", profession: "SOCIAL_WORKER", user: { id: "usr_1", name: "Operatrice" } } }] } },
  caseManager: null,
  plan: null,
  interventions: { edges: [] },
  outcomes: { edges: [] },
  monitoringMeetings: { edges: [] },
  events: { edges: [{ node: { id: "evt_1", occurredAt: "2026-03-01T09:00:00Z" } }] },
};

const conflictEvents = {
  node: {
    __typename: "Case",
    id: "cas_1",
    version: 7,
    status: "UNDER_ASSESSMENT",
    events: { edges: [{ node: { id: "evt_2", kind: "ASSESSMENT_STARTED", occurredAt: "2026-03-02T10:00:00Z", note: null, actor: { id: "usr_9", name: "Collega" } } }] },
  },
};

function setup(allowed: readonly CaseAction[], mutation = vi.fn(), blocked: CaseActionView[] = [], status: CaseStatus = "REFERRED") {
  const onChanged = vi.fn();
  const actions: CaseActionView[] = [...allowed.map((action) => ({ action, allowed: true, blockers: [] })), ...blocked];
  renderScreen(
    <CaseSteps caseId="cas_1" version={3} actions={actions} onChanged={onChanged}>
      <CaseActions caseId="cas_1" status={status} actions={actions} />
    </CaseSteps>,
    {
    route: "/cases/:id",
    path: "/cases/cas_1",
    queries: (name) => ({ data: name === "CaseActionsConflictEvents" ? conflictEvents : { node: parts } }),
    mutations: mutation,
    },
  );
  return { onChanged, mutation };
}

describe("the case's actions", () => {
  it("lead with the next step, then the others by what they touch", () => {
    setup(["ADD_NOTE", "START_ASSESSMENT", "DECLINE_REFERRAL"]);
    const group = screen.getByRole("group", { name: "Azioni sul caso" });
    expect(within(screen.getByTestId("next-step")).getByRole("button").textContent).toBe("Avvia valutazione");
    expect(within(screen.getByRole("group", { name: "Caso" })).getAllByRole("button").map((b) => b.textContent)).toEqual(["Aggiungi nota", "Respingi la segnalazione"]);
    expect(within(group).getAllByRole("button")).toHaveLength(3);
    expect(screen.queryByRole("button", { name: "Prendi in carico" })).toBeNull();
    expect(screen.queryByRole("button", { name: "Chiudi il caso" })).toBeNull();
  });

  it("show a blocked step disabled, with why and what is in the way", () => {
    const blocker = { __typename: "Intervention", id: "int_1", kind: "INTERNSHIP", description: "Tirocinio in cooperativa" };
    setup(["ADD_INTERVENTION", "RECORD_OUTCOME"], vi.fn(), [{ action: "CLOSE_CASE", allowed: false, blockedBy: "INTERVENTIONS_PENDING", blockers: [blocker] }], "IN_CHARGE");
    const close = screen.getByRole("button", { name: "Chiudi il caso" }) as HTMLButtonElement;
    expect(close.disabled).toBe(true);
    const reason = screen.getByTestId("blocked-CLOSE_CASE");
    expect(close.getAttribute("aria-describedby")).toBe(reason.id);
    expect(reason.textContent).toBe("Prima concludi o interrompi l'intervento «Tirocinio: Tirocinio in cooperativa».");
  });

  it("show nothing when no action is allowed", () => {
    setup([]);
    expect(screen.queryByRole("group", { name: "Azioni sul caso" })).toBeNull();
    expect(visibleActions(["CLOSE_CASE", "TAKE_CHARGE"]).map((a) => a.action)).toEqual(["TAKE_CHARGE", "CLOSE_CASE"]);
    // A step on a part is in the part's row.
    expect(visibleActions(["UPDATE_GOAL", "ADD_GOAL"]).map((a) => a.action)).toEqual(["ADD_GOAL"]);
  });

  it("say what changed on a conflict and retry on the current version", async () => {
    const user = userEvent.setup();
    const conflict = new CombinedError({
      graphQLErrors: [{ message: "changed", extensions: { code: "CONFLICT", currentVersion: 7, currentStatus: "UNDER_ASSESSMENT", caseId: "cas_1" } }],
    });
    const mutation = vi
      .fn()
      .mockReturnValueOnce({ error: conflict })
      .mockReturnValueOnce({ data: { startAssessment: { id: "cas_1", version: 8, status: "UNDER_ASSESSMENT", firstMeetingOn: null, planDueOn: null } } });
    const { onChanged } = setup(["START_ASSESSMENT"], mutation);

    await user.click(await screen.findByRole("button", { name: "Avvia valutazione" }));
    const dialog = await screen.findByRole("dialog");
    const date = within(dialog).getByLabelText("Data del primo colloquio");
    await user.clear(date);
    await user.type(date, "2026-03-05");
    await user.click(within(dialog).getByRole("button", { name: "Conferma" }));

    expect(await within(dialog).findByText("Nel frattempo il caso è stato modificato")).toBeTruthy();
    expect(mutation).toHaveBeenLastCalledWith("CaseActionsStartAssessment", expect.objectContaining({ id: "cas_1", version: 3 }));
    expect(within(dialog).getByText("Versione: vista 3, attuale 7.")).toBeTruthy();
    expect(within(dialog).getByText("Stato: visto «Segnalato», attuale «In valutazione».")).toBeTruthy();
    expect(await within(dialog).findByText(/Valutazione avviata \(Collega\)/)).toBeTruthy();
    expect(onChanged).toHaveBeenCalledTimes(1);
    // The input is kept.
    expect((within(dialog).getByLabelText("Data del primo colloquio") as HTMLInputElement).value).toBe("2026-03-05");

    await user.click(within(dialog).getByRole("button", { name: "Riprova con la versione aggiornata" }));
    await waitFor(() => expect(onChanged).toHaveBeenCalledTimes(2));
    expect(mutation).toHaveBeenLastCalledWith("CaseActionsStartAssessment", expect.objectContaining({ id: "cas_1", version: 7, firstMeetingOn: "2026-03-05" }));
    await waitFor(() => expect(screen.queryByRole("dialog")).toBeNull());
  });

  it("say what to fix before sending", async () => {
    const user = userEvent.setup();
    const { mutation } = setup(["ADD_NOTE"]);
    await user.click(await screen.findByRole("button", { name: "Aggiungi nota" }));
    const dialog = await screen.findByRole("dialog");
    await user.click(within(dialog).getByRole("button", { name: "Conferma" }));
    expect(await within(dialog).findByText("Scrivi il testo della nota.")).toBeTruthy();
    expect(mutation).not.toHaveBeenCalled();
  });
});
