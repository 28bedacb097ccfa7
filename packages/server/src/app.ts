import { existsSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import fastifyCookie from '@fastify/cookie';
import fastifyRateLimit from '@fastify/rate-limit';
import fastifyStatic from '@fastify/static';
import fastifySwagger from '@fastify/swagger';
import fastifySwaggerUi from '@fastify/swagger-ui';
import Fastify, { type FastifyInstance } from 'fastify';
import {
  jsonSchemaTransform,
  serializerCompiler,
  validatorCompiler,
} from 'fastify-type-provider-zod';
import { z } from 'zod';
import { systemClock, type Clock } from './adapters/clock.js';
import type { Config } from './config/config.js';
import type { DatabaseHandle } from './db/connect.js';
import { registerAuth } from './http/auth.js';
import { registerProblemHandler } from './http/problem.js';
import { authRoutes } from './routes/auth.routes.js';
import { frameworksRoutes } from './routes/frameworks.routes.js';
import { organisationRoutes } from './routes/organisation.routes.js';
import { roleProfilesRoutes } from './routes/role-profiles.routes.js';
import { campaignsRoutes } from './routes/campaigns.routes.js';
import { respondRoutes } from './routes/respond.routes.js';
import { overviewRoutes } from './routes/overview.routes.js';
import { createAuthService, type AuthService } from './services/auth.service.js';
import { createFrameworksService, type FrameworksService } from './services/frameworks.service.js';
import {
  createOrganisationService,
  type OrganisationService,
} from './services/organisation.service.js';
import { createCampaignsService, type CampaignsService } from './services/campaigns.service.js';
import { createRespondService, type RespondService } from './services/respond.service.js';
import { createOverviewService, type OverviewService } from './services/overview.service.js';
import { createRollupChanges } from './services/rollup-changes.js';
import {
  createRoleProfilesService,
  type RoleProfilesService,
} from './services/role-profiles.service.js';

export const DEFAULT_WEB_DIST = path.resolve(
  path.dirname(fileURLToPath(import.meta.url)),
  '../../web/dist',
);

export interface Services {
  auth: AuthService;
  frameworks: FrameworksService;
  organisation: OrganisationService;
  roleProfiles: RoleProfilesService;
  campaigns: CampaignsService;
  respond: RespondService;
  overview: OverviewService;
}

export function createServices(
  handle: DatabaseHandle,
  config: Pick<Config, 'sessionHours'> &
    Partial<Pick<Config, 'smtpUrl' | 'mailFrom' | 'publicUrl'>>,
  clock: Clock,
): Services {
  // Writes that change rollups tell the overview's cache (see services/rollup-changes.ts).
  const rollupChanges = createRollupChanges();
  return {
    auth: createAuthService({ db: handle.db, clock, sessionHours: config.sessionHours }),
    frameworks: createFrameworksService({ db: handle.db, clock }),
    organisation: createOrganisationService({ db: handle.db, clock, rollupChanges }),
    roleProfiles: createRoleProfilesService({ db: handle.db, clock }),
    campaigns: createCampaignsService({ db: handle.db, clock, config }),
    respond: createRespondService({ db: handle.db, clock, config, rollupChanges }),
    overview: createOverviewService({ db: handle.db, clock, rollupChanges }),
  };
}

/** The composition root: wires services and routes; does not listen. */
export async function buildApp(options: {
  config: Config;
  database: DatabaseHandle;
  clock?: Clock;
  logger?: boolean;
}): Promise<{ app: FastifyInstance; services: Services }> {
  const { config, database } = options;
  const clock = options.clock ?? systemClock;
  const app = Fastify({
    logger: options.logger === false ? false : { level: config.logLevel },
    bodyLimit: 25 * 1024 * 1024,
    genReqId: () => crypto.randomUUID(),
    trustProxy: true,
  });
  app.setValidatorCompiler(validatorCompiler);
  app.setSerializerCompiler(serializerCompiler);
  registerProblemHandler(app);
  await app.register(fastifyCookie);
  await app.register(fastifyRateLimit, {
    global: false,
    // After body parsing, so that the sign-in limit can key on the account as well as the address.
    hook: 'preHandler',
    errorResponseBuilder: (_request, context) =>
      Object.assign(new Error(`Too many attempts; try again in ${context.after}`), {
        statusCode: 429,
        code: 'TOO_MANY_REQUESTS',
      }),
  });

  app.addHook('onSend', async (_request, reply, payload) => {
    reply.header('x-content-type-options', 'nosniff');
    reply.header('referrer-policy', 'same-origin');
    reply.header('x-frame-options', 'DENY');
    return payload;
  });

  await app.register(fastifySwagger, {
    openapi: {
      info: {
        title: 'Evne API',
        description:
          'Competence frameworks, organisations and mappings. Errors are RFC 9457 problem+json.',
        version: '1',
      },
    },
    transform: jsonSchemaTransform,
  });
  await app.register(fastifySwaggerUi, { routePrefix: '/api/docs' });

  const services = createServices(database, config, clock);
  registerAuth(app, services.auth);

  await app.register(async (api) => {
    api.withTypeProvider().get(
      '/api/v1/health',
      {
        config: { isPublic: true },
        schema: {
          summary: 'Liveness and database check',
          tags: ['system'],
          response: { 200: z.object({ status: z.literal('ok'), database: z.string() }) },
        },
      },
      async () => {
        await database.exec('select 1');
        return { status: 'ok' as const, database: database.engine };
      },
    );
    authRoutes(api, {
      auth: services.auth,
      cookieSecure: config.cookieSecure,
      sessionHours: config.sessionHours,
      signInAttemptsPerMinute: config.signInAttemptsPerMinute,
    });
    frameworksRoutes(api, { frameworks: services.frameworks, clock });
    organisationRoutes(api, { organisation: services.organisation });
    roleProfilesRoutes(api, { roleProfiles: services.roleProfiles });
    campaignsRoutes(api, { campaigns: services.campaigns });
    respondRoutes(api, { respond: services.respond });
    overviewRoutes(api, { overview: services.overview, clock });
  });

  const webDist = config.webDistDir ?? DEFAULT_WEB_DIST;
  if (existsSync(path.join(webDist, 'index.html'))) {
    await app.register(fastifyStatic, { root: webDist, wildcard: false, index: ['index.html'] });
    app.get(
      '/*',
      { config: { isPublic: true }, schema: { hide: true } },
      async (request, reply) => {
        const assetPath = path.join(webDist, decodeURIComponent(request.url.split('?')[0] ?? '/'));
        if (request.url.startsWith('/api/')) {
          return reply.callNotFound();
        }
        if (assetPath.startsWith(webDist) && existsSync(assetPath) && !assetPath.endsWith('/')) {
          return reply.sendFile(path.relative(webDist, assetPath));
        }
        return reply.type('text/html').sendFile('index.html');
      },
    );
  }
  return { app, services };
}
