import type {
  CarryForwardResult,
  FrameworkSummary,
  FrameworkVersion,
  RoleProfile,
  RoleProfileSummary,
} from '@evne/core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { buildSignedInUser, withShippedFrameworks } from '../../test/factories.js';
import { buildTestApp, type TestApp, type TestClient } from '../../test/test-app.js';
import { rebuildUnitClosure } from '../repositories/org-units.repository.js';
import { ensureExampleProfiles } from '../seed/example-profiles.js';

let t: TestApp;
beforeAll(async () => {
  t = await buildTestApp();
  await withShippedFrameworks(t);
});
afterAll(async () => {
  await t.close();
});

async function shipped(client: TestClient, key: string): Promise<FrameworkSummary> {
  const response = await client.get('/api/v1/frameworks');
  const items = (response.json() as { items: FrameworkSummary[] }).items;
  const found = items.find((framework) => framework.key === key && framework.isShipped);
  if (!found) {
    throw new Error(`no shipped ${key}`);
  }
  return found;
}

async function latestVersion(client: TestClient, key: string): Promise<FrameworkVersion> {
  const framework = await shipped(client, key);
  const published = framework.versions.filter((version) => version.status === 'published');
  const id = published[published.length - 1]?.id ?? '';
  return (await client.get(`/api/v1/framework-versions/${id}`)).json() as FrameworkVersion;
}

function nodeByCode(version: FrameworkVersion, code: string) {
  const node = version.nodes.find((candidate) => candidate.code === code);
  if (!node) {
    throw new Error(`no node ${code}`);
  }
  return node;
}

function ratedNodes(version: FrameworkVersion) {
  return version.nodes.filter((node) => node.isRated);
}

/** A target for every rated node: level 3 essential, except GDPR (A3.1.2) at 4 and A1.x not needed. */
function fullTargets(version: FrameworkVersion) {
  return ratedNodes(version).map((node) => ({
    nodeId: node.id,
    targetLevel: node.code.startsWith('A1.') ? null : node.code === 'A3.1.2' ? 4 : 3,
    importance: node.code.startsWith('A4') ? ('useful' as const) : ('essential' as const),
  }));
}

async function createProfile(
  client: TestClient,
  versionId: string,
  name = 'Sagsbehandler',
): Promise<RoleProfile> {
  const response = await client.post('/api/v1/role-profiles', {
    frameworkVersionId: versionId,
    name: { da: name },
    description: { da: `${name} i kommunen` },
  });
  expect(response.statusCode, response.body).toBe(201);
  return response.json() as RoleProfile;
}

async function getProfile(client: TestClient, profileId: string): Promise<RoleProfile> {
  const response = await client.get(`/api/v1/role-profiles/${profileId}`);
  expect(response.statusCode, response.body).toBe(200);
  return response.json() as RoleProfile;
}

async function listProfiles(client: TestClient): Promise<RoleProfileSummary[]> {
  const response = await client.get('/api/v1/role-profiles');
  expect(response.statusCode).toBe(200);
  return (response.json() as { items: RoleProfileSummary[] }).items;
}

/** Inserts a unit tree (parents first) straight into the database and rebuilds its closure. */
async function buildUnits(
  organisationId: string,
  units: readonly { code: string; parent?: string }[],
): Promise<Map<string, string>> {
  const ids = new Map<string, string>();
  for (const unit of units) {
    const row = await t.database.db
      .insertInto('org_units')
      .values({
        organisation_id: organisationId,
        code: unit.code,
        name: `Unit ${unit.code}`,
        parent_id: unit.parent === undefined ? null : (ids.get(unit.parent) ?? null),
      })
      .returning('id')
      .executeTakeFirstOrThrow();
    ids.set(unit.code, row.id);
  }
  await rebuildUnitClosure(t.database.db, organisationId);
  return ids;
}

