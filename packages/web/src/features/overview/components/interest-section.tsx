import { Heading, Paragraph } from '@digdir/designsystemet-react';
import type { CampaignOverview } from '@evne/core';
import { useId } from 'react';
import { useTranslation } from 'react-i18next';
import { interestRanking, type CompetenceName } from '../insights';
import { RankedList } from './ranked-list';

/** The competences people would like to develop, most wanted first. */
export function InterestSection({
  overview,
  names,
}: {
  overview: CampaignOverview;
  names: ReadonlyMap<string, CompetenceName>;
}) {
  const { t } = useTranslation();
  const headingId = useId();
  const { ranked, hidden } = interestRanking(overview.competences);
  const items = ranked.flatMap((item) => {
    const name = names.get(item.nodeId);
    return name
      ? [
          {
            nodeId: item.nodeId,
            code: name.code,
            name: name.name,
            value: item.count,
            text: t('overview.interest.item', { count: item.count }),
          },
        ]
      : [];
  });
  return (
    <section aria-labelledby={headingId} className="overview-insight">
      <Heading level={2} data-size="xs" id={headingId}>
        {t('overview.interest.heading')}
      </Heading>
      <Paragraph data-size="sm" className="muted">
        {t('overview.interest.lead')}
      </Paragraph>
      {items.length === 0 ? (
        <Paragraph data-size="sm">{t('overview.interest.empty')}</Paragraph>
      ) : (
        <RankedList label={t('overview.interest.heading')} items={items} />
      )}
      {hidden > 0 && items.length > 0 && (
        <Paragraph data-size="sm" className="figure-hidden">
          {t('overview.hiddenCompetences', { count: hidden })}
        </Paragraph>
      )}
    </section>
  );
}
