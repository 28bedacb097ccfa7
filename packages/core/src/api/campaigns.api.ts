import { z } from 'zod';
import {
  AnonymitySchema,
  AudienceSchema,
  CampaignModeSchema,
  CampaignSettingsSchema,
  CampaignStatusSchema,
} from '../campaigns/campaign.js';
import { LocaleSchema, LocalizedTextSchema } from '../i18n.js';
import { defineEndpoint } from './contract.js';

export const CampaignSchema = z.object({
  id: z.uuid(),
  name: z.record(z.string(), z.string()),
  frameworkVersionId: z.uuid(),
  nodeIds: z.array(z.uuid()).nullable(),
  audience: z.object({
    unitIds: z.array(z.uuid()),
    includeSubunits: z.boolean(),
    profileIds: z.array(z.uuid()),
    personIds: z.array(z.uuid()),
  }),
  opensAt: z.string(),
  closesAt: z.string(),
  modes: z.array(CampaignModeSchema),
  languages: z.array(LocaleSchema),
  anonymity: AnonymitySchema,
  /** The effective status at the time of the request (a scheduled campaign opens by itself). */
  status: CampaignStatusSchema,
  scheduledAt: z.string().nullable(),
  closedAt: z.string().nullable(),
  createdAt: z.string(),
  updatedAt: z.string(),
  /** Invitations made when the campaign was scheduled, and how many of them were sent. */
  counts: z.object({ invited: z.number().int(), sent: z.number().int() }),
});
export type Campaign = z.infer<typeof CampaignSchema>;

/** Change some settings; what may change depends on the campaign's status. */
export const UpdateCampaignInputSchema = z.object({
  name: LocalizedTextSchema.optional(),
  frameworkVersionId: z.uuid().optional(),
  nodeIds: z.array(z.uuid()).min(1).max(2000).nullable().optional(),
  audience: AudienceSchema.optional(),
  opensAt: z.iso.datetime({ offset: true }).optional(),
  closesAt: z.iso.datetime({ offset: true }).optional(),
  modes: z.array(CampaignModeSchema).min(1).max(2).optional(),
  languages: z.array(LocaleSchema).min(1).max(3).optional(),
  anonymity: AnonymitySchema.optional(),
});
export type UpdateCampaignInput = z.infer<typeof UpdateCampaignInputSchema>;

/** What one round of invitations or reminders did. */
export const MailRunSummarySchema = z.object({
  kind: z.enum(['invitation', 'reminder']),
  /** Mailed through SMTP. */
  sent: z.number().int(),
  /** SMTP refused; the invitation keeps its earlier state and can be tried again. */
  failed: z.number().int(),
  /** No SMTP, or no e-mail address: send the link in `linksCsv` another way. */
  manual: z.number().int(),
  /** Invitations whose earlier link stopped working because a new one was issued. */
  rotatedLinks: z.number().int(),
  /** name;email;unit;link;kind;subject (semicolon, BOM) for the manual ones; shown only once. */
  linksCsv: z.string().nullable(),
});
export type MailRunSummary = z.infer<typeof MailRunSummarySchema>;

export const OutboxMessageSchema = z.object({
  id: z.uuid(),
  campaignId: z.uuid().nullable(),
  invitationId: z.uuid().nullable(),
  kind: z.enum(['invitation', 'reminder']),
  toEmail: z.string().nullable(),
  toName: z.string(),
  locale: LocaleSchema,
  subject: z.string(),
  status: z.enum(['queued', 'sent', 'failed', 'manual']),
  error: z.string().nullable(),
  createdAt: z.string(),
  sentAt: z.string().nullable(),
});
export type OutboxMessage = z.infer<typeof OutboxMessageSchema>;

export const OutboxQuerySchema = z.object({
  campaignId: z.uuid().optional(),
  page: z.coerce.number().int().min(1).max(100_000).default(1),
  pageSize: z.coerce.number().int().min(1).max(200).default(50),
});
export type OutboxQuery = z.infer<typeof OutboxQuerySchema>;

export const OutboxPageSchema = z.object({
  items: z.array(OutboxMessageSchema),
  total: z.number().int(),
  page: z.number().int(),
  pageSize: z.number().int(),
});
export type OutboxPage = z.infer<typeof OutboxPageSchema>;

/** Counts for a group; each count below the anonymity threshold is null ("fewer than k"). */
export const ResponseCountsSchema = z.object({
  invited: z.number().int().nullable(),
  started: z.number().int().nullable(),
  submitted: z.number().int().nullable(),
  /** submitted / invited, when both are shown. */
  rate: z.number().nullable(),
  suppressed: z.boolean(),
});
export type ResponseCounts = z.infer<typeof ResponseCountsSchema>;

