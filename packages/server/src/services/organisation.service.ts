import { rebuildOrganisationRollups } from '../repositories/rollups.repository.js';
import { createRollupChanges, type RollupChanges } from './rollup-changes.js';
import {
  assertCanManageOrganisation,
  ConflictError,
  NotFoundError,
  peopleScopeFor,
  ValidationError,
  type Actor,
  type CreateOrgUnitInput,
  type OrgUnit,
  type OrgUnitDetail,
  type PeoplePage,
  type PeopleQuery,
  type PeopleScope,
  type PersonDetail,
  type PersonSummary,
  type UpdateOrgUnitInput,
  type UpdatePersonInput,
  type Locale,
  type LocalizedText,
} from '@evne/core';
import type { Kysely } from 'kysely';
import type { Clock } from '../adapters/clock.js';
import type { Database, Executor } from '../db/database.js';
import { recordActorEvent } from '../repositories/audit.repository.js';
import {
  countPeoplePerUnit,
  listUnits,
  rebuildUnitClosure,
  type UnitRow,
} from '../repositories/org-units.repository.js';
import {
  deleteManualAssignment,
  findPerson,
  findPersonIdForUser,
  insertManualAssignment,
  listDirectReports,
  listManagedUnitIds,
  managerChain,
  searchPeople,
  updatePerson,
  type PersonRow,
} from '../repositories/people.repository.js';
import { listAssignmentsForPeople } from '../repositories/profile-assignments.repository.js';
import { createOrgImportService, type OrgImportService } from './org-import.service.js';

export interface OrganisationService {
  listUnits(actor: Actor): Promise<OrgUnit[]>;
  getUnit(actor: Actor, unitId: string): Promise<OrgUnitDetail>;
  createUnit(actor: Actor, input: CreateOrgUnitInput): Promise<OrgUnitDetail>;
  updateUnit(actor: Actor, unitId: string, input: UpdateOrgUnitInput): Promise<OrgUnitDetail>;
  listPeople(actor: Actor, query: PeopleQuery): Promise<PeoplePage>;
  getPerson(actor: Actor, personId: string): Promise<PersonDetail>;
  updatePerson(actor: Actor, personId: string, input: UpdatePersonInput): Promise<PersonDetail>;
  assignProfile(actor: Actor, personId: string, profileId: string): Promise<PersonDetail>;
  unassignProfile(actor: Actor, personId: string, profileId: string): Promise<PersonDetail>;
  imports: OrgImportService;
}

function summary(row: PersonRow): PersonSummary {
  return {
    id: row.id,
    employeeNumber: row.employeeNumber,
    name: row.name,
    email: row.email,
    jobTitle: row.jobTitle,
    unit:
      row.unitId && row.unitCode && row.unitName
        ? { id: row.unitId, code: row.unitCode, name: row.unitName }
        : null,
    manager: row.managerId && row.managerName ? { id: row.managerId, name: row.managerName } : null,
    isActive: row.isActive,
  };
}