let employeeNumber = 0;
async function buildPerson(
  organisationId: string,
  person: { unitId?: string; jobTitle?: string; isActive?: boolean },
): Promise<string> {
  employeeNumber += 1;
  const row = await t.database.db
    .insertInto('people')
    .values({
      organisation_id: organisationId,
      employee_number: `E${employeeNumber}`,
      name: `Person ${employeeNumber}`,
      unit_id: person.unitId ?? null,
      job_title: person.jobTitle ?? null,
      is_active: person.isActive ?? true,
    })
    .returning('id')
    .executeTakeFirstOrThrow();
  return row.id;
}

describe('authentication and input', () => {
  it('refuses every role-profile call without a session with 401', async () => {
    const { client } = await buildSignedInUser(t);
    const dk = await latestVersion(client, 'dk-state-model');
    const profile = await createProfile(client, dk.id);
    const calls = [
      t.app.inject({ method: 'GET', url: '/api/v1/role-profiles' }),
      t.app.inject({ method: 'GET', url: `/api/v1/role-profiles/${profile.id}` }),
      t.app.inject({
        method: 'POST',
        url: '/api/v1/role-profiles',
        payload: { frameworkVersionId: dk.id, name: { da: 'X' } },
      }),
      t.app.inject({ method: 'DELETE', url: `/api/v1/role-profiles/${profile.id}` }),
    ];
    for (const response of await Promise.all(calls)) {
      expect(response.statusCode).toBe(401);
      expect(response.json().code).toBe('unauthenticated');
    }
  });

  it('answers 400 with the offending field for malformed ids and bodies', async () => {
    const { client } = await buildSignedInUser(t);
    const dk = await latestVersion(client, 'dk-state-model');
    const profile = await createProfile(client, dk.id);
    const base = `/api/v1/role-profiles/${profile.id}`;
    const cases: [Promise<{ statusCode: number; json(): unknown }>, string][] = [
      [client.get('/api/v1/role-profiles/not-a-uuid'), 'params'],
      [client.post('/api/v1/role-profiles', { frameworkVersionId: dk.id }), 'body'],
      [
        client.post('/api/v1/role-profiles', { frameworkVersionId: 'x', name: { da: 'X' } }),
        'body',
      ],
      [
        client.request('PUT', `${base}/targets`, {
          targets: [{ nodeId: dk.id, targetLevel: 'high' }],
        }),
        'body',
      ],
      [client.post(`${base}/rules`, { kind: 'grade', grade: 7 }), 'body'],
      [client.post(`${base}/rules`, { kind: 'job_title', jobTitle: '  ' }), 'body'],
      [client.post(`${base}/carry-forward`, {}), 'body'],
    ];
    for (const [pending, where] of cases) {
      const response = await pending;
      expect(response.statusCode).toBe(400);
      const body = response.json() as { code: string; issues: { path: string }[] };
      expect(body.code).toBe('invalid_request');
      expect(body.issues[0]?.path.startsWith(where)).toBe(true);
    }
  });
});

