import {
  assertAdmin,
  carryTargetsForward,
  ConflictError,
  findTargetIssues,
  NotFoundError,
  ratedLeafIds,
  ValidationError,
  type Actor,
  type CarryForwardResult,
  type CreateRoleProfileInput,
  type ProfileRuleInput,
  type RoleProfile,
  type RoleProfileSummary,
  type Scale,
  type SetTargetsInputSchema,
  type UpdateRoleProfileInputSchema,
} from '@evne/core';
import type { Kysely } from 'kysely';
import type { z } from 'zod';
import type { Clock } from '../adapters/clock.js';
import type { Database, Executor } from '../db/database.js';
import { recordActorEvent } from '../repositories/audit.repository.js';
import { findVisibleVersion, listNodes } from '../repositories/frameworks.repository.js';
import { countPeopleByProfile } from '../repositories/profile-assignments.repository.js';
import {
  copyRules,
  deleteProfile,
  deleteRule,
  findProfile,
  findSameRule,
  insertProfile,
  insertRule,
  listLineagePairs,
  listProfiles,
  listRules,
  listTargets,
  replaceTargets,
  unitExists,
  updateProfile,
  type ProfileRecord,
} from '../repositories/role-profiles.repository.js';
import { toNodeRecord, type NodeRecord } from './framework-mapping.js';

export type UpdateRoleProfileInput = z.output<typeof UpdateRoleProfileInputSchema>;
export type SetTargetsInput = z.output<typeof SetTargetsInputSchema>;

export interface RoleProfilesService {
  list(actor: Actor): Promise<RoleProfileSummary[]>;
  get(actor: Actor, profileId: string): Promise<RoleProfile>;
  create(actor: Actor, input: CreateRoleProfileInput): Promise<RoleProfile>;
  update(actor: Actor, profileId: string, input: UpdateRoleProfileInput): Promise<RoleProfile>;
  remove(actor: Actor, profileId: string): Promise<void>;
  setTargets(actor: Actor, profileId: string, input: SetTargetsInput): Promise<RoleProfile>;
  addRule(actor: Actor, profileId: string, input: ProfileRuleInput): Promise<RoleProfile>;
  removeRule(actor: Actor, profileId: string, ruleId: string): Promise<RoleProfile>;
  carryForward(
    actor: Actor,
    profileId: string,
    input: { frameworkVersionId: string },
  ): Promise<CarryForwardResult>;
}

/** A published framework version's nodes, which of them are rated, and its scale. */
interface VersionContent {
  nodes: NodeRecord[];
  rated: Set<string>;
  scale: Scale;
}

