import { Link } from '@digdir/designsystemet-react';
import type { CampaignOverview, Locale } from '@evne/core';
import { useMemo } from 'react';
import { useTranslation } from 'react-i18next';
import { Link as RouterLink } from 'react-router-dom';
import { heatColumns, heatmapRows, type HeatRow } from '../heatmap';
import type { HeatMetric } from '../overview-params';
import { FigureValue } from './figure-value';

interface HeatmapTableProps {
  overview: CampaignOverview;
  metric: HeatMetric;
  locale: Locale;
  caption: string;
  unitLink: (unitId: string) => string;
}

function RespondentsNote({ row, threshold }: { row: HeatRow; threshold: number }) {
  const { t } = useTranslation();
  const { status, count } = row.respondents;
  const text =
    status === 'shown' && count !== null
      ? t('overview.heatmap.respondents', { count })
      : status === 'suppressed'
        ? t('overview.heatmap.respondentsSuppressed')
        : t('overview.heatmap.respondentsFewer', { k: threshold });
  return <span className="heatmap__respondents">{text}</span>;
}

/**
 * Child units by competence: row headers link down into each unit, column headers carry the
 * competence codes (full names for assistive technology and on hover), every cell prints its
 * figure on the colour of the scale, and hidden cells say so.
 */
export function HeatmapTable({ overview, metric, locale, caption, unitLink }: HeatmapTableProps) {
  const { t } = useTranslation();
  const { groups, columns } = useMemo(() => heatColumns(overview.areas), [overview.areas]);
  const rows = useMemo(() => heatmapRows(overview, metric, locale), [overview, metric, locale]);
  return (
    <div
      className="table-scroll heatmap-scroll ds-focus"
      role="region"
      aria-label={caption}
      tabIndex={0}
    >
      <table className="heatmap">
        <caption className="visually-hidden">{caption}</caption>
        <colgroup>
          <col />
        </colgroup>
        {groups.map((group) => (
          <colgroup key={group.id} span={group.span} />
        ))}
        <thead>
          <tr>
            <th scope="col" rowSpan={2} className="heatmap__corner">
              {t('overview.heatmap.unit')}
            </th>
            {groups.map((group) => (
              <th
                key={group.id}
                scope="colgroup"
                colSpan={group.span}
                className="heatmap__group"
                title={`${group.code} ${group.name}`}
              >
                <span aria-hidden="true">{group.code}</span>
                <span className="visually-hidden">
                  {group.code} {group.name}
                </span>
              </th>
            ))}
          </tr>
          <tr>
            {columns.map((column) => (
              <th
                key={column.nodeId}
                scope="col"
                className="heatmap__column"
                title={`${column.code} ${column.name}`}
              >
                <span aria-hidden="true">{column.code}</span>
                <span className="visually-hidden">
                  {column.code} {column.name}
                </span>
              </th>
            ))}
          </tr>
        </thead>
        <tbody>
          {rows.map((row) => (
            <tr key={row.unit.id} className={row.isTotal ? 'heatmap__total' : undefined}>
              <th scope="row" className="heatmap__unit">
                {row.isTotal ? (
                  <span className="heatmap__unit-name">
                    {t('overview.heatmap.total', { unit: row.unit.name })}
                  </span>
                ) : (
                  <Link asChild className="heatmap__unit-name">
                    <RouterLink to={unitLink(row.unit.id)}>{row.unit.name}</RouterLink>
                  </Link>
                )}
                <RespondentsNote row={row} threshold={overview.threshold} />
              </th>
              {row.cells.map((cell) => (
                <td
                  key={cell.nodeId}
                  className={
                    cell.text.kind === 'hidden'
                      ? 'heatmap__cell heatmap__cell--hidden'
                      : 'heatmap__cell'
                  }
                  style={
                    cell.text.kind === 'hidden'
                      ? undefined
                      : { backgroundColor: cell.colour.fill, color: cell.colour.text }
                  }
                >
                  <FigureValue text={cell.text} compact />
                </td>
              ))}
            </tr>
          ))}
        </tbody>
      </table>
    </div>
  );
}
