import { respondApi, type Locale, type Questionnaire } from '@evne/core';
import { useQuery, useQueryClient } from '@tanstack/react-query';
import { useCallback, useEffect, useRef, useState } from 'react';
import { callApi, isApiError } from '../../lib/api-client';
import { applyChange, blankDraft, draftsFrom, toInput, type Draft } from './answers';

export const questionnaireKey = (token: string, locale: Locale | undefined) =>
  ['respond', token, locale ?? 'default'] as const;

/** The questionnaire behind a personal link; 4xx answers (404, 409, 410) are final, not retried. */
export function useQuestionnaire(token: string, locale: Locale | undefined) {
  return useQuery({
    queryKey: questionnaireKey(token, locale),
    queryFn: ({ signal }) =>
      callApi(respondApi.getQuestionnaire, {
        params: { token },
        query: locale === undefined ? {} : { locale },
        signal,
      }),
    retry: (count, error) =>
      count < 2 && (!isApiError(error) || error.status === 0 || error.status >= 500),
    staleTime: Number.POSITIVE_INFINITY,
    refetchOnWindowFocus: false,
    placeholderData: (previous) => previous,
  });
}

/** The signed-in person's assessments, each with a freshly issued link. */
export function useMyAssessments(locale: Locale) {
  return useQuery({
    queryKey: ['my-assessments', locale],
    queryFn: ({ signal }) => callApi(respondApi.listMyAssessments, { query: { locale }, signal }),
    // Listing issues new links, so it is fetched when the page opens and not in the background.
    staleTime: Number.POSITIVE_INFINITY,
    refetchOnWindowFocus: false,
    gcTime: 0,
  });
}

export type SaveState = 'idle' | 'pending' | 'saving' | 'saved' | 'retrying' | 'failed';

const DEBOUNCE_MS = 600;
const FIRST_RETRY_MS = 2000;
const MAX_RETRY_MS = 30_000;

function isTransient(error: unknown): boolean {
  return !isApiError(error) || error.status === 0 || error.status === 429 || error.status >= 500;
}

interface AutosaveOptions {
  token: string;
  locale: Locale | undefined;
  questionnaire: Questionnaire;
  /** Another device or tab saved in between (409 stale_revision). */
  onStale: () => void;
  /** The campaign stopped taking answers (409 campaign_closed / campaign_not_open). */
  onClosed: (error: unknown) => void;
}

/**
 * The answers on the page and their autosave: every change is kept locally at once and sent
 * (only what changed, with the last seen revision) after a short pause; network trouble is
 * retried with a growing pause, and nothing typed is dropped.
 */
