import { authApi, frameworksApi } from '@evne/core';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { ApiError, callApi, setCsrfToken } from './api-client';

const VERSION_ID = '3f1c7b52-2f0e-4d5b-9a61-0c6f1e2d3a4b';
const NODE_ID = '9b2e4c1d-7a8f-4e3b-8c5d-1f2a3b4c5d6e';

function jsonResponse(status: number, body: unknown, contentType = 'application/json'): Response {
  return new Response(JSON.stringify(body), { status, headers: { 'content-type': contentType } });
}

const session = {
  user: { id: 'b5c0f6a2-1d3e-4f5a-8b9c-0d1e2f3a4b5c', email: 'a@b.dk', name: 'A', locale: null },
  organisation: {
    id: 'c6d1a7b3-2e4f-4a6b-9c0d-1e2f3a4b5c6d',
    slug: 'demo',
    name: 'Demo',
    anonymityThreshold: 5,
  },
  role: 'admin',
  personId: null,
  csrfToken: 'token-1',
};

afterEach(() => {
  vi.unstubAllGlobals();
  setCsrfToken(undefined);
});

describe('callApi', () => {
  it('fills the path, sends JSON with the CSRF token and parses the answer', async () => {
    const fetchMock = vi.fn<typeof fetch>().mockResolvedValue(jsonResponse(200, session));
    vi.stubGlobal('fetch', fetchMock);
    setCsrfToken('token-1');

    const result = await callApi(frameworksApi.updateNode, {
      params: { versionId: VERSION_ID, nodeId: NODE_ID },
      body: { hidden: true },
    }).catch((error: unknown) => error);

    const [url, init] = fetchMock.mock.calls[0] ?? [];
    expect(url).toBe(`/api/v1/framework-versions/${VERSION_ID}/nodes/${NODE_ID}`);
    expect(init?.method).toBe('PATCH');
    expect(init?.body).toBe(JSON.stringify({ hidden: true }));
    expect(init?.headers).toMatchObject({
      'content-type': 'application/json',
      'x-csrf-token': 'token-1',
    });
    // A session is not a framework version: the answer is checked against the contract.
    expect(result).toBeInstanceOf(ApiError);
    expect((result as ApiError).code).toBe('invalid_response');
  });

  it('sends no CSRF header on reads', async () => {
    const fetchMock = vi.fn<typeof fetch>().mockResolvedValue(jsonResponse(200, session));
    vi.stubGlobal('fetch', fetchMock);
    setCsrfToken('token-1');

    const result = await callApi(authApi.session, {});

    expect(result.organisation.name).toBe('Demo');
    expect(fetchMock.mock.calls[0]?.[1]?.headers).not.toHaveProperty('x-csrf-token');
  });

  it('throws an ApiError that carries the problem and every issue', async () => {
    const problem = {
      type: 'https://evne.dev/problems/framework_import_invalid',
      title: 'Unprocessable content',
      status: 422,
      code: 'framework_import_invalid',
      detail: 'The file was not imported: 2 problems found',
      issues: [
        {
          code: 'duplicate_code',
          message: 'Code "A" is used more than once',
          path: '$.nodes[1].code',
          params: { code: 'A' },
        },
        { code: 'invalid_json', message: 'Bad JSON', line: 3, column: '7' },
      ],
    };
    vi.stubGlobal(
      'fetch',
      vi
        .fn<typeof fetch>()
        .mockResolvedValue(jsonResponse(422, problem, 'application/problem+json')),
    );

    const error = await callApi(frameworksApi.import, {
      body: { format: 'json', content: '{}' },
    }).catch((caught: unknown) => caught);

    expect(error).toBeInstanceOf(ApiError);
    expect((error as ApiError).status).toBe(422);
    expect((error as ApiError).problem.issues).toHaveLength(2);
    expect((error as ApiError).code).toBe('framework_import_invalid');
  });

  it('returns nothing for 204 No Content', async () => {
    vi.stubGlobal(
      'fetch',
      vi.fn<typeof fetch>().mockResolvedValue(new Response(null, { status: 204 })),
    );
    await expect(callApi(authApi.logout, {})).resolves.toBeUndefined();
  });

  it('reports a network failure as a problem with code network_error', async () => {
    vi.stubGlobal(
      'fetch',
      vi.fn<typeof fetch>().mockRejectedValue(new TypeError('Failed to fetch')),
    );
    const error = await callApi(frameworksApi.list, {}).catch((caught: unknown) => caught);
    expect((error as ApiError).code).toBe('network_error');
  });

  it('renews the CSRF token once when the server refuses it, then retries', async () => {
    const fetchMock = vi
      .fn<typeof fetch>()
      .mockResolvedValueOnce(
        jsonResponse(403, {
          type: 'x',
          title: 'Forbidden',
          status: 403,
          code: 'csrf_token_invalid',
        }),
      )
      .mockResolvedValueOnce(jsonResponse(200, { ...session, csrfToken: 'token-2' }))
      .mockResolvedValueOnce(jsonResponse(200, { ...session, csrfToken: 'token-2' }));
    vi.stubGlobal('fetch', fetchMock);
    setCsrfToken('stale');

    await callApi(authApi.updatePreferences, { body: { locale: 'nb' } });

    expect(fetchMock).toHaveBeenCalledTimes(3);
    expect(fetchMock.mock.calls[2]?.[1]?.headers).toMatchObject({ 'x-csrf-token': 'token-2' });
  });
});
