import { sql, type Expression, type SqlBool } from 'kysely';
import type { Executor } from '../db/database.js';

/**
 * Who has which role profile. A person has a profile when it was given by hand
 * (person_role_profiles), or a rule gives it: same job title (case-insensitive), or the person's
 * unit is the rule's unit (or, with include_subunits, under it). Rules are read, not stored per
 * person, so that people who move or join get the right profiles at once.
 */

export interface AssignmentRow {
  personId: string;
  profileId: string;
  source: 'manual' | 'job_title' | 'unit';
  ruleId: string | null;
}

export async function listAssignmentsForPeople(
  db: Executor,
  organisationId: string,
  personIds: readonly string[],
): Promise<AssignmentRow[]> {
  if (personIds.length === 0) {
    return [];
  }
  const ids = sql.join(personIds.map((id) => sql`${id}::uuid`));
  const result = await sql<{
    person_id: string;
    profile_id: string;
    source: string;
    rule_id: string | null;
  }>`
    select m.person_id, m.profile_id, 'manual' as source, null::uuid as rule_id
      from person_role_profiles m
      where m.organisation_id = ${organisationId} and m.person_id in (${ids})
    union all
    select p.id, r.profile_id, 'job_title', r.id
      from people p
      join role_profile_rules r on r.organisation_id = p.organisation_id and r.kind = 'job_title'
        and lower(r.job_title) = lower(p.job_title)
      where p.organisation_id = ${organisationId} and p.id in (${ids})
    union all
    select p.id, r.profile_id, 'unit', r.id
      from people p
      join org_unit_closure c on c.descendant_id = p.unit_id
      join role_profile_rules r on r.organisation_id = p.organisation_id and r.kind = 'unit'
        and r.unit_id = c.ancestor_id and (r.include_subunits or c.depth = 0)
      where p.organisation_id = ${organisationId} and p.id in (${ids})
  `.execute(db);
  return result.rows.map((row) => ({
    personId: row.person_id,
    profileId: row.profile_id,
    source: row.source as AssignmentRow['source'],
    ruleId: row.rule_id,
  }));
}

/** SQL condition: the person row aliased `p` has the profile (by hand or by a rule). */
export function personHasProfile(profileId: string): Expression<SqlBool> {
  return sql<SqlBool>`(
    exists (select 1 from person_role_profiles m where m.person_id = p.id and m.profile_id = ${profileId})
    or exists (select 1 from role_profile_rules r
                where r.profile_id = ${profileId} and r.kind = 'job_title'
                  and lower(r.job_title) = lower(p.job_title))
    or exists (select 1 from role_profile_rules r
                join org_unit_closure c on c.ancestor_id = r.unit_id
                where r.profile_id = ${profileId} and r.kind = 'unit'
                  and c.descendant_id = p.unit_id and (r.include_subunits or c.depth = 0))
  )`;
}

/** Active people per profile (by hand or by rule), for the organisation's profiles. */
export async function countPeopleByProfile(
  db: Executor,
  organisationId: string,
): Promise<Map<string, number>> {
  const result = await sql<{ profile_id: string; people: number }>`
    select profile_id, count(distinct person_id)::int as people from (
      select m.profile_id, m.person_id
        from person_role_profiles m join people p on p.id = m.person_id and p.is_active
        where m.organisation_id = ${organisationId}
      union all
      select r.profile_id, p.id
        from role_profile_rules r
        join people p on p.organisation_id = r.organisation_id and p.is_active
          and lower(p.job_title) = lower(r.job_title)
        where r.organisation_id = ${organisationId} and r.kind = 'job_title'
      union all
      select r.profile_id, p.id
        from role_profile_rules r
        join org_unit_closure c on c.ancestor_id = r.unit_id
        join people p on p.unit_id = c.descendant_id and p.is_active
        where r.organisation_id = ${organisationId} and r.kind = 'unit' and (r.include_subunits or c.depth = 0)
    ) assigned
    group by profile_id
  `.execute(db);
  return new Map(result.rows.map((row) => [row.profile_id, Number(row.people)]));
}
