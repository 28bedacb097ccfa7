// Organisation import figures: a 2,000-unit tree and a 50,000-person CSV, dry run and apply.
import { mkdtempSync, rmSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { performance } from 'node:perf_hooks';
import type { Actor } from '@evne/core';
import {
  createServices,
  migrate,
  openDatabase,
  systemClock,
  insertOrganisation,
} from '@evne/server';

export function unitTreeCsv(): { csv: string; teams: string[] } {
  const lines = ['code;name;parent'];
  const teams: string[] = [];
  lines.push('ROOT;Kommunen;');
  for (let d = 1; d <= 10; d += 1) {
    lines.push(`D${d};Forvaltning ${d};ROOT`);
    for (let c = 1; c <= 10; c += 1) {
      lines.push(`D${d}C${c};Center ${d}.${c};D${d}`);
      const teamCount = d * 10 + c <= 99 ? 19 : 18;
      for (let t = 1; t <= teamCount; t += 1) {
        const code = `D${d}C${c}T${t}`;
        lines.push(`${code};Team ${d}.${c}.${t} Ærø;D${d}C${c}`);
        teams.push(code);
      }
    }
  }
  return { csv: `${lines.join('\n')}\n`, teams };
}

export function peopleCsv(teams: readonly string[], count: number, variant = 0): string {
  const lines = ['Medarbejdernummer;Navn;E-mail;Enhed;Leder;Stilling'];
  const titles = [
    'Sagsbehandler',
    'Social- og sundhedsassistent',
    'Pædagog',
    'Lærer',
    'Konsulent',
    'Leder',
  ];
  // People 1..teams are the team leads (reporting to person 1); everyone else reports to the
  // lead of their team.
  for (let index = 1; index <= count; index += 1) {
    const slot = (index - 1) % teams.length;
    const team = teams[slot] ?? 'ROOT';
    const manager = index <= teams.length ? (index === 1 ? '' : '1') : String(slot + 1);
    const name = `Person ${index}${variant > 0 && index % 10 === 0 ? ' Ændret' : ''} Sørensen`;
    lines.push(
      `${index};${name};p${index}@kommune.example;${team};${manager};${titles[index % titles.length] ?? ''}`,
    );
  }
  return `${lines.join('\n')}\n`;
}

export async function benchOrgImport(
  engine: 'pglite' | 'postgres',
  databaseUrl: string | undefined,
  emit: (figure: Record<string, unknown>) => void,
  people = 50_000,
): Promise<void> {
  const dataDir = mkdtempSync(path.join(os.tmpdir(), 'evne-bench-'));
  const database = await openDatabase({ databaseUrl, dataDir });
  try {
    await migrate(database);
    const organisation = await insertOrganisation(database.db, {
      slug: `bench-${Date.now()}`,
      name: 'Bench',
    });
    const services = createServices(database, { sessionHours: 1 }, systemClock);
    const actor: Actor = {
      userId: '00000000-0000-0000-0000-000000000000',
      organisationId: organisation.id,
      role: 'admin',
      isSystem: true,
    };
    const { csv: unitsCsv, teams } = unitTreeCsv();
    const run = async (kind: 'units' | 'people', content: string, label: string, rows: number) => {
      let start = performance.now();
      const job = await services.organisation.imports.create(actor, {
        kind,
        format: 'csv',
        fileName: `${kind}.csv`,
        content,
        isFullImport: true,
      });
      const dryRunMs = performance.now() - start;
      if (job.status !== 'ready') {
        throw new Error(`${label}: ${job.status} ${JSON.stringify(job.issues.slice(0, 3))}`);
      }
      start = performance.now();
      const result = await services.organisation.imports.applyAndWait(actor, job.id);
      const applyMs = performance.now() - start;
      if (result.status !== 'applied') {
        throw new Error(`${label}: ${result.error ?? result.status}`);
      }
      emit({
        engine,
        figure: `org_import_${label}`,
        rows,
        dry_run_ms: Math.round(dryRunMs),
        apply_ms: Math.round(applyMs),
        added: job.preview?.added.count,
        changed: job.preview?.changed.count,
      });
    };
    await run('units', unitsCsv, 'units_2000', 2000);
    await run('people', peopleCsv(teams, people), `people_${people}_first`, people);
    await run('people', peopleCsv(teams, people, 1), `people_${people}_10pct_changed`, people);
    const start = performance.now();
    const again = await services.organisation.imports.create(actor, {
      kind: 'people',
      format: 'csv',
      fileName: 'p.csv',
      content: peopleCsv(teams, people, 1),
      isFullImport: true,
    });
    emit({
      engine,
      figure: `org_import_people_${people}_reimport_dry_run`,
      dry_run_ms: Math.round(performance.now() - start),
      unchanged: again.preview?.unchanged,
    });
    const searchStart = performance.now();
    const page = await services.organisation.listPeople(actor, {
      q: 'person 4999',
      includeSubunits: 'true',
      status: 'active',
      page: 1,
      pageSize: 50,
    });
    emit({
      engine,
      figure: 'people_search_50k_ms',
      value: Math.round(performance.now() - searchStart),
      total: page.total,
    });
    const pageStart = performance.now();
    await services.organisation.listPeople(actor, {
      includeSubunits: 'true',
      status: 'active',
      page: 500,
      pageSize: 50,
    });
    emit({
      engine,
      figure: 'people_page_500_ms',
      value: Math.round(performance.now() - pageStart),
    });
  } finally {
    await database.close();
    rmSync(dataDir, { recursive: true, force: true });
  }
}
