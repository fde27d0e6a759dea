// @vitest-environment jsdom
import { act, screen, waitFor } from "@testing-library/react";
import { describe, expect, it } from "vitest";
import { makeSubject } from "wonka";
import { renderScreen } from "../../test/render";
import { NotificationBell } from "./NotificationBell";

describe("the notification bell", () => {
  it("shows the unread count, and fetches it again when a notification arrives live or the window regains focus", async () => {
    let unread = 2;
    const added = makeSubject<unknown>();
    const s = renderScreen(<NotificationBell />, {
      session: {},
      queries: () => ({ data: { unreadNotificationCount: unread } }),
      subscriptions: (name) => (name === "NotificationBellAdded" ? added.source : undefined),
    });
    const bell = await screen.findByRole("link", { name: "Notifiche: 2 da leggere" });
    expect(bell.getAttribute("href")).toBe("/notifications");
    expect(screen.getByTestId("unread-count").textContent).toBe("2");
    // The change is read out politely, not only drawn.
    expect(document.querySelector("[aria-live=polite]")?.textContent).toBe("2 notifiche da leggere");

    unread = 3;
    act(() => added.next({ notificationAdded: { __typename: "Notification", id: "ntf_1", kind: "REFERRAL_RECEIVED", createdAt: "2026-03-09T10:00:00Z" } }));
    expect(await screen.findByRole("link", { name: "Notifiche: 3 da leggere" })).toBeTruthy();
    expect(s.queries.at(-1)?.context.requestPolicy).toBe("network-only");

    unread = 0;
    act(() => {
      window.dispatchEvent(new Event("focus"));
    });
    await waitFor(() => expect(screen.queryByTestId("unread-count")).toBeNull());
    expect(screen.getByRole("link", { name: "Notifiche: nessuna da leggere" })).toBeTruthy();
  });
});
