import type { MyAssessment, Questionnaire, RatingInput } from '@evne/core';
import type { LightMyRequestResponse } from 'fastify';
import { sql } from 'kysely';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import {
  buildCampaign,
  buildInvitation,
  buildPerson,
  buildUnit,
  testClock,
  type TestCampaign,
  type TestInvitation,
  type TestPerson,
} from '../../test/campaign-factories.js';
import {
  buildOrganisation,
  buildSignedInUser,
  withShippedFrameworks,
} from '../../test/factories.js';
import { buildTestApp, type TestApp } from '../../test/test-app.js';

/** An answer as a client sends it; fields left out take the schema's defaults. */
type Answer = { [K in keyof RatingInput]?: RatingInput[K] | undefined };

const clock = testClock();
let t: TestApp;
beforeAll(async () => {
  t = await buildTestApp({ clock });
  await withShippedFrameworks(t);
});
afterAll(async () => {
  await t.close();
});

interface Setup {
  organisationId: string;
  campaign: TestCampaign;
  unitId: string;
  person: TestPerson;
  invitation: TestInvitation;
}

async function setup(options: Parameters<typeof buildCampaign>[3] = {}): Promise<Setup> {
  const db = t.database.db;
  const organisation = await buildOrganisation(t);
  const campaign = await buildCampaign(db, organisation.id, clock, options);
  const unitId = await buildUnit(db, organisation.id);
  const person = await buildPerson(db, organisation.id, {
    unitId,
    name: `Åse Ørsted ${Math.random().toString(36).slice(2, 8)}`,
  });
  const invitation = await buildInvitation(db, campaign, { respondent: person, unitId });
  return { organisationId: organisation.id, campaign, unitId, person, invitation };
}

function call(method: 'GET' | 'PUT' | 'POST', url: string, payload?: unknown) {
  return t.app.inject({
    method,
    url,
    ...(payload === undefined ? {} : { payload: payload as Record<string, unknown> }),
  });
}

const getQuestionnaire = (token: string) => call('GET', `/api/v1/respond/${token}`);
const save = (token: string, ratings: Answer[], revision?: number) =>
  call('PUT', `/api/v1/respond/${token}/answers`, {
    ratings,
    ...(revision === undefined ? {} : { revision }),
  });
const submit = (token: string, ratings?: Answer[]) =>
  call('POST', `/api/v1/respond/${token}/submit`, ratings ? { ratings } : {});

function ok(response: LightMyRequestResponse): Questionnaire {
  expect(response.statusCode, response.body).toBe(200);
  return response.json() as Questionnaire;
}

function expectProblem(response: LightMyRequestResponse, status: number, code: string) {
  expect(response.statusCode, response.body).toBe(status);
  expect(response.headers['content-type']).toContain('application/problem+json');
  const body = response.json() as {
    code: string;
    status: number;
    issues?: { path?: string; identifier?: string }[];
  };
  expect(body.code).toBe(body.code === code ? code : `${code} (got ${body.code})`);
  expect(body.status).toBe(status);
  return body;
}

function competenceIds(questionnaire: Questionnaire): string[] {
  return questionnaire.areas.flatMap((area) => area.competences.map((c) => c.id));
}

/** A level for every competence: 1, 2, 3, … cycling through the scale. */
function fullAnswers(questionnaire: Questionnaire): Answer[] {
  return competenceIds(questionnaire).map((nodeId, index) => ({
    nodeId,
    level: (index % 5) + 1,
  }));
}

async function counts(organisationId: string) {
  const responses = await t.database.db
    .selectFrom('responses')
    .select(sql<number>`count(*)::int`.as('count'))
    .where('organisation_id', '=', organisationId)
    .executeTakeFirstOrThrow();
  const ratings = await t.database.db
    .selectFrom('ratings')
    .select(sql<number>`count(*)::int`.as('count'))
    .where('organisation_id', '=', organisationId)
    .executeTakeFirstOrThrow();
  return { responses: Number(responses.count), ratings: Number(ratings.count) };
}

