import type { Locale } from '@evne/core';
import { INTL_LOCALE } from './locale';

const timeZone = Intl.DateTimeFormat().resolvedOptions().timeZone;

/** A calendar date such as "3. marts 2025" in the reader's locale and time zone. */
export function formatDate(iso: string, locale: Locale): string {
  const date = new Date(iso);
  if (Number.isNaN(date.getTime())) {
    return iso;
  }
  return new Intl.DateTimeFormat(INTL_LOCALE[locale], { dateStyle: 'long', timeZone }).format(date);
}

/** "a, b og c" in the locale's own words. */
export function formatList(items: readonly string[], locale: Locale): string {
  return new Intl.ListFormat(INTL_LOCALE[locale], { style: 'long', type: 'conjunction' }).format(
    items,
  );
}
