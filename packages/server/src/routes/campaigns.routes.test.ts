import { readFileSync } from 'node:fs';
import path from 'node:path';
import type {
  Campaign,
  CampaignStatusReport,
  FrameworkSummary,
  ImportJob,
  MailRunSummary,
  OrgUnit,
  OutboxPage,
  PeoplePage,
} from '@evne/core';
import { sql } from 'kysely';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import {
  buildOrganisation,
  buildSignedInUser,
  withShippedFrameworks,
} from '../../test/factories.js';
import { startSmtpSink, type SmtpSink } from '../../test/smtp-sink.js';
import {
  buildTestApp,
  openTestDatabase,
  type TestApp,
  type TestClient,
} from '../../test/test-app.js';
import type { Clock } from '../adapters/clock.js';
import { hashToken } from '../adapters/tokens.js';
import { buildApp } from '../app.js';
import { loadConfig } from '../config/config.js';
import type { OrganisationRecord } from '../repositories/organisations.repository.js';

/** A clock the tests move forward; sessions last 12 hours, so each test moves it by less. */
const clock: Clock & { current: Date; advance(ms: number): void } = {
  current: new Date('2031-03-03T08:00:00.000Z'),
  now() {
    return new Date(this.current);
  },
  advance(ms) {
    this.current = new Date(this.current.getTime() + ms);
  },
};
const HOUR = 60 * 60 * 1000;
const DAY = 24 * HOUR;

let t: TestApp;
let mailing: TestApp;
let sink: SmtpSink;

beforeAll(async () => {
  t = await buildTestApp({ clock });
  await withShippedFrameworks(t);
  sink = await startSmtpSink();
  const database = await openTestDatabase();
  const config = loadConfig(
    {},
    {
      logLevel: 'silent',
      seedDemo: false,
      webDistDir: '/nonexistent',
      smtpUrl: sink.url,
      publicUrl: 'https://evne.example',
    },
  );
  const built = await buildApp({ config, database, clock, logger: false });
  await built.app.ready();
  mailing = {
    ...built,
    database,
    async close() {
      await built.app.close();
      await database.close();
    },
  };
  await withShippedFrameworks(mailing);
});
afterAll(async () => {
  await t.close();
  await mailing.close();
  await sink.stop();
});

const fixture = (name: string) =>
  readFileSync(path.resolve(import.meta.dirname, '../../test/fixtures', name), 'utf8');

async function importFile(client: TestClient, kind: 'units' | 'people', content: string) {
  const created = await client.post('/api/v1/org-imports', {
    kind,
    format: 'csv',
    fileName: `${kind}.csv`,
    content,
    isFullImport: false,
  });
  expect(created.statusCode, created.body).toBe(201);
  const job = created.json() as ImportJob;
  expect(job.status, JSON.stringify(job.issues)).toBe('ready');
  expect((await client.post(`/api/v1/org-imports/${job.id}/apply`)).statusCode).toBe(200);
  for (let attempt = 0; attempt < 200; attempt += 1) {
    const current = (await client.get(`/api/v1/org-imports/${job.id}`)).json() as ImportJob;
    if (current.status !== 'applying') {
      expect(current.status).toBe('applied');
      return;
    }
    await new Promise((resolve) => setTimeout(resolve, 25));
  }
  throw new Error('import did not finish');
}

interface Organisation {
  client: TestClient;
  organisation: OrganisationRecord;
  organisationId: string;
  versionId: string;
  /** Unit ids by code (KOM, SOF, SOF-ÆLD, SOF-ÆLD-HJ, …). */
  units: Map<string, string>;
  /** Person ids by employee number (1001 … 1008). */
  people: Map<string, string>;
}

/**
 * An organisation with the fixture tree and eight people:
 * 1001 Søren (KOM, no manager), 1002 Åse (SOF, ← 1001), 1003 Bjørn (SOF-ÆLD, ← 1002, nb),
 * 1004 Mette and 1005 Jens (SOF-ÆLD-HJ, ← 1003), 1006 Lærke (SOF-ÆLD-PL, ← 1003),
 * 1007 Kasper (BUF, ← 1001), 1008 Ida (BUF-SKO, ← 1007, en). BUF-DAG has nobody.
 */
