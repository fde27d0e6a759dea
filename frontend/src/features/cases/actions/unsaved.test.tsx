// @vitest-environment jsdom
import { act, fireEvent, screen, waitFor, within } from "@testing-library/react";
import userEvent from "@testing-library/user-event";
import { describe, expect, it, vi } from "vitest";
import { renderScreen, type Answerer } from "../../../test/render";
import type { CaseAction } from "../../../gql/graphql";
import { CaseActions } from "./CaseActions";
import { CaseSteps } from "./steps";

// The case actions' dialogs never lose typed input without asking: Esc,
// Cancel, a navigation inside the app and a reload all ask while the form
// has changes; nothing asks when it has none, or once it is saved.

const parts = {
  __typename: "Case",
  id: "cas_1",
  code: "EMP-2026-0001",
  status: "CLOSED",
  version: 3,
  needAreas: ["EMPLOYMENT"],
  table: { id: "tbl_1", name: "Tavolo di Empoli", members: { edges: [] } },
  caseManager: null,
  plan: null,
  interventions: { edges: [] },
  outcomes: { edges: [] },
  monitoringMeetings: { edges: [] },
  events: { edges: [{ node: { id: "evt_1", occurredAt: "2026-03-01T09:00:00Z" } }] },
};

const noteText = "Telefonata fatta.";

const allowed = (...actions: CaseAction[]) => actions.map((action) => ({ action, allowed: true, blockers: [] }));

function setup(mutations: Answerer = () => undefined) {
  const actions = allowed("ADD_NOTE", "REOPEN_CASE");
  const screenOf = renderScreen(
    <CaseSteps caseId="cas_1" version={3} actions={actions} onChanged={() => undefined}>
      <CaseActions caseId="cas_1" status="CLOSED" actions={actions} />
    </CaseSteps>,
    {
    route: "/cases/:id",
    path: "/cases/cas_1",
    routes: [{ path: "/cases", element: <p>elenco dei casi</p> }],
    queries: { CaseActionsParts: { node: parts } },
    mutations,
    },
  );
  return { user: userEvent.setup(), router: screenOf.router };
}

/** Opens the note's dialog and, when text is given, types it. */
async function openNote(user: ReturnType<typeof userEvent.setup>, text?: string) {
  await user.click(await screen.findByRole("button", { name: "Aggiungi nota" }));
  const dialog = await screen.findByRole("dialog", { name: "Nuova nota nel diario del caso" });
  if (text) {
    await user.type(within(dialog).getByLabelText("Testo della nota"), text);
  }
  return dialog;
}

/**
 * Esc where the focus is. reactstrap's Modal reads the event's keyCode,
 * which user-event leaves at 0 in jsdom (browsers set it: the e2e suite
 * presses the real key).
 */
function pressEsc() {
  const target = document.activeElement ?? document.body;
  fireEvent.keyDown(target, { key: "Escape", code: "Escape", keyCode: 27 });
  fireEvent.keyUp(target, { key: "Escape", code: "Escape", keyCode: 27 });
}

const question = () => screen.queryByRole("alertdialog", { name: "Ci sono modifiche non salvate: chiudere comunque?" });

