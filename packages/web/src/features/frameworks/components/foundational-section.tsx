import { Heading, Paragraph } from '@digdir/designsystemet-react';
import { resolveText } from '@evne/core';
import { useId } from 'react';
import { useTranslation } from 'react-i18next';
import { useLocale } from '../../../lib/i18n';
import type { TreeItem } from '../framework-tree';

function NestedList({ items }: { items: readonly TreeItem[] }) {
  const locale = useLocale();
  if (items.length === 0) {
    return null;
  }
  return (
    <ul className="nested-list">
      {items.map((item) => (
        <li key={item.node.id}>
          <span className="nested-list__code">{item.node.code}</span>{' '}
          {resolveText(item.node.name, locale)}
          <NestedList items={item.children} />
        </li>
      ))}
    </ul>
  );
}

/** Groups that sit beside the wheel rather than on it (KL's "underlying competences"). */
export function FoundationalSection({ items }: { items: readonly TreeItem[] }) {
  const { t } = useTranslation();
  const locale = useLocale();
  const headingId = useId();
  if (items.length === 0) {
    return null;
  }
  return (
    <section className="foundational" aria-labelledby={headingId}>
      <Heading level={2} data-size="xs" id={headingId}>
        {t('framework.foundationalTitle')}
      </Heading>
      <Paragraph data-size="sm" className="muted">
        {t('framework.foundationalIntro')}
      </Paragraph>
      {items.map((item) => (
        <div key={item.node.id} className="foundational__group">
          <Heading level={3} data-size="2xs">
            {item.node.code} {resolveText(item.node.name, locale)}
          </Heading>
          {item.node.description && (
            <Paragraph data-size="sm">{resolveText(item.node.description, locale)}</Paragraph>
          )}
          <NestedList items={item.children} />
        </div>
      ))}
    </section>
  );
}