async function buildOrganisationWithPeople(
  app: TestApp = t,
  options: { anonymityThreshold?: number } = {},
): Promise<Organisation> {
  const organisation = await buildOrganisation(app, options);
  const { client } = await buildSignedInUser(app, { organisation });
  await importFile(client, 'units', fixture('units.csv'));
  await importFile(client, 'people', fixture('people-semicolon-bom.csv'));
  const units = ((await client.get('/api/v1/org-units')).json() as { items: OrgUnit[] }).items;
  const people = (await client.get('/api/v1/people?pageSize=200')).json() as PeoplePage;
  const frameworks = (
    (await client.get('/api/v1/frameworks')).json() as { items: FrameworkSummary[] }
  ).items;
  const dk = frameworks.find((item) => item.key === 'dk-state-model' && item.isShipped);
  const published = dk?.versions.filter((version) => version.status === 'published') ?? [];
  return {
    client,
    organisation,
    organisationId: organisation.id,
    versionId: published[published.length - 1]?.id ?? '',
    units: new Map(units.map((unit) => [unit.code, unit.id])),
    people: new Map(people.items.map((person) => [person.employeeNumber, person.id])),
  };
}

function id(map: Map<string, string>, key: string): string {
  const value = map.get(key);
  if (value === undefined) {
    throw new Error(`missing ${key}`);
  }
  return value;
}

function settings(org: Organisation, overrides: Record<string, unknown> = {}) {
  const now = clock.now().getTime();
  return {
    name: { da: 'Kortlægning 2031', en: 'Mapping 2031' },
    frameworkVersionId: org.versionId,
    audience: { unitIds: [id(org.units, 'SOF')] },
    opensAt: new Date(now + HOUR).toISOString(),
    closesAt: new Date(now + 30 * DAY).toISOString(),
    modes: ['self'],
    languages: ['da', 'nb', 'en'],
    anonymity: 'confidential',
    ...overrides,
  };
}

async function createCampaign(
  org: Organisation,
  overrides: Record<string, unknown> = {},
): Promise<Campaign> {
  const response = await org.client.post('/api/v1/campaigns', settings(org, overrides));
  expect(response.statusCode, response.body).toBe(201);
  return response.json() as Campaign;
}

async function scheduledCampaign(
  org: Organisation,
  overrides: Record<string, unknown> = {},
): Promise<Campaign> {
  const campaign = await createCampaign(org, overrides);
  const response = await org.client.post(`/api/v1/campaigns/${campaign.id}/schedule`);
  expect(response.statusCode, response.body).toBe(200);
  return response.json() as Campaign;
}

async function invitationsOf(app: TestApp, campaignId: string) {
  return app.database.db
    .selectFrom('invitations as i')
    .innerJoin('people as r', 'r.id', 'i.respondent_person_id')
    .innerJoin('people as s', 's.id', 'i.subject_person_id')
    .select([
      'i.id',
      'i.kind',
      'i.token_hash',
      'i.reminder_count',
      'i.reminded_at',
      'i.sent_at',
      'r.employee_number as respondent',
      'r.email as respondent_email',
      's.employee_number as subject',
    ])
    .where('i.campaign_id', '=', campaignId)
    .execute();
}

/** Every text column of the campaign's invitations and outbox rows, as one string each. */
async function storedText(app: TestApp, campaignId: string): Promise<string[]> {
  const result = await sql<{ row: string }>`
    select row_to_json(i)::text as row from invitations i where i.campaign_id = ${campaignId}
    union all
    select row_to_json(o)::text from outbox_messages o where o.campaign_id = ${campaignId}
  `.execute(app.database.db);
  return result.rows.map((item) => item.row);
}

function csvRows(csv: string): string[][] {
  expect(csv.startsWith('\uFEFF')).toBe(true);
  return csv
    .slice(1)
    .split('\r\n')
    .filter((line) => line !== '')
    .map((line) => line.split(';'));
}

const tokenOf = (link: string) => link.slice(link.lastIndexOf('/r/') + 3);

