import { FormattedMessage, useIntl } from "react-intl";
import { usePageTitle } from "../../ui/usePageTitle";

// Placeholder until this screen is built.
export function ReferralWizard() {
  const intl = useIntl();
  usePageTitle(intl.formatMessage({ id: "nav.refer" }));
  return (
    <h1>
      <FormattedMessage id="nav.refer" />
    </h1>
  );
}
