import { Checkbox, Fieldset, Radio, ValidationMessage } from '@digdir/designsystemet-react';
import { LOCALES, type Anonymity, type CampaignMode, type Locale } from '@evne/core';
import { useId } from 'react';
import { useTranslation } from 'react-i18next';
import { ANONYMITY_OPTIONS, MODES } from '../campaign-form';
import { fieldDomId } from './form-error-summary';

function toggled<T extends string>(
  values: readonly T[],
  value: T,
  checked: boolean,
  order: readonly T[],
) {
  const next = new Set(values);
  if (checked) {
    next.add(value);
  } else {
    next.delete(value);
  }
  return order.filter((item) => next.has(item));
}

interface ChoiceProps<T> {
  value: T;
  onChange: (value: T) => void;
  error: string | undefined;
}

/** Self-assessment and/or the manager's assessment of their direct reports. */
export function ModesField({ value, onChange, error }: ChoiceProps<CampaignMode[]>) {
  const { t } = useTranslation();
  return (
    <div className="campaign-form__group">
      <Fieldset id={fieldDomId('modes')}>
        <Fieldset.Legend>{t('campaigns.form.modes')}</Fieldset.Legend>
        {MODES.map((mode) => (
          <Checkbox
            key={mode}
            value={mode}
            label={t(`campaigns.modes.${mode}`)}
            description={t(`campaigns.modeHelp.${mode}`)}
            checked={value.includes(mode)}
            onChange={(event) => onChange(toggled(value, mode, event.target.checked, MODES))}
          />
        ))}
        {error !== undefined && <ValidationMessage>{error}</ValidationMessage>}
      </Fieldset>
    </div>
  );
}

/** The languages the questionnaire and the mails are offered in. */
export function LanguagesField({ value, onChange, error }: ChoiceProps<Locale[]>) {
  const { t } = useTranslation();
  return (
    <div className="campaign-form__group">
      <Fieldset id={fieldDomId('languages')}>
        <Fieldset.Legend>{t('campaigns.form.languages')}</Fieldset.Legend>
        <Fieldset.Description>{t('campaigns.form.languagesHelp')}</Fieldset.Description>
        <div className="inline-choices">
          {LOCALES.map((locale) => (
            <Checkbox
              key={locale}
              value={locale}
              label={t(`languages.${locale}`)}
              checked={value.includes(locale)}
              onChange={(event) => onChange(toggled(value, locale, event.target.checked, LOCALES))}
            />
          ))}
        </div>
        {error !== undefined && <ValidationMessage>{error}</ValidationMessage>}
      </Fieldset>
    </div>
  );
}

/** Identified, confidential or anonymous, each with what it means for the people asked. */
export function AnonymityField({ value, onChange, error }: ChoiceProps<Anonymity>) {
  const { t } = useTranslation();
  const name = useId();
  return (
    <div className="campaign-form__group">
      <Fieldset id={fieldDomId('anonymity')}>
        <Fieldset.Legend>{t('campaigns.form.anonymity')}</Fieldset.Legend>
        {ANONYMITY_OPTIONS.map((option) => (
          <Radio
            key={option}
            name={name}
            value={option}
            label={t(`campaigns.anonymity.${option}`)}
            description={t(`campaigns.anonymityHelp.${option}`)}
            checked={value === option}
            onChange={() => onChange(option)}
          />
        ))}
        {error !== undefined && <ValidationMessage>{error}</ValidationMessage>}
      </Fieldset>
    </div>
  );
}
