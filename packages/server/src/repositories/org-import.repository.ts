import { randomUUID } from 'node:crypto';
import type {
  ColumnMapping,
  ExistingPerson,
  ExistingUnit,
  ImportKind,
  PeopleImportPlan,
  UnitsImportPlan,
} from '@evne/core';
import { sql } from 'kysely';
import type { Executor } from '../db/database.js';
import { rebuildUnitClosure } from './org-units.repository.js';
import { searchText } from './people.repository.js';

/** Bulk SQL for organisation imports; statements carry at most BATCH rows. */
const BATCH = 1000;

export type ProgressListener = (progress: { phase: string; done: number; total: number }) => void;

function batches<T>(items: readonly T[]): T[][] {
  const out: T[][] = [];
  for (let start = 0; start < items.length; start += BATCH) {
    out.push(items.slice(start, start + BATCH));
  }
  return out;
}

export async function loadExistingUnits(
  db: Executor,
  organisationId: string,
): Promise<ExistingUnit[]> {
  const rows = await db
    .selectFrom('org_units')
    .select(['id', 'code', 'name', 'parent_id', 'manager_person_id', 'is_active'])
    .where('organisation_id', '=', organisationId)
    .execute();
  return rows.map((row) => ({
    id: row.id,
    code: row.code,
    name: row.name,
    parentId: row.parent_id,
    managerPersonId: row.manager_person_id,
    isActive: row.is_active,
  }));
}

export async function loadExistingPeople(
  db: Executor,
  organisationId: string,
): Promise<ExistingPerson[]> {
  const rows = await db
    .selectFrom('people')
    .select([
      'id',
      'employee_number',
      'name',
      'email',
      'unit_id',
      'manager_id',
      'job_title',
      'locale',
      'is_active',
    ])
    .where('organisation_id', '=', organisationId)
    .execute();
  return rows.map((row) => ({
    id: row.id,
    employeeNumber: row.employee_number,
    name: row.name,
    email: row.email,
    unitId: row.unit_id,
    managerId: row.manager_id,
    jobTitle: row.job_title,
    locale: row.locale,
    isActive: row.is_active,
  }));
}

export async function findRememberedMapping(
  db: Executor,
  organisationId: string,
  kind: ImportKind,
): Promise<ColumnMapping | undefined> {
  const row = await db
    .selectFrom('import_mappings')
    .select('mapping')
    .where('organisation_id', '=', organisationId)
    .where('kind', '=', kind)
    .executeTakeFirst();
  return row ? (row.mapping as ColumnMapping) : undefined;
}

export async function rememberMapping(
  db: Executor,
  organisationId: string,
  kind: ImportKind,
  mapping: ColumnMapping,
): Promise<void> {
  await db
    .insertInto('import_mappings')
    .values({
      organisation_id: organisationId,
      kind,
      mapping: JSON.stringify(mapping),
      updated_at: new Date(),
    })
    .onConflict((oc) =>
      oc
        .columns(['organisation_id', 'kind'])
        .doUpdateSet({ mapping: JSON.stringify(mapping), updated_at: new Date() }),
    )
    .execute();
}

/** Writes a planned unit import: new units, changed names, parents and managers, deactivations. */
export async function applyUnitsPlan(
  db: Executor,
  organisationId: string,
  plan: UnitsImportPlan,
  existing: readonly ExistingUnit[],
  people: ReadonlyMap<string, string>,
  now: Date,
  onProgress: ProgressListener,
): Promise<void> {
  const idByCode = new Map(existing.map((unit) => [unit.code, unit.id]));
  const byCode = new Map(existing.map((unit) => [unit.code, unit]));
  const added = plan.records.filter((record) => !idByCode.has(record.code));
  for (const record of added) {
    idByCode.set(record.code, randomUUID());
  }
  const total = plan.records.length + plan.deactivated.length;
  let done = 0;
  for (const chunk of batches(added)) {
    await db
      .insertInto('org_units')
      .values(
        chunk.map((record) => ({
          id: idByCode.get(record.code) ?? randomUUID(),
          organisation_id: organisationId,
          code: record.code,
          name: record.name,
          parent_id: null,
        })),
      )
      .execute();
    done += chunk.length;
    onProgress({ phase: 'units', done, total });
  }
  // Set name, parent, manager and active for every unit in the file that differs.
  const updates = plan.records
    .map((record) => {
      const id = idByCode.get(record.code) ?? '';
      const parentId =
        record.parentCode === null ? null : (idByCode.get(record.parentCode) ?? null);
      const managerId =
        record.managerEmployeeNumber === null
          ? null
          : (people.get(record.managerEmployeeNumber) ?? null);
      const stored = byCode.get(record.code);
      const keepsManager =
        stored !== undefined &&
        record.managerEmployeeNumber === null &&
        plan.mapping.managerEmployeeNumber === undefined;
      return {
        id,
        name: record.name,
        parentId,
        managerId: keepsManager ? stored.managerPersonId : managerId,
        stored,
      };
    })
    .filter(
      (row) =>
        row.stored === undefined ||
        row.stored.name !== row.name ||
        row.stored.parentId !== row.parentId ||
        row.stored.managerPersonId !== row.managerId ||
        !row.stored.isActive,
    );
  for (const chunk of batches(updates)) {
    const values = sql.join(
      chunk.map(
        (row) => sql`(${row.id}::uuid, ${row.name}, ${row.parentId}::uuid, ${row.managerId}::uuid)`,
      ),
    );
    await sql`
      update org_units u set name = v.name, parent_id = v.parent_id, manager_person_id = v.manager_id,
        is_active = true, updated_at = ${now}
      from (values ${values}) as v (id, name, parent_id, manager_id)
      where u.id = v.id and u.organisation_id = ${organisationId}
    `.execute(db);
    done += chunk.length;
    onProgress({ phase: 'units', done: Math.min(done, total), total });
  }
  const deactivate = plan.deactivated
    .map((unit) => idByCode.get(unit.code))
    .filter((id): id is string => id !== undefined);
  for (const chunk of batches(deactivate)) {
    await db
      .updateTable('org_units')
      .set({ is_active: false, updated_at: now })
      .where('organisation_id', '=', organisationId)
      .where('id', 'in', chunk)
      .execute();
    done += chunk.length;
  }
  onProgress({ phase: 'tree', done: total, total });
  await rebuildUnitClosure(db, organisationId);
}

