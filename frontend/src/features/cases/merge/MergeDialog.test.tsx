// @vitest-environment jsdom
import { fireEvent, screen, waitFor, within } from "@testing-library/react";
import { GraphQLError } from "graphql";
import { CombinedError } from "urql";
import { describe, expect, it, vi } from "vitest";
import { renderScreen, type Answerer } from "../../../test/render";
import { MergePersonAction, type MergeRecord } from "./MergeDialog";

const self: MergeRecord = {
  id: "per_this",
  pseudonym: "P-THIS0001",
  identity: {
    firstName: "Maria",
    lastName: "Rossi",
    taxCode: null,
    birthDate: "1980-01-31",
    birthPlace: "Empoli",
    email: null,
    phone: "0571 000000",
    address: "Via Roma 1",
    postalCode: "50053",
    city: "Empoli",
  },
  cases: 1,
  consents: 2,
};

const otherIdentity = { __typename: "PersonIdentity", id: "pid_other", ...self.identity, taxCode: "RSSMRA80A71D403X", address: "Via Verdi 2" };

const match = (personID: string, pseudonym: string) => ({
  __typename: "PersonMatch",
  personID,
  pseudonym,
  birthYear: 1980,
  reasons: ["NAME_AND_BIRTH_DATE"],
  openCaseID: null,
  openCaseCode: null,
  openCaseTable: null,
});

const queries: Answerer = (name) => {
  if (name === "MergeFindMatches") {
    return { data: { findPersonMatches: [match("per_this", "P-THIS0001"), match("per_other", "P-OTHER002"), match("per_far", "P-FAR00003")] } };
  }
  if (name === "MergeCandidates") {
    return {
      data: {
        nodes: [
          { __typename: "Person", id: "per_other", pseudonym: "P-OTHER002", identity: otherIdentity, cases: { __typename: "CaseConnection", totalCount: 3 }, consents: [{ __typename: "Consent", id: "cns_1" }] },
          null,
        ],
      },
      error: new CombinedError({ graphQLErrors: [new GraphQLError("not found", { path: ["nodes", 1], extensions: { code: "NOT_FOUND" } })] }),
    };
  }
  return undefined;
};

function setup({ coordinates = true, record = self as MergeRecord | null, mutations }: { coordinates?: boolean; record?: MergeRecord | null; mutations?: Answerer } = {}) {
  const onMerged = vi.fn();
  const s = renderScreen(<MergePersonAction self={record} tableID="tab_1" onMerged={onMerged} />, {
    session: { roles: ["COORDINATOR"], tables: [{ id: "tab_1", coordinates }] },
    queries,
    mutations: mutations ?? (() => ({ data: { mergePersons: { __typename: "Person", id: "per_this", pseudonym: "P-THIS0001", identity: { ...otherIdentity, id: "pid_this" } } } })),
  });
  return { ...s, onMerged };
}

/** Opens the dialog, searches as prefilled and chooses the other record. */
async function pickOther() {
  fireEvent.click(screen.getByRole("button", { name: "Unisci con un'altra anagrafica" }));
  const dialog = await screen.findByRole("dialog");
  fireEvent.click(within(dialog).getByRole("button", { name: "Cerca" }));
  fireEvent.click(await within(dialog).findByRole("button", { name: "Scegli l'anagrafica P-OTHER002" }));
  await within(dialog).findByRole("heading", { name: "2. Confronta e scegli i dati da tenere" });
  return dialog;
}

