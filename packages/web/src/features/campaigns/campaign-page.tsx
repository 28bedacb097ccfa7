import { Button, Link, Paragraph } from '@digdir/designsystemet-react';
import { resolveText, type Campaign } from '@evne/core';
import { useRef, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Link as RouterLink, useParams } from 'react-router-dom';
import { LoadingState } from '../../components/loading-state';
import { PageHeading } from '../../components/page-heading';
import { useLocale } from '../../lib/i18n';
import './campaigns.css';
import { AdminOnly } from './components/admin-only';
import { CampaignActions } from './components/campaign-actions';
import { CampaignProblemAlert } from './components/campaign-problem-alert';
import { CampaignStatusTag } from './components/campaign-status-tag';
import { MailRunResult, type MailOutcome } from './components/mail-run-result';
import { SettingsSummary } from './components/settings-summary';
import { StatusSection } from './components/status-section';
import { useCampaign } from './use-campaigns';

function CampaignView({ campaign }: { campaign: Campaign }) {
  const { t } = useTranslation();
  const locale = useLocale();
  // Each result is its own (keyed) panel, so that a new file is never taken as downloaded.
  const [outcome, setOutcome] = useState<{ id: number; value: MailOutcome } | null>(null);
  const name = resolveText(campaign.name, locale);
  const actionsHeading = useRef<HTMLHeadingElement>(null);
  const dismiss = () => {
    setOutcome(null);
    window.requestAnimationFrame(() => actionsHeading.current?.focus());
  };
  return (
    <div className="campaign-page">
      <Paragraph data-size="sm" className="back-link">
        <Link asChild>
          <RouterLink to="/campaigns">{t('campaigns.backToList')}</RouterLink>
        </Link>
      </Paragraph>
      <div className="page-header">
        <PageHeading title={name} />
        <Button asChild variant="secondary" data-size="sm">
          <RouterLink to={`/outbox?campaignId=${campaign.id}`}>
            {t('campaigns.openOutbox')}
          </RouterLink>
        </Button>
      </div>
      <div className="tag-row">
        <CampaignStatusTag status={campaign.status} size="md" />
      </div>
      <CampaignActions
        campaign={campaign}
        headingRef={actionsHeading}
        onOutcome={(value) => setOutcome((current) => ({ id: (current?.id ?? 0) + 1, value }))}
      />
      {outcome !== null && (
        <MailRunResult key={outcome.id} outcome={outcome.value} onDismiss={dismiss} />
      )}
      {campaign.status !== 'draft' && <StatusSection campaignId={campaign.id} />}
      <SettingsSummary campaign={campaign} heading={t('campaigns.summary.heading')} />
    </div>
  );
}

/** `/campaigns/:campaignId`: settings, lifecycle and mail actions, and the status per unit. */
export function CampaignPage() {
  const { t } = useTranslation();
  const { campaignId = '' } = useParams();
  const campaign = useCampaign(campaignId);
  return (
    <AdminOnly title={t('campaigns.title')}>
      {campaign.isPending ? (
        <LoadingState />
      ) : campaign.isError ? (
        <>
          <PageHeading title={t('campaigns.notFoundTitle')} />
          <CampaignProblemAlert error={campaign.error} />
        </>
      ) : (
        <CampaignView key={campaign.data.id} campaign={campaign.data} />
      )}
    </AdminOnly>
  );
}
