import { authApi, type Locale, type LoginInput, type Session } from '@evne/core';
import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { callApi, isApiError, setCsrfToken } from '../../lib/api-client';

export const sessionQueryKey = ['session'] as const;

/** The signed-in session, or null when nobody is signed in (401 is an answer here, not an error). */
export function useSession() {
  return useQuery<Session | null>({
    queryKey: sessionQueryKey,
    queryFn: async ({ signal }) => {
      try {
        const session = await callApi(authApi.session, { signal });
        setCsrfToken(session.csrfToken);
        return session;
      } catch (error) {
        if (isApiError(error) && error.status === 401) {
          setCsrfToken(undefined);
          return null;
        }
        throw error;
      }
    },
    staleTime: 5 * 60_000,
    retry: false,
  });
}

/** The session inside pages behind sign-in (RequireAuth guarantees it is there). */
export function useCurrentSession(): Session {
  const { data } = useSession();
  if (!data) {
    throw new Error('useCurrentSession is used outside a signed-in route');
  }
  return data;
}

export function useSignIn() {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: (input: LoginInput) => callApi(authApi.login, { body: input }),
    onSuccess: (session) => {
      setCsrfToken(session.csrfToken);
      queryClient.setQueryData(sessionQueryKey, session);
    },
  });
}

export function useSignOut() {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: () => callApi(authApi.logout, {}),
    onSettled: () => {
      setCsrfToken(undefined);
      queryClient.removeQueries({ predicate: (query) => query.queryKey[0] !== sessionQueryKey[0] });
      queryClient.setQueryData(sessionQueryKey, null);
    },
  });
}

/** Remembers the language on the server for the signed-in user. */
export function useSaveLocale() {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: (locale: Locale) => callApi(authApi.updatePreferences, { body: { locale } }),
    onSuccess: (session) => {
      setCsrfToken(session.csrfToken);
      queryClient.setQueryData(sessionQueryKey, session);
    },
  });
}
