// Overview figures: a 2,000-unit tree with N people who answered 32 competences (self), a role
// profile with targets for everyone; then the overview (wheel, heatmap, gaps, coverage) of the
// root, a division and a team over HTTP (app.inject), timed after one warm-up request each.
import { mkdtempSync, rmSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { performance } from 'node:perf_hooks';
import type { Actor } from '@evne/core';
import {
  buildApp,
  compactRollups,
  insertOrganisation,
  loadConfig,
  migrate,
  openDatabase,
  rebuildRollups,
  sql,
} from '@evne/server';
import { peopleCsv, unitTreeCsv } from './org-import.js';
import { framework32 } from './respond-load.js';
import { percentile } from './stats.js';

export async function benchOverview(
  engine: 'pglite' | 'postgres',
  databaseUrl: string | undefined,
  emit: (figure: Record<string, unknown>) => void,
  people = 100_000,
  runs = 30,
): Promise<void> {
  const dataDir = mkdtempSync(path.join(os.tmpdir(), 'evne-overview-'));
  const database = await openDatabase({ databaseUrl, dataDir, poolSize: 10 });
  const config = loadConfig(
    {},
    { logLevel: 'silent', seedDemo: false, webDistDir: '/nonexistent', port: 0, host: '127.0.0.1' },
  );
  const { app, services } = await buildApp({ config, database, logger: false });
  try {
    await migrate(database);
    const slug = `overview-${Date.now()}`;
    const organisation = await insertOrganisation(database.db, { slug, name: 'Overview' });
    const actor: Actor = {
      userId: '00000000-0000-0000-0000-000000000000',
      organisationId: organisation.id,
      role: 'admin',
      isSystem: true,
    };
    const seedStart = performance.now();
    const { versionId } = await services.frameworks.importDocument(actor, framework32(), {
      publish: true,
    });
    const { csv: unitsCsv, teams } = unitTreeCsv();
    for (const [kind, content] of [
      ['units', unitsCsv],
      ['people', peopleCsv(teams, people)],
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
            : {
                employeeNumber: 'Medarbejdernummer',
                name: 'Navn',
                email: 'E-mail',
                unitCode: 'Enhed',
                managerEmployeeNumber: 'Leder',
                jobTitle: 'Stilling',
              },
      });
      await services.organisation.imports.applyAndWait(actor, job.id);
    }
    const units = await services.organisation.listUnits(actor);
    const root = units.find((unit) => unit.parentId === null);
    const division = units.find((unit) => unit.code === 'D3');
    const team = units.find((unit) => unit.code === 'D3C4T5');
    // Everyone has a profile asking level 3 in every competence, and level 4 in the first area.
    const profile = await services.roleProfiles.create(actor, {
      name: { da: 'Alle' },
      frameworkVersionId: versionId,
    });
    const version = await services.frameworks.getVersion(actor, versionId);
    const competences = version.nodes.filter((node) => node.kind === 'competence');
    await services.roleProfiles.setTargets(actor, profile.id, {
      targets: competences.map((node, index) => ({
        nodeId: node.id,
        targetLevel: index < 8 ? 4 : 3,
        importance: 'essential' as const,
      })),
    });
    await services.roleProfiles.addRule(actor, profile.id, {
      kind: 'unit',
      unitId: root?.id ?? '',
      includeSubunits: true,
    });
    const now = Date.now();
    const campaign = await services.campaigns.create(actor, {
      name: { da: 'Oversigt' },
      frameworkVersionId: versionId,
      nodeIds: null,
      audience: { unitIds: [root?.id ?? ''], includeSubunits: true, profileIds: [], personIds: [] },
      opensAt: new Date(now - 30 * 86_400_000).toISOString(),
      closesAt: new Date(now + 86_400_000).toISOString(),
      modes: ['self'],
      languages: ['da'],
      anonymity: 'confidential',
    });
    await services.campaigns.schedule(actor, campaign.id);
    // Nine in ten answered; levels spread around the target, some not relevant.
    await sql`
      insert into responses (organisation_id, campaign_id, invitation_id, kind, subject_person_id,
                             unit_id, profile_ids, status, revision, submitted_at)
      select i.organisation_id, i.campaign_id, i.id, i.kind, i.subject_person_id, i.unit_id,
             array[${profile.id}::uuid], 'submitted', 1, now()
        from invitations i
       where i.campaign_id = ${campaign.id} and (hashtext(i.id::text) % 10) <> 0
    `.execute(database.db);
    await sql`
      insert into ratings (response_id, organisation_id, node_id, level, is_not_applicable,
                           wants_to_develop, target)
      select r.id, r.organisation_id, n.id, x.level, x.level is null, x.wants, t.target_level
        from responses r
        cross join framework_nodes n
        join role_profile_targets t on t.profile_id = ${profile.id} and t.node_id = n.id
        cross join lateral (
          select case when (hashtext(r.id::text || n.id::text) & 31) = 0 then null
                      else 1 + (abs(hashtext(n.id::text || r.id::text)) % 5) end as level,
                 (hashtext(r.id::text || n.code) & 7) = 0 as wants
        ) x
       where r.campaign_id = ${campaign.id} and n.version_id = ${versionId}
         and n.kind = 'competence'
    `.execute(database.db);
    await rebuildRollups(database.db, campaign.id);
    await services.campaigns.close(actor, campaign.id);
    await compactRollups(database.db, campaign.id);
    await sql`analyze`.execute(database.db);
    const ratingRows = await sql<{ n: number }>`
      select count(*)::int as n from ratings r join responses s on s.id = r.response_id
       where s.campaign_id = ${campaign.id}`.execute(database.db);
    emit({
      engine,
      figure: 'overview_seed_s',
      people,
      units: units.length,
      ratings: Number(ratingRows.rows[0]?.n ?? 0),
      value: Math.round((performance.now() - seedStart) / 100) / 10,
    });

    await services.auth.ensureUser({
      email: `${slug}@example.org`,
      name: 'Bench',
      password: 'bench password 123',
      organisationSlug: slug,
      role: 'admin',
    });
    const login = await app.inject({
      method: 'POST',
      url: '/api/v1/auth/login',
      payload: { email: `${slug}@example.org`, password: 'bench password 123' },
    });
    const cookie = `evne_session=${login.cookies.find((c) => c.name === 'evne_session')?.value ?? ''}`;
    for (const [level, unit] of [
      ['root', root],
      ['division', division],
      ['team', team],
    ] as const) {
      const url = `/api/v1/campaigns/${campaign.id}/overview?unitId=${unit?.id ?? ''}`;
      const coldStart = performance.now();
      const first = await app.inject({ method: 'GET', url, headers: { cookie } });
      const cold = performance.now() - coldStart;
      if (first.statusCode !== 200) {
        throw new Error(`overview ${level}: ${first.statusCode} ${first.body}`);
      }
      const times: number[] = [];
      for (let run = 0; run < runs; run += 1) {
        const start = performance.now();
        await app.inject({ method: 'GET', url, headers: { cookie } });
        times.push(performance.now() - start);
      }
      times.sort((a, b) => a - b);
      const body = first.json() as { respondents: { count: number | null }; children: unknown[] };
      emit({
        engine,
        figure: 'overview_ms',
        people,
        level,
        respondents: body.respondents.count,
        children: body.children.length,
        first_ms: Math.round(cold * 10) / 10,
        p50_ms: percentile(times, 50),
        p95_ms: percentile(times, 95),
      });
    }
  } finally {
    await app.close();
    await database.close();
    rmSync(dataDir, { recursive: true, force: true });
  }
}
