import { Field, Label, Select } from '@digdir/designsystemet-react';
import type { VersionSummary } from '@evne/core';
import { useId } from 'react';
import { useTranslation } from 'react-i18next';
import { formatDate } from '../../../lib/format';
import { useLocale } from '../../../lib/i18n';

interface VersionPickerProps {
  versions: readonly VersionSummary[];
  value: string;
  onChange: (versionId: string) => void;
}

/** Chooses which version to read; earlier versions stay readable. */
export function VersionPicker({ versions, value, onChange }: VersionPickerProps) {
  const { t } = useTranslation();
  const locale = useLocale();
  const id = useId();
  return (
    <Field className="version-picker">
      <Label htmlFor={id}>{t('framework.version')}</Label>
      <Select id={id} width="auto" value={value} onChange={(event) => onChange(event.target.value)}>
        {[...versions].reverse().map((version) => (
          <Select.Option key={version.id} value={version.id}>
            {version.publishedAt !== null
              ? t('framework.versionPublished', {
                  number: version.number,
                  date: formatDate(version.publishedAt, locale),
                })
              : t('framework.versionDraft', { number: version.number })}
          </Select.Option>
        ))}
      </Select>
    </Field>
  );
}
