// The rollups that overviews read must always equal a from-scratch aggregation of the submitted
// answers: after any mix of first saves, submits, edits of submitted answers, anonymous
// submissions, deactivated people, and units moved in the tree.
import type { RatingInput } from '@evne/core';
import { sql } from 'kysely';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import {
  buildCampaign,
  buildInvitation,
  buildPerson,
  buildUnit,
  campaignCompetences,
  testClock,
  type TestCampaign,
} from '../../test/campaign-factories.js';
import {
  buildOrganisation,
  buildSignedInUser,
  withShippedFrameworks,
} from '../../test/factories.js';
import { buildTestApp, type TestApp } from '../../test/test-app.js';
import { ALL_PROFILES } from '../repositories/rollup-deltas.js';
import {
  compactRollups,
  countFromScratch,
  readRollups,
  rebuildRollups,
  type RatingCount,
  type ResponseCount,
} from '../repositories/rollups.repository.js';

const clock = testClock();
let t: TestApp;
beforeAll(async () => {
  t = await buildTestApp({ clock });
  await withShippedFrameworks(t);
});
afterAll(async () => {
  await t.close();
});

/** A small seeded PRNG (mulberry32), so that a failing mix can be replayed. */
function prng(seed: number): () => number {
  let state = seed;
  return () => {
    state = (state + 0x6d2b79f5) | 0;
    let value = Math.imul(state ^ (state >>> 15), 1 | state);
    value = (value + Math.imul(value ^ (value >>> 7), 61 | value)) ^ value;
    return ((value ^ (value >>> 14)) >>> 0) / 4294967296;
  };
}

function sorted(rows: readonly (RatingCount | ResponseCount)[]): string[] {
  return rows.map((row) => JSON.stringify(Object.entries(row).sort())).sort();
}

async function expectConsistent(campaignId: string): Promise<void> {
  const rollups = await readRollups(t.database.db, campaignId);
  const scratch = await countFromScratch(t.database.db, campaignId);
  expect(sorted(rollups.ratings)).toEqual(sorted(scratch.ratings));
  expect(sorted(rollups.responses)).toEqual(sorted(scratch.responses));
}

