import { Field, Label, Select, SkipLink } from '@digdir/designsystemet-react';
import { LOCALES, type Locale } from '@evne/core';
import { useId, type ReactNode } from 'react';
import { useTranslation } from 'react-i18next';
import { useLocale } from '../../lib/i18n';
import { isLocale } from '../../lib/locale';

/** Each language is named in itself, so that a reader can find their own in any UI language. */
const OWN_NAMES: Record<Locale, string> = { da: 'Dansk', nb: 'Norsk bokmål', en: 'English' };

interface RespondShellProps {
  /** The languages on offer (the campaign's); every supported one when unknown. */
  languages?: readonly Locale[];
  onLocaleChange: (locale: Locale) => void;
  children: ReactNode;
}

/** The public layout of a personal link: product name, language and one main landmark. */
export function RespondShell({ languages = LOCALES, onLocaleChange, children }: RespondShellProps) {
  const { t } = useTranslation();
  const locale = useLocale();
  const id = useId();
  return (
    <>
      <SkipLink href="#main-content">{t('app.skipToMain')}</SkipLink>
      <header className="app-header respond-header">
        <div className="app-header__inner respond-header__inner">
          <div className="app-brand">
            <span className="app-brand__name">{t('app.name')}</span>
          </div>
          {languages.length > 1 && (
            <Field className="language-switcher" data-size="sm">
              <Label htmlFor={id}>{t('language.label')}</Label>
              <Select
                id={id}
                width="auto"
                value={locale}
                onChange={(event) => {
                  const next = event.target.value;
                  if (isLocale(next)) {
                    onLocaleChange(next);
                  }
                }}
              >
                {languages.map((option) => (
                  <Select.Option key={option} value={option} lang={option}>
                    {OWN_NAMES[option]}
                  </Select.Option>
                ))}
              </Select>
            </Field>
          )}
        </div>
      </header>
      <main id="main-content" className="app-main respond-main" tabIndex={-1}>
        {children}
      </main>
    </>
  );
}
