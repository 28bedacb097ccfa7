import { readFileSync } from 'node:fs';
import path from 'node:path';
import ExcelJS from 'exceljs';
import type { FrameworkDocument, FrameworkSummary, FrameworkVersion } from '@evne/core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { buildSignedInUser, withShippedFrameworks } from '../../test/factories.js';
import { buildTestApp, type TestApp, type TestClient } from '../../test/test-app.js';
import { SHIPPED_FRAMEWORKS_DIR } from '../seed/seed.js';

let t: TestApp;
beforeAll(async () => {
  t = await buildTestApp();
  await withShippedFrameworks(t);
});
afterAll(async () => {
  await t.close();
});

const dkFile = readFileSync(path.join(SHIPPED_FRAMEWORKS_DIR, 'dk-state-model.json'), 'utf8');
const dkDocument = JSON.parse(dkFile) as FrameworkDocument;

async function list(client: TestClient): Promise<FrameworkSummary[]> {
  const response = await client.get('/api/v1/frameworks');
  expect(response.statusCode).toBe(200);
  return (response.json() as { items: FrameworkSummary[] }).items;
}

async function shipped(client: TestClient, key: string): Promise<FrameworkSummary> {
  const found = (await list(client)).find(
    (framework) => framework.key === key && framework.isShipped,
  );
  if (!found) {
    throw new Error(`no shipped ${key}`);
  }
  return found;
}

async function adaptDk(
  client: TestClient,
): Promise<{ framework: FrameworkSummary; draft: FrameworkVersion }> {
  const source = await shipped(client, 'dk-state-model');
  const response = await client.post(`/api/v1/frameworks/${source.id}/adaptations`, {});
  expect(response.statusCode).toBe(201);
  const framework = response.json() as FrameworkSummary;
  const draftId = framework.versions[0]?.id ?? '';
  const draft = (
    await client.get(`/api/v1/framework-versions/${draftId}`)
  ).json() as FrameworkVersion;
  return { framework, draft };
}

function nodeByCode(version: FrameworkVersion, code: string) {
  const node = version.nodes.find((candidate) => candidate.code === code);
  if (!node) {
    throw new Error(`no node ${code}`);
  }
  return node;
}

async function importFile(client: TestClient, body: Record<string, unknown>) {
  return client.post('/api/v1/frameworks/import', body);
}

describe('framework library', () => {
  it('lists the four shipped frameworks with their completeness against the published model', async () => {
    const { client } = await buildSignedInUser(t, { role: 'employee' });
    const items = await list(client);
    expect(
      items
        .filter((f) => f.isShipped)
        .map((f) => f.key)
        .sort(),
    ).toEqual(['digcomp-2-2', 'digdir-level-3', 'dk-state-model', 'kl-employee-wheel']);
    const dk = items.find((f) => f.key === 'dk-state-model');
    expect(dk?.completeness.figures).toEqual([
      { kind: 'area', present: 4, expected: 4 },
      { kind: 'subcategory', present: 10, expected: 12 },
      { kind: 'competence', present: 6, expected: 32 },
    ]);
    expect(dk?.sources.length).toBeGreaterThan(3);
    const digcomp = items.find((f) => f.key === 'digcomp-2-2');
    expect(digcomp?.completeness.figures).toEqual([
      { kind: 'area', present: 5, expected: 5 },
      { kind: 'competence', present: 21, expected: 21 },
    ]);
  });

  it('shows a version with its scale, and sub-categories without competences as rated leaves', async () => {
    const { client } = await buildSignedInUser(t, { role: 'employee' });
    const dk = await shipped(client, 'dk-state-model');
    const version = (
      await client.get(`/api/v1/framework-versions/${dk.versions[0]?.id}`)
    ).json() as FrameworkVersion;
    expect(version.status).toBe('published');
    expect(version.scale.levels.map((level) => level.label.da)).toEqual([
      'Ingen kendskab',
      'Har kendskab til',
      'Kan anvende',
      'Behersker',
      'Er ekspert',
    ]);
    expect(nodeByCode(version, 'A2.2').isRated).toBe(true);
    expect(nodeByCode(version, 'A2.1').isRated).toBe(false);
    expect(nodeByCode(version, 'A2.1.1').isRated).toBe(true);
    expect(version.nodes.filter((node) => node.parentId === null)).toHaveLength(4);
  });

  it('keeps KL foundational competences as a separate group outside the wheel', async () => {
    const { client } = await buildSignedInUser(t, { role: 'employee' });
    const kl = await shipped(client, 'kl-employee-wheel');
    const version = (
      await client.get(`/api/v1/framework-versions/${kl.versions[0]?.id}`)
    ).json() as FrameworkVersion;
    const tops = version.nodes.filter((node) => node.parentId === null);
    expect(tops.filter((node) => node.group === 'wheel')).toHaveLength(4);
    expect(tops.filter((node) => node.group === 'foundational')).toHaveLength(1);
    expect(kl.completeness.figures.find((figure) => figure.kind === 'area')).toEqual({
      kind: 'area',
      present: 4,
      expected: 4,
    });
  });
});

