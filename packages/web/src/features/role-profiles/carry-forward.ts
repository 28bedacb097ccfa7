import type { FrameworkSummary, LocalizedText } from '@evne/core';

export interface CarryForwardTarget {
  versionId: string;
  frameworkId: string;
  frameworkName: LocalizedText;
  number: number;
  /** An adaptation derived from the profile's framework rather than a newer version of it. */
  isAdaptation: boolean;
}

/** Is `framework` derived (directly or through other adaptations) from `ancestorId`? */
function derivesFrom(
  framework: FrameworkSummary,
  ancestorId: string,
  byId: ReadonlyMap<string, FrameworkSummary>,
): boolean {
  const seen = new Set<string>();
  let cursor = framework.derivedFrom?.frameworkId ?? null;
  while (cursor !== null && !seen.has(cursor)) {
    if (cursor === ancestorId) {
      return true;
    }
    seen.add(cursor);
    cursor = byId.get(cursor)?.derivedFrom?.frameworkId ?? null;
  }
  return false;
}

/**
 * Where a profile can be carried to: newer published versions of its own framework, and the
 * published versions of adaptations derived from it (their nodes descend from its nodes).
 */
export function carryForwardTargets(
  frameworks: readonly FrameworkSummary[],
  profileVersion: { frameworkId: string; number: number },
): CarryForwardTarget[] {
  const byId = new Map(frameworks.map((framework) => [framework.id, framework]));
  const out: CarryForwardTarget[] = [];
  for (const framework of frameworks) {
    const isOwn = framework.id === profileVersion.frameworkId;
    if (!isOwn && !derivesFrom(framework, profileVersion.frameworkId, byId)) {
      continue;
    }
    for (const version of framework.versions) {
      if (version.status !== 'published' || (isOwn && version.number <= profileVersion.number)) {
        continue;
      }
      out.push({
        versionId: version.id,
        frameworkId: framework.id,
        frameworkName: framework.name,
        number: version.number,
        isAdaptation: !isOwn,
      });
    }
  }
  const order = new Map(frameworks.map((framework, index) => [framework.id, index]));
  // The framework's own newer versions first, then adaptations; newest first within each.
  return out.sort(
    (a, b) =>
      Number(a.isAdaptation) - Number(b.isAdaptation) ||
      (order.get(a.frameworkId) ?? 0) - (order.get(b.frameworkId) ?? 0) ||
      b.number - a.number,
  );
}
