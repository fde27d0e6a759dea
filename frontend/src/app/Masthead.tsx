import { Header, HeaderBrand, HeaderContent, HeaderRightZone } from "design-react-kit";
import type { ReactNode } from "react";
import { FormattedMessage, useIntl } from "react-intl";
import { locales, type Locale } from "../i18n/catalogue";
import { useLocale } from "../i18n/LocaleProvider";

// The parts of Bootstrap Italia's header that the signed-in layout and
// the sign-in page share, so both look like one site.

/** The language switch for the slim header: the chosen language is pressed (aria-pressed), not only coloured; onChange hears the user's choice (the account stores it). */
export function LanguageSwitch({ onChange }: { onChange?: (locale: Locale) => void }) {
  const intl = useIntl();
  const { locale, setLocale } = useLocale();
  return (
    <div role="group" aria-label={intl.formatMessage({ id: "layout.language" })} className="d-flex gap-1 win-lang">
      {locales.map((l) => (
        <button key={l} type="button" className="win-lang-option" aria-pressed={l === locale} lang={l} onClick={() => {
            setLocale(l);
            onChange?.(l);
          }}>
          {l.toUpperCase()}
        </button>
      ))}
    </div>
  );
}

/** The centre header with WIN's name; the tagline only where there is room for it. */
export function BrandHeader() {
  return (
    <Header type="center" small>
      <HeaderContent>
        <HeaderBrand tag="div">
          <div className="it-brand-title">WIN</div>
          <div className="it-brand-tagline d-none d-md-block">
            <FormattedMessage id="layout.tagline" />
          </div>
        </HeaderBrand>
      </HeaderContent>
    </Header>
  );
}

/** The slim header: the network's name, and on the right what the page puts there (the language switch, the viewer). */
export function SlimHeader({ children }: { children: ReactNode }) {
  return (
    <Header type="slim" theme="">
      <HeaderContent>
        <span className="text-white d-none d-md-inline">
          <FormattedMessage id="layout.network" />
        </span>
        <HeaderRightZone>{children}</HeaderRightZone>
      </HeaderContent>
    </Header>
  );
}
