import { sql } from 'kysely';
import type { Executor } from '../db/database.js';
import { ALL_PROFILES } from './rollup-deltas.js';

/**
 * The rollups (see migration 0006) as sums over their shards, and the same counts aggregated
 * from scratch out of the submitted ratings. Submissions keep the rollups up to date as they
 * go; a rebuild recomputes them, e.g. after units moved in the tree.
 */

export interface RatingCount {
  unitId: string;
  profileId: string;
  kind: string;
  nodeId: string;
  level: number;
  target: number;
  respondents: number;
  wantsToDevelop: number;
}

export interface ResponseCount {
  unitId: string;
  profileId: string;
  kind: string;
  respondents: number;
}

/** The submitted answers of a campaign, counted per unit and ancestor, profile and answer. */
const ratingsFromScratch = (campaignId: string) => sql<{
  unit_id: string;
  profile_id: string;
  kind: string;
  node_id: string;
  level: number;
  target: number;
  respondents: number;
  wants_to_develop: number;
}>`
  select c.ancestor_id as unit_id, p.profile_id, r.kind, a.node_id,
         case when a.is_not_applicable then 0 else a.level end as level,
         coalesce(a.target, 0) as target,
         count(*)::int as respondents,
         (count(*) filter (where a.wants_to_develop))::int as wants_to_develop
    from responses r
    join ratings a on a.response_id = r.id
    join org_unit_closure c on c.descendant_id = r.unit_id
    cross join lateral (
      select distinct profile_id
        from unnest(array[${ALL_PROFILES}::uuid] || r.profile_ids) as u(profile_id)
    ) p
   where r.campaign_id = ${campaignId} and r.status = 'submitted'
     and (a.is_not_applicable or a.level is not null)
   group by c.ancestor_id, p.profile_id, r.kind, a.node_id, 5, 6
`;

const responsesFromScratch = (campaignId: string) => sql<{
  unit_id: string;
  profile_id: string;
  kind: string;
  respondents: number;
}>`
  select c.ancestor_id as unit_id, p.profile_id, r.kind, count(*)::int as respondents
    from responses r
    join org_unit_closure c on c.descendant_id = r.unit_id
    cross join lateral (
      select distinct profile_id
        from unnest(array[${ALL_PROFILES}::uuid] || r.profile_ids) as u(profile_id)
    ) p
   where r.campaign_id = ${campaignId} and r.status = 'submitted'
   group by c.ancestor_id, p.profile_id, r.kind
`;

function toRatingCount(row: {
  unit_id: string;
  profile_id: string;
  kind: string;
  node_id: string;
  level: number;
  target: number;
  respondents: number;
  wants_to_develop: number;
}): RatingCount {
  return {
    unitId: row.unit_id,
    profileId: row.profile_id,
    kind: row.kind,
    nodeId: row.node_id,
    level: Number(row.level),
    target: Number(row.target),
    respondents: Number(row.respondents),
    wantsToDevelop: Number(row.wants_to_develop),
  };
}

/** Replaces a campaign's rollups with counts aggregated from its submitted ratings. */
export async function rebuildRollups(db: Executor, campaignId: string): Promise<void> {
  await db.deleteFrom('rating_rollups').where('campaign_id', '=', campaignId).execute();
  await db.deleteFrom('response_rollups').where('campaign_id', '=', campaignId).execute();
  await sql`
    insert into rating_rollups (campaign_id, unit_id, profile_id, kind, node_id, level, target,
                                shard, respondents, wants_to_develop)
    select ${campaignId}::uuid, s.unit_id, s.profile_id, s.kind, s.node_id, s.level, s.target, 0,
           s.respondents, s.wants_to_develop
      from (${ratingsFromScratch(campaignId)}) s
  `.execute(db);
  await sql`
    insert into response_rollups (campaign_id, unit_id, profile_id, kind, shard, respondents)
    select ${campaignId}::uuid, s.unit_id, s.profile_id, s.kind, 0, s.respondents
      from (${responsesFromScratch(campaignId)}) s
  `.execute(db);
}

/** Rebuilds the rollups of every campaign of an organisation that has submitted responses. */
export async function rebuildOrganisationRollups(
  db: Executor,
  organisationId: string,
): Promise<number> {
  const campaigns = await db
    .selectFrom('campaigns')
    .select('id')
    .where('organisation_id', '=', organisationId)
    .where((eb) =>
      eb.exists(
        eb
          .selectFrom('responses')
          .select('responses.id')
          .whereRef('responses.campaign_id', '=', 'campaigns.id')
          .where('responses.status', '=', 'submitted'),
      ),
    )
    .execute();
  for (const campaign of campaigns) {
    await rebuildRollups(db, campaign.id);
  }
  return campaigns.length;
}

/** The rollups of a campaign summed over shards, leaving out keys that sum to nothing. */
export async function readRollups(
  db: Executor,
  campaignId: string,
): Promise<{ ratings: RatingCount[]; responses: ResponseCount[] }> {
  const ratings = await sql<Parameters<typeof toRatingCount>[0]>`
    select unit_id, profile_id, kind, node_id, level, target,
           sum(respondents)::int as respondents, sum(wants_to_develop)::int as wants_to_develop
      from rating_rollups where campaign_id = ${campaignId}
     group by unit_id, profile_id, kind, node_id, level, target
    having sum(respondents) <> 0 or sum(wants_to_develop) <> 0
  `.execute(db);
  const responses = await sql<{
    unit_id: string;
    profile_id: string;
    kind: string;
    respondents: number;
  }>`
    select unit_id, profile_id, kind, sum(respondents)::int as respondents
      from response_rollups where campaign_id = ${campaignId}
     group by unit_id, profile_id, kind
    having sum(respondents) <> 0
  `.execute(db);
  return {
    ratings: ratings.rows.map(toRatingCount),
    responses: responses.rows.map((row) => ({
      unitId: row.unit_id,
      profileId: row.profile_id,
      kind: row.kind,
      respondents: Number(row.respondents),
    })),
  };
}

/** The same counts as readRollups, aggregated from the submitted ratings (for checks). */
export async function countFromScratch(
  db: Executor,
  campaignId: string,
): Promise<{ ratings: RatingCount[]; responses: ResponseCount[] }> {
  const ratings = await ratingsFromScratch(campaignId).execute(db);
  const responses = await responsesFromScratch(campaignId).execute(db);
  return {
    ratings: ratings.rows.map(toRatingCount),
    responses: responses.rows.map((row) => ({
      unitId: row.unit_id,
      profileId: row.profile_id,
      kind: row.kind,
      respondents: Number(row.respondents),
    })),
  };
}