describe('who may change role profiles', () => {
  it('lets an employee read profiles but not change them (403 admin_only)', async () => {
    const admin = await buildSignedInUser(t);
    const employee = await buildSignedInUser(t, {
      organisation: admin.organisation,
      role: 'employee',
    });
    const dk = await latestVersion(admin.client, 'dk-state-model');
    const profile = await createProfile(admin.client, dk.id);
    const rule = (
      await admin.client.post(`/api/v1/role-profiles/${profile.id}/rules`, {
        kind: 'job_title',
        jobTitle: 'Sagsbehandler',
      })
    ).json() as RoleProfile;
    const ruleId = rule.rules[0]?.id ?? '';

    expect((await listProfiles(employee.client)).map((item) => item.id)).toEqual([profile.id]);
    expect((await getProfile(employee.client, profile.id)).name.da).toBe('Sagsbehandler');

    const base = `/api/v1/role-profiles/${profile.id}`;
    const attempts = [
      employee.client.post('/api/v1/role-profiles', {
        frameworkVersionId: dk.id,
        name: { da: 'Min' },
      }),
      employee.client.patch(base, { name: { da: 'Overtaget' } }),
      employee.client.del(base),
      employee.client.request('PUT', `${base}/targets`, { targets: fullTargets(dk) }),
      employee.client.post(`${base}/rules`, { kind: 'job_title', jobTitle: 'Leder' }),
      employee.client.del(`${base}/rules/${ruleId}`),
      employee.client.post(`${base}/carry-forward`, { frameworkVersionId: dk.id }),
    ];
    for (const response of await Promise.all(attempts)) {
      expect(response.statusCode).toBe(403);
      expect(response.json().code).toBe('admin_only');
    }
    const unchanged = await getProfile(admin.client, profile.id);
    expect(unchanged.name.da).toBe('Sagsbehandler');
    expect(unchanged.targets).toEqual([]);
    expect(unchanged.rules).toHaveLength(1);
    expect(await listProfiles(admin.client)).toHaveLength(1);
  });

  it("answers 404 for every call on another organisation's profile, rule, unit and version", async () => {
    const owner = await buildSignedInUser(t);
    const other = await buildSignedInUser(t);
    const dk = await latestVersion(owner.client, 'dk-state-model');
    const profile = await createProfile(owner.client, dk.id);
    await owner.client.request('PUT', `/api/v1/role-profiles/${profile.id}/targets`, {
      targets: fullTargets(dk),
    });
    const withRule = (
      await owner.client.post(`/api/v1/role-profiles/${profile.id}/rules`, {
        kind: 'job_title',
        jobTitle: 'Sagsbehandler',
      })
    ).json() as RoleProfile;
    const ruleId = withRule.rules[0]?.id ?? '';
    const ownerUnits = await buildUnits(owner.organisation.id, [{ code: 'OWN' }]);
    const otherPerson = await buildPerson(other.organisation.id, { jobTitle: 'Sagsbehandler' });
    const ownProfile = await createProfile(other.client, dk.id, 'Eget');
    const dkFramework = await shipped(owner.client, 'dk-state-model');
    const adapted = (
      await owner.client.post(`/api/v1/frameworks/${dkFramework.id}/adaptations`, {})
    ).json() as FrameworkSummary;
    const ownerVersionId = adapted.versions[0]?.id ?? '';
    await owner.client.post(`/api/v1/framework-versions/${ownerVersionId}/publish`);

    expect((await listProfiles(other.client)).map((item) => item.id)).toEqual([ownProfile.id]);
    const base = `/api/v1/role-profiles/${profile.id}`;
    const attempts: [Promise<{ statusCode: number; json(): unknown }>, string][] = [
      [other.client.get(base), 'role_profile_not_found'],
      [other.client.patch(base, { name: { da: 'Overtaget' } }), 'role_profile_not_found'],
      [other.client.del(base), 'role_profile_not_found'],
      [other.client.request('PUT', `${base}/targets`, { targets: [] }), 'role_profile_not_found'],
      [
        other.client.post(`${base}/rules`, { kind: 'job_title', jobTitle: 'Leder' }),
        'role_profile_not_found',
      ],
      [other.client.del(`${base}/rules/${ruleId}`), 'role_profile_not_found'],
      [
        other.client.post(`${base}/carry-forward`, { frameworkVersionId: dk.id }),
        'role_profile_not_found',
      ],
      [
        other.client.post('/api/v1/role-profiles', {
          frameworkVersionId: dk.id,
          name: { da: 'Kopi' },
          copyFromProfileId: profile.id,
        }),
        'role_profile_not_found',
      ],
      [
        other.client.post('/api/v1/role-profiles', {
          frameworkVersionId: ownerVersionId,
          name: { da: 'Lånt' },
        }),
        'framework_version_not_found',
      ],
      [
        other.client.post(`/api/v1/role-profiles/${ownProfile.id}/carry-forward`, {
          frameworkVersionId: ownerVersionId,
        }),
        'framework_version_not_found',
      ],
      [
        other.client.del(`/api/v1/role-profiles/${ownProfile.id}/rules/${ruleId}`),
        'profile_rule_not_found',
      ],
      [
        other.client.post(`/api/v1/role-profiles/${ownProfile.id}/rules`, {
          kind: 'unit',
          unitId: ownerUnits.get('OWN'),
        }),
        'org_unit_not_found',
      ],
      [
        other.client.post(`/api/v1/people/${otherPerson}/role-profiles`, {
          profileId: profile.id,
        }),
        'role_profile_not_found',
      ],
    ];
    for (const [pending, code] of attempts) {
      const response = await pending;
      expect(response.statusCode).toBe(404);
      expect((response.json() as { code: string }).code).toBe(code);
    }
    const unchanged = await getProfile(owner.client, profile.id);
    expect(unchanged.name.da).toBe('Sagsbehandler');
    expect(unchanged.targets).toHaveLength(ratedNodes(dk).length);
    expect(unchanged.rules.map((rule) => rule.id)).toEqual([ruleId]);
    expect(unchanged.peopleCount).toBe(0);
    expect((await getProfile(other.client, ownProfile.id)).rules).toEqual([]);
  });
});