/** Writes a planned people import: new people, changes, moves, managers, (re)activations. */
export async function applyPeoplePlan(
  db: Executor,
  organisationId: string,
  plan: PeopleImportPlan,
  existing: readonly ExistingPerson[],
  units: ReadonlyMap<string, string>,
  now: Date,
  onProgress: ProgressListener,
): Promise<void> {
  const byNumber = new Map(existing.map((person) => [person.employeeNumber, person]));
  const idByNumber = new Map(existing.map((person) => [person.employeeNumber, person.id]));
  const has = (field: string) => plan.mapping[field] !== undefined;
  const added = plan.records.filter((record) => !byNumber.has(record.employeeNumber));
  for (const record of added) {
    idByNumber.set(record.employeeNumber, randomUUID());
  }
  const total = plan.records.length * 2 + plan.deactivated.length;
  let done = 0;
  const report = (phase: string) => onProgress({ phase, done: Math.min(done, total), total });

  for (const chunk of batches(added)) {
    await db
      .insertInto('people')
      .values(
        chunk.map((record) => ({
          id: idByNumber.get(record.employeeNumber) ?? randomUUID(),
          organisation_id: organisationId,
          employee_number: record.employeeNumber,
          name: record.name,
          email: record.email,
          unit_id: record.unitCode === null ? null : (units.get(record.unitCode) ?? null),
          job_title: record.jobTitle,
          locale: record.locale,
          search_text: searchText(record),
          created_at: now,
          updated_at: now,
        })),
      )
      .execute();
    done += chunk.length;
    report('people');
  }

  // Fields the file does not map keep their stored values.
  const rows = plan.records.map((record) => {
    const stored = byNumber.get(record.employeeNumber);
    const unitId = record.unitCode === null ? null : (units.get(record.unitCode) ?? null);
    const managerId =
      record.managerEmployeeNumber === null
        ? null
        : (idByNumber.get(record.managerEmployeeNumber) ?? null);
    const email = has('email') || !stored ? record.email : stored.email;
    const jobTitle = has('jobTitle') || !stored ? record.jobTitle : stored.jobTitle;
    return {
      id: idByNumber.get(record.employeeNumber) ?? '',
      stored,
      name: record.name,
      email,
      unitId: has('unitCode') || !stored ? unitId : stored.unitId,
      managerId: has('managerEmployeeNumber') || !stored ? managerId : stored.managerId,
      jobTitle,
      locale: has('locale') || !stored ? record.locale : stored.locale,
      searchText: searchText({
        name: record.name,
        email,
        employeeNumber: record.employeeNumber,
        jobTitle,
      }),
    };
  });
  const changed = rows.filter((row) =>
    row.stored === undefined
      ? row.managerId !== null
      : row.stored.name !== row.name ||
        row.stored.email !== row.email ||
        row.stored.unitId !== row.unitId ||
        row.stored.managerId !== row.managerId ||
        row.stored.jobTitle !== row.jobTitle ||
        row.stored.locale !== row.locale ||
        !row.stored.isActive,
  );
  done = added.length + (plan.records.length - changed.length);
  for (const chunk of batches(changed)) {
    const values = sql.join(
      chunk.map(
        (row) =>
          sql`(${row.id}::uuid, ${row.name}, ${row.email}, ${row.unitId}::uuid, ${row.managerId}::uuid, ${row.jobTitle}, ${row.locale}, ${row.searchText})`,
      ),
    );
    await sql`
      update people p set name = v.name, email = v.email, unit_id = v.unit_id, manager_id = v.manager_id,
        job_title = v.job_title, locale = v.locale, search_text = v.search_text,
        is_active = true, deactivated_at = null, updated_at = ${now}
      from (values ${values}) as v (id, name, email, unit_id, manager_id, job_title, locale, search_text)
      where p.id = v.id and p.organisation_id = ${organisationId}
    `.execute(db);
    done += chunk.length;
    report('people');
  }
  const deactivate = plan.deactivated
    .map((person) => idByNumber.get(person.employeeNumber))
    .filter((id): id is string => id !== undefined);
  for (const chunk of batches(deactivate)) {
    await db
      .updateTable('people')
      .set({ is_active: false, deactivated_at: now, updated_at: now })
      .where('organisation_id', '=', organisationId)
      .where('id', 'in', chunk)
      .execute();
    done += chunk.length;
    report('deactivating');
  }
  onProgress({ phase: 'done', done: total, total });
}
