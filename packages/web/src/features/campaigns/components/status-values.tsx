import type { ResponseCounts } from '@evne/core';
import { useTranslation } from 'react-i18next';
import { useLocale } from '../../../lib/i18n';
import { formatPercent } from '../campaign-format';
import { countCell, ratePercent } from '../status-rows';

/** A count, or "fewer than k" in words when the server held it back: never a number below k. */
export function CountValue({ value, threshold }: { value: number | null; threshold: number }) {
  const { t } = useTranslation();
  const cell = countCell(value, threshold);
  return cell.kind === 'count' ? (
    <>{cell.value}</>
  ) : (
    <span className="fewer-than">{t('campaigns.status.fewerThan', { k: cell.threshold })}</span>
  );
}

/** The response rate, or "not shown" when a count behind it is held back. */
export function RateValue({ counts }: { counts: ResponseCounts }) {
  const { t } = useTranslation();
  const locale = useLocale();
  const percent = ratePercent(counts);
  return percent === null ? (
    <span className="fewer-than">{t('campaigns.status.rateHidden')}</span>
  ) : (
    <>{formatPercent(percent / 100, locale)}</>
  );
}
