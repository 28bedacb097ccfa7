import {
  authApi,
  buildPath,
  ProblemSchema,
  type BodyOf,
  type Endpoint,
  type ParamsOf,
  type Problem,
  type QueryOf,
  type ResponseOf,
} from '@evne/core';

/** A failed API call, carrying the server's RFC 9457 problem (or one made up for network failures). */
export class ApiError extends Error {
  readonly status: number;
  readonly problem: Problem;

  constructor(status: number, problem: Problem) {
    super(problem.detail ?? problem.title);
    this.name = 'ApiError';
    this.status = status;
    this.problem = problem;
  }

  get code(): string {
    return this.problem.code;
  }
}

export function isApiError(error: unknown): error is ApiError {
  return error instanceof ApiError;
}

type IsNever<T> = [T] extends [never] ? true : false;

/** Params, query and body, each required exactly when the endpoint declares it. */
export type CallInput<E> = (IsNever<ParamsOf<E>> extends true
  ? { params?: undefined }
  : { params: ParamsOf<E> }) &
  (IsNever<QueryOf<E>> extends true ? { query?: undefined } : { query?: QueryOf<E> }) &
  (IsNever<BodyOf<E>> extends true ? { body?: undefined } : { body: BodyOf<E> }) & {
    signal?: AbortSignal;
  };

export type CallResult<E> = IsNever<ResponseOf<E>> extends true ? undefined : ResponseOf<E>;

const SAFE_METHODS = new Set(['GET', 'HEAD', 'OPTIONS']);

let csrfToken: string | undefined;

/** The session's CSRF token, sent back on every change (the session itself is an httpOnly cookie). */
export function setCsrfToken(token: string | undefined): void {
  csrfToken = token;
}

function toQueryString(query: unknown): string {
  if (query === undefined || query === null || typeof query !== 'object') {
    return '';
  }
  const search = new URLSearchParams();
  for (const [key, value] of Object.entries(query)) {
    if (value !== undefined && value !== null) {
      search.set(key, String(value));
    }
  }
  const text = search.toString();
  return text === '' ? '' : `?${text}`;
}

function localProblem(status: number, code: string, detail: string): Problem {
  return { type: 'about:blank', title: 'Error', status, code, detail };
}

async function readProblem(response: Response): Promise<Problem> {
  const fallback: Problem = {
    type: 'about:blank',
    title: response.statusText || 'Error',
    status: response.status,
    code: response.status === 401 ? 'unauthenticated' : 'http_error',
  };
  try {
    const parsed = ProblemSchema.safeParse(await response.json());
    return parsed.success ? parsed.data : fallback;
  } catch {
    return fallback;
  }
}

async function send(
  endpoint: Endpoint,
  url: string,
  body: unknown,
  signal: AbortSignal | undefined,
): Promise<Response> {
  const headers: Record<string, string> = { accept: 'application/json' };
  if (body !== undefined) {
    headers['content-type'] = 'application/json';
  }
  if (!SAFE_METHODS.has(endpoint.method) && csrfToken !== undefined) {
    headers['x-csrf-token'] = csrfToken;
  }
  try {
    return await fetch(url, {
      method: endpoint.method,
      headers,
      credentials: 'same-origin',
      ...(body !== undefined ? { body: JSON.stringify(body) } : {}),
      ...(signal !== undefined ? { signal } : {}),
    });
  } catch (error) {
    if (error instanceof DOMException && error.name === 'AbortError') {
      throw error;
    }
    throw new ApiError(
      0,
      localProblem(0, 'network_error', error instanceof Error ? error.message : String(error)),
    );
  }
}

/** Re-reads the session's CSRF token, e.g. after the session was renewed in another tab. */
async function refreshCsrfToken(): Promise<boolean> {
  const response = await send(authApi.session, authApi.session.path, undefined, undefined);
  if (!response.ok) {
    return false;
  }
  const session = authApi.session.response?.safeParse(await response.json());
  if (!session?.success) {
    return false;
  }
  setCsrfToken(session.data.csrfToken);
  return true;
}

/** Sends one call (one retry with a fresh CSRF token if the session was renewed elsewhere). */
async function exchange(
  endpoint: Endpoint,
  input: { params?: unknown; query?: unknown; body?: unknown; signal?: AbortSignal | undefined },
): Promise<Response> {
  const params = input.params as Record<string, string> | undefined;
  const url = buildPath(endpoint.path, params) + toQueryString(input.query);
  let response = await send(endpoint, url, input.body, input.signal);
  if (response.status === 403 && !SAFE_METHODS.has(endpoint.method)) {
    const problem = await readProblem(response.clone());
    if (problem.code === 'csrf_token_invalid' && (await refreshCsrfToken())) {
      response = await send(endpoint, url, input.body, input.signal);
    }
  }
  if (!response.ok) {
    throw new ApiError(response.status, await readProblem(response));
  }
  return response;
}

/**
 * Calls an endpoint that answers text (e.g. a CSV download) rather than JSON: the same path,
 * CSRF and error handling as `callApi`, returning the text and the response headers.
 */
export async function callApiText<E extends Endpoint>(
  endpoint: E,
  input: CallInput<E>,
): Promise<{ text: string; headers: Headers }> {
  const response = await exchange(endpoint, input);
  return { text: await response.text(), headers: response.headers };
}

/**
 * Calls one endpoint of the HTTP contract in `@evne/core`: fills the path, sends JSON with the
 * CSRF header, and parses the answer with the endpoint's response schema. Throws `ApiError`.
 */
export async function callApi<E extends Endpoint>(
  endpoint: E,
  input: CallInput<E>,
): Promise<CallResult<E>> {
  const response = await exchange(endpoint, input);
  if (endpoint.response === null || response.status === 204) {
    return undefined as CallResult<E>;
  }
  const json: unknown = await response.json();
  const parsed = endpoint.response.safeParse(json);
  if (!parsed.success) {
    throw new ApiError(
      response.status,
      localProblem(
        response.status,
        'invalid_response',
        `The server's answer did not match the contract for ${endpoint.method} ${endpoint.path}`,
      ),
    );
  }
  return parsed.data as CallResult<E>;
}
