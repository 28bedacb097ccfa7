import { Paragraph } from '@digdir/designsystemet-react';
import { resolveText, type FrameworkVersion, type Locale, type Scale } from '@evne/core';
import type { TFunction } from 'i18next';
import { useCallback, useMemo, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { SunburstChart, type SunburstDatum } from '../../../components/sunburst-chart';
import { readableAreaColour, ringShade } from '../../../lib/colour';
import { useLocale } from '../../../lib/i18n';
import { splitByGroup, type TreeItem } from '../../frameworks/framework-tree';
import { countByLevel, levelColour, NOT_NEEDED_COLOUR, type TargetDraft } from '../profile-targets';

interface TargetWheelProps {
  version: FrameworkVersion;
  drafts: ReadonlyMap<string, TargetDraft>;
  /** The profile's name, for the chart's label. */
  profileName: string;
  /** The name of the summary list (the text twin of the wheel). */
  summaryLabel: string;
  compact?: boolean;
}

/** "3 – Kan anvende", or "Not needed". */
export function levelText(
  level: number | null,
  scale: Scale,
  locale: Locale,
  t: TFunction,
): string {
  if (level === null) {
    return t('roleProfiles.notNeeded');
  }
  const found = scale.levels.find((item) => item.value === level);
  return found ? `${level} – ${resolveText(found.label, locale)}` : String(level);
}

/**
 * The version's wheel painted by target: every rated competence's segment shows its level
 * (light to dark, grey for "not needed", the level in its label and tooltip), and a list
 * beside it counts the competences per level for everyone who does not see the colours.
 */
export function TargetWheel({
  version,
  drafts,
  profileName,
  summaryLabel,
  compact = false,
}: TargetWheelProps) {
  const { t } = useTranslation();
  const locale = useLocale();
  const [rootId, setRootId] = useState<string | null>(null);
  const wheel = useMemo(() => splitByGroup(version.nodes).wheel, [version.nodes]);
  const { scale } = version;

  const data = useMemo<SunburstDatum[]>(() => {
    const convert = (item: TreeItem, share: number, areaColour: string): SunburstDatum => {
      const name = resolveText(item.node.name, locale);
      const draft = drafts.get(item.node.id);
      if (item.node.isRated) {
        const level = draft?.targetLevel ?? null;
        const colour = levelColour(level, scale);
        const importance =
          level === null
            ? ''
            : ` (${t(`roleProfiles.importance.${draft?.importance ?? 'essential'}`)})`;
        return {
          id: item.node.id,
          name: `${item.node.code}: ${level ?? '–'}`,
          value: share,
          colour: colour.fill,
          labelColour: colour.text,
          tooltip: `${item.node.code} ${name} – ${t('roleProfiles.wheel.targetTooltip', {
            level: levelText(level, scale, locale, t),
          })}${importance}`,
          children: [],
        };
      }
      return {
        id: item.node.id,
        name,
        value: share,
        colour: ringShade(areaColour, item.depth - 1),
        tooltip: `${item.node.code} ${name}`,
        children: item.children.map((child) =>
          convert(child, share / Math.max(item.children.length, 1), areaColour),
        ),
      };
    };
    return wheel.map((item, index) =>
      convert(item, 1000 / Math.max(wheel.length, 1), readableAreaColour(item.node.colour, index)),
    );
  }, [wheel, drafts, scale, locale, t]);

  const counts = countByLevel(drafts.values(), scale);
  const total = counts.reduce((sum, entry) => sum + entry.count, 0);
  const sentence = counts
    .filter((entry) => entry.count > 0)
    .map((entry) =>
      t('roleProfiles.wheel.countAt', {
        count: entry.count,
        level: levelText(entry.level, scale, locale, t),
      }),
    )
    .join('; ');

  const onRootChange = useCallback((id: string | null) => setRootId(id), []);

  return (
    <div className={compact ? 'target-wheel target-wheel--compact' : 'target-wheel'}>
      {wheel.length > 0 && (
        <SunburstChart
          data={data}
          rootId={rootId}
          onRootChange={onRootChange}
          ariaLabel={t('roleProfiles.wheel.chartLabel', { name: profileName, summary: sentence })}
          centreLabel={t('wheel.centreUp')}
          allRings
        />
      )}
      <ul className="target-summary" aria-label={summaryLabel}>
        {counts.map((entry) => {
          const colour = entry.level === null ? NOT_NEEDED_COLOUR : levelColour(entry.level, scale);
          return (
            <li key={entry.level ?? 'none'} className="target-summary__item">
              <span
                className="target-summary__swatch"
                style={{ backgroundColor: colour.fill }}
                aria-hidden="true"
              />
              <span>
                <span className="target-summary__level">
                  {levelText(entry.level, scale, locale, t)}:
                </span>{' '}
                {entry.level === null
                  ? t('roleProfiles.wheel.competences', { count: entry.count })
                  : t('roleProfiles.wheel.competencesEssential', {
                      count: entry.count,
                      essential: entry.essential,
                    })}
              </span>
            </li>
          );
        })}
      </ul>
      <Paragraph data-size="sm" className="muted">
        {t('roleProfiles.wheel.total', { count: total })}
      </Paragraph>
    </div>
  );
}
