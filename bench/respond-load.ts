// Respondent load over HTTP on loopback: 1,000 people open their link and autosave 32 answers
// (in two halves), then all of them submit in a burst; the burst gives submissions/s.
import { spawn, type ChildProcess } from 'node:child_process';
import { mkdtempSync, rmSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { performance } from 'node:perf_hooks';
import {
  DEFAULT_SCALE,
  type Actor,
  type FrameworkDocument,
  type FrameworkNodeInput,
  type Questionnaire,
} from '@evne/core';
import { buildApp, insertOrganisation, loadConfig, migrate, openDatabase } from '@evne/server';
import { percentile } from './stats.js';

/** 4 areas x 8 competences: 32 answers per response. */
export function framework32(): FrameworkDocument {
  const nodes: FrameworkNodeInput[] = [];
  for (let a = 1; a <= 4; a += 1) {
    nodes.push({ code: `A${a}`, parent: null, kind: 'area', name: { da: `Område ${a}` } });
    for (let c = 1; c <= 8; c += 1) {
      nodes.push({
        code: `A${a}.${c}`,
        parent: `A${a}`,
        kind: 'competence',
        name: { da: `Kompetence ${a}.${c}` },
      });
    }
  }
  return {
    format: 'evne-framework',
    formatVersion: 1,
    key: 'load-32',
    name: { da: 'Belastning' },
    scale: DEFAULT_SCALE,
    nodes,
  };
}

export async function benchRespondLoad(
  engine: 'pglite' | 'postgres',
  databaseUrl: string | undefined,
  emit: (figure: Record<string, unknown>) => void,
  respondents = 1000,
  concurrency = 50,
): Promise<void> {
  const dataDir = mkdtempSync(path.join(os.tmpdir(), 'evne-load-'));
  const database = await openDatabase({ databaseUrl, dataDir, poolSize: 20 });
  const config = loadConfig(
    {},
    { logLevel: 'silent', seedDemo: false, webDistDir: '/nonexistent', port: 0, host: '127.0.0.1' },
  );
  const { app, services } = await buildApp({ config, database, logger: false });
  try {
    await migrate(database);
    const organisation = await insertOrganisation(database.db, {
      slug: `load-${Date.now()}`,
      name: 'Load',
    });
    const actor: Actor = {
      userId: '00000000-0000-0000-0000-000000000000',
      organisationId: organisation.id,
      role: 'admin',
      isSystem: true,
    };
    const { versionId } = await services.frameworks.importDocument(actor, framework32(), {
      publish: true,
    });
    const units =
      'code;name;parent\nROOT;Kommunen;\n' +
      Array.from({ length: 20 }, (_, i) => `T${i};Team ${i};ROOT`).join('\n');
    const people = [
      'nr;navn;enhed',
      ...Array.from({ length: respondents }, (_, i) => `${i + 1};Person ${i + 1};T${i % 20}`),
    ].join('\n');
    for (const [kind, content] of [
      ['units', units],
      ['people', people],
    ] as const) {
      const job = await services.organisation.imports.create(actor, {
        kind,
        format: 'csv',
        fileName: `${kind}.csv`,
        content,
        isFullImport: false,
        mapping:
          kind === 'units'
            ? { code: 'code', name: 'name', parentCode: 'parent' }
            : { employeeNumber: 'nr', name: 'navn', unitCode: 'enhed' },
      });
      await services.organisation.imports.applyAndWait(actor, job.id);
    }
    const root = (await services.organisation.listUnits(actor)).find(
      (unit) => unit.parentId === null,
    );
    const now = Date.now();
    const campaign = await services.campaigns.create(actor, {
      name: { da: 'Belastningsprøve' },
      frameworkVersionId: versionId,
      nodeIds: null,
      audience: { unitIds: [root?.id ?? ''], includeSubunits: true, profileIds: [], personIds: [] },
      opensAt: new Date(now - 3_600_000).toISOString(),
      closesAt: new Date(now + 7 * 86_400_000).toISOString(),
      modes: ['self'],
      languages: ['da'],
      anonymity: 'confidential',
    });
    await services.campaigns.schedule(actor, campaign.id);
    const summary = await services.campaigns.sendInvitations(actor, campaign.id);
    const tokens = (summary.linksCsv ?? '')
      .split('\n')
      .map((line) => /\/r\/([A-Za-z0-9_-]{43})/.exec(line)?.[1])
      .filter((token): token is string => token !== undefined);
    if (tokens.length !== respondents) {
      throw new Error(`expected ${respondents} links, got ${tokens.length}`);
    }

    // On PostgreSQL the server runs in its own process, as in production, so that the load
    // generator does not share its event loop; PGlite allows one process, so it runs in this one.
    let child: ChildProcess | undefined;
    let address: string;
    if (databaseUrl !== undefined) {
      const port = 20_000 + Math.floor(Math.random() * 20_000);
      child = spawn(
        process.execPath,
        [
          ...(process.env.EVNE_BENCH_CPU_PROF
            ? ['--cpu-prof', `--cpu-prof-dir=${process.env.EVNE_BENCH_CPU_PROF}`]
            : []),
          '--conditions=source',
          '--import',
          'tsx',
          'packages/server/src/dev-main.ts',
        ],
        {
          env: {
            ...process.env,
            DATABASE_URL: databaseUrl,
            PORT: String(port),
            HOST: '127.0.0.1',
            EVNE_DEMO: 'false',
            LOG_LEVEL: 'warn',
            EVNE_DATA_DIR: dataDir,
          },
          stdio: ['ignore', 'pipe', 'inherit'],
        },
      );
      address = `http://127.0.0.1:${port}`;
      const ready = Date.now() + 60_000;
      for (;;) {
        const ok = await fetch(`${address}/api/v1/health`)
          .then((r) => r.ok)
          .catch(() => false);
        if (ok) {
          break;
        }
        if (Date.now() > ready) {
          throw new Error('the server did not start');
        }
        await new Promise((resolve) => setTimeout(resolve, 200));
      }
    } else {
      address = await app.listen({ port: 0, host: '127.0.0.1' });
    }
    const save: number[] = [];
    const submit: number[] = [];
    let acknowledged = 0;
    let failures = 0;
    const deadline = performance.now() + 120_000;
    /** Runs `work` for every token with `concurrency` clients; returns the seconds it took. */
    const drive = async (work: (token: string) => Promise<void>): Promise<number> => {
      const queue = [...tokens];
      const started = performance.now();
      await Promise.all(
        Array.from({ length: concurrency }, async () => {
          for (
            let token = queue.shift();
            token !== undefined && performance.now() < deadline;
            token = queue.shift()
          ) {
            await work(token);
          }
        }),
      );
      return (performance.now() - started) / 1000;
    };
    // Phase 1: everyone opens the link and autosaves the 32 answers in two halves.
    const answerSeconds = await drive(async (token) => {
      const questionnaire = (await (
        await fetch(`${address}/api/v1/respond/${token}`)
      ).json()) as Questionnaire;
      const ratings = questionnaire.areas.flatMap((area) =>
        area.competences.map((competence, index) => ({
          nodeId: competence.id,
          level: (index % 5) + 1,
          isNotApplicable: false,
          wantsToDevelop: index % 7 === 0,
          comment: null,
        })),
      );
      for (const half of [ratings.slice(0, 16), ratings.slice(16)]) {
        const start = performance.now();
        const response = await fetch(`${address}/api/v1/respond/${token}/answers`, {
          method: 'PUT',
          headers: { 'content-type': 'application/json' },
          body: JSON.stringify({ ratings: half }),
        });
        await response.arrayBuffer();
        save.push(performance.now() - start);
        if (!response.ok) {
          failures += 1;
        }
      }
    });
    // Phase 2: a burst of submissions, as when a reminder goes out and everyone presses Submit.
    const submitSeconds = await drive(async (token) => {
      const start = performance.now();
      const response = await fetch(`${address}/api/v1/respond/${token}/submit`, {
        method: 'POST',
        headers: { 'content-type': 'application/json' },
        body: '{}',
      });
      await response.arrayBuffer();
      submit.push(performance.now() - start);
      if (response.ok) {
        acknowledged += 1;
      } else {
        failures += 1;
      }
    });
    const stored = await database.db
      .selectFrom('responses')
      .select((eb) => eb.fn.countAll<number>().as('n'))
      .where('campaign_id', '=', campaign.id)
      .where('status', '=', 'submitted')
      .where((eb) =>
        eb(
          eb
            .selectFrom('ratings')
            .select((r) => r.fn.countAll<number>().as('c'))
            .whereRef('ratings.response_id', '=', 'responses.id'),
          '=',
          32,
        ),
      )
      .executeTakeFirstOrThrow();
    save.sort((a, b) => a - b);
    submit.sort((a, b) => a - b);
    child?.kill('SIGTERM');
    emit({
      engine,
      figure: 'respond_load',
      server: child ? 'separate process' : 'same process',
      respondents,
      concurrency,
      answers_per_response: 32,
      submissions_per_s: Math.round((acknowledged / submitSeconds) * 10) / 10,
      answering_requests_per_s: Math.round(((respondents * 3) / answerSeconds) * 10) / 10,
      autosave_p50_ms: percentile(save, 50),
      autosave_p99_ms: percentile(save, 99),
      submit_p50_ms: percentile(submit, 50),
      submit_p99_ms: percentile(submit, 99),
      acknowledged,
      stored_complete: Number(stored.n),
      failures,
    });
  } finally {
    await app.close();
    await database.close();
    rmSync(dataDir, { recursive: true, force: true });
  }
}
