// @vitest-environment jsdom
import { screen, within } from "@testing-library/react";
import { describe, expect, it } from "vitest";
import { aViewer, renderScreen } from "../../test/render";
import { Agenda } from "./Agenda";

const viewer = aViewer({
  id: "usr_1",
  name: "Coordinatrice Prova",
  email: "c@example.org",
  roles: ["COORDINATOR", "OPERATOR"],
  organization: { id: "org_1", name: "Comune" },
  tables: [{ id: "tab_1", name: "Tavolo di Empoli", coordinates: true }],
});

const empty = { totalCount: 0, pageInfo: { hasNextPage: false, endCursor: null }, edges: [] };
const person = { id: "per_1", pseudonym: "P-1", identity: { id: "pid_1", firstName: "Giulia", lastName: "Ciampi" }, consents: [] };
const agenda = {
  today: "2026-11-25",
  horizon: "2026-12-25",
  referralsWaiting: {
    totalCount: 12,
    pageInfo: { hasNextPage: true, endCursor: "c10" },
    edges: [
      {
        node: {
          id: "cas_1", code: "EMP-2026-0040", status: "REFERRED", priority: "URGENT", referredOn: "2026-11-15",
          firstMeetingDueOn: "2026-11-22", planDueOn: null, takenInChargeOn: null, declineReason: null, transferRequestedAt: null,
          table: { id: "tab_1", name: "Tavolo di Empoli" }, transferTo: null, person,
        },
      },
    ],
  },
  overdueCases: empty, incomingTransfers: empty, casesWithoutManager: empty, declinedReferrals: empty,
  planReviewsDue: { ...empty, totalCount: 1, edges: [{ node: { id: "pla_1", reviewOn: "2026-11-30", case: { id: "cas_2", code: "EMP-2026-0002", person } } }] },
  monitoringMeetingsDue: empty, followUpsDue: empty, interventionsEnding: empty, overdueCommitments: empty,
  directivesToAcknowledge: { ...empty, totalCount: 1, edges: [{ node: { id: "dir_1", title: "Verifica degli impegni", issuedOn: "2026-11-20", allTables: true, tables: { edges: [] } } }] },
};

describe("Agenda", () => {
  it("shows each section with its count, deadlines in words, and nothing due for the empty ones", async () => {
    renderScreen(<Agenda />, { path: "/", session: viewer, queries: () => ({ data: { agenda } }) });
    expect(await screen.findByRole("heading", { level: 1, name: "Agenda" })).toBeTruthy();
    expect(screen.getByText(/Coordinatrice Prova\. Oggi è mercoledì 25 novembre 2026/)).toBeTruthy();
    expect(screen.getByRole("link", { name: "Nuova segnalazione" }).getAttribute("href")).toBe("/refer");

    const waiting = screen.getByRole("region", { name: /Segnalazioni in attesa/ });
    expect(within(waiting).getByRole("heading", { level: 2 }).textContent).toContain("(12 elementi)");
    expect(within(waiting).getByRole("link", { name: "EMP-2026-0040 — Ciampi Giulia" }).getAttribute("href")).toBe("/cases/cas_1");
    expect(within(waiting).getByText(/22\/11\/2026 — scaduto da 3 giorni/)).toBeTruthy();
    expect(within(waiting).getByRole("button", { name: "Mostra altri" })).toBeTruthy();

    expect(within(screen.getByRole("region", { name: /Verifiche del progetto/ })).getByText(/30\/11\/2026 — tra 5 giorni/)).toBeTruthy();
    expect(within(screen.getByRole("region", { name: /Casi oltre i termini/ })).getByText("Nulla in scadenza.")).toBeTruthy();
    expect(screen.getAllByText("Nulla in scadenza.")).toHaveLength(8);

    const directives = screen.getByRole("region", { name: /Indirizzi di cui prendere atto/ });
    expect(within(directives).getByRole("link", { name: "Prendi atto per il Tavolo di Empoli" }).getAttribute("href")).toBe("/tables/tab_1");
  });

  it("says which follow-ups wait for the person's consent to be contacted", async () => {
    const followUp = (id: string, consents: { id: string; purpose: string; givenOn: string; withdrawnOn: string | null }[]) => ({
      node: {
        id,
        kind: "EMPLOYMENT_PERMANENT",
        achievedOn: "2026-05-20",
        followUpDueOn: "2026-11-20",
        case: { id: `cas_${id}`, code: `EMP-2026-00${id}`, person: { ...person, id: `per_${id}`, consents } },
      },
    });
    const due = {
      ...agenda,
      followUpsDue: {
        ...empty,
        totalCount: 3,
        edges: [
          followUp("1", [{ id: "cns_1", purpose: "FOLLOW_UP", givenOn: "2026-05-01", withdrawnOn: null }]),
          followUp("2", [{ id: "cns_2", purpose: "FOLLOW_UP", givenOn: "2026-05-01", withdrawnOn: "2026-10-01" }]),
          followUp("3", [{ id: "cns_3", purpose: "PROCESSING", givenOn: "2026-05-01", withdrawnOn: null }]),
        ],
      },
    };
    renderScreen(<Agenda />, { path: "/", session: viewer, queries: () => ({ data: { agenda: due } }) });
    const section = await screen.findByRole("region", { name: /Follow-up in scadenza/ });
    const items = within(section).getAllByRole("listitem");
    expect(items.map((li) => within(li).queryByTestId("follow-up-basis-missing") !== null)).toEqual([false, true, true]);
    expect(within(items[1] as HTMLElement).getByTestId("follow-up-basis-missing").textContent).toBe(
      "Manca il consenso al contatto per il follow-up: registralo nella pagina del caso.",
    );
  });
});
