import { z } from 'zod';
import {
  AnonymitySchema,
  CampaignModeSchema,
  CampaignStatusSchema,
} from '../campaigns/campaign.js';
import { LocaleSchema } from '../i18n.js';
import { defineEndpoint } from './contract.js';

/**
 * shown: the figure may be shown; fewer_than_k: fewer than k people are behind it;
 * suppressed: hidden so that other figures cannot be subtracted down to fewer than k people.
 */
export const FigureStatusSchema = z.enum(['shown', 'fewer_than_k', 'suppressed']);

export const OverviewQuerySchema = z.object({
  /** The unit whose subtree is shown; the organisation's top unit (or the manager's) by default. */
  unitId: z.uuid().optional(),
  /** Self-assessments or managers' assessments. */
  kind: CampaignModeSchema.default('self'),
  /** "Held" for coverage: a level at or above this one. */
  coverageLevel: z.coerce.number().int().min(1).max(10).default(3),
  locale: LocaleSchema.optional(),
});
export type OverviewQuery = z.infer<typeof OverviewQuerySchema>;

const GroupSchema = z.object({
  status: FigureStatusSchema,
  /** People behind the figure when shown; otherwise null. */
  count: z.number().int().nullable(),
});

/** The figures of one competence for a group; all null unless `status` is shown. */
export const CompetenceFigureSchema = z.object({
  nodeId: z.uuid(),
  status: FigureStatusSchema,
  /** Respondents who gave a level. */
  rated: z.number().int().nullable(),
  /** Respondents who answered "not relevant / don't know". */
  notApplicable: z.number().int().nullable(),
  average: z.number().nullable(),
  /** People per level, lowest level first. */
  distribution: z.array(z.object({ level: z.number().int(), count: z.number().int() })).nullable(),
  /** Of the respondents whose role profile sets a target for this competence. */
  withTarget: z.number().int().nullable(),
  /** Share (0–1) of those at or above their target. */
  meetingTargetShare: z.number().nullable(),
  /** Average levels missing among those with a target (0 when all meet it). */
  averageShortfall: z.number().nullable(),
  /** Levels missing in total: the people-weighted gap. */
  totalShortfall: z.number().int().nullable(),
  /** People at or above the coverage level. */
  holders: z.number().int().nullable(),
  /** Held by nobody or by one person only (at the coverage level). */
  coverageFlag: z.enum(['none', 'one']).nullable(),
  /** People who would like to develop this competence. */
  wantsToDevelop: z.number().int().nullable(),
});
export type CompetenceFigure = z.infer<typeof CompetenceFigureSchema>;

export const OverviewUnitSchema = z.object({
  id: z.uuid(),
  code: z.string(),
  name: z.string(),
  hasChildren: z.boolean(),
});

export const CampaignOverviewSchema = z.object({
  campaign: z.object({
    id: z.uuid(),
    name: z.string(),
    anonymity: AnonymitySchema,
    status: CampaignStatusSchema,
    /** The rater kinds the campaign asked for. */
    modes: z.array(CampaignModeSchema),
  }),
  /** The organisation's anonymity threshold k. */
  threshold: z.number().int(),
  kind: CampaignModeSchema,
  coverageLevel: z.number().int(),
  unit: OverviewUnitSchema.extend({
    /** From the top unit the caller may see down to this one's parent. */
    path: z.array(z.object({ id: z.uuid(), name: z.string() })),
  }),
  respondents: GroupSchema,
  scale: z.array(z.object({ value: z.number().int(), label: z.string() })),
  areas: z.array(
    z.object({
      id: z.uuid(),
      code: z.string(),
      name: z.string(),
      colour: z.string().nullable(),
      /** The average of the shown competence averages; null when none is shown. */
      average: z.number().nullable(),
      competences: z.array(z.object({ id: z.uuid(), code: z.string(), name: z.string() })),
    }),
  ),
  competences: z.array(CompetenceFigureSchema),
  coverage: z.object({
    /** Competences held (at the coverage level) by at least one person, among those shown. */
    covered: z.number().int().nullable(),
    /** Competences whose figure is shown. */
    shown: z.number().int(),
    total: z.number().int(),
    share: z.number().nullable(),
  }),
  /** The largest people-weighted gaps against role profiles, largest first (at most 5). */
  topGaps: z.array(z.object({ nodeId: z.uuid(), totalShortfall: z.number().int() })),
  /** Self-assessment against managers' assessment, where both figures are shown. */
  selfVsManager: z.array(
    z.object({
      nodeId: z.uuid(),
      self: z.number().nullable(),
      manager: z.number().nullable(),
      difference: z.number().nullable(),
    }),
  ),
  /** The heatmap: each child unit (its subtree) by competence. */
  children: z.array(
    z.object({
      unit: OverviewUnitSchema,
      respondents: GroupSchema,
      cells: z.array(
        z.object({
          nodeId: z.uuid(),
          status: FigureStatusSchema,
          average: z.number().nullable(),
          meetingTargetShare: z.number().nullable(),
        }),
      ),
    }),
  ),
});
export type CampaignOverview = z.infer<typeof CampaignOverviewSchema>;

