import { z } from 'zod';
import type { Issue } from '../errors.js';
import type { Scale } from '../frameworks/framework-document.js';

export const ImportanceSchema = z.enum(['essential', 'useful']);
export type Importance = z.infer<typeof ImportanceSchema>;

/** A target for one competence: the level the role needs, or null when the role does not need it. */
export const RoleProfileTargetSchema = z.object({
  nodeId: z.uuid(),
  targetLevel: z.number().int().nullable(),
  importance: ImportanceSchema,
});
export type RoleProfileTarget = z.infer<typeof RoleProfileTargetSchema>;

/** Checks targets against the version: rated competences only, once each, levels on the scale. */
export function findTargetIssues(
  targets: readonly RoleProfileTarget[],
  ratedNodeIds: ReadonlySet<string>,
  scale: Scale,
): Issue[] {
  const issues: Issue[] = [];
  const levels = new Set(scale.levels.map((level) => level.value));
  const seen = new Set<string>();
  targets.forEach((target, index) => {
    const path = `targets[${index}]`;
    if (seen.has(target.nodeId)) {
      issues.push({
        code: 'duplicate_target',
        message: 'This competence has two targets',
        path: `${path}.nodeId`,
      });
    }
    seen.add(target.nodeId);
    if (!ratedNodeIds.has(target.nodeId)) {
      issues.push({
        code: 'not_a_rated_competence',
        message:
          'Targets can only be set for the rated competences of the profile’s framework version',
        path: `${path}.nodeId`,
      });
    }
    if (target.targetLevel !== null && !levels.has(target.targetLevel)) {
      issues.push({
        code: 'unknown_level',
        message: `Level ${target.targetLevel} is not on the scale`,
        path: `${path}.targetLevel`,
        params: { level: target.targetLevel },
      });
    }
  });
  return issues;
}

export interface NotCarriedTarget {
  nodeId: string;
  reason: 'no_successor' | 'several_successors' | 'not_rated' | 'level_not_on_scale';
}

/**
 * Carries targets to a newer framework version through node lineage. `successors` maps each
 * old node id to the nodes of the new version that descend from it (copied, possibly over several
 * versions). A target is carried when exactly one rated successor exists and its level is on
 * the new scale; everything else is listed with the reason.
 */
export function carryTargetsForward(
  targets: readonly RoleProfileTarget[],
  successors: ReadonlyMap<string, readonly string[]>,
  newRatedNodeIds: ReadonlySet<string>,
  newScale: Scale,
): { carried: RoleProfileTarget[]; notCarried: NotCarriedTarget[] } {
  const levels = new Set(newScale.levels.map((level) => level.value));
  const carried: RoleProfileTarget[] = [];
  const notCarried: NotCarriedTarget[] = [];
  for (const target of targets) {
    const next = successors.get(target.nodeId) ?? [];
    if (next.length === 0) {
      notCarried.push({ nodeId: target.nodeId, reason: 'no_successor' });
    } else if (next.length > 1) {
      notCarried.push({ nodeId: target.nodeId, reason: 'several_successors' });
    } else if (!newRatedNodeIds.has(next[0] ?? '')) {
      notCarried.push({ nodeId: target.nodeId, reason: 'not_rated' });
    } else if (target.targetLevel !== null && !levels.has(target.targetLevel)) {
      notCarried.push({ nodeId: target.nodeId, reason: 'level_not_on_scale' });
    } else {
      carried.push({ ...target, nodeId: next[0] ?? '' });
    }
  }
  return { carried, notCarried };
}

/** Rule that gives a profile to people: by job title (case-insensitive), or by unit. */
export const ProfileRuleInputSchema = z.discriminatedUnion('kind', [
  z.object({ kind: z.literal('job_title'), jobTitle: z.string().trim().min(1).max(300) }),
  z.object({
    kind: z.literal('unit'),
    unitId: z.uuid(),
    includeSubunits: z.boolean().default(true),
  }),
]);
export type ProfileRuleInput = z.infer<typeof ProfileRuleInputSchema>;
