import { Button, Paragraph } from '@digdir/designsystemet-react';
import { useTranslation } from 'react-i18next';
import { Navigate, Link as RouterLink } from 'react-router-dom';
import { LoadingState } from '../../components/loading-state';
import { PageHeading } from '../../components/page-heading';
import { useLocale } from '../../lib/i18n';
import { useCurrentSession } from '../auth/use-session';
import { ManagersOnly } from './components/managers-only';
import { OverviewProblemAlert } from './components/overview-problem-alert';
import './overview.css';
import { useOverviewCampaigns } from './use-overview';

function NewestCampaign() {
  const { t } = useTranslation();
  const locale = useLocale();
  const session = useCurrentSession();
  const campaigns = useOverviewCampaigns(locale);
  if (campaigns.isPending) {
    return <LoadingState />;
  }
  if (campaigns.isError) {
    return (
      <>
        <PageHeading title={t('overview.title')} />
        <OverviewProblemAlert error={campaigns.error} />
      </>
    );
  }
  const newest = [...campaigns.data].sort((a, b) => b.opensAt.localeCompare(a.opensAt))[0];
  if (newest) {
    return <Navigate to={`/overview/${newest.id}`} replace />;
  }
  return (
    <>
      <PageHeading title={t('overview.title')} />
      <Paragraph className="lead">{t('overview.noCampaigns')}</Paragraph>
      {session.role === 'admin' && (
        <Button asChild variant="secondary">
          <RouterLink to="/campaigns">{t('overview.toCampaigns')}</RouterLink>
        </Button>
      )}
    </>
  );
}

/** `/overview`: straight to the newest campaign that has opened. */
export function OverviewIndexPage() {
  return (
    <ManagersOnly>
      <NewestCampaign />
    </ManagersOnly>
  );
}
