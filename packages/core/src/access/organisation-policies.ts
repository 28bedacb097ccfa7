import { ForbiddenError } from '../errors.js';
import type { Actor } from './framework-policies.js';

/**
 * Which people an actor may see. An organisation admin sees everyone; a manager sees the units
 * they lead (with everything under them) and their direct reports, and themself; an employee
 * sees only themself.
 */
export type PeopleScope =
  | { kind: 'all' }
  | { kind: 'managed'; personId: string; unitIds: readonly string[] }
  | { kind: 'self'; personId: string | null };

export function peopleScopeFor(
  actor: Actor,
  context: { personId: string | null; managedUnitIds: readonly string[] },
): PeopleScope {
  if (actor.role === 'admin') {
    return { kind: 'all' };
  }
  if (actor.role === 'manager' && context.personId !== null) {
    return { kind: 'managed', personId: context.personId, unitIds: context.managedUnitIds };
  }
  return { kind: 'self', personId: context.personId };
}

/** Only an organisation admin changes units and people or imports them. */
export function assertCanManageOrganisation(actor: Actor): void {
  if (actor.role !== 'admin') {
    throw new ForbiddenError(
      'Only an organisation admin can change the organisation',
      'admin_only',
    );
  }
}
