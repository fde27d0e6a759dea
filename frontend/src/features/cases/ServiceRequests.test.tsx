// @vitest-environment jsdom
import { screen, waitFor, within } from "@testing-library/react";
import userEvent from "@testing-library/user-event";
import { CombinedError } from "urql";
import { describe, expect, it, vi } from "vitest";
import type { CaseAction } from "../../gql/graphql";
import { aCasePage } from "../../test/caseFixture";
import { renderScreen, type Answerer } from "../../test/render";
import { CasePage } from "./CasePage";

// The case's service requests on its page: listed with their answers, sent
// from the case's steps, cancelled from their row while unanswered; a
// request sharing contact data without the basis for it says which one is
// missing and leads to recording it, the request kept as typed.

const empty = { edges: [] };
const girasole = { id: "org_gir", name: "Cooperativa Il Girasole" };

const request = (over: Record<string, unknown>) => ({
  id: "srq_1",
  kind: "INTERNSHIP",
  need: "Tirocinio in laboratorio di falegnameria",
  neededBy: "2026-12-15",
  sharedContact: ["NAME", "PHONE"],
  status: "SENT",
  sentOn: "2026-11-02",
  answerDueOn: "2026-11-12",
  answeredOn: null,
  plannedStart: null,
  declineReason: null,
  answerNote: null,
  completedOn: null,
  successful: null,
  completionReason: null,
  completionNote: null,
  overdue: false,
  organization: girasole,
  requestedBy: { id: "usr_1", name: "Anna Operatrice" },
  answeredBy: null,
  ...over,
});

const requests = [
  request({ id: "srq_sent", overdue: true }),
  request({
    id: "srq_done",
    kind: "ORIENTATION",
    sharedContact: [],
    status: "COMPLETED",
    answeredOn: "2026-10-05",
    plannedStart: "2026-10-10",
    answeredBy: { id: "usr_p", name: "Paola Partner" },
    completedOn: "2026-11-01",
    successful: false,
    completionReason: "PERSON_WITHDREW",
    completionNote: "Trasferita in altra città",
  }),
  request({ id: "srq_no", kind: "TRAINING", status: "DECLINED", answeredOn: "2026-10-03", answeredBy: { id: "usr_p", name: "Paola Partner" }, declineReason: "NO_CAPACITY" }),
];

const parts = {
  __typename: "Case",
  id: "cas_1",
  code: "EMP-2026-0042",
  status: "IN_CHARGE",
  version: 4,
  needAreas: ["EMPLOYMENT"],
  table: { id: "tab_1", name: "Tavolo di Empoli", planNeedsApproval: false, closureNeedsApproval: true, coordinator: { id: "usr_coord" }, members: empty },
  caseManager: { id: "usr_me", name: "Test" },
  plan: null,
  interventions: empty,
  outcomes: empty,
  monitoringMeetings: empty,
  serviceRequests: { edges: [{ node: { id: "srq_sent", kind: "INTERNSHIP", status: "SENT", need: "Tirocinio", sentOn: "2026-11-02", organization: girasole } }] },
  approvals: empty,
  events: { edges: [{ node: { id: "evt_1", occurredAt: "2026-02-01T09:00:00Z" } }] },
};

const organizations = { organizations: { edges: [{ node: { __typename: "Organization", id: "org_gir", name: girasole.name } }, { node: { __typename: "Organization", id: "org_x", name: "Comune di Empoli" } }] } };

function setup(actions: readonly CaseAction[], mutations: Answerer = () => undefined, caseData: Record<string, unknown> = {}) {
  const mutation = vi.fn(mutations);
  const screenResult = renderScreen(<CasePage />, {
    route: "/cases/:id",
    path: "/cases/cas_1",
    session: { id: "usr_me", roles: ["OPERATOR"], tables: [{ id: "tab_1" }] },
    queries: (name) => {
      switch (name) {
        case "CasePage":
          return {
            data: {
              node: aCasePage({
                actions: actions.map((action) => ({ action, allowed: true, blockedBy: null, blockers: [] })),
                serviceRequests: { totalCount: requests.length, edges: requests.map((node) => ({ node })) },
                ...caseData,
              }),
            },
          };
        case "CaseActionsParts":
          return { data: { node: parts } };
        case "OrganizationOptions":
          return { data: organizations };
        default:
          return undefined;
      }
    },
    mutations: mutation,
  });
  return { ...screenResult, user: userEvent.setup(), mutation };
}

