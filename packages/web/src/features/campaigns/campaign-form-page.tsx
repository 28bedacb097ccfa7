import { Alert, Link, Paragraph } from '@digdir/designsystemet-react';
import { organisationApi, resolveText, type Campaign } from '@evne/core';
import { useQueries } from '@tanstack/react-query';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Link as RouterLink, useParams } from 'react-router-dom';
import { LoadingState } from '../../components/loading-state';
import { PageHeading } from '../../components/page-heading';
import { callApi } from '../../lib/api-client';
import { useLocale } from '../../lib/i18n';
import { organisationKeys } from '../organisation/use-organisation';
import './campaigns.css';
import { draftFromCampaign, newDraft, type ChosenPerson } from './campaign-form';
import { AdminOnly } from './components/admin-only';
import { CampaignProblemAlert } from './components/campaign-problem-alert';
import { CampaignSettingsForm } from './components/campaign-settings-form';
import { useCampaign } from './use-campaigns';

function BackToList() {
  const { t } = useTranslation();
  return (
    <Paragraph data-size="sm" className="back-link">
      <Link asChild>
        <RouterLink to="/campaigns">{t('campaigns.backToList')}</RouterLink>
      </Link>
    </Paragraph>
  );
}

/** `/campaigns/new`: a draft campaign from scratch. */
export function NewCampaignPage() {
  const { t } = useTranslation();
  const [initial] = useState(() => newDraft(new Date()));
  return (
    <AdminOnly title={t('campaigns.form.newTitle')}>
      <div className="campaign-page">
        <BackToList />
        <PageHeading title={t('campaigns.form.newTitle')} />
        <Paragraph className="lead">{t('campaigns.form.newIntro')}</Paragraph>
        <CampaignSettingsForm initial={initial} />
      </div>
    </AdminOnly>
  );
}

/** The names of the people a campaign lists by hand (their person pages, cached as such). */
function useListedPeople(personIds: readonly string[]) {
  return useQueries({
    queries: personIds.map((personId) => ({
      queryKey: organisationKeys.person(personId),
      queryFn: ({ signal }: { signal: AbortSignal }) =>
        callApi(organisationApi.getPerson, { params: { personId }, signal }),
    })),
    combine: (results) => ({
      isPending: results.some((result) => result.isPending),
      people: results.flatMap((result): ChosenPerson[] =>
        result.data ? [{ id: result.data.id, name: result.data.name }] : [],
      ),
    }),
  });
}

function EditForm({ campaign }: { campaign: Campaign }) {
  const { t } = useTranslation();
  const locale = useLocale();
  const listed = useListedPeople(campaign.audience.personIds);
  const name = resolveText(campaign.name, locale);
  return (
    <div className="campaign-page">
      <Paragraph data-size="sm" className="back-link">
        <Link asChild>
          <RouterLink to={`/campaigns/${campaign.id}`}>
            {t('campaigns.backToCampaign', { name })}
          </RouterLink>
        </Link>
      </Paragraph>
      <PageHeading title={t('campaigns.form.editTitle', { name })} />
      {campaign.status === 'closed' ? (
        <Alert data-color="info">
          <Paragraph>{t('campaigns.form.closedNote')}</Paragraph>
        </Alert>
      ) : listed.isPending ? (
        <LoadingState />
      ) : (
        <CampaignSettingsForm
          key={campaign.id}
          campaign={campaign}
          initial={draftFromCampaign(campaign, listed.people)}
        />
      )}
    </div>
  );
}

/** `/campaigns/:campaignId/edit`: the settings a campaign's state still allows to change. */
export function EditCampaignPage() {
  const { t } = useTranslation();
  const { campaignId = '' } = useParams();
  const campaign = useCampaign(campaignId);
  return (
    <AdminOnly title={t('campaigns.title')}>
      {campaign.isPending ? (
        <LoadingState />
      ) : campaign.isError ? (
        <>
          <BackToList />
          <PageHeading title={t('campaigns.notFoundTitle')} />
          <CampaignProblemAlert error={campaign.error} />
        </>
      ) : (
        <EditForm campaign={campaign.data} />
      )}
    </AdminOnly>
  );
}
