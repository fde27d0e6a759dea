import { describe, expect, it } from "vitest";
import { defaultParams, isFiltered, readParams, toOrderBy, toWhere, writeParams } from "./listParams";

const read = (query: string) => readParams(new URLSearchParams(query));

describe("readParams", () => {
  it("gives the defaults for an empty URL", () => {
    expect(read("")).toEqual(defaultParams);
    expect(isFiltered(read(""))).toBe(false);
  });

  it("reads every filter and the order", () => {
    expect(read("q=%20EMP-2026%20&status=IN_CHARGE&table=tab_1&priority=URGENT&manager=usr_1&sort=CODE&dir=ASC")).toEqual({
      q: "EMP-2026",
      status: "IN_CHARGE",
      table: "tab_1",
      priority: "URGENT",
      manager: "usr_1",
      sort: "CODE",
      dir: "ASC",
    });
  });

  it("ignores values the API would refuse", () => {
    const p = read("status=LOST&priority=SOMEDAY&sort=PRIORITY&dir=SIDEWAYS&table=%20%20");
    expect(p.status).toBeUndefined();
    expect(p.priority).toBeUndefined();
    expect(p.table).toBeUndefined();
    // PRIORITY is not offered: the API orders it by name, not by urgency.
    expect(p.sort).toBe("REFERRED_ON");
    expect(p.dir).toBe("DESC");
  });
});

describe("the referral channel filter", () => {
  it("is kept in the URL and sent as the case's referralChannel", () => {
    const p = read("channel=EMPLOYMENT_DESK&priority=HIGH");
    expect(p.channel).toBe("EMPLOYMENT_DESK");
    expect(isFiltered(p)).toBe(true);
    expect(writeParams(p).get("channel")).toBe("EMPLOYMENT_DESK");
    expect(toWhere(p)).toEqual({ and: [{ priority: "HIGH" }, { referralChannel: "EMPLOYMENT_DESK" }] });
    expect(read("channel=CARRIER_PIGEON").channel).toBeUndefined();
  });
});

describe("writeParams", () => {
  it("round-trips through the URL", () => {
    const p = { q: "P-76N", status: "OPEN" as const, table: "tab_1", priority: "HIGH" as const, manager: "NONE", sort: "PLAN_DUE_ON" as const, dir: "ASC" as const };
    expect(readParams(writeParams(p))).toEqual(p);
  });

  it("leaves defaults and empty values out of the URL", () => {
    expect(writeParams({ ...defaultParams, q: "  " }).toString()).toBe("");
    expect(writeParams({ ...defaultParams, dir: "ASC" }).toString()).toBe("sort=REFERRED_ON&dir=ASC");
  });
});

describe("toWhere", () => {
  it("sends no filter when nothing is chosen", () => {
    expect(toWhere(defaultParams)).toBeUndefined();
  });

  it("leaves the search text to searchCases", () => {
    expect(toWhere({ ...defaultParams, q: "rossi", priority: "HIGH" })).toEqual({ priority: "HIGH" });
  });

  it("turns open into the open statuses and a missing manager into hasCaseManager false", () => {
    expect(toWhere({ ...defaultParams, status: "OPEN", manager: "NONE" })).toEqual({
      and: [{ statusIn: ["REFERRED", "UNDER_ASSESSMENT", "IN_CHARGE", "MONITORING"] }, { hasCaseManager: false }],
    });
  });

  it("combines table, priority, status and manager", () => {
    expect(toWhere({ ...defaultParams, status: "CLOSED", table: "tab_1", priority: "LOW", manager: "usr_1" })).toEqual({
      and: [{ status: "CLOSED" }, { hasTableWith: [{ id: "tab_1" }] }, { priority: "LOW" }, { hasCaseManagerWith: [{ id: "usr_1" }] }],
    });
  });
});

describe("toOrderBy", () => {
  it("breaks ties by code so that pages do not overlap", () => {
    expect(toOrderBy(defaultParams)).toEqual([
      { field: "REFERRED_ON", direction: "DESC" },
      { field: "CODE", direction: "DESC" },
    ]);
    expect(toOrderBy({ ...defaultParams, sort: "CODE", dir: "ASC" })).toEqual([{ field: "CODE", direction: "ASC" }]);
  });
});
