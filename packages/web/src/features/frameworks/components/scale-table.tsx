import { Paragraph, Table } from '@digdir/designsystemet-react';
import { resolveText, type Scale } from '@evne/core';
import { useTranslation } from 'react-i18next';
import { useLocale } from '../../../lib/i18n';

/** The rating scale: levels with labels and descriptors, and the "not applicable" answer. */
export function ScaleTable({ scale }: { scale: Scale }) {
  const { t } = useTranslation();
  const locale = useLocale();
  return (
    <>
      <div
        className="table-scroll ds-focus"
        role="region"
        aria-label={t('scale.caption')}
        tabIndex={0}
      >
        <Table className="scale-table">
          <caption className="visually-hidden">{t('scale.caption')}</caption>
          <Table.Head>
            <Table.Row>
              <Table.HeaderCell>{t('scale.level')}</Table.HeaderCell>
              <Table.HeaderCell>{t('scale.label')}</Table.HeaderCell>
              <Table.HeaderCell>{t('scale.descriptor')}</Table.HeaderCell>
            </Table.Row>
          </Table.Head>
          <Table.Body>
            {scale.levels.map((level) => (
              <Table.Row key={level.value}>
                <Table.Cell>{level.value}</Table.Cell>
                <Table.Cell>{resolveText(level.label, locale)}</Table.Cell>
                <Table.Cell>{resolveText(level.descriptor, locale)}</Table.Cell>
              </Table.Row>
            ))}
          </Table.Body>
        </Table>
      </div>
      <Paragraph>
        {t('scale.notApplicable', { label: resolveText(scale.notApplicable.label, locale) })}
      </Paragraph>
    </>
  );
}
