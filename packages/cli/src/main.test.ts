import { readFileSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import type { FrameworkDocument } from '@evne/core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { testDatabaseEnvironment } from '../../server/test/test-app.js';
import { runCli } from './main.js';

let environment: Awaited<ReturnType<typeof testDatabaseEnvironment>>;
beforeAll(async () => {
  environment = await testDatabaseEnvironment();
});
afterAll(async () => {
  await environment.cleanup();
});

async function evne(...args: string[]): Promise<{ code: number; out: string; err: string }> {
  const out: string[] = [];
  const err: string[] = [];
  const code = await runCli(args, {
    out: (line) => out.push(line),
    err: (line) => err.push(line),
    env: environment.env,
  });
  return { code, out: out.join('\n'), err: err.join('\n') };
}

function file(name: string, content: string | Buffer): string {
  const target = path.join(environment.env.EVNE_DATA_DIR ?? '', name);
  writeFileSync(target, content);
  return target;
}

describe('evne admin create', () => {
  it('creates the organisation and an admin, printing a generated password', async () => {
    const result = await evne(
      'admin',
      'create',
      '--org',
      'aarhus',
      '--org-name',
      'Aarhus Kommune',
      '--email',
      'hr@aarhus.example',
    );
    expect(result.code).toBe(0);
    expect(result.out).toContain('Created organisation "aarhus"');
    expect(result.out).toMatch(/Password: \S{16}/);
  });

  it('refuses a short password', async () => {
    const result = await evne(
      'admin',
      'create',
      '--org',
      'aarhus',
      '--email',
      'x@aarhus.example',
      '--password',
      'short',
    );
    expect(result.code).toBe(1);
    expect(result.err).toContain('at least 10 characters');
  });
});

describe('evne frameworks import', () => {
  it('reads a semicolon CSV written by Danish Excel in Windows-1252, with æøå intact, once', async () => {
    await evne(
      'admin',
      'create',
      '--org',
      'odense',
      '--email',
      'hr@odense.example',
      '--password',
      'a long password',
    );
    const csv =
      'code;parent_code;kind;name_da\r\nA;;area;Økonomi og ældrepleje\r\nA.1;A;competence;Å styre borgerrettet\r\n';
    const target = file('Lokal model.csv', Buffer.from(csv, 'latin1'));
    const first = await evne('frameworks', 'import', target, '--org', 'odense', '--publish');
    expect(first.code, first.err).toBe(0);
    expect(first.out).toMatch(/Imported .* with 2 nodes as a published version/);
    const second = await evne('frameworks', 'import', target, '--org', 'odense', '--publish');
    expect(second.out).toMatch(/^Unchanged/);

    const out = path.join(environment.env.EVNE_DATA_DIR ?? '', 'out.json');
    const exported = await evne(
      'frameworks',
      'export',
      'lokal-model',
      '--org',
      'odense',
      '--format',
      'json',
      '--out',
      out,
    );
    expect(exported.code, exported.err).toBe(0);
    const document = JSON.parse(readFileSync(out, 'utf8')) as FrameworkDocument;
    expect(document.nodes.map((node) => node.name.da)).toEqual([
      'Økonomi og ældrepleje',
      'Å styre borgerrettet',
    ]);
  });

  it('rejects a bad file as a whole, naming file, line and column, and saves nothing', async () => {
    await evne(
      'admin',
      'create',
      '--org',
      'vejle',
      '--email',
      'hr@vejle.example',
      '--password',
      'a long password',
    );
    const target = file('bad.csv', 'code,parent_code,name_da\nA,,Område\nA.1,Q,Kompetence\n');
    const result = await evne('frameworks', 'import', target, '--org', 'vejle');
    expect(result.code).toBe(1);
    expect(result.err).toContain('nothing was saved');
    expect(result.err).toMatch(/bad\.csv \(line 3, column parent_code\): .*Q/);
    const listed = await evne('frameworks', 'list', '--org', 'vejle');
    expect(listed.out).not.toContain('bad');
  });

  it('names an unknown organisation', async () => {
    const target = file('x.json', '{}');
    const result = await evne('frameworks', 'import', target, '--org', 'nowhere');
    expect(result.code).toBe(1);
  });
});

describe('evne frameworks export', () => {
  it('exports a shipped framework as CASE and as CSV', async () => {
    const out = path.join(environment.env.EVNE_DATA_DIR ?? '', 'digcomp.case.json');
    const seeded = await evne(
      'admin',
      'create',
      '--org',
      'ringsted',
      '--email',
      'hr@ringsted.example',
      '--password',
      'a long password',
    );
    expect(seeded.code).toBe(0);
    // Shipped frameworks load with the server; load them here the same way.
    const { installShippedFrameworks, openDatabase, createServices, migrate, systemClock } =
      await import('@evne/server');
    const database = await openDatabase({
      databaseUrl: environment.env.DATABASE_URL,
      dataDir: environment.env.EVNE_DATA_DIR,
    });
    await migrate(database);
    await installShippedFrameworks(
      createServices(database, { sessionHours: 1 }, systemClock).frameworks,
    );
    await database.close();

    const result = await evne(
      'frameworks',
      'export',
      'digcomp-2-2',
      '--format',
      'case',
      '--out',
      out,
    );
    expect(result.code, result.err).toBe(0);
    const casePackage = JSON.parse(readFileSync(out, 'utf8')) as { CFItems: unknown[] };
    expect(casePackage.CFItems).toHaveLength(26);
    const csvOut = path.join(environment.env.EVNE_DATA_DIR ?? '', 'digcomp.csv');
    expect(
      (await evne('frameworks', 'export', 'digcomp-2-2', '--format', 'csv', '--out', csvOut)).code,
    ).toBe(0);
    expect(readFileSync(csvOut, 'utf8').split('\r\n')[0]).toBe(
      '\ufeffcode;parent_code;kind;name_da;name_nb;name_en;description_da;description_nb;description_en;colour;group;hidden',
    );
  });
});

describe('evne org import', () => {
  it('dry-runs, then applies a Windows-1252 semicolon file with progress, and a second run changes nothing', async () => {
    await evne(
      'admin',
      'create',
      '--org',
      'soroe',
      '--email',
      'hr@soroe.example',
      '--password',
      'a long password',
    );
    const unitsFile = file(
      'enheder.csv',
      Buffer.from(
        'Enhedskode;Enhedsnavn;Overordnet enhed\r\nKOM;Sorø Kommune;\r\nÆLD;Ældreplejen;KOM\r\n',
        'latin1',
      ),
    );
    const peopleFile = file(
      'medarbejdere.csv',
      Buffer.from(
        'Medarbejdernummer;Navn;Enhed;Leder;Stilling\r\n1;Søren Åberg;KOM;;Direktør\r\n2;Ærle Øster;ÆLD;1;Sygeplejerske\r\n',
        'latin1',
      ),
    );
    const dry = await evne('org', 'import', unitsFile, '--org', 'soroe', '--kind', 'units');
    expect(dry.code, dry.err).toBe(0);
    expect(dry.out).toContain('added:       2');
    expect(dry.out).toContain('Dry run only');
    expect(
      (await evne('org', 'import', unitsFile, '--org', 'soroe', '--kind', 'units', '--apply')).code,
    ).toBe(0);
    const applied = await evne(
      'org',
      'import',
      peopleFile,
      '--org',
      'soroe',
      '--kind',
      'people',
      '--full',
      '--apply',
    );
    expect(applied.code, applied.err).toBe(0);
    expect(applied.out).toMatch(/applying: \d+ \/ \d+ \(100%\)/);
    expect(applied.out).toContain('Applied.');
    const again = await evne(
      'org',
      'import',
      peopleFile,
      '--org',
      'soroe',
      '--kind',
      'people',
      '--full',
    );
    expect(again.out).toContain('unchanged:   2');
    expect(again.out).toContain('added:       0');

    const { openDatabase } = await import('@evne/server');
    const database = await openDatabase({
      databaseUrl: environment.env.DATABASE_URL,
      dataDir: environment.env.EVNE_DATA_DIR,
    });
    const names = await database.db.selectFrom('people').select('name').orderBy('name').execute();
    await database.close();
    expect(names.map((row) => row.name)).toEqual(['Søren Åberg', 'Ærle Øster']);
  });

  it('lists every problem of a bad file with line and column, and saves nothing', async () => {
    await evne(
      'admin',
      'create',
      '--org',
      'fanoe',
      '--email',
      'hr@fanoe.example',
      '--password',
      'a long password',
    );
    const bad = file(
      'bad-people.csv',
      'employee_number,name,email,unit\n,Ingen Nummer,x@fanoe.example,\n7,Syv,ikke-en-mail,\n',
    );
    const result = await evne(
      'org',
      'import',
      bad,
      '--org',
      'fanoe',
      '--kind',
      'people',
      '--apply',
    );
    expect(result.code).toBe(1);
    expect(result.err).toContain('nothing was saved (2 problems)');
    expect(result.err).toContain('bad-people.csv (line 2, column employee_number)');
    expect(result.err).toContain('bad-people.csv (line 3, column email)');
  });
});

describe('evne vacuum', () => {
  it('vacuums the database', async () => {
    const result = await evne('vacuum');
    expect(result.code, result.err).toBe(0);
    expect(result.out).toContain('Vacuumed');
  });
});