/** One campaign against an earlier one (before/after), per competence, for one unit. */
export const CampaignComparisonSchema = z.object({
  campaign: z.object({ id: z.uuid(), name: z.string() }),
  baseline: z.object({ id: z.uuid(), name: z.string() }),
  threshold: z.number().int(),
  kind: CampaignModeSchema,
  unit: z.object({ id: z.uuid(), name: z.string() }),
  respondents: z.object({ before: GroupSchema, after: GroupSchema }),
  /** The campaign's competences; matched in the baseline by id, else by code. */
  competences: z.array(
    z.object({
      nodeId: z.uuid(),
      code: z.string(),
      name: z.string(),
      before: z.object({ status: FigureStatusSchema, average: z.number().nullable() }),
      after: z.object({ status: FigureStatusSchema, average: z.number().nullable() }),
      /** after − before, when both are shown. */
      change: z.number().nullable(),
    }),
  ),
});
export type CampaignComparison = z.infer<typeof CampaignComparisonSchema>;

export const ComparisonQuerySchema = OverviewQuerySchema.pick({
  unitId: true,
  kind: true,
  locale: true,
}).extend({ baselineId: z.uuid() });
export type ComparisonQuery = z.infer<typeof ComparisonQuerySchema>;

const CampaignParams = z.object({ campaignId: z.uuid() });

export const OverviewCampaignSchema = z.object({
  id: z.uuid(),
  name: z.string(),
  status: CampaignStatusSchema,
  anonymity: AnonymitySchema,
  opensAt: z.string(),
  closesAt: z.string(),
});
export type OverviewCampaign = z.infer<typeof OverviewCampaignSchema>;

/** The bytes of a downloaded file (XLSX, PDF); documented as binary of `mediaType`. */
const fileBytes = (mediaType: string) =>
  z
    .custom<Uint8Array>((value) => value instanceof Uint8Array)
    .meta({ type: 'string', format: 'binary', description: mediaType });

const EXPORT_SUMMARY =
  'with the same figures and the same disclosure as the overview: hidden figures read "< k" (admin, manager for the units they lead)';

export const overviewApi = {
  listCampaigns: defineEndpoint({
    method: 'GET',
    path: '/api/v1/overview/campaigns',
    summary:
      'Campaigns that have opened, newest first, to choose an overview from (admin, manager)',
    tags: ['overview'],
    query: z.object({ locale: LocaleSchema.optional() }),
    response: z.object({ items: z.array(OverviewCampaignSchema) }),
    status: 200,
  }),
  compare: defineEndpoint({
    method: 'GET',
    path: '/api/v1/campaigns/:campaignId/overview/compare',
    summary:
      'A campaign against an earlier one for a unit: the change per competence where both figures are shown (admin, manager for the units they lead)',
    tags: ['overview'],
    params: CampaignParams,
    query: ComparisonQuerySchema,
    response: CampaignComparisonSchema,
    status: 200,
  }),
  overview: defineEndpoint({
    method: 'GET',
    path: '/api/v1/campaigns/:campaignId/overview',
    summary:
      'The competence picture of a unit and its children for a campaign; every figure about people rests on at least k of them and cannot be differenced below k (admin, manager for the units they lead)',
    tags: ['overview'],
    params: CampaignParams,
    query: OverviewQuerySchema,
    response: CampaignOverviewSchema,
    status: 200,
  }),
  exportXlsx: defineEndpoint({
    method: 'GET',
    path: '/api/v1/campaigns/:campaignId/overview/export.xlsx',
    summary: `Download the overview as an Excel workbook (sheets Overview, Competences, Heatmap, Gaps and coverage), ${EXPORT_SUMMARY}`,
    tags: ['overview'],
    params: CampaignParams,
    query: OverviewQuerySchema,
    response: fileBytes('application/vnd.openxmlformats-officedocument.spreadsheetml.sheet'),
    status: 200,
  }),
  exportCsv: defineEndpoint({
    method: 'GET',
    path: '/api/v1/campaigns/:campaignId/overview/export.csv',
    summary: `Download the figures per competence as CSV, ${EXPORT_SUMMARY}`,
    tags: ['overview'],
    params: CampaignParams,
    query: OverviewQuerySchema,
    response: z
      .string()
      .describe(
        'text/csv; semicolon-separated, UTF-8 with BOM, decimal comma for da and nb; hidden figures as "< k"',
      ),
    status: 200,
  }),
  exportPdf: defineEndpoint({
    method: 'GET',
    path: '/api/v1/campaigns/:campaignId/overview/export.pdf',
    summary: `Download the overview as a PDF report (wheel, heatmap, gaps, coverage and the anonymity rule), ${EXPORT_SUMMARY}`,
    tags: ['overview'],
    params: CampaignParams,
    query: OverviewQuerySchema,
    response: fileBytes('application/pdf'),
    status: 200,
  }),
};
