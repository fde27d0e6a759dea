// @vitest-environment jsdom
import { screen, waitFor, within } from "@testing-library/react";
import userEvent from "@testing-library/user-event";
import { describe, expect, it, vi } from "vitest";
import { aViewer, renderScreen, type Answerer } from "../../test/render";
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
  directivesToAcknowledge: {
    ...empty,
    totalCount: 1,
    edges: [{ node: { id: "dir_1", title: "Verifica degli impegni", issuedOn: "2026-11-20", allTables: true, tables: { edges: [] }, progress: [] } }],
  },
  serviceRequestsIncoming: empty,
  serviceRequestsOverdue: {
    ...empty,
    totalCount: 1,
    edges: [
      {
        node: {
          id: "srq_late", kind: "INTERNSHIP", sentOn: "2026-11-05", answerDueOn: "2026-11-15",
          organization: { id: "org_gir", name: "Cooperativa Il Girasole" }, case: { id: "cas_3", code: "EMP-2026-0003", person },
        },
      },
    ],
  },
  approvalsWaiting: {
    ...empty,
    totalCount: 1,
    edges: [
      {
        node: {
          id: "apr_1", kind: "CLOSURE", proposedAt: "2026-11-24T10:00:00Z", proposedBy: { id: "usr_2", name: "Bruno Referente" },
          case: { id: "cas_4", code: "EMP-2026-0004", person, table: { id: "tab_1", name: "Tavolo di Empoli" } },
        },
      },
    ],
  },
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
    // Nothing addressed to the viewer's organisation: no list of it.
    expect(screen.queryByRole("region", { name: /Richieste in arrivo/ })).toBeNull();

    const late = screen.getByRole("region", { name: /Richieste senza risposta/ });
    expect(within(late).getByRole("link", { name: "EMP-2026-0003 — Ciampi Giulia" }).getAttribute("href")).toBe("/cases/cas_3");
    expect(late.textContent).toContain("Tirocinio — Cooperativa Il Girasole, inviata il 05/11/2026");
    expect(within(late).getByText(/Risposta entro il 15\/11\/2026 — scaduto da 10 giorni/)).toBeTruthy();

    const approvals = screen.getByRole("region", { name: /Approvazioni da dare/ });
    expect(within(approvals).getByRole("link", { name: "EMP-2026-0004 — Ciampi Giulia" }).getAttribute("href")).toBe("/cases/cas_4");
    expect(approvals.textContent).toContain("Chiusura del caso proposta da Bruno Referente il 24/11/2026");

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

  it("leads with the requests addressed to the viewer's organisation, when there are any", async () => {
    const withIncoming = { ...agenda, serviceRequestsIncoming: { ...empty, totalCount: 1, edges: [{ node: incoming() }] } };
    renderScreen(<Agenda />, { path: "/", session: viewer, queries: () => ({ data: { agenda: withIncoming } }) });
    const regions = await screen.findAllByRole("region");
    expect(regions[0]?.getAttribute("aria-labelledby")).toBe("agenda-serviceRequestsIncoming");
  });
});

const partner = aViewer({ id: "usr_p", name: "Paola Partner", roles: ["OPERATOR"], organization: { id: "org_gir", name: "Cooperativa Il Girasole" } });

function incoming(over: Record<string, unknown> = {}) {
  return {
    id: "srq_1",
    kind: "INTERNSHIP",
    need: "Tirocinio in falegnameria, sei mesi",
    neededBy: "2026-12-15",
    status: "SENT",
    sentOn: "2026-11-20",
    answerDueOn: "2026-11-30",
    plannedStart: null,
    overdue: false,
    sharedContact: ["NAME", "PHONE"],
    contact: { name: "Giulia Ciampi", phone: "333 1234567", email: null, address: null },
    table: { id: "tab_1", name: "Tavolo territoriale di Empoli" },
    requestedBy: { id: "usr_1", name: "Anna Operatrice" },
    ...over,
  };
}

/** The agenda of a partner's operator at no table: two requests, one waiting, one accepted; every table's list empty. */
function partnerAgenda() {
  const none = Object.fromEntries(Object.entries(agenda).map(([k, v]) => [k, typeof v === "object" ? empty : v]));
  return {
    ...none,
    serviceRequestsIncoming: {
      ...empty,
      totalCount: 2,
      edges: [{ node: incoming() }, { node: incoming({ id: "srq_2", kind: "ORIENTATION", status: "ACCEPTED", plannedStart: "2026-11-28", contact: null, sharedContact: [] }) }],
    },
  };
}

function setupPartner(mutations: Answerer = () => undefined) {
  const mutation = vi.fn(mutations);
  const s = renderScreen(<Agenda />, { path: "/", session: partner, queries: () => ({ data: { agenda: partnerAgenda() } }), mutations: mutation });
  return { ...s, mutation, user: userEvent.setup() };
}

