import { Paragraph, Spinner } from '@digdir/designsystemet-react';
import { useTranslation } from 'react-i18next';

/** A spinner with a visible, translated "Loading…" line. */
export function LoadingState({ label }: { label?: string }) {
  const { t } = useTranslation();
  const text = label ?? t('common.loading');
  return (
    <div className="loading-state" role="status">
      <Spinner aria-hidden="true" data-size="md" />
      <Paragraph>{text}</Paragraph>
    </div>
  );
}
