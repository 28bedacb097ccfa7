import { campaignsApi } from '@evne/core';
import type { FastifyInstance } from 'fastify';
import { actorOf, route } from '../http/route.js';
import type { CampaignsService } from '../services/campaigns.service.js';

export function campaignsRoutes(app: FastifyInstance, deps: { campaigns: CampaignsService }): void {
  const { campaigns } = deps;
  route(app, campaignsApi.listCampaigns, async ({ request }) => ({
    items: await campaigns.list(actorOf(request)),
  }));
  route(app, campaignsApi.getCampaign, async ({ request, params }) =>
    campaigns.get(actorOf(request), params.campaignId),
  );
  route(app, campaignsApi.createCampaign, async ({ request, body }) =>
    campaigns.create(actorOf(request), body),
  );
  route(app, campaignsApi.updateCampaign, async ({ request, params, body }) =>
    campaigns.update(actorOf(request), params.campaignId, body),
  );
  route(app, campaignsApi.scheduleCampaign, async ({ request, params }) =>
    campaigns.schedule(actorOf(request), params.campaignId),
  );
  route(app, campaignsApi.closeCampaign, async ({ request, params }) =>
    campaigns.close(actorOf(request), params.campaignId),
  );
  route(app, campaignsApi.sendInvitations, async ({ request, params }) =>
    campaigns.sendInvitations(actorOf(request), params.campaignId),
  );
  route(app, campaignsApi.exportLinks, async ({ request, reply, params }) => {
    const { csv, rotatedLinks } = await campaigns.exportLinks(actorOf(request), params.campaignId);
    // A text/csv body is sent as is, not through the JSON serializer.
    void reply
      .type('text/csv; charset=utf-8')
      .header('content-disposition', 'attachment; filename="invitation-links.csv"')
      .header('cache-control', 'no-store')
      .header('x-evne-rotated-links', String(rotatedLinks));
    return csv;
  });
  route(app, campaignsApi.sendReminders, async ({ request, params }) =>
    campaigns.sendReminders(actorOf(request), params.campaignId),
  );
  route(app, campaignsApi.campaignStatus, async ({ request, params }) =>
    campaigns.status(actorOf(request), params.campaignId),
  );
  route(app, campaignsApi.listOutbox, async ({ request, query }) =>
    campaigns.listOutbox(actorOf(request), query),
  );
}