describe('local adaptation', () => {
  it('copies a published framework into a draft whose nodes keep their lineage', async () => {
    const { client } = await buildSignedInUser(t);
    const { framework, draft } = await adaptDk(client);
    expect(framework.isShipped).toBe(false);
    expect(framework.derivedFrom?.name.da).toBe(dkDocument.name.da);
    expect(draft.status).toBe('draft');
    expect(draft.nodes).toHaveLength(dkDocument.nodes.length);
    expect(
      draft.nodes.every((node) => node.sourceNodeId !== null && node.changes.length === 0),
    ).toBe(true);
    expect(draft.source?.frameworkName.da).toBe(dkDocument.name.da);
  });

  it('renames, adds, hides, moves, reorders and edits descriptors, shows the differences, and publishes', async () => {
    const { client } = await buildSignedInUser(t);
    const { framework, draft } = await adaptDk(client);
    const base = `/api/v1/framework-versions/${draft.id}`;
    const a3 = nodeByCode(draft, 'A3');
    const a31 = nodeByCode(draft, 'A3.1');
    const gdpr = nodeByCode(draft, 'A3.1.2');

    expect(
      (await client.patch(`${base}/nodes/${gdpr.id}`, { name: { da: 'GDPR i hverdagen' } }))
        .statusCode,
    ).toBe(200);
    const added = await client.post(`${base}/nodes`, {
      parentId: a31.id,
      code: 'A3.1.9',
      kind: 'competence',
      name: { da: 'Lokal kompetence', en: 'Local competence' },
    });
    expect(added.statusCode).toBe(201);
    const a21 = nodeByCode(draft, 'A2.1');
    for (const [code, change] of [
      ['A2.2', { hidden: true }],
      ['A2.1.2', { parentId: a31.id }],
      ['A3.2', { position: 0 }],
    ] as const) {
      const response = await client.patch(`${base}/nodes/${nodeByCode(draft, code).id}`, change);
      expect(response.statusCode, response.body).toBe(200);
    }
    const descriptors = await client.patch(`${base}/nodes/${nodeByCode(draft, 'A2.1.1').id}`, {
      levelDescriptors: { '3': { da: 'Skriver user stories selv' } },
    });
    const after = descriptors.json() as FrameworkVersion;
    expect(nodeByCode(after, 'A3.1.2').changes).toContain('renamed');
    expect(nodeByCode(after, 'A3.1.9').changes).toEqual(['added']);
    expect(nodeByCode(after, 'A2.2').changes).toContain('hidden');
    expect(nodeByCode(after, 'A2.1.2').changes).toContain('moved');
    expect(nodeByCode(after, 'A2.1.2').parentId).toBe(a31.id);
    expect(nodeByCode(after, 'A3.2').changes).toContain('reordered');
    expect(nodeByCode(after, 'A3.2').position).toBe(0);
    expect(nodeByCode(after, 'A2.1.1').changes).toEqual(['descriptors']);
    expect(nodeByCode(after, 'A2.1').changes).toEqual([]);
    expect(
      after.nodes
        .filter((node) => node.parentId === a3.id)
        .map((node) => node.position)
        .sort(),
    ).toEqual([0, 1, 2]);
    expect(after.nodes.filter((node) => node.parentId === a21.id)).toHaveLength(1);

    const removed = await client.del(`${base}/nodes/${nodeByCode(after, 'A4.1.2').id}`);
    expect((removed.json() as FrameworkVersion).removedFromSource.map((node) => node.code)).toEqual(
      ['A4.1.2'],
    );

    const published = await client.post(`${base}/publish`);
    expect(published.statusCode).toBe(200);
    expect((published.json() as FrameworkVersion).status).toBe('published');
    const summary = (
      await client.get(`/api/v1/frameworks/${framework.id}`)
    ).json() as FrameworkSummary;
    expect(summary.versions.map((version) => version.status)).toEqual(['published']);
  });

  it('refuses to change a published version, in the service and in the database', async () => {
    const { client } = await buildSignedInUser(t);
    const { draft } = await adaptDk(client);
    await client.post(`/api/v1/framework-versions/${draft.id}/publish`);
    const node = draft.nodes[0];
    const response = await client.patch(
      `/api/v1/framework-versions/${draft.id}/nodes/${node?.id}`,
      { name: { da: 'Nyt navn' } },
    );
    expect(response.statusCode).toBe(409);
    expect(response.json().code).toBe('framework_version_published');
    await expect(
      t.database.db
        .updateTable('framework_nodes')
        .set({ code: 'X' })
        .where('version_id', '=', draft.id)
        .execute(),
    ).rejects.toThrow(/immutable/);
  });

  it('starts a new version from the published one; the earlier version stays readable', async () => {
    const { client } = await buildSignedInUser(t);
    const { framework, draft } = await adaptDk(client);
    await client.patch(
      `/api/v1/framework-versions/${draft.id}/nodes/${nodeByCode(draft, 'A1').id}`,
      { name: { da: 'Strategi' } },
    );
    await client.post(`/api/v1/framework-versions/${draft.id}/publish`);
    const second = await client.post(`/api/v1/frameworks/${framework.id}/drafts`);
    expect(second.statusCode).toBe(201);
    const v2 = second.json() as FrameworkVersion;
    expect(v2.number).toBe(2);
    expect(v2.source?.versionId).toBe(draft.id);
    expect(v2.nodes.every((node) => node.changes.length === 0)).toBe(true);
    expect((await client.post(`/api/v1/frameworks/${framework.id}/drafts`)).json().code).toBe(
      'framework_draft_exists',
    );
    await client.patch(`/api/v1/framework-versions/${v2.id}/nodes/${nodeByCode(v2, 'A1').id}`, {
      name: { da: 'Strategi v2' },
    });
    const v1 = (
      await client.get(`/api/v1/framework-versions/${draft.id}`)
    ).json() as FrameworkVersion;
    expect(nodeByCode(v1, 'A1').name.da).toBe('Strategi');
  });

  it('rejects moving a node under its own descendant, a duplicate code and a descriptor for an unknown level', async () => {
    const { client } = await buildSignedInUser(t);
    const { draft } = await adaptDk(client);
    const base = `/api/v1/framework-versions/${draft.id}/nodes`;
    const cycle = await client.patch(`${base}/${nodeByCode(draft, 'A2').id}`, {
      parentId: nodeByCode(draft, 'A2.1.1').id,
    });
    expect(cycle.statusCode).toBe(422);
    expect(cycle.json().code).toBe('cycle');
    const duplicate = await client.post(base, {
      parentId: null,
      code: 'A1',
      kind: 'area',
      name: { da: 'Dublet' },
    });
    expect(duplicate.statusCode).toBe(409);
    expect(duplicate.json().code).toBe('duplicate_code');
    const level = await client.patch(`${base}/${nodeByCode(draft, 'A2.1.1').id}`, {
      levelDescriptors: { '9': { da: 'x' } },
    });
    expect(level.statusCode).toBe(422);
    expect(level.json().code).toBe('unknown_level');
  });

  it('lets only an admin adapt, and nobody change a shipped framework', async () => {
    const admin = await buildSignedInUser(t);
    const employee = await buildSignedInUser(t, {
      organisation: admin.organisation,
      role: 'employee',
    });
    const dk = await shipped(employee.client, 'dk-state-model');
    const response = await employee.client.post(`/api/v1/frameworks/${dk.id}/adaptations`, {});
    expect(response.statusCode).toBe(403);
    expect(response.json().code).toBe('admin_only');
    const change = await admin.client.patch(`/api/v1/framework-versions/${dk.versions[0]?.id}`, {
      name: { da: 'Mit' },
    });
    expect(change.statusCode).toBe(403);
    expect(change.json().code).toBe('framework_shipped_read_only');
  });
});

