import { FormattedMessage, useIntl } from "react-intl";
import { Link } from "react-router";
import { usePageTitle } from "../ui/usePageTitle";

export function NotFound() {
  const intl = useIntl();
  usePageTitle(intl.formatMessage({ id: "notFound.title" }));
  return (
    <>
      <h1>
        <FormattedMessage id="notFound.title" />
      </h1>
      <p>
        <FormattedMessage id="notFound.text" />
      </p>
      <Link to="/">
        <FormattedMessage id="notFound.home" />
      </Link>
    </>
  );
}
