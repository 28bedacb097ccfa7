import { Heading, Paragraph, Table } from '@digdir/designsystemet-react';
import type { CampaignOverview } from '@evne/core';
import { useId } from 'react';
import { useTranslation } from 'react-i18next';
import { useLocale } from '../../../lib/i18n';
import { formatDecimal, formatDifference } from '../figures';
import type { CompetenceName } from '../insights';

/** Self-assessment against managers' assessment where both may be shown. */
export function SelfVsManagerSection({
  overview,
  names,
}: {
  overview: CampaignOverview;
  names: ReadonlyMap<string, CompetenceName>;
}) {
  const { t } = useTranslation();
  const locale = useLocale();
  const headingId = useId();
  const caption = t('overview.selfVsManager.caption');
  const rows = overview.selfVsManager.filter((row) => names.has(row.nodeId));
  const value = (number: number | null) =>
    number === null ? t('overview.hidden.empty') : formatDecimal(number, locale);
  return (
    <section aria-labelledby={headingId} className="overview-insight">
      <Heading level={2} data-size="xs" id={headingId}>
        {t('overview.selfVsManager.heading')}
      </Heading>
      <Paragraph data-size="sm" className="muted">
        {t('overview.selfVsManager.lead')}
      </Paragraph>
      {rows.length === 0 ? (
        <Paragraph data-size="sm">{t('overview.selfVsManager.empty')}</Paragraph>
      ) : (
        <div className="table-scroll ds-focus" role="region" aria-label={caption} tabIndex={0}>
          <Table data-size="sm" className="compare-kinds">
            <caption className="visually-hidden">{caption}</caption>
            <Table.Head>
              <Table.Row>
                <Table.HeaderCell scope="col">
                  {t('overview.selfVsManager.competence')}
                </Table.HeaderCell>
                <Table.HeaderCell scope="col">{t('overview.selfVsManager.self')}</Table.HeaderCell>
                <Table.HeaderCell scope="col">
                  {t('overview.selfVsManager.manager')}
                </Table.HeaderCell>
                <Table.HeaderCell scope="col">
                  {t('overview.selfVsManager.difference')}
                </Table.HeaderCell>
              </Table.Row>
            </Table.Head>
            <Table.Body>
              {rows.map((row) => {
                const name = names.get(row.nodeId);
                return (
                  <Table.Row key={row.nodeId}>
                    <Table.HeaderCell scope="row" className="overview-table__name">
                      <span className="overview-table__code">{name?.code}</span> {name?.name}
                    </Table.HeaderCell>
                    <Table.Cell className="tabular">{value(row.self)}</Table.Cell>
                    <Table.Cell className="tabular">{value(row.manager)}</Table.Cell>
                    <Table.Cell className="tabular">
                      {row.difference === null
                        ? t('overview.hidden.empty')
                        : formatDifference(row.difference, locale)}
                    </Table.Cell>
                  </Table.Row>
                );
              })}
            </Table.Body>
          </Table>
        </div>
      )}
    </section>
  );
}
