// @vitest-environment jsdom
import { screen, within } from "@testing-library/react";
import { describe, expect, it } from "vitest";
import { renderScreen } from "../../test/render";
import type { Role } from "../../session/session";
import { Dashboard } from "./Dashboard";

const total = (value: number | null, suppressed: boolean, persons: number | null = null) => ({
  __typename: "IndicatorCell",
  keys: [],
  value,
  persons,
  suppressed,
});

const result = (indicator: string, cell: ReturnType<typeof total>) => ({
  __typename: "IndicatorResult",
  indicator,
  definition: "",
  groupBy: [],
  total: cell,
  cells: [],
});

function keyFigures(referrals: ReturnType<typeof total>) {
  return {
    indicators: {
      __typename: "Indicators",
      referrals: result("referrals", referrals),
      takingsInCharge: result("takingsInCharge", total(0, false, 0)),
      closures: result("closures", total(12, false, 12)),
      openCaseload: result("openCaseload", total(30, false, 30)),
      daysToTakeChargeMedian: result("daysToTakeChargeMedian", total(null, false)),
      positiveOutcomes: result("positiveOutcomes", total(null, true)),
      employmentOutcomeShare: result("employmentOutcomeShare", total(0.25, false)),
    },
  };
}

function renderDashboard(referrals: ReturnType<typeof total>, roles: Role[] = ["COORDINATOR"], path = "/dashboard") {
  return renderScreen(<Dashboard />, {
    path,
    session: { roles },
    queries: (name) => (name === "DashboardKeyFigures" ? { data: keyFigures(referrals) } : undefined),
  });
}

describe("Dashboard key figures", () => {
  it("says a withheld total is withheld, not 0", async () => {
    renderDashboard(total(null, true));
    const referrals = await screen.findByTestId("indicator-referrals-total");
    expect(referrals.textContent).toBe("Dato oscurato (meno di 5 persone)");
    expect(screen.getByTestId("indicator-positiveOutcomes-total").textContent).toBe("Dato oscurato (meno di 5 persone)");
    // A real zero stays a zero, a value with nothing to measure a dash.
    expect(screen.getByTestId("indicator-takingsInCharge-total").textContent).toBe("0");
    expect(screen.getByTestId("indicator-daysToTakeChargeMedian-total").textContent).toBe("—");
  });

  it("shows a total as just the formatted number", async () => {
    renderDashboard(total(1234, false, 1200));
    const referrals = await screen.findByTestId("indicator-referrals-total");
    expect(referrals.textContent).toBe("1234");
    expect(screen.getByTestId("indicator-employmentOutcomeShare-total").textContent).toBe("25%");
    expect(screen.getByRole("heading", { level: 1 }).textContent).toBe("Indicatori");
  });
});

describe("Dashboard period", () => {
  const sentPeriod = (screen: ReturnType<typeof renderDashboard>) => {
    const sent = screen.queries.find((q) => q.name === "DashboardKeyFigures");
    return (sent?.variables.filter ?? {}) as { from?: string; to?: string };
  };
  // Midnight in Rome of the first day of a month, as the API receives it.
  const firstOfMonth = (day: string | undefined) => (day ?? "").endsWith("-01");

  it("picks whole months already over for the committee and analysts, even from an address by day", async () => {
    for (const role of ["STEERING", "ANALYST"] as const) {
      const screen = renderDashboard(total(1234, false, 1200), [role], "/dashboard?from=2025-03-10&to=2025-05-20");
      await screen.findByTestId("indicator-referrals-total");
      expect((screen.getByLabelText("Dal mese") as HTMLInputElement).type).toBe("month");
      expect((screen.getByLabelText("Dal mese") as HTMLInputElement).value).toBe("2025-03");
      expect((screen.getByLabelText(/^Al mese/) as HTMLInputElement).value).toBe("2025-05");
      const period = sentPeriod(screen);
      expect(firstOfMonth(period.from) && firstOfMonth(period.to), JSON.stringify(period)).toBe(true);
      expect(period.to).toBe("2025-06-01");
      screen.unmount();
    }
  });

  it("keeps days for a coordinator", async () => {
    const screen = renderDashboard(total(1234, false, 1200), ["COORDINATOR"], "/dashboard?from=2025-03-10&to=2025-05-20");
    await screen.findByTestId("indicator-referrals-total");
    expect((screen.getByLabelText("Dal giorno") as HTMLInputElement).type).toBe("date");
    expect(sentPeriod(screen).to).toBe("2025-05-21");
  });
});

