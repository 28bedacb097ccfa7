import { readFileSync } from 'node:fs';
import path from 'node:path';
import type { ImportJob, OrgUnit, PeoplePage, PersonDetail } from '@evne/core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { buildSignedInUser, TEST_PASSWORD } from '../../test/factories.js';
import { buildTestApp, signIn, type TestApp, type TestClient } from '../../test/test-app.js';

let t: TestApp;
beforeAll(async () => {
  t = await buildTestApp();
});
afterAll(async () => {
  await t.close();
});

const fixture = (name: string) =>
  readFileSync(path.resolve(import.meta.dirname, '../../test/fixtures', name), 'utf8');

async function upload(
  client: TestClient,
  kind: 'units' | 'people',
  content: string,
  options: { isFullImport?: boolean; mapping?: Record<string, string>; fileName?: string } = {},
): Promise<ImportJob> {
  const response = await client.post('/api/v1/org-imports', {
    kind,
    format: 'csv',
    fileName: options.fileName ?? `${kind}.csv`,
    content,
    isFullImport: options.isFullImport ?? false,
    ...(options.mapping ? { mapping: options.mapping } : {}),
  });
  expect(response.statusCode, response.body).toBe(201);
  return response.json() as ImportJob;
}

async function apply(client: TestClient, job: ImportJob): Promise<ImportJob> {
  const response = await client.post(`/api/v1/org-imports/${job.id}/apply`);
  expect(response.statusCode, response.body).toBe(200);
  for (let attempt = 0; attempt < 200; attempt += 1) {
    const current = (await client.get(`/api/v1/org-imports/${job.id}`)).json() as ImportJob;
    if (current.status !== 'applying') {
      return current;
    }
    await new Promise((resolve) => setTimeout(resolve, 25));
  }
  throw new Error('import did not finish');
}

async function importOrganisation(client: TestClient): Promise<void> {
  const units = await upload(client, 'units', fixture('units.csv'));
  expect(units.status).toBe('ready');
  expect((await apply(client, units)).status).toBe('applied');
  const people = await upload(client, 'people', fixture('people-semicolon-bom.csv'));
  expect(people.status, JSON.stringify(people.issues)).toBe('ready');
  expect((await apply(client, people)).status).toBe('applied');
}

async function units(client: TestClient): Promise<OrgUnit[]> {
  return ((await client.get('/api/v1/org-units')).json() as { items: OrgUnit[] }).items;
}

async function people(client: TestClient, query = ''): Promise<PeoplePage> {
  const response = await client.get(`/api/v1/people${query}`);
  expect(response.statusCode, response.body).toBe(200);
  return response.json() as PeoplePage;
}

describe('importing the unit tree', () => {
  it('dry-runs first, saving nothing, then applies the tree with Danish letters intact', async () => {
    const { client } = await buildSignedInUser(t);
    const job = await upload(client, 'units', fixture('units.csv'));
    expect(job.mapping).toEqual({
      code: 'Enhedskode',
      name: 'Enhedsnavn',
      parentCode: 'Overordnet enhed',
    });
    expect(job.preview?.added.count).toBe(8);
    expect(await units(client)).toHaveLength(0);
    await apply(client, job);
    const tree = await units(client);
    expect(tree).toHaveLength(8);
    const byCode = new Map(tree.map((unit) => [unit.code, unit]));
    expect(byCode.get('SOF-ÆLD-PL')?.name).toBe('Plejecenter Søbygaard');
    expect(byCode.get('SOF-ÆLD-PL')?.parentId).toBe(byCode.get('SOF-ÆLD')?.id);
  });

  it('refuses a unit tree with a cycle, a duplicate and an unknown parent, with lines and columns', async () => {
    const { client } = await buildSignedInUser(t);
    const job = await upload(
      client,
      'units',
      'code,name,parent\nA,A,B\nB,B,A\nC,C,\nC,C2,\nD,D,NOPE\n,Uden kode,\n',
    );
    expect(job.status).toBe('invalid');
    expect(job.issues).toEqual(
      expect.arrayContaining([
        expect.objectContaining({ code: 'unit_cycle', line: 2, column: 'parent' }),
        expect.objectContaining({ code: 'duplicate_unit_code', line: 5, column: 'code' }),
        expect.objectContaining({ code: 'unknown_parent_unit', line: 6, column: 'parent' }),
        expect.objectContaining({ code: 'missing_unit_code', line: 7, column: 'code' }),
      ]),
    );
    const refused = await client.post(`/api/v1/org-imports/${job.id}/apply`);
    expect(refused.statusCode).toBe(409);
    expect(await units(client)).toHaveLength(0);
  });
});

