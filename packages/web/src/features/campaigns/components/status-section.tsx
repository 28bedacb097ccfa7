import { Heading, Paragraph } from '@digdir/designsystemet-react';
import type { CampaignStatusReport } from '@evne/core';
import { useId, useMemo } from 'react';
import { useTranslation } from 'react-i18next';
import { LoadingState } from '../../../components/loading-state';
import { useLocale } from '../../../lib/i18n';
import { INTL_LOCALE } from '../../../lib/locale';
import { formatPercent } from '../campaign-format';
import { ratePercent, statusRows } from '../status-rows';
import { useCampaignStatus } from '../use-campaigns';
import { CampaignProblemAlert } from './campaign-problem-alert';
import { StatusList, StatusTable } from './status-table';

/** The total response rate as a bar, with the same figures in words. */
function TotalProgress({ report }: { report: CampaignStatusReport }) {
  const { t } = useTranslation();
  const locale = useLocale();
  const labelId = useId();
  const { totals, threshold } = report;
  const percent = ratePercent(totals);
  if (percent === null || totals.invited === null || totals.submitted === null) {
    return (
      <Paragraph className="campaign-progress__hidden">
        {t('campaigns.status.totalHidden', { k: threshold })}
      </Paragraph>
    );
  }
  const rate = formatPercent(percent / 100, locale);
  return (
    <div className="campaign-progress">
      <Paragraph id={labelId} className="campaign-progress__label">
        {t('campaigns.status.total', {
          rate,
          submitted: totals.submitted,
          count: totals.invited,
        })}
      </Paragraph>
      <progress aria-labelledby={labelId} max={totals.invited} value={totals.submitted}>
        {rate}
      </progress>
    </div>
  );
}

/** Invited, started and submitted per unit subtree, in tree order, with the organisation's k. */
export function StatusSection({ campaignId }: { campaignId: string }) {
  const { t } = useTranslation();
  const locale = useLocale();
  const headingId = useId();
  const status = useCampaignStatus(campaignId, true);
  const rows = useMemo(() => {
    const collator = new Intl.Collator(INTL_LOCALE[locale]);
    return statusRows(status.data?.units ?? [], collator.compare);
  }, [status.data, locale]);

  return (
    <section aria-labelledby={headingId} className="page-section">
      <Heading level={2} data-size="sm" id={headingId}>
        {t('campaigns.status.heading')}
      </Heading>
      {status.isPending && <LoadingState />}
      {status.isError && <CampaignProblemAlert error={status.error} headingLevel={3} />}
      {status.isSuccess && (
        <>
          <Paragraph data-size="sm" className="muted lead">
            {t('campaigns.status.intro', { k: status.data.threshold })}
          </Paragraph>
          <TotalProgress report={status.data} />
          {rows.length === 0 ? (
            <Paragraph>{t('campaigns.status.empty')}</Paragraph>
          ) : (
            // One of the two is shown, by the screen's width (CSS), so one is read out.
            <>
              <div className="status-wide">
                <StatusTable
                  rows={rows}
                  totals={status.data.totals}
                  threshold={status.data.threshold}
                  caption={t('campaigns.status.caption')}
                />
              </div>
              <StatusList
                rows={rows}
                totals={status.data.totals}
                threshold={status.data.threshold}
                caption={t('campaigns.status.caption')}
              />
            </>
          )}
        </>
      )}
    </section>
  );
}
