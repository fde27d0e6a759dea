import { FormattedMessage, useIntl } from "react-intl";

/** How an indicator's value reads. */
export type Unit = "count" | "days" | "share" | "euros";

export interface TotalCell {
  value?: number | null;
  persons?: number | null;
  suppressed: boolean;
}

/** The text of a value: withheld values say so, never 0; a value with nothing to measure is a dash. */
export function useIndicatorValue() {
  const intl = useIntl();
  return (cell: { value?: number | null; suppressed: boolean }, unit: Unit): string => {
    if (cell.suppressed) {
      return intl.formatMessage({ id: "dashboard.suppressed" });
    }
    const v = cell.value;
    if (v === null || v === undefined) {
      return "—";
    }
    switch (unit) {
      case "share":
        return intl.formatNumber(v, { style: "percent", maximumFractionDigits: 1 });
      case "euros":
        return intl.formatNumber(v, { style: "currency", currency: "EUR", maximumFractionDigits: 0 });
      case "days":
        return intl.formatMessage({ id: "dashboard.days" }, { days: v, formatted: intl.formatNumber(v, { maximumFractionDigits: 1 }) });
      default:
        return intl.formatNumber(v, { maximumFractionDigits: 1 });
    }
  };
}

/**
 * A key figure: the indicator's name, its total for the filter (or that it
 * is withheld), how many persons it concerns, and its definition on demand.
 */
export function KeyFigure({ name, title, cell, unit, definition }: { name: string; title: string; cell: TotalCell | undefined; unit: Unit; definition: string }) {
  const format = useIndicatorValue();
  const text = cell ? format(cell, unit) : "…";
  return (
    <div className="card shadow-sm rounded h-100 border">
      <div className="card-body d-flex flex-column">
        <h3 className="h6 mb-2">{title}</h3>
        <p className={cell?.suppressed ? "fs-6 fw-semibold mb-1" : "h3 mb-1"} data-testid={`indicator-${name}-total`}>
          {text}
        </p>
        {cell && !cell.suppressed && unit === "count" && cell.persons != null && (
          <p className="small mb-1">
            <FormattedMessage id="dashboard.persons" values={{ count: cell.persons }} />
          </p>
        )}
        <details className="mt-auto small">
          <summary>
            <FormattedMessage id="dashboard.definition" />
          </summary>
          <p className="mb-0 mt-1">{definition}</p>
        </details>
      </div>
    </div>
  );
}
