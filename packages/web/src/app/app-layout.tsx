import { Button, SkipLink } from '@digdir/designsystemet-react';
import type { Role } from '@evne/core';
import { useTranslation } from 'react-i18next';
import { Link, NavLink, Outlet, useNavigate } from 'react-router-dom';
import { LanguageSwitcher } from '../features/auth/language-switcher';
import { LocaleSync } from '../features/auth/locale-sync';
import { useSession, useSignOut } from '../features/auth/use-session';
import { useAnnounce } from '../components/announcer';
import { ErrorBoundary } from './error-boundary';

const NAV_ITEMS = [
  { to: '/assessments', label: 'nav.assessments', roles: ['admin', 'manager', 'employee'] },
  { to: '/frameworks', label: 'nav.frameworks', roles: ['admin', 'manager', 'employee'] },
  { to: '/role-profiles', label: 'nav.roleProfiles', roles: ['admin', 'manager', 'employee'] },
  { to: '/organisation', label: 'nav.organisation', roles: ['admin', 'manager'] },
  { to: '/people', label: 'nav.people', roles: ['admin', 'manager'] },
  { to: '/campaigns', label: 'nav.campaigns', roles: ['admin'] },
  { to: '/overview', label: 'overview.nav', roles: ['admin', 'manager'] },
] as const satisfies readonly { to: string; label: string; roles: readonly Role[] }[];

/** The menu for a role. */
function navItems(role: Role) {
  return NAV_ITEMS.filter((item) => (item.roles as readonly Role[]).includes(role));
}

/** "My profile": straight to the user's own person page once it is known. */
function OwnProfileNavItem() {
  const { t } = useTranslation();
  const { data: session } = useSession();
  const personId = session?.personId ?? null;
  return (
    <li>
      <NavLink
        to={personId !== null ? `/people/${personId}` : '/me'}
        className="app-nav__link ds-focus"
      >
        {t('nav.myProfile')}
      </NavLink>
    </li>
  );
}

/** The shell: skip link, header (product, organisation, navigation, language, sign-out) and main. */
export function AppLayout() {
  const { t } = useTranslation();
  const { data: session } = useSession();
  const signOut = useSignOut();
  const navigate = useNavigate();
  const announce = useAnnounce();

  const onSignOut = () => {
    signOut.mutate(undefined, {
      onSettled: () => {
        announce(t('signIn.signedOut'));
        void navigate('/sign-in', { replace: true });
      },
    });
  };

  return (
    <>
      <SkipLink href="#main-content">{t('app.skipToMain')}</SkipLink>
      <LocaleSync />
      <header className="app-header">
        <div className="app-header__inner">
          <div className="app-brand">
            <Link to={session ? '/frameworks' : '/sign-in'} className="app-brand__name ds-focus">
              {t('app.name')}
            </Link>
            {session && <span className="app-brand__org">{session.organisation.name}</span>}
          </div>
          {session && (
            <nav className="app-nav" aria-label={t('nav.label')}>
              <ul>
                {navItems(session.role).map((item) => (
                  <li key={item.to}>
                    <NavLink to={item.to} className="app-nav__link ds-focus">
                      {t(item.label)}
                    </NavLink>
                  </li>
                ))}
                {session.role !== 'admin' && <OwnProfileNavItem />}
              </ul>
            </nav>
          )}
          <div className="app-header__tools">
            <LanguageSwitcher />
            {session && (
              <div className="app-user">
                <span className="app-user__name">{session.user.name}</span>
                <Button
                  variant="secondary"
                  data-size="sm"
                  onClick={onSignOut}
                  loading={signOut.isPending}
                >
                  {t('signIn.signOut')}
                </Button>
              </div>
            )}
          </div>
        </div>
      </header>
      <main id="main-content" className="app-main" tabIndex={-1}>
        <ErrorBoundary>
          <Outlet />
        </ErrorBoundary>
      </main>
    </>
  );
}
