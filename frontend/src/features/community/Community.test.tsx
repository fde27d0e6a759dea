// @vitest-environment jsdom
import { screen, waitFor, within } from "@testing-library/react";
import userEvent from "@testing-library/user-event";
import { describe, expect, it, vi } from "vitest";
import { renderScreen } from "../../test/render";
import { Community } from "./Community";

// The community activities: the list for everyone, the form for the
// committee, which needs at least one organiser.

const list = {
  communityActivities: {
    edges: [
      {
        node: {
          __typename: "CommunityActivity",
          id: "ca_1",
          title: "Laboratorio di quartiere",
          kind: "WORKSHOP",
          heldOn: "2026-02-01",
          participants: 14,
          valueDimension: "SOCIAL",
          description: null,
          municipality: null,
          organizers: { edges: [{ node: { __typename: "Organization", id: "org_1", name: "Cooperativa Arcobaleno" } }] },
          protocol: null,
          directive: null,
        },
      },
    ],
    pageInfo: { __typename: "PageInfo", hasNextPage: false, endCursor: null },
  },
};

// The organisers are picked from the organisations' shared list (ui/organizations).
const organizations = { organizations: { edges: [{ node: { __typename: "Organization", id: "org_1", name: "Cooperativa Arcobaleno" } }] } };

const options = {
  municipalities: { edges: [{ node: { __typename: "Municipality", id: "mun_1", name: "Empoli" } }] },
  protocols: { edges: [] },
  directives: { edges: [] },
};

describe("the community activities screen", () => {
  it("lists the activities, with no form for an operator", async () => {
    renderScreen(<Community />, { session: { roles: ["OPERATOR"] }, queries: { CommunityActivities: list, CommunityOptions: options, OrganizationOptions: organizations } });
    expect(await screen.findByText("Laboratorio di quartiere")).toBeTruthy();
    expect(screen.getByText("14 partecipanti")).toBeTruthy();
    expect(screen.getByText(/Tutta la rete/, { selector: "p" })).toBeTruthy();
    expect(screen.queryByRole("button", { name: "Registra un'attività" })).toBeNull();
  });

  it("records an activity with its organisers; none is refused", async () => {
    const mutations = vi.fn(() => ({ data: { createCommunityActivity: { __typename: "CommunityActivity", id: "ca_2" } } }));
    renderScreen(<Community />, { session: { roles: ["STEERING"] }, queries: { CommunityActivities: list, CommunityOptions: options, OrganizationOptions: organizations }, mutations });
    const user = userEvent.setup();
    await user.click(await screen.findByRole("button", { name: "Registra un'attività" }));
    const form = screen.getByRole("form", { name: "Registra un'attività" });
    await user.type(within(form).getByLabelText("Titolo"), "Festa della reciprocità");
    await user.selectOptions(within(form).getByLabelText("Tipo"), "EVENT");
    await user.type(within(form).getByLabelText("Numero di partecipanti"), "40");
    await user.selectOptions(within(form).getByLabelText("Dimensione di valore"), "CULTURAL");
    await user.click(within(form).getByRole("button", { name: "Registra" }));
    expect(await within(form).findByText("Scegli almeno un ente organizzatore.")).toBeTruthy();
    expect(mutations).not.toHaveBeenCalled();
    await user.click(within(form).getByLabelText("Cooperativa Arcobaleno"));
    await user.click(within(form).getByRole("button", { name: "Registra" }));
    await waitFor(() =>
      expect(mutations).toHaveBeenCalledWith("CommunityCreateActivity", {
        input: expect.objectContaining({ title: "Festa della reciprocità", kind: "EVENT", participants: 40, valueDimension: "CULTURAL", organizerIDs: ["org_1"] }),
      }),
    );
  });
});