describe("Dashboard service requests", () => {
  const cell = (dimension: string, key: string, label: string, value: number) => ({
    __typename: "IndicatorCell",
    keys: [{ __typename: "IndicatorKey", dimension, key, label }],
    value,
    persons: null,
    suppressed: false,
  });
  const byOrganization = (indicator: string, value: number) => ({
    ...result(indicator, total(value, false, value)),
    groupBy: ["ORGANIZATION"],
    cells: [cell("ORGANIZATION", "org_1", "Cooperativa Sociale Demo Il Girasole", value)],
  });

  it("shows how organisations answered, the reasons in words and the median days to an answer", async () => {
    const screen = renderScreen(<Dashboard />, {
      path: "/dashboard",
      session: { roles: ["COORDINATOR"] },
      queries: (name) =>
        name === "DashboardRequests"
          ? {
              data: {
                indicators: {
                  __typename: "Indicators",
                  serviceRequestsSent: byOrganization("serviceRequestsSent", 9),
                  serviceRequestsAccepted: byOrganization("serviceRequestsAccepted", 6),
                  serviceRequestsDeclined: byOrganization("serviceRequestsDeclined", 2),
                  serviceRequestsCompletedSuccessfully: byOrganization("serviceRequestsCompletedSuccessfully", 4),
                  declinedByReason: {
                    ...result("serviceRequestsDeclined", total(2, false, 2)),
                    groupBy: ["DECLINE_REASON"],
                    cells: [cell("DECLINE_REASON", "NO_CAPACITY", "NO_CAPACITY", 2)],
                  },
                  serviceRequestDaysToAnswerMedian: result("serviceRequestDaysToAnswerMedian", total(4.5, false, 8)),
                },
              },
            }
          : undefined,
    });
    expect((await screen.findByTestId("indicator-serviceRequestDaysToAnswerMedian-total")).textContent).toContain("4,5");
    expect(screen.getAllByText("Cooperativa Sociale Demo Il Girasole").length).toBeGreaterThan(0);
    expect(screen.getAllByText("Nessuna disponibilità").length).toBeGreaterThan(0);
  });
});

describe("Dashboard funds and channels", () => {
  const cell = (dimension: string, key: string, label: string, value: number) => ({
    __typename: "IndicatorCell",
    keys: [{ __typename: "IndicatorKey", dimension, key, label }],
    value,
    persons: null,
    suppressed: false,
  });
  const broken = (indicator: string, dimension: string, cells: ReturnType<typeof cell>[]) => ({ ...result(indicator, total(0, false)), groupBy: [dimension], cells });
  const union = "Unione dei Comuni del Circondario dell'Empolese Valdelsa";
  const funds = {
    indicators: {
      __typename: "Indicators",
      fundsSpentShare: result("fundsSpentShare", total(0.5, false)),
      allocatedByOwner: broken("fundsAllocated", "FUND_OWNER", [cell("FUND_OWNER", "org_union", union, 60000), cell("FUND_OWNER", "org_emp", "Comune di Empoli", 50000)]),
      committedByOwner: broken("fundsCommitted", "FUND_OWNER", [cell("FUND_OWNER", "org_union", union, 1000)]),
      spentByOwner: broken("fundsSpent", "FUND_OWNER", [cell("FUND_OWNER", "org_emp", "Comune di Empoli", 2000)]),
      allocatedBySource: broken("fundsAllocated", "FUND_SOURCE", [cell("FUND_SOURCE", "UNION", "UNION", 60000)]),
      committedBySource: broken("fundsCommitted", "FUND_SOURCE", []),
      spentBySource: broken("fundsSpent", "FUND_SOURCE", []),
    },
  };
  const channels = { indicators: { __typename: "Indicators", referrals: broken("referrals", "REFERRAL_CHANNEL", [cell("REFERRAL_CHANNEL", "EMPLOYMENT_DESK", "EMPLOYMENT_DESK", 40), cell("REFERRAL_CHANNEL", "", "", 7)]) } };

  it("shows the funds by owner, the Union's under the Union, and by source, each downloadable", async () => {
    renderScreen(<Dashboard />, {
      path: "/dashboard",
      session: { roles: ["COORDINATOR"] },
      queries: (name) => (name === "DashboardFunds" ? { data: funds } : name === "DashboardChannels" ? { data: channels } : undefined),
    });
    const byOwner = (await screen.findByRole("heading", { name: "Per ente titolare del fondo" })).closest("section") as HTMLElement;
    expect(within(byOwner).getByRole("rowheader", { name: union })).toBeTruthy();
    const bySource = screen.getByRole("heading", { name: "Per fonte di finanziamento" }).closest("section") as HTMLElement;
    // A source is named in words, not by its API value.
    expect(within(bySource).getByRole("rowheader", { name: "Unione dei Comuni" })).toBeTruthy();
    const links = within(bySource)
      .getAllByRole("link")
      .map((a) => a.getAttribute("href") ?? "");
    expect(links).toHaveLength(3);
    expect(links.every((h) => h.includes("groupBy=FUND_SOURCE"))).toBe(true);

    const byChannel = screen.getByRole("heading", { name: "Segnalazioni per canale di invio" }).closest("section") as HTMLElement;
    expect(within(byChannel).getByRole("rowheader", { name: "Sportello lavoro" })).toBeTruthy();
    expect(within(byChannel).getByRole("rowheader", { name: "Canale non indicato" })).toBeTruthy();
    expect(within(byChannel).getByRole("link").getAttribute("href")).toContain("groupBy=REFERRAL_CHANNEL");
  });
});

