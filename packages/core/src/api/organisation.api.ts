import { z } from 'zod';
import { LocaleSchema, LocalizedTextSchema } from '../i18n.js';
import { ColumnMappingSchema, ImportKindSchema } from '../organisations/org-import.js';
import { defineEndpoint } from './contract.js';

export const OrgUnitSchema = z.object({
  id: z.uuid(),
  parentId: z.uuid().nullable(),
  code: z.string(),
  name: z.string(),
  isActive: z.boolean(),
  manager: z.object({ id: z.uuid(), name: z.string() }).nullable(),
  /** Active people placed directly in the unit. */
  peopleCount: z.number().int(),
  /** Active people in the unit and everything under it. */
  subtreePeopleCount: z.number().int(),
});
export type OrgUnit = z.infer<typeof OrgUnitSchema>;

export const PersonSummarySchema = z.object({
  id: z.uuid(),
  employeeNumber: z.string(),
  name: z.string(),
  email: z.string().nullable(),
  jobTitle: z.string().nullable(),
  unit: z.object({ id: z.uuid(), code: z.string(), name: z.string() }).nullable(),
  manager: z.object({ id: z.uuid(), name: z.string() }).nullable(),
  isActive: z.boolean(),
});
export type PersonSummary = z.infer<typeof PersonSummarySchema>;

export const ProfileAssignmentSchema = z.object({
  profileId: z.uuid(),
  name: LocalizedTextSchema,
  /** How the person got it: assigned by hand, or by a job-title or unit rule. */
  source: z.enum(['manual', 'job_title', 'unit']),
  ruleId: z.uuid().nullable(),
});
export type ProfileAssignment = z.infer<typeof ProfileAssignmentSchema>;

export const PersonDetailSchema = PersonSummarySchema.extend({
  locale: LocaleSchema.nullable(),
  hasAccount: z.boolean(),
  unitPath: z.array(z.object({ id: z.uuid(), code: z.string(), name: z.string() })),
  directReports: z.array(
    z.object({ id: z.uuid(), name: z.string(), jobTitle: z.string().nullable() }),
  ),
  profiles: z.array(ProfileAssignmentSchema),
  deactivatedAt: z.string().nullable(),
});
export type PersonDetail = z.infer<typeof PersonDetailSchema>;

export const OrgUnitDetailSchema = z.object({
  unit: OrgUnitSchema,
  path: z.array(z.object({ id: z.uuid(), code: z.string(), name: z.string() })),
  children: z.array(OrgUnitSchema),
  managers: z.array(z.object({ id: z.uuid(), name: z.string(), jobTitle: z.string().nullable() })),
});
export type OrgUnitDetail = z.infer<typeof OrgUnitDetailSchema>;

export const PeopleQuerySchema = z.object({
  q: z.string().trim().max(200).optional(),
  unitId: z.uuid().optional(),
  includeSubunits: z.enum(['true', 'false']).default('true'),
  status: z.enum(['active', 'inactive', 'all']).default('active'),
  jobTitle: z.string().max(200).optional(),
  profileId: z.uuid().optional(),
  page: z.coerce.number().int().min(1).max(100_000).default(1),
  pageSize: z.coerce.number().int().min(1).max(200).default(50),
});
export type PeopleQuery = z.infer<typeof PeopleQuerySchema>;

export const PeoplePageSchema = z.object({
  items: z.array(PersonSummarySchema),
  total: z.number().int(),
  page: z.number().int(),
  pageSize: z.number().int(),
});
export type PeoplePage = z.infer<typeof PeoplePageSchema>;

export const UpdatePersonInputSchema = z.object({
  name: z.string().trim().min(1).max(300).optional(),
  email: z.email().nullable().optional(),
  unitId: z.uuid().nullable().optional(),
  managerId: z.uuid().nullable().optional(),
  jobTitle: z.string().trim().max(300).nullable().optional(),
  locale: LocaleSchema.nullable().optional(),
  isActive: z.boolean().optional(),
});
export type UpdatePersonInput = z.infer<typeof UpdatePersonInputSchema>;

export const CreateOrgUnitInputSchema = z.object({
  parentId: z.uuid().nullable(),
  code: z.string().trim().min(1).max(100),
  name: z.string().trim().min(1).max(300),
});
export type CreateOrgUnitInput = z.infer<typeof CreateOrgUnitInputSchema>;

export const UpdateOrgUnitInputSchema = z.object({
  name: z.string().trim().min(1).max(300).optional(),
  parentId: z.uuid().nullable().optional(),
  managerPersonId: z.uuid().nullable().optional(),
});
export type UpdateOrgUnitInput = z.infer<typeof UpdateOrgUnitInputSchema>;

const ChangeSchema = z.object({
  key: z.string(),
  name: z.string(),
  line: z.number().int().optional(),
  fields: z.record(z.string(), z.tuple([z.string().nullable(), z.string().nullable()])).optional(),
});

/** A dry run: what applying the file would do, and every problem. Lists are capped; counts are not. */
export const ImportPreviewSchema = z.object({
  added: z.object({ count: z.number().int(), sample: z.array(ChangeSchema) }),
  changed: z.object({ count: z.number().int(), sample: z.array(ChangeSchema) }),
  moved: z.object({ count: z.number().int(), sample: z.array(ChangeSchema) }),
  deactivated: z.object({ count: z.number().int(), sample: z.array(ChangeSchema) }),
  reactivated: z.object({ count: z.number().int(), sample: z.array(ChangeSchema) }),
  unchanged: z.number().int(),
  rowCount: z.number().int(),
});
export type ImportPreview = z.infer<typeof ImportPreviewSchema>;

