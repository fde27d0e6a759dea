import { FormattedMessage } from "react-intl";
import { Link } from "react-router";
import { useFormat } from "../../i18n/format";
import { useEnumLabel } from "../../i18n/useEnumLabel";
import { eventSentence, type TimelineEvent } from "./timeline";

/** A timeline event's sentence in the reader's language; the other case of a reopening links to its page. */
export function EventSentence({ event }: { event: TimelineEvent }) {
  const label = useEnumLabel();
  const fmt = useFormat();
  const s = eventSentence(event, {
    label,
    date: fmt.date,
    caseRef: (c) => (
      <Link key={c.id} to={`/cases/${encodeURIComponent(c.id)}`}>
        {c.code}
      </Link>
    ),
  });
  return <FormattedMessage id={s.id} values={s.values} />;
}
