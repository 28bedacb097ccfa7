// `npm run bench`: seeds realistic data and prints figures as JSON lines (one per measurement).
// Not a test: nothing passes or fails on time. Runs on PGlite and on a throwaway PostgreSQL
// cluster (or DATABASE_URL), over HTTP through app.inject.
import { performance } from 'node:perf_hooks';
import { DEFAULT_SCALE, type FrameworkDocument, type FrameworkNodeInput } from '@evne/core';
import {
  buildApp,
  loadConfig,
  migrate,
  openDatabase,
  installShippedFrameworks,
} from '@evne/server';
import { startPostgresCluster } from '../packages/server/test/postgres-cluster.js';
import { benchOrgImport } from './org-import.js';
import { benchOverview } from './overview.js';
import { benchRespondLoad } from './respond-load.js';
import { percentile } from './stats.js';

function emit(figure: Record<string, unknown>): void {
  console.log(JSON.stringify({ at: new Date().toISOString(), ...figure }));
}

/** A framework of 8 areas x 8 sub-categories x 8 competences (584 nodes), all three languages. */
function largeFramework(key: string): FrameworkDocument {
  const nodes: FrameworkNodeInput[] = [];
  for (let a = 1; a <= 8; a += 1) {
    nodes.push({
      code: `A${a}`,
      parent: null,
      kind: 'area',
      name: { da: `Område ${a}`, nb: `Område ${a}`, en: `Area ${a}` },
      colour: '#1f5f8b',
    });
    for (let s = 1; s <= 8; s += 1) {
      nodes.push({
        code: `A${a}.${s}`,
        parent: `A${a}`,
        kind: 'subcategory',
        name: { da: `Underkategori ${a}.${s}`, en: `Sub-category ${a}.${s}` },
      });
      for (let c = 1; c <= 8; c += 1) {
        nodes.push({
          code: `A${a}.${s}.${c}`,
          parent: `A${a}.${s}`,
          kind: 'competence',
          name: {
            da: `Kompetence ${a}.${s}.${c}`,
            nb: `Kompetanse ${a}.${s}.${c}`,
            en: `Competence ${a}.${s}.${c}`,
          },
          description: {
            da: 'Beskrivelse af kompetencen med et par sætninger om hvad den dækker.',
            en: 'A description of the competence in a sentence or two.',
          },
        });
      }
    }
  }
  return {
    format: 'evne-framework',
    formatVersion: 1,
    key,
    name: { da: 'Stor model', en: 'Large model' },
    scale: DEFAULT_SCALE,
    nodes,
  };
}

async function time<T>(run: () => Promise<T>): Promise<[number, T]> {
  const start = performance.now();
  const result = await run();
  return [performance.now() - start, result];
}

async function benchEngine(engine: 'pglite' | 'postgres', databaseUrl?: string): Promise<void> {
  const database = await openDatabase({ databaseUrl, dataDir: 'memory://' });
  await migrate(database);
  const config = loadConfig(
    {},
    { logLevel: 'silent', seedDemo: false, webDistDir: '/nonexistent' },
  );
  const { app, services } = await buildApp({ config, database, logger: false });
  await app.ready();
  await installShippedFrameworks(services.frameworks);
  await services.auth.ensureUser({
    email: 'bench@example.org',
    name: 'Bench',
    password: 'bench password 123',
    organisationSlug: await ensureOrg(database),
    role: 'admin',
  });
  const login = await app.inject({
    method: 'POST',
    url: '/api/v1/auth/login',
    payload: { email: 'bench@example.org', password: 'bench password 123' },
  });
  const cookie = `evne_session=${login.cookies.find((c) => c.name === 'evne_session')?.value ?? ''}`;
  const csrf = (login.json() as { csrfToken: string }).csrfToken;
  const headers = { cookie, 'x-csrf-token': csrf };

  const content = JSON.stringify(largeFramework('bench-large'));
  const [importMs, imported] = await time(() =>
    app.inject({
      method: 'POST',
      url: '/api/v1/frameworks/import',
      headers,
      payload: { format: 'json', content, publish: true },
    }),
  );
  const versionId = (imported.json() as { versionId: string }).versionId;
  emit({ engine, figure: 'framework_import_ms', nodes: 584, value: Math.round(importMs) });

  for (const [name, url, runs] of [
    ['framework_list', '/api/v1/frameworks', 50],
    ['framework_version_584_nodes', `/api/v1/framework-versions/${versionId}`, 50],
    [
      'framework_export_case_584_nodes',
      `/api/v1/framework-versions/${versionId}/export?format=case`,
      20,
    ],
    [
      'framework_export_xlsx_584_nodes',
      `/api/v1/framework-versions/${versionId}/export?format=xlsx`,
      10,
    ],
  ] as const) {
    const samples: number[] = [];
    for (let run = 0; run < runs; run += 1) {
      const [ms, response] = await time(() => app.inject({ method: 'GET', url, headers }));
      if (response.statusCode !== 200) {
        throw new Error(`${url}: ${response.statusCode}`);
      }
      samples.push(ms);
    }
    samples.sort((a, b) => a - b);
    emit({
      engine,
      figure: `${name}_ms`,
      runs,
      p50: percentile(samples, 50, 2),
      p95: percentile(samples, 95, 2),
    });
  }

  const [adaptMs] = await time(async () => {
    const list = await app.inject({ method: 'GET', url: '/api/v1/frameworks', headers });
    const large = (list.json() as { items: { id: string; key: string }[] }).items.find(
      (f) => f.key === 'bench-large',
    );
    return app.inject({
      method: 'POST',
      url: `/api/v1/frameworks/${large?.id ?? ''}/adaptations`,
      headers,
      payload: {},
    });
  });
  emit({ engine, figure: 'framework_adapt_584_nodes_ms', value: Math.round(adaptMs) });
  await app.close();
  await database.close();
}

async function ensureOrg(database: Awaited<ReturnType<typeof openDatabase>>): Promise<string> {
  await database.exec(
    "insert into organisations (slug, name) values ('bench', 'Bench') on conflict do nothing",
  );
  return 'bench';
}

// `npm run bench -- respond org-import` runs only the named parts; no names run them all.
const PARTS = ['frameworks', 'org-import', 'respond', 'overview'] as const;
const asked = process.argv.slice(2).filter((arg) => !arg.startsWith('-'));
const unknown = asked.filter((arg) => !(PARTS as readonly string[]).includes(arg));
if (unknown.length > 0) {
  throw new Error(`Unknown bench part(s): ${unknown.join(', ')}; choose from ${PARTS.join(', ')}`);
}
const wanted = (part: (typeof PARTS)[number]): boolean =>
  asked.length === 0 || asked.includes(part);

if (wanted('frameworks')) {
  await benchEngine('pglite');
}
if (wanted('org-import')) {
  await benchOrgImport('pglite', undefined, emit);
}
if (wanted('respond')) {
  await benchRespondLoad('pglite', undefined, emit);
}
if (wanted('overview')) {
  await benchOverview('pglite', undefined, emit);
}
const external = process.env.DATABASE_URL;
const cluster = external ? undefined : await startPostgresCluster();
try {
  const url = external ?? cluster?.url;
  if (wanted('frameworks')) {
    await benchEngine('postgres', url);
  }
  if (wanted('org-import')) {
    await benchOrgImport('postgres', url, emit);
  }
  if (wanted('respond')) {
    await benchRespondLoad('postgres', url, emit);
  }
  if (wanted('overview')) {
    await benchOverview('postgres', url, emit);
    await benchOverview('postgres', url, emit, 500_000);
  }
} finally {
  await cluster?.stop();
}
