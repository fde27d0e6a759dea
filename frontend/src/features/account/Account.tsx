import { FormattedMessage, useIntl } from "react-intl";
import { usePageTitle } from "../../ui/usePageTitle";

// Placeholder until this screen is built.
export function Account() {
  const intl = useIntl();
  usePageTitle(intl.formatMessage({ id: "nav.account" }));
  return (
    <h1>
      <FormattedMessage id="nav.account" />
    </h1>
  );
}
