import { randomBytes } from 'node:crypto';
import type { Role } from '@evne/core';
import {
  insertOrganisation,
  type OrganisationRecord,
} from '../src/repositories/organisations.repository.js';
import { installShippedFrameworks } from '../src/seed/seed.js';
import type { TestApp, TestClient } from './test-app.js';
import { signIn } from './test-app.js';

export const TEST_PASSWORD = 'correct horse battery staple';

/** A new organisation with a unique slug. */
export async function buildOrganisation(
  testApp: TestApp,
  overrides: { name?: string; anonymityThreshold?: number } = {},
): Promise<OrganisationRecord> {
  const suffix = randomBytes(4).toString('hex');
  return insertOrganisation(testApp.database.db, {
    slug: `org-${suffix}`,
    name: overrides.name ?? `Test organisation ${suffix}`,
    ...(overrides.anonymityThreshold !== undefined
      ? { anonymityThreshold: overrides.anonymityThreshold }
      : {}),
  });
}

/** A user with a role in the organisation (creating the organisation if none is given), signed in. */
export async function buildSignedInUser(
  testApp: TestApp,
  options: { organisation?: OrganisationRecord; role?: Role } = {},
): Promise<{
  organisation: OrganisationRecord;
  client: TestClient;
  email: string;
  userId: string;
}> {
  const organisation = options.organisation ?? (await buildOrganisation(testApp));
  const email = `user-${randomBytes(4).toString('hex')}@example.org`;
  const { userId } = await testApp.services.auth.ensureUser({
    email,
    name: 'Test User',
    password: TEST_PASSWORD,
    organisationSlug: organisation.slug,
    role: options.role ?? 'admin',
  });
  const client = await signIn(testApp.app, email, TEST_PASSWORD);
  return { organisation, client, email, userId };
}

/** Loads the shipped frameworks once into this test database. */
export async function withShippedFrameworks(testApp: TestApp): Promise<void> {
  await installShippedFrameworks(testApp.services.frameworks);
}