describe('access to campaigns', () => {
  it('asks for sign-in before anything else', async () => {
    expect((await t.app.inject({ method: 'GET', url: '/api/v1/campaigns' })).statusCode).toBe(401);
    expect((await t.app.inject({ method: 'GET', url: '/api/v1/outbox' })).statusCode).toBe(401);
  });

  it('rejects settings that do not parse with 400', async () => {
    const org = await buildOrganisationWithPeople();
    const response = await org.client.post(
      '/api/v1/campaigns',
      settings(org, { modes: [], anonymity: 'secret' }),
    );
    expect(response.statusCode).toBe(400);
  });

  it('lets only an organisation admin see or set up campaigns', async () => {
    const org = await buildOrganisationWithPeople();
    const campaign = await createCampaign(org);
    for (const role of ['manager', 'employee'] as const) {
      const { client } = await buildSignedInUser(t, { organisation: org.organisation, role });
      for (const response of [
        await client.get('/api/v1/campaigns'),
        await client.get(`/api/v1/campaigns/${campaign.id}`),
        await client.post('/api/v1/campaigns', settings(org)),
        await client.post(`/api/v1/campaigns/${campaign.id}/schedule`),
        await client.get(`/api/v1/campaigns/${campaign.id}/status`),
        await client.get('/api/v1/outbox'),
      ]) {
        expect(response.statusCode).toBe(403);
        expect((response.json() as { code: string }).code).toBe('admin_only');
      }
    }
  });

  it('answers 404 on every endpoint for another organisation’s campaign, and changes nothing', async () => {
    const owner = await buildOrganisationWithPeople();
    const campaign = await scheduledCampaign(owner);
    await owner.client.post(`/api/v1/campaigns/${campaign.id}/invitations/send`);
    const other = await buildOrganisationWithPeople();
    const base = `/api/v1/campaigns/${campaign.id}`;
    const attempts = [
      await other.client.get(base),
      await other.client.patch(base, { name: { da: 'Overtaget' } }),
      await other.client.post(`${base}/schedule`),
      await other.client.post(`${base}/close`),
      await other.client.post(`${base}/invitations/send`),
      await other.client.post(`${base}/invitations/links.csv`),
      await other.client.post(`${base}/reminders`),
      await other.client.get(`${base}/status`),
    ];
    for (const response of attempts) {
      expect(response.statusCode, response.body).toBe(404);
      expect((response.json() as { code: string }).code).toBe('campaign_not_found');
    }
    const list = (await other.client.get('/api/v1/campaigns')).json() as { items: Campaign[] };
    expect(list.items).toEqual([]);
    const outbox = (
      await other.client.get(`/api/v1/outbox?campaignId=${campaign.id}`)
    ).json() as OutboxPage;
    expect(outbox.total).toBe(0);
    const after = (await owner.client.get(base)).json() as Campaign;
    expect(after).toMatchObject({ name: campaign.name, status: 'scheduled', closedAt: null });
  });

  it('refuses audience ids from another organisation', async () => {
    const owner = await buildOrganisationWithPeople();
    const other = await buildOrganisationWithPeople();
    const response = await other.client.post(
      '/api/v1/campaigns',
      settings(other, { audience: { unitIds: [id(owner.units, 'SOF')] } }),
    );
    expect(response.statusCode).toBe(422);
    expect(response.json()).toMatchObject({
      code: 'invalid_campaign',
      issues: [expect.objectContaining({ code: 'unknown_unit' })],
    });
  });
});

