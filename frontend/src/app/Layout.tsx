import {
  Button,
  Collapse,
  Container,
  Header,
  HeaderContent,
  Headers,
  HeaderToggler,
  Icon,
} from "design-react-kit";
import { useEffect, useState } from "react";
import { FormattedMessage, useIntl } from "react-intl";
import { NavLink, Outlet } from "react-router";
import { useMutation } from "urql";
import { graphql } from "../gql";
import { NotificationBell } from "../features/notifications/NotificationBell";
import { hasStoredLocale, useLocale } from "../i18n/LocaleProvider";
import type { Language } from "../gql/graphql";
import { useSession } from "../session/session";
import { BrandHeader, LanguageSwitch, SlimHeader } from "./Masthead";
import { navEntries, type NavEntry } from "./nav";

const SignOutMutation = graphql(`
  mutation SignOut {
    logout
  }
`);

const SetLanguageMutation = graphql(`
  mutation LayoutSetLanguage($language: Language!) {
    setLanguage(language: $language) {
      id
      language
    }
  }
`);

const menuID = "win-main-menu";

/** The frame of every signed-in screen: header, navigation, main content, footer. */
export function Layout() {
  const intl = useIntl();
  const session = useSession();
  const [, logout] = useMutation(SignOutMutation);
  // The language chosen here is the account's too: notifications and
  // e-mail follow it.
  const [, setLanguage] = useMutation(SetLanguageMutation);
  useAccountLanguage(session.viewer.language);
  // Below Bootstrap Italia's lg breakpoint the menu is the design
  // system's side panel behind a hamburger: on a phone a row of ten links
  // would push the content below the first screen.
  // It closes when a link is followed, the overlay clicked or Esc pressed.
  const [menuOpen, setMenuOpen] = useState(false);
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
          <SlimHeader>
            <div className="win-slim-tools d-flex align-items-center gap-2 gap-md-3 text-white">
              <LanguageSwitch onChange={(l) => void setLanguage({ language: l === "en" ? "EN" : "IT" })} />
              <NotificationBell />
              <span data-testid="viewer-name" className="win-viewer-name">
                {session.viewer.name}
              </span>
              <Button color="light" size="sm" outline onClick={signOut}>
                <FormattedMessage id="layout.signOut" />
              </Button>
            </div>
          </SlimHeader>
          <div className="it-nav-wrapper">
            <BrandHeader />
            <Header type="navbar" theme="">
              <HeaderContent expand="lg" aria-label={intl.formatMessage({ id: "layout.mainNav" })}>
                <HeaderToggler
                  aria-controls={menuID}
                  isOpen={menuOpen}
                  aria-label={intl.formatMessage({ id: "layout.openMenu" })}
                  onClick={() => setMenuOpen(!menuOpen)}
                >
                  <Icon icon="it-burger" aria-hidden />
                </HeaderToggler>
                <Collapse
                  id={menuID}
                  isOpen={menuOpen}
                  navbar
                  header
                  onOverlayClick={() => setMenuOpen(false)}
                  closeSrText={intl.formatMessage({ id: "layout.closeMenu" })}
                  aria-label={menuOpen ? intl.formatMessage({ id: "layout.mainNav" }) : undefined}
                >
                  <div className="menu-wrapper">
                    <ul className="navbar-nav">
                      {navEntries
                        .filter((e) => e.show(session))
                        .map((e) => (
                          <li className="nav-item" key={e.to}>
                            <NavEntryLink entry={e} onFollow={() => setMenuOpen(false)} />
                          </li>
                        ))}
                    </ul>
                  </div>
                </Collapse>
              </HeaderContent>
            </Header>
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

/** A link of the main menu: a route of the app, or a page of its own in a new tab, said so to screen readers. */
function NavEntryLink({ entry, onFollow }: { entry: NavEntry; onFollow: () => void }) {
  if (entry.newTab) {
    return (
      <a className="nav-link" href={entry.to} target="_blank" rel="noopener" onClick={onFollow}>
        <FormattedMessage id={entry.label} />
        <span className="visually-hidden">
          {" "}
          <FormattedMessage id="layout.newTab" />
        </span>
      </a>
    );
  }
  return (
    <NavLink to={entry.to} end={entry.to === "/"} className="nav-link" onClick={onFollow}>
      <FormattedMessage id={entry.label} />
    </NavLink>
  );
}

/** On a browser where no language was ever chosen, the account's is taken, once. */
function useAccountLanguage(language: Language) {
  const { locale, setLocale } = useLocale();
  useEffect(() => {
    const account = language === "EN" ? "en" : "it";
    if (!hasStoredLocale() && account !== locale) {
      setLocale(account);
    }
  }, [language, locale, setLocale]);
}
