import { Table } from '@digdir/designsystemet-react';
import type { ResponseCounts } from '@evne/core';
import { useTranslation } from 'react-i18next';
import type { StatusRow } from '../status-rows';
import { CountValue, RateValue } from './status-values';

interface StatusViewProps {
  rows: readonly StatusRow[];
  totals: ResponseCounts;
  threshold: number;
  caption: string;
}

function CountCells({ counts, threshold }: { counts: ResponseCounts; threshold: number }) {
  return (
    <>
      <Table.Cell className="tabular">
        <CountValue value={counts.invited} threshold={threshold} />
      </Table.Cell>
      <Table.Cell className="tabular">
        <CountValue value={counts.started} threshold={threshold} />
      </Table.Cell>
      <Table.Cell className="tabular">
        <CountValue value={counts.submitted} threshold={threshold} />
      </Table.Cell>
      <Table.Cell className="tabular">
        <RateValue counts={counts} />
      </Table.Cell>
    </>
  );
}

/** Where a unit sits, for screen readers (the indentation shows it on screen). */
export function useParentNote(rows: readonly StatusRow[]) {
  const { t } = useTranslation();
  const names = new Map(rows.map((row) => [row.unit.unitId, row.unit.name]));
  return (parentId: string | null) => {
    const parent = parentId === null ? undefined : names.get(parentId);
    return parent === undefined ? null : (
      <span className="visually-hidden"> {t('campaigns.status.under', { parent })}</span>
    );
  };
}

/** Units in tree order (indented), their counts and a totals row. */
export function StatusTable({ rows, totals, threshold, caption }: StatusViewProps) {
  const { t } = useTranslation();
  const parentNote = useParentNote(rows);
  return (
    <div className="table-scroll ds-focus" role="region" aria-label={caption} tabIndex={0}>
      <Table data-size="sm" className="status-table">
        <caption className="visually-hidden">{caption}</caption>
        <Table.Head>
          <Table.Row>
            <Table.HeaderCell scope="col">{t('campaigns.status.unit')}</Table.HeaderCell>
            <Table.HeaderCell scope="col">{t('campaigns.status.invited')}</Table.HeaderCell>
            <Table.HeaderCell scope="col">{t('campaigns.status.started')}</Table.HeaderCell>
            <Table.HeaderCell scope="col">{t('campaigns.status.submitted')}</Table.HeaderCell>
            <Table.HeaderCell scope="col">{t('campaigns.status.rate')}</Table.HeaderCell>
          </Table.Row>
        </Table.Head>
        <Table.Body>
          {rows.map(({ unit, depth }) => (
            <Table.Row key={unit.unitId}>
              <Table.HeaderCell
                scope="row"
                style={{ paddingInlineStart: `${0.5 + (depth - 1) * 1.1}rem` }}
              >
                {unit.name}
                {parentNote(unit.parentId)}
              </Table.HeaderCell>
              <CountCells counts={unit.counts} threshold={threshold} />
            </Table.Row>
          ))}
        </Table.Body>
        <Table.Foot>
          <Table.Row className="status-table__total">
            <Table.HeaderCell scope="row">{t('campaigns.status.totals')}</Table.HeaderCell>
            <CountCells counts={totals} threshold={threshold} />
          </Table.Row>
        </Table.Foot>
      </Table>
    </div>
  );
}

/** The same figures as a list, for screens too narrow for five columns. */
export function StatusList({ rows, totals, threshold, caption }: StatusViewProps) {
  const { t } = useTranslation();
  const parentNote = useParentNote(rows);
  const figures = (counts: ResponseCounts) => (
    <dl className="status-list__counts">
      {(['invited', 'started', 'submitted'] as const).map((key) => (
        <div key={key}>
          <dt>{t(`campaigns.status.${key}`)}</dt>
          <dd>
            <CountValue value={counts[key]} threshold={threshold} />
          </dd>
        </div>
      ))}
      <div>
        <dt>{t('campaigns.status.rate')}</dt>
        <dd>
          <RateValue counts={counts} />
        </dd>
      </div>
    </dl>
  );
  return (
    <ul className="status-list" aria-label={caption}>
      {rows.map(({ unit, depth }) => (
        <li
          key={unit.unitId}
          className="status-list__item"
          style={{ marginInlineStart: `${(depth - 1) * 0.75}rem` }}
        >
          <span className="status-list__unit">
            {unit.name}
            {parentNote(unit.parentId)}
          </span>
          {figures(unit.counts)}
        </li>
      ))}
      <li className="status-list__item status-list__item--total">
        <span className="status-list__unit">{t('campaigns.status.totals')}</span>
        {figures(totals)}
      </li>
    </ul>
  );
}
