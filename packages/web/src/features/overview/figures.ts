import type { CampaignOverview, Locale } from '@evne/core';
import { INTL_LOCALE } from '../../lib/locale';

export type FigureStatus = CampaignOverview['respondents']['status'];
/** Why a figure is not shown: too few people behind it, or it could be subtracted down to them. */
export type HiddenStatus = Exclude<FigureStatus, 'shown'>;

/** What a figure's place shows: the number, why it is hidden, or that there is nothing to show. */
export type FigureText =
  | { kind: 'value'; text: string }
  | { kind: 'hidden'; status: HiddenStatus; k: number }
  | { kind: 'empty' };

/** A number with one decimal (an average level, a shortfall) in the reader's locale. */
export function formatDecimal(value: number, locale: Locale): string {
  return new Intl.NumberFormat(INTL_LOCALE[locale], {
    minimumFractionDigits: 1,
    maximumFractionDigits: 1,
  }).format(value);
}

/** A signed difference with one decimal ("+0,4", "−0,2", "0,0"). */
export function formatDifference(value: number, locale: Locale): string {
  return new Intl.NumberFormat(INTL_LOCALE[locale], {
    minimumFractionDigits: 1,
    maximumFractionDigits: 1,
    signDisplay: 'exceptZero',
  }).format(value);
}

/** A share (0–1) as a whole percentage in the reader's locale. */
export function formatShare(value: number, locale: Locale): string {
  return new Intl.NumberFormat(INTL_LOCALE[locale], {
    style: 'percent',
    maximumFractionDigits: 0,
  }).format(value);
}

/**
 * A figure for display. Whatever the value, a figure the server did not show is hidden (never
 * 0 or blank); a shown figure without a value (nobody rated it, nobody has a target) is empty.
 */
export function figureText(
  status: FigureStatus,
  value: number | null,
  k: number,
  format: (value: number) => string,
): FigureText {
  if (status !== 'shown') {
    return { kind: 'hidden', status, k };
  }
  return value === null ? { kind: 'empty' } : { kind: 'value', text: format(value) };
}

/** The short mark of a hidden figure in a cell: "< k" for too few people. */
export function hiddenSymbol(status: HiddenStatus, k: number): string | null {
  return status === 'fewer_than_k' ? `< ${k}` : null;
}

/** "1: 24, 2: 19, 3: 9" from a distribution, lowest level first. */
export function distributionText(
  distribution: readonly { level: number; count: number }[],
  separator = ', ',
): string {
  return distribution.map((entry) => `${entry.level}: ${entry.count}`).join(separator);
}