describe('importing people', () => {
  it('reads a semicolon file with a BOM and Danish headers, and links managers and units', async () => {
    const { client } = await buildSignedInUser(t);
    await importOrganisation(client);
    const page = await people(client, '?q=bjørn');
    expect(page.total).toBe(1);
    const bjorn = page.items[0];
    expect(bjorn).toMatchObject({
      employeeNumber: '1003',
      name: 'Bjørn Ødegård',
      jobTitle: 'Ældrechef',
      unit: { code: 'SOF-ÆLD' },
      manager: { name: 'Åse Høgh' },
    });
    const detail = (await client.get(`/api/v1/people/${bjorn?.id}`)).json() as PersonDetail;
    expect(detail.locale).toBe('nb');
    expect(detail.unitPath.map((unit) => unit.code)).toEqual(['KOM', 'SOF', 'SOF-ÆLD']);
    expect(detail.directReports.map((person) => person.name).sort()).toEqual([
      'Jens Præst',
      'Lærke Damgård',
      'Mette Kjær',
    ]);
  });

  it('changes nothing when the same file is imported again', async () => {
    const { client } = await buildSignedInUser(t);
    await importOrganisation(client);
    const again = await upload(client, 'people', fixture('people-semicolon-bom.csv'));
    expect(again.status).toBe('ready');
    expect(again.preview).toMatchObject({
      added: { count: 0 },
      changed: { count: 0 },
      moved: { count: 0 },
      deactivated: { count: 0 },
      unchanged: 8,
    });
    const units = await upload(client, 'units', fixture('units.csv'));
    expect(units.preview).toMatchObject({
      added: { count: 0 },
      changed: { count: 0 },
      moved: { count: 0 },
      unchanged: 8,
    });
  });

  it('shows what would be added, changed, moved and deactivated, and deactivates without deleting', async () => {
    const { client } = await buildSignedInUser(t);
    await importOrganisation(client);
    const changed = fixture('people-semicolon-bom.csv')
      .replace(
        '1005;Jens Præst;jens.praest@aeroe.example;SOF-ÆLD-HJ',
        '1005;Jens Præst;jens.praest@aeroe.example;SOF-ÆLD-PL',
      )
      .replace('Ida Skov;ida.skov@aeroe.example', 'Ida Skov-Hansen;ida.skov@aeroe.example')
      .replace(/1006;Lærke.*\r?\n/, '')
      .concat('1009;Nanna Nyansat;nanna@aeroe.example;BUF-DAG;1007;Pædagog;da\n');
    const job = await upload(client, 'people', changed, { isFullImport: true });
    expect(job.status).toBe('ready');
    expect(job.preview?.added.sample.map((change) => change.key)).toEqual(['1009']);
    expect(job.preview?.moved.sample).toEqual([
      expect.objectContaining({ key: '1005', fields: { unit: ['SOF-ÆLD-HJ', 'SOF-ÆLD-PL'] } }),
    ]);
    expect(job.preview?.changed.sample).toEqual([
      expect.objectContaining({ key: '1008', fields: { name: ['Ida Skov', 'Ida Skov-Hansen'] } }),
    ]);
    expect(job.preview?.deactivated.sample.map((change) => change.key)).toEqual(['1006']);
    await apply(client, job);
    expect((await people(client)).total).toBe(8);
    const inactive = await people(client, '?status=inactive');
    expect(inactive.items.map((person) => person.name)).toEqual(['Lærke Damgård']);
    expect((await people(client, '?status=all')).total).toBe(9);
  });

  it('leaves people out of a partial import alone', async () => {
    const { client } = await buildSignedInUser(t);
    await importOrganisation(client);
    const job = await upload(
      client,
      'people',
      'Medarbejdernummer;Navn;Enhed\n1010;Ole Olsen;KOM\n',
    );
    expect(job.preview).toMatchObject({ added: { count: 1 }, deactivated: { count: 0 } });
    await apply(client, job);
    expect((await people(client)).total).toBe(9);
  });

  it('reports every problem with its row and column, and saves nothing', async () => {
    const { client } = await buildSignedInUser(t);
    await importOrganisation(client);
    const before = (await people(client, '?status=all')).total;
    const job = await upload(
      client,
      'people',
      fixture('people-errors.csv').replaceAll(',KOM,', ',SOF,'),
    );
    expect(job.status).toBe('invalid');
    expect(job.issues).toEqual(
      expect.arrayContaining([
        expect.objectContaining({
          code: 'missing_employee_number',
          line: 3,
          column: 'employee_number',
        }),
        expect.objectContaining({
          code: 'duplicate_employee_number',
          line: 4,
          column: 'employee_number',
        }),
        expect.objectContaining({ code: 'unknown_unit', line: 5, column: 'unit' }),
        expect.objectContaining({ code: 'manager_cycle', column: 'manager' }),
        expect.objectContaining({ code: 'invalid_email', line: 8, column: 'email' }),
      ]),
    );
    expect((await client.post(`/api/v1/org-imports/${job.id}/apply`)).json().code).toBe(
      'import_not_ready',
    );
    expect((await people(client, '?status=all')).total).toBe(before);
  });

  it('asks for a mapping when columns are not recognised, and remembers the chosen one', async () => {
    const { client } = await buildSignedInUser(t);
    await importOrganisation(client);
    const content = 'Løbenr;Fuldt navn;Org\n1011;Pia Pedersen;BUF\n';
    const job = await upload(client, 'people', content);
    expect(job.status).toBe('needs_mapping');
    expect(job.issues[0]).toMatchObject({
      code: 'mapping_missing_field',
      path: 'mapping.employeeNumber',
    });
    const mapping = { employeeNumber: 'Løbenr', name: 'Fuldt navn', unitCode: 'Org' };
    const replanned = (
      await client.post(`/api/v1/org-imports/${job.id}/plan`, { mapping, isFullImport: false })
    ).json() as ImportJob;
    expect(replanned.status).toBe('ready');
    await apply(client, replanned);
    const next = await upload(
      client,
      'people',
      content.replace('Pia Pedersen', 'Pia Pedersen-Lund'),
    );
    expect(next.mapping).toEqual(mapping);
    expect(next.preview?.changed.count).toBe(1);
  });

  it('answers unreadable and unknown imports clearly', async () => {
    const { client } = await buildSignedInUser(t);
    const broken = await client.post('/api/v1/org-imports', {
      kind: 'people',
      format: 'csv',
      fileName: 'x.csv',
      content: 'a,"b\n1,2',
    });
    expect(broken.statusCode).toBe(422);
    expect(broken.json().code).toBe('import_file_unreadable');
    const xlsx = await client.post('/api/v1/org-imports', {
      kind: 'people',
      format: 'xlsx',
      fileName: 'x.xlsx',
      content: 'bm90IGEgemlw',
    });
    expect(xlsx.json().issues[0].code).toBe('invalid_xlsx');
    expect(
      (await client.get('/api/v1/org-imports/00000000-0000-4000-8000-000000000000')).statusCode,
    ).toBe(404);
  });
});

