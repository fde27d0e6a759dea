import { FormattedMessage, useIntl } from "react-intl";
import { usePageTitle } from "../../ui/usePageTitle";

// Placeholder until this screen is built.
export function TablePage() {
  const intl = useIntl();
  usePageTitle(intl.formatMessage({ id: "nav.tables" }));
  return (
    <h1>
      <FormattedMessage id="nav.tables" />
    </h1>
  );
}
