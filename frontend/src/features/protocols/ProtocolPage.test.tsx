// @vitest-environment jsdom
import { screen, waitFor, within } from "@testing-library/react";
import userEvent from "@testing-library/user-event";
import { CombinedError } from "urql";
import { describe, expect, it } from "vitest";
import { today } from "../../i18n/format";
import type { Role } from "../../session/session";
import { renderScreen, type Answerer } from "../../test/render";
import { ProtocolPage } from "./ProtocolPage";

const commitment = (id: string, description: string, status: string, currentStatus: string, dueOn: string, extra: Record<string, unknown> = {}) => ({
  __typename: "ProtocolCommitment",
  id,
  description,
  dueOn,
  status,
  currentStatus,
  doneOn: null,
  evidence: null,
  ...extra,
});

const signature = (signedOn: string, signerName: string, signerRole: string | null) => ({ signedOn, signerName, signerRole });
const unsigned = { signedOn: null, signerName: null, signerRole: null };

const party = (id: string, orgID: string, orgName: string, role: string, commitments: unknown[], signed: ReturnType<typeof signature> | typeof unsigned = unsigned) => ({
  __typename: "ProtocolParty",
  id,
  role,
  operatingMode: null,
  ...signed,
  organization: { __typename: "Organization", id: orgID, name: orgName },
  commitments: { __typename: "ProtocolCommitmentConnection", edges: commitments.map((node) => ({ __typename: "ProtocolCommitmentEdge", node })) },
});

const protocol = {
  __typename: "Protocol",
  id: "prt_1",
  title: "Protocollo per l'inserimento lavorativo",
  purpose: null,
  status: "ACTIVE",
  currentStatus: "ACTIVE",
  signedOn: "2025-10-17T22:00:00Z",
  validFrom: "2025-10-17T22:00:00Z",
  validUntil: "2027-12-30T23:00:00Z",
  parties: {
    __typename: "ProtocolPartyConnection",
    edges: [
      {
        __typename: "ProtocolPartyEdge",
        node: party(
          "pp_1",
          "org_cpi",
          "Centro per l'Impiego di Empoli",
          "LEAD",
          [
            // Stored OPEN, LATE today: the page must say "In ritardo", not "Aperto".
            commitment("pc_late", "Segnalare ogni mese i tirocini disponibili", "OPEN", "LATE", "2026-03-16T23:00:00Z"),
            commitment("pc_done", "Monitorare gli inserimenti", "DONE", "DONE", "2026-01-10T23:00:00Z", { doneOn: "2025-12-01T23:00:00Z", evidence: "Verbale n. 4" }),
          ],
          signature("2025-10-17", "Marco Bianchi", "Dirigente"),
        ),
      },
      {
        __typename: "ProtocolPartyEdge",
        node: party("pp_2", "org_caritas", "Caritas Empolese", "PARTNER", [commitment("pc_open", "Formare i tutor aziendali", "OPEN", "OPEN", "2027-04-15T22:00:00Z")]),
      },
    ],
  },
  objectives: { __typename: "ObjectiveConnection", edges: [] },
  delivered: { __typename: "ProtocolDelivery", interventions: 3, costCents: 245050, spentCents: 120000 },
};

function renderPage(roles: Role[], organizationID: string) {
  const { mutations } = renderScreen(<ProtocolPage />, {
    route: "/protocols/:id",
    path: "/protocols/prt_1",
    session: { id: "usr_1", roles, organization: { id: organizationID } },
    queries: () => ({ data: { node: protocol } }),
  });
  return mutations;
}

