import { authApi, UnauthenticatedError } from '@evne/core';
import type { FastifyInstance } from 'fastify';
import { clearSessionCookie, SESSION_COOKIE, setSessionCookie } from '../http/auth.js';
import { actorOf, route } from '../http/route.js';
import type { AuthService } from '../services/auth.service.js';

export function authRoutes(
  app: FastifyInstance,
  deps: {
    auth: AuthService;
    cookieSecure: boolean;
    sessionHours: number;
    signInAttemptsPerMinute: number;
  },
): void {
  const { auth } = deps;

  route(
    app,
    authApi.login,
    async ({ body, reply }) => {
      const { token, session } = await auth.login(body);
      setSessionCookie(reply, token, {
        secure: deps.cookieSecure,
        maxAgeSeconds: deps.sessionHours * 3600,
      });
      return session;
    },
    {
      // Slows password guessing: per address and account, a handful of attempts a minute.
      rateLimit: {
        max: deps.signInAttemptsPerMinute,
        timeWindow: '1 minute',
        keyGenerator: (request) => {
          const email = (request.body as { email?: unknown } | undefined)?.email;
          return `${request.ip}|${typeof email === 'string' ? email.toLowerCase() : ''}`;
        },
      },
    },
  );

  route(app, authApi.logout, async ({ request, reply }) => {
    const token = request.cookies[SESSION_COOKIE];
    if (token) {
      await auth.logout(token);
    }
    clearSessionCookie(reply, deps.cookieSecure);
    return undefined;
  });

  route(app, authApi.session, async ({ request }) => {
    const token = request.cookies[SESSION_COOKIE];
    const resolved = token ? await auth.resolve(token) : undefined;
    if (!resolved) {
      throw new UnauthenticatedError();
    }
    return resolved.session;
  });

  route(app, authApi.updatePreferences, async ({ request, body }) => {
    const token = request.cookies[SESSION_COOKIE] ?? '';
    return auth.setLocale(actorOf(request), token, body.locale);
  });
}
