import { FormattedMessage, useIntl } from "react-intl";
import { usePageTitle } from "../../ui/usePageTitle";

// Placeholder until this screen is built.
export function CasesList() {
  const intl = useIntl();
  usePageTitle(intl.formatMessage({ id: "nav.cases" }));
  return (
    <h1>
      <FormattedMessage id="nav.cases" />
    </h1>
  );
}
