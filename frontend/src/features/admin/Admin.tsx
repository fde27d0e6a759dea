import { FormattedMessage, useIntl } from "react-intl";
import { usePageTitle } from "../../ui/usePageTitle";

// Placeholder until this screen is built.
export function Admin() {
  const intl = useIntl();
  usePageTitle(intl.formatMessage({ id: "nav.admin" }));
  return (
    <h1>
      <FormattedMessage id="nav.admin" />
    </h1>
  );
}
