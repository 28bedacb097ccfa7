import type { RoleProfile } from '@evne/core';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { useAnnounce } from '../../../components/announcer';
import { FormDialog } from '../../../components/form-dialog';
import { LocalizedTextFields } from '../../../components/localized-text-fields';
import { draftFromText, textFromDraft, type LocalizedDraft } from '../../../lib/localized-text';
import { useUpdateRoleProfile } from '../use-role-profiles';

/** Renames a profile and changes its description, in every language. */
export function ProfileDetailsDialog({
  profile,
  onClose,
}: {
  profile: RoleProfile;
  onClose: () => void;
}) {
  const { t } = useTranslation();
  const announce = useAnnounce();
  const update = useUpdateRoleProfile(profile.id);
  const [name, setName] = useState<LocalizedDraft>(() => draftFromText(profile.name));
  const [description, setDescription] = useState<LocalizedDraft>(() =>
    draftFromText(profile.description),
  );
  const [nameError, setNameError] = useState<string | undefined>(undefined);

  const onSubmit = () => {
    const localizedName = textFromDraft(name);
    if (localizedName === null) {
      setNameError(t('roleProfiles.create.nameMissing'));
      return;
    }
    setNameError(undefined);
    update.mutate(
      { name: localizedName, description: textFromDraft(description) },
      {
        onSuccess: () => {
          announce(t('roleProfiles.details.saved'));
          onClose();
        },
      },
    );
  };

  return (
    <FormDialog
      title={t('roleProfiles.details.title')}
      onClose={onClose}
      onSubmit={onSubmit}
      submitLabel={t('common.save')}
      isPending={update.isPending}
      error={update.error}
      wide
    >
      <LocalizedTextFields
        legend={t('roleProfiles.fields.name')}
        value={name}
        onChange={setName}
        error={nameError}
      />
      <LocalizedTextFields
        legend={t('roleProfiles.fields.description')}
        value={description}
        onChange={setDescription}
        multiline
      />
    </FormDialog>
  );
}
