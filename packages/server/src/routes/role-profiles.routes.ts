import { roleProfilesApi } from '@evne/core';
import type { FastifyInstance } from 'fastify';
import { actorOf, route } from '../http/route.js';
import type { RoleProfilesService } from '../services/role-profiles.service.js';

/** Registers the role-profile endpoints of the core contract. */
export function roleProfilesRoutes(
  app: FastifyInstance,
  deps: { roleProfiles: RoleProfilesService },
): void {
  const { roleProfiles } = deps;

  route(app, roleProfilesApi.list, async ({ request }) => ({
    items: await roleProfiles.list(actorOf(request)),
  }));
  route(app, roleProfilesApi.get, async ({ request, params }) =>
    roleProfiles.get(actorOf(request), params.profileId),
  );
  route(app, roleProfilesApi.create, async ({ request, body }) =>
    roleProfiles.create(actorOf(request), body),
  );
  route(app, roleProfilesApi.update, async ({ request, params, body }) =>
    roleProfiles.update(actorOf(request), params.profileId, body),
  );
  route(app, roleProfilesApi.remove, async ({ request, params }) => {
    await roleProfiles.remove(actorOf(request), params.profileId);
    return undefined;
  });
  route(app, roleProfilesApi.setTargets, async ({ request, params, body }) =>
    roleProfiles.setTargets(actorOf(request), params.profileId, body),
  );
  route(app, roleProfilesApi.addRule, async ({ request, params, body }) =>
    roleProfiles.addRule(actorOf(request), params.profileId, body),
  );
  route(app, roleProfilesApi.removeRule, async ({ request, params }) =>
    roleProfiles.removeRule(actorOf(request), params.profileId, params.ruleId),
  );
  route(app, roleProfilesApi.carryForward, async ({ request, params, body }) =>
    roleProfiles.carryForward(actorOf(request), params.profileId, body),
  );
}