describe('discarding drafts', () => {
  it('discards a later draft and keeps the framework; discarding the first draft removes it', async () => {
    const { client } = await buildSignedInUser(t);
    const { framework, draft } = await adaptDk(client);
    await client.post(`/api/v1/framework-versions/${draft.id}/publish`);
    const second = (
      await client.post(`/api/v1/frameworks/${framework.id}/drafts`)
    ).json() as FrameworkVersion;
    expect((await client.del(`/api/v1/framework-versions/${second.id}`)).statusCode).toBe(204);
    expect(
      ((await client.get(`/api/v1/frameworks/${framework.id}`)).json() as FrameworkSummary)
        .versions,
    ).toHaveLength(1);
    expect((await client.del(`/api/v1/framework-versions/${draft.id}`)).json().code).toBe(
      'framework_version_published',
    );

    const other = await adaptDk(client);
    expect((await client.del(`/api/v1/framework-versions/${other.draft.id}`)).statusCode).toBe(204);
    expect((await client.get(`/api/v1/frameworks/${other.framework.id}`)).statusCode).toBe(404);
  });
});

describe('organisation scoping', () => {
  it("never lets one organisation read or change another's draft", async () => {
    const owner = await buildSignedInUser(t);
    const other = await buildSignedInUser(t);
    const { framework, draft } = await adaptDk(owner.client);
    const node = draft.nodes[0];
    expect((await list(other.client)).some((item) => item.id === framework.id)).toBe(false);
    const attempts = [
      other.client.get(`/api/v1/frameworks/${framework.id}`),
      other.client.get(`/api/v1/framework-versions/${draft.id}`),
      other.client.get(`/api/v1/framework-versions/${draft.id}/export?format=json`),
      other.client.patch(`/api/v1/framework-versions/${draft.id}`, { name: { da: 'Overtaget' } }),
      other.client.patch(`/api/v1/framework-versions/${draft.id}/nodes/${node?.id}`, {
        hidden: true,
      }),
      other.client.del(`/api/v1/framework-versions/${draft.id}/nodes/${node?.id}`),
      other.client.post(`/api/v1/framework-versions/${draft.id}/publish`),
      other.client.post(`/api/v1/framework-versions/${draft.id}/nodes`, {
        parentId: null,
        code: 'Z',
        kind: 'area',
        name: { da: 'Z' },
      }),
      other.client.del(`/api/v1/framework-versions/${draft.id}`),
      other.client.post(`/api/v1/frameworks/${framework.id}/drafts`),
      other.client.post(`/api/v1/frameworks/${framework.id}/adaptations`, {}),
    ];
    for (const response of await Promise.all(attempts)) {
      expect(response.statusCode).toBe(404);
    }
    const unchanged = (
      await owner.client.get(`/api/v1/framework-versions/${draft.id}`)
    ).json() as FrameworkVersion;
    expect(unchanged.status).toBe('draft');
    expect(unchanged.nodes).toHaveLength(draft.nodes.length);
    expect(unchanged.nodes.every((n) => !n.hidden)).toBe(true);
  });
});

