import { FormattedMessage, useIntl } from "react-intl";
import { usePageTitle } from "../../ui/usePageTitle";

// Placeholder until this screen is built.
export function Steering() {
  const intl = useIntl();
  usePageTitle(intl.formatMessage({ id: "nav.steering" }));
  return (
    <h1>
      <FormattedMessage id="nav.steering" />
    </h1>
  );
}