describe('rollups', () => {
  it('equal a from-scratch aggregation after a random mix of saves, submits, edits, deactivations and moves', async () => {
    const db = t.database.db;
    const random = prng(20261123);
    const pick = <T>(items: readonly T[]): T => items[Math.floor(random() * items.length)] as T;
    const { organisation, client } = await buildSignedInUser(t, { role: 'admin' });
    const root = await buildUnit(db, organisation.id, 'Root');
    const a = await buildUnit(db, organisation.id, 'A', root);
    const b = await buildUnit(db, organisation.id, 'B', root);
    const a1 = await buildUnit(db, organisation.id, 'A1', a);
    const a2 = await buildUnit(db, organisation.id, 'A2', a);
    const b1 = await buildUnit(db, organisation.id, 'B1', b);
    const units = [root, a, b, a1, a2, b1];

    const campaigns: TestCampaign[] = [
      await buildCampaign(db, organisation.id, clock, { anonymity: 'identified' }),
      await buildCampaign(db, organisation.id, clock, { anonymity: 'anonymous' }),
    ];
    const competences = await campaignCompetences(db, campaigns[0]?.versionId ?? '');
    const profile = await db
      .insertInto('role_profiles')
      .values({
        organisation_id: organisation.id,
        framework_version_id: campaigns[0]?.versionId ?? '',
        name: JSON.stringify({ da: 'Sagsbehandler' }),
        created_at: clock.now(),
        updated_at: clock.now(),
      })
      .returning('id')
      .executeTakeFirstOrThrow();
    await db
      .insertInto('role_profile_targets')
      .values(
        competences.slice(0, 8).map((competence, index) => ({
          profile_id: profile.id,
          organisation_id: organisation.id,
          node_id: competence.id,
          target_level: index % 2 === 0 ? 3 : null,
        })),
      )
      .execute();

    const links: { token: string; personId: string }[] = [];
    for (let index = 0; index < 24; index += 1) {
      const unitId = pick(units);
      const person = await buildPerson(db, organisation.id, { unitId });
      if (index % 3 === 0) {
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
      for (const campaign of campaigns) {
        const invitation = await buildInvitation(db, campaign, { respondent: person, unitId });
        links.push({ token: invitation.token, personId: person.id });
      }
    }

    const answer = (nodeId: string): RatingInput => {
      const notApplicable = random() < 0.15;
      return {
        nodeId,
        level: notApplicable ? null : 1 + Math.floor(random() * 5),
        isNotApplicable: notApplicable,
        wantsToDevelop: random() < 0.3,
        comment: null,
      };
    };
    const ids = competences.map((competence) => competence.id);
    let moves = 0;
    for (let step = 0; step < 160; step += 1) {
      const link = pick(links);
      const roll = random();
      if (roll < 0.35) {
        // A partial autosave (a draft, or an edit of a submitted identified response).
        const some = ids.filter(() => random() < 0.3).map(answer);
        await t.app.inject({
          method: 'PUT',
          url: `/api/v1/respond/${link.token}/answers`,
          payload: { ratings: some },
        });
      } else if (roll < 0.75) {
        await t.app.inject({
          method: 'POST',
          url: `/api/v1/respond/${link.token}/submit`,
          payload: { ratings: ids.map(answer) },
        });
      } else if (roll < 0.85) {
        // Clearing an answer of a submitted response is refused; of a draft it deletes it.
        await t.app.inject({
          method: 'PUT',
          url: `/api/v1/respond/${link.token}/answers`,
          payload: { ratings: [{ nodeId: pick(ids), level: null }] },
        });
      } else if (roll < 0.93) {
        await db
          .updateTable('people')
          .set({ is_active: false })
          .where('id', '=', link.personId)
          .execute();
      } else if (moves < 3) {
        // Move A1 or B1 under the other division.
        moves += 1;
        const unitId = pick([a1, b1]);
        const response = await client.patch(`/api/v1/org-units/${unitId}`, {
          parentId: pick([a, b]),
        });
        expect(response.statusCode, response.body).toBe(200);
      }
      if (step % 40 === 39) {
        for (const campaign of campaigns) {
          await expectConsistent(campaign.id);
        }
      }
    }

    for (const campaign of campaigns) {
      await expectConsistent(campaign.id);
      const before = await readRollups(db, campaign.id);
      expect(before.responses.length).toBeGreaterThan(0);
      expect(before.ratings.some((row) => row.profileId === profile.id)).toBe(true);
      expect(before.ratings.some((row) => row.withTarget > 0 && row.shortfall > 0)).toBe(true);
      expect(before.ratings.some((row) => row.level === 0)).toBe(true);
      const rootCount = before.responses.find(
        (row) => row.unitId === root && row.profileId === ALL_PROFILES,
      );
      const submitted = await sql<{ n: number }>`
        select count(*)::int as n from responses
         where campaign_id = ${campaign.id} and status = 'submitted'`.execute(db);
      expect(rootCount?.respondents).toBe(Number(submitted.rows[0]?.n));
      // Folding the shards, and a rebuild, give the same counts.
      await compactRollups(db, campaign.id);
      await expectConsistent(campaign.id);
      const shards = await sql<{ n: number }>`
        select count(*)::int as n from rating_rollups
         where campaign_id = ${campaign.id} and shard <> 0`.execute(db);
      expect(Number(shards.rows[0]?.n)).toBe(0);
      await rebuildRollups(db, campaign.id);
      await expectConsistent(campaign.id);
    }
  });

  it('moves nothing for a draft, and moves only the changed answer when a submitted one is edited', async () => {
    const db = t.database.db;
    const organisation = await buildOrganisation(t);
    const unitId = await buildUnit(db, organisation.id);
    const campaign = await buildCampaign(db, organisation.id, clock);
    const person = await buildPerson(db, organisation.id, { unitId });
    const { token } = await buildInvitation(db, campaign, { respondent: person, unitId });
    const ids = (await campaignCompetences(db, campaign.versionId)).map((c) => c.id);

    await t.app.inject({
      method: 'PUT',
      url: `/api/v1/respond/${token}/answers`,
      payload: { ratings: [{ nodeId: ids[0], level: 2 }] },
    });
    expect((await readRollups(db, campaign.id)).ratings).toEqual([]);

    const submit = await t.app.inject({
      method: 'POST',
      url: `/api/v1/respond/${token}/submit`,
      payload: { ratings: ids.map((nodeId) => ({ nodeId, level: 2 })) },
    });
    expect(submit.statusCode, submit.body).toBe(200);
    const levelsOf = async (nodeId: string | undefined) =>
      (await readRollups(db, campaign.id)).ratings
        .filter((row) => row.nodeId === nodeId)
        .map((row) => [row.level, row.respondents]);
    expect(await levelsOf(ids[0])).toEqual([[2, 1]]);

    const edit = await t.app.inject({
      method: 'PUT',
      url: `/api/v1/respond/${token}/answers`,
      payload: { ratings: [{ nodeId: ids[0], level: 4 }] },
    });
    expect(edit.statusCode, edit.body).toBe(200);
    expect(await levelsOf(ids[0])).toEqual([[4, 1]]);
    expect(await levelsOf(ids[1])).toEqual([[2, 1]]);
    await expectConsistent(campaign.id);
  });
});
