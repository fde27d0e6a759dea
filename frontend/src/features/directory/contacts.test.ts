import { describe, expect, it } from "vitest";
import { mailHref, organizationWhere, telHref, websiteHref } from "./contacts";

describe("directory contacts", () => {
  it("dials the digits of a phone number as typed, keeping the international prefix", () => {
    expect(telHref("0571 757 111")).toBe("tel:0571757111");
    expect(telHref("+39 0571/757.111")).toBe("tel:+390571757111");
    expect(telHref("n.d.")).toBeNull();
    expect(telHref(null)).toBeNull();
  });

  it("mails only what looks like an address", () => {
    expect(mailHref(" servizi.sociali@comune.empoli.fi.it ")).toBe("mailto:servizi.sociali@comune.empoli.fi.it");
    expect(mailHref("ufficio protocollo")).toBeNull();
  });

  it("links web sites with or without scheme, never other schemes", () => {
    expect(websiteHref("www.comune.empoli.fi.it")).toBe("https://www.comune.empoli.fi.it");
    expect(websiteHref("http://example.org/x")).toBe("http://example.org/x");
    expect(websiteHref("javascript:alert(1)")).toBeNull();
  });

  it("searches by name and kind only when given", () => {
    expect(organizationWhere("  ", "")).toBeUndefined();
    expect(organizationWhere(" caritas ", "")).toEqual({ nameContainsFold: "caritas" });
    expect(organizationWhere("", "MUNICIPALITY")).toEqual({ kind: "MUNICIPALITY" });
  });
});
