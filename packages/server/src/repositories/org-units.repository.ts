import { sql } from 'kysely';
import type { Executor } from '../db/database.js';

/** All SQL for the unit tree, scoped to one organisation. */

export interface UnitRow {
  id: string;
  parentId: string | null;
  code: string;
  name: string;
  managerPersonId: string | null;
  isActive: boolean;
}

export async function listUnits(db: Executor, organisationId: string): Promise<UnitRow[]> {
  const rows = await db
    .selectFrom('org_units')
    .select(['id', 'parent_id', 'code', 'name', 'manager_person_id', 'is_active'])
    .where('organisation_id', '=', organisationId)
    .orderBy('name')
    .orderBy('code')
    .execute();
  return rows.map((row) => ({
    id: row.id,
    parentId: row.parent_id,
    code: row.code,
    name: row.name,
    managerPersonId: row.manager_person_id,
    isActive: row.is_active,
  }));
}

/**
 * Rebuilds the closure rows of the organisation's tree from parent links: one row per
 * (ancestor, descendant) incl. the unit itself at depth 0. Run after any change to the tree.
 */
export async function rebuildUnitClosure(db: Executor, organisationId: string): Promise<void> {
  await db.deleteFrom('org_unit_closure').where('organisation_id', '=', organisationId).execute();
  await sql`
    insert into org_unit_closure (organisation_id, ancestor_id, descendant_id, depth)
    with recursive tree (ancestor_id, descendant_id, depth) as (
      select id, id, 0 from org_units where organisation_id = ${organisationId}
      union all
      select u.parent_id, t.descendant_id, t.depth + 1
        from tree t join org_units u on u.id = t.ancestor_id
        where u.parent_id is not null and t.depth < 100
    )
    select ${organisationId}::uuid, ancestor_id, descendant_id, depth from tree
  `.execute(db);
}

/** Active people per unit (directly in it) and per subtree. */
export async function countPeoplePerUnit(
  db: Executor,
  organisationId: string,
): Promise<{ direct: Map<string, number>; subtree: Map<string, number> }> {
  const direct = await sql<{ unit_id: string; people: number }>`
    select unit_id, count(*)::int as people from people
    where organisation_id = ${organisationId} and is_active and unit_id is not null
    group by unit_id
  `.execute(db);
  const subtree = await sql<{ ancestor_id: string; people: number }>`
    select c.ancestor_id, count(*)::int as people
    from people p join org_unit_closure c on c.descendant_id = p.unit_id
    where p.organisation_id = ${organisationId} and p.is_active
    group by c.ancestor_id
  `.execute(db);
  return {
    direct: new Map(direct.rows.map((row) => [row.unit_id, Number(row.people)])),
    subtree: new Map(subtree.rows.map((row) => [row.ancestor_id, Number(row.people)])),
  };
}
