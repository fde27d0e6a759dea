// @vitest-environment jsdom
import { screen } from "@testing-library/react";
import userEvent from "@testing-library/user-event";
import { describe, expect, it } from "vitest";
import { renderScreen } from "../../test/render";
import { ChangePassword } from "./ChangePassword";

async function change(revoke: boolean) {
  const user = userEvent.setup();
  const { mutations } = renderScreen(<ChangePassword />, {
    path: "/account",
    queries: () => ({ data: {} }),
    mutations: () => ({ data: { changePassword: true } }),
  });
  await user.type(screen.getByLabelText("Password attuale"), "vecchia-password-1");
  await user.type(screen.getByLabelText("Nuova password"), "nuova-password-12");
  await user.type(screen.getByLabelText("Conferma la nuova password"), "nuova-password-12");
  if (revoke) {
    await user.click(screen.getByLabelText("Revoca anche i miei token API"));
  }
  await user.click(screen.getByRole("button", { name: "Cambia password" }));
  return mutations;
}

describe("change of password", () => {
  it("keeps the API tokens unless asked", async () => {
    const mutations = await change(false);
    expect(await screen.findByText("Password cambiata. Le altre sessioni aperte sono state chiuse.")).toBeTruthy();
    expect(mutations[0]?.variables).toEqual({ input: { currentPassword: "vecchia-password-1", newPassword: "nuova-password-12", revokeApiTokens: false } });
  });

  it("revokes them when the box is ticked, and says so", async () => {
    const mutations = await change(true);
    expect(await screen.findByText("Password cambiata. Le altre sessioni aperte sono state chiuse e i token API revocati.")).toBeTruthy();
    expect(mutations[0]?.variables).toMatchObject({ input: { revokeApiTokens: true } });
  });
});
