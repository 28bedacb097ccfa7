import {
  buildDisclosureTree,
  campaignStatus,
  decideTreeDisclosureBatch,
  ForbiddenError,
  NotFoundError,
  resolveText,
  thresholdFor,
  type Actor,
  type CampaignMode,
  type CampaignComparison,
  type CampaignOverview,
  type ComparisonQuery,
  type CompetenceFigure,
  type DisclosureBatch,
  type DisclosureTree,
  type DisclosureStatus,
  type KeyedDisclosureCount,
  type Locale,
  type OverviewCampaign,
  type OverviewQuery,
} from '@evne/core';
import type { Kysely } from 'kysely';
import type { Clock } from '../adapters/clock.js';
import type { Database, Executor } from '../db/database.js';
import { findCampaign, listCampaigns } from '../repositories/campaigns.repository.js';
import { listUnits, type UnitRow } from '../repositories/org-units.repository.js';
import { findOrganisationById } from '../repositories/organisations.repository.js';
import { findPersonIdForUser, listManagedUnitIds } from '../repositories/people.repository.js';
import {
  ratedPerSubtree,
  respondentsPerSubtree,
  rollupsOfUnits,
  type RatingCount,
} from '../repositories/rollups.repository.js';
import { createFrameworkLoader, type CampaignFramework } from './campaign-framework.js';
import { createRollupChanges, type RollupChanges } from './rollup-changes.js';

export interface OverviewService {
  listCampaigns(actor: Actor, locale?: Locale): Promise<OverviewCampaign[]>;
  compare(actor: Actor, campaignId: string, query: ComparisonQuery): Promise<CampaignComparison>;
  overview(actor: Actor, campaignId: string, query: OverviewQuery): Promise<CampaignOverview>;
}

/** The key of the respondents' own decision, which bounds every competence's decision. */
const RESPONDENTS = 'respondents';

const round2 = (value: number): number => Math.round(value * 100) / 100;

/**
 * Direct counts per unit from counts per subtree: a unit's subtree minus its children's
 * subtrees (the disclosure decision works on direct counts).
 */
function directCounts(
  tree: DisclosureTree,
  perSubtree: ReadonlyMap<string, number>,
  key: string,
): KeyedDisclosureCount[] {
  const rows: KeyedDisclosureCount[] = [];
  tree.unitIds.forEach((unitId, index) => {
    const own = perSubtree.get(unitId) ?? 0;
    if (own === 0) {
      return;
    }
    let children = 0;
    for (let at = tree.childStart[index] ?? 0; at < (tree.childStart[index + 1] ?? 0); at++) {
      children += perSubtree.get(tree.unitIds[tree.childList[at] ?? 0] ?? '') ?? 0;
    }
    rows.push({ unitId, key, count: Math.max(0, own - children) });
  });
  return rows;
}

/** The figures of one competence for one group, from its rollup rows. */
function competenceFigure(
  nodeId: string,
  status: DisclosureStatus,
  rows: readonly RatingCount[],
  levels: readonly number[],
  coverageLevel: number,
): CompetenceFigure {
  if (status !== 'shown') {
    return {
      nodeId,
      status,
      rated: null,
      notApplicable: null,
      average: null,
      distribution: null,
      withTarget: null,
      meetingTargetShare: null,
      averageShortfall: null,
      totalShortfall: null,
      holders: null,
      coverageFlag: null,
      wantsToDevelop: null,
    };
  }
  const perLevel = new Map<number, number>();
  let rated = 0;
  let sum = 0;
  let notApplicable = 0;
  let withTarget = 0;
  let meeting = 0;
  let shortfall = 0;
  let wants = 0;
  let holders = 0;
  for (const row of rows) {
    wants += row.wantsToDevelop;
    if (row.level === 0) {
      notApplicable += row.respondents;
      continue;
    }
    perLevel.set(row.level, (perLevel.get(row.level) ?? 0) + row.respondents);
    rated += row.respondents;
    sum += row.level * row.respondents;
    withTarget += row.withTarget;
    meeting += row.meetingTarget;
    shortfall += row.shortfall;
    if (row.level >= coverageLevel) {
      holders += row.respondents;
    }
  }
  return {
    nodeId,
    status,
    rated,
    notApplicable,
    average: rated > 0 ? round2(sum / rated) : null,
    distribution: levels.map((level) => ({ level, count: perLevel.get(level) ?? 0 })),
    withTarget,
    meetingTargetShare: withTarget > 0 ? round2(meeting / withTarget) : null,
    averageShortfall: withTarget > 0 ? round2(shortfall / withTarget) : null,
    totalShortfall: shortfall,
    holders,
    coverageFlag: holders === 0 ? 'none' : holders === 1 ? 'one' : null,
    wantsToDevelop: wants,
  };
}

