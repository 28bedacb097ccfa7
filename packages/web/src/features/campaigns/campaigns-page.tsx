import { Button, Link, Paragraph, Table } from '@digdir/designsystemet-react';
import { resolveText } from '@evne/core';
import { useTranslation } from 'react-i18next';
import { Link as RouterLink } from 'react-router-dom';
import { LoadingState } from '../../components/loading-state';
import { PageHeading } from '../../components/page-heading';
import { formatDate } from '../../lib/format';
import { useLocale } from '../../lib/i18n';
import './campaigns.css';
import { AdminOnly } from './components/admin-only';
import { CampaignProblemAlert } from './components/campaign-problem-alert';
import { CampaignStatusTag } from './components/campaign-status-tag';
import { useCampaigns } from './use-campaigns';

function CampaignList() {
  const { t } = useTranslation();
  const locale = useLocale();
  const campaigns = useCampaigns();
  const caption = t('campaigns.listCaption');
  if (campaigns.isPending) {
    return <LoadingState />;
  }
  if (campaigns.isError) {
    return <CampaignProblemAlert error={campaigns.error} />;
  }
  if (campaigns.data.length === 0) {
    return <Paragraph>{t('campaigns.empty')}</Paragraph>;
  }
  return (
    <div className="table-scroll ds-focus" role="region" aria-label={caption} tabIndex={0}>
      <Table className="campaigns-table">
        <caption className="visually-hidden">{caption}</caption>
        <Table.Head>
          <Table.Row>
            <Table.HeaderCell scope="col">{t('campaigns.columns.name')}</Table.HeaderCell>
            <Table.HeaderCell scope="col">{t('campaigns.columns.status')}</Table.HeaderCell>
            <Table.HeaderCell scope="col">{t('campaigns.columns.window')}</Table.HeaderCell>
            <Table.HeaderCell scope="col">{t('campaigns.columns.invited')}</Table.HeaderCell>
          </Table.Row>
        </Table.Head>
        <Table.Body>
          {campaigns.data.map((campaign) => (
            <Table.Row key={campaign.id}>
              <Table.Cell>
                <Link asChild>
                  <RouterLink to={`/campaigns/${campaign.id}`}>
                    {resolveText(campaign.name, locale)}
                  </RouterLink>
                </Link>
              </Table.Cell>
              <Table.Cell>
                <CampaignStatusTag status={campaign.status} />
              </Table.Cell>
              <Table.Cell>
                {t('campaigns.window', {
                  opens: formatDate(campaign.opensAt, locale),
                  closes: formatDate(campaign.closesAt, locale),
                })}
              </Table.Cell>
              <Table.Cell className="tabular">
                {campaign.status === 'draft'
                  ? t('campaigns.notInvitedYet')
                  : t('campaigns.invitedSent', {
                      count: campaign.counts.invited,
                      sent: campaign.counts.sent,
                    })}
              </Table.Cell>
            </Table.Row>
          ))}
        </Table.Body>
      </Table>
    </div>
  );
}

/** `/campaigns`: the organisation's mapping campaigns, newest first. */
export function CampaignsPage() {
  const { t } = useTranslation();
  return (
    <AdminOnly title={t('campaigns.title')}>
      <div className="page-header">
        <PageHeading title={t('campaigns.title')} />
        <div className="button-row">
          <Button asChild variant="secondary">
            <RouterLink to="/outbox">{t('campaigns.openOutbox')}</RouterLink>
          </Button>
          <Button asChild>
            <RouterLink to="/campaigns/new">{t('campaigns.new')}</RouterLink>
          </Button>
        </div>
      </div>
      <Paragraph className="lead">{t('campaigns.intro')}</Paragraph>
      <CampaignList />
    </AdminOnly>
  );
}
