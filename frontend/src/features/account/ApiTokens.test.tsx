// @vitest-environment jsdom
import { screen, waitFor } from "@testing-library/react";
import userEvent from "@testing-library/user-event";
import { describe, expect, it, vi } from "vitest";
import { addDays, addYears } from "../../i18n/calendar";
import { romeDayStart, today } from "../../i18n/format";
import { renderScreen } from "../../test/render";
import { ApiTokens } from "./ApiTokens";

const secret = "win_tok_S3GR3TO_d4_n0n_m0strare";

const tokens = [
  { __typename: "ApiToken", id: "tok_1", name: "Cruscotto regionale", scope: "READ", createdAt: "2026-01-10T09:00:00Z", expiresAt: "2099-01-10T00:00:00Z", lastUsedAt: null, revokedAt: null },
  { __typename: "ApiToken", id: "tok_2", name: "Vecchio script", scope: "READ_WRITE", createdAt: "2025-01-10T09:00:00Z", expiresAt: "2025-06-10T00:00:00Z", lastUsedAt: null, revokedAt: null },
  { __typename: "ApiToken", id: "tok_3", name: "Prova", scope: "READ", createdAt: "2026-01-10T09:00:00Z", expiresAt: "2099-01-10T00:00:00Z", lastUsedAt: null, revokedAt: "2026-02-01T10:00:00Z" },
];

function setup() {
  return renderScreen(<ApiTokens />, {
    path: "/account",
    queries: () => ({ data: { myApiTokens: tokens } }),
    mutations: (_name, variables) => {
      const input = variables.input as { name: string; scope: string; expiresAt: string };
      return {
        data: {
          createApiToken: {
            __typename: "CreateApiTokenPayload",
            token: secret,
            apiToken: { ...tokens[0], id: "tok_new", name: input.name, scope: input.scope, expiresAt: input.expiresAt },
          },
        },
      };
    },
  });
}

describe("API tokens", () => {
  it("say in words which tokens are revoked or expired", async () => {
    setup();
    expect(await screen.findByRole("cell", { name: "Cruscotto regionale" })).toBeTruthy();
    expect(screen.getByText("Attivo")).toBeTruthy();
    expect(screen.getByText("Scaduto")).toBeTruthy();
    expect(screen.getByText("Revocato il 01/02/2026")).toBeTruthy();
    // Only the active token can be revoked.
    expect(screen.getAllByRole("button", { name: /^Revoca/ })).toHaveLength(1);
  });

  it("show a new token's secret once, and never again after the dialog is closed", async () => {
    const user = userEvent.setup();
    const writeText = vi.fn(() => Promise.resolve());
    Object.defineProperty(navigator, "clipboard", { value: { writeText }, configurable: true });
    const { mutations } = setup();
    await screen.findByRole("cell", { name: "Cruscotto regionale" });
    expect(document.body.textContent).not.toContain(secret);

    await user.type(screen.getByLabelText("Nome del token"), "Export notturno");
    await user.click(screen.getByRole("button", { name: "Crea token" }));

    const dialog = await screen.findByRole("dialog");
    expect(mutations).toHaveLength(1);
    expect(mutations[0]?.name).toBe("AccountCreateApiToken");
    expect(mutations[0]?.variables.input).toEqual({
      name: "Export notturno",
      scope: "READ",
      expiresAt: romeDayStart(addDays(today(), 90)),
    });
    expect((screen.getByLabelText("Token") as HTMLInputElement).value).toBe(secret);
    expect(dialog.textContent).toContain("non verrà mostrato di nuovo");

    await user.click(screen.getByRole("button", { name: "Copia token" }));
    expect(writeText).toHaveBeenCalledWith(secret);
    expect(await screen.findByText("Token copiato negli appunti.")).toBeTruthy();

    await user.click(screen.getByRole("button", { name: "Ho copiato il token, chiudi" }));
    await waitFor(() => expect(screen.queryByRole("dialog")).toBeNull());
    expect(screen.queryByDisplayValue(secret)).toBeNull();
    expect(document.body.innerHTML).not.toContain(secret);
  });

  it("refuse an expiry more than a year ahead without asking the server", async () => {
    const user = userEvent.setup();
    const { mutations } = setup();
    await screen.findByRole("cell", { name: "Cruscotto regionale" });
    await user.type(screen.getByLabelText("Nome del token"), "Troppo lungo");
    const expiry = screen.getByLabelText("Scadenza");
    await user.clear(expiry);
    await user.type(expiry, addDays(addYears(today(), 1), 1));
    await user.click(screen.getByRole("button", { name: "Crea token" }));
    expect(await screen.findByText("La scadenza può essere al massimo tra un anno.")).toBeTruthy();
    expect(mutations).toHaveLength(0);
  });
});
