import { Heading, Paragraph } from '@digdir/designsystemet-react';
import type { CampaignOverview, CompetenceFigure } from '@evne/core';
import { useTranslation } from 'react-i18next';
import { useLocale } from '../../../lib/i18n';
import { formatDecimal } from '../figures';
import { useHiddenReason } from './figure-value';

interface CompetenceDetailsProps {
  competence: { code: string; name: string };
  figure: CompetenceFigure | undefined;
  scale: CampaignOverview['scale'];
  threshold: number;
}

/** People per level as bars with their numbers (the bars are decoration; the numbers are text). */
function DistributionBars({
  distribution,
  scale,
}: {
  distribution: NonNullable<CompetenceFigure['distribution']>;
  scale: CampaignOverview['scale'];
}) {
  const { t } = useTranslation();
  const labels = new Map(scale.map((level) => [level.value, level.label]));
  const most = Math.max(1, ...distribution.map((entry) => entry.count));
  return (
    <ul className="distribution-bars" aria-label={t('overview.wheel.distribution')}>
      {distribution.map((entry) => (
        <li key={entry.level}>
          <span className="distribution-bars__label">
            {entry.level} {labels.get(entry.level) ?? ''}
          </span>
          <span className="distribution-bars__track" aria-hidden="true">
            <span
              className="distribution-bars__bar"
              style={{ width: `${(entry.count / most) * 100}%` }}
            />
          </span>
          <span className="distribution-bars__count">
            <span className="visually-hidden">: </span>
            {entry.count}
          </span>
        </li>
      ))}
    </ul>
  );
}

/** One competence's average and distribution, or why they are not shown. */
export function CompetenceDetails({
  competence,
  figure,
  scale,
  threshold,
}: CompetenceDetailsProps) {
  const { t } = useTranslation();
  const locale = useLocale();
  const reason = useHiddenReason();
  return (
    <>
      <Heading level={3} data-size="2xs">
        {competence.code} {competence.name}
      </Heading>
      {!figure || figure.status !== 'shown' ? (
        <Paragraph className="figure-hidden">
          {reason(figure?.status === 'fewer_than_k' ? 'fewer_than_k' : 'suppressed', threshold)}
        </Paragraph>
      ) : (
        <>
          <Paragraph data-size="sm">
            {figure.average === null
              ? t('overview.wheel.detailsNoRating')
              : t('overview.wheel.detailsAverage', {
                  average: formatDecimal(figure.average, locale),
                  count: figure.rated ?? 0,
                })}
          </Paragraph>
          {figure.distribution && (
            <DistributionBars distribution={figure.distribution} scale={scale} />
          )}
          <Paragraph data-size="sm" className="muted">
            {t('overview.wheel.notApplicable', { count: figure.notApplicable ?? 0 })}
          </Paragraph>
        </>
      )}
    </>
  );
}
