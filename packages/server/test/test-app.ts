import { randomBytes } from 'node:crypto';
import type { FastifyInstance, LightMyRequestResponse } from 'fastify';
import pg from 'pg';
import { inject } from 'vitest';
import { buildApp, type Services } from '../src/app.js';
import type { Clock } from '../src/adapters/clock.js';
import { loadConfig } from '../src/config/config.js';
import { openDatabase, type DatabaseHandle } from '../src/db/connect.js';
import { migrate } from '../src/db/migrate.js';

declare module 'vitest' {
  export interface ProvidedContext {
    postgresUrl: string;
  }
}

export type TestEngine = 'pglite' | 'postgres';

export function testEngine(): TestEngine {
  return process.env.EVNE_TEST_DB === 'postgres' ? 'postgres' : 'pglite';
}

/** A fresh, migrated database: in-memory PGlite, or a new database in the run's PostgreSQL cluster. */
/** A new, empty database in the run's PostgreSQL cluster; `drop` removes it. */
async function createPostgresDatabase(): Promise<{ url: string; drop(): Promise<void> }> {
  const base = inject('postgresUrl');
  const name = `evne_test_${randomBytes(6).toString('hex')}`;
  const admin = new pg.Client({ connectionString: base });
  await admin.connect();
  await admin.query(`create database ${name}`);
  await admin.end();
  const url = new URL(base);
  url.pathname = `/${name}`;
  return {
    url: url.toString(),
    async drop() {
      const cleanup = new pg.Client({ connectionString: base });
      await cleanup.connect();
      await cleanup.query(`drop database if exists ${name} with (force)`);
      await cleanup.end();
    },
  };
}

/** A fresh, migrated database: in-memory PGlite, or a new database in the run's PostgreSQL cluster. */
export async function openTestDatabase(): Promise<DatabaseHandle> {
  if (testEngine() === 'postgres') {
    const created = await createPostgresDatabase();
    const handle = await openDatabase({ databaseUrl: created.url, poolSize: 5 });
    await migrate(handle);
    return {
      ...handle,
      close: async () => {
        await handle.close();
        await created.drop();
      },
    };
  }
  const handle = await openDatabase({ dataDir: 'memory://' });
  await migrate(handle);
  return handle;
}

export interface TestApp {
  app: FastifyInstance;
  services: Services;
  database: DatabaseHandle;
  close(): Promise<void>;
}

export async function buildTestApp(options: { clock?: Clock } = {}): Promise<TestApp> {
  const database = await openTestDatabase();
  const config = loadConfig(
    {},
    {
      logLevel: process.env.EVNE_TEST_LOG === '1' ? 'error' : 'silent',
      seedDemo: false,
      webDistDir: '/nonexistent',
    },
  );
  const { app, services } = await buildApp({
    config,
    database,
    logger: process.env.EVNE_TEST_LOG === '1',
    ...(options.clock ? { clock: options.clock } : {}),
  });
  await app.ready();
  return {
    app,
    services,
    database,
    async close() {
      await app.close();
      await database.close();
    },
  };
}

/** A signed-in test client: keeps the session cookie and sends the CSRF token on changes. */
export interface TestClient {
  csrfToken: string;
  cookie: string;
  request(
    method: string,
    url: string,
    body?: unknown,
    headers?: Record<string, string>,
  ): Promise<LightMyRequestResponse>;
  get(url: string): Promise<LightMyRequestResponse>;
  post(url: string, body?: unknown): Promise<LightMyRequestResponse>;
  patch(url: string, body?: unknown): Promise<LightMyRequestResponse>;
  del(url: string): Promise<LightMyRequestResponse>;
}

export async function signIn(
  app: FastifyInstance,
  email: string,
  password: string,
): Promise<TestClient> {
  const response = await app.inject({
    method: 'POST',
    url: '/api/v1/auth/login',
    payload: { email, password },
  });
  if (response.statusCode !== 200) {
    throw new Error(`Sign-in failed: ${response.statusCode} ${response.body}`);
  }
  const cookie = response.cookies.find((c) => c.name === 'evne_session');
  if (!cookie) {
    throw new Error('No session cookie');
  }
  const csrfToken = (response.json() as { csrfToken: string }).csrfToken;
  const client: TestClient = {
    csrfToken,
    cookie: `evne_session=${cookie.value}`,
    request: (method, url, body, headers = {}) =>
      app.inject({
        method: method as 'GET',
        url,
        headers: { cookie: client.cookie, 'x-csrf-token': csrfToken, ...headers },
        ...(body === undefined ? {} : { payload: body as Record<string, unknown> }),
      }),
    get: (url) => client.request('GET', url),
    post: (url, body) => client.request('POST', url, body ?? {}),
    patch: (url, body) => client.request('PATCH', url, body ?? {}),
    del: (url) => client.request('DELETE', url),
  };
  return client;
}

/** Environment for a process-level test (CLI, server): a fresh PGlite folder or PostgreSQL database. */
export async function testDatabaseEnvironment(): Promise<{
  env: Record<string, string>;
  cleanup(): Promise<void>;
}> {
  const { mkdtempSync, rmSync } = await import('node:fs');
  const os = await import('node:os');
  const path = await import('node:path');
  const dataDir = mkdtempSync(path.join(os.tmpdir(), 'evne-test-'));
  if (testEngine() === 'postgres') {
    const created = await createPostgresDatabase();
    return {
      env: { DATABASE_URL: created.url, EVNE_DATA_DIR: dataDir, LOG_LEVEL: 'warn' },
      async cleanup() {
        await created.drop();
        rmSync(dataDir, { recursive: true, force: true });
      },
    };
  }
  return {
    env: { EVNE_DATA_DIR: dataDir, LOG_LEVEL: 'warn' },
    async cleanup() {
      rmSync(dataDir, { recursive: true, force: true });
    },
  };
}
