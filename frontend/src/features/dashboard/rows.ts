// Indicator cells laid out for a chart and its data table: one row per
// dimension value, one point per series. A withheld value stays withheld
// (value null, suppressed true): it is never drawn or listed as a zero.

export interface CellLike {
  keys: readonly { key: string; label: string }[];
  value?: number | null;
  suppressed: boolean;
}

export interface Point {
  value: number | null;
  suppressed: boolean;
}

export interface Row {
  key: string;
  label: string;
  points: Record<string, Point>;
}

export interface Series {
  name: string;
  cells: readonly CellLike[];
}

/**
 * Rows from the cells of one or more results broken down by the same
 * dimension. A value a series lacks for a row counts as 0: the indicators
 * charted together are counts and sums, which list no empty cell.
 * Rows are ordered by key (months) or by label (names).
 */
export function toRows(series: readonly Series[], order: "key" | "label" = "key"): Row[] {
  const rows = new Map<string, Row>();
  for (const s of series) {
    for (const c of s.cells) {
      const k = c.keys[0];
      if (!k) {
        continue;
      }
      let row = rows.get(k.key);
      if (!row) {
        row = { key: k.key, label: k.label, points: {} };
        rows.set(k.key, row);
      }
      row.points[s.name] = { value: c.suppressed ? null : (c.value ?? null), suppressed: c.suppressed };
    }
  }
  const list = [...rows.values()];
  for (const row of list) {
    for (const s of series) {
      row.points[s.name] ??= { value: 0, suppressed: false };
    }
  }
  return list.sort((a, b) => (order === "key" ? a.key.localeCompare(b.key) : a.label.localeCompare(b.label, "it")));
}

/** A row as recharts reads it: `<series>` the height drawn, `<series>Suppressed` whether it stands for a withheld value. */
export type ChartDatum = { key: string; label: string } & Record<string, string | number | boolean | null>;

/**
 * The data of a bar chart. A withheld value is drawn as a short hatched
 * placeholder bar (a twentieth of the highest bar) so that it is seen,
 * and flagged so that it is coloured, labelled and told as withheld.
 */
export function chartData(rows: readonly Row[], names: readonly string[]): ChartDatum[] {
  let max = 0;
  for (const r of rows) {
    for (const n of names) {
      max = Math.max(max, r.points[n]?.value ?? 0);
    }
  }
  const placeholder = max > 0 ? max / 20 : 1;
  return rows.map((r) => {
    const d: ChartDatum = { key: r.key, label: r.label };
    for (const n of names) {
      const p = r.points[n];
      d[n] = p?.suppressed ? placeholder : (p?.value ?? null);
      d[`${n}Suppressed`] = p?.suppressed ?? false;
    }
    return d;
  });
}

/** Whether any point of the rows is withheld (the chart's legend then explains the hatching). */
export function anySuppressed(rows: readonly Row[]): boolean {
  return rows.some((r) => Object.values(r.points).some((p) => p.suppressed));
}
