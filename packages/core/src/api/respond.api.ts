import { z } from 'zod';
import { AnonymitySchema, CampaignModeSchema, RatingInputSchema } from '../campaigns/campaign.js';
import { LocaleSchema } from '../i18n.js';
import { defineEndpoint } from './contract.js';

/**
 * The respondent's side of a mapping campaign. The `:token` routes are public: the personal
 * link's token is the credential (only its SHA-256 is stored). Texts come resolved in one
 * language: `?locale=` when the campaign offers it, else the respondent's own, else the
 * campaign's first language.
 */

export const RespondTokenParamsSchema = z.object({ token: z.string().min(1).max(200) });

export const RespondLocaleQuerySchema = z.object({ locale: LocaleSchema.optional() });

/** One stored answer. */
export const SavedRatingSchema = z.object({
  nodeId: z.uuid(),
  level: z.number().int().nullable(),
  isNotApplicable: z.boolean(),
  wantsToDevelop: z.boolean(),
  comment: z.string().nullable(),
});
export type SavedRating = z.infer<typeof SavedRatingSchema>;

export const QuestionnaireCompetenceSchema = z.object({
  id: z.uuid(),
  code: z.string(),
  name: z.string(),
  description: z.string().nullable(),
  /** Descriptor per level value; the competence's own when it has one, else the scale's. */
  levelDescriptors: z.array(
    z.object({ value: z.number().int(), descriptor: z.string().nullable() }),
  ),
});

export const QuestionnaireAreaSchema = z.object({
  id: z.uuid(),
  code: z.string(),
  name: z.string(),
  colour: z.string().nullable(),
  competences: z.array(QuestionnaireCompetenceSchema),
});

/** The respondent's own result: their levels against the highest target of their role profiles. */
export const OwnResultSchema = z.object({
  profiles: z.array(z.object({ id: z.uuid(), name: z.string() })),
  competences: z.array(
    z.object({
      nodeId: z.uuid(),
      areaId: z.uuid(),
      level: z.number().int().nullable(),
      isNotApplicable: z.boolean(),
      /** Highest target among the subject's role profiles for this competence; null when none. */
      target: z.number().int().nullable(),
    }),
  ),
  areas: z.array(
    z.object({
      areaId: z.uuid(),
      name: z.string(),
      /** Average of the area's answered levels; null when every answer was "not relevant". */
      average: z.number().nullable(),
      /** Average of the area's targets; null when no competence of the area has one. */
      targetAverage: z.number().nullable(),
    }),
  ),
});
export type OwnResult = z.infer<typeof OwnResultSchema>;

export const QuestionnaireSchema = z.object({
  campaign: z.object({
    id: z.uuid(),
    name: z.string(),
    closesAt: z.iso.datetime({ offset: true }),
    anonymity: AnonymitySchema,
    languages: z.array(LocaleSchema),
  }),
  locale: LocaleSchema,
  kind: CampaignModeSchema,
  /** The person rated, in manager mode; null when the respondent rates themself. */
  subject: z.object({ name: z.string() }).nullable(),
  scale: z.object({
    levels: z.array(
      z.object({ value: z.number().int(), label: z.string(), descriptor: z.string().nullable() }),
    ),
    notApplicable: z.object({ label: z.string() }),
  }),
  areas: z.array(QuestionnaireAreaSchema),
  answers: z.array(SavedRatingSchema),
  status: z.enum(['draft', 'submitted']),
  /** Bumped on every save; send it back with a save to refuse overwriting a newer one. */
  revision: z.number().int(),
  progress: z.object({ answered: z.number().int(), total: z.number().int() }),
  /** True while the campaign is open (and, for anonymous campaigns, until submitted). */
  canEdit: z.boolean(),
  /**
   * False in anonymous campaigns: submitting cuts the answers' link to the person, so the
   * response cannot be found (or changed) again and the link answers 410 afterwards.
   */
  canEditAfterSubmit: z.boolean(),
  submittedAt: z.iso.datetime({ offset: true }).nullable(),
  /** Once submitted; for anonymous campaigns only in the submit answer. */
  result: OwnResultSchema.nullable(),
});
export type Questionnaire = z.infer<typeof QuestionnaireSchema>;

