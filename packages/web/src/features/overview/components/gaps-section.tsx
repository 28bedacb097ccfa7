import { Heading, Paragraph } from '@digdir/designsystemet-react';
import type { CampaignOverview } from '@evne/core';
import { useId } from 'react';
import { useTranslation } from 'react-i18next';
import { namedGaps, type CompetenceName } from '../insights';
import { RankedList } from './ranked-list';

/** The largest people-weighted gaps against the role profiles' targets. */
export function GapsSection({
  overview,
  names,
}: {
  overview: CampaignOverview;
  names: ReadonlyMap<string, CompetenceName>;
}) {
  const { t } = useTranslation();
  const headingId = useId();
  const gaps = namedGaps(overview.topGaps, names);
  return (
    <section aria-labelledby={headingId} className="overview-insight">
      <Heading level={2} data-size="xs" id={headingId}>
        {t('overview.gaps.heading')}
      </Heading>
      <Paragraph data-size="sm" className="muted">
        {t('overview.gaps.lead')}
      </Paragraph>
      {gaps.length === 0 ? (
        <Paragraph data-size="sm">{t('overview.gaps.empty')}</Paragraph>
      ) : (
        <RankedList
          label={t('overview.gaps.heading')}
          items={gaps.map((gap) => ({
            nodeId: gap.nodeId,
            code: gap.code,
            name: gap.name,
            value: gap.totalShortfall,
            text: t('overview.gaps.item', { count: gap.totalShortfall }),
          }))}
        />
      )}
    </section>
  );
}
