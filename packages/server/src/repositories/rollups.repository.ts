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
  respondents: number;
  wantsToDevelop: number;
  withTarget: number;
  meetingTarget: number;
  shortfall: number;
}

interface RatingCountRow {
  unit_id: string;
  profile_id: string;
  kind: string;
  node_id: string;
  level: number;
  respondents: number;
  wants_to_develop: number;
  with_target: number;
  meeting_target: number;
  shortfall: number;
}

export interface ResponseCount {
  unitId: string;
  profileId: string;
  kind: string;
  respondents: number;
}

/** The submitted answers of a campaign, counted per unit and ancestor, profile and answer. */
const ratingsFromScratch = (campaignId: string) => sql<RatingCountRow>`
  select c.ancestor_id as unit_id, p.profile_id, r.kind, a.node_id,
         case when a.is_not_applicable then 0 else a.level end as level,
         count(*)::int as respondents,
         (count(*) filter (where a.wants_to_develop))::int as wants_to_develop,
         (count(*) filter (where a.level is not null and a.target > 0))::int as with_target,
         (count(*) filter (where a.level >= a.target and a.target > 0))::int as meeting_target,
         coalesce(sum(greatest(a.target - a.level, 0)) filter (where a.target > 0), 0)::int
           as shortfall
    from responses r
    join ratings a on a.response_id = r.id
    join org_unit_closure c on c.descendant_id = r.unit_id
    cross join lateral (
      select distinct profile_id
        from unnest(array[${ALL_PROFILES}::uuid] || r.profile_ids) as u(profile_id)
    ) p
   where r.campaign_id = ${campaignId} and r.status = 'submitted'
     and (a.is_not_applicable or a.level is not null)
   group by c.ancestor_id, p.profile_id, r.kind, a.node_id, 5
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

function toRatingCount(row: RatingCountRow): RatingCount {
  return {
    unitId: row.unit_id,
    profileId: row.profile_id,
    kind: row.kind,
    nodeId: row.node_id,
    level: Number(row.level),
    respondents: Number(row.respondents),
    wantsToDevelop: Number(row.wants_to_develop),
    withTarget: Number(row.with_target),
    meetingTarget: Number(row.meeting_target),
    shortfall: Number(row.shortfall),
  };
}

/** Replaces a campaign's rollups with counts aggregated from its submitted ratings. */
export async function rebuildRollups(db: Executor, campaignId: string): Promise<void> {
  await db.deleteFrom('rating_rollups').where('campaign_id', '=', campaignId).execute();
  await db.deleteFrom('response_rollups').where('campaign_id', '=', campaignId).execute();
  await sql`
    insert into rating_rollups (campaign_id, unit_id, profile_id, kind, node_id, level, shard,
                                respondents, wants_to_develop, with_target, meeting_target,
                                shortfall)
    select ${campaignId}::uuid, s.unit_id, s.profile_id, s.kind, s.node_id, s.level, 0,
           s.respondents, s.wants_to_develop, s.with_target, s.meeting_target, s.shortfall
      from (${ratingsFromScratch(campaignId)}) s
  `.execute(db);
  await sql`
    insert into response_rollups (campaign_id, unit_id, profile_id, kind, shard, respondents)
    select ${campaignId}::uuid, s.unit_id, s.profile_id, s.kind, 0, s.respondents
      from (${responsesFromScratch(campaignId)}) s
  `.execute(db);
}

/**
 * Folds a campaign's rollup shards into shard 0 (and drops rows that add up to nothing), so
 * that overviews of a closed campaign read one row per key.
 */
export async function compactRollups(db: Executor, campaignId: string): Promise<void> {
  await sql`
    with folded as (
      delete from rating_rollups where campaign_id = ${campaignId}
      returning unit_id, profile_id, kind, node_id, level, respondents, wants_to_develop,
                with_target, meeting_target, shortfall
    )
    insert into rating_rollups (campaign_id, unit_id, profile_id, kind, node_id, level, shard,
                                respondents, wants_to_develop, with_target, meeting_target,
                                shortfall)
    select ${campaignId}::uuid, unit_id, profile_id, kind, node_id, level, 0, sum(respondents),
           sum(wants_to_develop), sum(with_target), sum(meeting_target), sum(shortfall)
      from folded
     group by unit_id, profile_id, kind, node_id, level
    having sum(respondents) <> 0 or sum(wants_to_develop) <> 0 or sum(with_target) <> 0
        or sum(meeting_target) <> 0 or sum(shortfall) <> 0
  `.execute(db);
  await sql`
    with folded as (
      delete from response_rollups where campaign_id = ${campaignId}
      returning unit_id, profile_id, kind, respondents
    )
    insert into response_rollups (campaign_id, unit_id, profile_id, kind, shard, respondents)
    select ${campaignId}::uuid, unit_id, profile_id, kind, 0, sum(respondents)
      from folded
     group by unit_id, profile_id, kind
    having sum(respondents) <> 0
  `.execute(db);
}

/** Campaigns that have closed (by hand or by time) and still have rollups spread over shards. */
export async function listClosedCampaignsWithShards(db: Executor, now: Date): Promise<string[]> {
  const result = await sql<{ id: string }>`
    select c.id from campaigns c
     where (c.closed_at is not null or c.closes_at <= ${now})
       and (exists (select 1 from rating_rollups r where r.campaign_id = c.id and r.shard <> 0)
         or exists (select 1 from response_rollups r where r.campaign_id = c.id and r.shard <> 0))
  `.execute(db);
  return result.rows.map((row) => row.id);
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
  const ratings = await sql<RatingCountRow>`
    select unit_id, profile_id, kind, node_id, level,
           sum(respondents)::int as respondents, sum(wants_to_develop)::int as wants_to_develop,
           sum(with_target)::int as with_target, sum(meeting_target)::int as meeting_target,
           sum(shortfall)::int as shortfall
      from rating_rollups where campaign_id = ${campaignId}
     group by unit_id, profile_id, kind, node_id, level
    having sum(respondents) <> 0 or sum(wants_to_develop) <> 0 or sum(with_target) <> 0
        or sum(meeting_target) <> 0 or sum(shortfall) <> 0
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

