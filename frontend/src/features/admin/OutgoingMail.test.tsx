// @vitest-environment jsdom
import { fireEvent, screen, within } from "@testing-library/react";
import { describe, expect, it } from "vitest";
import { renderScreen } from "../../test/render";
import { Admin } from "./Admin";

const mails = [
  {
    __typename: "OutgoingMail",
    id: "mal_2",
    createdAt: "2026-11-25T09:59:40Z",
    toAddress: "coordinatrice@prova.example",
    kind: "NOTIFICATION",
    subject: "WIN: nuova segnalazione, caso EMP-2026-0007",
    state: "PENDING",
    attempts: 2,
    lastError: "smtp: 451 try again later",
    textBody: "Buongiorno,\n\n- Il caso EMP-2026-0007 è stato segnalato al tavolo Empoli.",
  },
  {
    __typename: "OutgoingMail",
    id: "mal_1",
    createdAt: "2026-11-25T09:00:00Z",
    toAddress: "nuovo@prova.example",
    kind: "INVITATION",
    subject: "WIN: sei stato invitato",
    state: "LOGGED",
    attempts: 1,
    lastError: null,
    textBody: "[link non conservato: è solo nel messaggio inviato]",
  },
];

const user = {
  __typename: "User",
  id: "usr_9",
  name: "Nuovo Utente",
  email: "nuovo@prova.example",
  roles: ["OPERATOR"],
  disabled: false,
  createdAt: "2026-11-25T09:00:00Z",
  passwordChangedAt: null,
  organization: { __typename: "Organization", id: "org_1", name: "Comune di Empoli" },
  memberships: { edges: [] },
};

describe("outgoing mail", () => {
  it("is a tab of the administration listing the mail newest first, with state, attempts, error and text", async () => {
    const { queries } = renderScreen(<Admin />, {
      route: "/admin/*",
      path: "/admin/mail",
      session: { id: "usr_1", roles: ["ADMIN"] },
      queries: {
        AdminOutgoingMail: { outgoingMails: { totalCount: 2, edges: mails.map((node) => ({ node })), pageInfo: { hasNextPage: false, endCursor: null } } },
      },
    });
    expect(screen.getByRole("heading", { level: 1 }).textContent).toBe("Posta in uscita");
    expect(screen.getByRole("link", { name: "Posta in uscita" }).getAttribute("href")).toBe("/admin/mail");
    const rows = (await screen.findAllByRole("row")).slice(1);
    expect(rows).toHaveLength(2);
    const first = within(rows[0]!);
    expect(first.getByText("coordinatrice@prova.example")).toBeTruthy();
    expect(first.getByText("Notifica")).toBeTruthy();
    expect(first.getByText("Da inviare")).toBeTruthy();
    expect(first.getByText("smtp: 451 try again later")).toBeTruthy();
    expect(first.getByText(/Il caso EMP-2026-0007 è stato segnalato/)).toBeTruthy();
    expect(within(rows[1]!).getByText("Invito")).toBeTruthy();
    expect(within(rows[1]!).getByText("Solo nel log")).toBeTruthy();
    expect(queries.find((q) => q.name === "AdminOutgoingMail")?.variables).toEqual({ first: 50, after: null });
  });

  it("is not for those who are not administrators", () => {
    const { queries } = renderScreen(<Admin />, { route: "/admin/*", path: "/admin/mail", session: { id: "usr_1", roles: ["OPERATOR"] } });
    expect(screen.getByRole("alert").textContent).toContain("riservata agli amministratori");
    expect(queries).toHaveLength(0);
  });
});

describe("invitations", () => {
  it("says a new user was invited, and sends the invitation again on request", async () => {
    const { mutations } = renderScreen(<Admin />, {
      route: "/admin/*",
      path: "/admin/users/usr_9",
      session: { id: "usr_1", roles: ["ADMIN"] },
      queries: () => ({ data: { node: user, organizations: { edges: [] }, territorialTables: { edges: [] } } }),
      mutations: () => ({ data: { inviteUser: true } }),
    });
    fireEvent.click(await screen.findByRole("button", { name: "Invia di nuovo l'invito" }));
    expect(await screen.findByText("Invito inviato a nuovo@prova.example.")).toBeTruthy();
    expect(mutations).toEqual([expect.objectContaining({ name: "AdminUserInvite", variables: { id: "usr_9" } })]);
  });
});
