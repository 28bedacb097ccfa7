import { organisationApi } from '@evne/core';
import type { FastifyInstance } from 'fastify';
import { actorOf, route } from '../http/route.js';
import type { OrganisationService } from '../services/organisation.service.js';

export function organisationRoutes(
  app: FastifyInstance,
  deps: { organisation: OrganisationService },
): void {
  const { organisation } = deps;
  route(app, organisationApi.listUnits, async ({ request }) => ({
    items: await organisation.listUnits(actorOf(request)),
  }));
  route(app, organisationApi.getUnit, async ({ request, params }) =>
    organisation.getUnit(actorOf(request), params.unitId),
  );
  route(app, organisationApi.createUnit, async ({ request, body }) =>
    organisation.createUnit(actorOf(request), body),
  );
  route(app, organisationApi.updateUnit, async ({ request, params, body }) =>
    organisation.updateUnit(actorOf(request), params.unitId, body),
  );
  route(app, organisationApi.listPeople, async ({ request, query }) =>
    organisation.listPeople(actorOf(request), query),
  );
  route(app, organisationApi.getPerson, async ({ request, params }) =>
    organisation.getPerson(actorOf(request), params.personId),
  );
  route(app, organisationApi.updatePerson, async ({ request, params, body }) =>
    organisation.updatePerson(actorOf(request), params.personId, body),
  );
  route(app, organisationApi.assignProfile, async ({ request, params, body }) =>
    organisation.assignProfile(actorOf(request), params.personId, body.profileId),
  );
  route(app, organisationApi.unassignProfile, async ({ request, params }) =>
    organisation.unassignProfile(actorOf(request), params.personId, params.profileId),
  );
  route(app, organisationApi.createImport, async ({ request, body }) =>
    organisation.imports.create(actorOf(request), body),
  );
  route(app, organisationApi.getImport, async ({ request, params }) =>
    organisation.imports.get(actorOf(request), params.importId),
  );
  route(app, organisationApi.replanImport, async ({ request, params, body }) =>
    organisation.imports.replan(actorOf(request), params.importId, body),
  );
  route(app, organisationApi.applyImport, async ({ request, params }) =>
    organisation.imports.apply(actorOf(request), params.importId),
  );
}
