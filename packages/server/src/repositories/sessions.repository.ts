import type { Executor } from '../db/database.js';

export interface SessionRecord {
  userId: string;
  organisationId: string;
  csrfToken: string;
  expiresAt: Date;
}

export async function insertSession(
  db: Executor,
  values: {
    idHash: string;
    userId: string;
    organisationId: string;
    csrfToken: string;
    expiresAt: Date;
  },
): Promise<void> {
  await db
    .insertInto('sessions')
    .values({
      id_hash: values.idHash,
      user_id: values.userId,
      organisation_id: values.organisationId,
      csrf_token: values.csrfToken,
      expires_at: values.expiresAt,
    })
    .execute();
}

export async function findLiveSession(
  db: Executor,
  idHash: string,
  now: Date,
): Promise<SessionRecord | undefined> {
  const row = await db
    .selectFrom('sessions')
    .select(['user_id', 'organisation_id', 'csrf_token', 'expires_at'])
    .where('id_hash', '=', idHash)
    .where('expires_at', '>', now)
    .executeTakeFirst();
  return row
    ? {
        userId: row.user_id,
        organisationId: row.organisation_id,
        csrfToken: row.csrf_token,
        expiresAt: new Date(row.expires_at),
      }
    : undefined;
}

export async function deleteSession(db: Executor, idHash: string): Promise<void> {
  await db.deleteFrom('sessions').where('id_hash', '=', idHash).execute();
}

export async function deleteExpiredSessions(db: Executor, now: Date): Promise<void> {
  await db.deleteFrom('sessions').where('expires_at', '<=', now).execute();
}
