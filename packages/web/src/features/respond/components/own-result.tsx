import { Heading, Paragraph, Table } from '@digdir/designsystemet-react';
import type { OwnResult, Questionnaire, Scale } from '@evne/core';
import { useCallback, useMemo, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { SunburstChart, type SunburstDatum } from '../../../components/sunburst-chart';
import { readableAreaColour } from '../../../lib/colour';
import { formatList } from '../../../lib/format';
import { levelColour, NOT_NEEDED_COLOUR } from '../../role-profiles/profile-targets';

interface OwnResultViewProps {
  questionnaire: Questionnaire;
  result: OwnResult;
}

/** The colour helpers take a framework scale; only the level values matter to them. */
function colourScale(scale: Questionnaire['scale']): Scale {
  return {
    levels: scale.levels.map((level) => ({ value: level.value, label: { en: level.label } })),
    notApplicable: { label: { en: scale.notApplicable.label } },
  };
}

const formatNumber = (value: number, locale: string) =>
  new Intl.NumberFormat(locale, { maximumFractionDigits: 1 }).format(value);

/**
 * The respondent's own wheel: per competence their level (inner ring) and their role profile's
 * target (outer ring), coloured light to dark, and a table that says the same in words.
 */
export function OwnResultView({ questionnaire, result }: OwnResultViewProps) {
  const { t } = useTranslation();
  const locale = questionnaire.locale;
  const [rootId, setRootId] = useState<string | null>(null);
  const onRootChange = useCallback((id: string | null) => setRootId(id), []);
  const scale = useMemo(() => colourScale(questionnaire.scale), [questionnaire.scale]);
  const hasTargets = result.competences.some((item) => item.target !== null);
  const byNode = useMemo(
    () => new Map(result.competences.map((item) => [item.nodeId, item])),
    [result.competences],
  );

  /** A table cell's level: the number, with its label (read out, but only shown on wider screens). */
  const levelCell = (level: number | null, notApplicable = false) => {
    const found =
      level === null || notApplicable
        ? undefined
        : questionnaire.scale.levels.find((item) => item.value === level);
    if (!found) {
      return levelName(level, notApplicable);
    }
    return (
      <>
        <span className="result-table__value">{level}</span>
        <span className="result-table__label"> – {found.label}</span>
      </>
    );
  };

  const levelName = useCallback(
    (level: number | null, notApplicable = false) => {
      if (notApplicable) {
        return questionnaire.scale.notApplicable.label;
      }
      if (level === null) {
        return t('respond.result.none');
      }
      const found = questionnaire.scale.levels.find((item) => item.value === level);
      return found ? `${level} – ${found.label}` : String(level);
    },
    [questionnaire.scale, t],
  );

  const data = useMemo<SunburstDatum[]>(
    () =>
      questionnaire.areas.map((area, index) => {
        const share = 1000 / Math.max(questionnaire.areas.length, 1);
        const perCompetence = share / Math.max(area.competences.length, 1);
        return {
          id: area.id,
          name: area.name,
          value: share,
          colour: readableAreaColour(area.colour, index),
          tooltip: area.name,
          children: area.competences.map((competence) => {
            const own = byNode.get(competence.id);
            const level = own?.level ?? null;
            const target = own?.target ?? null;
            const colour = levelColour(level, scale);
            const targetColour = target === null ? NOT_NEEDED_COLOUR : levelColour(target, scale);
            const tooltip = t('respond.result.tooltip', {
              name: `${competence.code} ${competence.name}`,
              level: levelName(level, own?.isNotApplicable ?? false),
              target: target === null ? t('respond.result.noTarget') : levelName(target),
            });
            return {
              id: competence.id,
              name: `${competence.code}: ${level ?? '–'}`,
              value: perCompetence,
              colour: colour.fill,
              labelColour: colour.text,
              tooltip,
              children: hasTargets
                ? [
                    {
                      id: `${competence.id}-target`,
                      name: target === null ? '–' : String(target),
                      value: perCompetence,
                      colour: targetColour.fill,
                      labelColour: targetColour.text,
                      tooltip,
                      children: [],
                    },
                  ]
                : [],
            };
          }),
        };
      }),
    [questionnaire.areas, byNode, scale, hasTargets, levelName, t],
  );

  const summary = result.areas
    .map((area) =>
      t('respond.result.areaSummary', {
        area: area.name,
        average: area.average === null ? '–' : formatNumber(area.average, locale),
        target: area.targetAverage === null ? '–' : formatNumber(area.targetAverage, locale),
      }),
    )
    .join('; ');

  return (
    <section className="own-result" aria-labelledby="own-result-heading">
      <Heading level={2} data-size="md" id="own-result-heading" tabIndex={-1}>
        {t('respond.result.heading')}
      </Heading>
      <Paragraph>
        {result.profiles.length > 0
          ? t('respond.result.against', {
              profiles: formatList(
                result.profiles.map((profile) => profile.name),
                locale,
              ),
            })
          : t('respond.result.noProfile')}
      </Paragraph>
      <div className="own-result__wheel">
        <SunburstChart
          data={data}
          rootId={rootId}
          onRootChange={onRootChange}
          ariaLabel={t('respond.result.chartLabel', { summary })}
          centreLabel={t('wheel.centreUp')}
          allRings
        />
        <ul className="target-summary" aria-label={t('respond.result.legend')}>
          <li className="target-summary__item">
            <span>{t('respond.result.innerRing')}</span>
          </li>
          {hasTargets && (
            <li className="target-summary__item">
              <span>{t('respond.result.outerRing')}</span>
            </li>
          )}
          {questionnaire.scale.levels.map((level) => (
            <li key={level.value} className="target-summary__item">
              <span
                className="target-summary__swatch"
                style={{ backgroundColor: levelColour(level.value, scale).fill }}
                aria-hidden="true"
              />
              <span>{levelName(level.value)}</span>
            </li>
          ))}
          <li className="target-summary__item">
            <span
              className="target-summary__swatch"
              style={{ backgroundColor: NOT_NEEDED_COLOUR.fill }}
              aria-hidden="true"
            />
            <span>{t('respond.result.greyMeans')}</span>
          </li>
        </ul>
      </div>
      {/* Focusable so that a keyboard can scroll it sideways on a narrow screen. */}
      <div
        className="table-scroll own-result__table"
        role="region"
        aria-label={t('respond.result.tableCaption')}
        tabIndex={0}
      >
        <Table data-size="sm" className="result-table">
          <caption>{t('respond.result.tableCaption')}</caption>
          <Table.Head>
            <Table.Row>
              <Table.HeaderCell scope="col">{t('respond.result.competence')}</Table.HeaderCell>
              <Table.HeaderCell scope="col">{t('respond.result.yourLevel')}</Table.HeaderCell>
              <Table.HeaderCell scope="col">{t('respond.result.target')}</Table.HeaderCell>
              <Table.HeaderCell scope="col">{t('respond.result.gap')}</Table.HeaderCell>
            </Table.Row>
          </Table.Head>
          {questionnaire.areas.map((area) => {
            const areaResult = result.areas.find((item) => item.areaId === area.id);
            return (
              <Table.Body key={area.id}>
                <Table.Row className="result-table__area">
                  <Table.HeaderCell scope="colgroup" colSpan={4}>
                    {area.name}
                    {areaResult && areaResult.average !== null && (
                      <span className="result-table__average">
                        {' '}
                        {t('respond.result.areaAverage', {
                          average: formatNumber(areaResult.average, locale),
                        })}
                      </span>
                    )}
                  </Table.HeaderCell>
                </Table.Row>
                {area.competences.map((competence) => {
                  const own = byNode.get(competence.id);
                  const level = own?.level ?? null;
                  const target = own?.target ?? null;
                  const gap = level !== null && target !== null ? level - target : null;
                  return (
                    <Table.Row key={competence.id}>
                      <Table.HeaderCell scope="row" className="result-table__name">
                        <span className="competence__code">{competence.code}</span>{' '}
                        {competence.name}
                      </Table.HeaderCell>
                      <Table.Cell>{levelCell(level, own?.isNotApplicable ?? false)}</Table.Cell>
                      <Table.Cell>
                        {target === null ? t('respond.result.noTarget') : levelCell(target)}
                      </Table.Cell>
                      <Table.Cell>
                        {gap === null
                          ? '–'
                          : gap === 0
                            ? t('respond.result.onTarget')
                            : gap > 0
                              ? t('respond.result.above', { count: gap })
                              : t('respond.result.below', { count: -gap })}
                      </Table.Cell>
                    </Table.Row>
                  );
                })}
              </Table.Body>
            );
          })}
        </Table>
      </div>
    </section>
  );
}
