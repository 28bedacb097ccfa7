import { Heading, Paragraph, Table, Tag } from '@digdir/designsystemet-react';
import type { CampaignOverview, CompetenceFigure } from '@evne/core';
import { useTranslation } from 'react-i18next';
import { useLocale } from '../../../lib/i18n';
import { figureText, formatDecimal, formatShare } from '../figures';
import { FigureValue } from './figure-value';

type Area = CampaignOverview['areas'][number];

interface AreaTableProps {
  area: Area;
  figures: ReadonlyMap<string, CompetenceFigure>;
  coverageLevel: number;
  threshold: number;
}

const COLUMNS = 7;

function ShownCells({ figure, threshold }: { figure: CompetenceFigure; threshold: number }) {
  const { t } = useTranslation();
  const locale = useLocale();
  const decimal = (value: number) => formatDecimal(value, locale);
  const hasTarget = (figure.withTarget ?? 0) > 0;
  const noTarget = <span className="muted">{t('overview.table.noTarget')}</span>;
  return (
    <>
      <Table.Cell className="tabular">
        <FigureValue text={figureText(figure.status, figure.average, threshold, decimal)} />
      </Table.Cell>
      <Table.Cell>
        <ul className="distribution-list">
          {(figure.distribution ?? []).map((entry) => (
            <li key={entry.level}>
              <span className="visually-hidden">{t('overview.table.level')} </span>
              <span className="distribution-list__level">{entry.level}:</span> {entry.count}
            </li>
          ))}
        </ul>
      </Table.Cell>
      <Table.Cell className="tabular">{figure.notApplicable}</Table.Cell>
      <Table.Cell className="tabular">
        {hasTarget && figure.meetingTargetShare !== null
          ? t('overview.table.meetingTargetOf', {
              share: formatShare(figure.meetingTargetShare, locale),
              count: figure.withTarget ?? 0,
            })
          : noTarget}
      </Table.Cell>
      <Table.Cell className="tabular">
        {hasTarget && figure.averageShortfall !== null
          ? decimal(figure.averageShortfall)
          : noTarget}
      </Table.Cell>
      <Table.Cell className="tabular">
        <span className="holders">
          {figure.holders}
          {figure.coverageFlag === 'none' && (
            <Tag data-color="danger" data-size="sm">
              {t('overview.table.flagNone')}
            </Tag>
          )}
          {figure.coverageFlag === 'one' && (
            <Tag data-color="warning" data-size="sm">
              {t('overview.table.flagOne')}
            </Tag>
          )}
        </span>
      </Table.Cell>
      <Table.Cell className="tabular">{figure.wantsToDevelop}</Table.Cell>
    </>
  );
}

/** One area's competences with every figure, or the reason in words where they are hidden. */
export function AreaTable({ area, figures, coverageLevel, threshold }: AreaTableProps) {
  const { t } = useTranslation();
  const locale = useLocale();
  const title = `${area.code} ${area.name}`;
  const caption = t('overview.table.caption', { area: title });
  return (
    <div className="area-table">
      <Heading level={3} data-size="xs">
        {title}
      </Heading>
      <Paragraph data-size="sm" className="muted">
        {t('overview.table.areaAverage', {
          average:
            area.average === null
              ? t('overview.hidden.empty')
              : formatDecimal(area.average, locale),
        })}
      </Paragraph>
      <div className="table-scroll ds-focus" role="region" aria-label={caption} tabIndex={0}>
        <Table data-size="sm" className="overview-table">
          <caption className="visually-hidden">{caption}</caption>
          <Table.Head>
            <Table.Row>
              <Table.HeaderCell scope="col">{t('overview.table.competence')}</Table.HeaderCell>
              <Table.HeaderCell scope="col">{t('overview.table.average')}</Table.HeaderCell>
              <Table.HeaderCell scope="col">{t('overview.table.distribution')}</Table.HeaderCell>
              <Table.HeaderCell scope="col">{t('overview.table.notApplicable')}</Table.HeaderCell>
              <Table.HeaderCell scope="col">{t('overview.table.meetingTarget')}</Table.HeaderCell>
              <Table.HeaderCell scope="col">{t('overview.table.shortfall')}</Table.HeaderCell>
              <Table.HeaderCell scope="col">
                {t('overview.table.holders', { level: coverageLevel })}
              </Table.HeaderCell>
              <Table.HeaderCell scope="col">{t('overview.table.wants')}</Table.HeaderCell>
            </Table.Row>
          </Table.Head>
          <Table.Body>
            {area.competences.map((competence) => {
              const figure = figures.get(competence.id);
              return (
                <Table.Row key={competence.id}>
                  <Table.HeaderCell scope="row" className="overview-table__name">
                    <span className="overview-table__code">{competence.code}</span>{' '}
                    {competence.name}
                  </Table.HeaderCell>
                  {figure && figure.status === 'shown' ? (
                    <ShownCells figure={figure} threshold={threshold} />
                  ) : (
                    <Table.Cell colSpan={COLUMNS} className="overview-table__hidden">
                      {figure?.status === 'fewer_than_k'
                        ? t('overview.hidden.rowFewer', { k: threshold })
                        : t('overview.hidden.rowSuppressed', { k: threshold })}
                    </Table.Cell>
                  )}
                </Table.Row>
              );
            })}
          </Table.Body>
        </Table>
      </div>
    </div>
  );
}
