// @vitest-environment jsdom
import { fireEvent, screen, waitFor, within } from "@testing-library/react";
import { GraphQLError } from "graphql";
import { CombinedError } from "urql";
import { describe, expect, it } from "vitest";
import { renderScreen, type Answerer } from "../../test/render";
import { Admin } from "./Admin";

const event = (id: string, action: string, entityID: string, changes: string | null = null) => ({
  __typename: "AuditEvent",
  id,
  occurredAt: "2026-11-25T09:59:40Z",
  action,
  entityType: "Person",
  entityID,
  requestID: "req_merge",
  clientAddress: null,
  changes,
  actor: { __typename: "User", id: "usr_7", name: "Coordinatrice Empoli", email: "c@example.it" },
  organization: null,
});

function renderLog(mutations: Answerer) {
  const events = [
    event("aud_1", "MERGE_PERSONS", "per_kept", '{"side":"SURVIVOR","mergedId":"per_merged"}'),
    event("aud_2", "MERGE_PERSONS", "per_merged", '{"side":"MERGED","survivorId":"per_kept"}'),
    event("aud_3", "UPDATE", "per_other"),
    // Logged before the events said their side: offered, the server tells.
    event("aud_4", "MERGE_PERSONS", "per_old"),
  ];
  return renderScreen(<Admin />, {
    route: "/admin/*",
    path: "/admin/audit?action=MERGE_PERSONS",
    session: { id: "usr_1", roles: ["ADMIN"] },
    queries: () => ({
      data: {
        auditEvents: { totalCount: events.length, edges: events.map((node) => ({ node })), pageInfo: { hasNextPage: false, endCursor: null } },
        users: { edges: [] },
      },
    }),
    mutations,
  });
}

describe("the undo of a merge in the audit log", { timeout: 20_000 }, () => {
  it("is offered on the merged record's row, asks first, and undoes it", async () => {
    const s = renderLog(() => ({ data: { undoPersonMerge: "per_merged" } }));
    expect(await screen.findByRole("button", { name: "Annulla unione dell'anagrafica per_merged" })).toBeTruthy();
    // Not on the kept record's row, nor on other events.
    expect(screen.getAllByRole("button", { name: /^Annulla unione dell'anagrafica/ }).map((b) => b.getAttribute("aria-label"))).toEqual([
      "Annulla unione dell'anagrafica per_merged",
      "Annulla unione dell'anagrafica per_old",
    ]);
    fireEvent.click(screen.getByRole("button", { name: "Annulla unione dell'anagrafica per_merged" }));
    const dialog = await screen.findByRole("dialog");
    expect(dialog.textContent).toContain("L'anagrafica per_merged torna separata");
    expect(s.mutations).toHaveLength(0);
    fireEvent.click(within(dialog).getByRole("button", { name: "Annulla l'unione" }));
    await waitFor(() => expect(screen.getByRole("status").textContent).toContain("Unione annullata: l'anagrafica per_merged è di nuovo separata"));
    expect(s.mutations[0]).toMatchObject({ name: "AdminUndoPersonMerge", variables: { mergedID: "per_merged" } });
  });

  it("says why the server refuses, in the dialog", async () => {
    renderLog((_, v) => ({
      error: new CombinedError({
        graphQLErrors: [
          v.mergedID === "per_old"
            ? new GraphQLError("is not a record merged into another", { extensions: { code: "BAD_USER_INPUT", field: "mergedID" } })
            : new GraphQLError("a case was opened for the person since the merge", { extensions: { code: "CONFLICT" } }),
        ],
      }),
    }));
    fireEvent.click(await screen.findByRole("button", { name: "Annulla unione dell'anagrafica per_merged" }));
    let dialog = await screen.findByRole("dialog");
    fireEvent.click(within(dialog).getByRole("button", { name: "Annulla l'unione" }));
    expect((await within(dialog).findByRole("alert")).textContent).toContain("Non si può più annullare: dopo l'unione è stato aperto un nuovo caso");
    fireEvent.click(within(dialog).getByRole("button", { name: "Annulla" }));
    await waitFor(() => expect(screen.queryByRole("dialog")).toBeNull());

    fireEvent.click(screen.getByRole("button", { name: "Annulla unione dell'anagrafica per_old" }));
    dialog = await screen.findByRole("dialog");
    expect(within(dialog).queryByRole("alert")).toBeNull(); // the last refusal is not carried over
    fireEvent.click(within(dialog).getByRole("button", { name: "Annulla l'unione" }));
    expect((await within(dialog).findByRole("alert")).textContent).toContain("è quella mantenuta");
  });
});
