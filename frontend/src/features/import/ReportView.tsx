import { Badge, Button } from "design-react-kit";
import { useId, useMemo, useState, type ReactNode } from "react";
import { FormattedMessage, useIntl } from "react-intl";
import { Link } from "react-router";
import { DataTable } from "../../ui/DataTable";
import { filterCount, filterRows, pageOf, rowFilters, type Counts, type Outcome, type Report, type ReportRow, type RowFilter } from "./model";

// A file's report: the counts, then its rows a page at a time (a file may
// have 20,000), filtered by outcome. It names no one: persons by
// pseudonym, cases by code, as the server gives them.

// The words say the outcome; the colour only helps the eye.
const outcomeColor: Record<Outcome, string> = {
  NEW: "success",
  MATCH: "primary",
  CONFLICT: "warning",
  ALREADY_IMPORTED: "dark",
  ERROR: "danger",
};

export function OutcomeBadge({ outcome }: { outcome: Outcome }) {
  return (
    <Badge color={outcomeColor[outcome]}>
      <FormattedMessage id={`import.outcome.${outcome}`} />
    </Badge>
  );
}

/** The report's figures; an import's also what it wrote. */
function CountsList({ counts, imported }: { counts: Counts; imported: boolean }) {
  const intl = useIntl();
  const figures: [string, number][] = [
    ["import.counts.rows", counts.rows],
    ["import.counts.new", counts.new],
    ["import.counts.match", counts.match],
    ["import.counts.conflict", counts.conflict],
    ["import.counts.alreadyImported", counts.alreadyImported],
    ["import.counts.error", counts.error],
  ];
  if (imported) {
    figures.push(["import.counts.casesCreated", counts.casesCreated], ["import.counts.personsCreated", counts.personsCreated]);
  }
  return (
    <dl className="d-flex flex-wrap gap-2 mb-4" data-testid="import-counts">
      {figures.map(([id, n]) => (
        <div key={id} className="border rounded px-3 py-2">
          <dt className="small fw-normal">
            <FormattedMessage id={id} />
          </dt>
          <dd className="h4 mb-0">{intl.formatNumber(n)}</dd>
        </div>
      ))}
    </dl>
  );
}

function PersonCell({ row }: { row: ReportRow }) {
  const intl = useIntl();
  const parts: ReactNode[] = [];
  if (row.pseudonym) {
    parts.push(<span key="p" className="font-monospace">{row.pseudonym}</span>);
  }
  if (row.matchedBy?.length) {
    const by = intl.formatList(row.matchedBy.map((m) => intl.formatMessage({ id: `import.matchedBy.${m}`, defaultMessage: m })));
    parts.push(
      <span key="m" className="d-block small">
        <FormattedMessage id="import.row.matchedBy" values={{ by }} />
      </span>,
    );
  }
  if (row.samePersonAsLine) {
    parts.push(
      <span key="s" className="d-block small">
        <FormattedMessage id="import.row.samePersonAsLine" values={{ line: row.samePersonAsLine }} />
      </span>,
    );
  }
  return <>{parts.length > 0 ? parts : "—"}</>;
}

function CaseCell({ row }: { row: ReportRow }) {
  if (!row.caseCode && !row.openCase) {
    return <>—</>;
  }
  return (
    <>
      {row.caseCode && (
        <span className="d-block font-monospace">
          <CaseLink id={row.caseId} code={row.caseCode} />
        </span>
      )}
      {row.openCase && (
        <span className="d-block small">
          <FormattedMessage
            id="import.row.openCase"
            values={{ code: <CaseLink id={row.openCase.id} code={row.openCase.code} className="font-monospace" />, table: row.openCase.table }}
          />
        </span>
      )}
    </>
  );
}

/** A case's code, linked to its page when the report gives its ID. */
function CaseLink({ id, code, className }: { id?: string; code: string; className?: string }) {
  return id ? (
    <Link to={`/cases/${id}`} className={className}>
      {code}
    </Link>
  ) : (
    <span className={className}>{code}</span>
  );
}

function ProblemsCell({ row }: { row: ReportRow }) {
  if (!row.problems?.length) {
    return <>—</>;
  }
  return (
    <ul className="list-unstyled mb-0 small">
      {row.problems.map((p, i) => (
        <li key={i}>
          {p.column ? <code>{p.column}</code> : <FormattedMessage id="import.row.wholeRow" />}: {p.message}
        </li>
      ))}
    </ul>
  );
}

/** The report: figures, the rows' filter, a page of rows, the pages. */
export function ReportView({ report, initialFilter = "ALL" }: { report: Report; initialFilter?: RowFilter }) {
  const intl = useIntl();
  const id = useId();
  const [filter, setFilter] = useState<RowFilter>(initialFilter);
  const [index, setIndex] = useState(0);
  const kept = useMemo(() => filterRows(report.rows, filter), [report.rows, filter]);
  const page = pageOf(kept, index);
  return (
    <>
      <CountsList counts={report.counts} imported={report.imported} />
      <div className="row g-2 align-items-end mb-3">
        <div className="col-sm-8 col-md-5">
          <label htmlFor={`${id}-filter`} className="form-label fw-semibold">
            <FormattedMessage id="import.filter.label" />
          </label>
          <select
            id={`${id}-filter`}
            className="form-select"
            value={filter}
            onChange={(e) => {
              setFilter(e.target.value as RowFilter);
              setIndex(0);
            }}
          >
            {rowFilters.map((f) => (
              <option key={f} value={f}>
                {intl.formatMessage({ id: `import.filter.${f}` }, { count: filterCount(report.counts, f) })}
              </option>
            ))}
          </select>
        </div>
      </div>
      {kept.length === 0 ? (
        <p>
          <FormattedMessage id="import.table.none" />
        </p>
      ) : (
        <DataTable
          caption={<FormattedMessage id="import.table.caption" values={{ shown: kept.length, total: report.rows.length }} />}
          columns={["import.table.line", "import.table.rowKey", "import.table.outcome", "import.table.person", "import.table.case", "import.table.problems"]}
          className="table table-sm align-top"
        >
          {page.rows.map((row) => (
            <tr key={row.line} data-testid="import-row" data-outcome={row.outcome}>
              <td>{row.line}</td>
              <td className="text-nowrap">{row.rowKey}</td>
              <td>
                <OutcomeBadge outcome={row.outcome} />
              </td>
              <td>
                <PersonCell row={row} />
              </td>
              <td>
                <CaseCell row={row} />
              </td>
              <td>
                <ProblemsCell row={row} />
              </td>
            </tr>
          ))}
        </DataTable>
      )}
      {page.pages > 1 && (
        <nav aria-label={intl.formatMessage({ id: "import.pages.label" })} className="d-flex flex-wrap align-items-center gap-2">
          <Button color="primary" outline size="sm" disabled={page.index === 0} onClick={() => setIndex(page.index - 1)}>
            <FormattedMessage id="import.pages.previous" />
          </Button>
          <span aria-live="polite">
            <FormattedMessage
              id="import.pages.at"
              values={{ page: page.index + 1, pages: page.pages, from: page.start + 1, to: page.start + page.rows.length, total: kept.length }}
            />
          </span>
          <Button color="primary" outline size="sm" disabled={page.index === page.pages - 1} onClick={() => setIndex(page.index + 1)}>
            <FormattedMessage id="import.pages.next" />
          </Button>
        </nav>
      )}
    </>
  );
}
