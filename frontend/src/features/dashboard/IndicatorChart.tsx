import { useId } from "react";
import { FormattedMessage, useIntl } from "react-intl";
import { Bar, BarChart, CartesianGrid, Cell, LabelList, Legend, ResponsiveContainer, Tooltip, XAxis, YAxis } from "recharts";
import { anySuppressed, axisTicks, bySeries, chartData, valueDomain, type Row } from "./rows";
import { TableScroll } from "../../ui/TableScroll";

// A bar chart of indicator rows with, for those who do not see it or
// want the figures, the same data as a table and the CSV files.

/** Colours with at least 4.5:1 against white, told apart by the legend's names too. */
export const palette = ["#0066CC", "#B84A00", "#00795B"];
const hatchInk = "#5C6F82";

export interface ChartSeries {
  name: string;
  label: string;
}

export interface Download {
  label: string;
  href: string;
}

export function IndicatorChart({
  title,
  caption,
  dimension,
  rows,
  series,
  format,
  downloads,
  horizontal = false,
  headingLevel = 2,
  note,
}: {
  title: string;
  caption: string;
  dimension: string;
  rows: Row[];
  series: ChartSeries[];
  format: (value: number) => string;
  downloads: Download[];
  horizontal?: boolean;
  headingLevel?: 2 | 3;
  note?: string;
}) {
  const intl = useIntl();
  const hatch = `hatch-${useId().replace(/[^a-zA-Z0-9]/g, "")}`;
  const names = series.map((s) => s.name);
  const data = chartData(rows, names);
  // The value axis runs from 0 to a round number above the values shown,
  // fixed, so that a withheld value's placeholder never moves it.
  const domain = valueDomain(rows, names);
  const valueAxis = { type: "number" as const, domain, ticks: axisTicks(domain[1]), allowDecimals: !Number.isInteger(domain[1]), tickFormatter: (v: number) => format(v) };
  const order = bySeries(names);
  const withheld = intl.formatMessage({ id: "dashboard.suppressedShort" });
  const Heading = headingLevel === 2 ? "h2" : "h3";
  const height = horizontal ? Math.max(220, rows.length * Math.max(36, series.length * 18) + 90) : 320;
  return (
    <section className="mb-5">
      <Heading className={headingLevel === 2 ? "h4" : "h5"}>{title}</Heading>
      {note && <p className="small">{note}</p>}
      {rows.length === 0 ? (
        <p>
          <FormattedMessage id="dashboard.noData" />
        </p>
      ) : (
        <>
          <div role="img" aria-label={intl.formatMessage({ id: "dashboard.chartAlt" }, { caption })} style={{ width: "100%", height }}>
            <ResponsiveContainer width="100%" height="100%">
              <BarChart data={data} layout={horizontal ? "vertical" : "horizontal"} accessibilityLayer={false} margin={{ top: 16, right: 48, left: 8, bottom: 8 }}>
                <defs>
                  <pattern id={hatch} width="6" height="6" patternUnits="userSpaceOnUse" patternTransform="rotate(45)">
                    <rect width="6" height="6" fill="#E6E9F2" />
                    <line x1="0" y1="0" x2="0" y2="6" stroke={hatchInk} strokeWidth="3" />
                  </pattern>
                </defs>
                <CartesianGrid strokeDasharray="3 3" />
                {horizontal ? (
                  <>
                    <XAxis {...valueAxis} />
                    <YAxis type="category" dataKey="label" width={240} interval={0} />
                  </>
                ) : (
                  <>
                    <XAxis dataKey="label" />
                    <YAxis {...valueAxis} width={80} />
                  </>
                )}
                <Tooltip
                  itemSorter={order}
                  formatter={(value, name, item) => {
                    const key = series.find((s) => s.label === name)?.name;
                    const payload = (item as { payload?: Record<string, unknown> }).payload;
                    return key && payload?.[`${key}Suppressed`] ? withheld : format(Number(value));
                  }}
                />
                <Legend itemSorter={order} />
                {series.map((s, i) => (
                  <Bar key={s.name} dataKey={s.name} name={s.label} fill={palette[i % palette.length]} isAnimationActive={false}>
                    {data.map((d) => (
                      <Cell
                        key={d.key}
                        fill={d[`${s.name}Suppressed`] ? `url(#${hatch})` : palette[i % palette.length]}
                        stroke={d[`${s.name}Suppressed`] ? hatchInk : undefined}
                      />
                    ))}
                    <LabelList
                      position={horizontal ? "right" : "top"}
                      fill="#1A1A1A"
                      fontSize={12}
                      valueAccessor={(_entry: unknown, index: number) => (data[index]?.[`${s.name}Suppressed`] ? withheld : "")}
                    />
                  </Bar>
                ))}
              </BarChart>
            </ResponsiveContainer>
          </div>
          {anySuppressed(rows) && (
            <p className="small mt-2 d-flex align-items-center gap-2">
              <svg width="18" height="14" aria-hidden="true" focusable="false">
                <defs>
                  <pattern id={`${hatch}-key`} width="6" height="6" patternUnits="userSpaceOnUse" patternTransform="rotate(45)">
                    <rect width="6" height="6" fill="#E6E9F2" />
                    <line x1="0" y1="0" x2="0" y2="6" stroke={hatchInk} strokeWidth="3" />
                  </pattern>
                </defs>
                <rect width="18" height="14" fill={`url(#${hatch}-key)`} stroke={hatchInk} />
              </svg>
              <FormattedMessage id="dashboard.suppressedLegend" />
            </p>
          )}
          <details className="mt-2">
            <summary>
              <FormattedMessage id="dashboard.showData" />
            </summary>
            <TableScroll>
              <table className="table table-sm mt-2">
                <caption>{caption}</caption>
                <thead>
                  <tr>
                    <th scope="col">{dimension}</th>
                    {series.map((s) => (
                      <th scope="col" key={s.name} className="text-end">
                        {s.label}
                      </th>
                    ))}
                  </tr>
                </thead>
                <tbody>
                  {rows.map((r) => (
                    <tr key={r.key}>
                      <th scope="row">{r.label}</th>
                      {series.map((s) => {
                        const p = r.points[s.name];
                        return (
                          <td key={s.name} className="text-end">
                            {p?.suppressed ? withheld : p?.value == null ? "—" : format(p.value)}
                          </td>
                        );
                      })}
                    </tr>
                  ))}
                </tbody>
              </table>
            </TableScroll>
          </details>
        </>
      )}
      {downloads.length > 0 && (
        <ul className="list-inline mt-2 mb-0">
          {downloads.map((d) => (
            <li className="list-inline-item me-3" key={d.href}>
              <a href={d.href} download>
                {d.label}
              </a>
            </li>
          ))}
        </ul>
      )}
    </section>
  );
}
