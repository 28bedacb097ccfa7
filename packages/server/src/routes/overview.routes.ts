import { overviewApi } from '@evne/core';
import type { FastifyInstance, FastifyReply } from 'fastify';
import { systemClock, type Clock } from '../adapters/clock.js';
import { actorOf, route } from '../http/route.js';
import {
  createOverviewExportService,
  type OverviewExportFile,
} from '../services/overview-export.service.js';
import type { OverviewService } from '../services/overview.service.js';

/** RFC 5987 encoding for `filename*`. */
const encodeFileName = (value: string): string =>
  encodeURIComponent(value).replace(
    /['()*]/g,
    (char) => `%${char.charCodeAt(0).toString(16).toUpperCase()}`,
  );

/** A download: sent as is, not through the JSON serializer, and never cached. */
function download<Body extends Buffer | string>(
  reply: FastifyReply,
  file: OverviewExportFile<Body>,
): Body {
  void reply
    .type(file.contentType)
    .header(
      'content-disposition',
      `attachment; filename="${file.fileName}"; filename*=UTF-8''${encodeFileName(file.fileNameUtf8)}`,
    )
    .header('cache-control', 'no-store');
  return file.body;
}

/** The organisation's competence picture per campaign (admins; managers for their units). */
export function overviewRoutes(
  app: FastifyInstance,
  deps: { overview: OverviewService; clock?: Clock },
): void {
  const exports = createOverviewExportService({
    overview: deps.overview,
    clock: deps.clock ?? systemClock,
  });
  route(app, overviewApi.listCampaigns, async ({ request, query }) => ({
    items: await deps.overview.listCampaigns(actorOf(request), query.locale),
  }));
  route(app, overviewApi.compare, async ({ request, params, query }) =>
    deps.overview.compare(actorOf(request), params.campaignId, query),
  );
  route(app, overviewApi.overview, async ({ request, params, query }) =>
    deps.overview.overview(actorOf(request), params.campaignId, query),
  );
  route(app, overviewApi.exportXlsx, async ({ request, reply, params, query }) =>
    download(reply, await exports.xlsx(actorOf(request), params.campaignId, query)),
  );
  route(app, overviewApi.exportCsv, async ({ request, reply, params, query }) =>
    download(reply, await exports.csv(actorOf(request), params.campaignId, query)),
  );
  route(app, overviewApi.exportPdf, async ({ request, reply, params, query }) =>
    download(reply, await exports.pdf(actorOf(request), params.campaignId, query)),
  );
}