describe('creating, changing and deleting profiles', () => {
  it('creates a profile on the shipped Danish version, renames it and deletes it', async () => {
    const { client } = await buildSignedInUser(t);
    const dk = await latestVersion(client, 'dk-state-model');
    const profile = await createProfile(client, dk.id);
    expect(profile).toMatchObject({
      name: { da: 'Sagsbehandler' },
      description: { da: 'Sagsbehandler i kommunen' },
      isExample: false,
      frameworkVersion: { id: dk.id, frameworkId: dk.framework.id, number: 1, isLatest: true },
      targetCount: 0,
      peopleCount: 0,
      carriedFrom: null,
      targets: [],
      rules: [],
    });
    expect(profile.frameworkVersion.frameworkName.da).toBe(dk.framework.name.da);

    const renamed = await client.patch(`/api/v1/role-profiles/${profile.id}`, {
      name: { da: 'Socialrådgiver', en: 'Social worker' },
      description: null,
    });
    expect(renamed.statusCode).toBe(200);
    expect(renamed.json()).toMatchObject({
      name: { da: 'Socialrådgiver', en: 'Social worker' },
      description: null,
    });

    expect((await client.del(`/api/v1/role-profiles/${profile.id}`)).statusCode).toBe(204);
    const gone = await client.get(`/api/v1/role-profiles/${profile.id}`);
    expect(gone.statusCode).toBe(404);
    expect(gone.json().code).toBe('role_profile_not_found');
    expect(await listProfiles(client)).toEqual([]);
  });

  it("starts a new profile from another profile's targets", async () => {
    const { client } = await buildSignedInUser(t);
    const dk = await latestVersion(client, 'dk-state-model');
    const source = await createProfile(client, dk.id);
    await client.request('PUT', `/api/v1/role-profiles/${source.id}/targets`, {
      targets: fullTargets(dk),
    });
    const response = await client.post('/api/v1/role-profiles', {
      frameworkVersionId: dk.id,
      name: { da: 'Kopi' },
      copyFromProfileId: source.id,
    });
    expect(response.statusCode).toBe(201);
    const copy = response.json() as RoleProfile;
    expect(copy.targets).toEqual((await getProfile(client, source.id)).targets);
    expect(copy.targetCount).toBe(ratedNodes(dk).length);
  });

  it('refuses a draft version (409), an unknown version (404) and copying across versions (422)', async () => {
    const { client } = await buildSignedInUser(t);
    const dkFramework = await shipped(client, 'dk-state-model');
    const digcomp = await latestVersion(client, 'digcomp-2-2');
    const adapted = (
      await client.post(`/api/v1/frameworks/${dkFramework.id}/adaptations`, {})
    ).json() as FrameworkSummary;
    const draft = await client.post('/api/v1/role-profiles', {
      frameworkVersionId: adapted.versions[0]?.id,
      name: { da: 'Kladde' },
    });
    expect(draft.statusCode).toBe(409);
    expect(draft.json().code).toBe('framework_version_not_published');

    const unknown = await client.post('/api/v1/role-profiles', {
      frameworkVersionId: '00000000-0000-4000-8000-000000000000',
      name: { da: 'Ukendt' },
    });
    expect(unknown.statusCode).toBe(404);
    expect(unknown.json().code).toBe('framework_version_not_found');

    const dk = await latestVersion(client, 'dk-state-model');
    const source = await createProfile(client, dk.id);
    const across = await client.post('/api/v1/role-profiles', {
      frameworkVersionId: digcomp.id,
      name: { da: 'Kopi' },
      copyFromProfileId: source.id,
    });
    expect(across.statusCode).toBe(422);
    expect(across.json().issues[0].path).toBe('copyFromProfileId');
    expect(await listProfiles(client)).toHaveLength(1);
  });
});

