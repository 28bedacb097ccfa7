import { MutationCache, QueryCache, QueryClient } from '@tanstack/react-query';
import { isApiError, setCsrfToken } from '../lib/api-client';
import { sessionQueryKey } from '../features/auth/use-session';

/** Retry only what may pass on a second try: network trouble and server errors. */
function shouldRetry(failureCount: number, error: unknown): boolean {
  if (isApiError(error) && error.status > 0 && error.status < 500) {
    return false;
  }
  return failureCount < 2;
}

/** A 401 anywhere means the session ended: forget it, and the route guard asks to sign in again. */
export function createQueryClient(): QueryClient {
  const onError = (error: unknown) => {
    if (isApiError(error) && error.status === 401) {
      setCsrfToken(undefined);
      queryClient.setQueryData(sessionQueryKey, null);
    }
  };
  const queryClient: QueryClient = new QueryClient({
    queryCache: new QueryCache({ onError }),
    mutationCache: new MutationCache({ onError }),
    defaultOptions: {
      queries: { retry: shouldRetry, staleTime: 30_000, refetchOnWindowFocus: false },
      mutations: { retry: false },
    },
  });
  return queryClient;
}
