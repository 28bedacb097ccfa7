import type { Executor } from '../db/database.js';

export interface OrganisationRecord {
  id: string;
  slug: string;
  name: string;
  anonymityThreshold: number;
  defaultLocale: string;
  isDemo: boolean;
}

const columns = ['id', 'slug', 'name', 'anonymity_threshold', 'default_locale', 'is_demo'] as const;

function toRecord(row: {
  id: string;
  slug: string;
  name: string;
  anonymity_threshold: number;
  default_locale: string;
  is_demo: boolean;
}): OrganisationRecord {
  return {
    id: row.id,
    slug: row.slug,
    name: row.name,
    anonymityThreshold: row.anonymity_threshold,
    defaultLocale: row.default_locale,
    isDemo: row.is_demo,
  };
}

export async function findOrganisationBySlug(
  db: Executor,
  slug: string,
): Promise<OrganisationRecord | undefined> {
  const row = await db
    .selectFrom('organisations')
    .select(columns)
    .where('slug', '=', slug)
    .executeTakeFirst();
  return row ? toRecord(row) : undefined;
}

export async function findOrganisationById(
  db: Executor,
  id: string,
): Promise<OrganisationRecord | undefined> {
  const row = await db
    .selectFrom('organisations')
    .select(columns)
    .where('id', '=', id)
    .executeTakeFirst();
  return row ? toRecord(row) : undefined;
}

export async function insertOrganisation(
  db: Executor,
  values: {
    slug: string;
    name: string;
    isDemo?: boolean;
    defaultLocale?: string;
    anonymityThreshold?: number;
  },
): Promise<OrganisationRecord> {
  const row = await db
    .insertInto('organisations')
    .values({
      slug: values.slug,
      name: values.name,
      is_demo: values.isDemo ?? false,
      default_locale: values.defaultLocale ?? 'da',
      anonymity_threshold: values.anonymityThreshold ?? 5,
    })
    .returning(columns)
    .executeTakeFirstOrThrow();
  return toRecord(row);
}
