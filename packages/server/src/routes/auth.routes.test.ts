import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { buildOrganisation, buildSignedInUser, TEST_PASSWORD } from '../../test/factories.js';
import { buildTestApp, type TestApp } from '../../test/test-app.js';

let t: TestApp;
beforeAll(async () => {
  t = await buildTestApp();
});
afterAll(async () => {
  await t.close();
});

describe('sign-in', () => {
  it('refuses API calls without a session with problem+json 401', async () => {
    const response = await t.app.inject({ method: 'GET', url: '/api/v1/frameworks' });
    expect(response.statusCode).toBe(401);
    expect(response.headers['content-type']).toContain('application/problem+json');
    expect(response.json()).toMatchObject({
      status: 401,
      code: 'unauthenticated',
      title: 'Unauthenticated',
    });
    expect(response.json().requestId).toBeTruthy();
  });

  it('rejects a wrong password and an unknown email alike', async () => {
    const { email } = await buildSignedInUser(t);
    for (const payload of [
      { email, password: 'wrong password!' },
      { email: 'nobody@example.org', password: TEST_PASSWORD },
    ]) {
      const response = await t.app.inject({ method: 'POST', url: '/api/v1/auth/login', payload });
      expect(response.statusCode).toBe(401);
      expect(response.json().code).toBe('invalid_credentials');
    }
  });

  it('reports a malformed body with the field that is wrong', async () => {
    const response = await t.app.inject({
      method: 'POST',
      url: '/api/v1/auth/login',
      payload: { email: 'not-an-email' },
    });
    expect(response.statusCode).toBe(400);
    const body = response.json();
    expect(body.code).toBe('invalid_request');
    expect(body.issues.map((issue: { path: string }) => issue.path).join(' ')).toMatch(
      /email|password/,
    );
  });

  it('sets an httpOnly SameSite session cookie and returns the session', async () => {
    const { email } = await buildSignedInUser(t, { role: 'manager' });
    const response = await t.app.inject({
      method: 'POST',
      url: '/api/v1/auth/login',
      payload: { email, password: TEST_PASSWORD },
    });
    expect(response.statusCode).toBe(200);
    const cookie = response.cookies.find((c) => c.name === 'evne_session');
    expect(cookie).toMatchObject({ httpOnly: true, sameSite: 'Lax', path: '/' });
    expect(response.json()).toMatchObject({ role: 'manager', user: { email } });
    expect(response.json().csrfToken).toHaveLength(43);
  });

  it('stores only a hash of the session id', async () => {
    const { client } = await buildSignedInUser(t);
    const raw = client.cookie.split('=')[1] ?? '';
    const rows = await t.database.db.selectFrom('sessions').select('id_hash').execute();
    expect(rows.some((row) => row.id_hash === raw)).toBe(false);
    expect(rows.every((row) => /^[0-9a-f]{64}$/.test(row.id_hash))).toBe(true);
  });
});

describe('CSRF protection', () => {
  it('refuses a change without the CSRF token, and with a wrong one', async () => {
    const { client } = await buildSignedInUser(t);
    for (const headers of [{ 'x-csrf-token': '' }, { 'x-csrf-token': 'x'.repeat(43) }]) {
      const response = await client.request(
        'PUT',
        '/api/v1/me/preferences',
        { locale: 'nb' },
        headers,
      );
      expect(response.statusCode).toBe(403);
      expect(response.json().code).toBe('csrf_token_invalid');
    }
  });

  it('accepts the change with the token, and remembers the language', async () => {
    const { client } = await buildSignedInUser(t);
    const response = await client.request('PUT', '/api/v1/me/preferences', { locale: 'nb' });
    expect(response.statusCode).toBe(200);
    const session = await client.get('/api/v1/auth/session');
    expect(session.json().user.locale).toBe('nb');
  });
});

describe('sign-out', () => {
  it('ends the session on the server', async () => {
    const { client } = await buildSignedInUser(t);
    expect((await client.get('/api/v1/auth/session')).statusCode).toBe(200);
    expect((await client.post('/api/v1/auth/logout')).statusCode).toBe(204);
    expect((await client.get('/api/v1/auth/session')).statusCode).toBe(401);
  });
});

describe('organisations', () => {
  it('signs a member of two organisations into the one asked for', async () => {
    const first = await buildSignedInUser(t);
    const second = await buildOrganisation(t);
    await t.services.auth.ensureUser({
      email: first.email,
      name: 'Test User',
      password: TEST_PASSWORD,
      organisationSlug: second.slug,
      role: 'employee',
    });
    const response = await t.app.inject({
      method: 'POST',
      url: '/api/v1/auth/login',
      payload: { email: first.email, password: TEST_PASSWORD, organisation: second.slug },
    });
    expect(response.json()).toMatchObject({
      organisation: { slug: second.slug },
      role: 'employee',
    });
  });
});

describe('API documentation', () => {
  it('serves the OpenAPI document with the framework endpoints', async () => {
    const response = await t.app.inject({ method: 'GET', url: '/api/docs/json' });
    expect(response.statusCode).toBe(200);
    const paths = Object.keys(response.json().paths);
    expect(paths).toContain('/api/v1/frameworks');
    expect(paths).toContain('/api/v1/framework-versions/{versionId}/nodes/{nodeId}');
  });
});

describe('password guessing', () => {
  it('slows down repeated failed sign-ins for one account with 429', async () => {
    const { email } = await buildSignedInUser(t);
    const statuses: number[] = [];
    for (let attempt = 0; attempt < 12; attempt += 1) {
      const response = await t.app.inject({
        method: 'POST',
        url: '/api/v1/auth/login',
        payload: { email, password: `guess ${attempt}` },
      });
      statuses.push(response.statusCode);
    }
    expect(statuses.slice(0, 9).every((status) => status === 401)).toBe(true);
    expect(statuses.at(-1)).toBe(429);
    const last = await t.app.inject({
      method: 'POST',
      url: '/api/v1/auth/login',
      payload: { email, password: TEST_PASSWORD },
    });
    expect(last.json()).toMatchObject({ status: 429, code: 'too_many_requests' });
  });
});
