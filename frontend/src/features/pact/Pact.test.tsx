// @vitest-environment jsdom
import { screen, waitFor, within } from "@testing-library/react";
import userEvent from "@testing-library/user-event";
import { GraphQLError } from "graphql";
import { CombinedError } from "urql";
import { describe, expect, it, vi } from "vitest";
import { renderScreen } from "../../test/render";
import { Pact } from "./Pact";

// The pact: its text, its signatories over time and its amendments; the
// committee records a signature, others only read.

const pact = {
  pacts: {
    edges: [
      {
        node: {
          __typename: "Pact",
          id: "pac_1",
          name: "Patto territoriale di reciprocità",
          signedOn: "2024-05-10",
          description: "Finalità",
          text: "Testo vigente del patto",
          signatories: {
            edges: [
              {
                node: {
                  __typename: "PactSignatory",
                  id: "sig_1",
                  role: "PROMOTER",
                  joinedOn: "2024-05-10",
                  leftOn: null,
                  leavingReason: null,
                  signerName: "Mario Sindaco",
                  signerRole: "Sindaco",
                  organization: { __typename: "Organization", id: "org_1", name: "Comune di Empoli" },
                },
              },
            ],
          },
          amendments: [
            {
              __typename: "PactAmendment",
              id: "am_1",
              amendedOn: "2025-01-10",
              summary: "Prima modifica",
              previousText: "Testo originario",
              recordedAt: "2025-01-11T10:00:00Z",
              recordedBy: { __typename: "User", id: "usr_1", name: "Anna" },
            },
            {
              __typename: "PactAmendment",
              id: "am_2",
              amendedOn: "2025-06-01",
              summary: "Seconda modifica",
              previousText: null,
              recordedAt: "2025-06-02T10:00:00Z",
              recordedBy: null,
            },
          ],
        },
      },
    ],
  },
  committeeMembers: {
    edges: [
      {
        node: {
          __typename: "CommitteeMember",
          id: "cm_1",
          role: "CHAIR",
          fromOn: "2024-06-01",
          untilOn: null,
          organization: { __typename: "Organization", id: "org_1", name: "Comune di Empoli" },
          representative: { __typename: "User", id: "usr_9", name: "Giulia Assessora" },
        },
      },
    ],
  },
};

const orgs = {
  organizations: {
    edges: [
      { node: { __typename: "Organization", id: "org_1", name: "Comune di Empoli" } },
      { node: { __typename: "Organization", id: "org_2", name: "Cooperativa Arcobaleno" } },
    ],
  },
};