describe("protocol commitments", () => {
  it("says in words that an open commitment past its due date is late", async () => {
    renderPage(["OPERATOR"], "org_other");
    const late = await screen.findByTestId("commitment-pc_late");
    expect(within(late).getByText("In ritardo")).toBeTruthy();
    expect(within(late).getByText("Scaduto il 17/03/2026")).toBeTruthy();
    expect(within(late).queryByText("Aperto")).toBeNull();
    expect(within(screen.getByTestId("commitment-pc_open")).getByText("Aperto")).toBeTruthy();
    const done = screen.getByTestId("commitment-pc_done");
    expect(within(done).getByText("Adempiuto")).toBeTruthy();
    expect(within(done).getByText("Verbale n. 4")).toBeTruthy();
    expect(screen.getByText("1 impegno in ritardo")).toBeTruthy();
  });

  it("lets users of the owner organisation settle their own pending commitments only, and no protocol action", async () => {
    renderPage(["OPERATOR"], "org_cpi");
    const late = await screen.findByTestId("commitment-pc_late");
    expect(within(late).getByRole("button", { name: /Registra adempimento/ })).toBeTruthy();
    // Only the button of their documents, which everyone reads.
    const buttons = (row: string) => within(screen.getByTestId(row)).queryAllByRole("button").map((b) => b.getAttribute("aria-expanded") === null ? b.textContent : "documents");
    expect(buttons("commitment-pc_open")).toEqual(["documents"]);
    expect(buttons("commitment-pc_done")).toEqual(["documents"]);
    expect(screen.queryByRole("button", { name: "Aggiungi parte" })).toBeNull();
    expect(screen.queryByRole("button", { name: "Cessa protocollo" })).toBeNull();
  });

  it("shows a commitment's documents in a row below it, with the upload for the organisation that owns it", async () => {
    const user = userEvent.setup();
    renderScreen(<ProtocolPage />, {
      route: "/protocols/:id",
      path: "/protocols/prt_1",
      session: { id: "usr_1", roles: ["OPERATOR"], organization: { id: "org_cpi" } },
      queries: (name, variables) =>
        name === "DocumentsList"
          ? { data: { node: { __typename: "ProtocolCommitment", id: variables.id, documents: { totalCount: 0, edges: [] } } } }
          : { data: { node: protocol } },
    });
    const done = await screen.findByTestId("commitment-pc_done");
    const own = within(done).getByRole("button", { name: "Documenti — impegno «Monitorare gli inserimenti»" });
    await user.click(own);
    const panel = document.getElementById(own.getAttribute("aria-controls") ?? "");
    expect(panel?.tagName).toBe("TR");
    expect(within(panel!).getByRole("form", { name: "Allega un documento — impegno «Monitorare gli inserimenti»" })).toBeTruthy();
    expect([...(within(panel!).getByLabelText("Tipo di documento") as HTMLSelectElement).options].map((o) => o.value)).toEqual(["", "EVIDENCE", "OTHER"]);
    // Another organisation's: read only; one row of documents open at a time.
    await user.click(within(screen.getByTestId("commitment-pc_open")).getByRole("button", { name: /^Documenti/ }));
    expect(own.getAttribute("aria-expanded")).toBe("false");
    expect(screen.getByText("Nessun documento allegato.")).toBeTruthy();
    expect(screen.queryByRole("form", { name: /Allega un documento/ })).toBeNull();
  });

  it("offers the committee every action, and asks for evidence before recording a fulfilment", async () => {
    const mutations = renderPage(["STEERING"], "org_other");
    const user = userEvent.setup();
    await screen.findByRole("heading", { level: 1, name: protocol.title });
    expect(screen.getByRole("button", { name: "Aggiungi parte" })).toBeTruthy();
    expect(screen.getByRole("button", { name: "Aggiungi impegno" })).toBeTruthy();
    expect(screen.getByRole("button", { name: "Cessa protocollo" })).toBeTruthy();
    await user.click(within(screen.getByTestId("commitment-pc_open")).getByRole("button", { name: /Registra adempimento/ }));
    await user.click(screen.getByRole("button", { name: "Conferma adempimento" }));
    expect(await screen.findByText("Indica l'evidenza dell'adempimento.")).toBeTruthy();
    expect(mutations).toHaveLength(0);
    await user.type(screen.getByLabelText("Evidenza dell'adempimento"), "Registro presenze del corso");
    await user.click(screen.getByRole("button", { name: "Conferma adempimento" }));
    expect(mutations).toHaveLength(1);
  });
});

