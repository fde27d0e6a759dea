import { FormattedMessage, useIntl } from "react-intl";
import { usePageTitle } from "../../ui/usePageTitle";

// Placeholder until this screen is built.
export function Dashboard() {
  const intl = useIntl();
  usePageTitle(intl.formatMessage({ id: "nav.dashboard" }));
  return (
    <h1>
      <FormattedMessage id="nav.dashboard" />
    </h1>
  );
}
