// @vitest-environment jsdom
import { screen, waitFor } from "@testing-library/react";
import userEvent from "@testing-library/user-event";
import { describe, expect, it } from "vitest";
import { renderScreen } from "../../test/render";
import { NotificationsPage } from "./NotificationsPage";

const base = { __typename: "Notification", caseCode: "EMP-2026-0042", day: null, otherTable: null, directive: null };
const list = [
  { ...base, id: "ntf_2", kind: "REFERRAL_RECEIVED", createdAt: "2026-03-09T10:00:00Z", readAt: null, case: { __typename: "Case", id: "cas_1" }, table: { __typename: "Table", id: "tbl_1", name: "Empoli" } },
  { ...base, id: "ntf_1", kind: "PLAN_REVIEW_DUE", createdAt: "2026-03-08T10:00:00Z", readAt: "2026-03-08T11:00:00Z", day: "2026-03-10", case: null, table: null },
];

function setup() {
  return renderScreen(<NotificationsPage />, {
    path: "/notifications",
    session: {},
    queries: {
      NotificationsPageList: {
        notifications: { __typename: "NotificationConnection", edges: list.map((node) => ({ __typename: "NotificationEdge", node })), pageInfo: { __typename: "PageInfo", hasNextPage: false, endCursor: null } },
      },
    },
    mutations: (name, v) =>
      name === "NotificationsPageMarkRead"
        ? { data: { markNotificationRead: { __typename: "Notification", id: v.id, readAt: "2026-03-09T12:00:00Z" } } }
        : { data: { markAllNotificationsRead: 1 } },
  });
}

describe("the notifications page", () => {
  it("lists sentences newest first, linking to the case, with the unread ones marked", async () => {
    const s = setup();
    const link = await screen.findByRole("link", { name: "Il caso EMP-2026-0042 è stato segnalato al tavolo Empoli." });
    expect(link.getAttribute("href")).toBe("/cases/cas_1");
    // A case out of the reader's sight: the sentence, without a link.
    expect(screen.getByText("La revisione del progetto del caso EMP-2026-0042 scade il 10/03/2026.").closest("a")).toBeNull();
    const items = screen.getAllByRole("listitem");
    expect(items.map((i) => i.getAttribute("data-unread"))).toEqual(["true", "false"]);
    expect(s.queries[0]?.variables).toEqual({});
  });

  it("marks one, or all, read", async () => {
    const user = userEvent.setup();
    const s = setup();
    await user.click(await screen.findByRole("button", { name: /^Segna come letta/ }));
    await waitFor(() => expect(s.mutations.map((m) => m.name)).toEqual(["NotificationsPageMarkRead"]));
    expect(s.mutations[0]?.variables).toEqual({ id: "ntf_2" });
    await user.click(screen.getByRole("button", { name: "Segna tutte come lette" }));
    await waitFor(() => expect(s.mutations.map((m) => m.name)).toEqual(["NotificationsPageMarkRead", "NotificationsPageMarkAllRead"]));
  });
});
