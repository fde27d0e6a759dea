import { FormattedMessage, useIntl } from "react-intl";
import { Link } from "react-router";
import { navEntries } from "../../app/nav";
import { useSession } from "../../session/session";
import { usePageTitle } from "../../ui/usePageTitle";

/** Home of a user with no cases to work nor indicators to read (e.g. an administrator). */
export function Welcome() {
  const intl = useIntl();
  const s = useSession();
  usePageTitle(intl.formatMessage({ id: "home.title" }));
  return (
    <>
      <h1>
        <FormattedMessage id="home.welcome" values={{ name: s.viewer.name }} />
      </h1>
      <ul>
        {navEntries
          .filter((e) => e.to !== "/" && e.show(s))
          .map((e) => (
            <li key={e.to}>
              <Link to={e.to}>
                <FormattedMessage id={e.label} />
              </Link>
            </li>
          ))}
      </ul>
    </>
  );
}