describe('subtrees', () => {
  it('counts people per unit and per subtree, and filters people by subtree', async () => {
    const { client } = await buildSignedInUser(t);
    await importOrganisation(client);
    const byCode = new Map((await units(client)).map((unit) => [unit.code, unit]));
    expect(byCode.get('KOM')).toMatchObject({ peopleCount: 1, subtreePeopleCount: 8 });
    expect(byCode.get('SOF-ÆLD')).toMatchObject({ peopleCount: 1, subtreePeopleCount: 4 });
    const sof = byCode.get('SOF')?.id ?? '';
    expect((await people(client, `?unitId=${sof}`)).total).toBe(5);
    expect((await people(client, `?unitId=${sof}&includeSubunits=false`)).total).toBe(1);
    const detail = (await client.get(`/api/v1/org-units/${byCode.get('SOF-ÆLD-HJ')?.id}`)).json();
    expect(detail.path.map((unit: { code: string }) => unit.code)).toEqual([
      'KOM',
      'SOF',
      'SOF-ÆLD',
    ]);
  });

  it('moves a unit with everything under it, and refuses a move under itself', async () => {
    const { client } = await buildSignedInUser(t);
    await importOrganisation(client);
    const byCode = new Map((await units(client)).map((unit) => [unit.code, unit]));
    const cycle = await client.patch(`/api/v1/org-units/${byCode.get('SOF')?.id}`, {
      parentId: byCode.get('SOF-ÆLD-HJ')?.id,
    });
    expect(cycle.statusCode).toBe(422);
    const moved = await client.patch(`/api/v1/org-units/${byCode.get('SOF-ÆLD')?.id}`, {
      parentId: byCode.get('BUF')?.id,
    });
    expect(moved.statusCode).toBe(200);
    expect((await people(client, `?unitId=${byCode.get('BUF')?.id}`)).total).toBe(6);
  });
});

