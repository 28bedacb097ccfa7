import { Field, Label, Select, ValidationMessage } from '@digdir/designsystemet-react';
import { resolveText } from '@evne/core';
import { useId, useMemo, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { useNavigate } from 'react-router-dom';
import { useAnnounce } from '../../../components/announcer';
import { FormDialog } from '../../../components/form-dialog';
import { LocalizedTextFields } from '../../../components/localized-text-fields';
import { useLocale } from '../../../lib/i18n';
import { textFromDraft, type LocalizedDraft } from '../../../lib/localized-text';
import { useFrameworks } from '../../frameworks/use-frameworks';
import { useCreateRoleProfile, useRoleProfiles } from '../use-role-profiles';

const EMPTY: LocalizedDraft = { da: '', nb: '', en: '' };

/** A new role profile on a published framework version, optionally with another's targets. */
export function CreateProfileDialog({
  onClose,
  copyFrom,
}: {
  onClose: () => void;
  /** Start from this profile (its version is then fixed). */
  copyFrom?: { id: string; versionId: string } | undefined;
}) {
  const { t } = useTranslation();
  const locale = useLocale();
  const announce = useAnnounce();
  const navigate = useNavigate();
  const frameworks = useFrameworks();
  const profiles = useRoleProfiles();
  const create = useCreateRoleProfile();
  const versionSelectId = useId();
  const copySelectId = useId();

  const groups = useMemo(
    () =>
      (frameworks.data ?? [])
        .map((framework) => ({
          framework,
          versions: framework.versions.filter((version) => version.status === 'published'),
        }))
        .filter((group) => group.versions.length > 0),
    [frameworks.data],
  );
  const firstVersion = groups[0]?.versions.at(-1)?.id ?? '';
  const [versionId, setVersionId] = useState(copyFrom?.versionId ?? '');
  const chosenVersion = versionId === '' ? firstVersion : versionId;
  const [copyFromId, setCopyFromId] = useState(copyFrom?.id ?? '');
  const [name, setName] = useState<LocalizedDraft>(EMPTY);
  const [description, setDescription] = useState<LocalizedDraft>(EMPTY);
  const [errors, setErrors] = useState<{ name?: string; version?: string }>({});

  const sameVersion = (profiles.data ?? []).filter(
    (profile) => profile.frameworkVersion.id === chosenVersion,
  );

  const onSubmit = () => {
    const localizedName = textFromDraft(name);
    const nextErrors = {
      ...(localizedName === null ? { name: t('roleProfiles.create.nameMissing') } : {}),
      ...(chosenVersion === '' ? { version: t('roleProfiles.create.versionMissing') } : {}),
    };
    setErrors(nextErrors);
    if (localizedName === null || chosenVersion === '') {
      return;
    }
    const copy = sameVersion.some((profile) => profile.id === copyFromId) ? copyFromId : '';
    create.mutate(
      {
        frameworkVersionId: chosenVersion,
        name: localizedName,
        description: textFromDraft(description),
        ...(copy !== '' ? { copyFromProfileId: copy } : {}),
      },
      {
        onSuccess: (profile) => {
          announce(t('roleProfiles.create.done', { name: resolveText(profile.name, locale) }));
          onClose();
          void navigate(`/role-profiles/${profile.id}`);
        },
      },
    );
  };

  return (
    <FormDialog
      title={t('roleProfiles.create.title')}
      onClose={onClose}
      onSubmit={onSubmit}
      submitLabel={t('roleProfiles.create.submit')}
      isPending={create.isPending}
      error={create.error}
      wide
    >
      <Field>
        <Label htmlFor={versionSelectId}>{t('roleProfiles.create.version')}</Label>
        <Field.Description>{t('roleProfiles.create.versionHelp')}</Field.Description>
        <Select
          id={versionSelectId}
          value={chosenVersion}
          onChange={(event) => {
            setVersionId(event.target.value);
            setCopyFromId('');
          }}
          disabled={frameworks.isPending || copyFrom !== undefined}
          aria-invalid={errors.version !== undefined}
        >
          {groups.map(({ framework, versions }) => (
            <Select.Optgroup key={framework.id} label={resolveText(framework.name, locale)}>
              {[...versions].reverse().map((version) => (
                <Select.Option key={version.id} value={version.id}>
                  {t('roleProfiles.create.versionOption', {
                    name: resolveText(framework.name, locale),
                    number: version.number,
                  })}
                </Select.Option>
              ))}
            </Select.Optgroup>
          ))}
        </Select>
        {errors.version !== undefined && <ValidationMessage>{errors.version}</ValidationMessage>}
      </Field>
      <LocalizedTextFields
        legend={t('roleProfiles.fields.name')}
        description={t('roleProfiles.fields.nameHelp')}
        value={name}
        onChange={setName}
        error={errors.name}
      />
      <LocalizedTextFields
        legend={t('roleProfiles.fields.description')}
        value={description}
        onChange={setDescription}
        multiline
      />
      <Field>
        <Label htmlFor={copySelectId}>{t('roleProfiles.create.copyFrom')}</Label>
        <Field.Description>{t('roleProfiles.create.copyFromHelp')}</Field.Description>
        <Select
          id={copySelectId}
          value={copyFromId}
          onChange={(event) => setCopyFromId(event.target.value)}
          disabled={sameVersion.length === 0}
        >
          <Select.Option value="">{t('roleProfiles.create.noCopy')}</Select.Option>
          {sameVersion.map((profile) => (
            <Select.Option key={profile.id} value={profile.id}>
              {resolveText(profile.name, locale)}
            </Select.Option>
          ))}
        </Select>
      </Field>
    </FormDialog>
  );
}