describe("protocol signatures", () => {
  const draft = { ...protocol, status: "DRAFT", currentStatus: "DRAFT", signedOn: null, validFrom: null, validUntil: null };

  function renderDraft(node: unknown, mutations?: Answerer) {
    const screenResult = renderScreen(<ProtocolPage />, {
      route: "/protocols/:id",
      path: "/protocols/prt_1",
      session: { id: "usr_1", roles: ["STEERING"], organization: { id: "org_other" } },
      queries: () => ({ data: { node } }),
      mutations,
    });
    return { user: userEvent.setup(), mutations: screenResult.mutations };
  }

  it("shows each party's signature, or that it has not signed", async () => {
    renderPage(["OPERATOR"], "org_other");
    const table = await screen.findByRole("table", { name: "Parti del protocollo" });
    const row = (name: string) => within(table).getByRole("row", { name: new RegExp(name) });
    expect(within(row("Centro per l'Impiego")).getByText("Firmato il 17/10/2025 da Marco Bianchi (Dirigente)")).toBeTruthy();
    expect(within(row("Caritas")).getByText("non firmato")).toBeTruthy();
    // Recording a signature is the committee's.
    expect(screen.queryByRole("button", { name: /Registra firma/ })).toBeNull();
  });

  it("keeps the activation disabled, saying why, while a party has not signed", async () => {
    renderDraft(draft);
    const activate = await screen.findByRole("button", { name: "Attiva protocollo" });
    expect((activate as HTMLButtonElement).disabled).toBe(true);
    const reason = "Per attivare il protocollo ogni parte deve averlo firmato: registra le firme mancanti.";
    expect(screen.getByText(reason)).toBeTruthy();
    expect(activate.getAttribute("aria-describedby")).toBe(screen.getByText(reason).id);
    // Only the party still to sign offers it.
    expect(screen.getAllByRole("button", { name: /^Registra firma/ }).map((b) => b.getAttribute("aria-label"))).toEqual(["Registra firma: Caritas Empolese"]);
  });

  it("says that a protocol needs two parties before it is activated", async () => {
    renderDraft({ ...draft, parties: { __typename: "ProtocolPartyConnection", edges: protocol.parties.edges.slice(0, 1) } });
    expect(((await screen.findByRole("button", { name: "Attiva protocollo" })) as HTMLButtonElement).disabled).toBe(true);
    expect(screen.getByText("Per attivare il protocollo servono almeno 2 parti, tutte firmatarie: aggiungi le parti mancanti.")).toBeTruthy();
  });

  it("records a party's signature from a dialog: today by default, the signer required, the office optional", async () => {
    const { user, mutations } = renderDraft(draft, () => ({ data: { signProtocolParty: { __typename: "ProtocolParty", id: "pp_2", ...signature(today(), "Anna Verdi", null) } } }));
    await user.click(await screen.findByRole("button", { name: "Registra firma: Caritas Empolese" }));
    const dialog = await screen.findByRole("dialog", { name: "Firma di Caritas Empolese" });
    expect((within(dialog).getByLabelText("Data della firma") as HTMLInputElement).value).toBe(today());
    await user.click(within(dialog).getByRole("button", { name: "Registra firma" }));
    expect(await within(dialog).findByText("Indica chi ha firmato per l'ente.")).toBeTruthy();
    expect(mutations).toHaveLength(0);
    await user.type(within(dialog).getByLabelText("Firmatario per l'ente"), "  Anna Verdi ");
    await user.click(within(dialog).getByRole("button", { name: "Registra firma" }));
    await waitFor(() => expect(mutations).toHaveLength(1));
    expect(mutations[0]).toMatchObject({ name: "ProtocolPageSignParty", variables: { id: "pp_2", signedOn: today(), signerName: "Anna Verdi", signerRole: null } });
    expect(await screen.findByText("Firma di Caritas Empolese registrata.")).toBeTruthy();
    expect(screen.queryByRole("dialog")).toBeNull();
  });

  it("shows the API's refusal of a signature in the user's words", async () => {
    const { user, mutations } = renderDraft(draft, () => ({
      error: new CombinedError({ graphQLErrors: [{ message: "must not be in the future", extensions: { code: "BAD_USER_INPUT", field: "signedOn" } }] }),
    }));
    await user.click(await screen.findByRole("button", { name: "Registra firma: Caritas Empolese" }));
    const dialog = await screen.findByRole("dialog", { name: "Firma di Caritas Empolese" });
    await user.type(within(dialog).getByLabelText("Firmatario per l'ente"), "Anna Verdi");
    await user.type(within(dialog).getByLabelText("Qualifica del firmatario (facoltativa)"), "Presidente");
    await user.click(within(dialog).getByRole("button", { name: "Registra firma" }));
    expect(await within(dialog).findByText("Il server non accetta questo valore: must not be in the future")).toBeTruthy();
    expect(within(dialog).getByLabelText("Data della firma").getAttribute("aria-invalid")).toBe("true");
    expect(mutations[0]?.variables).toMatchObject({ signerName: "Anna Verdi", signerRole: "Presidente" });
    expect(screen.getByRole("dialog", { name: "Firma di Caritas Empolese" })).toBeTruthy();
  });

  it("refuses an activation dated before the last party signed", async () => {
    const signedDraft = {
      ...draft,
      parties: {
        __typename: "ProtocolPartyConnection",
        edges: [
          { __typename: "ProtocolPartyEdge", node: party("pp_1", "org_cpi", "Centro per l'Impiego di Empoli", "LEAD", [], signature("2026-01-10", "Marco Bianchi", null)) },
          { __typename: "ProtocolPartyEdge", node: party("pp_2", "org_caritas", "Caritas Empolese", "PARTNER", [], signature("2026-01-20", "Anna Verdi", "Presidente")) },
        ],
      },
    };
    const { user, mutations } = renderDraft(signedDraft);
    const activate = await screen.findByRole("button", { name: "Attiva protocollo" });
    expect((activate as HTMLButtonElement).disabled).toBe(false);
    await user.click(activate);
    const day = screen.getByLabelText("Data di sottoscrizione");
    expect(screen.getByText("Non prima del 20/01/2026, giorno dell'ultima firma delle parti.")).toBeTruthy();
    await user.clear(day);
    await user.type(day, "2026-01-19");
    await user.click(screen.getByRole("button", { name: "Conferma attivazione" }));
    expect(await screen.findByText("La data di sottoscrizione non può precedere l'ultima firma delle parti.")).toBeTruthy();
    expect(mutations).toHaveLength(0);
  });
});

