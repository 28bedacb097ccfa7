import { Alert, Paragraph } from '@digdir/designsystemet-react';
import { useTranslation } from 'react-i18next';
import { Navigate } from 'react-router-dom';
import { LoadingState } from '../../components/loading-state';
import { PageHeading } from '../../components/page-heading';
import { ProblemAlert } from '../../components/problem-alert';
import { useOwnPerson } from './use-organisation';

/** "My profile": the signed-in user's own person page, when their account is linked to one. */
export function MyProfilePage() {
  const { t } = useTranslation();
  const self = useOwnPerson();
  if (self.isPending && self.fetchStatus !== 'idle') {
    return <LoadingState />;
  }
  if (self.isError) {
    return <ProblemAlert error={self.error} />;
  }
  if (self.data) {
    return <Navigate to={`/people/${self.data.id}`} replace />;
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
