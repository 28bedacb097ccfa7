import { Details, Heading, Paragraph, ToggleGroup } from '@digdir/designsystemet-react';
import type { CampaignOverview } from '@evne/core';
import { useId } from 'react';
import { useTranslation } from 'react-i18next';
import { useLocale } from '../../../lib/i18n';
import type { HeatMetric } from '../overview-params';
import { ColourLegend } from './colour-legend';
import { HeatmapTable } from './heatmap-table';

interface HeatmapSectionProps {
  overview: CampaignOverview;
  metric: HeatMetric;
  onMetricChange: (metric: HeatMetric) => void;
  unitLink: (unitId: string) => string;
}

/** The units under this one by competence, with the measure switch, the key and the codes. */
export function HeatmapSection({
  overview,
  metric,
  onMetricChange,
  unitLink,
}: HeatmapSectionProps) {
  const { t } = useTranslation();
  const locale = useLocale();
  const headingId = useId();
  const showId = useId();
  const measure =
    metric === 'average' ? t('overview.heatmap.average') : t('overview.heatmap.target');
  const heading = t('overview.heatmap.heading', { unit: overview.unit.name });
  if (overview.children.length === 0) {
    return (
      <section aria-labelledby={headingId} className="page-section">
        <Heading level={2} data-size="sm" id={headingId}>
          {heading}
        </Heading>
        <Paragraph>{t('overview.heatmap.leaf', { unit: overview.unit.name })}</Paragraph>
      </section>
    );
  }
  return (
    <section aria-labelledby={headingId} className="page-section">
      <Heading level={2} data-size="sm" id={headingId}>
        {heading}
      </Heading>
      <Paragraph className="lead">{t('overview.heatmap.lead')}</Paragraph>
      <div className="heatmap-tools">
        <div className="overview-controls__kind">
          <span id={showId} className="overview-controls__label">
            {t('overview.heatmap.show')}
          </span>
          <ToggleGroup
            aria-labelledby={showId}
            data-size="sm"
            value={metric}
            onChange={(value) => onMetricChange(value === 'target' ? 'target' : 'average')}
          >
            <ToggleGroup.Item value="average">{t('overview.heatmap.average')}</ToggleGroup.Item>
            <ToggleGroup.Item value="target">{t('overview.heatmap.target')}</ToggleGroup.Item>
          </ToggleGroup>
        </div>
        <ColourLegend
          measure={metric}
          scale={overview.scale}
          threshold={overview.threshold}
          withHidden
        />
      </div>
      <HeatmapTable
        overview={overview}
        metric={metric}
        locale={locale}
        caption={t('overview.heatmap.caption', { measure })}
        unitLink={unitLink}
      />
      <Details className="heatmap-codes">
        <Details.Summary>{t('overview.heatmap.names')}</Details.Summary>
        <Details.Content>
          <dl className="code-list">
            {overview.areas.flatMap((area) =>
              area.competences.map((competence) => (
                <div key={competence.id}>
                  <dt>{competence.code}</dt>
                  <dd>{competence.name}</dd>
                </div>
              )),
            )}
          </dl>
        </Details.Content>
      </Details>
    </section>
  );
}
