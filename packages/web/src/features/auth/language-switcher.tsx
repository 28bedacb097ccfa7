import { Field, Label, Select } from '@digdir/designsystemet-react';
import { LOCALES, type Locale } from '@evne/core';
import { useId } from 'react';
import { useTranslation } from 'react-i18next';
import { useAnnounce } from '../../components/announcer';
import { applyLocale, useLocale } from '../../lib/i18n';
import { isLocale, markLocaleChosen } from '../../lib/locale';
import { useSaveLocale, useSession } from './use-session';

/** Each language is named in itself, so that a reader can find their own in any UI language. */
const OWN_NAMES: Record<Locale, string> = { da: 'Dansk', nb: 'Norsk bokmål', en: 'English' };

/** A labelled language select; the choice is stored locally and, when signed in, on the server. */
export function LanguageSwitcher() {
  const { t } = useTranslation();
  const locale = useLocale();
  const id = useId();
  const { data: session } = useSession();
  const saveLocale = useSaveLocale();
  const announce = useAnnounce();

  const change = async (next: Locale) => {
    markLocaleChosen();
    await applyLocale(next);
    announce(t('language.changed', { language: OWN_NAMES[next] }));
    if (session) {
      saveLocale.mutate(next);
    }
  };

  return (
    <Field className="language-switcher" data-size="sm">
      <Label htmlFor={id}>{t('language.label')}</Label>
      <Select
        id={id}
        width="auto"
        value={locale}
        onChange={(event) => {
          const next = event.target.value;
          if (isLocale(next)) {
            void change(next);
          }
        }}
      >
        {LOCALES.map((option) => (
          <Select.Option key={option} value={option} lang={option}>
            {OWN_NAMES[option]}
          </Select.Option>
        ))}
      </Select>
    </Field>
  );
}
