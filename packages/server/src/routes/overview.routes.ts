import { overviewApi } from '@evne/core';
import type { FastifyInstance } from 'fastify';
import { actorOf, route } from '../http/route.js';
import type { OverviewService } from '../services/overview.service.js';

/** The organisation's competence picture per campaign (admins; managers for their units). */
export function overviewRoutes(app: FastifyInstance, deps: { overview: OverviewService }): void {
  route(app, overviewApi.listCampaigns, async ({ request, query }) => ({
    items: await deps.overview.listCampaigns(actorOf(request), query.locale),
  }));
  route(app, overviewApi.compare, async ({ request, params, query }) =>
    deps.overview.compare(actorOf(request), params.campaignId, query),
  );
  route(app, overviewApi.overview, async ({ request, params, query }) =>
    deps.overview.overview(actorOf(request), params.campaignId, query),
  );
}
