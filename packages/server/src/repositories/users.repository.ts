import { sql } from 'kysely';
import type { Executor } from '../db/database.js';

export interface UserRecord {
  id: string;
  email: string;
  name: string;
  passwordHash: string | null;
  locale: string | null;
  isDisabled: boolean;
}

export interface MembershipRecord {
  organisationId: string;
  organisationSlug: string;
  role: string;
}

const userColumns = ['id', 'email', 'name', 'password_hash', 'locale', 'disabled_at'] as const;

function toUser(row: {
  id: string;
  email: string;
  name: string;
  password_hash: string | null;
  locale: string | null;
  disabled_at: Date | null;
}): UserRecord {
  return {
    id: row.id,
    email: row.email,
    name: row.name,
    passwordHash: row.password_hash,
    locale: row.locale,
    isDisabled: row.disabled_at !== null,
  };
}

export async function findUserByEmail(
  db: Executor,
  email: string,
): Promise<UserRecord | undefined> {
  const row = await db
    .selectFrom('users')
    .select(userColumns)
    .where(sql`lower(email)`, '=', email.toLowerCase())
    .executeTakeFirst();
  return row ? toUser(row) : undefined;
}

export async function findUserById(db: Executor, id: string): Promise<UserRecord | undefined> {
  const row = await db
    .selectFrom('users')
    .select(userColumns)
    .where('id', '=', id)
    .executeTakeFirst();
  return row ? toUser(row) : undefined;
}

export async function insertUser(
  db: Executor,
  values: { email: string; name: string; passwordHash: string; locale?: string | null },
): Promise<UserRecord> {
  const row = await db
    .insertInto('users')
    .values({
      email: values.email,
      name: values.name,
      password_hash: values.passwordHash,
      locale: values.locale ?? null,
    })
    .returning(userColumns)
    .executeTakeFirstOrThrow();
  return toUser(row);
}

export async function updateUserPassword(
  db: Executor,
  userId: string,
  passwordHash: string,
  name?: string,
): Promise<void> {
  await db
    .updateTable('users')
    .set({ password_hash: passwordHash, disabled_at: null, ...(name ? { name } : {}) })
    .where('id', '=', userId)
    .execute();
}

export async function updateUserLocale(
  db: Executor,
  userId: string,
  locale: string,
): Promise<void> {
  await db.updateTable('users').set({ locale }).where('id', '=', userId).execute();
}

export async function listMemberships(db: Executor, userId: string): Promise<MembershipRecord[]> {
  const rows = await db
    .selectFrom('memberships')
    .innerJoin('organisations', 'organisations.id', 'memberships.organisation_id')
    .select(['memberships.organisation_id', 'organisations.slug', 'memberships.role'])
    .where('memberships.user_id', '=', userId)
    .orderBy('memberships.created_at')
    .execute();
  return rows.map((row) => ({
    organisationId: row.organisation_id,
    organisationSlug: row.slug,
    role: row.role,
  }));
}

export async function upsertMembership(
  db: Executor,
  values: { organisationId: string; userId: string; role: string },
): Promise<void> {
  await db
    .insertInto('memberships')
    .values({ organisation_id: values.organisationId, user_id: values.userId, role: values.role })
    .onConflict((oc) =>
      oc.columns(['organisation_id', 'user_id']).doUpdateSet({ role: values.role }),
    )
    .execute();
}
