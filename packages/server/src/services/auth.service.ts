import { hashToken, newToken } from '../adapters/tokens.js';
import {
  ForbiddenError,
  LocaleSchema,
  RoleSchema,
  UnauthenticatedError,
  ValidationError,
  type Actor,
  type Locale,
  type LoginInput,
  type Session,
} from '@evne/core';
import type { Kysely } from 'kysely';
import type { Clock } from '../adapters/clock.js';
import { hashPassword, verifyPassword } from '../adapters/passwords.js';
import type { Database } from '../db/database.js';
import { recordAuditEvent } from '../repositories/audit.repository.js';
import {
  findOrganisationById,
  findOrganisationBySlug,
} from '../repositories/organisations.repository.js';
import { findPersonIdForUser } from '../repositories/people.repository.js';
import {
  deleteExpiredSessions,
  deleteSession,
  findLiveSession,
  insertSession,
} from '../repositories/sessions.repository.js';
import {
  findUserByEmail,
  findUserById,
  insertUser,
  listMemberships,
  updateUserLocale,
  updateUserPassword,
  upsertMembership,
} from '../repositories/users.repository.js';

export { hashToken, newToken };

// Verified against when the email is unknown, so that a wrong email costs as long as a wrong password.
let dummyHash: Promise<string> | undefined;

export interface AuthService {
  login(input: LoginInput): Promise<{ token: string; session: Session }>;
  resolve(token: string): Promise<{ actor: Actor; session: Session } | undefined>;
  logout(token: string): Promise<void>;
  setLocale(actor: Actor, token: string, locale: Locale): Promise<Session>;
  ensureUser(input: {
    email: string;
    name: string;
    password: string;
    organisationSlug: string;
    role: Actor['role'];
  }): Promise<{ userId: string; created: boolean }>;
}

/** How long a resolved session is reused without reading the database again. */
const SESSION_CACHE_MS = 10_000;

export function createAuthService(deps: {
  db: Kysely<Database>;
  clock: Clock;
  sessionHours: number;
}): AuthService {
  const { db, clock } = deps;
  // Short-lived, so that polling (e.g. an import's progress while PGlite's one connection is
  // busy applying it) does not wait for the database; sign-out clears it at once.
  const cache = new Map<string, { until: number; value: { actor: Actor; session: Session } }>();

  async function buildSession(userId: string, organisationId: string, csrfToken: string) {
    const user = await findUserById(db, userId);
    const organisation = await findOrganisationById(db, organisationId);
    const membership = (await listMemberships(db, userId)).find(
      (m) => m.organisationId === organisationId,
    );
    if (!user || user.isDisabled || !organisation || !membership) {
      return undefined;
    }
    const role = RoleSchema.parse(membership.role);
    const locale = LocaleSchema.safeParse(user.locale);
    const session: Session = {
      user: {
        id: user.id,
        email: user.email,
        name: user.name,
        locale: locale.success ? locale.data : null,
      },
      organisation: {
        id: organisation.id,
        slug: organisation.slug,
        name: organisation.name,
        anonymityThreshold: organisation.anonymityThreshold,
      },
      role,
      personId: await findPersonIdForUser(db, organisation.id, user.id),
      csrfToken,
    };
    const actor: Actor = { userId: user.id, organisationId: organisation.id, role };
    return { actor, session };
  }

  return {
    async login(input) {
      const user = await findUserByEmail(db, input.email);
      dummyHash ??= hashPassword(newToken());
      const ok =
        user?.passwordHash != null && !user.isDisabled
          ? await verifyPassword(user.passwordHash, input.password)
          : (await verifyPassword(await dummyHash, input.password), false);
      if (!user || !ok) {
        throw new UnauthenticatedError('Wrong email or password', 'invalid_credentials');
      }
      const memberships = await listMemberships(db, user.id);
      const membership =
        input.organisation === undefined
          ? memberships[0]
          : memberships.find((m) => m.organisationSlug === input.organisation);
      if (!membership) {
        throw new ForbiddenError(
          'This account has no access to that organisation',
          'no_membership',
        );
      }
      await deleteExpiredSessions(db, clock.now());
      const token = newToken();
      const csrfToken = newToken();
      await insertSession(db, {
        idHash: hashToken(token),
        userId: user.id,
        organisationId: membership.organisationId,
        csrfToken,
        expiresAt: new Date(clock.now().getTime() + deps.sessionHours * 3_600_000),
      });
      await recordAuditEvent(db, {
        organisationId: membership.organisationId,
        actorUserId: user.id,
        action: 'auth.login',
        subjectType: 'user',
        subjectId: user.id,
      });
      const built = await buildSession(user.id, membership.organisationId, csrfToken);
      if (!built) {
        throw new UnauthenticatedError('Wrong email or password', 'invalid_credentials');
      }
      return { token, session: built.session };
    },

    async resolve(token) {
      const key = hashToken(token);
      const now = clock.now();
      const cached = cache.get(key);
      if (cached && cached.until > now.getTime()) {
        return cached.value;
      }
      const record = await findLiveSession(db, key, now);
      if (!record) {
        cache.delete(key);
        return undefined;
      }
      const built = await buildSession(record.userId, record.organisationId, record.csrfToken);
      if (built) {
        if (cache.size > 10_000) {
          cache.clear();
        }
        cache.set(key, {
          until: Math.min(now.getTime() + SESSION_CACHE_MS, record.expiresAt.getTime()),
          value: built,
        });
      }
      return built;
    },

    async logout(token) {
      cache.delete(hashToken(token));
      await deleteSession(db, hashToken(token));
    },

    async setLocale(actor, token, locale) {
      await updateUserLocale(db, actor.userId, locale);
      cache.delete(hashToken(token));
      const resolved = await this.resolve(token);
      if (!resolved) {
        throw new UnauthenticatedError();
      }
      return resolved.session;
    },

    async ensureUser(input) {
      if (input.password.length < 10) {
        throw new ValidationError(
          'weak_password',
          'The password must be at least 10 characters long',
        );
      }
      return db.transaction().execute(async (trx) => {
        const organisation = await findOrganisationBySlug(trx, input.organisationSlug);
        if (!organisation) {
          throw new ValidationError(
            'organisation_not_found',
            `No organisation "${input.organisationSlug}"`,
          );
        }
        const passwordHash = await hashPassword(input.password);
        const existing = await findUserByEmail(trx, input.email);
        let userId: string;
        if (existing) {
          await updateUserPassword(trx, existing.id, passwordHash, input.name);
          userId = existing.id;
        } else {
          userId = (await insertUser(trx, { email: input.email, name: input.name, passwordHash }))
            .id;
        }
        await upsertMembership(trx, { organisationId: organisation.id, userId, role: input.role });
        await recordAuditEvent(trx, {
          organisationId: organisation.id,
          actorUserId: null,
          action: existing ? 'user.updated' : 'user.created',
          subjectType: 'user',
          subjectId: userId,
          data: { role: input.role },
        });
        return { userId, created: !existing };
      });
    },
  };
}
