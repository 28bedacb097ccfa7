import { Alert, Paragraph } from '@digdir/designsystemet-react';
import type { ReactNode } from 'react';
import { useTranslation } from 'react-i18next';
import { PageHeading } from '../../../components/page-heading';
import { useCurrentSession } from '../../auth/use-session';

/** Campaign pages are for organisation admins; others get a heading and a short explanation. */
export function AdminOnly({ title, children }: { title: string; children: ReactNode }) {
  const { t } = useTranslation();
  const session = useCurrentSession();
  if (session.role !== 'admin') {
    return (
      <>
        <PageHeading title={title} />
        <Alert data-color="warning">
          <Paragraph>{t('problems.admin_only')}</Paragraph>
        </Alert>
      </>
    );
  }
  return <>{children}</>;
}