export const ImportJobSchema = z.object({
  id: z.uuid(),
  kind: ImportKindSchema,
  fileName: z.string(),
  isFullImport: z.boolean(),
  headers: z.array(z.string()),
  mapping: ColumnMappingSchema,
  /** needs_mapping: choose columns; invalid: fix the file; ready: can be applied; applying; applied; failed. */
  status: z.enum(['needs_mapping', 'invalid', 'ready', 'applying', 'applied', 'failed']),
  issues: z.array(
    z.object({
      code: z.string(),
      message: z.string(),
      path: z.string().optional(),
      line: z.number().int().optional(),
      column: z.string().optional(),
      params: z.record(z.string(), z.union([z.string(), z.number()])).optional(),
    }),
  ),
  issueCount: z.number().int(),
  preview: ImportPreviewSchema.nullable(),
  progress: z
    .object({ phase: z.string(), done: z.number().int(), total: z.number().int() })
    .nullable(),
  error: z.string().nullable(),
});
export type ImportJob = z.infer<typeof ImportJobSchema>;

export const CreateImportInputSchema = z.object({
  kind: ImportKindSchema,
  format: z.enum(['csv', 'xlsx']),
  fileName: z.string().max(300),
  /** CSV text, or base64 of XLSX bytes. */
  content: z.string().max(60_000_000),
  mapping: ColumnMappingSchema.optional(),
  isFullImport: z.boolean().default(false),
});
export type CreateImportInput = z.infer<typeof CreateImportInputSchema>;

export const ReplanImportInputSchema = z.object({
  mapping: ColumnMappingSchema,
  isFullImport: z.boolean(),
});

const UnitParams = z.object({ unitId: z.uuid() });
const PersonParams = z.object({ personId: z.uuid() });
const ImportParams = z.object({ importId: z.uuid() });

export const organisationApi = {
  listUnits: defineEndpoint({
    method: 'GET',
    path: '/api/v1/org-units',
    summary: 'The unit tree the caller may see (admin: all; manager: the units they lead)',
    tags: ['organisation'],
    response: z.object({ items: z.array(OrgUnitSchema) }),
    status: 200,
  }),
  getUnit: defineEndpoint({
    method: 'GET',
    path: '/api/v1/org-units/:unitId',
    summary: 'A unit with its path, sub-units and managers',
    tags: ['organisation'],
    params: UnitParams,
    response: OrgUnitDetailSchema,
    status: 200,
  }),
  createUnit: defineEndpoint({
    method: 'POST',
    path: '/api/v1/org-units',
    summary: 'Add a unit',
    tags: ['organisation'],
    body: CreateOrgUnitInputSchema,
    response: OrgUnitDetailSchema,
    status: 201,
  }),
  updateUnit: defineEndpoint({
    method: 'PATCH',
    path: '/api/v1/org-units/:unitId',
    summary: 'Rename or move a unit, or set its manager',
    tags: ['organisation'],
    params: UnitParams,
    body: UpdateOrgUnitInputSchema,
    response: OrgUnitDetailSchema,
    status: 200,
  }),
  listPeople: defineEndpoint({
    method: 'GET',
    path: '/api/v1/people',
    summary: 'Search and page through people the caller may see',
    tags: ['organisation'],
    query: PeopleQuerySchema,
    response: PeoplePageSchema,
    status: 200,
  }),
  getPerson: defineEndpoint({
    method: 'GET',
    path: '/api/v1/people/:personId',
    summary: 'A person with unit path, manager, direct reports and role profiles',
    tags: ['organisation'],
    params: PersonParams,
    response: PersonDetailSchema,
    status: 200,
  }),
  updatePerson: defineEndpoint({
    method: 'PATCH',
    path: '/api/v1/people/:personId',
    summary: 'Change a person',
    tags: ['organisation'],
    params: PersonParams,
    body: UpdatePersonInputSchema,
    response: PersonDetailSchema,
    status: 200,
  }),
  assignProfile: defineEndpoint({
    method: 'POST',
    path: '/api/v1/people/:personId/role-profiles',
    summary: 'Give a person a role profile by hand',
    tags: ['organisation'],
    params: PersonParams,
    body: z.object({ profileId: z.uuid() }),
    response: PersonDetailSchema,
    status: 200,
  }),
  unassignProfile: defineEndpoint({
    method: 'DELETE',
    path: '/api/v1/people/:personId/role-profiles/:profileId',
    summary: 'Take a hand-assigned role profile from a person',
    tags: ['organisation'],
    params: z.object({ personId: z.uuid(), profileId: z.uuid() }),
    response: PersonDetailSchema,
    status: 200,
  }),
  createImport: defineEndpoint({
    method: 'POST',
    path: '/api/v1/org-imports',
    summary: 'Upload a unit or people file (CSV or XLSX) and get a dry run; nothing is saved yet',
    tags: ['organisation'],
    body: CreateImportInputSchema,
    response: ImportJobSchema,
    status: 201,
  }),
  getImport: defineEndpoint({
    method: 'GET',
    path: '/api/v1/org-imports/:importId',
    summary: 'An import: its dry run, and its progress while it is applied',
    tags: ['organisation'],
    params: ImportParams,
    response: ImportJobSchema,
    status: 200,
  }),
  replanImport: defineEndpoint({
    method: 'POST',
    path: '/api/v1/org-imports/:importId/plan',
    summary: 'Dry-run the file again with another column mapping or mode',
    tags: ['organisation'],
    params: ImportParams,
    body: ReplanImportInputSchema,
    response: ImportJobSchema,
    status: 200,
  }),
  applyImport: defineEndpoint({
    method: 'POST',
    path: '/api/v1/org-imports/:importId/apply',
    summary: 'Apply a ready import in one transaction; poll the import for progress',
    tags: ['organisation'],
    params: ImportParams,
    response: ImportJobSchema,
    status: 200,
  }),
};
