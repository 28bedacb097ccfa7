import type {
  Campaign,
  CampaignStatusReport,
  OrgUnit,
  PeoplePage,
  RoleProfileSummary,
} from '@evne/core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { buildTestApp, signIn, type TestApp } from '../../test/test-app.js';
import {
  DEMO_ADMIN_EMAIL,
  DEMO_EMPLOYEE_EMAIL,
  DEMO_MANAGER_EMAIL,
  ensureDemoOrganisation,
  installShippedFrameworks,
} from './seed.js';
import { DEMO_CAMPAIGN_NAME } from './demo-campaign.js';
import { countFromScratch, readRollups } from '../repositories/rollups.repository.js';

let t: TestApp;
beforeAll(async () => {
  t = await buildTestApp();
  await installShippedFrameworks(t.services.frameworks);
});
afterAll(async () => {
  await t.close();
});

describe('the demo organisation', () => {
  it('is created once, with units, people, example profiles with rules, and three roles to try', async () => {
    const created = await ensureDemoOrganisation(t.database.db, t.services, {
      password: 'demo password 1',
    });
    expect(created?.others).toHaveLength(2);
    expect(
      await ensureDemoOrganisation(t.database.db, t.services, { password: 'x' }),
    ).toBeUndefined();

    const admin = await signIn(t.app, DEMO_ADMIN_EMAIL, 'demo password 1');
    const units = ((await admin.get('/api/v1/org-units')).json() as { items: OrgUnit[] }).items;
    expect(units).toHaveLength(17);
    expect(units.every((unit) => unit.manager !== null)).toBe(true);
    const people = (await admin.get('/api/v1/people?pageSize=200')).json() as PeoplePage;
    expect(people.total).toBeGreaterThan(60);
    const profiles = (
      (await admin.get('/api/v1/role-profiles')).json() as { items: RoleProfileSummary[] }
    ).items;
    expect(profiles.map((profile) => profile.name.da).sort()).toEqual([
      'Alle medarbejdere',
      'Digital projektleder',
      'Leder',
      'Sagsbehandler',
    ]);
    expect(profiles.every((profile) => profile.isExample)).toBe(true);
    expect(profiles.find((profile) => profile.name.da === 'Alle medarbejdere')?.peopleCount).toBe(
      people.total,
    );
    expect(
      profiles.find((profile) => profile.name.da === 'Sagsbehandler')?.peopleCount,
    ).toBeGreaterThan(0);

    const manager = await signIn(t.app, DEMO_MANAGER_EMAIL, 'demo password 1');
    const seen = (await manager.get('/api/v1/people?pageSize=200')).json() as PeoplePage;
    expect(seen.total).toBeGreaterThan(10);
    expect(seen.total).toBeLessThan(people.total);
    const employee = await signIn(t.app, DEMO_EMPLOYEE_EMAIL, 'demo password 1');
    const own = (await employee.get('/api/v1/people')).json() as PeoplePage;
    expect(own.total).toBe(1);
    expect((await employee.get('/api/v1/auth/session')).json().personId).toBe(own.items[0]?.id);
    expect((await admin.get('/api/v1/auth/session')).json().personId).toBeNull();

    // A closed campaign full of answers, counted in the rollups like any other.
    const campaigns = ((await admin.get('/api/v1/campaigns')).json() as { items: Campaign[] })
      .items;
    expect(campaigns).toHaveLength(1);
    const campaign = campaigns[0];
    expect(campaign?.status).toBe('closed');
    expect(campaign?.name.da).toBe(DEMO_CAMPAIGN_NAME.da);
    const status = (
      await admin.get(`/api/v1/campaigns/${campaign?.id ?? ''}/status`)
    ).json() as CampaignStatusReport;
    expect(status.totals.submitted).toBeGreaterThan(people.total);
    expect(status.totals.rate).toBeGreaterThan(0.8);
    expect(status.totals.rate).toBeLessThan(1);
    const rollups = await readRollups(t.database.db, campaign?.id ?? '');
    const scratch = await countFromScratch(t.database.db, campaign?.id ?? '');
    const keyed = (rows: object[]) => rows.map((row) => JSON.stringify(row)).sort();
    expect(keyed(rollups.ratings)).toEqual(keyed(scratch.ratings));
    expect(keyed(rollups.responses)).toEqual(keyed(scratch.responses));
    const levels = new Set(rollups.ratings.map((row) => row.level));
    expect([...levels].sort()).toEqual([0, 1, 2, 3, 4, 5]);
    expect(rollups.ratings.some((row) => row.wantsToDevelop > 0 && row.shortfall > 0)).toBe(true);
  });
});