async function responseRows(campaignId: string) {
  return t.database.db
    .selectFrom('responses')
    .selectAll()
    .where('campaign_id', '=', campaignId)
    .execute();
}

describe('reading the questionnaire', () => {
  it('shows the campaign in the respondent’s language with areas, scale and an empty draft', async () => {
    const s = await setup();
    const questionnaire = ok(await getQuestionnaire(s.invitation.token));
    expect(questionnaire.campaign.name).toBe('Kortlægning 2026');
    expect(questionnaire.locale).toBe('da');
    expect(questionnaire.kind).toBe('self');
    expect(questionnaire.subject).toBeNull();
    expect(questionnaire.status).toBe('draft');
    expect(questionnaire.revision).toBe(0);
    expect(questionnaire.areas.map((area) => area.code)).toEqual(['A1', 'A2', 'A3', 'A4']);
    expect(questionnaire.areas[1]?.competences.map((c) => c.code)).toEqual([
      'A2.1.1',
      'A2.1.2',
      'A2.2',
      'A2.3',
    ]);
    expect(questionnaire.scale.levels.map((level) => level.value)).toEqual([1, 2, 3, 4, 5]);
    expect(questionnaire.areas[0]?.competences[0]?.levelDescriptors).toHaveLength(5);
    expect(questionnaire.progress).toEqual({ answered: 0, total: 13 });
    expect(questionnaire.canEdit).toBe(true);
    expect(questionnaire.canEditAfterSubmit).toBe(true);
    const english = ok(await call('GET', `/api/v1/respond/${s.invitation.token}?locale=en`));
    expect(english.campaign.name).toBe('Mapping 2026');
  });

  it('limits the questionnaire to the campaign’s chosen competences', async () => {
    const all = ok(await getQuestionnaire((await setup()).invitation.token));
    const chosen = competenceIds(all).slice(0, 3);
    const s = await setup({ nodeIds: chosen });
    const questionnaire = ok(await getQuestionnaire(s.invitation.token));
    expect(competenceIds(questionnaire)).toEqual(chosen);
    expect(questionnaire.progress.total).toBe(3);
  });
});

describe('autosaving and resuming', () => {
  it('saves area 1 and gives another device the same answers, revision and progress', async () => {
    const s = await setup();
    const first = ok(await getQuestionnaire(s.invitation.token));
    const area = first.areas[0]!;
    const ratings = area.competences.map((competence, index) => ({
      nodeId: competence.id,
      level: index === 0 ? null : index + 1,
      isNotApplicable: index === 0,
      wantsToDevelop: index === 1,
      comment: index === 2 ? 'Vil gerne lære mere' : null,
    }));
    const saved = ok(await save(s.invitation.token, ratings, 0));
    expect(saved.revision).toBe(1);
    expect(saved.progress).toEqual({ answered: 3, total: 13 });

    const resumed = ok(await getQuestionnaire(s.invitation.token));
    expect(resumed.answers).toEqual(saved.answers);
    expect(resumed.answers).toHaveLength(3);
    expect(resumed.revision).toBe(1);
    expect(resumed.progress).toEqual({ answered: 3, total: 13 });
    expect(resumed.status).toBe('draft');

    const [row] = await responseRows(s.campaign.id);
    expect(row?.unit_id).toBe(s.unitId);
    expect(row?.invitation_id).toBe(s.invitation.id);
    const invitation = await t.database.db
      .selectFrom('invitations')
      .select('started_at')
      .where('id', '=', s.invitation.id)
      .executeTakeFirstOrThrow();
    expect(invitation.started_at).not.toBeNull();
  });

  it('deletes an answer saved blank, and writes nothing for an unchanged one', async () => {
    const s = await setup();
    const [a, b] = competenceIds(ok(await getQuestionnaire(s.invitation.token)));
    ok(
      await save(s.invitation.token, [
        { nodeId: a, level: 2 },
        { nodeId: b, level: 3 },
      ]),
    );
    const unchanged = ok(await save(s.invitation.token, [{ nodeId: a, level: 2 }]));
    expect(unchanged.revision).toBe(1);
    const cleared = ok(await save(s.invitation.token, [{ nodeId: b, level: null }]));
    expect(cleared.revision).toBe(2);
    expect(cleared.answers.map((answer) => answer.nodeId)).toEqual([a]);
    expect(await counts(s.organisationId)).toEqual({ responses: 1, ratings: 1 });
  });

  it('refuses a save based on an older revision, so that a stale device cannot overwrite', async () => {
    const s = await setup();
    const [a] = competenceIds(ok(await getQuestionnaire(s.invitation.token)));
    ok(await save(s.invitation.token, [{ nodeId: a, level: 2 }], 0));
    expectProblem(
      await save(s.invitation.token, [{ nodeId: a, level: 4 }], 0),
      409,
      'stale_revision',
    );
    expect(ok(await getQuestionnaire(s.invitation.token)).answers[0]?.level).toBe(2);
  });
});