describe('setting up a campaign', () => {
  it('creates a draft on the shipped Danish version', async () => {
    const org = await buildOrganisationWithPeople();
    const campaign = await createCampaign(org);
    expect(campaign).toMatchObject({
      status: 'draft',
      frameworkVersionId: org.versionId,
      nodeIds: null,
      modes: ['self'],
      anonymity: 'confidential',
      audience: { unitIds: [id(org.units, 'SOF')], includeSubunits: true },
      counts: { invited: 0, sent: 0 },
    });
    const list = (await org.client.get('/api/v1/campaigns')).json() as { items: Campaign[] };
    expect(list.items.map((item) => item.id)).toEqual([campaign.id]);
  });

  it('refuses a campaign that closes before it opens', async () => {
    const org = await buildOrganisationWithPeople();
    const now = clock.now().getTime();
    const response = await org.client.post(
      '/api/v1/campaigns',
      settings(org, {
        opensAt: new Date(now + 2 * DAY).toISOString(),
        closesAt: new Date(now + DAY).toISOString(),
      }),
    );
    expect(response.statusCode).toBe(422);
    expect(response.json()).toMatchObject({
      code: 'invalid_campaign_window',
      issues: [expect.objectContaining({ code: 'closes_before_opening' })],
    });
  });

  it('goes from draft to scheduled to open to closed as the clock moves, locking what answers depend on', async () => {
    const org = await buildOrganisationWithPeople();
    const now = clock.now().getTime();
    const campaign = await createCampaign(org, {
      opensAt: new Date(now + HOUR).toISOString(),
      closesAt: new Date(now + 3 * HOUR).toISOString(),
    });
    const base = `/api/v1/campaigns/${campaign.id}`;
    const scheduled = (await org.client.post(`${base}/schedule`)).json() as Campaign;
    expect(scheduled).toMatchObject({ status: 'scheduled', counts: { invited: 5 } });
    expect((await org.client.post(`${base}/schedule`)).statusCode).toBe(409);
    const modesLocked = await org.client.patch(base, { modes: ['self', 'manager'] });
    expect(modesLocked.statusCode).toBe(409);
    expect((modesLocked.json() as { code: string }).code).toBe('campaign_scheduled_locked');

    clock.advance(HOUR + 1000);
    expect(((await org.client.get(base)).json() as Campaign).status).toBe('open');
    for (const change of [{ anonymity: 'anonymous' }, { nodeIds: [org.versionId] }]) {
      const locked = await org.client.patch(base, change);
      expect(locked.statusCode).toBe(409);
      expect((locked.json() as { code: string }).code).toBe('campaign_open_locked');
    }
    const renamed = await org.client.patch(base, { name: { da: 'Kortlægning forår 2031' } });
    expect(renamed.statusCode, renamed.body).toBe(200);
    expect((renamed.json() as Campaign).name).toEqual({ da: 'Kortlægning forår 2031' });

    clock.advance(2 * HOUR);
    expect(((await org.client.get(base)).json() as Campaign).status).toBe('closed');
    expect((await org.client.post(`${base}/close`)).statusCode).toBe(409);
    expect((await org.client.patch(base, { name: { da: 'Sent' } })).statusCode).toBe(409);
  });

  it('closes an open campaign early', async () => {
    const org = await buildOrganisationWithPeople();
    const campaign = await scheduledCampaign(org, {
      opensAt: new Date(clock.now().getTime() - HOUR).toISOString(),
    });
    expect(campaign.status).toBe('open');
    const closed = await org.client.post(`/api/v1/campaigns/${campaign.id}/close`);
    expect(closed.statusCode, closed.body).toBe(200);
    expect(closed.json()).toMatchObject({ status: 'closed', closedAt: clock.now().toISOString() });
    const audit = await t.database.db
      .selectFrom('audit_events')
      .select('action')
      .where('subject_id', '=', campaign.id)
      .execute();
    expect(audit.map((event) => event.action)).toEqual([
      'campaign.created',
      'campaign.scheduled',
      'campaign.closed',
    ]);
  });

  it('refuses to schedule a campaign whose audience has nobody in it', async () => {
    const org = await buildOrganisationWithPeople();
    const campaign = await createCampaign(org, {
      audience: { unitIds: [id(org.units, 'BUF-DAG')] },
    });
    const response = await org.client.post(`/api/v1/campaigns/${campaign.id}/schedule`);
    expect(response.statusCode).toBe(422);
    expect((response.json() as { code: string }).code).toBe('empty_audience');
    expect(
      ((await org.client.get(`/api/v1/campaigns/${campaign.id}`)).json() as Campaign).status,
    ).toBe('draft');
  });
});

