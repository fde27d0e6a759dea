import { createContext, useCallback, useContext, useEffect, useMemo, useState, type ReactNode } from "react";
import { IntlProvider } from "react-intl";
import { catalogues, isLocale, type Locale } from "./catalogue";
import { intlLocale } from "./format";

const storageKey = "win.locale";

interface LocaleState {
  locale: Locale;
  setLocale: (locale: Locale) => void;
}

const LocaleContext = createContext<LocaleState>({ locale: "it", setLocale: () => undefined });

/** Whether a language was ever chosen on this browser. */
export function hasStoredLocale(): boolean {
  return typeof localStorage !== "undefined" && isLocale(localStorage.getItem(storageKey));
}

/** The language the user chose last on this browser; Italian otherwise. */
function initialLocale(): Locale {
  const saved = typeof localStorage === "undefined" ? null : localStorage.getItem(storageKey);
  return isLocale(saved) ? saved : "it";
}

/** Messages and formats of the chosen language, Italian first. */
export function LocaleProvider({ children, locale: fixed }: { children: ReactNode; locale?: Locale }) {
  const [locale, setState] = useState<Locale>(fixed ?? initialLocale);
  const setLocale = useCallback((next: Locale) => {
    localStorage.setItem(storageKey, next);
    setState(next);
  }, []);
  useEffect(() => {
    document.documentElement.lang = locale;
  }, [locale]);
  const state = useMemo(() => ({ locale, setLocale }), [locale, setLocale]);
  return (
    <LocaleContext.Provider value={state}>
      <IntlProvider locale={intlLocale(locale)} messages={catalogues[locale]} defaultLocale="it" timeZone="Europe/Rome">
        {children}
      </IntlProvider>
    </LocaleContext.Provider>
  );
}

export function useLocale(): LocaleState {
  return useContext(LocaleContext);
}