describe('submitting', () => {
  it('refuses to submit with answers missing, naming them, and stores nothing of that call', async () => {
    const s = await setup();
    const ids = competenceIds(ok(await getQuestionnaire(s.invitation.token)));
    const body = expectProblem(
      await submit(s.invitation.token, [{ nodeId: ids[0], level: 3 }]),
      422,
      'answers_missing',
    );
    expect((body.issues ?? []).map((issue) => issue.identifier).sort()).toEqual(
      ids.slice(1).sort(),
    );
    expect(await counts(s.organisationId)).toEqual({ responses: 0, ratings: 0 });
  });

  it('stores one response when the same submit arrives twice in a row', async () => {
    const s = await setup();
    const answers = fullAnswers(ok(await getQuestionnaire(s.invitation.token)));
    const first = ok(await submit(s.invitation.token, answers));
    const second = ok(await submit(s.invitation.token, answers));
    expect(first.status).toBe('submitted');
    expect(second.status).toBe('submitted');
    expect(second.revision).toBe(first.revision);
    expect(second.submittedAt).toBe(first.submittedAt);
    expect(await counts(s.organisationId)).toEqual({ responses: 1, ratings: 13 });
  });

  it('stores one response when two submits race', async () => {
    const s = await setup();
    const answers = fullAnswers(ok(await getQuestionnaire(s.invitation.token)));
    const results = await Promise.all([
      submit(s.invitation.token, answers),
      submit(s.invitation.token, answers),
      submit(s.invitation.token, answers),
    ]);
    for (const result of results) {
      expect(ok(result).status).toBe('submitted');
    }
    expect(await counts(s.organisationId)).toEqual({ responses: 1, ratings: 13 });
    const [row] = await responseRows(s.campaign.id);
    expect(row?.status).toBe('submitted');
    expect(row?.revision).toBe(1);
  });

  it('lets an identified response be edited while open, keeping it submitted, and not after closing', async () => {
    const s = await setup();
    const questionnaire = ok(await getQuestionnaire(s.invitation.token));
    ok(await submit(s.invitation.token, fullAnswers(questionnaire)));
    const [a] = competenceIds(questionnaire);
    const edited = ok(
      await save(s.invitation.token, [{ nodeId: a, level: 5, comment: 'Bedre nu' }]),
    );
    expect(edited.status).toBe('submitted');
    expect(edited.answers.find((answer) => answer.nodeId === a)?.level).toBe(5);
    expectProblem(
      await save(s.invitation.token, [{ nodeId: a, level: null }]),
      422,
      'answers_missing',
    );

    await t.database.db
      .updateTable('campaigns')
      .set({ closed_at: clock.now() })
      .where('id', '=', s.campaign.id)
      .execute();
    expectProblem(
      await save(s.invitation.token, [{ nodeId: a, level: 1 }]),
      409,
      'campaign_closed',
    );
    expectProblem(await submit(s.invitation.token), 409, 'campaign_closed');
    const after = ok(await getQuestionnaire(s.invitation.token));
    expect(after.canEdit).toBe(false);
    expect(after.answers.find((answer) => answer.nodeId === a)?.level).toBe(5);
  });
});