// Several renders of a modal each: slow on a loaded machine.
describe("the merge dialog", { timeout: 20_000 }, () => {
  it("is offered to the coordinators of the case's table who read the identity only", () => {
    setup({ coordinates: false });
    expect(screen.queryByRole("button", { name: "Unisci con un'altra anagrafica" })).toBeNull();
    setup({ record: null });
    expect(screen.queryByRole("button", { name: "Unisci con un'altra anagrafica" })).toBeNull();
  });

  it("searches as this record's identity says and lists the other records, the unreadable one without a choice", async () => {
    const s = setup();
    fireEvent.click(screen.getByRole("button", { name: "Unisci con un'altra anagrafica" }));
    const dialog = await screen.findByRole("dialog");
    expect((within(dialog).getByLabelText("Cognome") as HTMLInputElement).value).toBe("Rossi");
    expect((within(dialog).getByLabelText("Data di nascita") as HTMLInputElement).value).toBe("1980-01-31");
    fireEvent.click(within(dialog).getByRole("button", { name: "Cerca" }));
    const list = await within(dialog).findByTestId("merge-candidates");
    const rows = within(list).getAllByRole("row").slice(1);
    expect(rows).toHaveLength(2); // not this record
    expect(rows[0]!.textContent).toContain("P-OTHER002");
    expect(rows[0]!.textContent).toContain("Maria Rossi");
    expect(rows[0]!.textContent).toContain("RSSMRA80A71D403X");
    expect(rows[0]!.textContent).toContain("Stessi nome, cognome e data di nascita");
    expect(rows[1]!.textContent).toContain("Identità non visibile per te");
    expect(within(rows[1]!).queryByRole("button")).toBeNull();
    expect(s.queries.find((q) => q.name === "MergeFindMatches")?.variables).toEqual({ lastName: "Rossi", firstName: "Maria", birthDate: "1980-01-31" });
    expect(s.queries.find((q) => q.name === "MergeFindMatches")?.context.requestPolicy).toBe("network-only");
    expect(s.queries.find((q) => q.name === "MergeCandidates")?.variables).toEqual({ ids: ["per_other", "per_far"] });
  });

  it("asks for a tax code or the whole name and birth date before searching", async () => {
    const s = setup();
    fireEvent.click(screen.getByRole("button", { name: "Unisci con un'altra anagrafica" }));
    const dialog = await screen.findByRole("dialog");
    fireEvent.change(within(dialog).getByLabelText("Nome"), { target: { value: "" } });
    fireEvent.click(within(dialog).getByRole("button", { name: "Cerca" }));
    expect(await within(dialog).findByText("Indica un codice fiscale, oppure cognome, nome e data di nascita.")).toBeTruthy();
    expect(s.queries.filter((q) => q.name === "MergeFindMatches")).toHaveLength(0);
  });

  it("compares both identities, equal fields without a choice, and merges with the fields chosen", async () => {
    const s = setup();
    const dialog = await pickOther();
    // Equal fields: no choice, said equal; differing ones: a choice, the survivor's by default.
    const name = within(dialog).getByTestId("merge-field-firstName");
    expect(within(name).queryByRole("radio")).toBeNull();
    expect(name.textContent).toContain("Uguale nelle due anagrafiche");
    const tax = within(dialog).getByTestId("merge-field-taxCode");
    expect(within(tax).getAllByRole("radio")).toHaveLength(2);
    expect((within(tax).getByRole("radio", { name: /Codice fiscale: valore di questa anagrafica/ }) as HTMLInputElement).checked).toBe(true);
    // The summary names what moves where.
    const summary = within(dialog).getByTestId("merge-summary");
    expect(summary.textContent).toContain("I casi e i consensi di P-OTHER002 passano a P-THIS0001");
    expect(summary.textContent).toContain("3 casi e un consenso");
    expect(summary.textContent).toContain("Un amministratore può annullare");

    fireEvent.click(within(tax).getByRole("radio", { name: /Codice fiscale: valore dell'altra anagrafica/ }));
    expect(tax.textContent).toContain("RSSMRA80A71D403X");
    fireEvent.click(within(dialog).getByRole("button", { name: "Unisci le anagrafiche" }));
    await waitFor(() => expect(s.onMerged).toHaveBeenCalled());
    expect(s.mutations[0]?.variables).toEqual({
      input: { survivorID: "per_this", mergedID: "per_other", taxCode: "MERGED", address: "SURVIVOR" },
    });
    expect(screen.queryByRole("dialog")).toBeNull();
    expect(screen.getByRole("status").textContent).toContain("Anagrafiche unite: resta P-THIS0001");
  });

  it("keeps the other record when chosen, the fields following it", async () => {
    const s = setup({ mutations: () => ({ data: { mergePersons: { __typename: "Person", id: "per_other", pseudonym: "P-OTHER002", identity: otherIdentity } } }) });
    const dialog = await pickOther();
    fireEvent.click(within(dialog).getByRole("radio", { name: /L'altra anagrafica \(P-OTHER002\)/ }));
    expect(within(dialog).getByTestId("merge-summary").textContent).toContain("I casi e i consensi di P-THIS0001 passano a P-OTHER002");
    fireEvent.click(within(dialog).getByRole("button", { name: "Unisci le anagrafiche" }));
    await waitFor(() => expect(s.onMerged).toHaveBeenCalled());
    expect(s.mutations[0]?.variables).toEqual({
      input: { survivorID: "per_other", mergedID: "per_this", taxCode: "SURVIVOR", address: "SURVIVOR" },
    });
  });

  it("says why a merge is refused, in its words, and stays open", async () => {
    const s = setup({
      mutations: () => ({
        error: new CombinedError({
          graphQLErrors: [new GraphQLError("both records have an open case: close one", { path: ["mergePersons"], extensions: { code: "CONFLICT" } })],
        }),
      }),
    });
    const dialog = await pickOther();
    fireEvent.click(within(dialog).getByRole("button", { name: "Unisci le anagrafiche" }));
    const alert = await within(dialog).findByRole("alert");
    expect(alert.textContent).toContain("Entrambe le anagrafiche hanno un caso aperto");
    expect(s.onMerged).not.toHaveBeenCalled();
    expect(screen.getByRole("dialog")).toBeTruthy();
  });
});
