// Before/after: a campaign against an earlier one, per competence, where both figures are shown.
import type { CampaignComparison, CampaignOverview } from '@evne/core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import {
  buildCampaign,
  buildInvitation,
  buildPerson,
  buildUnit,
  campaignCompetences,
  testClock,
  type TestCampaign,
  type TestPerson,
} from '../../test/campaign-factories.js';
import { buildSignedInUser, withShippedFrameworks } from '../../test/factories.js';
import { buildTestApp, type TestApp } from '../../test/test-app.js';

const clock = testClock();
let t: TestApp;
beforeAll(async () => {
  t = await buildTestApp({ clock });
  await withShippedFrameworks(t);
});
afterAll(async () => {
  await t.close();
});

async function answer(
  campaign: TestCampaign,
  person: TestPerson,
  unitId: string,
  ratings: { nodeId: string; level: number | null; isNotApplicable?: boolean }[],
  manager?: TestPerson,
): Promise<void> {
  const { token } = await buildInvitation(t.database.db, campaign, {
    respondent: manager ?? person,
    subject: person,
    kind: manager ? 'manager' : 'self',
    unitId,
  });
  const response = await t.app.inject({
    method: 'POST',
    url: `/api/v1/respond/${token}/submit`,
    payload: { ratings },
  });
  expect(response.statusCode, response.body).toBe(200);
}

describe('comparing', () => {
  it('gives the change per competence where both are shown, and none where one is hidden', async () => {
    const db = t.database.db;
    const { organisation, client } = await buildSignedInUser(t, { role: 'admin' });
    await db
      .updateTable('organisations')
      .set({ anonymity_threshold: 3 })
      .where('id', '=', organisation.id)
      .execute();
    const root = await buildUnit(db, organisation.id, 'Kommunen');
    const team = await buildUnit(db, organisation.id, 'Team', root);
    const probe = await buildCampaign(db, organisation.id, clock);
    const [first, second] = await campaignCompetences(db, probe.versionId);
    const c1 = first?.id ?? '';
    const c2 = second?.id ?? '';
    const before = await buildCampaign(db, organisation.id, clock, { nodeIds: [c1, c2] });
    const after = await buildCampaign(db, organisation.id, clock, { nodeIds: [c1, c2] });
    const people = [];
    for (let index = 0; index < 4; index += 1) {
      people.push(await buildPerson(db, organisation.id, { unitId: team }));
    }
    // Before: c1 1, 2, 3, 4 (2.5); c2 answered by all four. After: everyone one level up in c1;
    // only two answer c2 with a level, so c2 is hidden after.
    for (const [index, person] of people.entries()) {
      await answer(before, person, team, [
        { nodeId: c1, level: index + 1 },
        { nodeId: c2, level: 3 },
      ]);
      await answer(after, person, team, [
        { nodeId: c1, level: index + 2 },
        index < 2 ? { nodeId: c2, level: 4 } : { nodeId: c2, level: null, isNotApplicable: true },
      ]);
    }
    const comparison = async (query: string) => {
      const response = await client.get(
        `/api/v1/campaigns/${after.id}/overview/compare?baselineId=${before.id}${query}`,
      );
      expect(response.statusCode, response.body).toBe(200);
      return response.json() as CampaignComparison;
    };
    const result = await comparison(`&unitId=${team}`);
    expect(result.unit.name).toBe('Team');
    expect(result.respondents.before.count).toBe(4);
    const byId = new Map(result.competences.map((row) => [row.nodeId, row]));
    expect(byId.get(c1)).toMatchObject({
      before: { status: 'shown', average: 2.5 },
      after: { status: 'shown', average: 3.5 },
      change: 1,
    });
    expect(byId.get(c2)?.before.average).toBe(3);
    expect(byId.get(c2)?.after).toEqual({ status: 'fewer_than_k', average: null });
    expect(byId.get(c2)?.change).toBeNull();

    const stranger = await buildSignedInUser(t, { role: 'admin' });
    const refused = await stranger.client.get(
      `/api/v1/campaigns/${after.id}/overview/compare?baselineId=${before.id}`,
    );
    expect(refused.statusCode).toBe(404);
  });

  it('sets self-assessment against the managers’ assessment where both are shown', async () => {
    const db = t.database.db;
    const { organisation, client } = await buildSignedInUser(t, { role: 'admin' });
    await db
      .updateTable('organisations')
      .set({ anonymity_threshold: 3 })
      .where('id', '=', organisation.id)
      .execute();
    const team = await buildUnit(db, organisation.id, 'Team');
    const probe = await buildCampaign(db, organisation.id, clock);
    const [first] = await campaignCompetences(db, probe.versionId);
    const c1 = first?.id ?? '';
    const campaign = await buildCampaign(db, organisation.id, clock, { nodeIds: [c1] });
    const lead = await buildPerson(db, organisation.id, { unitId: team });
    for (let index = 0; index < 3; index += 1) {
      const person = await buildPerson(db, organisation.id, { unitId: team, managerId: lead.id });
      await answer(campaign, person, team, [{ nodeId: c1, level: 4 }]);
      await answer(campaign, person, team, [{ nodeId: c1, level: 2 + (index % 2) }], lead);
    }
    const response = await client.get(`/api/v1/campaigns/${campaign.id}/overview?unitId=${team}`);
    expect(response.statusCode, response.body).toBe(200);
    const overview = response.json() as CampaignOverview;
    expect(overview.selfVsManager).toEqual([
      { nodeId: c1, self: 4, manager: 2.33, difference: 1.67 },
    ]);
    const managers = await client.get(
      `/api/v1/campaigns/${campaign.id}/overview?unitId=${team}&kind=manager`,
    );
    expect((managers.json() as CampaignOverview).competences[0]?.average).toBe(2.33);
  });
});
