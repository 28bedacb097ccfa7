import type { FrameworkNode, Importance, RoleProfileTarget, Scale } from '@evne/core';
import { contrastRatio, MIN_TEXT_CONTRAST, parseHex, toHex } from '../../lib/colour';
import { buildTree, type TreeItem } from '../frameworks/framework-tree';

/** The editor's value for one competence: a level, or null when the role does not need it. */
export interface TargetDraft {
  targetLevel: number | null;
  importance: Importance;
}

/** One rated competence with the area and sub-category it sits in (for grouping and compare). */
export interface RatedCompetence {
  node: FrameworkNode;
  /** The ancestors from the top: area, sub-category… */
  ancestors: FrameworkNode[];
}

/** The rated competences of a version in wheel order (depth-first), each with its ancestors. */
export function ratedCompetences(nodes: readonly FrameworkNode[]): RatedCompetence[] {
  const out: RatedCompetence[] = [];
  const visit = (items: readonly TreeItem[], ancestors: FrameworkNode[]) => {
    for (const item of items) {
      if (item.node.hidden) {
        continue;
      }
      if (item.node.isRated) {
        out.push({ node: item.node, ancestors });
      }
      visit(item.children, [...ancestors, item.node]);
    }
  };
  visit(buildTree(nodes), []);
  return out;
}

/** A group of competences under one heading (an area, or an area's sub-category). */
export interface CompetenceGroup {
  heading: FrameworkNode[];
  items: RatedCompetence[];
}

/** Groups the competences by their parents (the full path above them), in order. */
export function groupCompetences(items: readonly RatedCompetence[]): CompetenceGroup[] {
  const groups: CompetenceGroup[] = [];
  for (const item of items) {
    const key = item.ancestors.map((node) => node.id).join('/');
    const last = groups[groups.length - 1];
    if (last && last.heading.map((node) => node.id).join('/') === key) {
      last.items.push(item);
    } else {
      groups.push({ heading: item.ancestors, items: [item] });
    }
  }
  return groups;
}

/** A draft for every rated competence: the stored target, else "not needed". */
export function draftsFromTargets(
  competences: readonly RatedCompetence[],
  targets: readonly RoleProfileTarget[],
): Map<string, TargetDraft> {
  const stored = new Map(targets.map((target) => [target.nodeId, target]));
  return new Map(
    competences.map(({ node }) => {
      const target = stored.get(node.id);
      return [
        node.id,
        {
          targetLevel: target?.targetLevel ?? null,
          importance: target?.importance ?? 'essential',
        },
      ];
    }),
  );
}

/** The whole target list to save (every rated competence, "not needed" as null). */
export function targetsFromDrafts(drafts: ReadonlyMap<string, TargetDraft>): RoleProfileTarget[] {
  return [...drafts].map(([nodeId, draft]) => ({
    nodeId,
    targetLevel: draft.targetLevel,
    importance: draft.importance,
  }));
}

/** Do the drafts differ from what is stored? */
export function hasUnsavedTargets(
  drafts: ReadonlyMap<string, TargetDraft>,
  saved: ReadonlyMap<string, TargetDraft>,
): boolean {
  for (const [nodeId, draft] of drafts) {
    const before = saved.get(nodeId);
    if (
      !before ||
      before.targetLevel !== draft.targetLevel ||
      (draft.targetLevel !== null && before.importance !== draft.importance)
    ) {
      return true;
    }
  }
  return false;
}

export interface LevelCount {
  /** A level's value, or null for "not needed". */
  level: number | null;
  count: number;
  essential: number;
}

/** How many competences sit at each level of the scale (lowest first), then "not needed". */
export function countByLevel(drafts: Iterable<TargetDraft>, scale: Scale): LevelCount[] {
  const counts = new Map<number | null, LevelCount>(
    [...scale.levels.map((level) => level.value), null].map((level) => [
      level,
      { level, count: 0, essential: 0 },
    ]),
  );
  for (const draft of drafts) {
    const entry = counts.get(draft.targetLevel) ?? counts.get(null);
    if (entry) {
      entry.count += 1;
      if (draft.targetLevel !== null && draft.importance === 'essential') {
        entry.essential += 1;
      }
    }
  }
  return [...counts.values()];
}

export interface SegmentColour {
  fill: string;
  text: string;
}

const LOW: readonly [number, number, number] = [0xa9, 0xcc, 0xe8];
const HIGH: readonly [number, number, number] = [0x0b, 0x2f, 0x5b];
const DARK_TEXT = '#111827';
const WHITE_TEXT = '#ffffff';
/** "Not needed": light grey, so that the needed competences stand out. */
export const NOT_NEEDED_COLOUR: SegmentColour = { fill: '#e9ebee', text: DARK_TEXT };

