import { LOCALES, type Locale } from '@evne/core';

const STORAGE_KEY = 'evne.locale';

export function isLocale(value: unknown): value is Locale {
  return typeof value === 'string' && (LOCALES as readonly string[]).includes(value);
}

/** Maps a BCP 47 tag (`da-DK`, `no`, `nn-NO`, `en-GB`) to a supported locale. */
export function localeFromTag(tag: string): Locale | undefined {
  const primary = tag.trim().toLowerCase().split(/[-_]/)[0];
  if (primary === 'da' || primary === 'en' || primary === 'nb') {
    return primary;
  }
  if (primary === 'no' || primary === 'nn') {
    return 'nb';
  }
  return undefined;
}

export function readStoredLocale(): Locale | undefined {
  try {
    const value = window.localStorage.getItem(STORAGE_KEY);
    return isLocale(value) ? value : undefined;
  } catch {
    return undefined;
  }
}

export function storeLocale(locale: Locale): void {
  try {
    window.localStorage.setItem(STORAGE_KEY, locale);
  } catch {
    // Storage can be disabled (private mode); the choice then lasts for this page only.
  }
}

export function browserLocale(
  languages: readonly string[] = navigator.languages,
): Locale | undefined {
  for (const tag of languages) {
    const locale = localeFromTag(tag);
    if (locale) {
      return locale;
    }
  }
  return undefined;
}

/** Before the session is known: the remembered choice, else the browser's language, else Danish. */
export function initialLocale(): Locale {
  return readStoredLocale() ?? browserLocale() ?? 'da';
}

/** BCP 47 tags for Intl formatters. */
export const INTL_LOCALE: Record<Locale, string> = { da: 'da-DK', nb: 'nb-NO', en: 'en-GB' };

let chosenThisVisit = false;

/** The reader picked a language on this page load (e.g. on the sign-in page before signing in). */
export function markLocaleChosen(): void {
  chosenThisVisit = true;
}

export function wasLocaleChosenThisVisit(): boolean {
  return chosenThisVisit;
}
