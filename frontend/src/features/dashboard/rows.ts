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
 * charted together are counts and sums, which list no empty cell (a
 * withheld cell is listed, as withheld). `keys` are rows that must be
 * there even when no series lists them — the months of the period, so
 * that a month with no records shows as 0 rather than vanishing from the
 * time axis. Rows are ordered by key (months) or by label (names).
 */
export function toRows(series: readonly Series[], order: "key" | "label" = "key", keys: readonly string[] = []): Row[] {
  const rows = new Map<string, Row>();
  for (const k of keys) {
    rows.set(k, { key: k, label: k, points: {} });
  }
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
      row.label = k.label;
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

/**
 * The months (YYYY-MM) a period of days touches, first to last day
 * included: the rows a monthly chart must have.
 */
export function monthsOf(from: string, to: string): string[] {
  const months: string[] = [];
  let [y, m] = from.split("-").map(Number) as [number, number];
  const last = to.slice(0, 7);
  for (let key = from.slice(0, 7); key <= last && months.length < 1200; ) {
    months.push(key);
    [y, m] = m === 12 ? [y + 1, 1] : [y, m + 1];
    key = `${String(y).padStart(4, "0")}-${String(m).padStart(2, "0")}`;
  }
  return months;
}

/** A row as recharts reads it: `<series>` the height drawn, `<series>Suppressed` whether it stands for a withheld value. */
export type ChartDatum = { key: string; label: string } & Record<string, string | number | boolean | null>;

/**
 * The top of the value axis, from the values shown only: the highest
 * value rounded up to 1, 2, 2.5 or 5 times a power of ten, or 1 when no
 * value is above 0. A withheld value has no say in it, so that its
 * placeholder never stretches or shrinks the axis, which always starts at 0.
 */
export function axisTop(rows: readonly Row[], names: readonly string[]): number {
  let max = 0;
  for (const r of rows) {
    for (const n of names) {
      const p = r.points[n];
      if (p && !p.suppressed) {
        max = Math.max(max, p.value ?? 0);
      }
    }
  }
  if (max <= 0) {
    return 1;
  }
  const power = 10 ** Math.floor(Math.log10(max));
  const step = [1, 2, 2.5, 5, 10].find((f) => f * power >= max) ?? 10;
  return step * power;
}

/**
 * The ticks of an axis from 0 to `axisTop`: 5 steps (4 for a top of 2, 20,
 * 200…), so that each falls on a round number and the last is the top;
 * whole steps of 1 when the top is 1 or 2, since counts have no halves.
 */
export function axisTicks(top: number): number[] {
  const steps = top <= 2 && Number.isInteger(top) ? top : String(top).replace(/[0.]/g, "") === "2" ? 4 : 5;
  return Array.from({ length: steps + 1 }, (_, i) => Math.round(((top * i) / steps) * 1e9) / 1e9);
}

/** The value axis: from 0, always (bars of counts are compared by length), to `axisTop`. */
export function valueDomain(rows: readonly Row[], names: readonly string[]): [number, number] {
  return [0, axisTop(rows, names)];
}

/**
 * The data of a bar chart. A withheld value is drawn as a short hatched
 * placeholder bar, a twentieth of the axis (`axisTop`), so that it is seen
 * but never read as a value — not even when every value is withheld or 0
 * — and flagged so that it is coloured, labelled and told as withheld.
 */
export function chartData(rows: readonly Row[], names: readonly string[]): ChartDatum[] {
  const placeholder = axisTop(rows, names) / 20;
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

/**
 * The rank of a legend or tooltip item among the series, for recharts'
 * `itemSorter`: both sort by name by default (alphabetically), which lists
 * "Chiusure" before "Segnalazioni" while the bars go referrals, takings in
 * charge, closures. Sorting by the series' order keeps legend, tooltip and
 * bars in one order, in every language.
 */
export function bySeries(names: readonly string[]): (item: { dataKey?: unknown }) => number {
  return (item) => {
    const i = names.indexOf(String(item.dataKey));
    return i < 0 ? names.length : i;
  };
}
