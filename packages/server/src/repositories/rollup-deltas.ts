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

export interface RatingRollupDelta {
  unitId: string;
  profileId: string;
  nodeId: string;
  /** 0: not relevant / don't know. */
  level: number;
  /** 0: no target. */
  target: number;
  respondents: number;
  wantsToDevelop: number;
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
  const perAnswer = new Map<
    string,
    { level: number; target: number; nodeId: string; n: number; wants: number }
  >();
  const add = (ratings: readonly RollupRating[] | null, sign: 1 | -1) => {
    for (const rating of ratings ?? []) {
      const level = rollupLevel(rating);
      if (level === undefined) {
        continue;
      }
      const target = rating.target ?? 0;
      const key = `${rating.nodeId}|${level}|${target}`;
      const entry = perAnswer.get(key) ?? { level, target, nodeId: rating.nodeId, n: 0, wants: 0 };
      entry.n += sign;
      entry.wants += rating.wantsToDevelop ? sign : 0;
      perAnswer.set(key, entry);
    }
  };
  add(input.before, -1);
  add(input.after, 1);
  const answers = [...perAnswer.values()]
    .filter((entry) => entry.n !== 0 || entry.wants !== 0)
    .sort((a, b) => a.nodeId.localeCompare(b.nodeId) || a.level - b.level || a.target - b.target);
  const responseDelta = (input.after ? 1 : 0) - (input.before ? 1 : 0);
  const ratings: RatingRollupDelta[] = [];
  const responses: ResponseRollupDelta[] = [];
  for (const unitId of [...units].sort()) {
    for (const profileId of [...profiles].sort()) {
      if (responseDelta !== 0) {
        responses.push({ unitId, profileId, respondents: responseDelta });
      }
      for (const answer of answers) {
        ratings.push({
          unitId,
          profileId,
          nodeId: answer.nodeId,
          level: answer.level,
          target: answer.target,
          respondents: answer.n,
          wantsToDevelop: answer.wants,
        });
      }
    }
  }
  return { ratings, responses };
}
