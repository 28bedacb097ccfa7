import type { CampaignStatus, Locale, OutboxMessage } from '@evne/core';
import { INTL_LOCALE } from '../../lib/locale';

/** A date and time such as "3. marts 2025 kl. 09.00" in the reader's locale and time zone. */
export function formatDateTime(iso: string, locale: Locale): string {
  const date = new Date(iso);
  if (Number.isNaN(date.getTime())) {
    return iso;
  }
  return new Intl.DateTimeFormat(INTL_LOCALE[locale], {
    dateStyle: 'long',
    timeStyle: 'short',
  }).format(date);
}

/** A share such as "42 %" in the locale's own way. */
export function formatPercent(value: number, locale: Locale): string {
  return new Intl.NumberFormat(INTL_LOCALE[locale], {
    style: 'percent',
    maximumFractionDigits: 0,
  }).format(value);
}

/** Tag colours; the tag's text always names the status too. */
export const STATUS_COLOUR = {
  draft: 'neutral',
  scheduled: 'info',
  open: 'success',
  closed: 'warning',
} as const satisfies Record<CampaignStatus, string>;

export const OUTBOX_STATUS_COLOUR = {
  queued: 'info',
  sent: 'success',
  failed: 'danger',
  manual: 'warning',
} as const satisfies Record<OutboxMessage['status'], string>;
