import { FormattedMessage } from "react-intl";
import { useFormat } from "../../i18n/format";

/** A protocol's period of validity, in words. */
export function Validity({ from, until }: { from: string | null | undefined; until: string | null | undefined }) {
  const fmt = useFormat();
  if (!from && !until) {
    return <FormattedMessage id="protocols.field.validityNone" />;
  }
  if (!until) {
    return <FormattedMessage id="protocols.field.validityOpen" values={{ from: fmt.date(from) }} />;
  }
  return <FormattedMessage id="protocols.field.validityRange" values={{ from: fmt.date(from), until: fmt.date(until) }} />;
}