describe('who sees whom', () => {
  async function linkUser(
    organisationSlug: string,
    employeeNumber: string,
    role: 'manager' | 'employee',
  ): Promise<TestClient> {
    const email = `${employeeNumber}-${Math.random().toString(16).slice(2)}@aeroe.example`;
    const { userId } = await t.services.auth.ensureUser({
      email,
      name: employeeNumber,
      password: TEST_PASSWORD,
      organisationSlug,
      role,
    });
    await t.database.db
      .updateTable('people')
      .set({ user_id: userId })
      .where('employee_number', '=', employeeNumber)
      .where(
        'organisation_id',
        '=',
        (
          await t.database.db
            .selectFrom('organisations')
            .select('id')
            .where('slug', '=', organisationSlug)
            .executeTakeFirstOrThrow()
        ).id,
      )
      .execute();
    return signIn(t.app, email, TEST_PASSWORD);
  }

  it('shows a manager the units they lead and their reports, an employee only themself', async () => {
    const { client, organisation } = await buildSignedInUser(t);
    await importOrganisation(client);
    const byCode = new Map((await units(client)).map((unit) => [unit.code, unit]));
    const bjorn = (await people(client, '?q=1003')).items[0];
    await client.patch(`/api/v1/org-units/${byCode.get('SOF-ÆLD')?.id}`, {
      managerPersonId: bjorn?.id,
    });

    const manager = await linkUser(organisation.slug, '1003', 'manager');
    const seen = await people(manager);
    expect(seen.items.map((person) => person.employeeNumber).sort()).toEqual([
      '1003',
      '1004',
      '1005',
      '1006',
    ]);
    expect((await units(manager)).map((unit) => unit.code).sort()).toEqual([
      'SOF-ÆLD',
      'SOF-ÆLD-HJ',
      'SOF-ÆLD-PL',
    ]);
    const outside = (await people(client, '?q=1007')).items[0];
    expect((await manager.get(`/api/v1/people/${outside?.id}`)).statusCode).toBe(404);
    expect((await manager.get(`/api/v1/org-units/${byCode.get('BUF')?.id}`)).statusCode).toBe(404);
    expect(
      (await manager.patch(`/api/v1/people/${seen.items[0]?.id}`, { name: 'X' })).statusCode,
    ).toBe(403);

    const employee = await linkUser(organisation.slug, '1004', 'employee');
    const self = await people(employee);
    expect(self.items.map((person) => person.employeeNumber)).toEqual(['1004']);
    expect((await employee.get(`/api/v1/people/${bjorn?.id}`)).statusCode).toBe(404);
    expect(
      (
        await employee.post('/api/v1/org-imports', {
          kind: 'people',
          format: 'csv',
          fileName: 'x.csv',
          content: 'a\n1',
        })
      ).statusCode,
    ).toBe(403);
  });

  it("never shows one organisation another's units, people or imports", async () => {
    const owner = await buildSignedInUser(t);
    await importOrganisation(owner.client);
    const other = await buildSignedInUser(t);
    const theirUnits = await units(owner.client);
    const theirPeople = await people(owner.client);
    const pending = await upload(owner.client, 'people', 'Medarbejdernummer;Navn\n9;Ni\n');
    expect(await units(other.client)).toHaveLength(0);
    expect((await people(other.client, '?status=all')).total).toBe(0);
    const unit = theirUnits[0]?.id ?? '';
    const person = theirPeople.items[0]?.id ?? '';
    for (const response of await Promise.all([
      other.client.get(`/api/v1/org-units/${unit}`),
      other.client.patch(`/api/v1/org-units/${unit}`, { name: 'Overtaget' }),
      other.client.post('/api/v1/org-units', { parentId: unit, code: 'X', name: 'X' }),
      other.client.get(`/api/v1/people/${person}`),
      other.client.patch(`/api/v1/people/${person}`, { name: 'Overtaget' }),
      other.client.get(`/api/v1/people?unitId=${unit}`),
      other.client.get(`/api/v1/org-imports/${pending.id}`),
      other.client.post(`/api/v1/org-imports/${pending.id}/apply`),
    ])) {
      expect([404, 200]).toContain(response.statusCode);
      if (response.statusCode === 200) {
        expect(response.json().total).toBe(0);
      }
    }
    expect((await people(owner.client, '?q=Overtaget')).total).toBe(0);
  });
});
