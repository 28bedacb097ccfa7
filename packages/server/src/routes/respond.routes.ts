import { respondApi } from '@evne/core';
import type { FastifyInstance } from 'fastify';
import { actorOf, route } from '../http/route.js';
import type { RespondService } from '../services/respond.service.js';

/** Answers and submits are small; a larger body is refused (413) before it is parsed. */
export const RESPOND_BODY_LIMIT = 256 * 1024;

/**
 * The respondent's routes. The `:token` routes are public: the link's token is the credential,
 * and no cookie is used, so they need no CSRF token.
 */
export function respondRoutes(app: FastifyInstance, deps: { respond: RespondService }): void {
  const { respond } = deps;
  route(app, respondApi.getQuestionnaire, async ({ params, query }) =>
    respond.getQuestionnaire(params.token, query.locale),
  );
  route(
    app,
    respondApi.saveAnswers,
    async ({ params, body }) => respond.saveAnswers(params.token, body),
    { bodyLimit: RESPOND_BODY_LIMIT },
  );
  route(
    app,
    respondApi.submit,
    async ({ params, query, body }) => respond.submit(params.token, body, query.locale),
    { bodyLimit: RESPOND_BODY_LIMIT },
  );
  route(app, respondApi.listMyAssessments, async ({ request, query }) => ({
    items: await respond.listMyAssessments(actorOf(request), query.locale),
  }));
}
