import { Tag } from '@digdir/designsystemet-react';
import { resolveText, type FrameworkSummary, type VersionStatus } from '@evne/core';
import { useTranslation } from 'react-i18next';
import { useLocale } from '../../../lib/i18n';

/** Where a framework comes from: shipped with Evne, or the organisation's own (perhaps adapted). */
export function OriginTag({ framework }: { framework: FrameworkSummary }) {
  const { t } = useTranslation();
  const locale = useLocale();
  if (framework.isShipped) {
    return <Tag data-color="info">{t('framework.origin.shipped')}</Tag>;
  }
  if (framework.derivedFrom) {
    return (
      <Tag data-color="brand1">
        {t('framework.origin.adaptedFrom', {
          name: resolveText(framework.derivedFrom.name, locale),
        })}
      </Tag>
    );
  }
  return <Tag data-color="brand1">{t('framework.origin.own')}</Tag>;
}

export function StatusTag({ status }: { status: VersionStatus }) {
  const { t } = useTranslation();
  return status === 'published' ? (
    <Tag data-color="success">{t('framework.status.published')}</Tag>
  ) : (
    <Tag data-color="warning">{t('framework.status.draft')}</Tag>
  );
}
