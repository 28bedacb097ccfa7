import { Field, Label, Select, Switch, Textfield } from '@digdir/designsystemet-react';
import {
  LOCALES,
  UpdatePersonInputSchema,
  type PersonDetail,
  type UpdatePersonInput,
} from '@evne/core';
import { useId, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { useAnnounce } from '../../../components/announcer';
import { FormDialog } from '../../../components/form-dialog';
import { isLocale } from '../../../lib/locale';
import { useUpdatePerson } from '../use-organisation';
import { PersonPicker, type PickedPerson } from './person-picker';
import { UnitSelect } from './unit-select';

interface Draft {
  name: string;
  email: string;
  jobTitle: string;
  unitId: string;
  manager: PickedPerson | null;
  locale: string;
  isActive: boolean;
}

function draftOf(person: PersonDetail): Draft {
  return {
    name: person.name,
    email: person.email ?? '',
    jobTitle: person.jobTitle ?? '',
    unitId: person.unit?.id ?? '',
    manager: person.manager,
    locale: person.locale ?? '',
    isActive: person.isActive,
  };
}

/** Only what changed, in the contract's shape (empty text clears a field). */
function personChanges(person: PersonDetail, draft: Draft): UpdatePersonInput {
  const before = draftOf(person);
  const changes: UpdatePersonInput = {};
  if (draft.name.trim() !== before.name) {
    changes.name = draft.name.trim();
  }
  if (draft.email.trim() !== before.email) {
    changes.email = draft.email.trim() === '' ? null : draft.email.trim();
  }
  if (draft.jobTitle.trim() !== before.jobTitle) {
    changes.jobTitle = draft.jobTitle.trim() === '' ? null : draft.jobTitle.trim();
  }
  if (draft.unitId !== before.unitId) {
    changes.unitId = draft.unitId === '' ? null : draft.unitId;
  }
  if ((draft.manager?.id ?? null) !== (before.manager?.id ?? null)) {
    changes.managerId = draft.manager?.id ?? null;
  }
  if (draft.locale !== before.locale) {
    changes.locale = isLocale(draft.locale) ? draft.locale : null;
  }
  if (draft.isActive !== before.isActive) {
    changes.isActive = draft.isActive;
  }
  return changes;
}

/** An admin changes a person's fields; the contract's own schema checks them first. */
export function PersonEditDialog({
  person,
  onClose,
}: {
  person: PersonDetail;
  onClose: () => void;
}) {
  const { t } = useTranslation();
  const announce = useAnnounce();
  const update = useUpdatePerson(person.id);
  const localeId = useId();
  const [draft, setDraft] = useState<Draft>(() => draftOf(person));
  const [errors, setErrors] = useState<{ name?: string; email?: string }>({});
  const set = <K extends keyof Draft>(key: K, value: Draft[K]) =>
    setDraft((current) => ({ ...current, [key]: value }));

  const onSubmit = () => {
    const changes = personChanges(person, draft);
    const parsed = UpdatePersonInputSchema.safeParse(changes);
    if (!parsed.success) {
      const fields = new Set(parsed.error.issues.map((issue) => issue.path[0]));
      setErrors({
        ...(fields.has('name') ? { name: t('person.edit.nameMissing') } : {}),
        ...(fields.has('email') ? { email: t('person.edit.emailInvalid') } : {}),
      });
      return;
    }
    setErrors({});
    if (Object.keys(parsed.data).length === 0) {
      onClose();
      return;
    }
    update.mutate(parsed.data, {
      onSuccess: (next) => {
        announce(t('person.edit.saved', { name: next.name }));
        onClose();
      },
    });
  };

  return (
    <FormDialog
      title={t('person.edit.title', { name: person.name })}
      onClose={onClose}
      onSubmit={onSubmit}
      submitLabel={t('common.save')}
      isPending={update.isPending}
      error={update.error}
      wide
    >
      <Textfield
        label={t('person.fields.name')}
        value={draft.name}
        onChange={(event) => set('name', event.target.value)}
        error={errors.name}
        autoComplete="off"
      />
      <Textfield
        label={t('person.fields.email')}
        type="email"
        value={draft.email}
        onChange={(event) => set('email', event.target.value)}
        error={errors.email}
        autoComplete="off"
      />
      <Textfield
        label={t('person.fields.jobTitle')}
        value={draft.jobTitle}
        onChange={(event) => set('jobTitle', event.target.value)}
        autoComplete="off"
      />
      <UnitSelect
        label={t('person.fields.unit')}
        value={draft.unitId}
        onChange={(value) => set('unitId', value)}
        emptyLabel={t('person.edit.noUnit')}
      />
      <PersonPicker
        legend={t('person.fields.manager')}
        value={draft.manager}
        onChange={(value) => set('manager', value)}
        noneLabel={t('person.edit.noManager')}
        excludeId={person.id}
      />
      <Field>
        <Label htmlFor={localeId}>{t('person.fields.language')}</Label>
        <Select
          id={localeId}
          value={draft.locale}
          onChange={(event) => set('locale', event.target.value)}
        >
          <Select.Option value="">{t('person.edit.noLanguage')}</Select.Option>
          {LOCALES.map((option) => (
            <Select.Option key={option} value={option}>
              {t(`languages.${option}`)}
            </Select.Option>
          ))}
        </Select>
      </Field>
      <Switch
        label={t('person.edit.active')}
        description={t('person.edit.activeHelp')}
        checked={draft.isActive}
        onChange={(event) => set('isActive', event.target.checked)}
      />
    </FormDialog>
  );
}