describe("the agenda of a partner organisation's operator", { timeout: 20_000 }, () => {
  it("shows the incoming requests with what is needed, who asks and the contact data shared, and no empty list of the tables", async () => {
    setupPartner();
    const section = await screen.findByRole("region", { name: /Richieste in arrivo/ });
    expect(screen.getAllByRole("region")).toHaveLength(1);
    expect(screen.getByText(/richieste di servizio che i tavoli della rete hanno inviato al tuo ente/)).toBeTruthy();
    const [waiting, accepted] = within(section).getAllByTestId("incoming-request") as [HTMLElement, HTMLElement];
    expect(waiting.textContent).toContain("Dal Tavolo territoriale di Empoli, richiesta da Anna Operatrice");
    expect(waiting.textContent).toContain("Bisogno: Tirocinio in falegnameria, sei mesi");
    expect(waiting.textContent).toContain("Necessario entro il 15/12/2026");
    expect(within(waiting).getByText(/Risposta entro il 30\/11\/2026 — tra 5 giorni/)).toBeTruthy();
    const contact = within(waiting).getByTestId("shared-contact");
    expect(contact.textContent).toContain("Nome e cognome:Giulia Ciampi");
    expect(contact.textContent).toContain("Telefono:333 1234567");
    expect(within(waiting).getByRole("button", { name: "Accetta" })).toBeTruthy();
    expect(within(waiting).getByRole("button", { name: "Rifiuta" })).toBeTruthy();
    expect(within(waiting).queryByRole("button", { name: "Registra l'esito" })).toBeNull();

    expect(accepted.textContent).toContain("Accettata: avvio previsto il 28/11/2026");
    expect(accepted.textContent).toContain("Nessun dato di contatto condiviso");
    expect(within(accepted).queryByRole("button", { name: "Accetta" })).toBeNull();
    expect(within(accepted).getByRole("button", { name: "Registra l'esito" })).toBeTruthy();
  });

  it("accepts a request with the planned start, says so and reads the agenda again", async () => {
    const { user, mutation, queries } = setupPartner(() => ({ data: { acceptServiceRequest: { id: "srq_1", status: "ACCEPTED", answeredOn: "2026-11-25", plannedStart: "2026-12-01" } } }));
    const [waiting] = await screen.findAllByTestId("incoming-request");
    await user.click(within(waiting!).getByRole("button", { name: "Accetta" }));
    const form = within(waiting!).getByRole("form", { name: "Accetta la richiesta «Tirocinio»" });
    const start = within(form).getByLabelText("Avvio previsto del servizio");
    await user.clear(start);
    await user.type(start, "2026-12-01");
    await user.type(within(form).getByLabelText("Nota per il tavolo"), "Referente: Marco");
    await user.click(within(form).getByRole("button", { name: "Accetta" }));
    await waitFor(() => expect(mutation).toHaveBeenCalledWith("AgendaAcceptServiceRequest", { id: "srq_1", plannedStart: "2026-12-01", note: "Referente: Marco" }));
    const notice = screen.getByTestId("agenda-notice");
    await waitFor(() => expect(notice.textContent).toBe("Richiesta accettata: il tavolo vede l'avvio previsto nel caso."));
    expect(document.activeElement).toBe(notice);
    expect(queries.filter((q) => q.name === "Agenda").some((q) => q.context.requestPolicy === "network-only")).toBe(true);
  });

  it("declines a request with a reason, and a note for OTHER", async () => {
    const { user, mutation } = setupPartner(() => ({ data: { declineServiceRequest: { id: "srq_1", status: "DECLINED", answeredOn: "2026-11-25", declineReason: "OTHER" } } }));
    const [waiting] = await screen.findAllByTestId("incoming-request");
    await user.click(within(waiting!).getByRole("button", { name: "Rifiuta" }));
    const form = within(waiting!).getByRole("form", { name: "Rifiuta la richiesta «Tirocinio»" });
    await user.click(within(form).getByRole("button", { name: "Rifiuta" }));
    expect(await within(form).findByText("Scegli il motivo del rifiuto.")).toBeTruthy();
    await user.selectOptions(within(form).getByLabelText("Motivo del rifiuto"), "OTHER");
    await user.click(within(form).getByRole("button", { name: "Rifiuta" }));
    expect(await within(form).findByText("Con il motivo «Altro» scrivi una nota che lo spieghi.")).toBeTruthy();
    expect(mutation).not.toHaveBeenCalled();
    await user.type(within(form).getByLabelText("Nota per il tavolo"), "Laboratorio chiuso per lavori");
    await user.click(within(form).getByRole("button", { name: "Rifiuta" }));
    await waitFor(() => expect(mutation).toHaveBeenCalledWith("AgendaDeclineServiceRequest", { id: "srq_1", reason: "OTHER", note: "Laboratorio chiuso per lavori" }));
  });

  it("records how an accepted service ended", async () => {
    const { user, mutation } = setupPartner(() => ({
      data: { completeServiceRequest: { id: "srq_2", status: "COMPLETED", completedOn: "2026-11-25", successful: false, completionReason: "PERSON_UNREACHABLE" } },
    }));
    const [, accepted] = await screen.findAllByTestId("incoming-request");
    await user.click(within(accepted!).getByRole("button", { name: "Registra l'esito" }));
    const form = within(accepted!).getByRole("form", { name: "Esito del servizio «Orientamento»" });
    await user.click(within(form).getByRole("button", { name: "Registra l'esito" }));
    expect(await within(form).findByText("Indica se il servizio ha raggiunto il suo scopo.")).toBeTruthy();
    await user.click(within(form).getByLabelText("No"));
    await user.selectOptions(within(form).getByLabelText("Motivo dell'esito"), "PERSON_UNREACHABLE");
    const day = within(form).getByLabelText("Concluso il");
    await user.clear(day);
    await user.type(day, "2026-11-25");
    await user.click(within(form).getByRole("button", { name: "Registra l'esito" }));
    await waitFor(() =>
      expect(mutation).toHaveBeenCalledWith("AgendaCompleteServiceRequest", {
        id: "srq_2",
        input: { successful: false, reason: "PERSON_UNREACHABLE", note: null, completedOn: "2026-11-25" },
      }),
    );
    await waitFor(() => expect(screen.getByTestId("agenda-notice").textContent).toBe("Esito del servizio registrato."));
  });
});