describe('setting targets', () => {
  it('replaces the targets for every rated competence, with "not needed" as null', async () => {
    const { client } = await buildSignedInUser(t);
    const dk = await latestVersion(client, 'dk-state-model');
    const profile = await createProfile(client, dk.id);
    const targets = fullTargets(dk);
    const response = await client.request('PUT', `/api/v1/role-profiles/${profile.id}/targets`, {
      targets,
    });
    expect(response.statusCode, response.body).toBe(200);
    const saved = response.json() as RoleProfile;
    expect(saved.targetCount).toBe(ratedNodes(dk).length);
    const byNode = new Map(saved.targets.map((target) => [target.nodeId, target]));
    expect(byNode.get(nodeByCode(dk, 'A3.1.2').id)).toMatchObject({
      targetLevel: 4,
      importance: 'essential',
    });
    expect(byNode.get(nodeByCode(dk, 'A1.1').id)?.targetLevel).toBeNull();

    const fewer = await client.request('PUT', `/api/v1/role-profiles/${profile.id}/targets`, {
      targets: [{ nodeId: nodeByCode(dk, 'A3.1.1').id, targetLevel: 2 }],
    });
    expect((fewer.json() as RoleProfile).targets).toEqual([
      { nodeId: nodeByCode(dk, 'A3.1.1').id, targetLevel: 2, importance: 'essential' },
    ]);
    expect((await listProfiles(client))[0]?.targetCount).toBe(1);
  });

  it.each([
    ['an area, which is not rated', 'A3', 3, 'not_a_rated_competence', 'targets[1].nodeId'],
    [
      'a competence of another version',
      'digcomp',
      3,
      'not_a_rated_competence',
      'targets[1].nodeId',
    ],
    ['a level that is not on the scale', 'A3.1.2', 9, 'unknown_level', 'targets[1].targetLevel'],
    ['the same competence twice', 'A3.1.1', 2, 'duplicate_target', 'targets[1].nodeId'],
  ])('rejects %s with 422 and saves nothing', async (_label, code, level, issue, path) => {
    const { client } = await buildSignedInUser(t);
    const dk = await latestVersion(client, 'dk-state-model');
    const digcomp = await latestVersion(client, 'digcomp-2-2');
    const profile = await createProfile(client, dk.id);
    const url = `/api/v1/role-profiles/${profile.id}/targets`;
    const first = { nodeId: nodeByCode(dk, 'A2.2').id, targetLevel: 3, importance: 'useful' };
    await client.request('PUT', url, { targets: [first] });
    const nodeId =
      code === 'digcomp' ? (ratedNodes(digcomp)[0]?.id ?? '') : nodeByCode(dk, code).id;
    const response = await client.request('PUT', url, {
      targets: [
        { nodeId: nodeByCode(dk, 'A3.1.1').id, targetLevel: 3 },
        { nodeId, targetLevel: level },
      ],
    });
    expect(response.statusCode).toBe(422);
    const body = response.json() as { code: string; issues: { code: string; path: string }[] };
    expect(body.code).toBe('invalid_targets');
    expect(body.issues).toEqual([expect.objectContaining({ code: issue, path })]);
    expect((await getProfile(client, profile.id)).targets).toEqual([first]);
  });

  it('lists every problem of a target list at once', async () => {
    const { client } = await buildSignedInUser(t);
    const dk = await latestVersion(client, 'dk-state-model');
    const profile = await createProfile(client, dk.id);
    const gdpr = nodeByCode(dk, 'A3.1.2').id;
    const response = await client.request('PUT', `/api/v1/role-profiles/${profile.id}/targets`, {
      targets: [
        { nodeId: gdpr, targetLevel: 3 },
        { nodeId: nodeByCode(dk, 'A2').id, targetLevel: 0 },
        { nodeId: gdpr, targetLevel: 4 },
      ],
    });
    expect(response.statusCode).toBe(422);
    expect(
      (response.json() as { issues: { code: string; path: string }[] }).issues.map(
        (item) => `${item.path} ${item.code}`,
      ),
    ).toEqual([
      'targets[1].nodeId not_a_rated_competence',
      'targets[1].targetLevel unknown_level',
      'targets[2].nodeId duplicate_target',
    ]);
    expect((await getProfile(client, profile.id)).targets).toEqual([]);
  });
});

