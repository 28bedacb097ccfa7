import { ConflictError, ForbiddenError } from '../errors.js';
import type { Role } from '../organisations/roles.js';

/** Who is asking: a signed-in user acting within one organisation. */
export interface Actor {
  userId: string;
  organisationId: string;
  role: Role;
  /** True for the command-line tool acting with an operator's authority, not a signed-in user. */
  isSystem?: boolean;
}

/** The user id to record in the audit trail (none for the command-line tool). */
export function auditUserId(actor: Actor): string | null {
  return actor.isSystem === true ? null : actor.userId;
}

/** What a policy needs to know about a framework. `organisationId` null means shipped with Evne. */
export interface FrameworkOwnership {
  organisationId: string | null;
}

/** Every member may read shipped frameworks and their own organisation's. */
export function canReadFramework(actor: Actor, framework: FrameworkOwnership): boolean {
  return framework.organisationId === null || framework.organisationId === actor.organisationId;
}

/** Only an organisation admin changes frameworks, and only their own organisation's. */
export function canChangeFramework(actor: Actor, framework: FrameworkOwnership): boolean {
  return actor.role === 'admin' && framework.organisationId === actor.organisationId;
}

/** Throws unless the actor is an admin (adapting and importing frameworks). */
export function assertAdmin(actor: Actor): void {
  if (actor.role !== 'admin') {
    throw new ForbiddenError('Only an organisation admin can do this', 'admin_only');
  }
}

export function assertCanChangeFramework(actor: Actor, framework: FrameworkOwnership): void {
  if (framework.organisationId === null) {
    throw new ForbiddenError(
      'Frameworks shipped with Evne cannot be changed; adapt a copy instead',
      'framework_shipped_read_only',
    );
  }
  if (!canChangeFramework(actor, framework)) {
    throw new ForbiddenError('Only an organisation admin can change this framework', 'admin_only');
  }
}

/** A published version never changes. */
export function assertVersionEditable(version: { status: 'draft' | 'published' }): void {
  if (version.status !== 'draft') {
    throw new ConflictError(
      'framework_version_published',
      'This version is published and can no longer change; start a new draft',
    );
  }
}
