import { useEffect, useRef } from 'react';
import { applyLocale, useLocale } from '../../lib/i18n';
import { wasLocaleChosenThisVisit } from '../../lib/locale';
import { useSaveLocale, useSession } from './use-session';

/**
 * Once per signed-in user: their stored language wins, unless they just picked one (on the
 * sign-in page), which is then remembered on the server instead.
 */
export function LocaleSync() {
  const { data: session } = useSession();
  const locale = useLocale();
  const saveLocale = useSaveLocale();
  const syncedFor = useRef<string | null>(null);

  useEffect(() => {
    if (!session || syncedFor.current === session.user.id) {
      return;
    }
    syncedFor.current = session.user.id;
    const stored = session.user.locale;
    if (wasLocaleChosenThisVisit()) {
      if (stored !== locale) {
        saveLocale.mutate(locale);
      }
    } else if (stored !== null && stored !== locale) {
      void applyLocale(stored);
    }
  }, [session, locale, saveLocale]);

  return null;
}