describe("Dashboard governance", () => {
  const cell = (dimension: string, key: string, label: string, value: number | null, suppressed = false) => ({
    __typename: "IndicatorCell",
    keys: [{ __typename: "IndicatorKey", dimension, key, label }],
    value,
    persons: null,
    suppressed,
  });
  const broken = (indicator: string, dimension: string, cells: ReturnType<typeof cell>[], all = total(0, false)) => ({ ...result(indicator, all), groupBy: [dimension], cells });
  const directives = {
    indicators: {
      __typename: "Indicators",
      directivesImplementedOnTime: broken("directivesImplementedOnTime", "TABLE", [cell("TABLE", "tab_emp", "Tavolo di Empoli", 0.75)], total(0.75, false)),
    },
  };
  const community = {
    indicators: {
      __typename: "Indicators",
      activitiesByDimension: broken("communityActivities", "VALUE_DIMENSION", [cell("VALUE_DIMENSION", "SOCIAL", "SOCIAL", 3)]),
      participantsByDimension: broken("communityParticipants", "VALUE_DIMENSION", [cell("VALUE_DIMENSION", "SOCIAL", "SOCIAL", 42)]),
      activitiesByMunicipality: broken("communityActivities", "MUNICIPALITY", [cell("MUNICIPALITY", "", "", 2), cell("MUNICIPALITY", "mun_emp", "Empoli", 1)]),
      participantsByMunicipality: broken("communityParticipants", "MUNICIPALITY", [cell("MUNICIPALITY", "", "", 30), cell("MUNICIPALITY", "mun_emp", "Empoli", 12)]),
    },
  };
  const open = (roles: Role[], path = "/dashboard") =>
    renderScreen(<Dashboard />, {
      path,
      session: { roles },
      queries: (name) => (name === "DashboardDirectives" ? { data: directives } : name === "DashboardCommunity" ? { data: community } : undefined),
    });
  const section = (name: string) => screen.getByRole("heading", { name }).closest("section") as HTMLElement;

  it("shows the directives implemented on time as percentages by table, and the community activities by value dimension and municipality", async () => {
    open(["STEERING"]);
    expect((await screen.findByTestId("indicator-directivesImplementedOnTime-total")).textContent).toBe("75%");
    const byTable = section("Indirizzi attuati nei tempi, per tavolo");
    expect(within(byTable).getByRole("row", { name: /Tavolo di Empoli/ }).textContent).toContain("75%");
    expect(within(byTable).getByRole("link").getAttribute("href")).toContain("groupBy=TABLE");
    // The committee sees every table: no note about a coordinator's own.
    expect(within(byTable).queryByText("Solo i tavoli che coordini.")).toBeNull();
    const byDimension = section("Partecipanti alle attività di comunità per dimensione di valore");
    expect(within(byDimension).getByRole("row", { name: /Sociale/ }).textContent).toContain("42");
    const byMunicipality = section("Attività di comunità per comune");
    // The activities across the network are not of "no municipality".
    expect(within(byMunicipality).getByRole("row", { name: /Tutta la rete/ }).textContent).toContain("2");
    expect(within(byMunicipality).getByRole("link").getAttribute("href")).toContain("indicator=communityActivities&groupBy=MUNICIPALITY");
  });

  it("sends each part only the filters its records have, and tells a coordinator the tables are theirs", async () => {
    const s = open(["COORDINATOR"], "/dashboard?from=2026-01-01&to=2026-03-31&tableID=tab_emp&municipalityID=mun_emp&gender=FEMALE");
    await screen.findByTestId("indicator-directivesImplementedOnTime-total");
    const sent = (name: string) => s.queries.find((q) => q.name === name)?.variables.filter;
    expect(sent("DashboardDirectives")).toEqual({ from: "2026-01-01", to: "2026-04-01", tableIDs: ["tab_emp"] });
    expect(sent("DashboardCommunity")).toEqual({ from: "2026-01-01", to: "2026-04-01", municipalityIDs: ["mun_emp"] });
    const byTable = section("Indirizzi attuati nei tempi, per tavolo");
    expect(within(byTable).getByText(/Solo i tavoli che coordini\./)).toBeTruthy();
    expect(within(byTable).getByText(/gli altri filtri non si applicano/)).toBeTruthy();
  });
});
