// @vitest-environment jsdom
import { screen, waitFor, within } from "@testing-library/react";
import userEvent from "@testing-library/user-event";
import { describe, expect, it, vi } from "vitest";
import { renderScreen } from "../../test/render";
import { TimeLimits } from "./TimeLimits";

// Each table's time limits, and beside them whether its plans and
// closures wait for the coordinator's approval, saved on their own.

const tables = {
  tables: {
    edges: [
      {
        node: {
          __typename: "Table",
          id: "tab_emp",
          name: "Tavolo territoriale di Empoli",
          code: "EMP",
          daysToFirstMeeting: 30,
          daysToPlan: 60,
          planNeedsApproval: false,
          closureNeedsApproval: true,
          coordinator: { __typename: "User", id: "usr_coord" },
        },
      },
    ],
  },
  municipalities: { edges: [] },
};

describe("the tables' time limits and approvals", () => {
  it("save which steps wait for the coordinator's approval, for one table", async () => {
    const mutations = vi.fn(() => ({ data: { setTableApprovals: { __typename: "Table", id: "tab_emp", planNeedsApproval: true, closureNeedsApproval: false } } }));
    renderScreen(<TimeLimits />, { session: { roles: ["STEERING"] }, queries: { SteeringTables: tables }, mutations });
    const user = userEvent.setup();
    const form = await screen.findByRole("form", { name: "Approvazioni del coordinatore — Tavolo territoriale di Empoli" });
    const plan = within(form).getByLabelText("Il progetto personalizzato richiede l'approvazione del coordinatore") as HTMLInputElement;
    const closure = within(form).getByLabelText("La chiusura di un caso richiede l'approvazione del coordinatore") as HTMLInputElement;
    expect([plan.checked, closure.checked]).toEqual([false, true]);
    await user.click(plan);
    await user.click(closure);
    await user.click(within(form).getByRole("button", { name: "Salva approvazioni — Tavolo territoriale di Empoli" }));
    await waitFor(() => expect(mutations).toHaveBeenCalledWith("SteeringSetApprovals", { id: "tab_emp", plan: true, closure: false }));
    expect(await within(form).findByRole("status")).toBeTruthy();
  });
});
