// @vitest-environment jsdom
import { act, screen, waitFor, within } from "@testing-library/react";
import userEvent from "@testing-library/user-event";
import { describe, expect, it } from "vitest";
import { renderScreen } from "../../test/render";
import { ReferralWizard } from "./ReferralWizard";

// Renders the wizard with the persons the API finds and one table; asked
// collects the searches, and referCase answers only what the wizard reads.
function renderWizard(matches: unknown[]) {
  const asked: Record<string, unknown>[] = [];
  const screen = renderScreen(<ReferralWizard />, {
    path: "/refer",
    routes: [{ path: "/cases/:id", element: <p>case</p> }],
    session: { id: "usr_1", name: "Operatrice Prova", email: "op@example.org", roles: ["OPERATOR"], organization: { id: "org_1", name: "Comune" } },
    queries: (name, variables) => {
      if (name === "ReferralFindMatches") {
        asked.push(variables);
        return { data: { findPersonMatches: matches } };
      }
      const tables = { edges: [{ node: { __typename: "Table", id: "tab_1", name: "Tavolo di Vinci" } }] };
      return { data: name === "ReferralTables" ? { tables } : { municipalities: { edges: [] } } };
    },
    mutations: (name) => (name === "ReferralReferCase" ? { data: { referCase: { __typename: "Case", id: "cas_new", code: "VIN-2026-0001" } } } : undefined),
  });
  return { asked, screen };
}

async function searchByName() {
  const user = userEvent.setup();
  await user.type(screen.getByLabelText("Cognome"), "Bartolini");
  await user.type(screen.getByLabelText("Nome"), "Giulia");
  // jsdom's date input takes the value typed as YYYY-MM-DD.
  await user.type(screen.getByLabelText("Data di nascita"), "1978-02-14");
  await user.click(screen.getByRole("button", { name: "Cerca corrispondenze" }));
  return user;
}