describe('resolving the audience into invitations', () => {
  it('invites a unit subtree, a single unit, listed people and a role profile as counted by hand', async () => {
    const org = await buildOrganisationWithPeople();
    const n = (employeeNumber: string) => id(org.people, employeeNumber);
    const profile = await org.client.post('/api/v1/role-profiles', {
      frameworkVersionId: org.versionId,
      name: { da: 'SOSU-assistent' },
    });
    expect(profile.statusCode, profile.body).toBe(201);
    const profileId = (profile.json() as { id: string }).id;
    const rule = await org.client.post(`/api/v1/role-profiles/${profileId}/rules`, {
      kind: 'job_title',
      jobTitle: 'Social- og sundhedsassistent',
    });
    expect(rule.statusCode, rule.body).toBe(201);

    const cases: {
      audience: Record<string, unknown>;
      modes: string[];
      self: string[];
      manager: [string, string][];
    }[] = [
      {
        // SOF and below: Åse, Bjørn, Mette, Jens, Lærke; each has an active manager.
        audience: { unitIds: [id(org.units, 'SOF')] },
        modes: ['self', 'manager'],
        self: ['1002', '1003', '1004', '1005', '1006'],
        manager: [
          ['1001', '1002'],
          ['1002', '1003'],
          ['1003', '1004'],
          ['1003', '1005'],
          ['1003', '1006'],
        ],
      },
      {
        audience: { unitIds: [id(org.units, 'SOF-ÆLD')], includeSubunits: false },
        modes: ['self'],
        self: ['1003'],
        manager: [],
      },
      {
        // Søren has no manager, so he gets no manager invitation.
        audience: { personIds: [n('1001'), n('1004'), n('1008')] },
        modes: ['self', 'manager'],
        self: ['1001', '1004', '1008'],
        manager: [
          ['1003', '1004'],
          ['1007', '1008'],
        ],
      },
      {
        audience: { profileIds: [profileId] },
        modes: ['self'],
        self: ['1004', '1005'],
        manager: [],
      },
      {
        audience: { unitIds: [id(org.units, 'KOM')] },
        modes: ['manager'],
        self: [],
        manager: [
          ['1001', '1002'],
          ['1002', '1003'],
          ['1003', '1004'],
          ['1003', '1005'],
          ['1003', '1006'],
          ['1001', '1007'],
          ['1007', '1008'],
        ],
      },
    ];
    for (const example of cases) {
      const campaign = await scheduledCampaign(org, {
        audience: example.audience,
        modes: example.modes,
      });
      expect(campaign.counts.invited).toBe(example.self.length + example.manager.length);
      const rows = await invitationsOf(t, campaign.id);
      expect(
        rows
          .filter((row) => row.kind === 'self')
          .map((row) => row.subject)
          .sort(),
      ).toEqual(example.self);
      expect(
        rows
          .filter((row) => row.kind === 'manager')
          .map((row): [string, string] => [row.respondent, row.subject])
          .sort(),
      ).toEqual([...example.manager].sort());
    }
  });

  it('re-resolves the invitations when a scheduled campaign’s audience changes', async () => {
    const org = await buildOrganisationWithPeople();
    const campaign = await scheduledCampaign(org);
    expect(campaign.counts.invited).toBe(5);
    const base = `/api/v1/campaigns/${campaign.id}`;
    const narrowed = await org.client.patch(base, {
      audience: { unitIds: [id(org.units, 'SOF-ÆLD-HJ')] },
    });
    expect(narrowed.statusCode, narrowed.body).toBe(200);
    expect((narrowed.json() as Campaign).counts.invited).toBe(2);
    const emptied = await org.client.patch(base, {
      audience: { unitIds: [id(org.units, 'BUF-DAG')] },
    });
    expect((emptied.json() as { code: string }).code).toBe('empty_audience');
    expect(((await org.client.get(base)).json() as Campaign).counts.invited).toBe(2);
  });

  it('records the subject’s unit on each invitation', async () => {
    const org = await buildOrganisationWithPeople();
    const campaign = await scheduledCampaign(org, { modes: ['manager'] });
    const rows = await t.database.db
      .selectFrom('invitations')
      .select(['subject_person_id', 'unit_id'])
      .where('campaign_id', '=', campaign.id)
      .execute();
    const mette = rows.find((row) => row.subject_person_id === id(org.people, '1004'));
    expect(mette?.unit_id).toBe(id(org.units, 'SOF-ÆLD-HJ'));
  });
});

