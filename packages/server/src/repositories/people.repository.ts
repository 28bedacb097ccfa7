import type { PeopleScope } from '@evne/core';
import { sql, type Expression, type SqlBool } from 'kysely';
import type { Executor } from '../db/database.js';
import { personHasProfile } from './profile-assignments.repository.js';

/** All SQL for people, scoped to one organisation and, for reads, to what the caller may see. */

export interface PersonRow {
  id: string;
  employeeNumber: string;
  name: string;
  email: string | null;
  unitId: string | null;
  unitCode: string | null;
  unitName: string | null;
  managerId: string | null;
  managerName: string | null;
  jobTitle: string | null;
  locale: string | null;
  isActive: boolean;
  userId: string | null;
  deactivatedAt: Date | null;
}

/** SQL condition on the people row aliased `p` for a scope. */
export function scopeCondition(scope: PeopleScope): Expression<SqlBool> {
  switch (scope.kind) {
    case 'all':
      return sql<SqlBool>`true`;
    case 'self':
      return scope.personId === null ? sql<SqlBool>`false` : sql<SqlBool>`p.id = ${scope.personId}`;
    case 'managed': {
      const units =
        scope.unitIds.length === 0
          ? sql<SqlBool>`false`
          : sql<SqlBool>`p.unit_id in (select c.descendant_id from org_unit_closure c where c.ancestor_id in (${sql.join(
              scope.unitIds.map((id) => sql`${id}::uuid`),
            )}))`;
      return sql<SqlBool>`(${units} or p.manager_id = ${scope.personId} or p.id = ${scope.personId})`;
    }
  }
}

export function searchText(values: {
  name: string;
  email: string | null;
  employeeNumber: string;
  jobTitle: string | null;
}): string {
  return [values.name, values.email, values.employeeNumber, values.jobTitle]
    .filter((value): value is string => value !== null && value !== '')
    .join(' ')
    .toLowerCase();
}

function basePeopleQuery(db: Executor, organisationId: string) {
  return db
    .selectFrom('people as p')
    .leftJoin('org_units as u', 'u.id', 'p.unit_id')
    .leftJoin('people as m', 'm.id', 'p.manager_id')
    .where('p.organisation_id', '=', organisationId);
}

const personColumns = [
  'p.id',
  'p.employee_number',
  'p.name',
  'p.email',
  'p.unit_id',
  'u.code as unit_code',
  'u.name as unit_name',
  'p.manager_id',
  'm.name as manager_name',
  'p.job_title',
  'p.locale',
  'p.is_active',
  'p.user_id',
  'p.deactivated_at',
] as const;

function toPersonRow(row: {
  id: string;
  employee_number: string;
  name: string;
  email: string | null;
  unit_id: string | null;
  unit_code: string | null;
  unit_name: string | null;
  manager_id: string | null;
  manager_name: string | null;
  job_title: string | null;
  locale: string | null;
  is_active: boolean;
  user_id: string | null;
  deactivated_at: Date | null;
}): PersonRow {
  return {
    id: row.id,
    employeeNumber: row.employee_number,
    name: row.name,
    email: row.email,
    unitId: row.unit_id,
    unitCode: row.unit_code,
    unitName: row.unit_name,
    managerId: row.manager_id,
    managerName: row.manager_name,
    jobTitle: row.job_title,
    locale: row.locale,
    isActive: row.is_active,
    userId: row.user_id,
    deactivatedAt: row.deactivated_at,
  };
}

export interface PeopleFilter {
  q?: string | undefined;
  unitId?: string | undefined;
  includeSubunits: boolean;
  status: 'active' | 'inactive' | 'all';
  jobTitle?: string | undefined;
  profileId?: string | undefined;
  offset: number;
  limit: number;
}

export async function searchPeople(
  db: Executor,
  organisationId: string,
  scope: PeopleScope,
  filter: PeopleFilter,
): Promise<{ rows: PersonRow[]; total: number }> {
  let query = basePeopleQuery(db, organisationId).where(scopeCondition(scope));
  if (filter.status !== 'all') {
    query = query.where('p.is_active', '=', filter.status === 'active');
  }
  if (filter.q !== undefined && filter.q !== '') {
    for (const word of filter.q.toLowerCase().split(/\s+/).filter(Boolean).slice(0, 5)) {
      const pattern = `%${word.replace(/[\\%_]/g, (c) => `\\${c}`)}%`;
      query = query.where('p.search_text', 'like', pattern);
    }
  }
  if (filter.unitId !== undefined) {
    const unitId = filter.unitId;
    query = filter.includeSubunits
      ? query.where(
          'p.unit_id',
          'in',
          db
            .selectFrom('org_unit_closure')
            .select('descendant_id')
            .where('ancestor_id', '=', unitId),
        )
      : query.where('p.unit_id', '=', unitId);
  }
  if (filter.jobTitle !== undefined && filter.jobTitle !== '') {
    query = query.where(sql`lower(p.job_title)`, '=', filter.jobTitle.toLowerCase());
  }
  if (filter.profileId !== undefined) {
    query = query.where(personHasProfile(filter.profileId));
  }
  const [rows, count] = await Promise.all([
    query
      .select(personColumns)
      .orderBy('p.name')
      .orderBy('p.id')
      .offset(filter.offset)
      .limit(filter.limit)
      .execute(),
    query.select((eb) => eb.fn.countAll<number>().as('total')).executeTakeFirstOrThrow(),
  ]);
  return { rows: rows.map(toPersonRow), total: Number(count.total) };
}

