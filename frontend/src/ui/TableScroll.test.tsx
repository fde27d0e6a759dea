// @vitest-environment jsdom
import { cleanup, render, screen } from "@testing-library/react";
import { afterEach, describe, expect, it, vi } from "vitest";
import { LocaleProvider } from "../i18n/LocaleProvider";
import { overflow, TableScroll } from "./TableScroll";

afterEach(() => {
  cleanup();
  vi.restoreAllMocks();
});

/** Renders a table in a box whose content is `content` px wide and the box `box` px. */
function renderTable(content: number, box: number) {
  vi.spyOn(HTMLElement.prototype, "scrollWidth", "get").mockReturnValue(content);
  vi.spyOn(HTMLElement.prototype, "clientWidth", "get").mockReturnValue(box);
  return render(
    <LocaleProvider locale="it">
      <TableScroll>
        <table>
          <caption>Casi</caption>
          <tbody>
            <tr>
              <td>EMP-2026-0001</td>
            </tr>
          </tbody>
        </table>
      </TableScroll>
    </LocaleProvider>,
  );
}

describe("TableScroll", () => {
  it("says the table scrolls sideways when it is wider than the screen, and can take the focus", () => {
    renderTable(900, 366);
    expect(screen.getByText(/Scorri la tabella di lato/)).toBeTruthy();
    const region = screen.getByRole("region", { name: /Tabella scorrevole/ });
    expect(region.tabIndex).toBe(0);
    expect(region.classList.contains("win-more-right")).toBe(true);
  });

  it("says nothing and takes no focus when the table fits", () => {
    renderTable(366, 366);
    expect(screen.queryByText(/Scorri la tabella/)).toBeNull();
    expect(screen.queryByRole("region")).toBeNull();
    expect(document.querySelector(".table-responsive")?.hasAttribute("tabindex")).toBe(false);
  });
});

describe("overflow", () => {
  it("sees more to the right until the table is scrolled to its end", () => {
    expect(overflow({ scrollWidth: 900, clientWidth: 366, scrollLeft: 0 })).toEqual({ wide: true, more: true });
    expect(overflow({ scrollWidth: 900, clientWidth: 366, scrollLeft: 534 })).toEqual({ wide: true, more: false });
    expect(overflow({ scrollWidth: 366.5, clientWidth: 366, scrollLeft: 0 })).toEqual({ wide: false, more: false });
  });
});
