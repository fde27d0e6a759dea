import { useIntl } from "react-intl";
import { useFormat } from "../../i18n/format";
import { dueMessage, dueState } from "./due";

/** A deadline in words, from the agenda's day: "scaduto da 3 giorni", "tra 5 giorni". */
export function DueText({ due, today, label }: { due: string | null | undefined; today: string; label?: string }) {
  const intl = useIntl();
  const f = useFormat();
  if (!due) {
    return null;
  }
  const state = dueState(due, today);
  const m = dueMessage(state);
  return (
    <span className={`text-nowrap${state.kind === "overdue" ? " text-danger fw-semibold" : state.kind === "today" ? " fw-semibold" : ""}`}>
      {label && `${label} `}
      {f.date(due)} — {intl.formatMessage({ id: m.id }, m.values)}
    </span>
  );
}
