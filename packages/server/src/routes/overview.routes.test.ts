// The overview against hand-computed figures, its access rules, and an attacker who reads every
// view the API offers and tries to isolate a group of fewer than k people by linear algebra.
import type { CampaignOverview } from '@evne/core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { buildInvitation, buildPerson, testClock } from '../../test/campaign-factories.js';
import { buildSignedInUser, withShippedFrameworks } from '../../test/factories.js';
import { buildOverviewWorld, OVERVIEW_K as K } from '../../test/overview-factories.js';
import { buildTestApp, type TestApp, type TestClient } from '../../test/test-app.js';

const clock = testClock();
let t: TestApp;
beforeAll(async () => {
  t = await buildTestApp({ clock });
  await withShippedFrameworks(t);
});
afterAll(async () => {
  await t.close();
});

const buildWorld = () => buildOverviewWorld(t, clock);

async function overview(
  client: TestClient,
  campaignId: string,
  query = '',
): Promise<CampaignOverview> {
  const response = await client.get(`/api/v1/campaigns/${campaignId}/overview${query}`);
  expect(response.statusCode, response.body).toBe(200);
  return response.json() as CampaignOverview;
}

describe('the overview', () => {
  it('shows the root with hand-computed figures, and hides the small team and its sibling', async () => {
    const w = await buildWorld();
    const root = await overview(w.admin, w.campaignId);
    expect(root.unit.id).toBe(w.units.root);
    expect(root.threshold).toBe(K);
    expect(root.respondents).toEqual({ status: 'shown', count: 11 });
    const c1 = root.competences.find((figure) => figure.nodeId === w.c1);
    expect(c1).toMatchObject({
      status: 'shown',
      rated: 11,
      notApplicable: 0,
      average: 2.73,
      distribution: [
        { level: 1, count: 1 },
        { level: 2, count: 6 },
        { level: 3, count: 1 },
        { level: 4, count: 1 },
        { level: 5, count: 2 },
      ],
      withTarget: 5,
      meetingTargetShare: 0,
      averageShortfall: 1,
      totalShortfall: 5,
      holders: 4,
      coverageFlag: null,
    });
    const c2 = root.competences.find((figure) => figure.nodeId === w.c2);
    expect(c2).toMatchObject({ rated: 10, notApplicable: 1, average: 3.3, holders: 8 });
    expect(root.topGaps).toEqual([{ nodeId: w.c1, totalShortfall: 5 }]);
    expect(root.coverage).toEqual({ covered: 2, shown: 2, total: 2, share: 1 });
    expect(root.selfVsManager).toEqual([]);
    expect(root.children.map((child) => [child.unit.name, child.respondents])).toEqual([
      ['A', { status: 'shown', count: 6 }],
      ['B', { status: 'shown', count: 5 }],
    ]);
    expect(root.children[0]?.cells.find((cell) => cell.nodeId === w.c1)?.average).toBe(3.33);

    // A: the team of two is fewer than k, and the team of four is hidden with it, or A minus A1
    // would give the two.
    const a = await overview(w.admin, w.campaignId, `?unitId=${w.units.a}`);
    expect(a.unit.path).toEqual([{ id: w.units.root, name: 'Kommunen' }]);
    expect(a.competences.find((figure) => figure.nodeId === w.c2)?.average).toBe(2.6);
    expect(a.children.map((child) => [child.unit.name, child.respondents])).toEqual([
      ['A1', { status: 'suppressed', count: null }],
      ['A2', { status: 'fewer_than_k', count: null }],
    ]);
    for (const child of a.children) {
      expect(child.cells.every((cell) => cell.average === null)).toBe(true);
    }
    const a2 = await overview(w.admin, w.campaignId, `?unitId=${w.units.a2}`);
    expect(a2.respondents.count).toBeNull();
    expect(a2.competences.every((figure) => figure.average === null)).toBe(true);
  });

  it('follows new submissions at once, though decisions are kept between requests', async () => {
    const w = await buildWorld();
    const before = await overview(w.admin, w.campaignId, `?unitId=${w.units.a}`);
    expect(before.children.map((child) => child.respondents.status)).toEqual([
      'suppressed',
      'fewer_than_k',
    ]);
    expect(await overview(w.admin, w.campaignId, `?unitId=${w.units.a}`)).toEqual(before);
    // A third person in A2: both teams now reach k, and nothing needs hiding.
    const db = t.database.db;
    const person = await buildPerson(db, w.organisationId, { unitId: w.units.a2 });
    const campaign = await db
      .selectFrom('campaigns')
      .select(['id', 'organisation_id', 'framework_version_id'])
      .where('id', '=', w.campaignId)
      .executeTakeFirstOrThrow();
    const { token } = await buildInvitation(
      db,
      {
        id: campaign.id,
        organisationId: campaign.organisation_id,
        versionId: campaign.framework_version_id,
      },
      { respondent: person, unitId: w.units.a2 },
    );
    const submitted = await t.app.inject({
      method: 'POST',
      url: `/api/v1/respond/${token}/submit`,
      payload: {
        ratings: [
          { nodeId: w.c1, level: 4 },
          { nodeId: w.c2, level: 4 },
        ],
      },
    });
    expect(submitted.statusCode, submitted.body).toBe(200);
    const after = await overview(w.admin, w.campaignId, `?unitId=${w.units.a}`);
    expect(after.respondents.count).toBe(7);
    expect(after.children.map((child) => child.respondents)).toEqual([
      { status: 'shown', count: 4 },
      { status: 'shown', count: 3 },
    ]);
  });

  it('lets a manager see the units they lead and nothing else; employees and other organisations see nothing', async () => {
    const w = await buildWorld();
    const db = t.database.db;
    const organisation = await db
      .selectFrom('organisations')
      .selectAll()
      .where('id', '=', w.organisationId)
      .executeTakeFirstOrThrow();
    const manager = await buildSignedInUser(t, {
      role: 'manager',
      organisation: { ...organisation, anonymityThreshold: K, isDemo: false } as never,
    });
    const person = await buildPerson(db, w.organisationId, { userId: manager.userId });
    await db
      .updateTable('org_units')
      .set({ manager_person_id: person.id })
      .where('id', '=', w.units.a)
      .execute();
    const listed = await manager.client.get('/api/v1/overview/campaigns');
    expect(listed.statusCode, listed.body).toBe(200);
    expect((listed.json() as { items: { id: string }[] }).items.map((item) => item.id)).toContain(
      w.campaignId,
    );
    const own = await overview(manager.client, w.campaignId);
    expect(own.unit.id).toBe(w.units.a);
    expect(own.unit.path).toEqual([]);
    const outside = await manager.client.get(
      `/api/v1/campaigns/${w.campaignId}/overview?unitId=${w.units.b}`,
    );
    expect(outside.statusCode).toBe(404);

    const employee = await buildSignedInUser(t, {
      role: 'employee',
      organisation: { ...organisation, anonymityThreshold: K, isDemo: false } as never,
    });
    expect(
      (await employee.client.get(`/api/v1/campaigns/${w.campaignId}/overview`)).statusCode,
    ).toBe(403);
    const stranger = await buildSignedInUser(t, { role: 'admin' });
    expect(
      (await stranger.client.get(`/api/v1/campaigns/${w.campaignId}/overview`)).statusCode,
    ).toBe(404);
  });

  it('gives an attacker who reads every view nothing about fewer than k people', async () => {
    const w = await buildWorld();
    const index = new Map(w.people.map((person, at) => [person.id, at]));
    const parent: Record<string, string | null> = {
      [w.units.root]: null,
      [w.units.a]: w.units.root,
      [w.units.b]: w.units.root,
      [w.units.a1]: w.units.a,
      [w.units.a2]: w.units.a,
      [w.units.b1]: w.units.b,
    };
    const inSubtree = (unit: string, of: string): boolean => {
      for (let cursor: string | null = unit; cursor !== null; cursor = parent[cursor] ?? null) {
        if (cursor === of) {
          return true;
        }
      }
      return false;
    };
    // Every group whose figure any view shows: per key (respondents, c1, c2), the people in it.
    const groups: { key: string; members: number[] }[] = [];
    for (const unitId of Object.values(w.units)) {
      const view = await overview(w.admin, w.campaignId, `?unitId=${unitId}`);
      const shown: [string, string, boolean][] = [
        [unitId, 'respondents', view.respondents.status === 'shown'],
        ...view.competences.map(
          (figure) =>
            [unitId, figure.nodeId, figure.status === 'shown'] as [string, string, boolean],
        ),
        ...view.children.flatMap((child) => [
          [child.unit.id, 'respondents', child.respondents.status === 'shown'] as [
            string,
            string,
            boolean,
          ],
          ...child.cells.map(
            (cell) =>
              [child.unit.id, cell.nodeId, cell.status === 'shown'] as [string, string, boolean],
          ),
        ]),
      ];
      for (const [groupUnit, key, isShown] of shown) {
        if (!isShown) {
          continue;
        }
        const members = w.people
          .filter((person) => inSubtree(person.unit, groupUnit))
          .filter((person) =>
            key === 'respondents' ? true : (key === w.c1 ? person.c1 : person.c2) !== null,
          )
          .map((person) => index.get(person.id) ?? -1);
        groups.push({ key, members });
      }
    }
    expect(groups.length).toBeGreaterThan(6);
    // Per key, no set of 1..k-1 people lies in the span of the shown groups' indicator vectors.
    const n = w.people.length;
    for (const key of ['respondents', w.c1, w.c2]) {
      const rows = groups
        .filter((group) => group.key === key)
        .map((group) => Array.from({ length: n }, (_, at) => (group.members.includes(at) ? 1 : 0)));
      const rank = (matrix: number[][]): number => {
        const m = matrix.map((row) => [...row]);
        let r = 0;
        for (let col = 0; col < n && r < m.length; col++) {
          const pivot = m.findIndex((row, at) => at >= r && Math.abs(row[col] ?? 0) > 1e-9);
          if (pivot < 0) {
            continue;
          }
          [m[r], m[pivot]] = [m[pivot] ?? [], m[r] ?? []];
          for (let at = 0; at < m.length; at++) {
            if (at !== r) {
              const factor = (m[at]?.[col] ?? 0) / (m[r]?.[col] ?? 1);
              m[at] = (m[at] ?? []).map((value, c) => value - factor * (m[r]?.[c] ?? 0));
            }
          }
          r += 1;
        }
        return r;
      };
      const base = rank(rows);
      const subsets = (size: number, start = 0): number[][] =>
        size === 0
          ? [[]]
          : Array.from({ length: n - start }, (_, offset) => start + offset).flatMap((first) =>
              subsets(size - 1, first + 1).map((rest) => [first, ...rest]),
            );
      for (let size = 1; size < K; size++) {
        for (const subset of subsets(size)) {
          const vector = Array.from({ length: n }, (_, at) => (subset.includes(at) ? 1 : 0));
          expect(rank([...rows, vector]), `${key}: ${subset.join(',')}`).toBeGreaterThan(base);
        }
      }
    }
  });
});
