/**
 * What one save changes in the rollups (see migration 0006): a response counts, once submitted,
 * in its unit and every ancestor, under "every profile" and under each of its role profiles.
 * The change is "after minus before", so that an edit of a submitted response moves only the
 * answers that changed, and the keys come sorted, so that concurrent writers lock rollup rows
 * in the same order.
 */

/** The profile key that stands for "every profile". */
export const ALL_PROFILES = '00000000-0000-0000-0000-000000000000';

export interface RollupRating {
  nodeId: string;
  level: number | null;
  isNotApplicable: boolean;
  wantsToDevelop: boolean;
  target: number | null;
}

/** The measures one rollup row adds up. */
export interface RollupMeasures {
  respondents: number;
  wantsToDevelop: number;
  /** Answers with a level whose respondent's profiles set a target. */
  withTarget: number;
  /** ... of which at or above the target. */
  meetingTarget: number;
  /** Sum of (target - level) over those below their target. */
  shortfall: number;
}

export interface RatingRollupDelta extends RollupMeasures {
  unitId: string;
  profileId: string;
  nodeId: string;
  /** 0: not relevant / don't know. */
  level: number;
}

export interface ResponseRollupDelta {
  unitId: string;
  profileId: string;
  respondents: number;
}

export interface RollupChange {
  ratings: RatingRollupDelta[];
  responses: ResponseRollupDelta[];
}

/** The rollup level of an answer, or undefined for one that counts nowhere (no level, not N/A). */
function rollupLevel(rating: RollupRating): number | undefined {
  if (rating.isNotApplicable) {
    return 0;
  }
  return rating.level ?? undefined;
}

/**
 * `before`: the answers as they counted until now (null: the response did not count, i.e. it was
 * not submitted); `after`: as they count from now on (null: not counted).
 */
export function rollupDeltas(input: {
  unitIds: readonly string[];
  profileIds: readonly string[];
  before: readonly RollupRating[] | null;
  after: readonly RollupRating[] | null;
}): RollupChange {
  const profiles = [ALL_PROFILES, ...new Set(input.profileIds)].filter(
    (id, index, all) => all.indexOf(id) === index,
  );
  const units = [...new Set(input.unitIds)];
  const perAnswer = new Map<string, { nodeId: string; level: number } & RollupMeasures>();
  const add = (ratings: readonly RollupRating[] | null, sign: 1 | -1) => {
    for (const rating of ratings ?? []) {
      const level = rollupLevel(rating);
      if (level === undefined) {
        continue;
      }
      const key = `${rating.nodeId}|${level}`;
      const entry = perAnswer.get(key) ?? {
        nodeId: rating.nodeId,
        level,
        respondents: 0,
        wantsToDevelop: 0,
        withTarget: 0,
        meetingTarget: 0,
        shortfall: 0,
      };
      const target = level > 0 ? (rating.target ?? 0) : 0;
      entry.respondents += sign;
      entry.wantsToDevelop += rating.wantsToDevelop ? sign : 0;
      if (target > 0) {
        entry.withTarget += sign;
        entry.meetingTarget += level >= target ? sign : 0;
        entry.shortfall += Math.max(0, target - level) * sign;
      }
      perAnswer.set(key, entry);
    }
  };
  add(input.before, -1);
  add(input.after, 1);
  const answers = [...perAnswer.values()]
    .filter(
      (entry) =>
        entry.respondents !== 0 ||
        entry.wantsToDevelop !== 0 ||
        entry.withTarget !== 0 ||
        entry.meetingTarget !== 0 ||
        entry.shortfall !== 0,
    )
    .sort((a, b) => a.nodeId.localeCompare(b.nodeId) || a.level - b.level);
  const responseDelta = (input.after ? 1 : 0) - (input.before ? 1 : 0);
  const ratings: RatingRollupDelta[] = [];
  const responses: ResponseRollupDelta[] = [];
  for (const unitId of [...units].sort()) {
    for (const profileId of [...profiles].sort()) {
      if (responseDelta !== 0) {
        responses.push({ unitId, profileId, respondents: responseDelta });
      }
      for (const answer of answers) {
        ratings.push({ unitId, profileId, ...answer });
      }
    }
  }
  return { ratings, responses };
}