describe('refusing bad input without storing any of it', () => {
  it.each([
    ['a level outside the scale', 9, 'ratings[1].level'],
    ['an unknown competence', 'unknown', 'ratings[1].nodeId'],
    ['a level and "not relevant" together', 'both', 'ratings[1].isNotApplicable'],
  ])('answers 422 invalid_answers for %s', async (_label, kind, path) => {
    const s = await setup();
    const [a, b] = competenceIds(ok(await getQuestionnaire(s.invitation.token)));
    const bad: Answer =
      kind === 9
        ? { nodeId: b, level: 9 }
        : kind === 'unknown'
          ? { nodeId: crypto.randomUUID(), level: 2 }
          : { nodeId: b, level: 2, isNotApplicable: true };
    for (const response of [
      await save(s.invitation.token, [{ nodeId: a, level: 2 }, bad]),
      await submit(s.invitation.token, [{ nodeId: a, level: 2 }, bad]),
    ]) {
      const body = expectProblem(response, 422, 'invalid_answers');
      expect(body.issues?.map((issue) => issue.path)).toEqual([path]);
    }
    expect(await counts(s.organisationId)).toEqual({ responses: 0, ratings: 0 });
  });

  it('answers 404 invitation_not_found for an unknown token', async () => {
    const token = 'x'.repeat(43);
    expectProblem(await getQuestionnaire(token), 404, 'invitation_not_found');
    expectProblem(await save(token, []), 404, 'invitation_not_found');
    expectProblem(await submit(token), 404, 'invitation_not_found');
  });

  it('answers 409 for a campaign that has closed or not opened yet', async () => {
    const closed = await setup();
    await t.database.db
      .updateTable('campaigns')
      .set({ closed_at: clock.now() })
      .where('id', '=', closed.campaign.id)
      .execute();
    const [a] = competenceIds(ok(await getQuestionnaire(closed.invitation.token)));
    expectProblem(
      await save(closed.invitation.token, [{ nodeId: a, level: 2 }]),
      409,
      'campaign_closed',
    );
    expectProblem(await submit(closed.invitation.token), 409, 'campaign_closed');
    expect(await counts(closed.organisationId)).toEqual({ responses: 0, ratings: 0 });

    const later = await setup({
      opensAt: new Date(clock.now().getTime() + 86_400_000),
      closesAt: new Date(clock.now().getTime() + 9 * 86_400_000),
    });
    expectProblem(await getQuestionnaire(later.invitation.token), 409, 'campaign_not_open');
    expectProblem(await submit(later.invitation.token), 409, 'campaign_not_open');
    expect(await counts(later.organisationId)).toEqual({ responses: 0, ratings: 0 });
  });

  it('answers 413 for a body over 256 KiB', async () => {
    const s = await setup();
    const [a] = competenceIds(ok(await getQuestionnaire(s.invitation.token)));
    const huge = { ratings: [{ nodeId: a, level: 2, comment: 'x'.repeat(300 * 1024) }] };
    expectProblem(
      await call('PUT', `/api/v1/respond/${s.invitation.token}/answers`, huge),
      413,
      'payload_too_large',
    );
    expectProblem(
      await call('POST', `/api/v1/respond/${s.invitation.token}/submit`, huge),
      413,
      'payload_too_large',
    );
    expect(await counts(s.organisationId)).toEqual({ responses: 0, ratings: 0 });
  });

  it('answers 400 for a malformed body', async () => {
    const s = await setup();
    expectProblem(
      await call('PUT', `/api/v1/respond/${s.invitation.token}/answers`, {
        ratings: [{ nodeId: 'nope' }],
      }),
      400,
      'invalid_request',
    );
    expect(await counts(s.organisationId)).toEqual({ responses: 0, ratings: 0 });
  });
});