/**
 * The overview of a campaign: for a unit (its subtree) and each child, the figures per
 * competence, read from the rollups only. What may be shown is decided once for the whole tree
 * (per rater kind, per competence, bounded by the respondents' own decision), so that no view
 * and no subtraction between views reaches a group of fewer than k people.
 */
export function createOverviewService(deps: {
  db: Kysely<Database>;
  clock: Clock;
  rollupChanges?: RollupChanges;
}): OverviewService {
  const { db, clock } = deps;
  const rollupChanges = deps.rollupChanges ?? createRollupChanges();
  const loadFramework = createFrameworkLoader();
  /**
   * Decisions per (campaign, kind), kept while the rollups' generation, the tree and k are the
   * ones they were made for; a few campaigns at a time.
   */
  const decisions = new Map<
    string,
    { generation: string; shape: string; batch: DisclosureBatch }
  >();
  const DECISIONS_KEPT = 16;
  const trees = new Map<string, DisclosureTree>();

  /** The units the actor may see overviews of, and the top ones among them. */
  async function visibleUnits(
    executor: Executor,
    actor: Actor,
    units: readonly UnitRow[],
  ): Promise<{ visible: Set<string>; tops: string[] }> {
    const children = new Map<string | null, UnitRow[]>();
    for (const unit of units) {
      children.set(unit.parentId, [...(children.get(unit.parentId) ?? []), unit]);
    }
    let starts: string[];
    if (actor.role === 'admin') {
      starts = (children.get(null) ?? []).map((unit) => unit.id);
    } else if (actor.role === 'manager') {
      const personId = await findPersonIdForUser(executor, actor.organisationId, actor.userId);
      starts =
        personId === null ? [] : await listManagedUnitIds(executor, actor.organisationId, personId);
    } else {
      throw new ForbiddenError(
        'Overviews are for organisation admins and managers',
        'overview_forbidden',
      );
    }
    const visible = new Set<string>();
    const add = (id: string) => {
      if (visible.has(id)) {
        return;
      }
      visible.add(id);
      for (const child of children.get(id) ?? []) {
        add(child.id);
      }
    };
    starts.forEach(add);
    const parentOf = new Map(units.map((unit) => [unit.id, unit.parentId]));
    const tops = [...visible].filter((id) => {
      const parent = parentOf.get(id) ?? null;
      return parent === null || !visible.has(parent);
    });
    return { visible, tops };
  }

  /** The decision for one rater kind over the whole tree. */
  async function decide(
    executor: Executor,
    tree: DisclosureTree,
    campaignId: string,
    kind: CampaignMode,
    framework: CampaignFramework,
    k: number,
  ): Promise<DisclosureBatch> {
    const respondents = await respondentsPerSubtree(executor, campaignId, kind);
    const rated = new Map<string, Map<string, number>>();
    for (const row of await ratedPerSubtree(executor, campaignId, kind)) {
      const perUnit = rated.get(row.nodeId) ?? new Map<string, number>();
      perUnit.set(row.unitId, row.rated);
      rated.set(row.nodeId, perUnit);
    }
    const counts: KeyedDisclosureCount[] = directCounts(tree, respondents, RESPONDENTS);
    for (const nodeId of framework.competenceIds) {
      counts.push(...directCounts(tree, rated.get(nodeId) ?? new Map(), nodeId));
    }
    return decideTreeDisclosureBatch(tree, counts, k, {
      keys: [RESPONDENTS, ...framework.competenceIds],
      baseKey: RESPONDENTS,
    });
  }

  const service: OverviewService = {
    async compare(actor, campaignId, query) {
      const view = { kind: query.kind, coverageLevel: 3, locale: query.locale };
      const after = await service.overview(actor, campaignId, {
        ...view,
        ...(query.unitId !== undefined ? { unitId: query.unitId } : {}),
      });
      const before = await service.overview(actor, query.baselineId, {
        ...view,
        unitId: after.unit.id,
      });
      const codeOf = new Map(
        after.areas.flatMap((area) => area.competences.map((c) => [c.id, c] as const)),
      );
      const beforeById = new Map(before.competences.map((figure) => [figure.nodeId, figure]));
      const beforeIdByCode = new Map(
        before.areas.flatMap((area) => area.competences.map((c) => [c.code, c.id] as const)),
      );
      return {
        campaign: { id: after.campaign.id, name: after.campaign.name },
        baseline: { id: before.campaign.id, name: before.campaign.name },
        threshold: after.threshold,
        kind: query.kind,
        unit: { id: after.unit.id, name: after.unit.name },
        respondents: { before: before.respondents, after: after.respondents },
        competences: after.competences.map((figure) => {
          const competence = codeOf.get(figure.nodeId);
          const earlier =
            beforeById.get(figure.nodeId) ??
            beforeById.get(beforeIdByCode.get(competence?.code ?? '') ?? '');
          const beforeAverage = earlier?.status === 'shown' ? earlier.average : null;
          const afterAverage = figure.status === 'shown' ? figure.average : null;
          return {
            nodeId: figure.nodeId,
            code: competence?.code ?? '',
            name: competence?.name ?? '',
            before: { status: earlier?.status ?? 'fewer_than_k', average: beforeAverage },
            after: { status: figure.status, average: afterAverage },
            change:
              beforeAverage !== null && afterAverage !== null
                ? Math.round((afterAverage - beforeAverage) * 100) / 100
                : null,
          };
        }),
      };
    },

    async listCampaigns(actor, locale) {
      if (actor.role !== 'admin' && actor.role !== 'manager') {
        throw new ForbiddenError(
          'Overviews are for organisation admins and managers',
          'overview_forbidden',
        );
      }
      const now = clock.now();
      return (await listCampaigns(db, actor.organisationId))
        .map((campaign) => ({ campaign, status: campaignStatus(campaign, now) }))
        .filter(({ status }) => status === 'open' || status === 'closed')
        .map(({ campaign, status }) => ({
          id: campaign.id,
          name: resolveText(campaign.name, locale ?? 'da'),
          status,
          anonymity: campaign.anonymity,
          opensAt: campaign.opensAt.toISOString(),
          closesAt: campaign.closesAt.toISOString(),
        }));
    },

    async overview(actor, campaignId, query) {
      const campaign = await findCampaign(db, actor.organisationId, campaignId);
      if (!campaign) {
        throw new NotFoundError('campaign');
      }
      const organisation = await findOrganisationById(db, actor.organisationId);
      const k = thresholdFor(organisation?.anonymityThreshold);
      const units = await listUnits(db, actor.organisationId);
      const { visible, tops } = await visibleUnits(db, actor, units);
      const unitId = query.unitId ?? tops[0];
      if (unitId === undefined || !visible.has(unitId)) {
        throw new NotFoundError('org_unit');
      }
      const byId = new Map(units.map((unit) => [unit.id, unit]));
      const childrenOf = (id: string) =>
        units
          .filter((unit) => unit.parentId === id)
          .sort((a, b) => a.name.localeCompare(b.name) || a.code.localeCompare(b.code));
      const locale: Locale = query.locale ?? 'da';
      const framework = await loadFramework(db, campaign);
      // The tree (kept while the units stand as they are) and k the decisions are made for.
      const unitShape = units.map((unit) => `${unit.id}>${unit.parentId ?? ''}`).join(',');
      let tree = trees.get(unitShape);
      if (!tree) {
        tree = buildDisclosureTree(units.map((unit) => ({ id: unit.id, parentId: unit.parentId })));
        if (trees.size >= DECISIONS_KEPT) {
          trees.delete(trees.keys().next().value ?? '');
        }
        trees.set(unitShape, tree);
      }
      const levels = framework.scale.levels.map((level) => level.value);
      const competenceIds = framework.areas.flatMap((area) => area.competences.map((c) => c.id));

      const shape = `${k}|${unitShape}`;
      /**
       * The decision and the rollup rows of the groups, from one consistent state: a kept
       * decision when no write changed the rollups since, else both read in one snapshot.
       */
      const read = async (
        kind: CampaignMode,
        groupIds: readonly string[],
      ): Promise<{ decision: DisclosureBatch; rows: RatingCount[] }> => {
        const key = `${campaign.id}|${kind}`;
        const before = rollupChanges.generation(campaign.id);
        const kept = decisions.get(key);
        if (before !== null && kept?.generation === before && kept.shape === shape) {
          const rows = await rollupsOfUnits(db, campaign.id, kind, groupIds);
          if (rollupChanges.generation(campaign.id) === before) {
            return { decision: kept.batch, rows };
          }
        }
        const fresh = await db
          .transaction()
          .setIsolationLevel('repeatable read')
          .execute(async (trx) => ({
            decision: await decide(trx, tree, campaign.id, kind, framework, k),
            rows: await rollupsOfUnits(trx, campaign.id, kind, groupIds),
          }));
        if (before !== null && rollupChanges.generation(campaign.id) === before) {
          if (decisions.size >= DECISIONS_KEPT) {
            decisions.delete(decisions.keys().next().value ?? '');
          }
          decisions.set(key, { generation: before, shape, batch: fresh.decision });
        }
        return fresh;
      };

      const figuresFor = async (kind: CampaignMode, groupIds: readonly string[]) => {
        const { decision, rows } = await read(kind, groupIds);
        const byGroup = new Map<string, Map<string, RatingCount[]>>();
        for (const row of rows) {
          const perNode = byGroup.get(row.unitId) ?? new Map<string, RatingCount[]>();
          perNode.set(row.nodeId, [...(perNode.get(row.nodeId) ?? []), row]);
          byGroup.set(row.unitId, perNode);
        }
        const figures = (groupId: string) =>
          competenceIds.map((nodeId) =>
            competenceFigure(
              nodeId,
              decision.forKey(nodeId).status(groupId),
              byGroup.get(groupId)?.get(nodeId) ?? [],
              levels,
              query.coverageLevel,
            ),
          );
        const group = (groupId: string) => ({
          status: decision.forKey(RESPONDENTS).status(groupId),
          count: decision.forKey(RESPONDENTS).count(groupId),
        });
        return { figures, group };
      };

      const children = childrenOf(unitId);
      const main = await figuresFor(query.kind, [unitId, ...children.map((child) => child.id)]);
      const otherKind: CampaignMode = query.kind === 'self' ? 'manager' : 'self';
      const other = campaign.modes.includes(otherKind)
        ? await figuresFor(otherKind, [unitId])
        : undefined;
      const competences = main.figures(unitId);
      const otherFigures = new Map(
        (other?.figures(unitId) ?? []).map((figure) => [figure.nodeId, figure]),
      );
      const shown = competences.filter((figure) => figure.status === 'shown');
      const covered = shown.filter((figure) => (figure.holders ?? 0) > 0).length;
      const figureOf = new Map(competences.map((figure) => [figure.nodeId, figure]));
      const unitOf = (unit: UnitRow) => ({
        id: unit.id,
        code: unit.code,
        name: unit.name,
        hasChildren: units.some((candidate) => candidate.parentId === unit.id),
      });
      const path: { id: string; name: string }[] = [];
      for (
        let cursor = byId.get(unitId)?.parentId ?? null;
        cursor !== null && visible.has(cursor);
        cursor = byId.get(cursor)?.parentId ?? null
      ) {
        path.unshift({ id: cursor, name: byId.get(cursor)?.name ?? '' });
      }
      const unit = byId.get(unitId);
      if (!unit) {
        throw new NotFoundError('org_unit');
      }
      return {
        campaign: {
          id: campaign.id,
          name: resolveText(campaign.name, locale),
          anonymity: campaign.anonymity,
          status: campaignStatus(campaign, clock.now()),
          modes: campaign.modes,
        },
        threshold: k,
        kind: query.kind,
        coverageLevel: query.coverageLevel,
        unit: { ...unitOf(unit), path },
        respondents: main.group(unitId),
        scale: framework.scale.levels.map((level) => ({
          value: level.value,
          label: resolveText(level.label, locale),
        })),
        areas: framework.areas.map((area) => {
          const averages = area.competences
            .map((competence) => figureOf.get(competence.id)?.average ?? null)
            .filter((value): value is number => value !== null);
          return {
            id: area.node.id,
            code: area.node.code,
            name: resolveText(area.node.name, locale),
            colour: area.node.colour,
            average:
              averages.length > 0
                ? round2(averages.reduce((total, value) => total + value, 0) / averages.length)
                : null,
            competences: area.competences.map((competence) => ({
              id: competence.id,
              code: competence.code,
              name: resolveText(competence.name, locale),
            })),
          };
        }),
        competences,
        coverage: {
          covered: shown.length > 0 ? covered : null,
          shown: shown.length,
          total: competences.length,
          share: shown.length > 0 ? round2(covered / shown.length) : null,
        },
        topGaps: shown
          .filter((figure) => (figure.totalShortfall ?? 0) > 0)
          .sort(
            (a, b) =>
              (b.totalShortfall ?? 0) - (a.totalShortfall ?? 0) || a.nodeId.localeCompare(b.nodeId),
          )
          .slice(0, 5)
          .map((figure) => ({ nodeId: figure.nodeId, totalShortfall: figure.totalShortfall ?? 0 })),
        selfVsManager: competences.flatMap((figure) => {
          const counterpart = otherFigures.get(figure.nodeId);
          const self = query.kind === 'self' ? figure.average : (counterpart?.average ?? null);
          const manager = query.kind === 'self' ? (counterpart?.average ?? null) : figure.average;
          if (self === null || manager === null) {
            return [];
          }
          return [{ nodeId: figure.nodeId, self, manager, difference: round2(self - manager) }];
        }),
        children: children.map((child) => ({
          unit: unitOf(child),
          respondents: main.group(child.id),
          cells: main.figures(child.id).map((figure) => ({
            nodeId: figure.nodeId,
            status: figure.status,
            average: figure.average,
            meetingTargetShare: figure.meetingTargetShare,
          })),
        })),
      };
    },
  };
  return service;
}
