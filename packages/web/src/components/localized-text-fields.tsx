import { Fieldset, Textfield, ValidationMessage } from '@digdir/designsystemet-react';
import { LOCALES } from '@evne/core';
import { useTranslation } from 'react-i18next';
import type { LocalizedDraft } from '../lib/localized-text';

interface LocalizedTextFieldsProps {
  legend: string;
  description?: string;
  value: LocalizedDraft;
  onChange: (value: LocalizedDraft) => void;
  multiline?: boolean;
  error?: string | undefined;
}

/** One text field per language (da, nb, en) for a text that exists in several languages. */
export function LocalizedTextFields({
  legend,
  description,
  value,
  onChange,
  multiline = false,
  error,
}: LocalizedTextFieldsProps) {
  const { t } = useTranslation();
  return (
    <Fieldset className="localized-fields">
      <Fieldset.Legend>{legend}</Fieldset.Legend>
      {description !== undefined && <Fieldset.Description>{description}</Fieldset.Description>}
      {LOCALES.map((locale) => {
        const common = {
          label: t(`languages.${locale}`),
          lang: locale,
          value: value[locale],
        };
        return multiline ? (
          <Textfield
            key={locale}
            {...common}
            multiline
            rows={3}
            onChange={(event) => onChange({ ...value, [locale]: event.target.value })}
          />
        ) : (
          <Textfield
            key={locale}
            {...common}
            onChange={(event) => onChange({ ...value, [locale]: event.target.value })}
          />
        );
      })}
      {error !== undefined && <ValidationMessage>{error}</ValidationMessage>}
    </Fieldset>
  );
}
