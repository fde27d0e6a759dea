import { FormattedMessage, useIntl } from "react-intl";
import { usePageTitle } from "../../ui/usePageTitle";

// Placeholder until this screen is built.
export function ProtocolPage() {
  const intl = useIntl();
  usePageTitle(intl.formatMessage({ id: "nav.protocols" }));
  return (
    <h1>
      <FormattedMessage id="nav.protocols" />
    </h1>
  );
}
