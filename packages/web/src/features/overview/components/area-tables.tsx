import { Heading, Paragraph } from '@digdir/designsystemet-react';
import type { CampaignOverview } from '@evne/core';
import { useId, useMemo } from 'react';
import { useTranslation } from 'react-i18next';
import { AreaTable } from './area-table';

/** The wheel's figures as tables, one per area: the accessible twin of the colours. */
export function AreaTables({ overview }: { overview: CampaignOverview }) {
  const { t } = useTranslation();
  const headingId = useId();
  const figures = useMemo(
    () => new Map(overview.competences.map((figure) => [figure.nodeId, figure])),
    [overview.competences],
  );
  const hidden = overview.competences.filter((figure) => figure.status !== 'shown').length;
  return (
    <section aria-labelledby={headingId} className="page-section">
      <Heading level={2} data-size="sm" id={headingId}>
        {t('overview.table.heading')}
      </Heading>
      <Paragraph className="lead">{t('overview.table.lead')}</Paragraph>
      {hidden > 0 && (
        <Paragraph data-size="sm" className="figure-hidden">
          {t('overview.hiddenCompetences', { count: hidden })}
        </Paragraph>
      )}
      {overview.areas
        .filter((area) => area.competences.length > 0)
        .map((area) => (
          <AreaTable
            key={area.id}
            area={area}
            figures={figures}
            coverageLevel={overview.coverageLevel}
            threshold={overview.threshold}
          />
        ))}
    </section>
  );
}