export function createOrganisationService(deps: {
  db: Kysely<Database>;
  clock: Clock;
  rollupChanges?: RollupChanges;
}): OrganisationService {
  const { db, clock } = deps;
  const rollupChanges = deps.rollupChanges ?? createRollupChanges();

  async function scopeOf(trx: Executor, actor: Actor): Promise<PeopleScope> {
    if (actor.role === 'admin') {
      return { kind: 'all' };
    }
    const personId = await findPersonIdForUser(trx, actor.organisationId, actor.userId);
    const managedUnitIds =
      personId === null ? [] : await listManagedUnitIds(trx, actor.organisationId, personId);
    return peopleScopeFor(actor, { personId, managedUnitIds });
  }

  /** Units the actor may see: everything (admin), the subtrees they lead (manager), their own unit. */
  async function visibleUnits(
    trx: Executor,
    actor: Actor,
  ): Promise<{ units: UnitRow[]; visible: Set<string> }> {
    const units = await listUnits(trx, actor.organisationId);
    if (actor.role === 'admin') {
      return { units, visible: new Set(units.map((unit) => unit.id)) };
    }
    const scope = await scopeOf(trx, actor);
    const visible = new Set<string>();
    const children = new Map<string | null, UnitRow[]>();
    for (const unit of units) {
      children.set(unit.parentId, [...(children.get(unit.parentId) ?? []), unit]);
    }
    const addSubtree = (id: string) => {
      visible.add(id);
      for (const child of children.get(id) ?? []) {
        addSubtree(child.id);
      }
    };
    if (scope.kind === 'managed') {
      scope.unitIds.forEach(addSubtree);
    }
    if (scope.kind !== 'all' && scope.personId !== null) {
      const self = await findPerson(trx, actor.organisationId, scope, scope.personId);
      if (self?.unitId) {
        visible.add(self.unitId);
      }
    }
    return { units, visible };
  }

  async function unitSummaries(
    trx: Executor,
    actor: Actor,
    units: UnitRow[],
    ids: Set<string>,
  ): Promise<OrgUnit[]> {
    const counts = await countPeoplePerUnit(trx, actor.organisationId);
    const managerIds = [
      ...new Set(
        units.map((unit) => unit.managerPersonId).filter((id): id is string => id !== null),
      ),
    ];
    const managers = new Map<string, string>();
    if (managerIds.length > 0) {
      const rows = await trx
        .selectFrom('people')
        .select(['id', 'name'])
        .where('organisation_id', '=', actor.organisationId)
        .where('id', 'in', managerIds)
        .execute();
      for (const row of rows) {
        managers.set(row.id, row.name);
      }
    }
    return units
      .filter((unit) => ids.has(unit.id))
      .map((unit) => ({
        id: unit.id,
        parentId: unit.parentId !== null && ids.has(unit.parentId) ? unit.parentId : null,
        code: unit.code,
        name: unit.name,
        isActive: unit.isActive,
        manager:
          unit.managerPersonId && managers.has(unit.managerPersonId)
            ? { id: unit.managerPersonId, name: managers.get(unit.managerPersonId) ?? '' }
            : null,
        peopleCount: counts.direct.get(unit.id) ?? 0,
        subtreePeopleCount: counts.subtree.get(unit.id) ?? 0,
      }));
  }

  async function unitDetail(trx: Executor, actor: Actor, unitId: string): Promise<OrgUnitDetail> {
    const { units, visible } = await visibleUnits(trx, actor);
    if (!visible.has(unitId)) {
      throw new NotFoundError('org_unit');
    }
    const summaries = await unitSummaries(trx, actor, units, visible);
    const unit = summaries.find((candidate) => candidate.id === unitId);
    if (!unit) {
      throw new NotFoundError('org_unit');
    }
    const byId = new Map(units.map((candidate) => [candidate.id, candidate]));
    const path: OrgUnitDetail['path'] = [];
    let cursor = byId.get(unitId)?.parentId ?? null;
    while (cursor !== null && visible.has(cursor)) {
      const parent = byId.get(cursor);
      if (!parent) {
        break;
      }
      path.unshift({ id: parent.id, code: parent.code, name: parent.name });
      cursor = parent.parentId;
    }
    const managerRows = await trx
      .selectFrom('people')
      .select(['id', 'name', 'job_title'])
      .where('organisation_id', '=', actor.organisationId)
      .where((eb) =>
        eb.or([
          eb(
            'id',
            '=',
            byId.get(unitId)?.managerPersonId ?? '00000000-0000-0000-0000-000000000000',
          ),
          eb.and([
            eb('unit_id', '=', unitId),
            eb('is_active', '=', true),
            eb.exists(
              eb
                .selectFrom('people as r')
                .select('r.id')
                .whereRef('r.manager_id', '=', 'people.id'),
            ),
          ]),
        ]),
      )
      .orderBy('name')
      .execute();
    return {
      unit,
      path,
      children: summaries.filter((candidate) => candidate.parentId === unitId),
      managers: managerRows.map((row) => ({ id: row.id, name: row.name, jobTitle: row.job_title })),
    };
  }

  async function personDetail(
    trx: Executor,
    actor: Actor,
    personId: string,
  ): Promise<PersonDetail> {
    const scope = await scopeOf(trx, actor);
    const row = await findPerson(trx, actor.organisationId, scope, personId);
    if (!row) {
      throw new NotFoundError('person');
    }
    const units = await listUnits(trx, actor.organisationId);
    const byId = new Map(units.map((unit) => [unit.id, unit]));
    const unitPath: PersonDetail['unitPath'] = [];
    let cursor = row.unitId;
    while (cursor !== null) {
      const unit = byId.get(cursor);
      if (!unit) {
        break;
      }
      unitPath.unshift({ id: unit.id, code: unit.code, name: unit.name });
      cursor = unit.parentId;
    }
    const assignments = await listAssignmentsForPeople(trx, actor.organisationId, [personId]);
    const profileIds = [...new Set(assignments.map((assignment) => assignment.profileId))];
    const names = new Map<string, LocalizedText>();
    if (profileIds.length > 0) {
      const rows = await trx
        .selectFrom('role_profiles')
        .select(['id', 'name'])
        .where('organisation_id', '=', actor.organisationId)
        .where('id', 'in', profileIds)
        .execute();
      for (const profile of rows) {
        names.set(profile.id, profile.name as LocalizedText);
      }
    }
    if (actor.role !== 'admin' && personId !== (scope.kind === 'all' ? null : scope.personId)) {
      await recordActorEvent(trx, actor, {
        action: 'person.viewed',
        subjectType: 'person',
        subjectId: personId,
      });
    }
    return {
      ...summary(row),
      locale: (row.locale as Locale | null) ?? null,
      hasAccount: row.userId !== null,
      unitPath,
      directReports: await listDirectReports(trx, actor.organisationId, personId),
      profiles: assignments
        .filter((assignment) => names.has(assignment.profileId))
        .map((assignment) => ({
          profileId: assignment.profileId,
          name: names.get(assignment.profileId) ?? { en: '?' },
          source: assignment.source,
          ruleId: assignment.ruleId,
        })),
      deactivatedAt: row.deactivatedAt ? new Date(row.deactivatedAt).toISOString() : null,
    };
  }

  async function audit(
    trx: Executor,
    actor: Actor,
    action: string,
    subjectType: string,
    subjectId: string,
    data?: unknown,
  ) {
    await recordActorEvent(trx, actor, {
      action,
      subjectType,
      subjectId,
      data,
    });
  }

  async function assertUnitInOrganisation(
    trx: Executor,
    actor: Actor,
    unitId: string,
  ): Promise<UnitRow> {
    const unit = (await listUnits(trx, actor.organisationId)).find(
      (candidate) => candidate.id === unitId,
    );
    if (!unit) {
      throw new NotFoundError('org_unit');
    }
    return unit;
  }

  return {
    async listUnits(actor) {
      const { units, visible } = await visibleUnits(db, actor);
      return unitSummaries(db, actor, units, visible);
    },

    getUnit(actor, unitId) {
      return unitDetail(db, actor, unitId);
    },

    async createUnit(actor, input) {
      assertCanManageOrganisation(actor);
      const id = await db.transaction().execute(async (trx) => {
        if (input.parentId !== null) {
          await assertUnitInOrganisation(trx, actor, input.parentId);
        }
        const clash = (await listUnits(trx, actor.organisationId)).some(
          (unit) => unit.code === input.code,
        );
        if (clash) {
          throw new ConflictError('duplicate_unit_code', `A unit with code "${input.code}" exists`);
        }
        const row = await trx
          .insertInto('org_units')
          .values({
            organisation_id: actor.organisationId,
            parent_id: input.parentId,
            code: input.code,
            name: input.name,
          })
          .returning('id')
          .executeTakeFirstOrThrow();
        await rebuildUnitClosure(trx, actor.organisationId);
        await audit(trx, actor, 'org_unit.created', 'org_unit', row.id, input);
        return row.id;
      });
      return unitDetail(db, actor, id);
    },

    async updateUnit(actor, unitId, input) {
      assertCanManageOrganisation(actor);
      // A move recounts every campaign's rollups.
      const write = <T>(work: () => Promise<T>) =>
        input.parentId !== undefined ? rollupChanges.writing(null, work) : work();
      await write(() =>
        db.transaction().execute(async (trx) => {
          const units = await listUnits(trx, actor.organisationId);
          if (!units.some((unit) => unit.id === unitId)) {
            throw new NotFoundError('org_unit');
          }
          if (input.parentId !== undefined && input.parentId !== null) {
            if (!units.some((unit) => unit.id === input.parentId)) {
              throw new NotFoundError('org_unit');
            }
            const byId = new Map(units.map((unit) => [unit.id, unit]));
            let cursor: string | null = input.parentId;
            while (cursor !== null) {
              if (cursor === unitId) {
                throw new ValidationError(
                  'unit_cycle',
                  'A unit cannot be moved under itself or its own sub-units',
                );
              }
              cursor = byId.get(cursor)?.parentId ?? null;
            }
          }
          if (input.managerPersonId) {
            const manager = await findPerson(
              trx,
              actor.organisationId,
              { kind: 'all' },
              input.managerPersonId,
            );
            if (!manager) {
              throw new NotFoundError('person');
            }
          }
          await trx
            .updateTable('org_units')
            .set({
              ...(input.name !== undefined ? { name: input.name } : {}),
              ...(input.parentId !== undefined ? { parent_id: input.parentId } : {}),
              ...(input.managerPersonId !== undefined
                ? { manager_person_id: input.managerPersonId }
                : {}),
              updated_at: clock.now(),
            })
            .where('organisation_id', '=', actor.organisationId)
            .where('id', '=', unitId)
            .execute();
          if (input.parentId !== undefined) {
            await rebuildUnitClosure(trx, actor.organisationId);
            // Rollups count each response in its unit's ancestors: they follow the new tree.
            await rebuildOrganisationRollups(trx, actor.organisationId);
          }
          await audit(trx, actor, 'org_unit.updated', 'org_unit', unitId, input);
        }),
      );
      return unitDetail(db, actor, unitId);
    },

    async listPeople(actor, query) {
      const scope = await scopeOf(db, actor);
      const { rows, total } = await searchPeople(db, actor.organisationId, scope, {
        q: query.q,
        unitId: query.unitId,
        includeSubunits: query.includeSubunits === 'true',
        status: query.status,
        jobTitle: query.jobTitle,
        profileId: query.profileId,
        offset: (query.page - 1) * query.pageSize,
        limit: query.pageSize,
      });
      return { items: rows.map(summary), total, page: query.page, pageSize: query.pageSize };
    },

    getPerson(actor, personId) {
      return personDetail(db, actor, personId);
    },

    async updatePerson(actor, personId, input) {
      assertCanManageOrganisation(actor);
      await db.transaction().execute(async (trx) => {
        const person = await findPerson(trx, actor.organisationId, { kind: 'all' }, personId);
        if (!person) {
          throw new NotFoundError('person');
        }
        if (input.unitId) {
          await assertUnitInOrganisation(trx, actor, input.unitId);
        }
        if (input.managerId) {
          const manager = await findPerson(
            trx,
            actor.organisationId,
            { kind: 'all' },
            input.managerId,
          );
          if (!manager) {
            throw new NotFoundError('person');
          }
          const chain = [
            input.managerId,
            ...(await managerChain(trx, actor.organisationId, input.managerId)),
          ];
          if (chain.includes(personId)) {
            throw new ValidationError(
              'manager_cycle',
              'This manager reports (directly or not) to the person',
              [
                {
                  code: 'manager_cycle',
                  message: 'The manager reports to this person',
                  path: 'managerId',
                },
              ],
            );
          }
        }
        await updatePerson(trx, actor.organisationId, personId, input, clock.now());
        await audit(trx, actor, 'person.updated', 'person', personId, Object.keys(input));
      });
      return personDetail(db, actor, personId);
    },

    async assignProfile(actor, personId, profileId) {
      assertCanManageOrganisation(actor);
      await db.transaction().execute(async (trx) => {
        const person = await findPerson(trx, actor.organisationId, { kind: 'all' }, personId);
        if (!person) {
          throw new NotFoundError('person');
        }
        const profile = await trx
          .selectFrom('role_profiles')
          .select('id')
          .where('organisation_id', '=', actor.organisationId)
          .where('id', '=', profileId)
          .executeTakeFirst();
        if (!profile) {
          throw new NotFoundError('role_profile');
        }
        await insertManualAssignment(trx, actor.organisationId, personId, profileId);
        await audit(trx, actor, 'person.profile_assigned', 'person', personId, { profileId });
      });
      return personDetail(db, actor, personId);
    },

    async unassignProfile(actor, personId, profileId) {
      assertCanManageOrganisation(actor);
      await db.transaction().execute(async (trx) => {
        const person = await findPerson(trx, actor.organisationId, { kind: 'all' }, personId);
        if (!person) {
          throw new NotFoundError('person');
        }
        await deleteManualAssignment(trx, actor.organisationId, personId, profileId);
        await audit(trx, actor, 'person.profile_unassigned', 'person', personId, { profileId });
      });
      return personDetail(db, actor, personId);
    },

    imports: createOrgImportService({ db, clock, rollupChanges }),
  };
}
