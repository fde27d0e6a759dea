import type { ReactNode } from "react";
import { FormattedMessage } from "react-intl";

/**
 * A part of a page named by its heading: a section labelled by an h2 whose
 * text is the catalogue message `title`.
 */
export function Section({
  id,
  title,
  className = "mb-5",
  headingClassName = "h3",
  children,
}: {
  /** The heading's id, which labels the section. */
  id: string;
  title: string;
  className?: string;
  headingClassName?: string;
  children: ReactNode;
}) {
  return (
    <section aria-labelledby={id} className={className}>
      <h2 id={id} className={headingClassName}>
        <FormattedMessage id={title} />
      </h2>
      {children}
    </section>
  );
}
