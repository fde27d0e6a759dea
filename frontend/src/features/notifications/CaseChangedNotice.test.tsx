// @vitest-environment jsdom
import { act, screen } from "@testing-library/react";
import userEvent from "@testing-library/user-event";
import { describe, expect, it, vi } from "vitest";
import { makeSubject } from "wonka";
import { renderScreen } from "../../test/render";
import { CaseChangedNotice } from "./CaseChangedNotice";

const change = (version: number, byViewer: boolean) => ({ caseChanged: { __typename: "CaseChange", version, kind: null, byViewer } });

describe("the notice of a case changed by someone else", () => {
  it("offers to reload the case, not for the viewer's own changes", async () => {
    const user = userEvent.setup();
    const reload = vi.fn();
    const events = makeSubject<unknown>();
    const s = renderScreen(<CaseChangedNotice caseId="cas_1" version={4} onReload={reload} />, {
      session: {},
      subscriptions: (name, v) => (name === "CaseChangedNotice" && v.id === "cas_1" ? events.source : undefined),
    });
    act(() => events.next(change(5, true)));
    expect(screen.queryByTestId("case-changed")).toBeNull();
    act(() => events.next(change(6, false)));
    expect(screen.getByText("Il caso è stato modificato da un altro utente.")).toBeTruthy();
    await user.click(screen.getByRole("button", { name: "Ricarica" }));
    expect(reload).toHaveBeenCalledOnce();
    expect(screen.queryByTestId("case-changed")).toBeNull();
    s.unmount();
  });
});