describe('import and export', () => {
  it('round-trips the JSON document exactly: import then export gives the same file', async () => {
    const { client } = await buildSignedInUser(t);
    const imported = await importFile(client, { format: 'json', content: dkFile, publish: true });
    expect(imported.statusCode).toBe(201);
    const { versionId, unchanged } = imported.json();
    expect(unchanged).toBe(false);
    const exported = await client.get(`/api/v1/framework-versions/${versionId}/export?format=json`);
    expect(exported.headers['content-disposition']).toContain('dk-state-model-v1.json');
    expect(exported.body).toBe(dkFile);
  });

  it('imports the same file twice as one version', async () => {
    const { client } = await buildSignedInUser(t);
    const first = (await importFile(client, { format: 'json', content: dkFile })).json();
    const second = await importFile(client, { format: 'json', content: dkFile });
    expect(second.statusCode).toBe(201);
    expect(second.json()).toMatchObject({ unchanged: true, versionId: first.versionId });
    const own = (await list(client)).filter((framework) => !framework.isShipped);
    expect(own).toHaveLength(1);
    expect(own[0]?.versions).toHaveLength(1);
  });

  it('round-trips through CASE 1.1 to the same tree', async () => {
    const { client } = await buildSignedInUser(t);
    const kl = await shipped(client, 'kl-employee-wheel');
    const exported = await client.get(
      `/api/v1/framework-versions/${kl.versions[0]?.id}/export?format=case`,
    );
    const casePackage = exported.json();
    expect(casePackage.CFDocument.identifier).toMatch(
      /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[89ab][0-9a-f]{3}-[0-9a-f]{12}$/,
    );
    expect(
      casePackage.CFAssociations.every(
        (a: { associationType: string }) => a.associationType === 'isChildOf',
      ),
    ).toBe(true);
    const imported = await importFile(client, { format: 'case', content: exported.body });
    expect(imported.statusCode).toBe(201);
    const back = await client.get(
      `/api/v1/framework-versions/${imported.json().versionId}/export?format=json`,
    );
    const original = await client.get(
      `/api/v1/framework-versions/${kl.versions[0]?.id}/export?format=json`,
    );
    expect(back.json()).toEqual(original.json());
  });

  it('round-trips the tree through CSV and XLSX', async () => {
    const { client } = await buildSignedInUser(t);
    const dk = await shipped(client, 'dk-state-model');
    const original = (
      await client.get(`/api/v1/framework-versions/${dk.versions[0]?.id}/export?format=json`)
    ).json() as FrameworkDocument;
    const tree = (doc: FrameworkDocument) =>
      doc.nodes.map((n) => [
        n.code,
        n.parent,
        n.kind,
        n.name,
        n.description ?? null,
        n.colour ?? null,
      ]);

    const csv = await client.get(
      `/api/v1/framework-versions/${dk.versions[0]?.id}/export?format=csv`,
    );
    expect(csv.body.startsWith('\ufeffcode;parent_code;kind')).toBe(true);
    const fromCsv = await importFile(client, {
      format: 'csv',
      content: csv.body,
      key: 'dk-from-csv',
      name: { da: 'Fra CSV' },
    });
    expect(fromCsv.statusCode).toBe(201);
    const csvBack = (
      await client.get(`/api/v1/framework-versions/${fromCsv.json().versionId}/export?format=json`)
    ).json() as FrameworkDocument;
    expect(tree(csvBack)).toEqual(tree(original));

    const xlsx = await client.request(
      'GET',
      `/api/v1/framework-versions/${dk.versions[0]?.id}/export?format=xlsx`,
    );
    expect(xlsx.headers['content-type']).toContain('spreadsheetml');
    const fromXlsx = await importFile(client, {
      format: 'xlsx',
      content: xlsx.rawPayload.toString('base64'),
      key: 'dk-from-xlsx',
      name: { da: 'Fra XLSX' },
    });
    expect(fromXlsx.statusCode).toBe(201);
    const xlsxBack = (
      await client.get(`/api/v1/framework-versions/${fromXlsx.json().versionId}/export?format=json`)
    ).json() as FrameworkDocument;
    expect(tree(xlsxBack)).toEqual(tree(original));
  });

  it('reads a semicolon CSV with a BOM, and an XLSX sheet, with æøå intact', async () => {
    const { client } = await buildSignedInUser(t);
    const text =
      'code;parent_code;kind;name_da\r\nA;;area;Økonomi og ældrepleje\r\nA.1;A;competence;Å styre\r\n';
    for (const [format, content] of [
      ['csv', `\ufeff${text}`],
      ['xlsx', await csvAsXlsx(text)],
    ] as const) {
      const imported = await importFile(client, {
        format,
        content,
        key: `excel-${format}`,
        name: { da: 'Excel' },
      });
      expect(imported.statusCode).toBe(201);
      const doc = (
        await client.get(
          `/api/v1/framework-versions/${imported.json().versionId}/export?format=json`,
        )
      ).json() as FrameworkDocument;
      expect(doc.nodes.map((n) => n.name.da)).toEqual(['Økonomi og ældrepleje', 'Å styre']);
    }
  });
});