describe("ReferralWizard's search for known persons", () => {
  it("warns that the person may exist, with why they matched and their open case", async () => {
    const { asked } = renderWizard([
      { __typename: "PersonMatch", personID: "per_1", pseudonym: "P-MT3NKT6J", birthYear: 1978, reasons: ["NAME_AND_BIRTH_DATE"], openCaseID: null, openCaseCode: null, openCaseTable: null },
      { __typename: "PersonMatch", personID: "per_2", pseudonym: "P-QQARHDGF", birthYear: 1978, reasons: ["NAME_AND_BIRTH_DATE"], openCaseID: "cas_9", openCaseCode: "EMP-2025-0020", openCaseTable: "Tavolo di Empoli" },
    ]);
    expect(screen.getByRole("listitem", { current: "step" })).toHaveProperty("textContent", expect.stringContaining("Persona"));
    const user = await searchByName();
    const warning = await screen.findByTestId("duplicate-warning");
    expect(asked).toEqual([{ lastName: "Bartolini", firstName: "Giulia", birthDate: "1978-02-14" }]);
    expect(within(warning).getByText(/Attenzione: esiste già una persona con questi dati/).textContent).toContain("Sono state trovate 2 corrispondenze");
    expect(within(warning).getAllByText("Stessi nome, cognome e data di nascita")).toHaveLength(2);
    // The free person can be linked; the one with an open case cannot, and the case is linked.
    expect(within(warning).getAllByRole("button", { name: /Collega a questa persona/ })).toHaveLength(1);
    expect(within(warning).getByRole("button", { name: "Collega a questa persona (P-MT3NKT6J)" })).toBeTruthy();
    expect(within(warning).getByRole("link", { name: "Vai al caso EMP-2025-0020" }).getAttribute("href")).toBe("/cases/cas_9");
    // Creating anyway asks to confirm it is someone else.
    await user.click(screen.getByRole("button", { name: "Crea una nuova persona" }));
    expect(screen.getByLabelText(/Ho verificato: la persona da segnalare non è nessuna di quelle trovate/)).toBeTruthy();
    expect((screen.getAllByLabelText("Cognome")[1] as HTMLInputElement).value).toBe("Bartolini");
  });

  it("links a known person with the identifiers they were found by", async () => {
    const { screen: wizard } = renderWizard([
      { __typename: "PersonMatch", personID: "per_1", pseudonym: "P-MT3NKT6J", birthYear: 1978, reasons: ["NAME_AND_BIRTH_DATE"], openCaseID: null, openCaseCode: null, openCaseTable: null },
    ]);
    const user = await searchByName();
    await user.click(await screen.findByRole("button", { name: "Collega a questa persona (P-MT3NKT6J)" }));
    await user.selectOptions(await screen.findByLabelText("Tavolo territoriale"), "tab_1");
    await user.selectOptions(screen.getByLabelText("Canale di invio"), "SOCIAL_SERVICES");
    await user.type(screen.getByLabelText("Motivo della segnalazione"), "Perdita del lavoro");
    await user.click(screen.getByLabelText("Lavoro"));
    await user.click(screen.getByRole("button", { name: "Avanti" }));
    expect(await screen.findByText(/collegare una persona già nota non ne mostra l'identità/)).toBeTruthy();
    await user.click(screen.getByRole("button", { name: "Invia segnalazione" }));
    await screen.findByText("case");
    expect(wizard.mutations.map((m) => m.variables.input)).toEqual([
      expect.objectContaining({
        personID: "per_1",
        personIdentifiers: { lastName: "Bartolini", firstName: "Giulia", birthDate: "1978-02-14" },
        tableID: "tab_1",
        channel: "SOCIAL_SERVICES",
      }),
    ]);
    expect(wizard.router.state.location.pathname).toBe("/cases/cas_new");
  });

  it("offers a new person without warning when nobody matches", async () => {
    renderWizard([]);
    await searchByName();
    expect(await screen.findByText(/Nessuna corrispondenza/)).toBeTruthy();
    expect(screen.queryByTestId("duplicate-warning")).toBeNull();
    expect(screen.getByRole("button", { name: "Crea una nuova persona" })).toBeTruthy();
  });

  it("refuses a new person when the tax code is known", async () => {
    renderWizard([
      { __typename: "PersonMatch", personID: "per_2", pseudonym: "P-QQARHDGF", birthYear: 1982, reasons: ["TAX_CODE"], openCaseID: null, openCaseCode: null, openCaseTable: null },
    ]);
    const user = userEvent.setup();
    await user.type(screen.getByLabelText("Codice fiscale"), "fbbfnc82e56g273m");
    expect((screen.getByLabelText("Codice fiscale") as HTMLInputElement).value).toBe("FBBFNC82E56G273M");
    await user.click(screen.getByRole("button", { name: "Cerca corrispondenze" }));
    await screen.findByTestId("duplicate-warning");
    expect(screen.getByText("Stesso codice fiscale")).toBeTruthy();
    expect(screen.queryByRole("button", { name: "Crea una nuova persona" })).toBeNull();
    expect(screen.getByText(/non è possibile registrarla una seconda volta/)).toBeTruthy();
  });
});

// Whole walks through the steps: more than the default 5 s on a busy machine.
describe("ReferralWizard's steps back and forth", { timeout: 20_000 }, () => {
  const known = { __typename: "PersonMatch", personID: "per_1", pseudonym: "P-MT3NKT6J", birthYear: 1978, reasons: ["NAME_AND_BIRTH_DATE"], openCaseID: null, openCaseCode: null, openCaseTable: null };

  it("keep the linked person and the referral's fields", async () => {
    const { screen: wizard } = renderWizard([known]);
    const user = await searchByName();
    await user.click(await screen.findByRole("button", { name: "Collega a questa persona (P-MT3NKT6J)" }));
    await user.selectOptions(await screen.findByLabelText("Tavolo territoriale"), "tab_1");
    await user.selectOptions(screen.getByLabelText("Canale di invio"), "SOCIAL_SERVICES");
    await user.type(screen.getByLabelText("Motivo della segnalazione"), "Perdita del lavoro");
    await user.click(screen.getByLabelText("Lavoro"));
    await user.click(screen.getByRole("button", { name: "Avanti" }));
    await user.click(await screen.findByRole("button", { name: "Modifica la persona" }));

    // Back on the person: the search as typed, the person chosen named and marked.
    expect(await screen.findByTestId("chosen-person")).toHaveProperty("textContent", expect.stringContaining("Persona scelta: P-MT3NKT6J, anno di nascita 1978"));
    expect((screen.getByLabelText("Cognome") as HTMLInputElement).value).toBe("Bartolini");
    const row = within(screen.getByTestId("duplicate-warning")).getByRole("row", { current: true });
    expect(within(row).getByText("Persona scelta")).toBeTruthy();

    // On without choosing again, and the referral as it was filled.
    await user.click(screen.getByRole("button", { name: "Prosegui con la persona scelta" }));
    expect(((await screen.findByLabelText("Tavolo territoriale")) as HTMLSelectElement).value).toBe("tab_1");
    expect((screen.getByLabelText("Motivo della segnalazione") as HTMLTextAreaElement).value).toBe("Perdita del lavoro");
    expect((screen.getByLabelText("Canale di invio") as HTMLSelectElement).value).toBe("SOCIAL_SERVICES");
    expect((screen.getByLabelText("Lavoro") as HTMLInputElement).checked).toBe(true);
    await user.click(screen.getByRole("button", { name: "Avanti" }));
    expect(await screen.findByText("P-MT3NKT6J")).toBeTruthy();
    await user.click(screen.getByRole("button", { name: "Invia segnalazione" }));
    await screen.findByText("case");
    expect(wizard.mutations.map((m) => m.variables.input)).toEqual([
      expect.objectContaining({ personID: "per_1", personIdentifiers: { lastName: "Bartolini", firstName: "Giulia", birthDate: "1978-02-14" }, tableID: "tab_1", reason: "Perdita del lavoro", needAreas: ["EMPLOYMENT"] }),
    ]);
  });

  it("keep a new person's data", async () => {
    renderWizard([]);
    const user = await searchByName();
    await user.click(await screen.findByRole("button", { name: "Crea una nuova persona" }));
    await user.selectOptions(screen.getByLabelText("Genere"), "FEMALE");
    await user.selectOptions(screen.getByLabelText("Area di cittadinanza"), "ITALY");
    await user.type(screen.getByLabelText("Telefono"), "055 1234");
    await user.click(screen.getByRole("button", { name: "Avanti" }));
    await user.click(await screen.findByRole("button", { name: "Indietro" }));

    await screen.findByRole("heading", { name: "Dati della nuova persona" });
    expect((screen.getAllByLabelText("Cognome")[1] as HTMLInputElement).value).toBe("Bartolini");
    expect((screen.getByLabelText("Genere") as HTMLSelectElement).value).toBe("FEMALE");
    expect((screen.getByLabelText("Area di cittadinanza") as HTMLSelectElement).value).toBe("ITALY");
    expect((screen.getByLabelText("Telefono") as HTMLInputElement).value).toBe("055 1234");
    await user.click(screen.getByRole("button", { name: "Avanti" }));
    expect(await screen.findByLabelText("Tavolo territoriale")).toBeTruthy();
  });

  it("ask before leaving with what was typed, and not after sending", async () => {
    const { screen: wizard } = renderWizard([known]);
    const user = await searchByName();
    await act(() => wizard.router.navigate("/cases/cas_9"));
    const ask = await screen.findByRole("alertdialog", { name: "Ci sono modifiche non salvate: lasciare la pagina comunque?" });
    await user.click(within(ask).getByRole("button", { name: "Continua a modificare" }));
    await waitFor(() => expect(screen.queryByRole("alertdialog")).toBeNull());
    expect(wizard.router.state.location.pathname).toBe("/refer");
    expect((screen.getByLabelText("Cognome") as HTMLInputElement).value).toBe("Bartolini");

    await act(() => wizard.router.navigate("/cases/cas_9"));
    await user.click(await screen.findByRole("button", { name: "Lascia la pagina senza salvare" }));
    await waitFor(() => expect(wizard.router.state.location.pathname).toBe("/cases/cas_9"));
  });

  it("leave without asking when nothing was typed", async () => {
    const { screen: wizard } = renderWizard([]);
    await act(() => wizard.router.navigate("/cases/cas_9"));
    await waitFor(() => expect(wizard.router.state.location.pathname).toBe("/cases/cas_9"));
    expect(screen.queryByRole("alertdialog")).toBeNull();
  });
});
