import type { Browser } from "playwright-core";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { at, checkScreen, launch, newPage, signIn } from "./browser";

// A phone (390 px wide) and the sign-in page's refusals.

let browser: Browser;
beforeAll(async () => {
  browser = await launch();
});
afterAll(async () => {
  await browser.close();
});

const phone = { width: 390, height: 844 };

describe("on a phone", () => {
  it("the menu is the design system's hamburger, and content starts in the first third of the screen", async () => {
    const page = await newPage(browser);
    await page.setViewportSize(phone);
    await signIn(page, "operator@demo.example");
    const toggler = page.getByRole("button", { name: "Apri il menu" });
    expect(await toggler.isVisible()).toBe(true);
    expect(await toggler.getAttribute("aria-expanded")).toBe("false");
    const cases = page.getByRole("navigation", { name: "Menu principale" }).getByRole("link", { name: "Casi" });
    expect(await cases.isVisible()).toBe(false);
    const h1 = await page.getByRole("heading", { level: 1 }).first().boundingBox();
    expect(h1?.y).toBeLessThan(phone.height / 3);
    // Nothing wider than the screen: no sideways scrolling of the page;
    // if something is, the failure names the innermost elements past it.
    const overflow = await page.evaluate((width) => {
      const past = (e: Element) => e.getBoundingClientRect().right > width + 0.5;
      const wide = [...document.querySelectorAll("body *")]
        .filter((e) => past(e) && ![...e.children].some(past))
        .map((e) => {
          // The element, and its ancestors' right edges: which one does not give way.
          const chain: string[] = [];
          for (let a: Element | null = e; a && a !== document.body; a = a.parentElement) {
            chain.push(`${a.tagName.toLowerCase()}.${[...a.classList].slice(0, 2).join(".")}@${Math.round(a.getBoundingClientRect().right)}`);
          }
          return `${(e.textContent ?? "").trim().slice(0, 30)} [${chain.join(" < ")}]`;
        });
      return { scrollWidth: document.documentElement.scrollWidth, wide: wide.slice(0, 5) };
    }, phone.width);
    expect(overflow.scrollWidth, `wider than the screen: ${overflow.wide.join("; ")}`).toBeLessThanOrEqual(phone.width);
    await checkScreen(page, "30-phone-agenda");

    await toggler.click();
    await cases.waitFor({ state: "visible" });
    await checkScreen(page, "31-phone-menu-open");
    await cases.click();
    await page.waitForURL((u) => u.pathname === "/cases");
    await cases.waitFor({ state: "hidden" });
    expect(await toggler.getAttribute("aria-expanded")).toBe("false");
    // The list's columns do not fit: the table says it scrolls sideways.
    await page.getByText("Scorri la tabella di lato per vedere tutte le colonne").waitFor();
    expect(await page.getByRole("region", { name: /Tabella scorrevole/ }).first().getAttribute("tabindex")).toBe("0");
    await checkScreen(page, "32-phone-cases");
    await page.context().close();
  });

  it("the sign-in page is the site's, with its header", async () => {
    const page = await newPage(browser);
    await page.setViewportSize(phone);
    await page.goto(at("/login"));
    expect(await page.locator("header .it-brand-title").textContent()).toBe("WIN");
    const h1 = await page.getByRole("heading", { level: 1 }).boundingBox();
    expect(h1?.y).toBeLessThan(phone.height / 3);
    await checkScreen(page, "33-phone-sign-in");
    await page.context().close();
  });
});

describe("signing in", () => {
  it("a wrong password is said so; too many attempts say when to retry", async () => {
    const page = await newPage(browser);
    await page.goto(at("/login"));
    // An e-mail no account has: the answers are the same as for one that
    // exists, and the demo accounts' attempts stay untouched.
    // Each attempt waits for the server's answer, then for the alert to say what is expected.
    const attempt = async (expected: RegExp) => {
      await page.getByLabel("Indirizzo e-mail").fill("nessuno@demo.example");
      await page.getByLabel("Password").fill("non-e-questa-la-password");
      await Promise.all([
        page.waitForResponse((r) => new URL(r.url()).pathname === "/graphql"),
        page.getByRole("button", { name: "Accedi" }).click(),
      ]);
      const alert = page.getByRole("alert").filter({ hasText: expected });
      await alert.waitFor();
      return (await alert.textContent()) ?? "";
    };
    await attempt(/E-mail o password non corretti/);
    await checkScreen(page, "34-sign-in-wrong-password");
    for (let i = 2; i <= 5; i++) {
      await attempt(/non corretti/);
    }
    const throttled = await attempt(/Troppi tentativi/);
    expect(throttled).toMatch(/Troppi tentativi di accesso .* riprovare alle \d\d:\d\d \(tra 2 minuti\)/);
    expect(throttled).not.toContain("non corretti");
    await checkScreen(page, "35-sign-in-too-many-attempts");
    await page.context().close();
  });
});
