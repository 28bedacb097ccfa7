import { Alert, Paragraph } from '@digdir/designsystemet-react';
import type { ReactNode } from 'react';
import { useTranslation } from 'react-i18next';
import { PageHeading } from '../../../components/page-heading';
import { useCurrentSession } from '../../auth/use-session';

/** The overview is for admins and managers; others get a heading and a short explanation. */
export function ManagersOnly({ children }: { children: ReactNode }) {
  const { t } = useTranslation();
  const session = useCurrentSession();
  if (session.role !== 'admin' && session.role !== 'manager') {
    return (
      <>
        <PageHeading title={t('overview.title')} />
        <Alert data-color="warning">
          <Paragraph>{t('overview.managersOnly')}</Paragraph>
        </Alert>
      </>
    );
  }
  return <>{children}</>;
}