describe("the case's service requests", { timeout: 20_000 }, () => {
  it("list each request with its status, dates, contact data shared, and the organisation's answer and outcome", async () => {
    setup([]);
    const rows = await screen.findAllByTestId("service-request");
    expect(rows).toHaveLength(3);
    const [sent, done, declined] = rows as [HTMLElement, HTMLElement, HTMLElement];
    expect(sent.textContent).toContain("In attesa di risposta");
    expect(within(sent).getByText("Risposta in ritardo")).toBeTruthy();
    expect(sent.textContent).toContain("Risposta entro il 12/11/2026");
    expect(sent.textContent).toContain("Necessario entro il 15/12/2026");
    expect(sent.textContent).toContain("Dati di contatto condivisi: Nome e cognome e Telefono");
    expect(done.textContent).toContain("Accettata il 05/10/2026 da Paola Partner: avvio previsto il 10/10/2026.");
    expect(done.textContent).toContain("Concluso il 01/11/2026 senza esito positivo: La persona ha rinunciato.");
    expect(done.textContent).toContain("Trasferita in altra città");
    expect(done.textContent).toContain("Nessun dato di contatto condiviso");
    expect(declined.textContent).toContain("Rifiutata il 03/10/2026 da Paola Partner: Nessuna disponibilità.");
    // Cancelling is not among the viewer's steps: no button.
    expect(screen.queryByRole("button", { name: /Annulla la richiesta/ })).toBeNull();
  });

  it("cancel a request waiting for an answer from its row, with the reason", async () => {
    const { user, mutation } = setup(["CANCEL_SERVICE_REQUEST"], () => ({ data: { cancelServiceRequest: { id: "srq_sent", status: "CANCELLED" } } }));
    const name = "Annulla la richiesta «Tirocinio — Cooperativa Il Girasole»";
    const buttons = await screen.findAllByRole("button", { name });
    // Only the request still waiting has one.
    expect(buttons).toHaveLength(1);
    expect(buttons[0]?.closest("tr")?.getAttribute("data-testid")).toBe("service-request");
    await user.click(buttons[0]!);
    const dialog = await screen.findByRole("dialog", { name });
    await user.type(within(dialog).getByLabelText("Motivo dell'annullamento"), "Trovata un'altra soluzione");
    await user.click(within(dialog).getByRole("button", { name: "Annulla la richiesta" }));
    await waitFor(() => expect(screen.queryByRole("dialog")).toBeNull());
    expect(mutation).toHaveBeenCalledWith("CaseActionsCancelServiceRequest", { id: "srq_sent", version: 4, reason: "Trovata un'altra soluzione" });
    expect(screen.getByTestId("step-notice").textContent).toBe("Richiesta di servizio annullata.");
  });

  it("send a request from the case's steps, asking what is needed first", async () => {
    const { user, mutation } = setup(["REQUEST_SERVICE"], () => ({
      data: { requestService: { id: "srq_new", status: "SENT", sentOn: "2026-11-20", answerDueOn: "2026-11-30" } },
    }));
    await user.click(await within(screen.getByRole("group", { name: "Azioni sul caso" })).findByRole("button", { name: "Richiedi un servizio" }));
    const dialog = await screen.findByRole("dialog", { name: "Richiesta di un servizio a un ente" });
    await user.click(within(dialog).getByRole("button", { name: "Invia la richiesta" }));
    expect(await within(dialog).findByText("Scegli l'ente a cui chiedere il servizio.")).toBeTruthy();
    expect(within(dialog).getByText("Descrivi per l'ente il bisogno della persona.")).toBeTruthy();
    expect(mutation).not.toHaveBeenCalled();

    await user.selectOptions(await within(dialog).findByLabelText("Ente a cui chiedere il servizio"), "org_gir");
    await user.selectOptions(within(dialog).getByLabelText("Servizio richiesto"), "INTERNSHIP");
    await user.type(within(dialog).getByLabelText("Bisogno, descritto per l'ente"), "Tirocinio di sei mesi");
    await user.click(within(dialog).getByRole("button", { name: "Invia la richiesta" }));
    await waitFor(() => expect(screen.queryByRole("dialog")).toBeNull());
    expect(mutation).toHaveBeenCalledWith("CaseActionsRequestService", {
      id: "cas_1",
      version: 4,
      input: { organizationID: "org_gir", kind: "INTERNSHIP", need: "Tirocinio di sei mesi", neededBy: null, shareContact: [] },
    });
    expect(screen.getByTestId("step-notice").textContent).toBe("Richiesta di servizio inviata: l'ente la trova nella sua agenda.");
  });

  it("say which basis is missing to share contact data, record it in the consents filled in, then resume the request as typed", async () => {
    const missing = new CombinedError({
      graphQLErrors: [{ message: "no basis is in force for sharing", extensions: { code: "CONFLICT", missingBasis: "SHARING", organizationId: "org_gir" } }],
    });
    const { user, mutation } = setup(["REQUEST_SERVICE"], (name) => {
      if (name === "CaseRecordConsent") {
        return { data: { recordConsent: { __typename: "Consent", id: "cns_new", purpose: "SHARING" } } };
      }
      return mutation.mock.calls.filter(([n]) => n === "CaseActionsRequestService").length === 1
        ? { error: missing }
        : { data: { requestService: { id: "srq_new", status: "SENT", sentOn: "2026-11-20", answerDueOn: "2026-11-30" } } };
    });
    await user.click(await within(screen.getByRole("group", { name: "Azioni sul caso" })).findByRole("button", { name: "Richiedi un servizio" }));
    let dialog = await screen.findByRole("dialog", { name: "Richiesta di un servizio a un ente" });
    await user.selectOptions(await within(dialog).findByLabelText("Ente a cui chiedere il servizio"), "org_gir");
    await user.selectOptions(within(dialog).getByLabelText("Servizio richiesto"), "INTERNSHIP");
    await user.type(within(dialog).getByLabelText("Bisogno, descritto per l'ente"), "Tirocinio di sei mesi");
    await user.click(within(dialog).getByLabelText("Telefono"));
    await user.click(within(dialog).getByRole("button", { name: "Invia la richiesta" }));

    const notice = await within(dialog).findByTestId("missing-basis");
    expect(notice.textContent).toContain("Manca la base per condividere i dati di contatto");
    expect(notice.textContent).toContain("con Cooperativa Il Girasole serve il suo consenso, o una base giuridica, per la finalità «Condivisione con un ente»");
    // Said in words, not as the server's error.
    expect(within(dialog).queryByText(/no basis is in force/)).toBeNull();

    await user.click(within(notice).getByRole("button", { name: "Registra la base per Cooperativa Il Girasole" }));
    await waitFor(() => expect(screen.queryByRole("dialog")).toBeNull());
    const consents = screen.getByRole("region", { name: "Consensi e basi giuridiche" });
    const form = within(consents).getByRole("form", { name: "Nuovo consenso o base giuridica" });
    expect((within(form).getByLabelText("Finalità") as HTMLSelectElement).value).toBe("SHARING");
    expect((within(form).getByLabelText("Ente con cui condividere i dati") as HTMLSelectElement).value).toBe("org_gir");
    expect(form.textContent).toContain("La richiesta di servizio a Cooperativa Il Girasole condivide dati di contatto");
    await waitFor(() => expect(document.activeElement).toBe(within(form).getByLabelText("Base")));
    await user.selectOptions(within(form).getByLabelText("Base"), "CONSENT");
    await user.click(within(form).getByRole("button", { name: "Registra" }));
    await waitFor(() => expect(mutation).toHaveBeenCalledWith("CaseRecordConsent", expect.objectContaining({ input: expect.objectContaining({ purpose: "SHARING", organizationID: "org_gir" }) })));

    await user.click(await within(consents).findByRole("button", { name: "Riprendi la richiesta di servizio" }));
    dialog = await screen.findByRole("dialog", { name: "Richiesta di un servizio a un ente" });
    expect((within(dialog).getByLabelText("Bisogno, descritto per l'ente") as HTMLTextAreaElement).value).toBe("Tirocinio di sei mesi");
    expect((within(dialog).getByLabelText("Telefono") as HTMLInputElement).checked).toBe(true);
    await user.click(within(dialog).getByRole("button", { name: "Invia la richiesta" }));
    await waitFor(() => expect(screen.queryByRole("dialog")).toBeNull());
    expect(mutation).toHaveBeenLastCalledWith(
      "CaseActionsRequestService",
      expect.objectContaining({ input: expect.objectContaining({ organizationID: "org_gir", shareContact: ["PHONE"] }) }),
    );
  });
});
