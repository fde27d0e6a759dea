import { Button, Container, Header, HeaderBrand, HeaderContent, HeaderRightZone, Headers } from "design-react-kit";
import { FormattedMessage, useIntl } from "react-intl";
import { NavLink, Outlet } from "react-router";
import { useMutation } from "urql";
import { graphql } from "../gql";
import { locales } from "../i18n/catalogue";
import { useLocale } from "../i18n/LocaleProvider";
import { useSession } from "../session/session";
import { navEntries } from "./nav";

const SignOutMutation = graphql(`
  mutation SignOut {
    logout
  }
`);

/** The frame of every signed-in screen: header, navigation, main content, footer. */
export function Layout() {
  const intl = useIntl();
  const session = useSession();
  const { locale, setLocale } = useLocale();
  const [, logout] = useMutation(SignOutMutation);
  const signOut = async () => {
    await logout({});
    // A full load: nothing of the session stays in memory.
    window.location.assign("/login");
  };
  return (
    <>
      <a className="visually-hidden-focusable skip-link" href="#main">
        <FormattedMessage id="layout.skipToContent" />
      </a>
      <header>
        <Headers>
        <Header type="slim" theme="">
          <HeaderContent>
            <span className="text-white">
              <FormattedMessage id="layout.network" />
            </span>
            <HeaderRightZone>
              <div className="d-flex align-items-center gap-3 text-white">
                <div role="group" aria-label={intl.formatMessage({ id: "layout.language" })} className="d-flex gap-1 win-lang">
                  {locales.map((l) => (
                    <button
                      key={l}
                      type="button"
                      className="win-lang-option"
                      aria-pressed={l === locale}
                      lang={l}
                      onClick={() => setLocale(l)}
                    >
                      {l.toUpperCase()}
                    </button>
                  ))}
                </div>
                <span data-testid="viewer-name">{session.viewer.name}</span>
                <Button color="light" size="sm" outline onClick={signOut}>
                  <FormattedMessage id="layout.signOut" />
                </Button>
              </div>
            </HeaderRightZone>
          </HeaderContent>
        </Header>
        <div className="it-nav-wrapper">
          <Header type="center">
            <HeaderContent>
              <HeaderBrand tag="div">
                <div className="it-brand-title">WIN</div>
                <div className="it-brand-tagline d-none d-md-block">
                  <FormattedMessage id="layout.tagline" />
                </div>
              </HeaderBrand>
            </HeaderContent>
          </Header>
          <nav className="win-nav bg-primary" aria-label={intl.formatMessage({ id: "layout.mainNav" })}>
            <Container>
              <ul className="nav">
                {navEntries
                  .filter((e) => e.show(session))
                  .map((e) => (
                    <li className="nav-item" key={e.to}>
                      <NavLink to={e.to} end={e.to === "/"} className="nav-link text-white">
                        <FormattedMessage id={e.label} />
                      </NavLink>
                    </li>
                  ))}
              </ul>
            </Container>
          </nav>
        </div>
        </Headers>
      </header>
      <main id="main" tabIndex={-1}>
        <Container className="py-4">
          <Outlet />
        </Container>
      </main>
      <footer className="it-footer">
        <div className="it-footer-small-prints py-3 bg-dark text-white">
          <Container>
            <FormattedMessage id="layout.footer" />{" "}
            <a className="text-white" href="/graphiql">
              GraphiQL
            </a>
          </Container>
        </div>
      </footer>
    </>
  );
}