describe('assignment rules', () => {
  it('gives profiles by job title and by unit, with and without sub-units, to active people only', async () => {
    const { client, organisation } = await buildSignedInUser(t);
    const dk = await latestVersion(client, 'dk-state-model');
    // ROOT ─┬─ SOCIAL ── CHILDREN
    //       └─ IT
    const units = await buildUnits(organisation.id, [
      { code: 'ROOT' },
      { code: 'SOCIAL', parent: 'ROOT' },
      { code: 'CHILDREN', parent: 'SOCIAL' },
      { code: 'IT', parent: 'ROOT' },
    ]);
    const unit = (code: string) => units.get(code) ?? '';
    await buildPerson(organisation.id, { unitId: unit('CHILDREN'), jobTitle: 'Sagsbehandler' }); // p1
    await buildPerson(organisation.id, { unitId: unit('SOCIAL'), jobTitle: 'sagsbehandler' }); // p2
    await buildPerson(organisation.id, { unitId: unit('IT'), jobTitle: 'Udvikler' }); // p3
    await buildPerson(organisation.id, {
      unitId: unit('SOCIAL'),
      jobTitle: 'Sagsbehandler',
      isActive: false,
    }); // p4, inactive
    await buildPerson(organisation.id, { jobTitle: 'Leder' }); // p5, no unit
    await buildPerson(organisation.id, { unitId: unit('ROOT'), jobTitle: 'Leder' }); // p6

    const byTitle = await createProfile(client, dk.id, 'Efter titel');
    const socialTree = await createProfile(client, dk.id, 'Social med underenheder');
    const socialOnly = await createProfile(client, dk.id, 'Kun Social');
    const mixed = await createProfile(client, dk.id, 'Hele kommunen og ledere');
    const addRule = async (profileId: string, rule: Record<string, unknown>) => {
      const response = await client.post(`/api/v1/role-profiles/${profileId}/rules`, rule);
      expect(response.statusCode, response.body).toBe(201);
      return response.json() as RoleProfile;
    };
    await addRule(byTitle.id, { kind: 'job_title', jobTitle: 'SAGSBEHANDLER' });
    await addRule(socialTree.id, { kind: 'unit', unitId: unit('SOCIAL') });
    const only = await addRule(socialOnly.id, {
      kind: 'unit',
      unitId: unit('SOCIAL'),
      includeSubunits: false,
    });
    expect(only.rules).toEqual([
      {
        id: expect.any(String),
        kind: 'unit',
        jobTitle: null,
        unit: { id: unit('SOCIAL'), code: 'SOCIAL', name: 'Unit SOCIAL' },
        includeSubunits: false,
      },
    ]);
    await addRule(mixed.id, { kind: 'unit', unitId: unit('ROOT'), includeSubunits: true });
    const withBoth = await addRule(mixed.id, { kind: 'job_title', jobTitle: 'Leder' });

    const counts = async () =>
      Object.fromEntries(
        (await listProfiles(client)).map((item) => [item.name.da ?? '', item.peopleCount]),
      );
    // p1 and p2 by title (p4 is inactive); p1, p2 in SOCIAL's tree; only p2 directly in SOCIAL;
    // ROOT's tree holds p1, p2, p3, p6 and the title "Leder" adds p5 (p6 counts once).
    expect(await counts()).toEqual({
      'Efter titel': 2,
      'Social med underenheder': 2,
      'Kun Social': 1,
      'Hele kommunen og ledere': 5,
    });
    expect((await getProfile(client, mixed.id)).peopleCount).toBe(5);

    const duplicate = await client.post(`/api/v1/role-profiles/${mixed.id}/rules`, {
      kind: 'job_title',
      jobTitle: 'leder',
    });
    expect(duplicate.statusCode).toBe(409);
    expect(duplicate.json().code).toBe('profile_rule_exists');

    const unitRuleId = withBoth.rules.find((rule) => rule.kind === 'unit')?.id ?? '';
    const removed = await client.del(`/api/v1/role-profiles/${mixed.id}/rules/${unitRuleId}`);
    expect(removed.statusCode).toBe(200);
    expect((removed.json() as RoleProfile).rules.map((rule) => rule.jobTitle)).toEqual(['Leder']);
    expect((removed.json() as RoleProfile).peopleCount).toBe(2);
    const again = await client.del(`/api/v1/role-profiles/${mixed.id}/rules/${unitRuleId}`);
    expect(again.statusCode).toBe(404);
    expect(again.json().code).toBe('profile_rule_not_found');
  });
});