export async function findPerson(
  db: Executor,
  organisationId: string,
  scope: PeopleScope,
  personId: string,
): Promise<PersonRow | undefined> {
  const row = await basePeopleQuery(db, organisationId)
    .where(scopeCondition(scope))
    .where('p.id', '=', personId)
    .select(personColumns)
    .executeTakeFirst();
  return row ? toPersonRow(row) : undefined;
}

export async function findPersonIdForUser(
  db: Executor,
  organisationId: string,
  userId: string,
): Promise<string | null> {
  const row = await db
    .selectFrom('people')
    .select('id')
    .where('organisation_id', '=', organisationId)
    .where('user_id', '=', userId)
    .executeTakeFirst();
  return row?.id ?? null;
}

export async function listManagedUnitIds(
  db: Executor,
  organisationId: string,
  personId: string,
): Promise<string[]> {
  const rows = await db
    .selectFrom('org_units')
    .select('id')
    .where('organisation_id', '=', organisationId)
    .where('manager_person_id', '=', personId)
    .execute();
  return rows.map((row) => row.id);
}

export async function listDirectReports(
  db: Executor,
  organisationId: string,
  personId: string,
): Promise<{ id: string; name: string; jobTitle: string | null }[]> {
  const rows = await db
    .selectFrom('people')
    .select(['id', 'name', 'job_title'])
    .where('organisation_id', '=', organisationId)
    .where('manager_id', '=', personId)
    .where('is_active', '=', true)
    .orderBy('name')
    .execute();
  return rows.map((row) => ({ id: row.id, name: row.name, jobTitle: row.job_title }));
}

export async function updatePerson(
  db: Executor,
  organisationId: string,
  personId: string,
  values: {
    name?: string | undefined;
    email?: string | null | undefined;
    unitId?: string | null | undefined;
    managerId?: string | null | undefined;
    jobTitle?: string | null | undefined;
    locale?: string | null | undefined;
    isActive?: boolean | undefined;
  },
  now: Date,
): Promise<void> {
  const current = await db
    .selectFrom('people')
    .select(['name', 'email', 'employee_number', 'job_title', 'is_active'])
    .where('organisation_id', '=', organisationId)
    .where('id', '=', personId)
    .executeTakeFirstOrThrow();
  const name = values.name ?? current.name;
  const email = values.email !== undefined ? values.email : current.email;
  const jobTitle = values.jobTitle !== undefined ? values.jobTitle : current.job_title;
  await db
    .updateTable('people')
    .set({
      ...(values.name !== undefined ? { name: values.name } : {}),
      ...(values.email !== undefined ? { email: values.email } : {}),
      ...(values.unitId !== undefined ? { unit_id: values.unitId } : {}),
      ...(values.managerId !== undefined ? { manager_id: values.managerId } : {}),
      ...(values.jobTitle !== undefined ? { job_title: values.jobTitle } : {}),
      ...(values.locale !== undefined ? { locale: values.locale } : {}),
      ...(values.isActive !== undefined && values.isActive !== current.is_active
        ? { is_active: values.isActive, deactivated_at: values.isActive ? null : now }
        : {}),
      search_text: searchText({ name, email, employeeNumber: current.employee_number, jobTitle }),
      updated_at: now,
    })
    .where('organisation_id', '=', organisationId)
    .where('id', '=', personId)
    .execute();
}

/** Manager chain of a person, nearest first (to refuse a manager cycle). */
export async function managerChain(
  db: Executor,
  organisationId: string,
  personId: string,
): Promise<string[]> {
  const result = await sql<{ id: string }>`
    with recursive chain (id, depth) as (
      select manager_id, 1 from people where organisation_id = ${organisationId} and id = ${personId} and manager_id is not null
      union all
      select p.manager_id, c.depth + 1 from chain c join people p on p.id = c.id
        where p.manager_id is not null and c.depth < 1000
    )
    select id from chain order by depth
  `.execute(db);
  return result.rows.map((row) => row.id);
}

export async function insertManualAssignment(
  db: Executor,
  organisationId: string,
  personId: string,
  profileId: string,
): Promise<void> {
  await db
    .insertInto('person_role_profiles')
    .values({ organisation_id: organisationId, person_id: personId, profile_id: profileId })
    .onConflict((oc) => oc.columns(['person_id', 'profile_id']).doNothing())
    .execute();
}

export async function deleteManualAssignment(
  db: Executor,
  organisationId: string,
  personId: string,
  profileId: string,
): Promise<void> {
  await db
    .deleteFrom('person_role_profiles')
    .where('organisation_id', '=', organisationId)
    .where('person_id', '=', personId)
    .where('profile_id', '=', profileId)
    .execute();
}

/** Lets a user sign in as this person (one person per user and organisation). */
export async function linkPersonToUser(
  db: Executor,
  organisationId: string,
  personId: string,
  userId: string,
): Promise<void> {
  await db
    .updateTable('people')
    .set({ user_id: userId })
    .where('organisation_id', '=', organisationId)
    .where('id', '=', personId)
    .execute();
}