describe('sending invitations without SMTP', () => {
  it('puts every invitation in the outbox for sending by hand and returns the links once, storing only hashes', async () => {
    const org = await buildOrganisationWithPeople();
    const campaign = await scheduledCampaign(org);
    const base = `/api/v1/campaigns/${campaign.id}`;
    const response = await org.client.post(`${base}/invitations/send`);
    expect(response.statusCode, response.body).toBe(200);
    const summary = response.json() as MailRunSummary;
    expect(summary).toMatchObject({ kind: 'invitation', sent: 0, failed: 0, manual: 5 });
    const rows = csvRows(summary.linksCsv ?? '');
    expect(rows[0]).toEqual(['name', 'email', 'unit', 'link', 'kind', 'subject']);
    expect(rows).toHaveLength(6);
    const tokens = rows.slice(1).map((row) => tokenOf(row[3] ?? ''));
    for (const token of tokens) {
      expect(token).toMatch(/^[A-Za-z0-9_-]{43}$/);
    }
    expect(rows.find((row) => row[0] === 'Bjørn Ødegård')?.[2]).toBe('Ældreområdet');

    const invitations = await invitationsOf(t, campaign.id);
    const hashes = invitations.map((row) => row.token_hash ?? '');
    for (const hash of hashes) {
      expect(hash).toMatch(/^[0-9a-f]{64}$/);
    }
    expect(tokens.map(hashToken).sort()).toEqual([...hashes].sort());
    const stored = (await storedText(t, campaign.id)).join('\n');
    for (const token of tokens) {
      expect(stored).not.toContain(token);
    }

    const outbox = (
      await org.client.get(`/api/v1/outbox?campaignId=${campaign.id}`)
    ).json() as OutboxPage;
    expect(outbox.total).toBe(5);
    expect(
      outbox.items.every((item) => item.status === 'manual' && item.kind === 'invitation'),
    ).toBe(true);
    expect(JSON.stringify(outbox)).not.toContain('/r/');

    const again = (await org.client.post(`${base}/invitations/send`)).json() as MailRunSummary;
    expect(again).toMatchObject({ sent: 0, manual: 0, linksCsv: null });
    expect(((await org.client.get(base)).json() as Campaign).counts).toEqual({
      invited: 5,
      sent: 5,
    });
  });

  it('re-issues links for invitations not yet started as a CSV, so the earlier links stop working', async () => {
    const org = await buildOrganisationWithPeople();
    const campaign = await scheduledCampaign(org);
    const base = `/api/v1/campaigns/${campaign.id}`;
    const first = (await org.client.post(`${base}/invitations/send`)).json() as MailRunSummary;
    const oldTokens = csvRows(first.linksCsv ?? '')
      .slice(1)
      .map((row) => tokenOf(row[3] ?? ''));
    const started = await t.database.db
      .updateTable('invitations')
      .set({ started_at: clock.now() })
      .where('campaign_id', '=', campaign.id)
      .where('subject_person_id', '=', id(org.people, '1004'))
      .returning('token_hash')
      .executeTakeFirstOrThrow();

    const response = await org.client.post(`${base}/invitations/links.csv`);
    expect(response.statusCode, response.body).toBe(200);
    expect(response.headers['content-type']).toContain('text/csv');
    expect(response.headers['x-evne-rotated-links']).toBe('4');
    const rows = csvRows(response.body);
    expect(rows).toHaveLength(5);
    expect(rows.some((row) => row[0] === 'Mette Kjær')).toBe(false);
    const hashes = new Set((await invitationsOf(t, campaign.id)).map((row) => row.token_hash));
    for (const row of rows.slice(1)) {
      expect(hashes.has(hashToken(tokenOf(row[3] ?? '')))).toBe(true);
    }
    const stillValid = oldTokens.filter((token) => hashes.has(hashToken(token)));
    expect(stillValid.map(hashToken)).toEqual([started.token_hash]);
    const audit = await t.database.db
      .selectFrom('audit_events')
      .select(['action', 'data'])
      .where('subject_id', '=', campaign.id)
      .where('action', '=', 'campaign.links_exported')
      .execute();
    expect(audit).toHaveLength(1);
  });

  it('refuses to send invitations for a draft', async () => {
    const org = await buildOrganisationWithPeople();
    const campaign = await createCampaign(org);
    const response = await org.client.post(`/api/v1/campaigns/${campaign.id}/invitations/send`);
    expect(response.statusCode).toBe(409);
    expect((response.json() as { code: string }).code).toBe('campaign_not_scheduled');
  });
});

