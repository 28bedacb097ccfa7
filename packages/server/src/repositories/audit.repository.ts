import { auditUserId, type Actor } from '@evne/core';
import type { Executor } from '../db/database.js';

export async function recordAuditEvent(
  db: Executor,
  event: {
    organisationId: string | null;
    actorUserId: string | null;
    action: string;
    subjectType: string;
    subjectId?: string | null;
    data?: unknown;
  },
): Promise<void> {
  await db
    .insertInto('audit_events')
    .values({
      organisation_id: event.organisationId,
      actor_user_id: event.actorUserId,
      action: event.action,
      subject_type: event.subjectType,
      subject_id: event.subjectId ?? null,
      data: event.data === undefined ? null : JSON.stringify(event.data),
    })
    .execute();
}

/** Records what a signed-in user (or the command-line tool) did in their organisation. */
export async function recordActorEvent(
  db: Executor,
  actor: Actor,
  event: { action: string; subjectType: string; subjectId?: string | null; data?: unknown },
): Promise<void> {
  await recordAuditEvent(db, {
    organisationId: actor.organisationId,
    actorUserId: auditUserId(actor),
    ...event,
  });
}
