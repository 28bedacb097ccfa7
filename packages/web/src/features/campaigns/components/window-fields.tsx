import { Fieldset, Textfield } from '@digdir/designsystemet-react';
import { useTranslation } from 'react-i18next';
import type { CampaignField } from '../campaign-form';
import { fieldDomId } from './form-error-summary';

type WindowField = Extract<CampaignField, 'opensAt' | 'closesAt'>;

/** Opening and closing time (datetime-local, the reader's time zone); only those that may change. */
export function WindowFields({
  values,
  fields,
  onChange,
  errorOf,
}: {
  values: Record<WindowField, string>;
  fields: readonly WindowField[];
  onChange: (field: WindowField, value: string) => void;
  errorOf: (field: CampaignField) => string | undefined;
}) {
  const { t } = useTranslation();
  return (
    <div className="campaign-form__group">
      <Fieldset>
        <Fieldset.Legend>{t('campaigns.form.window')}</Fieldset.Legend>
        <Fieldset.Description>
          {t('campaigns.form.windowHelp', {
            zone: Intl.DateTimeFormat().resolvedOptions().timeZone,
          })}
        </Fieldset.Description>
        <div className="form-row">
          {fields.map((field) => (
            <Textfield
              key={field}
              id={fieldDomId(field)}
              label={t(`campaigns.fields.${field}`)}
              type="datetime-local"
              value={values[field]}
              onChange={(event) => onChange(field, event.target.value)}
              error={errorOf(field)}
            />
          ))}
        </div>
      </Fieldset>
    </div>
  );
}
