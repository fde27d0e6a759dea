import { FormattedMessage, useIntl } from "react-intl";
import { usePageTitle } from "../../ui/usePageTitle";

// Placeholder until this screen is built.
export function Directory() {
  const intl = useIntl();
  usePageTitle(intl.formatMessage({ id: "nav.directory" }));
  return (
    <h1>
      <FormattedMessage id="nav.directory" />
    </h1>
  );
}