describe('anonymity', () => {
  it('cuts every link from an anonymous response to the person on submit, and retires the link', async () => {
    const s = await setup({ anonymity: 'anonymous' });
    const questionnaire = ok(await getQuestionnaire(s.invitation.token));
    expect(questionnaire.canEditAfterSubmit).toBe(false);
    const answers = fullAnswers(questionnaire).map((answer, index) =>
      index === 0 ? { ...answer, comment: 'Mere kursus, tak', wantsToDevelop: true } : answer,
    );
    ok(await save(s.invitation.token, answers.slice(0, 4)));
    const submitted = ok(await submit(s.invitation.token, answers));
    expect(submitted.status).toBe('submitted');
    expect(submitted.result?.competences).toHaveLength(13);

    const rows = await responseRows(s.campaign.id);
    expect(rows).toHaveLength(1);
    const row = rows[0]!;
    expect(row.invitation_id).toBeNull();
    expect(row.subject_person_id).toBeNull();
    expect(row.unit_id).toBe(s.unitId);
    // Its times are rounded to the day, so that they cannot be matched with the invitation's.
    const day = new Date(clock.now().toISOString().slice(0, 10));
    expect(
      [row.created_at, row.updated_at, row.submitted_at].map((at) => new Date(at!).getTime()),
    ).toEqual([day, day, day].map((at) => at.getTime()));
    const ratings = await t.database.db
      .selectFrom('ratings')
      .selectAll()
      .where('response_id', '=', row.id)
      .execute();
    expect(ratings).toHaveLength(13);
    const stored = JSON.stringify([row, ratings]);
    for (const trace of [s.person.id, s.person.email, s.person.name, s.invitation.id]) {
      expect(stored).not.toContain(trace);
    }

    expectProblem(await getQuestionnaire(s.invitation.token), 410, 'response_anonymised');
    expectProblem(await save(s.invitation.token, answers), 410, 'response_anonymised');
    expectProblem(await submit(s.invitation.token, answers), 410, 'response_anonymised');
    expect(await counts(s.organisationId)).toEqual({ responses: 1, ratings: 13 });
  });

  it.each(['identified', 'confidential'] as const)(
    'keeps the %s response linked to the invitation and the person',
    async (anonymity) => {
      const s = await setup({ anonymity });
      ok(
        await submit(
          s.invitation.token,
          fullAnswers(ok(await getQuestionnaire(s.invitation.token))),
        ),
      );
      const [row] = await responseRows(s.campaign.id);
      expect(row?.invitation_id).toBe(s.invitation.id);
      expect(row?.subject_person_id).toBe(s.person.id);
      expect(ok(await getQuestionnaire(s.invitation.token)).status).toBe('submitted');
    },
  );
});

