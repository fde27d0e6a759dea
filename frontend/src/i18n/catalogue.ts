// The message catalogues: one JSON file per area and language under
// src/i18n/<lang>/, keys prefixed by the area ("cases.list.title"),
// ICU MessageFormat values. Italian is the reference language.

export const locales = ["it", "en"] as const;
export type Locale = (typeof locales)[number];
export type Messages = Record<string, string>;

const it = import.meta.glob<Messages>("./it/*.json", { eager: true, import: "default" });
const en = import.meta.glob<Messages>("./en/*.json", { eager: true, import: "default" });

function merge(files: Record<string, Messages>): Messages {
  return Object.assign({}, ...Object.values(files)) as Messages;
}

export const catalogues: Record<Locale, Messages> = { it: merge(it), en: merge(en) };

export function isLocale(value: unknown): value is Locale {
  return typeof value === "string" && (locales as readonly string[]).includes(value);
}
