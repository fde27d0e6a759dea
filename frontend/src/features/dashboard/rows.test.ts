import { describe, expect, it } from "vitest";
import { anySuppressed, chartData, toRows } from "./rows";

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
    expect(data[1]).toMatchObject({ r: 2, rSuppressed: true });
    expect(data[2]).toMatchObject({ r: 0, rSuppressed: false });
  });
});
