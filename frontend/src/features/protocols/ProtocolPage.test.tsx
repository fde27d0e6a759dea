// @vitest-environment jsdom
import { screen, within } from "@testing-library/react";
import userEvent from "@testing-library/user-event";
import { describe, expect, it } from "vitest";
import type { Role } from "../../session/session";
import { renderScreen } from "../../test/render";
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

const party = (id: string, orgID: string, orgName: string, role: string, commitments: unknown[]) => ({
  __typename: "ProtocolParty",
  id,
  role,
  operatingMode: null,
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
        node: party("pp_1", "org_cpi", "Centro per l'Impiego di Empoli", "LEAD", [
          // Stored OPEN, LATE today: the page must say "In ritardo", not "Aperto".
          commitment("pc_late", "Segnalare ogni mese i tirocini disponibili", "OPEN", "LATE", "2026-03-16T23:00:00Z"),
          commitment("pc_done", "Monitorare gli inserimenti", "DONE", "DONE", "2026-01-10T23:00:00Z", { doneOn: "2025-12-01T23:00:00Z", evidence: "Verbale n. 4" }),
        ]),
      },
      {
        __typename: "ProtocolPartyEdge",
        node: party("pp_2", "org_caritas", "Caritas Empolese", "PARTNER", [commitment("pc_open", "Formare i tutor aziendali", "OPEN", "OPEN", "2027-04-15T22:00:00Z")]),
      },
    ],
  },
  objectives: { __typename: "ObjectiveConnection", edges: [] },
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
