import { useTranslation } from 'react-i18next';
import { Navigate, Outlet, useLocation } from 'react-router-dom';
import { LoadingState } from '../../components/loading-state';
import { ProblemAlert } from '../../components/problem-alert';
import { useSession } from './use-session';

/** Pages behind sign-in: waits for the session, else sends the reader to sign in and back. */
export function RequireAuth() {
  const { t } = useTranslation();
  const session = useSession();
  const location = useLocation();
  if (session.isPending) {
    return <LoadingState label={t('signIn.checking')} />;
  }
  if (session.isError) {
    return <ProblemAlert error={session.error} />;
  }
  if (!session.data) {
    const returnTo = `${location.pathname}${location.search}`;
    return <Navigate to={`/sign-in?returnTo=${encodeURIComponent(returnTo)}`} replace />;
  }
  return <Outlet />;
}