export const CampaignStatusReportSchema = z.object({
  /** The organisation's anonymity threshold k. */
  threshold: z.number().int(),
  totals: ResponseCountsSchema,
  /** Every unit with invitations in its subtree (and its ancestors); counts cover the subtree. */
  units: z.array(
    z.object({
      unitId: z.uuid(),
      parentId: z.uuid().nullable(),
      code: z.string(),
      name: z.string(),
      counts: ResponseCountsSchema,
    }),
  ),
});
export type CampaignStatusReport = z.infer<typeof CampaignStatusReportSchema>;

const CampaignParams = z.object({ campaignId: z.uuid() });

export const campaignsApi = {
  listCampaigns: defineEndpoint({
    method: 'GET',
    path: '/api/v1/campaigns',
    summary: 'The organisation’s mapping campaigns with their effective status (admin)',
    tags: ['campaigns'],
    response: z.object({ items: z.array(CampaignSchema) }),
    status: 200,
  }),
  getCampaign: defineEndpoint({
    method: 'GET',
    path: '/api/v1/campaigns/:campaignId',
    summary: 'A campaign: settings, status and invitation counts (admin)',
    tags: ['campaigns'],
    params: CampaignParams,
    response: CampaignSchema,
    status: 200,
  }),
  createCampaign: defineEndpoint({
    method: 'POST',
    path: '/api/v1/campaigns',
    summary: 'Set up a draft campaign on a published framework version (admin)',
    tags: ['campaigns'],
    body: CampaignSettingsSchema,
    response: CampaignSchema,
    status: 201,
  }),
  updateCampaign: defineEndpoint({
    method: 'PATCH',
    path: '/api/v1/campaigns/:campaignId',
    summary: 'Change settings; a scheduled or open campaign allows fewer changes (admin)',
    tags: ['campaigns'],
    params: CampaignParams,
    body: UpdateCampaignInputSchema,
    response: CampaignSchema,
    status: 200,
  }),
  scheduleCampaign: defineEndpoint({
    method: 'POST',
    path: '/api/v1/campaigns/:campaignId/schedule',
    summary: 'Resolve the audience into invitations and schedule the campaign (admin)',
    tags: ['campaigns'],
    params: CampaignParams,
    response: CampaignSchema,
    status: 200,
  }),
  closeCampaign: defineEndpoint({
    method: 'POST',
    path: '/api/v1/campaigns/:campaignId/close',
    summary: 'Close a scheduled or open campaign now (admin)',
    tags: ['campaigns'],
    params: CampaignParams,
    response: CampaignSchema,
    status: 200,
  }),
  sendInvitations: defineEndpoint({
    method: 'POST',
    path: '/api/v1/campaigns/:campaignId/invitations/send',
    summary:
      'Send every invitation not yet sent: by mail with SMTP, otherwise as a CSV of links shown once (admin)',
    tags: ['campaigns'],
    params: CampaignParams,
    response: MailRunSummarySchema,
    status: 200,
  }),
  exportLinks: defineEndpoint({
    method: 'POST',
    path: '/api/v1/campaigns/:campaignId/invitations/links.csv',
    summary:
      'Issue NEW links for every invitation not yet started (their earlier links stop working) and download them as CSV; a POST, as it changes state (admin)',
    tags: ['campaigns'],
    params: CampaignParams,
    response: z.string().describe('text/csv; semicolon-separated, with BOM'),
    status: 200,
  }),
  sendReminders: defineEndpoint({
    method: 'POST',
    path: '/api/v1/campaigns/:campaignId/reminders',
    summary:
      'Remind everyone invited who has not submitted, with a new link (drafts are kept) (admin)',
    tags: ['campaigns'],
    params: CampaignParams,
    response: MailRunSummarySchema,
    status: 200,
  }),
  campaignStatus: defineEndpoint({
    method: 'GET',
    path: '/api/v1/campaigns/:campaignId/status',
    summary: 'Invited, started and submitted per unit subtree, hiding counts below k (admin)',
    tags: ['campaigns'],
    params: CampaignParams,
    response: CampaignStatusReportSchema,
    status: 200,
  }),
  listOutbox: defineEndpoint({
    method: 'GET',
    path: '/api/v1/outbox',
    summary:
      'Mail sent or waiting to be sent by hand, newest first; links are never stored (admin)',
    tags: ['campaigns'],
    query: OutboxQuerySchema,
    response: OutboxPageSchema,
    status: 200,
  }),
};
