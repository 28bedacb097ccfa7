import { Checkbox, Fieldset, Paragraph, ValidationMessage } from '@digdir/designsystemet-react';
import { resolveText } from '@evne/core';
import { useTranslation } from 'react-i18next';
import { useLocale } from '../../../lib/i18n';
import { useRoleProfiles } from '../../role-profiles/use-role-profiles';
import type { CampaignDraft, CampaignField } from '../campaign-form';
import { fieldDomId } from './form-error-summary';
import { PeopleAudiencePicker } from './people-audience-picker';
import { UnitAudiencePicker } from './unit-audience-picker';

type AudienceDraft = Pick<CampaignDraft, 'unitIds' | 'includeSubunits' | 'profileIds' | 'people'>;

interface AudienceFieldsProps {
  value: AudienceDraft;
  onChange: (value: AudienceDraft) => void;
  errorOf: (field: CampaignField) => string | undefined;
}

/** Who is asked: units (with sub-units or not), role profiles and people listed by name. */
export function AudienceFields({ value, onChange, errorOf }: AudienceFieldsProps) {
  const { t } = useTranslation();
  const locale = useLocale();
  const profiles = useRoleProfiles();
  const chosenProfiles = new Set(value.profileIds);
  const error = errorOf('audience');

  const toggleProfile = (profileId: string, checked: boolean) => {
    const next = new Set(chosenProfiles);
    if (checked) {
      next.add(profileId);
    } else {
      next.delete(profileId);
    }
    onChange({
      ...value,
      profileIds: (profiles.data ?? []).map((item) => item.id).filter((id) => next.has(id)),
    });
  };

  return (
    <div className="campaign-form__group">
      <Fieldset id={fieldDomId('audience')}>
        <Fieldset.Legend>{t('campaigns.form.audience')}</Fieldset.Legend>
        <Fieldset.Description>{t('campaigns.form.audienceHelp')}</Fieldset.Description>
        {error !== undefined && <ValidationMessage>{error}</ValidationMessage>}
        <UnitAudiencePicker
          unitIds={value.unitIds}
          includeSubunits={value.includeSubunits}
          onChange={(units) => onChange({ ...value, ...units })}
          error={errorOf('unitIds')}
        />
        <div className="campaign-form__subgroup">
          <Fieldset id={fieldDomId('profileIds')}>
            <Fieldset.Legend>{t('campaigns.form.profiles')}</Fieldset.Legend>
            <Fieldset.Description>{t('campaigns.form.profilesHelp')}</Fieldset.Description>
            {(profiles.data ?? []).length === 0 && (
              <Paragraph data-size="sm" className="muted">
                {profiles.isPending ? t('common.loading') : t('campaigns.form.noProfiles')}
              </Paragraph>
            )}
            {(profiles.data ?? []).map((profile) => (
              <Checkbox
                key={profile.id}
                value={profile.id}
                label={resolveText(profile.name, locale)}
                description={t('campaigns.form.profilePeople', { count: profile.peopleCount })}
                checked={chosenProfiles.has(profile.id)}
                onChange={(event) => toggleProfile(profile.id, event.target.checked)}
              />
            ))}
            {errorOf('profileIds') !== undefined && (
              <ValidationMessage>{errorOf('profileIds')}</ValidationMessage>
            )}
          </Fieldset>
        </div>
        <PeopleAudiencePicker
          people={value.people}
          onChange={(people) => onChange({ ...value, people })}
          error={errorOf('personIds')}
        />
      </Fieldset>
    </div>
  );
}
