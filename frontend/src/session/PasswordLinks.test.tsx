// @vitest-environment jsdom
import { fireEvent, screen, waitFor } from "@testing-library/react";
import { CombinedError } from "urql";
import { describe, expect, it } from "vitest";
import { renderScreen } from "../test/render";
import { ForgotPassword } from "./ForgotPassword";
import { ResetPassword, tokenOf } from "./ResetPassword";
import { SignIn } from "./SignIn";

const refused = (extensions: Record<string, unknown>) => ({ error: new CombinedError({ graphQLErrors: [{ message: "refused", extensions }] }) });

describe("forgotten password", () => {
  it("is linked from the sign-in page", () => {
    renderScreen(<SignIn />, { path: "/login" });
    expect(screen.getByRole("link", { name: "Password dimenticata?" }).getAttribute("href")).toBe("/forgot-password");
  });

  it("asks for a link and says the same whatever the server knows of the address", async () => {
    const { mutations } = renderScreen(<ForgotPassword />, { path: "/forgot-password", mutations: () => ({ data: { requestPasswordReset: true } }) });
    expect(screen.getByRole("heading", { level: 1 }).textContent).toBe("Password dimenticata");
    fireEvent.change(screen.getByLabelText("Indirizzo e-mail"), { target: { value: " chiunque@prova.example " } });
    fireEvent.click(screen.getByRole("button", { name: "Invia il link" }));
    expect(await screen.findByText(/Se l'indirizzo appartiene a un account attivo/)).toBeTruthy();
    expect(mutations).toEqual([expect.objectContaining({ name: "PasswordRequestReset", variables: { email: "chiunque@prova.example" } })]);
    expect(screen.queryByLabelText("Indirizzo e-mail")).toBeNull();
  });

  it("checks the address before asking", async () => {
    const { mutations } = renderScreen(<ForgotPassword />, { path: "/forgot-password" });
    fireEvent.change(screen.getByLabelText("Indirizzo e-mail"), { target: { value: "non-un-indirizzo" } });
    fireEvent.click(screen.getByRole("button", { name: "Invia il link" }));
    expect(await screen.findByText("Questo non è un indirizzo e-mail valido.")).toBeTruthy();
    expect(mutations).toHaveLength(0);
  });

  it("tells too many requests apart", async () => {
    renderScreen(<ForgotPassword />, {
      path: "/forgot-password",
      mutations: () => refused({ code: "BAD_USER_INPUT", field: "email", reason: "TOO_MANY_ATTEMPTS", retryAfterSeconds: 60 }),
    });
    fireEvent.change(screen.getByLabelText("Indirizzo e-mail"), { target: { value: "a@prova.example" } });
    fireEvent.click(screen.getByRole("button", { name: "Invia il link" }));
    expect((await screen.findByRole("alert")).textContent).toContain("Troppe richieste");
  });
});

describe("setting a password from a link", () => {
  const token = "dGVzdC10b2tlbi10ZXN0LXRva2VuLXRlc3QtdG9rZW4tdA";

  it("reads the token from the fragment", () => {
    expect(tokenOf(`#${token}`)).toBe(token);
    expect(tokenOf("")).toBe("");
  });

  const fill = (password: string, confirm = password) => {
    fireEvent.change(screen.getByLabelText(/^Nuova password/), { target: { value: password } });
    fireEvent.change(screen.getByLabelText("Conferma la nuova password"), { target: { value: confirm } });
    fireEvent.click(screen.getByRole("button", { name: "Imposta la password" }));
  };

  it("sets the password with the link's token, then offers to sign in", async () => {
    const { mutations } = renderScreen(<ResetPassword />, {
      route: "/reset-password",
      path: `/reset-password#${token}`,
      mutations: () => ({ data: { resetPassword: true } }),
    });
    fill("una-password-nuova-lunga");
    expect(await screen.findByText(/Password impostata/)).toBeTruthy();
    expect(mutations).toEqual([expect.objectContaining({ name: "PasswordReset", variables: { token, password: "una-password-nuova-lunga" } })]);
    expect(screen.getByRole("link", { name: "Accedi" }).getAttribute("href")).toBe("/login");
  });

  it("applies the rules of a change of password before asking", async () => {
    const { mutations } = renderScreen(<ResetPassword />, { route: "/reset-password", path: `/reset-password#${token}` });
    fill("corta");
    expect(await screen.findByText(/almeno 12 caratteri|12/)).toBeTruthy();
    fill("una-password-nuova-lunga", "un'altra-password-lunga");
    await waitFor(() => expect(screen.getByLabelText("Conferma la nuova password").getAttribute("aria-invalid")).toBe("true"));
    expect(mutations).toHaveLength(0);
  });

  it("shows the server's refusal of a password on the field", async () => {
    renderScreen(<ResetPassword />, {
      route: "/reset-password",
      path: `/reset-password#${token}`,
      mutations: () => ({ error: new CombinedError({ graphQLErrors: [{ message: "password: too common", extensions: { code: "BAD_USER_INPUT", field: "password" } }] }) }),
    });
    fill("password-troppo-comune");
    expect(await screen.findByText(/password: too common/)).toBeTruthy();
  });

  it("says a used or expired link is not valid, and offers a new one", async () => {
    renderScreen(<ResetPassword />, {
      route: "/reset-password",
      path: `/reset-password#${token}`,
      mutations: () => refused({ code: "BAD_USER_INPUT", field: "token" }),
    });
    fill("una-password-nuova-lunga");
    expect((await screen.findByRole("alert")).textContent).toContain("Il link non è valido");
    expect(screen.getByRole("link", { name: "Chiedi un nuovo link" }).getAttribute("href")).toBe("/forgot-password");
  });

  it("says so at once when the link has no token", () => {
    renderScreen(<ResetPassword />, { route: "/reset-password", path: "/reset-password" });
    expect(screen.getByRole("alert").textContent).toContain("Il link non è valido");
    expect(screen.queryByLabelText("Conferma la nuova password")).toBeNull();
  });
});
