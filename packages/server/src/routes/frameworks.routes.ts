import {
  ExportQuerySchema,
  FRAMEWORK_EXPORT_PATH,
  frameworksApi,
  ValidationError,
} from '@evne/core';
import type { FastifyInstance } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import { z } from 'zod';
import { actorOf, route } from '../http/route.js';
import type { Clock } from '../adapters/clock.js';
import {
  exportFrameworkFile,
  importIssuesMessage,
  parseFrameworkFile,
} from '../services/framework-files.js';
import type { FrameworksService } from '../services/frameworks.service.js';

export function frameworksRoutes(
  app: FastifyInstance,
  deps: { frameworks: FrameworksService; clock: Clock },
): void {
  const { frameworks } = deps;

  route(app, frameworksApi.list, async ({ request }) => ({
    items: await frameworks.list(actorOf(request)),
  }));
  route(app, frameworksApi.get, async ({ request, params }) =>
    frameworks.get(actorOf(request), params.frameworkId),
  );
  route(app, frameworksApi.adapt, async ({ request, params, body }) =>
    frameworks.adapt(actorOf(request), params.frameworkId, body),
  );
  route(app, frameworksApi.createDraft, async ({ request, params }) =>
    frameworks.createDraft(actorOf(request), params.frameworkId),
  );
  route(app, frameworksApi.import, async ({ request, body }) => {
    const parsed = await parseFrameworkFile(body);
    if (!parsed.ok) {
      throw new ValidationError(
        'framework_import_invalid',
        importIssuesMessage(parsed.issues),
        parsed.issues,
      );
    }
    return frameworks.importDocument(actorOf(request), parsed.value, {
      publish: body.publish === true,
    });
  });
  route(app, frameworksApi.getVersion, async ({ request, params }) =>
    frameworks.getVersion(actorOf(request), params.versionId),
  );
  route(app, frameworksApi.updateVersion, async ({ request, params, body }) =>
    frameworks.updateVersion(actorOf(request), params.versionId, body),
  );
  route(app, frameworksApi.deleteDraft, async ({ request, params }) => {
    await frameworks.deleteDraft(actorOf(request), params.versionId);
    return undefined;
  });
  route(app, frameworksApi.publish, async ({ request, params }) =>
    frameworks.publish(actorOf(request), params.versionId),
  );
  route(app, frameworksApi.createNode, async ({ request, params, body }) =>
    frameworks.createNode(actorOf(request), params.versionId, body),
  );
  route(app, frameworksApi.updateNode, async ({ request, params, body }) =>
    frameworks.updateNode(actorOf(request), params.versionId, params.nodeId, body),
  );
  route(app, frameworksApi.deleteNode, async ({ request, params }) =>
    frameworks.deleteNode(actorOf(request), params.versionId, params.nodeId),
  );

  app.withTypeProvider<ZodTypeProvider>().get(
    FRAMEWORK_EXPORT_PATH,
    {
      schema: {
        summary: 'Download a version as JSON, CASE 1.1, CSV or XLSX',
        tags: ['frameworks'],
        params: z.object({ versionId: z.uuid() }),
        querystring: ExportQuerySchema,
      },
    },
    async (request, reply) => {
      const actor = actorOf(request);
      const version = await frameworks.getVersion(actor, request.params.versionId);
      const document = await frameworks.exportDocument(actor, request.params.versionId);
      const file = await exportFrameworkFile(document, request.query.format, {
        versionId: version.id,
        versionNumber: version.number,
        baseUri: `${request.protocol}://${request.host}/api/v1/case`,
        now: deps.clock.now(),
      });
      return reply
        .header('content-type', file.contentType)
        .header('content-disposition', `attachment; filename="${file.fileName}"`)
        .send(file.body);
    },
  );
}
