import type { Locale } from '@evne/core';
import i18next from 'i18next';
import { initReactI18next, useTranslation } from 'react-i18next';
import da from '../locales/da.json';
import en from '../locales/en.json';
import nb from '../locales/nb.json';
import { isLocale, storeLocale } from './locale';

declare module 'i18next' {
  interface CustomTypeOptions {
    defaultNS: 'translation';
    resources: { translation: typeof en };
  }
}

/** Starts i18next with every translation bundled (three small files, no loading flash). */
export async function initI18n(locale: Locale): Promise<void> {
  await i18next.use(initReactI18next).init({
    resources: { da: { translation: da }, nb: { translation: nb }, en: { translation: en } },
    lng: locale,
    supportedLngs: ['da', 'nb', 'en'],
    fallbackLng: { nb: ['da', 'en'], da: ['nb', 'en'], default: ['en'] },
    interpolation: { escapeValue: false },
    returnNull: false,
  });
  document.documentElement.lang = locale;
}

/** Switches the UI language, `<html lang>` and the remembered choice together. */
export async function applyLocale(locale: Locale): Promise<void> {
  storeLocale(locale);
  document.documentElement.lang = locale;
  if (i18next.language !== locale) {
    await i18next.changeLanguage(locale);
  }
}

/** The current UI language as a supported locale. */
export function useLocale(): Locale {
  const { i18n } = useTranslation();
  const language = i18n.resolvedLanguage ?? i18n.language;
  return isLocale(language) ? language : 'da';
}