describe("the pact screen", () => {
  it("shows the text, the signatories and the amendments newest first; no actions for an operator", async () => {
    renderScreen(<Pact />, { session: { roles: ["OPERATOR"] }, queries: { Pact: pact } });
    expect(await screen.findByText("Testo vigente del patto")).toBeTruthy();
    const row = within(screen.getByRole("region", { name: "Firmatari" })).getByRole("row", { name: /Comune di Empoli/ });
    expect(within(row).getByText("Promotore")).toBeTruthy();
    expect(within(row).getByText("Sindaco")).toBeTruthy();
    const items = within(screen.getByRole("region", { name: "Modifiche del patto" })).getAllByRole("listitem");
    expect(items[0]?.textContent).toContain("Seconda modifica");
    expect(screen.queryByRole("button", { name: "Aggiungi firmatario" })).toBeNull();
  });

  it("lets the committee add a body that has not signed", async () => {
    const mutations = vi.fn(() => ({ data: { addPactSignatory: { __typename: "PactSignatory", id: "sig_2" } } }));
    renderScreen(<Pact />, { session: { roles: ["STEERING"] }, queries: { Pact: pact, OrganizationOptions: orgs }, mutations });
    const user = userEvent.setup();
    await user.click(await screen.findByRole("button", { name: "Aggiungi firmatario" }));
    const dialog = await screen.findByRole("dialog");
    const body = within(dialog).getByLabelText("Ente") as HTMLSelectElement;
    // The body already taking part is not offered.
    expect([...body.options].map((o) => o.text)).toEqual(["Scegli…", "Cooperativa Arcobaleno"]);
    await user.selectOptions(body, "org_2");
    await user.type(within(dialog).getByLabelText("Firmatario per l'ente"), "Lucia Presidente");
    await user.click(within(dialog).getByRole("button", { name: "Aggiungi" }));
    await waitFor(() =>
      expect(mutations).toHaveBeenCalledWith("PactAddSignatory", {
        pactID: "pac_1",
        input: expect.objectContaining({ organizationID: "org_2", role: "ADHERENT", signerName: "Lucia Presidente" }),
      }),
    );
  });

  it("lets the committee give a seat to a body holding none, its representative among the body's users", async () => {
    const mutations = vi.fn(() => ({ data: { addCommitteeMember: { __typename: "CommitteeMember", id: "cm_2" } } }));
    const users = { users: { edges: [{ node: { __typename: "User", id: "usr_5", name: "Lucia Presidente" } }] } };
    const s = renderScreen(<Pact />, {
      session: { roles: ["STEERING"] },
      queries: (name, vars) => (name === "Pact" ? { data: pact } : name === "OrganizationOptions" ? { data: orgs } : name === "PactBodyUsers" && vars.organizationID === "org_2" ? { data: users } : undefined),
      mutations,
    });
    const user = userEvent.setup();
    await user.click(await screen.findByRole("button", { name: "Aggiungi componente" }));
    const dialog = await screen.findByRole("dialog");
    const body = within(dialog).getByLabelText("Ente") as HTMLSelectElement;
    // The body already seated is not offered; no user is listed before a body is chosen.
    expect([...body.options].map((o) => o.text)).toEqual(["Scegli…", "Cooperativa Arcobaleno"]);
    expect(s.queries.some((q) => q.name === "PactBodyUsers")).toBe(false);
    await user.selectOptions(body, "org_2");
    const representative = within(dialog).getByLabelText("Rappresentante (facoltativo)") as HTMLSelectElement;
    await waitFor(() => expect([...representative.options].map((o) => o.text)).toEqual(["Nessuno", "Lucia Presidente"]));
    await user.selectOptions(representative, "usr_5");
    await user.selectOptions(within(dialog).getByLabelText("Ruolo"), "VICE_CHAIR");
    const fromOn = within(dialog).getByLabelText("Dal giorno");
    await user.clear(fromOn);
    await user.type(fromOn, "2025-02-01");
    await user.click(within(dialog).getByRole("button", { name: "Aggiungi" }));
    await waitFor(() =>
      expect(mutations).toHaveBeenCalledWith("PactAddCommitteeMember", {
        input: { organizationID: "org_2", role: "VICE_CHAIR", representativeID: "usr_5", fromOn: "2025-02-01" },
      }),
    );
    expect(await screen.findByText("Cooperativa Arcobaleno ha ora un seggio nella cabina di regia.")).toBeTruthy();
  });

  it("says in words that a body already holds a seat when the API refuses it", async () => {
    const conflict = new CombinedError({ graphQLErrors: [new GraphQLError("the body already holds a seat in the committee", { extensions: { code: "CONFLICT" } })] });
    const mutations = vi.fn(() => ({ error: conflict }));
    renderScreen(<Pact />, { session: { roles: ["STEERING"] }, queries: { Pact: pact, OrganizationOptions: orgs }, mutations });
    const user = userEvent.setup();
    await user.click(await screen.findByRole("button", { name: "Aggiungi componente" }));
    const dialog = await screen.findByRole("dialog");
    await user.selectOptions(within(dialog).getByLabelText("Ente"), "org_2");
    await user.click(within(dialog).getByRole("button", { name: "Aggiungi" }));
    expect(await within(dialog).findByText(/Questo ente ha già un seggio nella cabina di regia/)).toBeTruthy();
    // Without a representative, none is sent.
    expect(mutations).toHaveBeenCalledWith("PactAddCommitteeMember", { input: expect.objectContaining({ organizationID: "org_2", representativeID: undefined, role: "MEMBER" }) });
  });

  it("offers no seat to add to who does not govern", async () => {
    renderScreen(<Pact />, { session: { roles: ["COORDINATOR"] }, queries: { Pact: pact } });
    expect(await screen.findByRole("row", { name: /Giulia Assessora/ })).toBeTruthy();
    expect(screen.queryByRole("button", { name: "Aggiungi componente" })).toBeNull();
  });
});