export function useAutosave({ token, locale, questionnaire, onStale, onClosed }: AutosaveOptions) {
  const [drafts, setDrafts] = useState<Map<string, Draft>>(() => draftsFrom(questionnaire));
  const [state, setState] = useState<SaveState>('idle');
  const [error, setError] = useState<unknown>(null);
  const pending = useRef(new Map<string, Draft>());
  const revision = useRef(questionnaire.revision);
  const inFlight = useRef<Promise<void> | null>(null);
  const timer = useRef<number | undefined>(undefined);
  const retryDelay = useRef(FIRST_RETRY_MS);
  const latest = useRef({ token, locale, onStale, onClosed });
  const flushRef = useRef<() => Promise<void>>(async () => {});

  useEffect(() => {
    latest.current = { token, locale, onStale, onClosed };
  }, [token, locale, onStale, onClosed]);

  // A refetch (another language) may carry a newer revision than the last save knew.
  useEffect(() => {
    revision.current = Math.max(revision.current, questionnaire.revision);
  }, [questionnaire.revision]);

  const schedule = useCallback((delay: number) => {
    window.clearTimeout(timer.current);
    timer.current = window.setTimeout(() => void flushRef.current(), delay);
  }, []);

  const flush = useCallback(async (): Promise<void> => {
    window.clearTimeout(timer.current);
    if (inFlight.current) {
      await inFlight.current;
    }
    if (pending.current.size === 0) {
      return;
    }
    const batch = [...pending.current.values()];
    pending.current.clear();
    setState('saving');
    const run = (async () => {
      try {
        const saved = await callApi(respondApi.saveAnswers, {
          params: { token: latest.current.token },
          body: { ratings: batch.map(toInput), revision: revision.current },
        });
        revision.current = saved.revision;
        retryDelay.current = FIRST_RETRY_MS;
        setError(null);
        if (pending.current.size === 0) {
          setState('saved');
        } else {
          setState('pending');
          schedule(DEBOUNCE_MS);
        }
      } catch (caught) {
        // Put the unsent answers back unless they changed again meanwhile.
        for (const draft of batch) {
          if (!pending.current.has(draft.nodeId)) {
            pending.current.set(draft.nodeId, draft);
          }
        }
        if (isApiError(caught) && caught.code === 'stale_revision') {
          pending.current.clear();
          setState('idle');
          latest.current.onStale();
        } else if (
          isApiError(caught) &&
          (caught.code === 'campaign_closed' || caught.code === 'campaign_not_open')
        ) {
          setState('failed');
          setError(caught);
          latest.current.onClosed(caught);
        } else if (isTransient(caught)) {
          setState('retrying');
          setError(caught);
          schedule(retryDelay.current);
          retryDelay.current = Math.min(retryDelay.current * 2, MAX_RETRY_MS);
        } else {
          setState('failed');
          setError(caught);
        }
      }
    })();
    inFlight.current = run;
    await run;
    inFlight.current = null;
  }, [schedule]);

  useEffect(() => {
    flushRef.current = flush;
  }, [flush]);

  const change = useCallback(
    (nodeId: string, update: Partial<Omit<Draft, 'nodeId'>>) => {
      setDrafts((current) => {
        const next = new Map(current);
        const draft = applyChange(current.get(nodeId) ?? blankDraft(nodeId), update);
        next.set(nodeId, draft);
        pending.current.set(nodeId, draft);
        return next;
      });
      setState((current) => (current === 'saving' ? current : 'pending'));
      schedule(DEBOUNCE_MS);
    },
    [schedule],
  );

  /** Starts over from the server's answers (after a stale save or a reload). */
  const reset = useCallback((fresh: Questionnaire) => {
    window.clearTimeout(timer.current);
    pending.current.clear();
    revision.current = fresh.revision;
    setDrafts(draftsFrom(fresh));
    setState('idle');
    setError(null);
  }, []);

  /** Hands the unsent answers to the caller (submit sends them itself). */
  const takePending = useCallback(async () => {
    window.clearTimeout(timer.current);
    if (inFlight.current) {
      await inFlight.current;
    }
    const batch = [...pending.current.values()].map(toInput);
    pending.current.clear();
    return batch;
  }, []);

  const restorePending = useCallback((batch: readonly Draft[]) => {
    for (const draft of batch) {
      if (!pending.current.has(draft.nodeId)) {
        pending.current.set(draft.nodeId, draft);
      }
    }
  }, []);

  const markSaved = useCallback((next: number) => {
    revision.current = next;
    setState('saved');
    setError(null);
  }, []);

  // Leaving with unsent answers: send them now and ask the browser to warn.
  useEffect(() => {
    const onHide = () => {
      if (document.visibilityState === 'hidden' && pending.current.size > 0) {
        void flushRef.current();
      }
    };
    const onBeforeUnload = (event: BeforeUnloadEvent) => {
      if (pending.current.size > 0 || inFlight.current) {
        void flushRef.current();
        event.preventDefault();
      }
    };
    document.addEventListener('visibilitychange', onHide);
    window.addEventListener('beforeunload', onBeforeUnload);
    return () => {
      document.removeEventListener('visibilitychange', onHide);
      window.removeEventListener('beforeunload', onBeforeUnload);
      window.clearTimeout(timer.current);
    };
  }, []);

  return {
    drafts,
    state,
    error,
    change,
    flush,
    reset,
    takePending,
    restorePending,
    markSaved,
  };
}

/** Sets the cached questionnaire (e.g. the submit answer) for the language in use. */
export function useSetQuestionnaire(token: string, locale: Locale | undefined) {
  const queryClient = useQueryClient();
  return useCallback(
    (questionnaire: Questionnaire) =>
      queryClient.setQueryData(questionnaireKey(token, locale), questionnaire),
    [queryClient, token, locale],
  );
}