describe('the respondent’s own result', () => {
  it('gives each level against the highest target of the person’s role profiles, and area averages', async () => {
    const s = await setup();
    const db = t.database.db;
    const questionnaire = ok(await getQuestionnaire(s.invitation.token));
    const area = (code: string) =>
      questionnaire.areas.find((candidate) => candidate.code === code)!;
    const node = (code: string) =>
      questionnaire.areas.flatMap((a) => a.competences).find((c) => c.code === code)!.id;
    const profile = async (name: string, targets: Record<string, number | null>) => {
      const row = await db
        .insertInto('role_profiles')
        .values({
          organisation_id: s.organisationId,
          framework_version_id: s.campaign.versionId,
          name: JSON.stringify({ da: name }),
        })
        .returning('id')
        .executeTakeFirstOrThrow();
      await db
        .insertInto('role_profile_targets')
        .values(
          Object.entries(targets).map(([code, level]) => ({
            profile_id: row.id,
            organisation_id: s.organisationId,
            node_id: node(code),
            target_level: level,
          })),
        )
        .execute();
      await db
        .insertInto('person_role_profiles')
        .values({ organisation_id: s.organisationId, person_id: s.person.id, profile_id: row.id })
        .execute();
    };
    await profile('Sagsbehandler', { 'A3.1.1': 3, 'A3.1.2': 4, 'A3.2': 2 });
    await profile('Databeskyttelse', { 'A3.1.2': 5, 'A3.2': null, 'A4.1.1': 2 });

    const levels: Record<string, number | null> = {
      'A1.1': 1,
      'A1.2': 2,
      'A1.3': 4,
      'A2.1.1': 3,
      'A2.1.2': 3,
      'A2.2': 3,
      'A2.3': 3,
      'A3.1.1': 2,
      'A3.1.2': 5,
      'A3.2': null,
      'A3.3': 4,
      'A4.1.1': null,
      'A4.1.2': null,
    };
    const answers = Object.entries(levels).map(([code, level]) => ({
      nodeId: node(code),
      level,
      isNotApplicable: level === null,
    }));
    const result = ok(await submit(s.invitation.token, answers)).result!;
    expect(result.profiles.map((p) => p.name).sort()).toEqual(['Databeskyttelse', 'Sagsbehandler']);
    const competence = (code: string) => result.competences.find((c) => c.nodeId === node(code))!;
    expect(competence('A3.1.2')).toMatchObject({ level: 5, target: 5 });
    expect(competence('A3.1.1')).toMatchObject({ level: 2, target: 3 });
    expect(competence('A3.2')).toMatchObject({ level: null, isNotApplicable: true, target: 2 });
    expect(competence('A1.1')).toMatchObject({ level: 1, target: null });
    const areaResult = (code: string) => result.areas.find((a) => a.areaId === area(code).id)!;
    // A1: (1 + 2 + 4) / 3; A3: (2 + 5 + 4) / 3 against (3 + 5 + 2) / 3; A4: all "not relevant".
    expect(areaResult('A1')).toMatchObject({ average: 2.33, targetAverage: null });
    expect(areaResult('A2').average).toBe(3);
    expect(areaResult('A3')).toMatchObject({ average: 3.67, targetAverage: 3.33 });
    expect(areaResult('A4')).toMatchObject({ average: null, targetAverage: 2 });
    // An identified respondent sees the same result when coming back.
    expect(ok(await getQuestionnaire(s.invitation.token)).result).toEqual(result);
  });
});

describe('managers rating their reports', () => {
  it('shows the report’s name on a manager’s invitation', async () => {
    const s = await setup();
    const report = await buildPerson(t.database.db, s.organisationId, {
      name: 'Bjørn Report',
      managerId: s.person.id,
    });
    const invitation = await buildInvitation(t.database.db, s.campaign, {
      respondent: s.person,
      subject: report,
      kind: 'manager',
    });
    const questionnaire = ok(await getQuestionnaire(invitation.token));
    expect(questionnaire.kind).toBe('manager');
    expect(questionnaire.subject).toEqual({ name: 'Bjørn Report' });
    ok(await submit(invitation.token, fullAnswers(questionnaire)));
    const row = await t.database.db
      .selectFrom('responses')
      .select(['kind', 'subject_person_id'])
      .where('invitation_id', '=', invitation.id)
      .executeTakeFirstOrThrow();
    expect(row).toEqual({ kind: 'manager', subject_person_id: report.id });
  });
});