describe("interventions delivered under the protocol", () => {
  const intervention = (id: string, code: string, after?: string) => ({
    __typename: "Intervention",
    id,
    kind: "INTERNSHIP",
    startsOn: "2026-02-01",
    endsOn: after ? null : "2026-05-31",
    status: "ONGOING",
    costCents: 150000,
    case: { __typename: "Case", id: `cas_${id}`, code },
  });

  it("shows the totals of all of them, then those the viewer may read a page at a time", async () => {
    const user = userEvent.setup();
    const { queries } = renderScreen(<ProtocolPage />, {
      route: "/protocols/:id",
      path: "/protocols/prt_1",
      session: { id: "usr_1", roles: ["OPERATOR"], organization: { id: "org_cpi" } },
      queries: (name, variables) =>
        name === "ProtocolPageInterventions"
          ? {
              data: {
                node: {
                  __typename: "Protocol",
                  id: "prt_1",
                  interventions: {
                    __typename: "InterventionConnection",
                    edges: [{ __typename: "InterventionEdge", node: variables.after ? intervention("int_2", "EMP-2026-0002", "c1") : intervention("int_1", "EMP-2026-0001") }],
                    pageInfo: { __typename: "PageInfo", hasNextPage: !variables.after, endCursor: "c1" },
                  },
                },
              },
            }
          : { data: { node: protocol } },
    });
    const section = await screen.findByRole("region", { name: "Interventi erogati nell'ambito del protocollo" });
    expect(within(section).getByText("3")).toBeTruthy();
    expect(within(section).getByText("2450,50 €")).toBeTruthy();
    expect(within(section).getByText("1200,00 €")).toBeTruthy();
    expect(within(section).getByText(/l'elenco mostra solo quelli che puoi consultare/)).toBeTruthy();
    const link = await within(section).findByRole("link", { name: "EMP-2026-0001" });
    expect(link.getAttribute("href")).toBe("/cases/cas_int_1");
    const row = link.closest("tr")!;
    expect(within(row).getByText("Tirocinio")).toBeTruthy();
    expect(within(row).getByText("dal 01/02/2026 al 31/05/2026")).toBeTruthy();
    expect(within(row).getByText("1500,00 €")).toBeTruthy();
    await user.click(within(section).getByRole("button", { name: "Mostra altri" }));
    await waitFor(() => expect(queries.some((q) => q.name === "ProtocolPageInterventions" && q.variables.after === "c1")).toBe(true));
  });
});
