import { type ReactNode, useEffect, useRef, useState } from "react";
import { FormattedMessage, useIntl } from "react-intl";

/** Whether an element's content is wider than the element, and whether some of it lies to the right of what is shown. */
export function overflow(el: Pick<HTMLElement, "scrollWidth" | "clientWidth" | "scrollLeft">): { wide: boolean; more: boolean } {
  const wide = el.scrollWidth - el.clientWidth > 1; // sub-pixel widths round
  return { wide, more: wide && el.scrollLeft + el.clientWidth < el.scrollWidth - 1 };
}

/**
 * The box every table sits in. On a narrow screen a table keeps its
 * columns and scrolls sideways; then the box says so above the table and
 * fades its right edge while columns remain hidden, since on a phone a
 * cut-off table looks complete. A box that scrolls can take the focus, so
 * that keyboard users scroll it with the arrows (axe's
 * scrollable-region-focusable). Also design-react-kit's
 * `<Table responsive responsiveTag={TableScroll}>`, whose className it
 * replaces with its own.
 */
export function TableScroll({ children }: { children?: ReactNode; className?: string }) {
  const intl = useIntl();
  const box = useRef<HTMLDivElement>(null);
  const [state, setState] = useState({ wide: false, more: false });
  useEffect(() => {
    const el = box.current;
    if (!el) {
      return;
    }
    const measure = () => {
      const next = overflow(el);
      setState((prev) => (prev.wide === next.wide && prev.more === next.more ? prev : next));
    };
    measure();
    el.addEventListener("scroll", measure, { passive: true });
    // Rows arrive later (load more) and screens turn: measure again.
    const observer = typeof ResizeObserver === "undefined" ? undefined : new ResizeObserver(measure);
    observer?.observe(el);
    if (el.firstElementChild) {
      observer?.observe(el.firstElementChild);
    }
    return () => {
      el.removeEventListener("scroll", measure);
      observer?.disconnect();
    };
  }, []);
  return (
    <div className="win-table-scroll">
      {state.wide && (
        <p className="win-scroll-hint small text-secondary mb-1" aria-hidden="true">
          <FormattedMessage id="common.table.scrollHint" />
        </p>
      )}
      <div
        ref={box}
        className={`table-responsive${state.more ? " win-more-right" : ""}`}
        // Focusable and named only when it scrolls: otherwise it is just a box.
        tabIndex={state.wide ? 0 : undefined}
        role={state.wide ? "region" : undefined}
        aria-label={state.wide ? intl.formatMessage({ id: "common.table.scrollRegion" }) : undefined}
      >
        {children}
      </div>
    </div>
  );
}