// Whole walks through the dialogs: more than the default 5 s on a busy machine.
describe("a case action's dialog with changes", { timeout: 20_000 }, () => {
  it("asks on Esc, and keeps the input when the user keeps editing", async () => {
    const { user } = setup();
    const dialog = await openNote(user, noteText);
    pressEsc();
    const ask = await screen.findByRole("alertdialog", { name: "Ci sono modifiche non salvate: chiudere comunque?" });
    expect(within(ask).getByText("Quello che hai inserito non è stato salvato e andrà perso.")).toBeTruthy();
    // The focus starts on the choice that loses nothing.
    await waitFor(() => expect(document.activeElement).toBe(within(ask).getByRole("button", { name: "Continua a modificare" })));
    expect(screen.getByRole("dialog", { name: "Nuova nota nel diario del caso" })).toBe(dialog);

    await user.click(within(ask).getByRole("button", { name: "Continua a modificare" }));
    await waitFor(() => expect(question()).toBeNull());
    expect((within(dialog).getByLabelText("Testo della nota") as HTMLTextAreaElement).value).toBe(noteText);
    // Esc on the question itself is "keep editing" too, not a second close.
    pressEsc();
    const again = await screen.findByRole("alertdialog", { name: "Ci sono modifiche non salvate: chiudere comunque?" });
    await waitFor(() => expect(again.contains(document.activeElement)).toBe(true));
    pressEsc();
    await waitFor(() => expect(question()).toBeNull());
    expect(screen.getByRole("dialog", { name: "Nuova nota nel diario del caso" })).toBe(dialog);
    expect((within(dialog).getByLabelText("Testo della nota") as HTMLTextAreaElement).value).toBe(noteText);
  });

  it("closes without saving when the user confirms, from Cancel as from Esc", async () => {
    const { user } = setup();
    const dialog = await openNote(user, noteText);
    await user.click(within(dialog).getByRole("button", { name: "Annulla" }));
    const ask = await screen.findByRole("alertdialog", { name: "Ci sono modifiche non salvate: chiudere comunque?" });
    await user.click(within(ask).getByRole("button", { name: "Chiudi senza salvare" }));
    await waitFor(() => expect(screen.queryByRole("dialog")).toBeNull());
    expect(question()).toBeNull();
    // Opened again, the dialog starts empty: the input was thrown away as asked.
    const again = await openNote(user);
    expect((within(again).getByLabelText("Testo della nota") as HTMLTextAreaElement).value).toBe("");
  });

  it("closes at once on Esc when nothing was typed", async () => {
    const { user } = setup();
    const dialog = await openNote(user);
    await user.click(within(dialog).getByLabelText("Testo della nota"));
    pressEsc();
    await waitFor(() => expect(screen.queryByRole("dialog")).toBeNull());
    expect(question()).toBeNull();
  });

  it("blocks a navigation away while it has changes, and lets it go on when the user confirms", async () => {
    const { user, router } = setup();
    const dialog = await openNote(user, noteText);
    await act(() => router.navigate("/cases"));
    const ask = await screen.findByRole("alertdialog", { name: "Ci sono modifiche non salvate: lasciare la pagina comunque?" });
    expect(router.state.location.pathname).toBe("/cases/cas_1");

    await user.click(within(ask).getByRole("button", { name: "Continua a modificare" }));
    await waitFor(() => expect(screen.queryByRole("alertdialog")).toBeNull());
    expect(router.state.location.pathname).toBe("/cases/cas_1");
    expect((within(dialog).getByLabelText("Testo della nota") as HTMLTextAreaElement).value).toBe(noteText);

    await act(() => router.navigate("/cases"));
    await user.click(await screen.findByRole("button", { name: "Lascia la pagina senza salvare" }));
    await waitFor(() => expect(router.state.location.pathname).toBe("/cases"));
    expect(await screen.findByText("elenco dei casi")).toBeTruthy();
  });

  it("lets a navigation go when nothing was typed", async () => {
    const { user, router } = setup();
    await openNote(user);
    await act(() => router.navigate("/cases"));
    await waitFor(() => expect(router.state.location.pathname).toBe("/cases"));
    expect(screen.queryByRole("alertdialog")).toBeNull();
  });

  it("asks the browser to confirm a reload only while it has changes", async () => {
    const { user } = setup();
    const unload = () => {
      const e = new Event("beforeunload", { cancelable: true });
      window.dispatchEvent(e);
      return e.defaultPrevented;
    };
    const dialog = await openNote(user);
    expect(unload()).toBe(false);
    await user.type(within(dialog).getByLabelText("Testo della nota"), noteText);
    expect(unload()).toBe(true);
    await user.clear(within(dialog).getByLabelText("Testo della nota"));
    expect(unload()).toBe(false);
  });

  it("asks nothing after a successful send, nor on the navigation it leads to", async () => {
    const mutation = vi.fn((name: string) =>
      name === "CaseActionsReopenCase"
        ? { data: { reopenCase: { __typename: "Case", id: "cas_2", code: "EMP-2026-0002", status: "REFERRED" } } }
        : { data: { addNote: { __typename: "CaseEvent", id: "evt_9", kind: "NOTE_ADDED", occurredAt: "2026-03-02T10:00:00Z", note: noteText } } },
    );
    const { user, router } = setup(mutation);
    const dialog = await openNote(user, noteText);
    await user.click(within(dialog).getByRole("button", { name: "Conferma" }));
    await waitFor(() => expect(screen.queryByRole("dialog")).toBeNull());
    expect(question()).toBeNull();

    // Reopening opens the new case once saved: not taken for leaving unsaved input.
    await user.click(screen.getByRole("button", { name: "Riapri il caso" }));
    const reopen = await screen.findByRole("dialog", { name: "Riapertura del caso" });
    await user.type(within(reopen).getByLabelText("Motivo della riapertura"), "Nuovo bisogno.");
    await user.click(within(reopen).getByRole("button", { name: "Conferma" }));
    await waitFor(() => expect(router.state.location.pathname).toBe("/cases/cas_2"));
    expect(screen.queryByRole("alertdialog")).toBeNull();
  });
});
