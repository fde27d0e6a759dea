import { FormattedMessage, useIntl } from "react-intl";
import { usePageTitle } from "../../ui/usePageTitle";

// Placeholder until this screen is built.
export function Agenda() {
  const intl = useIntl();
  usePageTitle(intl.formatMessage({ id: "nav.home" }));
  return (
    <h1>
      <FormattedMessage id="nav.home" />
    </h1>
  );
}
