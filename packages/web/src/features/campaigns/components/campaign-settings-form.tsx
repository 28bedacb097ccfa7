import { Alert, Button, Paragraph } from '@digdir/designsystemet-react';
import { changeableFields, resolveText, type Campaign, type CampaignSettings } from '@evne/core';
import { useEffect, useRef, useState, type SubmitEvent } from 'react';
import { useTranslation } from 'react-i18next';
import { Link as RouterLink, useBlocker, useNavigate } from 'react-router-dom';
import { useAnnounce } from '../../../components/announcer';
import { ConfirmDialog } from '../../../components/confirm-dialog';
import { LocalizedTextFields } from '../../../components/localized-text-fields';
import { formatList } from '../../../lib/format';
import { useLocale } from '../../../lib/i18n';
import { INTL_LOCALE } from '../../../lib/locale';
import { sameJson } from '../../../lib/localized-text';
import { useFrameworkVersion } from '../../frameworks/use-frameworks';
import {
  changesFromDraft,
  draftProblems,
  settingsFromDraft,
  type CampaignDraft,
  type CampaignField,
  type DraftProblem,
} from '../campaign-form';
import { campaignProblemMessage, locatedProblems } from '../campaign-problems';
import { useCreateCampaign, useUpdateCampaign } from '../use-campaigns';
import { AudienceFields } from './audience-fields';
import { CompetencePicker } from './competence-picker';
import { fieldDomId, FormErrorSummary, type SummaryItem } from './form-error-summary';
import { AnonymityField, LanguagesField, ModesField } from './options-fields';
import { SettingsSummary } from './settings-summary';
import { VersionSelect } from './version-select';
import { WindowFields } from './window-fields';

interface CampaignSettingsFormProps {
  /** The saved campaign when editing; a new campaign otherwise. */
  campaign?: Campaign | undefined;
  initial: CampaignDraft;
}

const SETTING_ORDER: readonly (keyof CampaignSettings)[] = [
  'name',
  'frameworkVersionId',
  'nodeIds',
  'audience',
  'opensAt',
  'closesAt',
  'modes',
  'languages',
  'anonymity',
];

