// @vitest-environment jsdom
import { fireEvent, screen, waitFor } from "@testing-library/react";
import { CombinedError } from "urql";
import { afterEach, describe, expect, it, vi } from "vitest";
import { renderScreen } from "../test/render";
import { SignIn } from "./SignIn";

afterEach(() => vi.useRealTimers());

/** Signs in with a password and answers the SignIn mutation with extensions. */
async function refusedWith(extensions: Record<string, unknown>) {
  renderScreen(<SignIn />, {
    path: "/login",
    mutations: () => ({ error: new CombinedError({ graphQLErrors: [{ message: "refused", extensions }] }) }),
  });
  fireEvent.change(screen.getByLabelText("Indirizzo e-mail"), { target: { value: "chiunque@prova.example" } });
  fireEvent.change(screen.getByLabelText("Password"), { target: { value: "una-password" } });
  fireEvent.click(screen.getByRole("button", { name: "Accedi" }));
  return waitFor(() => screen.getByRole("alert"));
}

describe("SignIn", () => {
  it("is a Bootstrap Italia page: the site's header and a main with one heading", () => {
    renderScreen(<SignIn />, { path: "/login" });
    expect(document.querySelector("header .it-header-slim-wrapper")).not.toBeNull();
    expect(document.querySelector("header .it-brand-title")?.textContent).toBe("WIN");
    expect(screen.getByRole("main").contains(screen.getByRole("heading", { level: 1, name: "Accedi a WIN" }))).toBe(true);
    expect(screen.getAllByRole("button", { pressed: true }).map((b) => b.textContent)).toEqual(["IT"]);
  });

  it("says a wrong e-mail or password is wrong, and nothing about waiting", async () => {
    const alert = await refusedWith({ code: "BAD_USER_INPUT", field: "password" });
    expect(alert.textContent).toContain("E-mail o password non corretti");
    expect(alert.textContent).not.toMatch(/tentativi|riprovare alle/);
  });

  it("tells too many attempts apart, with the time to retry in Italian time", async () => {
    vi.useFakeTimers({ toFake: ["Date"] });
    vi.setSystemTime(new Date("2026-11-25T14:30:20Z")); // 15:30 in Rome
    const alert = await refusedWith({ code: "BAD_USER_INPUT", field: "password", reason: "TOO_MANY_ATTEMPTS", retryAfterSeconds: 120 });
    expect(alert.textContent).toContain("Troppi tentativi di accesso");
    expect(alert.textContent).toContain("riprovare alle 15:32 (tra 2 minuti)");
    expect(alert.textContent).not.toContain("non corretti");
  });

  it("says the server cannot be reached when it cannot", async () => {
    renderScreen(<SignIn />, {
      path: "/login",
      mutations: () => ({ error: new CombinedError({ networkError: new Error("offline") }) }),
    });
    fireEvent.change(screen.getByLabelText("Indirizzo e-mail"), { target: { value: "a@prova.example" } });
    fireEvent.change(screen.getByLabelText("Password"), { target: { value: "x" } });
    fireEvent.click(screen.getByRole("button", { name: "Accedi" }));
    expect((await screen.findByRole("alert")).textContent).toContain("Il server non risponde");
  });
});