describe('sending invitations and reminders through SMTP', () => {
  it('mails one invitation per person in their language, with a link whose token hashes to the stored hash', async () => {
    sink.clear();
    const org = await buildOrganisationWithPeople(mailing);
    const campaign = await scheduledCampaign(org, {
      audience: { unitIds: [id(org.units, 'KOM')] },
    });
    const response = await org.client.post(`/api/v1/campaigns/${campaign.id}/invitations/send`);
    expect(response.statusCode, response.body).toBe(200);
    expect(response.json()).toMatchObject({ sent: 8, failed: 0, manual: 0, linksCsv: null });
    expect(sink.messages).toHaveLength(8);

    const byAddress = new Map(sink.messages.map((mail) => [mail.envelopeTo[0], mail]));
    expect(byAddress.get('bjorn.odegard@aeroe.example')?.subject).toBe(
      'Kompetansekartlegging: Kortlægning 2031',
    );
    expect(byAddress.get('ida.skov@aeroe.example')?.subject).toBe(
      'Competence mapping: Mapping 2031',
    );
    // No language on Jens: the campaign's first language.
    expect(byAddress.get('jens.praest@aeroe.example')?.subject).toBe(
      'Kompetencekortlægning: Kortlægning 2031',
    );
    expect(byAddress.get('jens.praest@aeroe.example')?.text).toContain('Kortlægningen lukker');

    const invitations = await invitationsOf(mailing, campaign.id);
    for (const invitation of invitations) {
      const mail = byAddress.get(invitation.respondent_email ?? '');
      expect(mail?.link?.startsWith('https://evne.example/r/')).toBe(true);
      expect(hashToken(mail?.token ?? '')).toBe(invitation.token_hash);
    }
    const stored = (await storedText(mailing, campaign.id)).join('\n');
    for (const mail of sink.messages) {
      expect(stored).not.toContain(mail.token ?? 'missing');
    }
    const outbox = (
      await org.client.get(`/api/v1/outbox?campaignId=${campaign.id}`)
    ).json() as OutboxPage;
    expect(outbox.items.map((item) => item.status)).toEqual(Array(8).fill('sent'));
  });

  it('reminds only those who have not submitted, with a new link, and counts the reminders', async () => {
    const org = await buildOrganisationWithPeople(mailing);
    const campaign = await scheduledCampaign(org, {
      opensAt: new Date(clock.now().getTime() + HOUR).toISOString(),
    });
    const base = `/api/v1/campaigns/${campaign.id}`;
    await org.client.post(`${base}/invitations/send`);
    const early = await org.client.post(`${base}/reminders`);
    expect(early.statusCode).toBe(409);
    expect((early.json() as { code: string }).code).toBe('campaign_not_open');

    clock.advance(HOUR + 1000);
    await mailing.database.db
      .updateTable('invitations')
      .set({ started_at: clock.now(), submitted_at: clock.now() })
      .where('campaign_id', '=', campaign.id)
      .where('subject_person_id', '=', id(org.people, '1004'))
      .execute();
    const before = await invitationsOf(mailing, campaign.id);
    sink.clear();
    const response = await org.client.post(`${base}/reminders`);
    expect(response.statusCode, response.body).toBe(200);
    expect(response.json()).toMatchObject({
      kind: 'reminder',
      sent: 4,
      failed: 0,
      manual: 0,
      rotatedLinks: 4,
    });
    expect(sink.messages.map((mail) => mail.envelopeTo[0]).sort()).toEqual([
      'ase.hogh@aeroe.example',
      'bjorn.odegard@aeroe.example',
      'jens.praest@aeroe.example',
      'laerke.damgaard@aeroe.example',
    ]);
    expect(sink.messages.find((mail) => mail.envelopeTo[0]?.startsWith('bjorn'))?.subject).toBe(
      'Påminnelse: Kortlægning 2031',
    );
    const after = await invitationsOf(mailing, campaign.id);
    for (const row of after) {
      const earlier = before.find((item) => item.id === row.id);
      if (row.subject === '1004') {
        expect(row).toMatchObject({ reminder_count: 0, reminded_at: null });
        expect(row.token_hash).toBe(earlier?.token_hash);
      } else {
        expect(row.reminder_count).toBe(1);
        expect(row.token_hash).not.toBe(earlier?.token_hash);
        const mail = sink.messages.find((item) => item.envelopeTo[0] === row.respondent_email);
        expect(hashToken(mail?.token ?? '')).toBe(row.token_hash);
      }
    }
  });

  it('sends scheduled reminders a week after opening, and not again until a week later', async () => {
    const org = await buildOrganisationWithPeople(mailing);
    const campaign = await scheduledCampaign(org, {
      opensAt: new Date(clock.now().getTime() - HOUR).toISOString(),
    });
    await org.client.post(`/api/v1/campaigns/${campaign.id}/invitations/send`);
    const ours = (results: { campaignId: string; summary: MailRunSummary }[]) =>
      results.filter((result) => result.campaignId === campaign.id);

    const tooEarly = await mailing.services.campaigns.runScheduledReminders(
      new Date(clock.now().getTime() + 6 * DAY),
    );
    expect(ours(tooEarly)).toEqual([]);
    const weekLater = new Date(clock.now().getTime() + 7 * DAY);
    const first = await mailing.services.campaigns.runScheduledReminders(weekLater);
    expect(ours(first)).toEqual([
      { campaignId: campaign.id, summary: expect.objectContaining({ sent: 5 }) as unknown },
    ]);
    const again = await mailing.services.campaigns.runScheduledReminders(
      new Date(weekLater.getTime() + DAY),
    );
    expect(ours(again)).toEqual([]);
    const nearClose = await mailing.services.campaigns.runScheduledReminders(
      new Date(clock.now().getTime() + 29.5 * DAY),
    );
    expect(ours(nearClose)).toEqual([]);
    const counts = (await invitationsOf(mailing, campaign.id)).map((row) => row.reminder_count);
    expect(counts).toEqual(Array(5).fill(1));
  });

  it('keeps the earlier state of an invitation whose mail the server refuses, so it can be sent again', async () => {
    const org = await buildOrganisationWithPeople(mailing);
    await mailing.database.db
      .updateTable('people')
      .set({ email: 'mette@refused.invalid' })
      .where('id', '=', id(org.people, '1004'))
      .execute();
    const campaign = await scheduledCampaign(org, {
      audience: { personIds: [id(org.people, '1004'), id(org.people, '1005')] },
    });
    const send = `/api/v1/campaigns/${campaign.id}/invitations/send`;
    sink.refuse = (address) => address.endsWith('.invalid');
    try {
      const summary = (await org.client.post(send)).json() as MailRunSummary;
      expect(summary).toMatchObject({ sent: 1, failed: 1, manual: 0 });
    } finally {
      sink.refuse = null;
    }
    const refused = (await invitationsOf(mailing, campaign.id)).find(
      (row) => row.subject === '1004',
    );
    expect(refused).toMatchObject({ token_hash: null, sent_at: null });
    const outbox = (
      await org.client.get(`/api/v1/outbox?campaignId=${campaign.id}`)
    ).json() as OutboxPage;
    expect(outbox.items.find((item) => item.toEmail === 'mette@refused.invalid')).toMatchObject({
      status: 'failed',
      error: expect.stringContaining('Mailbox unavailable') as unknown,
    });
    const retry = (await org.client.post(send)).json() as MailRunSummary;
    expect(retry).toMatchObject({ sent: 1, failed: 0 });
  });
});