describe('carrying a profile forward', () => {
  it('carries targets through lineage to an adapted version and lists what could not be carried', async () => {
    const { client } = await buildSignedInUser(t);
    const dk = await latestVersion(client, 'dk-state-model');
    const profile = await createProfile(client, dk.id);
    await client.request('PUT', `/api/v1/role-profiles/${profile.id}/targets`, {
      targets: fullTargets(dk),
    });
    await client.post(`/api/v1/role-profiles/${profile.id}/rules`, {
      kind: 'job_title',
      jobTitle: 'Sagsbehandler',
    });

    const dkFramework = await shipped(client, 'dk-state-model');
    const adapted = (
      await client.post(`/api/v1/frameworks/${dkFramework.id}/adaptations`, {})
    ).json() as FrameworkSummary;
    const draftId = adapted.versions[0]?.id ?? '';
    const draft = (
      await client.get(`/api/v1/framework-versions/${draftId}`)
    ).json() as FrameworkVersion;
    const nodesUrl = `/api/v1/framework-versions/${draftId}/nodes`;
    const renamed = await client.patch(`${nodesUrl}/${nodeByCode(draft, 'A3.1.2').id}`, {
      name: { da: 'GDPR i hverdagen' },
    });
    expect(renamed.statusCode).toBe(200);
    await client.patch(`${nodesUrl}/${nodeByCode(draft, 'A2.2').id}`, { hidden: true });
    await client.del(`${nodesUrl}/${nodeByCode(draft, 'A4.1.2').id}`);

    const notYet = await client.post(`/api/v1/role-profiles/${profile.id}/carry-forward`, {
      frameworkVersionId: draftId,
    });
    expect(notYet.statusCode).toBe(409);
    expect(notYet.json().code).toBe('framework_version_not_published');

    expect((await client.post(`/api/v1/framework-versions/${draftId}/publish`)).statusCode).toBe(
      200,
    );
    const response = await client.post(`/api/v1/role-profiles/${profile.id}/carry-forward`, {
      frameworkVersionId: draftId,
    });
    expect(response.statusCode, response.body).toBe(201);
    const result = response.json() as CarryForwardResult;
    expect(result.profile).toMatchObject({
      name: profile.name,
      description: profile.description,
      frameworkVersion: { id: draftId, frameworkId: adapted.id, number: 1, isLatest: true },
      carriedFrom: { id: profile.id, versionNumber: 1 },
      rules: [expect.objectContaining({ kind: 'job_title', jobTitle: 'Sagsbehandler' })],
    });
    expect(result.profile.id).not.toBe(profile.id);
    expect(result.profile.targets).toHaveLength(ratedNodes(dk).length - 2);
    expect(result.profile.targets).toContainEqual({
      nodeId: nodeByCode(draft, 'A3.1.2').id,
      targetLevel: 4,
      importance: 'essential',
    });
    expect(
      result.notCarried
        .map((item) => ({ code: item.code, reason: item.reason, level: item.targetLevel }))
        .sort((a, b) => a.code.localeCompare(b.code)),
    ).toEqual([
      { code: 'A2.2', reason: 'not_rated', level: 3 },
      { code: 'A4.1.2', reason: 'no_successor', level: 3 },
    ]);
    expect(result.notCarried.find((item) => item.code === 'A4.1.2')?.name.da).toBe(
      nodeByCode(dk, 'A4.1.2').name.da,
    );
    const original = await getProfile(client, profile.id);
    expect(original.targets).toHaveLength(ratedNodes(dk).length);
  });

  it('follows lineage over several versions, and refuses an unrelated framework with 409 no_lineage', async () => {
    const { client } = await buildSignedInUser(t);
    const dk = await latestVersion(client, 'dk-state-model');
    const profile = await createProfile(client, dk.id);
    await client.request('PUT', `/api/v1/role-profiles/${profile.id}/targets`, {
      targets: fullTargets(dk),
    });
    const dkFramework = await shipped(client, 'dk-state-model');
    const adapted = (
      await client.post(`/api/v1/frameworks/${dkFramework.id}/adaptations`, {})
    ).json() as FrameworkSummary;
    await client.post(`/api/v1/framework-versions/${adapted.versions[0]?.id}/publish`);
    const second = (
      await client.post(`/api/v1/frameworks/${adapted.id}/drafts`)
    ).json() as FrameworkVersion;
    await client.post(`/api/v1/framework-versions/${second.id}/publish`);

    const response = await client.post(`/api/v1/role-profiles/${profile.id}/carry-forward`, {
      frameworkVersionId: second.id,
    });
    expect(response.statusCode, response.body).toBe(201);
    const result = response.json() as CarryForwardResult;
    expect(result.notCarried).toEqual([]);
    expect(result.profile.targets).toHaveLength(ratedNodes(dk).length);
    expect(result.profile.frameworkVersion).toMatchObject({ number: 2, isLatest: true });
    expect((await getProfile(client, profile.id)).frameworkVersion.isLatest).toBe(true);

    const digcomp = await latestVersion(client, 'digcomp-2-2');
    const unrelated = await client.post(`/api/v1/role-profiles/${profile.id}/carry-forward`, {
      frameworkVersionId: digcomp.id,
    });
    expect(unrelated.statusCode).toBe(409);
    expect(unrelated.json().code).toBe('no_lineage');
    expect(await listProfiles(client)).toHaveLength(2);
  });
});

