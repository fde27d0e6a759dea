import { describe, expect, it } from "vitest";
import { defaultFilter, filterFromParams, filterToParams, hasFiltersOutside, indicatorCsvUrl, monthEnd, toIndicatorFilter, wholeMonths, type DashboardFilter } from "./filters";

const today = "2026-11-25";

const full: DashboardFilter = {
  from: "2026-03-01",
  to: "2026-06-30",
  tableIDs: ["tab_a", "tab_b"],
  municipalityIDs: ["mun_x"],
  needAreas: ["HOUSING", "EMPLOYMENT"],
  genders: ["FEMALE"],
  ageBands: ["UNDER_25"],
};

describe("filter and URL parameters", () => {
  it("defaults to 1 January of this year up to today", () => {
    expect(filterFromParams(new URLSearchParams(), today)).toEqual(defaultFilter(today));
    expect(defaultFilter(today)).toMatchObject({ from: "2026-01-01", to: "2026-11-25", tableIDs: [] });
  });

  it("round-trips every field through the URL", () => {
    const params = filterToParams(full);
    expect(params.getAll("tableID")).toEqual(["tab_a", "tab_b"]);
    expect(params.getAll("needArea")).toEqual(["HOUSING", "EMPLOYMENT"]);
    expect(filterFromParams(new URLSearchParams(params.toString()), today)).toEqual(full);
  });

  it("keeps the page's other parameters and replaces the old filter", () => {
    const old = new URLSearchParams("breakdown=openCaseload&tableID=tab_old&from=2020-01-01");
    const p = filterToParams({ ...defaultFilter(today), tableIDs: ["tab_new"] }, old);
    expect(p.get("breakdown")).toBe("openCaseload");
    expect(p.getAll("tableID")).toEqual(["tab_new"]);
    expect(p.get("from")).toBe("2026-01-01");
  });

  it("ignores malformed dates and values outside the allowed ones", () => {
    const f = filterFromParams(new URLSearchParams("from=yesterday&to=2026-02-30&needArea=HOUSING&needArea=BOGUS&gender=FEMALE&gender=FEMALE"), today, {
      needAreas: ["HOUSING", "HEALTH"],
    });
    expect(f.from).toBe("2026-01-01");
    expect(f.to).toBe(today);
    expect(f.needAreas).toEqual(["HOUSING"]);
    expect(f.genders).toEqual(["FEMALE"]);
  });
});

describe("API filter", () => {
  it("ends the period the day after the last day, at midnight in Rome", () => {
    const f = toIndicatorFilter(defaultFilter(today));
    expect(f.from).toBe("2026-01-01");
    expect(f.to).toBe("2026-11-26");
    expect(f.tableIDs).toBeUndefined();
  });

  it("drops for funds the filters their records do not have", () => {
    const f = toIndicatorFilter(full, "funds");
    expect(f.municipalityIDs).toEqual(["mun_x"]);
    expect(f.tableIDs).toBeUndefined();
    expect(f.genders).toBeUndefined();
    expect(toIndicatorFilter(full).genders).toEqual(["FEMALE"]);
  });

  it("keeps for directives only the tables, for community activities only the municipality", () => {
    expect(toIndicatorFilter(full, "directives")).toEqual({ from: "2026-03-01", to: "2026-07-01", tableIDs: ["tab_a", "tab_b"] });
    expect(toIndicatorFilter(full, "community")).toEqual({ from: "2026-03-01", to: "2026-07-01", municipalityIDs: ["mun_x"] });
  });

  it("tells when a filter is set that an indicator's records lack", () => {
    const tables = { ...defaultFilter(today), tableIDs: ["tab_a"] };
    expect(hasFiltersOutside(tables, "directives")).toBe(false);
    expect(hasFiltersOutside(tables, "community")).toBe(true);
    expect(hasFiltersOutside({ ...defaultFilter(today), municipalityIDs: ["mun_x"] }, "directives")).toBe(true);
    expect(hasFiltersOutside(full, "cases")).toBe(false);
  });
});

describe("CSV address", () => {
  it("names the indicator, repeats groupBy and the filters, ends the day after, asks for Italian with semicolons", () => {
    const url = indicatorCsvUrl("referrals", ["TABLE", "MONTH"], full, "it");
    expect(url.startsWith("/export/indicator.csv?")).toBe(true);
    const q = new URLSearchParams(url.split("?")[1]);
    expect(q.get("indicator")).toBe("referrals");
    expect(q.getAll("groupBy")).toEqual(["TABLE", "MONTH"]);
    expect(q.get("from")).toBe("2026-03-01");
    expect(q.get("to")).toBe("2026-07-01");
    expect(q.getAll("tableID")).toEqual(["tab_a", "tab_b"]);
    expect(q.getAll("municipalityID")).toEqual(["mun_x"]);
    expect(q.getAll("needArea")).toEqual(["HOUSING", "EMPLOYMENT"]);
    expect(q.getAll("gender")).toEqual(["FEMALE"]);
    expect(q.getAll("ageBand")).toEqual(["UNDER_25"]);
    expect(q.get("separator")).toBe("semicolon");
    expect(q.get("lang")).toBe("it");
  });

  it("with the default filter runs from 1 January to tomorrow", () => {
    expect(indicatorCsvUrl("referrals", ["MONTH"], defaultFilter(today), "it")).toBe(
      "/export/indicator.csv?indicator=referrals&groupBy=MONTH&from=2026-01-01&to=2026-11-26&separator=semicolon&lang=it",
    );
  });

  it("asks for English with commas and decimal points in English", () => {
    const q = new URLSearchParams(indicatorCsvUrl("referrals", ["MONTH"], defaultFilter(today), "en").split("?")[1]);
    expect(q.get("lang")).toBe("en");
    expect(q.get("separator")).toBe("comma");
  });

  it("leaves out for funds the filters they do not have", () => {
    const q = new URLSearchParams(indicatorCsvUrl("fundsSpent", ["MUNICIPALITY"], full, "it", "funds").split("?")[1]);
    expect(q.getAll("municipalityID")).toEqual(["mun_x"]);
    expect(q.has("tableID")).toBe(false);
    expect(q.has("gender")).toBe(false);
  });
});

describe("whole months", () => {
  it("ends months on their last day, February and December included", () => {
    expect(monthEnd("2028-02-10")).toBe("2028-02-29");
    expect(monthEnd("2026-02-01")).toBe("2026-02-28");
    expect(monthEnd("2026-12-31")).toBe("2026-12-31");
  });

  it("defaults to this year's months already over, or last year's in January", () => {
    expect(defaultFilter(today, "months")).toMatchObject({ from: "2026-01-01", to: "2026-10-31" });
    expect(defaultFilter("2027-01-15", "months")).toMatchObject({ from: "2026-01-01", to: "2026-12-31" });
  });

  it("widens a period by day to the months it touches, up to the last month over", () => {
    expect(wholeMonths({ ...full, from: "2026-03-10", to: "2026-06-02" }, today)).toMatchObject({ from: "2026-03-01", to: "2026-06-30" });
    expect(wholeMonths({ ...full, from: "2026-11-03", to: "2026-11-20" }, today)).toMatchObject({ from: "2026-10-01", to: "2026-10-31" });
    const f = filterFromParams(new URLSearchParams("from=2026-02-14&to=2026-12-31"), today, {}, "months");
    expect(f).toMatchObject({ from: "2026-02-01", to: "2026-10-31" });
    const api = toIndicatorFilter(f);
    expect([api.from, api.to]).toEqual(["2026-02-01", "2026-11-01"]);
  });
});