/** Every setting of a campaign; in a scheduled or open campaign only what may still change. */
export function CampaignSettingsForm({ campaign, initial }: CampaignSettingsFormProps) {
  const { t } = useTranslation();
  const locale = useLocale();
  const announce = useAnnounce();
  const navigate = useNavigate();
  const create = useCreateCampaign();
  const update = useUpdateCampaign(campaign?.id ?? '');
  const mutation = campaign ? update : create;
  const [draft, setDraft] = useState<CampaignDraft>(initial);
  const [clientProblems, setClientProblems] = useState<
    Partial<Record<CampaignField, DraftProblem>>
  >({});
  const [attempt, setAttempt] = useState(0);
  const saved = useRef(false);
  const version = useFrameworkVersion(draft.frameworkVersionId || undefined);
  const editable = changeableFields(campaign?.status ?? 'draft');
  const can = (setting: keyof CampaignSettings) => editable.has(setting);
  const locked = SETTING_ORDER.filter((setting) => !can(setting));
  const windowFields = (['opensAt', 'closesAt'] as const).filter(can);

  const serverProblems = locatedProblems(mutation.error, t);
  const errorOf = (field: CampaignField): string | undefined => {
    const own = clientProblems[field];
    if (own !== undefined) {
      return t(`campaigns.form.problems.${own}`);
    }
    const messages = serverProblems.filter((item) => item.field === field);
    return messages.length > 0 ? messages.map((item) => item.message).join(' ') : undefined;
  };

  const summaryItems: SummaryItem[] = Object.entries(clientProblems).map(([field, problem]) => ({
    field: field as CampaignField,
    message: t(`campaigns.form.problems.${problem}`),
  }));
  const hasClientProblems = summaryItems.length > 0;
  const showSummary = hasClientProblems || mutation.isError;

  const isDirty = !sameJson(draft, initial);
  const blocker = useBlocker(
    ({ currentLocation, nextLocation }) =>
      isDirty && !saved.current && currentLocation.pathname !== nextLocation.pathname,
  );
  useEffect(() => {
    if (!isDirty) {
      return undefined;
    }
    const warn = (event: BeforeUnloadEvent) => event.preventDefault();
    window.addEventListener('beforeunload', warn);
    return () => window.removeEventListener('beforeunload', warn);
  }, [isDirty]);

  const change = (next: Partial<CampaignDraft>) => setDraft((current) => ({ ...current, ...next }));

  const done = (next: Campaign, message: string) => {
    saved.current = true;
    announce(message);
    void navigate(`/campaigns/${next.id}`);
  };

  const onSubmit = (event: SubmitEvent<HTMLFormElement>) => {
    event.preventDefault();
    const problems = draftProblems(draft, editable);
    setClientProblems(problems);
    setAttempt((count) => count + 1);
    if (Object.keys(problems).length > 0) {
      mutation.reset();
      return;
    }
    if (campaign) {
      const changes = changesFromDraft(draft, campaign);
      if (Object.keys(changes).length === 0) {
        done(campaign, t('campaigns.form.unchanged'));
        return;
      }
      update.mutate(changes, {
        onSuccess: (next) =>
          done(next, t('campaigns.form.saved', { name: resolveText(next.name, locale) })),
      });
    } else {
      create.mutate(settingsFromDraft(draft), {
        onSuccess: (next) =>
          done(next, t('campaigns.form.created', { name: resolveText(next.name, locale) })),
      });
    }
  };

  const changeableNames = SETTING_ORDER.filter((field) => editable.has(field)).map((field) =>
    t(`campaigns.settingNames.${field}`),
  );

  return (
    <form className="campaign-form" onSubmit={onSubmit} noValidate>
      {campaign && campaign.status !== 'draft' && (
        <Alert data-color="info" className="campaign-form__note">
          <Paragraph>
            {t('campaigns.form.lockedNote', {
              status: t(`campaigns.statuses.${campaign.status}`).toLocaleLowerCase(
                INTL_LOCALE[locale],
              ),
              fields: formatList(changeableNames, locale),
            })}
          </Paragraph>
        </Alert>
      )}
      {showSummary && (
        <FormErrorSummary
          key={attempt}
          heading={t('campaigns.form.summaryHeading')}
          intro={hasClientProblems ? undefined : campaignProblemMessage(mutation.error, t)}
          items={hasClientProblems ? summaryItems : serverProblems}
        />
      )}

      {can('name') && (
        <div id={fieldDomId('name')} className="campaign-form__group">
          <LocalizedTextFields
            legend={t('campaigns.form.name')}
            description={t('campaigns.form.nameHelp')}
            value={draft.name}
            onChange={(name) => change({ name })}
            error={errorOf('name')}
          />
        </div>
      )}
      {can('frameworkVersionId') && (
        <VersionSelect
          value={draft.frameworkVersionId}
          onChange={(frameworkVersionId) =>
            change({ frameworkVersionId, allCompetences: true, nodeIds: [] })
          }
          error={errorOf('frameworkVersionId')}
        />
      )}
      {can('nodeIds') && (
        <CompetencePicker
          version={draft.frameworkVersionId === '' ? undefined : version.data}
          isLoading={draft.frameworkVersionId !== '' && version.isPending}
          allCompetences={draft.allCompetences}
          nodeIds={draft.nodeIds}
          onChange={change}
          error={errorOf('nodeIds')}
        />
      )}
      {can('audience') && <AudienceFields value={draft} onChange={change} errorOf={errorOf} />}
      {windowFields.length > 0 && (
        <WindowFields
          values={draft}
          fields={windowFields}
          onChange={(field, value) => change({ [field]: value })}
          errorOf={errorOf}
        />
      )}
      {can('modes') && (
        <ModesField
          value={draft.modes}
          onChange={(modes) => change({ modes })}
          error={errorOf('modes')}
        />
      )}
      {can('languages') && (
        <LanguagesField
          value={draft.languages}
          onChange={(languages) => change({ languages })}
          error={errorOf('languages')}
        />
      )}
      {can('anonymity') && (
        <AnonymityField
          value={draft.anonymity}
          onChange={(anonymity) => change({ anonymity })}
          error={errorOf('anonymity')}
        />
      )}
      {campaign && locked.length > 0 && (
        <div className="campaign-form__group">
          <SettingsSummary
            campaign={campaign}
            fields={locked}
            heading={t('campaigns.form.lockedHeading')}
            headingLevel={2}
            plain
          />
        </div>
      )}

      <div className="button-row">
        <Button type="submit" loading={mutation.isPending} aria-disabled={mutation.isPending}>
          {campaign ? t('campaigns.form.save') : t('campaigns.form.create')}
        </Button>
        <Button asChild variant="secondary">
          <RouterLink to={campaign ? `/campaigns/${campaign.id}` : '/campaigns'}>
            {t('common.cancel')}
          </RouterLink>
        </Button>
      </div>

      <ConfirmDialog
        open={blocker.state === 'blocked'}
        title={t('campaigns.form.leaveTitle')}
        body={t('campaigns.form.leaveBody')}
        confirmLabel={t('campaigns.form.leave')}
        danger
        onConfirm={() => blocker.proceed?.()}
        onClose={() => blocker.reset?.()}
      />
    </form>
  );
}