/** Creates the role-profile use cases: reading for every member, changes for admins only. */
export function createRoleProfilesService(deps: {
  db: Kysely<Database>;
  clock: Clock;
}): RoleProfilesService {
  const { db, clock } = deps;

  async function loadProfile(
    trx: Executor,
    actor: Actor,
    profileId: string,
  ): Promise<ProfileRecord> {
    const profile = await findProfile(trx, actor.organisationId, profileId);
    if (!profile) {
      throw new NotFoundError('role_profile');
    }
    return profile;
  }

  /** The version must be visible to the organisation (404) and published (409). */
  async function loadPublishedVersion(
    trx: Executor,
    actor: Actor,
    versionId: string,
  ): Promise<VersionContent> {
    const version = await findVisibleVersion(trx, actor.organisationId, versionId);
    if (!version) {
      throw new NotFoundError('framework_version');
    }
    if (version.status !== 'published') {
      throw new ConflictError(
        'framework_version_not_published',
        'Role profiles can only use a published framework version',
      );
    }
    return describeContent(trx, version.id, version.scale as Scale);
  }

  async function describeContent(
    trx: Executor,
    versionId: string,
    scale: Scale,
  ): Promise<VersionContent> {
    const nodes = (await listNodes(trx, versionId)).map(toNodeRecord);
    return { nodes, rated: ratedLeafIds(nodes), scale };
  }

  async function describe(trx: Executor, actor: Actor, profileId: string): Promise<RoleProfile> {
    const profile = await loadProfile(trx, actor, profileId);
    const people = await countPeopleByProfile(trx, actor.organisationId);
    return {
      ...profile,
      peopleCount: people.get(profile.id) ?? 0,
      targets: await listTargets(trx, actor.organisationId, profile.id),
      rules: await listRules(trx, actor.organisationId, profile.id),
    };
  }

  async function audit(
    trx: Executor,
    actor: Actor,
    action: string,
    profileId: string,
    data?: unknown,
  ): Promise<void> {
    await recordActorEvent(trx, actor, {
      action,
      subjectType: 'role_profile',
      subjectId: profileId,
      data,
    });
  }

  return {
    async list(actor) {
      const profiles = await listProfiles(db, actor.organisationId);
      const people = await countPeopleByProfile(db, actor.organisationId);
      return profiles.map((profile) => ({
        ...profile,
        peopleCount: people.get(profile.id) ?? 0,
      }));
    },

    get(actor, profileId) {
      return describe(db, actor, profileId);
    },

    async create(actor, input) {
      assertAdmin(actor);
      const profileId = await db.transaction().execute(async (trx) => {
        await loadPublishedVersion(trx, actor, input.frameworkVersionId);
        const source =
          input.copyFromProfileId === undefined
            ? undefined
            : await loadProfile(trx, actor, input.copyFromProfileId);
        if (source && source.frameworkVersion.id !== input.frameworkVersionId) {
          throw new ValidationError(
            'copy_from_other_version',
            'Targets can only be copied from a profile on the same framework version',
            [
              {
                code: 'copy_from_other_version',
                message: 'The profile to copy from uses another framework version',
                path: 'copyFromProfileId',
              },
            ],
          );
        }
        const id = await insertProfile(trx, {
          organisationId: actor.organisationId,
          frameworkVersionId: input.frameworkVersionId,
          name: input.name,
          description: input.description ?? null,
          isExample: false,
          carriedFromProfileId: null,
          createdAt: clock.now(),
        });
        if (source) {
          const targets = await listTargets(trx, actor.organisationId, source.id);
          await replaceTargets(trx, actor.organisationId, id, targets);
        }
        await audit(trx, actor, 'role_profile.created', id, {
          frameworkVersionId: input.frameworkVersionId,
          copiedFrom: source?.id ?? null,
        });
        return id;
      });
      return describe(db, actor, profileId);
    },

    async update(actor, profileId, input) {
      assertAdmin(actor);
      await db.transaction().execute(async (trx) => {
        await loadProfile(trx, actor, profileId);
        await updateProfile(trx, actor.organisationId, profileId, {
          ...(input.name !== undefined ? { name: input.name } : {}),
          ...(input.description !== undefined ? { description: input.description } : {}),
          updatedAt: clock.now(),
        });
        await audit(trx, actor, 'role_profile.updated', profileId, Object.keys(input));
      });
      return describe(db, actor, profileId);
    },

    async remove(actor, profileId) {
      assertAdmin(actor);
      await db.transaction().execute(async (trx) => {
        await loadProfile(trx, actor, profileId);
        await deleteProfile(trx, actor.organisationId, profileId);
        await audit(trx, actor, 'role_profile.deleted', profileId);
      });
    },

    async setTargets(actor, profileId, input) {
      assertAdmin(actor);
      await db.transaction().execute(async (trx) => {
        const profile = await loadProfile(trx, actor, profileId);
        const version = await findVisibleVersion(
          trx,
          actor.organisationId,
          profile.frameworkVersion.id,
        );
        if (!version) {
          throw new NotFoundError('framework_version');
        }
        const content = await describeContent(trx, version.id, version.scale as Scale);
        const issues = findTargetIssues(input.targets, content.rated, content.scale);
        if (issues.length > 0) {
          throw new ValidationError(
            'invalid_targets',
            'Some targets do not fit the profile’s framework version; nothing was saved',
            issues,
          );
        }
        await replaceTargets(trx, actor.organisationId, profileId, input.targets);
        await updateProfile(trx, actor.organisationId, profileId, { updatedAt: clock.now() });
        await audit(trx, actor, 'role_profile.targets_set', profileId, {
          targets: input.targets.length,
        });
      });
      return describe(db, actor, profileId);
    },

    async addRule(actor, profileId, input) {
      assertAdmin(actor);
      await db.transaction().execute(async (trx) => {
        await loadProfile(trx, actor, profileId);
        if (input.kind === 'unit' && !(await unitExists(trx, actor.organisationId, input.unitId))) {
          throw new NotFoundError('org_unit');
        }
        if (await findSameRule(trx, actor.organisationId, profileId, input)) {
          throw new ConflictError('profile_rule_exists', 'The profile already has this rule');
        }
        const ruleId = await insertRule(trx, actor.organisationId, profileId, input, clock.now());
        await audit(trx, actor, 'role_profile.rule_added', profileId, { ruleId, ...input });
      });
      return describe(db, actor, profileId);
    },

    async removeRule(actor, profileId, ruleId) {
      assertAdmin(actor);
      await db.transaction().execute(async (trx) => {
        await loadProfile(trx, actor, profileId);
        if (!(await deleteRule(trx, actor.organisationId, profileId, ruleId))) {
          throw new NotFoundError('profile_rule');
        }
        await audit(trx, actor, 'role_profile.rule_removed', profileId, { ruleId });
      });
      return describe(db, actor, profileId);
    },

    async carryForward(actor, profileId, input) {
      assertAdmin(actor);
      const { newProfileId, notCarried } = await db.transaction().execute(async (trx) => {
        const profile = await loadProfile(trx, actor, profileId);
        const target = await loadPublishedVersion(trx, actor, input.frameworkVersionId);
        const pairs = await listLineagePairs(
          trx,
          actor.organisationId,
          profile.frameworkVersion.id,
          input.frameworkVersionId,
        );
        if (pairs.length === 0) {
          throw new ConflictError(
            'no_lineage',
            'The chosen framework version does not descend from the profile’s version',
          );
        }
        const successors = new Map<string, string[]>();
        for (const pair of pairs) {
          successors.set(pair.oldNodeId, [
            ...(successors.get(pair.oldNodeId) ?? []),
            pair.newNodeId,
          ]);
        }
        const targets = await listTargets(trx, actor.organisationId, profile.id);
        const result = carryTargetsForward(targets, successors, target.rated, target.scale);
        const oldNodes = new Map(
          (await listNodes(trx, profile.frameworkVersion.id))
            .map(toNodeRecord)
            .map((node) => [node.id, node]),
        );
        const levels = new Map(targets.map((item) => [item.nodeId, item.targetLevel]));
        const id = await insertProfile(trx, {
          organisationId: actor.organisationId,
          frameworkVersionId: input.frameworkVersionId,
          name: profile.name,
          description: profile.description,
          isExample: profile.isExample,
          carriedFromProfileId: profile.id,
          createdAt: clock.now(),
        });
        await replaceTargets(trx, actor.organisationId, id, result.carried);
        await copyRules(trx, actor.organisationId, profile.id, id);
        await audit(trx, actor, 'role_profile.carried_forward', id, {
          from: profile.id,
          frameworkVersionId: input.frameworkVersionId,
          carried: result.carried.length,
          notCarried: result.notCarried.length,
        });
        return {
          newProfileId: id,
          notCarried: result.notCarried.map((item) => {
            const node = oldNodes.get(item.nodeId);
            return {
              nodeId: item.nodeId,
              code: node?.code ?? '',
              name: node?.name ?? { en: item.nodeId },
              targetLevel: levels.get(item.nodeId) ?? null,
              reason: item.reason,
            };
          }),
        };
      });
      return { profile: await describe(db, actor, newProfileId), notCarried };
    },
  };
}