describe("a coordinator's directives on the agenda", () => {
  // Coordinating two tables: Empoli has recorded nothing yet, Vinci has the directive in progress.
  const coordinator = aViewer({
    id: "usr_1",
    name: "Coordinatrice Prova",
    email: "c@example.org",
    roles: ["COORDINATOR"],
    organization: { id: "org_1", name: "Comune" },
    tables: [
      { id: "tab_1", name: "Tavolo di Empoli", coordinates: true },
      { id: "tab_2", name: "Tavolo di Vinci", coordinates: true },
    ],
  });
  const directive = {
    id: "dir_1",
    title: "Verifica degli impegni",
    issuedOn: "2026-11-20",
    allTables: true,
    tables: { edges: [] },
    progress: [
      { table: { id: "tab_1" }, progress: null },
      { table: { id: "tab_2" }, progress: { id: "dac_2", status: "IN_PROGRESS" } },
    ],
  };
  const withDirective = { ...agenda, directivesToAcknowledge: { ...empty, totalCount: 1, edges: [{ node: directive }] } };
  const named = (action: string, table: string) => `${action} — direttiva «Verifica degli impegni», ${table}`;

  it("offers in place only the steps each table may still record, and marks one in progress", async () => {
    const mutation = vi.fn(() => ({ data: { recordDirectiveProgress: { id: "dac_1", status: "IN_PROGRESS", statusOn: "2026-11-25", evidence: null, reason: null } } }));
    renderScreen(<Agenda />, { path: "/", session: coordinator, queries: () => ({ data: { agenda: withDirective } }), mutations: mutation });
    const section = await screen.findByRole("region", { name: /Indirizzi di cui prendere atto/ });
    expect(within(section).getByRole("button", { name: named("Segna in corso", "Tavolo di Empoli") })).toBeTruthy();
    // Forwards only: Vinci, already in progress, may not mark it in progress again.
    expect(within(section).queryByRole("button", { name: named("Segna in corso", "Tavolo di Vinci") })).toBeNull();
    expect(within(section).getByRole("button", { name: named("Segna come attuato", "Tavolo di Vinci") })).toBeTruthy();
    expect(within(section).getByRole("button", { name: named("Non applicabile", "Tavolo di Vinci") })).toBeTruthy();

    await userEvent.setup().click(within(section).getByRole("button", { name: named("Segna in corso", "Tavolo di Empoli") }));
    await waitFor(() => expect(mutation).toHaveBeenCalledWith("SteeringRecordDirectiveProgress", { id: "dir_1", tableID: "tab_1", status: "IN_PROGRESS" }));
    await waitFor(() => expect(screen.getByTestId("agenda-notice").textContent).toBe("Direttiva «Verifica degli impegni» segnata in corso per il Tavolo di Empoli."));
  });

  it("records it implemented with evidence from the agenda", async () => {
    const mutation = vi.fn(() => ({ data: { recordDirectiveProgress: { id: "dac_2", status: "IMPLEMENTED", statusOn: "2026-11-25", evidence: "Procedura adottata", reason: null } } }));
    renderScreen(<Agenda />, { path: "/", session: coordinator, queries: () => ({ data: { agenda: withDirective } }), mutations: mutation });
    const user = userEvent.setup();
    await user.click(await screen.findByRole("button", { name: named("Segna come attuato", "Tavolo di Vinci") }));
    const form = screen.getByRole("form", { name: named("Segna come attuato", "Tavolo di Vinci") });
    await user.type(within(form).getByLabelText("Evidenza dell'attuazione"), "Procedura adottata");
    await user.click(within(form).getByRole("button", { name: "Registra l'attuazione" }));
    await waitFor(() =>
      expect(mutation).toHaveBeenCalledWith("SteeringRecordDirectiveProgress", expect.objectContaining({ id: "dir_1", tableID: "tab_2", status: "IMPLEMENTED", evidence: "Procedura adottata" })),
    );
  });
});
