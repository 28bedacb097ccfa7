import { z } from 'zod';
import { LocalizedTextSchema } from '../i18n.js';
import {
  ImportanceSchema,
  ProfileRuleInputSchema,
  RoleProfileTargetSchema,
} from '../role-profiles/role-profile.js';
import { defineEndpoint } from './contract.js';

export const ProfileRuleSchema = z.object({
  id: z.uuid(),
  kind: z.enum(['job_title', 'unit']),
  jobTitle: z.string().nullable(),
  unit: z.object({ id: z.uuid(), code: z.string(), name: z.string() }).nullable(),
  includeSubunits: z.boolean(),
});
export type ProfileRule = z.infer<typeof ProfileRuleSchema>;

export const RoleProfileSummarySchema = z.object({
  id: z.uuid(),
  name: LocalizedTextSchema,
  description: LocalizedTextSchema.nullable(),
  isExample: z.boolean(),
  frameworkVersion: z.object({
    id: z.uuid(),
    frameworkId: z.uuid(),
    frameworkName: LocalizedTextSchema,
    number: z.number().int(),
    isLatest: z.boolean(),
  }),
  targetCount: z.number().int(),
  peopleCount: z.number().int(),
  carriedFrom: z.object({ id: z.uuid(), versionNumber: z.number().int() }).nullable(),
});
export type RoleProfileSummary = z.infer<typeof RoleProfileSummarySchema>;

export const RoleProfileSchema = RoleProfileSummarySchema.extend({
  targets: z.array(RoleProfileTargetSchema),
  rules: z.array(ProfileRuleSchema),
});
export type RoleProfile = z.infer<typeof RoleProfileSchema>;

export const CreateRoleProfileInputSchema = z.object({
  frameworkVersionId: z.uuid(),
  name: LocalizedTextSchema,
  description: LocalizedTextSchema.nullable().optional(),
  /** Start from another profile's targets (same framework version). */
  copyFromProfileId: z.uuid().optional(),
});
export type CreateRoleProfileInput = z.infer<typeof CreateRoleProfileInputSchema>;

export const UpdateRoleProfileInputSchema = z.object({
  name: LocalizedTextSchema.optional(),
  description: LocalizedTextSchema.nullable().optional(),
});

export const SetTargetsInputSchema = z.object({
  targets: z.array(
    z.object({
      nodeId: z.uuid(),
      targetLevel: z.number().int().nullable(),
      importance: ImportanceSchema.default('essential'),
    }),
  ),
});

export const CarryForwardResultSchema = z.object({
  profile: RoleProfileSchema,
  notCarried: z.array(
    z.object({
      nodeId: z.uuid(),
      code: z.string(),
      name: LocalizedTextSchema,
      targetLevel: z.number().int().nullable(),
      reason: z.enum(['no_successor', 'several_successors', 'not_rated', 'level_not_on_scale']),
    }),
  ),
});
export type CarryForwardResult = z.infer<typeof CarryForwardResultSchema>;

const ProfileParams = z.object({ profileId: z.uuid() });

export const roleProfilesApi = {
  list: defineEndpoint({
    method: 'GET',
    path: '/api/v1/role-profiles',
    summary: "The organisation's role profiles",
    tags: ['role-profiles'],
    response: z.object({ items: z.array(RoleProfileSummarySchema) }),
    status: 200,
  }),
  get: defineEndpoint({
    method: 'GET',
    path: '/api/v1/role-profiles/:profileId',
    summary: 'A role profile with its targets and assignment rules',
    tags: ['role-profiles'],
    params: ProfileParams,
    response: RoleProfileSchema,
    status: 200,
  }),
  create: defineEndpoint({
    method: 'POST',
    path: '/api/v1/role-profiles',
    summary: 'Create a role profile on a framework version',
    tags: ['role-profiles'],
    body: CreateRoleProfileInputSchema,
    response: RoleProfileSchema,
    status: 201,
  }),
  update: defineEndpoint({
    method: 'PATCH',
    path: '/api/v1/role-profiles/:profileId',
    summary: 'Rename a role profile or change its description',
    tags: ['role-profiles'],
    params: ProfileParams,
    body: UpdateRoleProfileInputSchema,
    response: RoleProfileSchema,
    status: 200,
  }),
  remove: defineEndpoint({
    method: 'DELETE',
    path: '/api/v1/role-profiles/:profileId',
    summary: 'Delete a role profile (and its assignments)',
    tags: ['role-profiles'],
    params: ProfileParams,
    response: null,
    status: 204,
  }),
  setTargets: defineEndpoint({
    method: 'PUT',
    path: '/api/v1/role-profiles/:profileId/targets',
    summary: 'Replace the target levels; all or nothing',
    tags: ['role-profiles'],
    params: ProfileParams,
    body: SetTargetsInputSchema,
    response: RoleProfileSchema,
    status: 200,
  }),
  addRule: defineEndpoint({
    method: 'POST',
    path: '/api/v1/role-profiles/:profileId/rules',
    summary: 'Give the profile to everyone with a job title, or in a unit',
    tags: ['role-profiles'],
    params: ProfileParams,
    body: ProfileRuleInputSchema,
    response: RoleProfileSchema,
    status: 201,
  }),
  removeRule: defineEndpoint({
    method: 'DELETE',
    path: '/api/v1/role-profiles/:profileId/rules/:ruleId',
    summary: 'Remove an assignment rule',
    tags: ['role-profiles'],
    params: z.object({ profileId: z.uuid(), ruleId: z.uuid() }),
    response: RoleProfileSchema,
    status: 200,
  }),
  carryForward: defineEndpoint({
    method: 'POST',
    path: '/api/v1/role-profiles/:profileId/carry-forward',
    summary: 'Copy the profile to a newer version of its framework through node lineage',
    tags: ['role-profiles'],
    params: ProfileParams,
    body: z.object({ frameworkVersionId: z.uuid() }),
    response: CarryForwardResultSchema,
    status: 201,
  }),
};
