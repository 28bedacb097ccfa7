import { timingSafeEqual } from 'node:crypto';
import { ForbiddenError, UnauthenticatedError } from '@evne/core';
import type { FastifyInstance, FastifyReply, FastifyRequest } from 'fastify';
import type { AuthService } from '../services/auth.service.js';

export const SESSION_COOKIE = 'evne_session';
export const CSRF_HEADER = 'x-csrf-token';

const SAFE_METHODS = new Set(['GET', 'HEAD', 'OPTIONS']);

function sameToken(a: string, b: string): boolean {
  const left = Buffer.from(a);
  const right = Buffer.from(b);
  return left.length === right.length && timingSafeEqual(left, right);
}

/**
 * Resolves the session cookie to an actor on every API request, refuses unauthenticated calls
 * to non-public routes, and checks the CSRF token (sent back in a header) on every change.
 */
export function registerAuth(app: FastifyInstance, auth: AuthService): void {
  app.decorateRequest('actor', null);
  app.addHook('preHandler', async (request: FastifyRequest) => {
    if (!request.url.startsWith('/api/v1/')) {
      return;
    }
    const token = request.cookies[SESSION_COOKIE];
    const resolved = token ? await auth.resolve(token) : undefined;
    const isPublic = request.routeOptions.config.isPublic === true;
    if (!resolved) {
      if (!isPublic) {
        throw new UnauthenticatedError();
      }
      return;
    }
    // Public routes do not act on the session (sign-in, or a personal link's own token), so the
    // session's CSRF token is not asked for there.
    if (!SAFE_METHODS.has(request.method) && !isPublic) {
      const sent = request.headers[CSRF_HEADER];
      if (typeof sent !== 'string' || !sameToken(sent, resolved.session.csrfToken)) {
        throw new ForbiddenError('Missing or wrong CSRF token', 'csrf_token_invalid');
      }
    }
    request.actor = resolved.actor;
  });
}

export function setSessionCookie(
  reply: FastifyReply,
  token: string,
  options: { secure: boolean; maxAgeSeconds: number },
) {
  void reply.setCookie(SESSION_COOKIE, token, {
    httpOnly: true,
    sameSite: 'lax',
    secure: options.secure,
    path: '/',
    maxAge: options.maxAgeSeconds,
  });
}

export function clearSessionCookie(reply: FastifyReply, secure: boolean) {
  void reply.clearCookie(SESSION_COOKIE, { path: '/', httpOnly: true, sameSite: 'lax', secure });
}