const WHITE: readonly [number, number, number] = [255, 255, 255];

/**
 * The fill with whichever text colour reads better on it; a mid tone where neither reaches
 * 4.5:1 is darkened until white text does.
 */
function readable(rgb: readonly [number, number, number]): SegmentColour {
  const dark = parseHex(DARK_TEXT) ?? [0, 0, 0];
  if (
    contrastRatio(rgb, dark) >= MIN_TEXT_CONTRAST &&
    contrastRatio(rgb, dark) > contrastRatio(rgb, WHITE)
  ) {
    return { fill: toHex(rgb), text: DARK_TEXT };
  }
  let shade: readonly [number, number, number] = rgb;
  for (let step = 1; step <= 20 && contrastRatio(shade, WHITE) < MIN_TEXT_CONTRAST; step += 1) {
    shade = [rgb[0] * (1 - step * 0.04), rgb[1] * (1 - step * 0.04), rgb[2] * (1 - step * 0.04)];
  }
  return { fill: toHex(shade), text: WHITE_TEXT };
}

/**
 * The colour of a target level: light to dark blue from the scale's lowest level to its highest,
 * grey for "not needed", with whichever text colour (white or near-black) reads better on it.
 */
export function levelColour(level: number | null, scale: Scale): SegmentColour {
  const values = scale.levels.map((item) => item.value);
  const index = level === null ? -1 : values.indexOf(level);
  if (index < 0) {
    return NOT_NEEDED_COLOUR;
  }
  const share = values.length > 1 ? index / (values.length - 1) : 1;
  return readable([
    LOW[0] + (HIGH[0] - LOW[0]) * share,
    LOW[1] + (HIGH[1] - LOW[1]) * share,
    LOW[2] + (HIGH[2] - LOW[2]) * share,
  ]);
}

// ---------------------------------------------------------------- compare

export type Difference = 'same' | 'a_higher' | 'b_higher' | 'only_in_a' | 'only_in_b';

export interface CompareRow {
  /** The competence's code (the key when the profiles use different versions). */
  code: string;
  name: FrameworkNode['name'];
  ancestors: FrameworkNode[];
  /** undefined: the competence is not in that profile's version. */
  a: TargetDraft | undefined;
  b: TargetDraft | undefined;
  difference: Difference;
  /** b − a in levels ("not needed" counts as 0); null when one side lacks the competence. */
  delta: number | null;
}

export interface CompareSide {
  versionId: string;
  nodes: readonly FrameworkNode[];
  targets: readonly RoleProfileTarget[];
}

/**
 * Pairs the targets of two profiles per competence: by node when both use the same version,
 * else by competence code. Rows follow profile A's wheel, then what only B's version has.
 */
export function compareTargets(a: CompareSide, b: CompareSide): CompareRow[] {
  const sameVersion = a.versionId === b.versionId;
  const left = ratedCompetences(a.nodes);
  const right = ratedCompetences(b.nodes);
  const leftDrafts = draftsFromTargets(left, a.targets);
  const rightDrafts = draftsFromTargets(right, b.targets);
  const keyOf = (node: FrameworkNode) => (sameVersion ? node.id : node.code);
  const rightByKey = new Map(right.map((item) => [keyOf(item.node), item]));
  const rows: CompareRow[] = [];
  const seen = new Set<string>();
  const row = (
    item: RatedCompetence,
    draftA: TargetDraft | undefined,
    draftB: TargetDraft | undefined,
  ): CompareRow => {
    let difference: Difference;
    let delta: number | null = null;
    if (draftA === undefined) {
      difference = 'only_in_b';
    } else if (draftB === undefined) {
      difference = 'only_in_a';
    } else {
      delta = (draftB.targetLevel ?? 0) - (draftA.targetLevel ?? 0);
      difference =
        draftA.targetLevel === draftB.targetLevel ? 'same' : delta > 0 ? 'b_higher' : 'a_higher';
      if (difference === 'same') {
        delta = 0;
      }
    }
    return {
      code: item.node.code,
      name: item.node.name,
      ancestors: item.ancestors,
      a: draftA,
      b: draftB,
      difference,
      delta,
    };
  };
  for (const item of left) {
    const key = keyOf(item.node);
    const match = rightByKey.get(key);
    seen.add(key);
    rows.push(
      row(item, leftDrafts.get(item.node.id), match ? rightDrafts.get(match.node.id) : undefined),
    );
  }
  for (const item of right) {
    if (!seen.has(keyOf(item.node))) {
      rows.push(row(item, undefined, rightDrafts.get(item.node.id)));
    }
  }
  return rows;
}