describe('my assessments', () => {
  it('refuses a caller who is not signed in', async () => {
    expectProblem(await call('GET', '/api/v1/me/assessments'), 401, 'unauthenticated');
  });

  it('lists the signed-in manager’s open invitations with fresh links that retire the mailed ones', async () => {
    const { organisation, client, userId } = await buildSignedInUser(t, { role: 'manager' });
    const db = t.database.db;
    const manager = await buildPerson(db, organisation.id, { name: 'Mette Leder', userId });
    const report = await buildPerson(db, organisation.id, {
      name: 'Rasmus Medarbejder',
      managerId: manager.id,
    });
    const campaign = await buildCampaign(db, organisation.id, clock);
    const own = await buildInvitation(db, campaign, { respondent: manager });
    const rating = await buildInvitation(db, campaign, {
      respondent: manager,
      subject: report,
      kind: 'manager',
    });
    const closed = await buildCampaign(db, organisation.id, clock, {
      opensAt: new Date(clock.now().getTime() - 9 * 86_400_000),
      closesAt: new Date(clock.now().getTime() - 86_400_000),
    });
    await buildInvitation(db, closed, { respondent: manager });
    ok(await save(own.token, [{ nodeId: await firstCompetence(own.token), level: 3 }]));

    const response = await client.get('/api/v1/me/assessments');
    expect(response.statusCode, response.body).toBe(200);
    const items = (response.json() as { items: MyAssessment[] }).items;
    expect(items.map((item) => [item.kind, item.subject.name, item.status])).toEqual([
      ['self', 'Mette Leder', 'started'],
      ['manager', 'Rasmus Medarbejder', 'not_started'],
    ]);
    for (const item of items) {
      expect(item.link).toMatch(/^\/r\/[A-Za-z0-9_-]{43}$/);
      const token = item.link!.slice(3);
      const questionnaire = ok(await getQuestionnaire(token));
      expect(questionnaire.kind).toBe(item.kind);
    }
    expect(ok(await getQuestionnaire(items[0]!.link!.slice(3))).answers).toHaveLength(1);
    expectProblem(await getQuestionnaire(own.token), 404, 'invitation_not_found');
    expectProblem(await getQuestionnaire(rating.token), 404, 'invitation_not_found');
  });
});

describe('my assessments of an anonymous campaign', () => {
  it('shows a submitted anonymous invitation as submitted, without a link', async () => {
    const { organisation, client, userId } = await buildSignedInUser(t, { role: 'employee' });
    const db = t.database.db;
    const person = await buildPerson(db, organisation.id, { userId });
    const campaign = await buildCampaign(db, organisation.id, clock, { anonymity: 'anonymous' });
    const invitation = await buildInvitation(db, campaign, { respondent: person });
    ok(await submit(invitation.token, fullAnswers(ok(await getQuestionnaire(invitation.token)))));
    const response = await client.get('/api/v1/me/assessments');
    expect(response.statusCode, response.body).toBe(200);
    const items = (response.json() as { items: MyAssessment[] }).items;
    expect(items.map((item) => [item.status, item.link])).toEqual([['submitted', null]]);
    expectProblem(await getQuestionnaire(invitation.token), 410, 'response_anonymised');
  });
});

async function firstCompetence(token: string): Promise<string> {
  return competenceIds(ok(await getQuestionnaire(token)))[0]!;
}

describe('a signed-in person opening a personal link', () => {
  it('saves through the link without the session’s CSRF token: the link is the credential', async () => {
    const { invitation } = await setup();
    const signedIn = await buildSignedInUser(t, { role: 'employee' });
    const questionnaire = ok(await getQuestionnaire(invitation.token));
    const first = fullAnswers(questionnaire).slice(0, 1);
    const response = await t.app.inject({
      method: 'PUT',
      url: `/api/v1/respond/${invitation.token}/answers`,
      headers: { cookie: signedIn.client.cookie },
      payload: { ratings: first },
    });
    expect(response.statusCode, response.body).toBe(200);
    const change = await t.app.inject({
      method: 'PUT',
      url: '/api/v1/me/preferences',
      headers: { cookie: signedIn.client.cookie },
      payload: { locale: 'en' },
    });
    expect(change.json().code).toBe('csrf_token_invalid');
  });
});
