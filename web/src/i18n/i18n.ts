import i18next from "i18next";
import ICU from "i18next-icu";
import { initReactI18next } from "react-i18next";
import en from "./en.json";
import es from "./es.json";

/*
 * The message catalog: one flat JSON file per language (keys like "bell.title"), messages in ICU MessageFormat
 * (plurals, selects), through i18next with its ICU plugin. catalog.test.ts fails when a key is missing in a
 * language or a message does not parse. A person's language is their preferred one (the profile sets it).
 */

export const LANGUAGES = ["en", "es"] as const;
export type Language = (typeof LANGUAGES)[number];

/** The catalog language for a person's preferred language: English unless we have theirs. */
export function languageOf(preferred: string | null | undefined): Language {
  return LANGUAGES.find((code) => code === preferred) ?? "en";
}

void i18next
  .use(ICU)
  .use(initReactI18next)
  .init({
    resources: { en: { translation: en }, es: { translation: es } },
    lng: "en",
    fallbackLng: "en",
    keySeparator: false,
    nsSeparator: false,
    interpolation: { escapeValue: false },
    returnNull: false,
    // The catalogs are bundled: initialise at once, and never suspend a page while "loading" them (a suspended
    // page is mounted again, and a form being filled in would lose what was typed).
    initAsync: false,
    react: { useSuspense: false },
  });

export { i18next };