/** Submitted responses of one rater kind per unit's subtree (summed over shards). */
export async function respondentsPerSubtree(
  db: Executor,
  campaignId: string,
  kind: string,
): Promise<Map<string, number>> {
  const result = await sql<{ unit_id: string; respondents: number }>`
    select unit_id, sum(respondents)::int as respondents
      from response_rollups
     where campaign_id = ${campaignId} and profile_id = ${ALL_PROFILES} and kind = ${kind}
     group by unit_id
  `.execute(db);
  return new Map(result.rows.map((row) => [row.unit_id, Number(row.respondents)]));
}

/** Respondents of one kind who gave a level, per (unit's subtree, competence). */
export async function ratedPerSubtree(
  db: Executor,
  campaignId: string,
  kind: string,
): Promise<{ unitId: string; nodeId: string; rated: number }[]> {
  const result = await sql<{ unit_id: string; node_id: string; rated: number }>`
    select unit_id, node_id, sum(respondents)::int as rated
      from rating_rollups
     where campaign_id = ${campaignId} and profile_id = ${ALL_PROFILES} and kind = ${kind}
       and level > 0
     group by unit_id, node_id
  `.execute(db);
  return result.rows.map((row) => ({
    unitId: row.unit_id,
    nodeId: row.node_id,
    rated: Number(row.rated),
  }));
}

/** The rollup measures of the given units' subtrees for one kind, per competence and level. */
export async function rollupsOfUnits(
  db: Executor,
  campaignId: string,
  kind: string,
  unitIds: readonly string[],
): Promise<RatingCount[]> {
  if (unitIds.length === 0) {
    return [];
  }
  const result = await sql<RatingCountRow>`
    select unit_id, profile_id, kind, node_id, level,
           sum(respondents)::int as respondents, sum(wants_to_develop)::int as wants_to_develop,
           sum(with_target)::int as with_target, sum(meeting_target)::int as meeting_target,
           sum(shortfall)::int as shortfall
      from rating_rollups
     where campaign_id = ${campaignId} and profile_id = ${ALL_PROFILES} and kind = ${kind}
       and unit_id = any(${`{${unitIds.join(',')}}`}::uuid[])
     group by unit_id, profile_id, kind, node_id, level
  `.execute(db);
  return result.rows.map(toRatingCount);
}
