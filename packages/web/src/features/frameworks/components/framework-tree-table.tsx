import { Table, Tag } from '@digdir/designsystemet-react';
import { resolveText, type FrameworkNode } from '@evne/core';
import { useMemo } from 'react';
import { useTranslation } from 'react-i18next';
import { useLocale } from '../../../lib/i18n';
import { flattenTree, splitByGroup } from '../framework-tree';

/** The whole tree as a table: the text alternative to the wheel (and the foundational group). */
export function FrameworkTreeTable({
  nodes,
  caption,
}: {
  nodes: readonly FrameworkNode[];
  caption: string;
}) {
  const { t } = useTranslation();
  const locale = useLocale();
  const rows = useMemo(() => {
    const { wheel, foundational } = splitByGroup(nodes);
    return flattenTree([...wheel, ...foundational]);
  }, [nodes]);
  return (
    <div className="table-scroll ds-focus" role="region" aria-label={caption} tabIndex={0}>
      <Table zebra className="tree-table">
        <caption className="visually-hidden">{caption}</caption>
        <Table.Head>
          <Table.Row>
            <Table.HeaderCell>{t('table.code')}</Table.HeaderCell>
            <Table.HeaderCell>{t('table.name')}</Table.HeaderCell>
            <Table.HeaderCell>{t('table.kind')}</Table.HeaderCell>
            <Table.HeaderCell>{t('table.description')}</Table.HeaderCell>
            <Table.HeaderCell>{t('table.rated')}</Table.HeaderCell>
          </Table.Row>
        </Table.Head>
        <Table.Body>
          {rows.map(({ node, depth }) => (
            <Table.Row key={node.id}>
              <Table.Cell className="tree-table__code">{node.code}</Table.Cell>
              <Table.Cell>
                <span
                  className="tree-table__name"
                  style={{ paddingInlineStart: `${(depth - 1) * 1.25}rem` }}
                >
                  {resolveText(node.name, locale)}
                  {node.group === 'foundational' && depth === 1 && (
                    <>
                      {' '}
                      <Tag data-color="neutral" data-size="sm">
                        {t('framework.foundationalTag')}
                      </Tag>
                    </>
                  )}
                </span>
              </Table.Cell>
              <Table.Cell>{t(`kinds.${node.kind}`)}</Table.Cell>
              <Table.Cell className="tree-table__description">
                {resolveText(node.description, locale)}
              </Table.Cell>
              <Table.Cell>
                {node.isRated ? (
                  t('table.ratedYes')
                ) : (
                  <span aria-label={t('table.ratedNo')}>–</span>
                )}
              </Table.Cell>
            </Table.Row>
          ))}
        </Table.Body>
      </Table>
    </div>
  );
}