/** What an autosave answers: the saved state, without the questionnaire's texts. */
export const SaveResultSchema = z.object({
  answers: z.array(SavedRatingSchema),
  status: z.enum(['draft', 'submitted']),
  revision: z.number().int(),
  progress: z.object({ answered: z.number().int(), total: z.number().int() }),
  submittedAt: z.iso.datetime({ offset: true }).nullable(),
});
export type SaveResult = z.infer<typeof SaveResultSchema>;

export const SaveAnswersInputSchema = z.object({
  ratings: z.array(RatingInputSchema).max(2000),
  /** The revision the client last saw; a save against an older one is refused (409). */
  revision: z.number().int().min(0).optional(),
});
export type SaveAnswersInput = z.infer<typeof SaveAnswersInputSchema>;

export const SubmitAnswersInputSchema = z.object({
  ratings: z.array(RatingInputSchema).max(2000).optional(),
});
export type SubmitAnswersInput = z.infer<typeof SubmitAnswersInputSchema>;

export const MyAssessmentSchema = z.object({
  invitationId: z.uuid(),
  campaign: z.object({
    id: z.uuid(),
    name: z.string(),
    closesAt: z.iso.datetime({ offset: true }),
    anonymity: AnonymitySchema,
  }),
  kind: CampaignModeSchema,
  subject: z.object({ id: z.uuid(), name: z.string() }),
  status: z.enum(['not_started', 'started', 'submitted']),
  /**
   * `/r/<token>` with a freshly minted token; listing rotates the link, so the one mailed
   * earlier stops working. Null once an anonymous response is submitted.
   */
  link: z.string().nullable(),
});
export type MyAssessment = z.infer<typeof MyAssessmentSchema>;

export const respondApi = {
  getQuestionnaire: defineEndpoint({
    method: 'GET',
    path: '/api/v1/respond/:token',
    summary:
      'The questionnaire behind a personal link, with the saved answers (404 unknown or rotated link; 410 once an anonymous response is submitted)',
    tags: ['respond'],
    isPublic: true,
    params: RespondTokenParamsSchema,
    query: RespondLocaleQuerySchema,
    response: QuestionnaireSchema,
    status: 200,
  }),
  saveAnswers: defineEndpoint({
    method: 'PUT',
    path: '/api/v1/respond/:token/answers',
    summary:
      'Autosave: upserts the given answers all or nothing (a blank answer deletes it); a submitted identified or confidential response stays submitted',
    tags: ['respond'],
    isPublic: true,
    params: RespondTokenParamsSchema,
    body: SaveAnswersInputSchema,
    response: SaveResultSchema,
    status: 200,
  }),
  submit: defineEndpoint({
    method: 'POST',
    path: '/api/v1/respond/:token/submit',
    summary:
      'Saves the given answers and submits; idempotent. In anonymous campaigns the response is unlinked from the person and cannot be edited afterwards',
    tags: ['respond'],
    isPublic: true,
    params: RespondTokenParamsSchema,
    query: RespondLocaleQuerySchema,
    body: SubmitAnswersInputSchema,
    response: QuestionnaireSchema,
    status: 200,
  }),
  listMyAssessments: defineEndpoint({
    method: 'GET',
    path: '/api/v1/me/assessments',
    summary:
      'Invitations of the signed-in person in open campaigns (self and direct reports); mints a fresh link for each, which retires the mailed one',
    tags: ['respond'],
    query: RespondLocaleQuerySchema,
    response: z.object({ items: z.array(MyAssessmentSchema) }),
    status: 200,
  }),
};
