import { Tag } from '@digdir/designsystemet-react';
import type { NodeChange } from '@evne/core';
import { useTranslation } from 'react-i18next';

const COLOURS: Partial<Record<NodeChange, 'success' | 'warning' | 'info'>> = {
  added: 'success',
  hidden: 'warning',
};

/** What differs from the source framework, one tag per kind of change. */
export function ChangeTags({ changes }: { changes: readonly NodeChange[] }) {
  const { t } = useTranslation();
  if (changes.length === 0) {
    return null;
  }
  return (
    <span className="change-tags">
      <span className="visually-hidden">{t('changes.label')} </span>
      {changes.map((change) => (
        <Tag key={change} data-size="sm" data-color={COLOURS[change] ?? 'info'} variant="outline">
          {t(`changes.${change}`)}
        </Tag>
      ))}
    </span>
  );
}
