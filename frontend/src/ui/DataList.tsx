import type { ReactNode } from "react";
import { FormattedMessage } from "react-intl";

/** A term (a catalogue message) and its value in a `<dl className="row">`. */
export function DataItem({
  term,
  termClassName = "col-sm-4 col-lg-3",
  valueClassName = "col-sm-8 col-lg-9",
  children,
}: {
  term: string;
  termClassName?: string;
  valueClassName?: string;
  children: ReactNode;
}) {
  return (
    <>
      <dt className={termClassName}>
        <FormattedMessage id={term} />
      </dt>
      <dd className={valueClassName}>{children}</dd>
    </>
  );
}
