import type { CampaignOverview } from '@evne/core';
import { useTranslation } from 'react-i18next';
import { useLocale } from '../../../lib/i18n';
import { EMPTY_COLOUR, HIDDEN_COLOUR, scaleColour, type CellColour } from '../colour-scale';
import { formatShare } from '../figures';
import { scaleBounds } from '../heatmap';
import type { HeatMetric } from '../overview-params';

interface ColourLegendProps {
  measure: HeatMetric;
  scale: CampaignOverview['scale'];
  threshold: number;
  /** Explain the marks of hidden and empty figures too. */
  withHidden?: boolean;
}

function Swatch({
  colour,
  text,
  hatched = false,
}: {
  colour: CellColour;
  text: string;
  hatched?: boolean;
}) {
  return (
    <span
      className={hatched ? 'legend-swatch legend-swatch--hidden' : 'legend-swatch'}
      style={hatched ? undefined : { backgroundColor: colour.fill, color: colour.text }}
      aria-hidden="true"
    >
      {text}
    </span>
  );
}

/** What the colours (and the marks of hidden figures) mean, in words and numbers. */
export function ColourLegend({ measure, scale, threshold, withHidden = false }: ColourLegendProps) {
  const { t } = useTranslation();
  const locale = useLocale();
  const { lowest, highest } = scaleBounds(scale);
  const stops =
    measure === 'average'
      ? scale.map((level) => ({
          key: String(level.value),
          colour: scaleColour(highest > lowest ? (level.value - lowest) / (highest - lowest) : 1),
          mark: String(level.value),
          label: level.label,
        }))
      : [0, 0.25, 0.5, 0.75, 1].map((share) => ({
          key: String(share),
          colour: scaleColour(share),
          mark: formatShare(share, locale),
          label: '',
        }));
  const title = measure === 'average' ? t('overview.legend.average') : t('overview.legend.share');
  return (
    <div className="colour-legend">
      <p className="colour-legend__title">{title}</p>
      <ul className="colour-legend__list" aria-label={`${t('overview.legend.label')}: ${title}`}>
        {stops.map((stop) => (
          <li key={stop.key}>
            <Swatch colour={stop.colour} text={stop.mark} />
            <span>
              <span className="visually-hidden">{stop.mark} </span>
              {stop.label}
            </span>
          </li>
        ))}
      </ul>
      {withHidden && (
        <ul className="colour-legend__list colour-legend__list--hidden">
          <li>
            <Swatch colour={HIDDEN_COLOUR} text={`< ${threshold}`} hatched />
            <span>{t('overview.legend.fewer', { k: threshold })}</span>
          </li>
          <li>
            <Swatch colour={HIDDEN_COLOUR} text={t('overview.hidden.suppressedShort')} hatched />
            <span>{t('overview.legend.suppressed', { k: threshold })}</span>
          </li>
          <li>
            <Swatch colour={EMPTY_COLOUR} text="–" />
            <span>{t('overview.legend.empty')}</span>
          </li>
        </ul>
      )}
    </div>
  );
}
