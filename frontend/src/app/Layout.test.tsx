// @vitest-environment jsdom
import { fireEvent, screen, waitFor } from "@testing-library/react";
import { describe, expect, it } from "vitest";
import { renderScreen } from "../test/render";
import { Layout } from "./Layout";

describe("Layout", () => {
  it("puts the menu behind the design system's hamburger, which opens and closes it", () => {
    renderScreen(<Layout />, { route: "*", path: "/", session: { roles: ["OPERATOR"] } });
    const toggler = screen.getByRole("button", { name: "Apri il menu" });
    const menu = document.getElementById(toggler.getAttribute("aria-controls") ?? "");
    expect(menu?.classList.contains("navbar-collapsable")).toBe(true);
    expect(menu?.closest("nav")?.getAttribute("aria-label")).toBe("Menu principale");
    expect(toggler.getAttribute("aria-expanded")).toBe("false");
    fireEvent.click(toggler);
    expect(toggler.getAttribute("aria-expanded")).toBe("true");
    // Following a link closes it.
    fireEvent.click(screen.getByRole("link", { name: "Casi" }));
    expect(toggler.getAttribute("aria-expanded")).toBe("false");
  });

  it.each([["ANALYST"], ["STEERING"]] as const)("links GraphiQL for %s, in a new tab said so", (role) => {
    renderScreen(<Layout />, { route: "*", path: "/", session: { roles: [role] } });
    // The menu is closed (hidden until the hamburger opens it on a phone).
    const link = screen.getByRole("navigation", { name: "Menu principale" }).querySelector('a[href="/graphiql"]');
    expect(link?.textContent).toBe("GraphiQL (si apre in una nuova scheda)");
    expect(link?.getAttribute("target")).toBe("_blank");
    expect(link?.getAttribute("rel")).toContain("noopener");
  });

  it("does not put GraphiQL in an operator's menu", () => {
    renderScreen(<Layout />, { route: "*", path: "/", session: { roles: ["OPERATOR"] } });
    const nav = screen.getByRole("navigation", { name: "Menu principale" });
    expect(nav.querySelector('a[href="/cases"]')).not.toBeNull();
    expect(nav.querySelector('a[href="/graphiql"]')).toBeNull();
  });

  it("stores the language chosen on the account, for what WIN sends", async () => {
    localStorage.setItem("win.locale", "it");
    const s = renderScreen(<Layout />, { route: "*", path: "/", session: { roles: ["OPERATOR"] }, mutations: () => ({ data: { setLanguage: { __typename: "User", id: "usr_me", language: "EN" } } }) });
    fireEvent.click(screen.getByRole("button", { name: "EN" }));
    await waitFor(() => expect(s.mutations).toHaveLength(1));
    expect(s.mutations[0]).toMatchObject({ name: "LayoutSetLanguage", variables: { language: "EN" } });
  });

  it("takes the account's language on a browser where none was chosen", async () => {
    localStorage.clear();
    renderScreen(<Layout />, { route: "*", path: "/", session: { roles: ["OPERATOR"], language: "EN" } });
    await waitFor(() => expect(document.documentElement.lang).toBe("en"));
    expect(localStorage.getItem("win.locale")).toBe("en");
    expect(screen.getByRole("link", { name: "Notifications: none unread" })).toBeTruthy();
    localStorage.clear();
  });
});
