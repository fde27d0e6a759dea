// @vitest-environment jsdom
import { cleanup, render, screen } from "@testing-library/react";
import { afterEach, describe, expect, it } from "vitest";
import type { Locale } from "./catalogue";
import { useFormat } from "./format";
import { LocaleProvider } from "./LocaleProvider";

afterEach(cleanup);

function When() {
  const f = useFormat();
  return <span data-testid="when">{f.dateTime("2026-11-25T14:30:00Z")}</span>;
}

describe("LocaleProvider", () => {
  it.each<[Locale, string]>([
    ["it", "25/11/2026, 15:30"],
    // Not the US's 11/25/2026, 3:30 PM.
    ["en", "25/11/2026, 15:30"],
  ])("formats dates and times in %s as day/month/year on the 24-hour clock", (locale, want) => {
    render(
      <LocaleProvider locale={locale}>
        <When />
      </LocaleProvider>,
    );
    expect(screen.getByTestId("when").textContent).toBe(want);
  });
});
