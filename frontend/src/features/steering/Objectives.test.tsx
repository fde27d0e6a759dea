// @vitest-environment jsdom
import { screen, within } from "@testing-library/react";
import { describe, expect, it } from "vitest";
import { renderScreen } from "../../test/render";
import { Objectives } from "./Objectives";

// The objectives' cards against their evaluation: a ceiling reads as how
// far below or over it the value is, a withheld value shows no percentage.

const objective = (id: string, title: string, indicator: string, lowerIsBetter: boolean, evaluation: { value: number | null; target: number; status: string }) => ({
  __typename: "Objective",
  id,
  title,
  indicator,
  target: evaluation.target,
  lowerIsBetter,
  needAreas: [],
  periodStart: "2026-01-01",
  periodEnd: "2026-12-31",
  tables: { __typename: "TerritorialTableConnection", edges: [] },
  municipalities: { __typename: "MunicipalityConnection", edges: [] },
  evaluation: { __typename: "ObjectiveEvaluation", expected: evaluation.target, asOf: "2026-10-31", ...evaluation },
});

function renderObjectives(...nodes: ReturnType<typeof objective>[]) {
  return renderScreen(<Objectives />, {
    session: { roles: ["ANALYST"] },
    queries: (name) =>
      name === "SteeringObjectives"
        ? {
            data: {
              objectives: {
                __typename: "ObjectiveConnection",
                edges: nodes.map((node) => ({ __typename: "ObjectiveEdge", node })),
                pageInfo: { __typename: "PageInfo", hasNextPage: false, endCursor: null },
              },
            },
          }
        : undefined,
  });
}

const card = async (title: string) => (await screen.findByRole("heading", { name: title })).closest("article") as HTMLElement;

describe("objective cards", () => {
  it("tells a ceiling met by its margin below, not as a share of the ceiling", async () => {
    renderObjectives(objective("obj_1", "Presa in carico rapida", "DAYS_TO_TAKE_CHARGE_MEDIAN", true, { value: 30, target: 45, status: "ON_TRACK" }));
    const c = await card("Presa in carico rapida");
    expect(within(c).getByTestId("objective-ceiling").textContent).toBe("15 giorni sotto la soglia");
    expect(within(c).queryByRole("progressbar")).toBeNull();
    expect(c.textContent).not.toMatch(/%/);
  });

  it("tells a ceiling exceeded by its margin over, never as a full bar", async () => {
    renderObjectives(objective("obj_2", "Tempi", "DAYS_TO_TAKE_CHARGE_MEDIAN", true, { value: 52.5, target: 45, status: "MISSED" }));
    const c = await card("Tempi");
    expect(within(c).getByTestId("objective-ceiling").textContent).toBe("7,5 giorni oltre la soglia");
    expect(within(c).queryByRole("progressbar")).toBeNull();
  });

  it("shows a target to reach as the share reached", async () => {
    renderObjectives(objective("obj_3", "Prese in carico", "TAKINGS_IN_CHARGE", false, { value: 60, target: 120, status: "AT_RISK" }));
    const c = await card("Prese in carico");
    expect(within(c).getByRole("progressbar").getAttribute("aria-valuenow")).toBe("50");
    expect(within(c).queryByTestId("objective-ceiling")).toBeNull();
  });

  it("shows no percentage for a withheld value, whatever the objective", async () => {
    renderObjectives(
      objective("obj_4", "Occupazione", "EMPLOYMENT_OUTCOME_SHARE", false, { value: null, target: 0.3, status: "WITHHELD" }),
      objective("obj_5", "Tempi riservati", "DAYS_TO_TAKE_CHARGE_MEDIAN", true, { value: null, target: 45, status: "WITHHELD" }),
    );
    for (const title of ["Occupazione", "Tempi riservati"]) {
      const c = await card(title);
      expect(within(c).queryByRole("progressbar")).toBeNull();
      expect(within(c).queryByTestId("objective-ceiling")).toBeNull();
      expect(c.textContent).toContain("riservato");
      // The target of a share (and the value expected) is a percentage; nothing else is.
      const percentages = new Set(c.textContent?.match(/\d+\s?%/g) ?? []);
      expect([...percentages]).toEqual(title === "Occupazione" ? ["30%"] : []);
    }
  });
});