async function csvAsXlsx(text: string): Promise<string> {
  const workbook = new ExcelJS.Workbook();
  const sheet = workbook.addWorksheet('Ark1');
  for (const line of text.trim().split(/\r?\n/)) {
    sheet.addRow(line.split(';'));
  }
  return Buffer.from(await workbook.xlsx.writeBuffer()).toString('base64');
}

describe('bad input', () => {
  const valid = (): FrameworkDocument => ({
    format: 'evne-framework',
    formatVersion: 1,
    key: 'bad-input',
    name: { da: 'Test' },
    scale: dkDocument.scale,
    nodes: [
      { code: 'A', parent: null, kind: 'area', name: { da: 'A' } },
      { code: 'A.1', parent: 'A', kind: 'competence', name: { da: 'A1' } },
    ],
  });

  const cases: [string, () => string, string, string | RegExp][] = [
    [
      'broken JSON',
      () => '{\n  "format": "evne-framework",\n  "nodes": [\n}',
      'invalid_json',
      /^line 4/,
    ],
    [
      'an unknown parent',
      () =>
        JSON.stringify({
          ...valid(),
          nodes: [
            ...valid().nodes,
            { code: 'B.1', parent: 'B', kind: 'competence', name: { da: 'x' } },
          ],
        }),
      'unknown_parent',
      '$.nodes[2].parent',
    ],
    [
      'a duplicate code',
      () =>
        JSON.stringify({
          ...valid(),
          nodes: [
            ...valid().nodes,
            { code: 'A.1', parent: 'A', kind: 'competence', name: { da: 'x' } },
          ],
        }),
      'duplicate_code',
      '$.nodes[2].code',
    ],
    [
      'a cycle',
      () =>
        JSON.stringify({
          ...valid(),
          nodes: [
            { code: 'X', parent: 'Y', kind: 'area', name: { da: 'x' } },
            { code: 'Y', parent: 'X', kind: 'area', name: { da: 'y' } },
          ],
        }),
      'cycle',
      /\$\.nodes\[\d\]\.parent/,
    ],
    [
      'a missing name',
      () => JSON.stringify({ ...valid(), nodes: [{ code: 'A', parent: null, kind: 'area' }] }),
      'missing_field',
      '$.nodes[0].name',
    ],
    [
      'an empty scale',
      () => JSON.stringify({ ...valid(), scale: { ...valid().scale, levels: [] } }),
      'empty_scale',
      '$.scale.levels',
    ],
    [
      'a level out of order',
      () =>
        JSON.stringify({
          ...valid(),
          scale: { ...valid().scale, levels: [...valid().scale.levels].reverse() },
        }),
      'level_out_of_order',
      '$.scale.levels[1].value',
    ],
  ];

  it.each(cases)(
    'rejects %s as a whole, says where, and saves nothing',
    async (_label, content, code, where) => {
      const { client } = await buildSignedInUser(t);
      const before = await t.database.db
        .selectFrom('framework_versions')
        .select((eb) => eb.fn.countAll<number>().as('n'))
        .executeTakeFirstOrThrow();
      const response = await importFile(client, { format: 'json', content: content() });
      expect(response.statusCode).toBe(422);
      const body = response.json();
      expect(body.code).toBe('framework_import_invalid');
      const issue = body.issues.find((candidate: { code: string }) => candidate.code === code);
      expect(issue, JSON.stringify(body.issues)).toBeDefined();
      const location = issue.path ?? `line ${issue.line} column ${issue.column}`;
      if (typeof where === 'string') {
        expect(location).toBe(where);
      } else {
        expect(location).toMatch(where);
      }
      const after = await t.database.db
        .selectFrom('framework_versions')
        .select((eb) => eb.fn.countAll<number>().as('n'))
        .executeTakeFirstOrThrow();
      expect(Number(after.n)).toBe(Number(before.n));
      expect((await list(client)).filter((f) => !f.isShipped)).toHaveLength(0);
    },
  );

  it('lists every problem of a file at once, with CSV lines and columns', async () => {
    const { client } = await buildSignedInUser(t);
    const csv =
      'code,parent_code,kind,name_da\nA,,area,Område\nA.1,Q,competence,Ukendt forælder\nA,,area,Dublet\nB,,gizmo,\n';
    const response = await importFile(client, {
      format: 'csv',
      content: csv,
      key: 'bad-csv',
      name: { da: 'x' },
    });
    expect(response.statusCode).toBe(422);
    const issues = response.json().issues as { code: string; line?: number; column?: string }[];
    expect(issues.length).toBeGreaterThanOrEqual(4);
    expect(issues).toEqual(
      expect.arrayContaining([
        expect.objectContaining({ code: 'unknown_parent', line: 3, column: 'parent_code' }),
        expect.objectContaining({ code: 'duplicate_code', line: 4, column: 'code' }),
        expect.objectContaining({ line: 5, column: 'kind' }),
        expect.objectContaining({ line: 5 }),
      ]),
    );
  });

  it('reports a CASE problem by the identifier of the item', async () => {
    const { client } = await buildSignedInUser(t);
    const dk = await shipped(client, 'dk-state-model');
    const exported = (
      await client.get(`/api/v1/framework-versions/${dk.versions[0]?.id}/export?format=case`)
    ).json();
    const broken = exported.CFAssociations[3];
    broken.destinationNodeURI.identifier = '00000000-0000-4000-8000-000000000000';
    const response = await importFile(client, {
      format: 'case',
      content: JSON.stringify(exported),
    });
    expect(response.statusCode).toBe(422);
    const issues = response.json().issues as { identifier?: string }[];
    expect(issues.some((issue) => issue.identifier !== undefined)).toBe(true);
  });

  it('answers a body that is not JSON, and one too large, with a problem', async () => {
    const { client } = await buildSignedInUser(t);
    const broken = await client.request('POST', '/api/v1/frameworks/import', undefined, {
      'content-type': 'application/json',
    });
    expect(broken.statusCode).toBe(400);
    const garbled = await t.app.inject({
      method: 'POST',
      url: '/api/v1/frameworks/import',
      headers: {
        cookie: client.cookie,
        'x-csrf-token': client.csrfToken,
        'content-type': 'application/json',
      },
      payload: '{"format": "json", "content": ',
    });
    expect(garbled.json()).toMatchObject({ status: 400, code: 'invalid_json' });
    const huge = await t.app.inject({
      method: 'POST',
      url: '/api/v1/frameworks/import',
      headers: {
        cookie: client.cookie,
        'x-csrf-token': client.csrfToken,
        'content-type': 'application/json',
      },
      payload: JSON.stringify({ format: 'json', content: 'x'.repeat(26 * 1024 * 1024) }),
    });
    expect(huge.statusCode).toBe(413);
    expect(huge.headers['content-type']).toContain('application/problem+json');
    expect(huge.json().code).toBe('payload_too_large');
  });

  it('refuses an import by an employee', async () => {
    const { client } = await buildSignedInUser(t, { role: 'employee' });
    const response = await importFile(client, { format: 'json', content: dkFile });
    expect(response.statusCode).toBe(403);
  });
});

describe('renaming an adaptation', () => {
  it("changes the draft's own name and description, and the framework's on publishing", async () => {
    const { client } = await buildSignedInUser(t);
    const { framework, draft } = await adaptDk(client);
    const renamed = await client.patch(`/api/v1/framework-versions/${draft.id}`, {
      name: { da: 'Vores digitale kompetencer' },
      description: { da: 'Tilpasset til kommunen.' },
    });
    expect(renamed.json()).toMatchObject({
      name: { da: 'Vores digitale kompetencer' },
      description: { da: 'Tilpasset til kommunen.' },
    });
    expect(
      ((await client.get(`/api/v1/frameworks/${framework.id}`)).json() as FrameworkSummary).name.da,
    ).toBe(dkDocument.name.da);
    await client.post(`/api/v1/framework-versions/${draft.id}/publish`);
    expect(
      ((await client.get(`/api/v1/frameworks/${framework.id}`)).json() as FrameworkSummary).name.da,
    ).toBe('Vores digitale kompetencer');
  });
});
