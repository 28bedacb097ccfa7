// The small organisation the overview tests and the overview export tests are built on.
import type { TestApp, TestClient } from './test-app.js';
import {
  buildCampaign,
  buildInvitation,
  buildPerson,
  buildUnit,
  campaignCompetences,
  type TestClock,
} from './campaign-factories.js';
import { buildSignedInUser } from './factories.js';

/** The organisation's anonymity threshold in the overview world. */
export const OVERVIEW_K = 3;

export interface OverviewWorld {
  admin: TestClient;
  organisationId: string;
  campaignId: string;
  units: Record<'root' | 'a' | 'a1' | 'a2' | 'b' | 'b1', string>;
  c1: string;
  c2: string;
  /** Who is in which unit, and what they answered (null: not relevant). */
  people: { id: string; unit: string; c1: number | null; c2: number | null }[];
}

/**
 * Root → A (→ A1: 4 people, A2: 2 people), B (→ B1: 5 people); k = 3; two competences.
 * B1's people have a role profile asking level 3 in c1. Every answer is submitted through the
 * respondent API, so the rollups are the ones a real submission keeps.
 */
export async function buildOverviewWorld(t: TestApp, clock: TestClock): Promise<OverviewWorld> {
  const db = t.database.db;
  const { organisation, client: admin } = await buildSignedInUser(t, { role: 'admin' });
  await db
    .updateTable('organisations')
    .set({ anonymity_threshold: OVERVIEW_K })
    .where('id', '=', organisation.id)
    .execute();
  const root = await buildUnit(db, organisation.id, 'Kommunen');
  const a = await buildUnit(db, organisation.id, 'A', root);
  const b = await buildUnit(db, organisation.id, 'B', root);
  const a1 = await buildUnit(db, organisation.id, 'A1', a);
  const a2 = await buildUnit(db, organisation.id, 'A2', a);
  const b1 = await buildUnit(db, organisation.id, 'B1', b);
  const probe = await buildCampaign(db, organisation.id, clock);
  const [first, second] = await campaignCompetences(db, probe.versionId);
  const c1 = first?.id ?? '';
  const c2 = second?.id ?? '';
  const campaign = await buildCampaign(db, organisation.id, clock, { nodeIds: [c1, c2] });
  const profile = await db
    .insertInto('role_profiles')
    .values({
      organisation_id: organisation.id,
      framework_version_id: campaign.versionId,
      name: JSON.stringify({ da: 'Sagsbehandler' }),
      created_at: clock.now(),
      updated_at: clock.now(),
    })
    .returning('id')
    .executeTakeFirstOrThrow();
  await db
    .insertInto('role_profile_targets')
    .values({
      profile_id: profile.id,
      organisation_id: organisation.id,
      node_id: c1,
      target_level: 3,
    })
    .execute();
  const plan: [string, number | null, number | null][] = [
    [a1, 1, 3],
    [a1, 2, 3],
    [a1, 3, 3],
    [a1, 4, null],
    [a2, 5, 2],
    [a2, 5, 2],
    [b1, 2, 4],
    [b1, 2, 4],
    [b1, 2, 4],
    [b1, 2, 4],
    [b1, 2, 4],
  ];
  const people: OverviewWorld['people'] = [];
  for (const [unit, level1, level2] of plan) {
    const person = await buildPerson(db, organisation.id, { unitId: unit });
    if (unit === b1) {
      await db
        .insertInto('person_role_profiles')
        .values({
          organisation_id: organisation.id,
          person_id: person.id,
          profile_id: profile.id,
          created_at: clock.now(),
        })
        .execute();
    }
    const { token } = await buildInvitation(db, campaign, { respondent: person, unitId: unit });
    const answer = (nodeId: string, level: number | null) => ({
      nodeId,
      level,
      isNotApplicable: level === null,
    });
    const response = await t.app.inject({
      method: 'POST',
      url: `/api/v1/respond/${token}/submit`,
      payload: { ratings: [answer(c1, level1), answer(c2, level2)] },
    });
    if (response.statusCode !== 200) {
      throw new Error(`Submitting failed: ${response.statusCode} ${response.body}`);
    }
    people.push({ id: person.id, unit, c1: level1, c2: level2 });
  }
  return {
    admin,
    organisationId: organisation.id,
    campaignId: campaign.id,
    units: { root, a, b, a1, a2, b1 },
    c1,
    c2,
    people,
  };
}
