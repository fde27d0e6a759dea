import { describe, expect, it } from "vitest";
import { anySuppressed, axisTicks, axisTop, bySeries, chartData, monthsOf, toRows, valueDomain } from "./rows";

const cell = (key: string, value: number | null, suppressed = false, label = key) => ({ keys: [{ key, label }], value, suppressed });

describe("rows of indicator cells", () => {
  it("keeps a withheld cell withheld, distinct from a real zero", () => {
    const rows = toRows([{ name: "referrals", cells: [cell("2026-01", 0), cell("2026-02", null, true), cell("2026-03", 12)] }]);
    expect(rows.map((r) => r.points.referrals)).toEqual([
      { value: 0, suppressed: false },
      { value: null, suppressed: true },
      { value: 12, suppressed: false },
    ]);
    expect(anySuppressed(rows)).toBe(true);
  });

  it("ignores a value that comes with a withheld cell", () => {
    const [row] = toRows([{ name: "x", cells: [cell("k", 3, true)] }]);
    expect(row?.points.x).toEqual({ value: null, suppressed: true });
  });

  it("merges series by key, a missing cell of a count being 0, ordered by key or by label", () => {
    const rows = toRows([
      { name: "referrals", cells: [cell("2026-02", 4), cell("2026-01", 7)] },
      { name: "closures", cells: [cell("2026-02", null, true)] },
    ]);
    expect(rows.map((r) => r.key)).toEqual(["2026-01", "2026-02"]);
    expect(rows[0]?.points.closures).toEqual({ value: 0, suppressed: false });
    expect(rows[1]?.points.closures).toEqual({ value: null, suppressed: true });
    const byName = toRows([{ name: "r", cells: [cell("m1", 1, false, "Vinci"), cell("m2", 2, false, "Empoli")] }], "label");
    expect(byName.map((r) => r.label)).toEqual(["Empoli", "Vinci"]);
    expect(anySuppressed(byName)).toBe(false);
  });

  it("draws a withheld value as a flagged placeholder, a zero as zero", () => {
    const rows = toRows([{ name: "r", cells: [cell("a", 40), cell("b", null, true), cell("c", 0)] }]);
    const data = chartData(rows, ["r"]);
    expect(data[0]).toMatchObject({ r: 40, rSuppressed: false });
    expect(data[1]).toMatchObject({ r: 2.5, rSuppressed: true }); // a twentieth of the axis, 0 to 50
    expect(data[2]).toMatchObject({ r: 0, rSuppressed: false });
  });

  it("never draws a withheld value at full height, even when every value is withheld or 0", () => {
    for (const cells of [[cell("a", null, true)], [cell("a", null, true), cell("b", 0)], [cell("a", 0), cell("b", null, true), cell("c", null, true)]]) {
      const rows = toRows([{ name: "r", cells }]);
      const [, top] = valueDomain(rows, ["r"]);
      for (const d of chartData(rows, ["r"])) {
        expect(Number(d.r)).toBeLessThanOrEqual(top / 20);
      }
    }
  });

  it("sets the axis from the values shown: a withheld cell never stretches or shrinks it", () => {
    const shown = [cell("a", 37), cell("b", 12)];
    const without = toRows([{ name: "r", cells: shown }]);
    // A withheld cell may come with a value the API should not have sent; it has no say either.
    const withWithheld = toRows([{ name: "r", cells: [...shown, cell("c", 900, true), cell("d", null, true)] }]);
    expect(valueDomain(without, ["r"])).toEqual([0, 50]);
    expect(valueDomain(withWithheld, ["r"])).toEqual([0, 50]);
    // Nor does a row built by hand with a withheld point carrying a value.
    const byHand = [{ key: "x", label: "x", points: { r: { value: 900, suppressed: true } } }, ...without];
    expect(valueDomain(byHand, ["r"])).toEqual([0, 50]);
    const data = chartData(withWithheld, ["r"]);
    expect(Math.max(...data.map((d) => Number(d.r)))).toBe(37);
  });

  it("starts the axis at 0 however high the values, and rounds its top up", () => {
    expect(valueDomain(toRows([{ name: "r", cells: [cell("a", 120), cell("b", 101)] }]), ["r"])).toEqual([0, 200]);
    expect(axisTop(toRows([{ name: "r", cells: [cell("a", 4)] }]), ["r"])).toBe(5);
    expect(axisTop(toRows([{ name: "r", cells: [cell("a", 2.3)] }]), ["r"])).toBe(2.5);
    expect(axisTop(toRows([{ name: "r", cells: [cell("a", 1000)] }]), ["r"])).toBe(1000);
    expect(axisTop(toRows([{ name: "r", cells: [cell("a", 0)] }]), ["r"])).toBe(1);
  });
});

describe("axis ticks", () => {
  it("fall on round numbers from 0 to the top, whole for small counts", () => {
    expect(axisTicks(50)).toEqual([0, 10, 20, 30, 40, 50]);
    expect(axisTicks(200)).toEqual([0, 50, 100, 150, 200]);
    expect(axisTicks(2.5)).toEqual([0, 0.5, 1, 1.5, 2, 2.5]);
    expect(axisTicks(0.2)).toEqual([0, 0.05, 0.1, 0.15, 0.2]);
    expect(axisTicks(1)).toEqual([0, 1]);
    expect(axisTicks(2)).toEqual([0, 1, 2]);
    expect(axisTicks(100000)).toEqual([0, 20000, 40000, 60000, 80000, 100000]);
  });
});

describe("months of a period", () => {
  it("lists every month a period touches, across a new year", () => {
    expect(monthsOf("2025-11-15", "2026-02-03")).toEqual(["2025-11", "2025-12", "2026-01", "2026-02"]);
    expect(monthsOf("2026-03-01", "2026-03-31")).toEqual(["2026-03"]);
    expect(monthsOf("2026-04-01", "2026-03-31")).toEqual([]);
  });

  it("keeps a month with no records as 0 and a withheld month as withheld: none vanishes", () => {
    const months = monthsOf("2026-01-01", "2026-04-30");
    const rows = toRows(
      [
        { name: "referrals", cells: [cell("2026-01", 9), cell("2026-03", null, true)] },
        { name: "closures", cells: [cell("2026-03", 6)] },
      ],
      "key",
      months,
    );
    expect(rows.map((r) => r.key)).toEqual(months);
    expect(rows.map((r) => r.points.referrals)).toEqual([
      { value: 9, suppressed: false },
      { value: 0, suppressed: false },
      { value: null, suppressed: true },
      { value: 0, suppressed: false },
    ]);
    expect(rows.map((r) => r.points.closures?.value)).toEqual([0, 0, 6, 0]);
    expect(chartData(rows, ["referrals"]).map((d) => d.referralsSuppressed)).toEqual([false, false, true, false]);
  });
});

describe("legend and tooltip order", () => {
  it("follows the bars (the series' order), not the names' alphabet", () => {
    const names = ["referrals", "takingsInCharge", "closures"];
    // The items as recharts hands them, labelled in Italian.
    const items = [
      { dataKey: "closures", value: "Chiusure" },
      { dataKey: "referrals", value: "Segnalazioni" },
      { dataKey: "takingsInCharge", value: "Prese in carico" },
    ];
    const order = bySeries(names);
    expect([...items].sort((a, b) => order(a) - order(b)).map((i) => i.dataKey)).toEqual(names);
  });
});