describe('example profiles', () => {
  it('creates four example profiles once, each with a target for every rated competence', async () => {
    const { client, organisation } = await buildSignedInUser(t, { role: 'employee' });
    const dk = await latestVersion(client, 'dk-state-model');
    await ensureExampleProfiles(t.database.db, organisation.id);
    await ensureExampleProfiles(t.database.db, organisation.id);

    const items = await listProfiles(client);
    expect(items.map((item) => [item.name.da, item.name.nb, item.name.en])).toEqual([
      ['Alle medarbejdere', 'Alle medarbeidere', 'Every employee'],
      ['Sagsbehandler', 'Saksbehandler', 'Case worker'],
      ['Leder', 'Leder', 'Manager'],
      ['Digital projektleder', 'Digital prosjektleder', 'Digital project lead'],
    ]);
    const rated = new Set(ratedNodes(dk).map((node) => node.id));
    for (const item of items) {
      expect(item.isExample).toBe(true);
      expect(item.frameworkVersion.id).toBe(dk.id);
      expect(item.description?.en).toMatch(/example/);
      const profile = await getProfile(client, item.id);
      expect(new Set(profile.targets.map((target) => target.nodeId))).toEqual(rated);
      for (const target of profile.targets) {
        expect(target.targetLevel === null || [1, 2, 3, 4, 5].includes(target.targetLevel)).toBe(
          true,
        );
      }
    }
    const everyone = await getProfile(client, items[0]?.id ?? '');
    expect(
      everyone.targets.find((target) => target.nodeId === nodeByCode(dk, 'A3.1.2').id),
    ).toEqual({ nodeId: nodeByCode(dk, 'A3.1.2').id, targetLevel: 3, importance: 'essential' });
  });
});
