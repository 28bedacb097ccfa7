import { Field, Label, Select, ValidationMessage } from '@digdir/designsystemet-react';
import { resolveText } from '@evne/core';
import { useMemo } from 'react';
import { useTranslation } from 'react-i18next';
import { useLocale } from '../../../lib/i18n';
import { useFrameworks } from '../../frameworks/use-frameworks';
import { fieldDomId } from './form-error-summary';

/** The published framework versions, grouped by framework, newest first. */
export function VersionSelect({
  value,
  onChange,
  error,
}: {
  value: string;
  onChange: (versionId: string) => void;
  error: string | undefined;
}) {
  const { t } = useTranslation();
  const locale = useLocale();
  const frameworks = useFrameworks();
  const groups = useMemo(
    () =>
      (frameworks.data ?? [])
        .map((framework) => ({
          framework,
          versions: framework.versions.filter((item) => item.status === 'published'),
        }))
        .filter((group) => group.versions.length > 0),
    [frameworks.data],
  );
  return (
    <Field className="campaign-form__group">
      <Label htmlFor={fieldDomId('frameworkVersionId')}>{t('campaigns.form.version')}</Label>
      <Field.Description>{t('campaigns.form.versionHelp')}</Field.Description>
      <Select
        id={fieldDomId('frameworkVersionId')}
        value={value}
        onChange={(event) => onChange(event.target.value)}
        disabled={frameworks.isPending}
        aria-invalid={error !== undefined}
      >
        <Select.Option value="" disabled>
          {t('campaigns.form.chooseVersion')}
        </Select.Option>
        {groups.map(({ framework, versions }) => (
          <Select.Optgroup key={framework.id} label={resolveText(framework.name, locale)}>
            {[...versions].reverse().map((item) => (
              <Select.Option key={item.id} value={item.id}>
                {t('campaigns.form.versionOption', {
                  name: resolveText(framework.name, locale),
                  number: item.number,
                })}
              </Select.Option>
            ))}
          </Select.Optgroup>
        ))}
      </Select>
      {error !== undefined && <ValidationMessage>{error}</ValidationMessage>}
    </Field>
  );
}