describe('status per unit', () => {
  it('shows invited, started and submitted per unit subtree, hiding counts below k as null', async () => {
    const org = await buildOrganisationWithPeople(t, { anonymityThreshold: 3 });
    const campaign = await scheduledCampaign(org, {
      opensAt: new Date(clock.now().getTime() - HOUR).toISOString(),
    });
    await t.database.db
      .updateTable('invitations')
      .set({ started_at: clock.now(), submitted_at: clock.now() })
      .where('campaign_id', '=', campaign.id)
      .where(
        'subject_person_id',
        'in',
        ['1004', '1005', '1006'].map((n) => id(org.people, n)),
      )
      .execute();
    const response = await org.client.get(`/api/v1/campaigns/${campaign.id}/status`);
    expect(response.statusCode, response.body).toBe(200);
    const report = response.json() as CampaignStatusReport;
    expect(report.threshold).toBe(3);
    expect(report.totals).toEqual({
      invited: 5,
      started: 3,
      submitted: 3,
      rate: 0.6,
      suppressed: false,
    });
    const byCode = new Map(report.units.map((unit) => [unit.code, unit.counts]));
    expect([...byCode.keys()].sort()).toEqual([
      'KOM',
      'SOF',
      'SOF-ÆLD',
      'SOF-ÆLD-HJ',
      'SOF-ÆLD-PL',
    ]);
    // SOF-ÆLD has 4 of SOF's 5: showing it would single out the fifth person by subtraction.
    expect(byCode.get('SOF')).toEqual(report.totals);
    expect(byCode.get('SOF-ÆLD')).toEqual({
      invited: null,
      started: null,
      submitted: null,
      rate: null,
      suppressed: true,
    });
    expect(byCode.get('SOF-ÆLD-HJ')).toEqual({
      invited: null,
      started: null,
      submitted: null,
      rate: null,
      suppressed: true,
    });
    expect(byCode.get('SOF-ÆLD-PL')?.suppressed).toBe(true);
  });
});
