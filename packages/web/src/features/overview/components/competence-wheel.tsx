import { Heading, Paragraph } from '@digdir/designsystemet-react';
import type { CampaignOverview, CompetenceFigure } from '@evne/core';
import { useCallback, useId, useMemo, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { SunburstChart } from '../../../components/sunburst-chart';
import { useLocale } from '../../../lib/i18n';
import { averageColour, EMPTY_COLOUR, HIDDEN_COLOUR } from '../colour-scale';
import { distributionText, figureText, formatDecimal } from '../figures';
import { scaleBounds } from '../heatmap';
import { wheelData, type WheelTexts } from '../wheel-data';
import { ColourLegend } from './colour-legend';
import { CompetenceDetails } from './competence-details';
import { CompetenceList } from './competence-list';
import { useHiddenReason, useShortFigure } from './figure-value';

/**
 * The wheel painted by average level, with its keyboard twin: a list of the competences whose
 * focus (or hover) shows the distribution beside it, as pointing at a segment does.
 */
export function CompetenceWheel({ overview }: { overview: CampaignOverview }) {
  const { t } = useTranslation();
  const locale = useLocale();
  const headingId = useId();
  const short = useShortFigure();
  const reason = useHiddenReason();
  const [rootId, setRootId] = useState<string | null>(null);
  const [pinned, setPinned] = useState<string | null>(null);
  const [preview, setPreview] = useState<string | null>(null);
  const k = overview.threshold;

  const figures = useMemo(
    () => new Map(overview.competences.map((figure) => [figure.nodeId, figure])),
    [overview.competences],
  );
  const competences = useMemo(
    () => new Map(overview.areas.flatMap((area) => area.competences.map((c) => [c.id, c]))),
    [overview.areas],
  );

  const texts = useMemo<WheelTexts>(() => {
    const format = (value: number) => formatDecimal(value, locale);
    const tooltip = (
      competence: { code: string; name: string },
      figure: CompetenceFigure | undefined,
    ) => {
      const base = { code: competence.code, name: competence.name };
      if (!figure || figure.status !== 'shown') {
        return t('overview.wheel.tooltipHidden', {
          ...base,
          reason: reason(figure?.status === 'fewer_than_k' ? 'fewer_than_k' : 'suppressed', k),
        });
      }
      const notApplicable = figure.notApplicable ?? 0;
      return figure.average === null
        ? t('overview.wheel.tooltipEmpty', { ...base, notApplicable })
        : t('overview.wheel.tooltip', {
            ...base,
            average: format(figure.average),
            distribution: distributionText(figure.distribution ?? []),
            notApplicable,
          });
    };
    return {
      short,
      competenceTooltip: tooltip,
      areaTooltip: (area, text) =>
        text.kind === 'value'
          ? t('overview.wheel.areaTooltip', { name: area.name, average: text.text })
          : t('overview.wheel.areaTooltipNone', { name: area.name }),
    };
  }, [locale, t, reason, short, k]);

  const data = useMemo(() => wheelData(overview, locale, texts), [overview, locale, texts]);

  const onRootChange = useCallback(
    (id: string | null) => {
      setRootId(id);
      if (id !== null && competences.has(id)) {
        setPinned(id);
      }
    },
    [competences],
  );

  const shownId = preview ?? pinned;
  const shown = shownId === null ? undefined : competences.get(shownId);
  const textOf = (nodeId: string) => {
    const figure = figures.get(nodeId);
    return figure
      ? figureText(figure.status, figure.average, k, (value) => formatDecimal(value, locale))
      : ({ kind: 'hidden', status: 'suppressed', k } as const);
  };

  const { lowest, highest } = scaleBounds(overview.scale);
  const colourOf = (nodeId: string) => {
    const figure = figures.get(nodeId);
    if (!figure || figure.status !== 'shown') {
      return HIDDEN_COLOUR;
    }
    return figure.average === null ? EMPTY_COLOUR : averageColour(figure.average, lowest, highest);
  };

  return (
    <section aria-labelledby={headingId} className="page-section">
      <Heading level={2} data-size="sm" id={headingId}>
        {t('overview.wheel.heading')}
      </Heading>
      <Paragraph className="lead">{t('overview.wheel.lead')}</Paragraph>
      <div className="overview-wheel">
        <div className="overview-wheel__chart">
          {data.length > 0 && (
            <SunburstChart
              data={data}
              rootId={rootId}
              onRootChange={onRootChange}
              ariaLabel={t('overview.wheel.chartLabel', {
                unit: overview.unit.name,
                kind: t(`overview.kinds.${overview.kind}`),
              })}
              centreLabel={t('overview.wheel.centre')}
              allRings
            />
          )}
          <Paragraph data-size="sm" className="muted">
            {t('overview.wheel.help')}
          </Paragraph>
        </div>
        <div className="overview-wheel__side">
          <ColourLegend measure="average" scale={overview.scale} threshold={k} />
          <div className="overview-details">
            {shown ? (
              <CompetenceDetails
                competence={shown}
                figure={figures.get(shown.id)}
                scale={overview.scale}
                threshold={k}
              />
            ) : (
              <Paragraph data-size="sm" className="muted">
                {t('overview.wheel.detailsHint')}
              </Paragraph>
            )}
          </div>
          <CompetenceList
            areas={overview.areas}
            textOf={textOf}
            colourOf={colourOf}
            pinned={pinned}
            onPin={setPinned}
            onPreview={setPreview}
          />
        </div>
      </div>
    </section>
  );
}
