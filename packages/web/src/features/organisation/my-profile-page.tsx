import { Alert, Paragraph } from '@digdir/designsystemet-react';
import { useTranslation } from 'react-i18next';
import { Navigate } from 'react-router-dom';
import { PageHeading } from '../../components/page-heading';
import { useCurrentSession } from '../auth/use-session';

/** "My profile": the signed-in user's own person page, when their account is linked to one. */
export function MyProfilePage() {
  const { t } = useTranslation();
  const session = useCurrentSession();
  if (session.personId !== null) {
    return <Navigate to={`/people/${session.personId}`} replace />;
  }
  return (
    <>
      <PageHeading title={t('myProfile.title')} />
      <Alert data-color="info">
        <Paragraph>{t('myProfile.notLinked')}</Paragraph>
      </Alert>
    </>
  );
}
