import type { Actor, RatingInput } from '@evne/core';
import type { Kysely } from 'kysely';
import type { Clock } from '../adapters/clock.js';
import { hashToken } from '../adapters/tokens.js';
import type { Services } from '../app.js';
import type { Database } from '../db/database.js';
import { listAssignmentsForPeople } from '../repositories/profile-assignments.repository.js';
import { highestTargets } from '../repositories/responses.repository.js';
import { EXAMPLE_PROFILES_FRAMEWORK_KEY } from './example-profiles.js';

const DAY_MS = 24 * 60 * 60 * 1000;

export const DEMO_CAMPAIGN_NAME = {
  da: 'Kortlægning af digitale kompetencer 2026',
  nb: 'Kartlegging av digitale kompetanser 2026',
  en: 'Digital competence mapping 2026',
} as const;

/** A small seeded PRNG (mulberry32): the demo's answers are the same on every machine. */
function prng(seed: number): () => number {
  let state = seed;
  return () => {
    state = (state + 0x6d2b79f5) | 0;
    let value = Math.imul(state ^ (state >>> 15), 1 | state);
    value = (value + Math.imul(value ^ (value >>> 7), 61 | value)) ^ value;
    return ((value ^ (value >>> 14)) >>> 0) / 4294967296;
  };
}

function seedOf(text: string): number {
  let hash = 2166136261;
  for (const char of text) {
    hash = Math.imul(hash ^ char.charCodeAt(0), 16777619);
  }
  return hash >>> 0;
}

const clampLevel = (value: number): number => Math.min(5, Math.max(1, Math.round(value)));

const COMMENTS = [
  'Jeg vil gerne have et kursus i det her.',
  'Bruger det dagligt i sagsbehandlingen.',
  'Usikker på, hvad der forventes.',
  'Har lært meget af en kollega.',
];

/**
 * The demo organisation's closed campaign, full of plausible answers, so that a newcomer sees a
 * living overview on first start: everyone was asked for a self-assessment and managers rated
 * their direct reports on the Danish state model; about nine in ten answered. Answers go through
 * the ordinary respondent service (and so into the rollups), then the campaign is closed.
 */
export async function seedDemoCampaign(
  db: Kysely<Database>,
  services: Services,
  actor: Actor,
  clock: Clock,
): Promise<string | undefined> {
  const version = (await services.frameworks.list(actor))
    .find((framework) => framework.key === EXAMPLE_PROFILES_FRAMEWORK_KEY)
    ?.versions.find((candidate) => candidate.status === 'published');
  const root = (await services.organisation.listUnits(actor)).find(
    (unit) => unit.parentId === null,
  );
  if (!version || !root) {
    return undefined;
  }
  const now = clock.now();
  const campaign = await services.campaigns.create(actor, {
    name: DEMO_CAMPAIGN_NAME,
    frameworkVersionId: version.id,
    nodeIds: null,
    audience: { unitIds: [root.id], includeSubunits: true, profileIds: [], personIds: [] },
    opensAt: new Date(now.getTime() - 30 * DAY_MS).toISOString(),
    closesAt: new Date(now.getTime() + DAY_MS).toISOString(),
    modes: ['self', 'manager'],
    languages: ['da', 'nb', 'en'],
    anonymity: 'confidential',
  });
  await services.campaigns.schedule(actor, campaign.id);
  const { csv } = await services.campaigns.exportLinks(actor, campaign.id);
  const tokens = [...csv.matchAll(/\/r\/([A-Za-z0-9_-]{20,})/g)].map((match) => match[1] ?? '');

  // Each person has an ability of their own; managers rate a little below the self-assessment.
  const ability = new Map<string, number>();
  for (const token of tokens) {
    const invitation = await db
      .selectFrom('invitations as i')
      .innerJoin('people as p', 'p.id', 'i.subject_person_id')
      .select(['i.kind', 'i.subject_person_id', 'i.organisation_id', 'p.employee_number'])
      .where('i.token_hash', '=', hashToken(token))
      .executeTakeFirstOrThrow();
    // Seeded by the employee number, so that every new demo gets the same answers.
    const random = prng(seedOf(`${invitation.employee_number}|${invitation.kind}`));
    if (random() < 0.1) {
      continue; // Did not answer.
    }
    const person = invitation.subject_person_id;
    if (!ability.has(person)) {
      const own = prng(seedOf(invitation.employee_number));
      ability.set(person, (own() + own() + own() - 1.5) * 1.2);
    }
    const profileIds = (
      await listAssignmentsForPeople(db, invitation.organisation_id, [person])
    ).map((assignment) => assignment.profileId);
    const targets = await highestTargets(db, invitation.organisation_id, profileIds);
    const questionnaire = await services.respond.getQuestionnaire(token);
    const bias = invitation.kind === 'manager' ? -0.4 : 0;
    const ratings: RatingInput[] = questionnaire.areas.flatMap((area, areaIndex) =>
      area.competences.map((competence) => {
        const target = targets.get(competence.id) ?? 2;
        if (random() < 0.06) {
          return {
            nodeId: competence.id,
            level: null,
            isNotApplicable: true,
            wantsToDevelop: false,
            comment: null,
          };
        }
        const level = clampLevel(
          target -
            0.5 +
            (ability.get(person) ?? 0) +
            bias +
            (random() - 0.5) * 1.6 -
            areaIndex * 0.15,
        );
        return {
          nodeId: competence.id,
          level,
          isNotApplicable: false,
          wantsToDevelop: invitation.kind === 'self' && random() < (level < target ? 0.55 : 0.08),
          comment:
            invitation.kind === 'self' && random() < 0.04
              ? (COMMENTS[Math.floor(random() * COMMENTS.length)] ?? null)
              : null,
        };
      }),
    );
    await services.respond.submit(token, { ratings });
  }
  await services.campaigns.close(actor, campaign.id);
  return campaign.id;
}
