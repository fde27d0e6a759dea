import type { ReactNode } from "react";
import { FormattedMessage } from "react-intl";
import { TableScroll } from "./TableScroll";

/** A column's header: its catalogue message, and `end` for numbers aligned right. */
export type DataColumn = string | { id: string; end?: boolean };

/**
 * A responsive table with a caption (hidden from sight with `hideCaption`,
 * still read by screen readers) and a header row of column headers; the
 * rows are the children.
 */
export function DataTable({
  caption,
  hideCaption,
  columns,
  className = "table align-middle",
  children,
}: {
  caption: ReactNode;
  hideCaption?: boolean;
  columns: DataColumn[];
  className?: string;
  children: ReactNode;
}) {
  return (
    <TableScroll>
      <table className={className}>
        <caption className={hideCaption ? "visually-hidden" : undefined}>{caption}</caption>
        <thead>
          <tr>
            {columns.map((c) => {
              const { id, end } = typeof c === "string" ? { id: c, end: false } : c;
              return (
                <th key={id} scope="col" className={end ? "text-end" : undefined}>
                  <FormattedMessage id={id} />
                </th>
              );
            })}
          </tr>
        </thead>
        <tbody>{children}</tbody>
      </table>
    </TableScroll>
  );
}
