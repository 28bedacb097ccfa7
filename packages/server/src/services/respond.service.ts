import {
  GoneError,
  assertAcceptsAnswers,
  campaignStatus,
  ConflictError,
  depthFirst,
  findRatingIssues,
  LOCALES,
  missingAnswers,
  NotFoundError,
  ratedLeafIds,
  resolveText,
  ValidationError,
  type Actor,
  type CampaignStatus,
  type Locale,
  type LocalizedText,
  type MyAssessment,
  type OwnResult,
  type Questionnaire,
  type RatingInput,
  type SaveAnswersInput,
  type Scale,
  type SubmitAnswersInput,
} from '@evne/core';
import type { Kysely } from 'kysely';
import type { Clock } from '../adapters/clock.js';
import { hashToken, newToken } from '../adapters/tokens.js';
import type { Config } from '../config/config.js';
import type { Database, Executor } from '../db/database.js';
import { findVisibleVersion, listNodes } from '../repositories/frameworks.repository.js';
import { findPersonIdForUser } from '../repositories/people.repository.js';
import { listAssignmentsForPeople } from '../repositories/profile-assignments.repository.js';
import {
  anonymiseResponse,
  deleteRatings,
  findCampaign,
  findInvitationByTokenHash,
  findPeopleNames,
  findProfileNames,
  findResponseForInvitation,
  highestTargets,
  insertDraftResponse,
  listInvitationsOfRespondent,
  listRatings,
  markInvitationStarted,
  markInvitationSubmitted,
  replaceInvitationToken,
  touchResponse,
  upsertRatings,
  type CampaignRecord,
  type InvitationRecord,
  type ResponseRecord,
} from '../repositories/responses.repository.js';
import { toNodeRecord, type NodeRecord } from './framework-mapping.js';

/** The link of an anonymous response that was submitted: nothing behind it can be reached again. */
export class ResponseAnonymisedError extends GoneError {
  constructor() {
    super(
      'response_anonymised',
      'This anonymous response was submitted and is no longer linked to anyone; it cannot be opened or changed',
    );
  }
}

export interface RespondService {
  getQuestionnaire(token: string, locale?: Locale): Promise<Questionnaire>;
  saveAnswers(token: string, input: SaveAnswersInput, locale?: Locale): Promise<Questionnaire>;
  submit(token: string, input: SubmitAnswersInput, locale?: Locale): Promise<Questionnaire>;
  listMyAssessments(actor: Actor, locale?: Locale): Promise<MyAssessment[]>;
}

interface CampaignFramework {
  scale: Scale;
  areas: { node: NodeRecord; competences: NodeRecord[] }[];
  competenceIds: Set<string>;
  areaOf: Map<string, string>;
}

interface Opened {
  invitation: InvitationRecord;
  campaign: CampaignRecord;
  status: CampaignStatus;
}

function isLocale(value: string | null | undefined): value is Locale {
  return (LOCALES as readonly string[]).includes(value ?? '');
}

function isBlank(rating: RatingInput): boolean {
  return (
    rating.level === null &&
    !rating.isNotApplicable &&
    !rating.wantsToDevelop &&
    (rating.comment === null || rating.comment === '')
  );
}

function sameRating(a: RatingInput, b: RatingInput): boolean {
  return (
    a.level === b.level &&
    a.isNotApplicable === b.isNotApplicable &&
    a.wantsToDevelop === b.wantsToDevelop &&
    (a.comment ?? '') === (b.comment ?? '')
  );
}

function average(values: readonly number[]): number | null {
  if (values.length === 0) {
    return null;
  }
  const sum = values.reduce((total, value) => total + value, 0);
  return Math.round((sum / values.length) * 100) / 100;
}

function startOfDay(now: Date): Date {
  return new Date(Date.UTC(now.getUTCFullYear(), now.getUTCMonth(), now.getUTCDate()));
}

/** The areas of a campaign in wheel order, each with its campaign competences in tree order. */
function campaignFramework(
  scale: Scale,
  nodes: readonly NodeRecord[],
  nodeIds: readonly string[] | null,
): CampaignFramework {
  const rated = ratedLeafIds(nodes);
  const competenceIds = new Set(nodeIds ? nodeIds.filter((id) => rated.has(id)) : rated);
  const byId = new Map(nodes.map((node) => [node.id, node]));
  const rootOf = (node: NodeRecord): NodeRecord => {
    let cursor = node;
    while (cursor.parentId !== null) {
      const parent = byId.get(cursor.parentId);
      if (!parent) {
        break;
      }
      cursor = parent;
    }
    return cursor;
  };
  const areas = new Map<string, { node: NodeRecord; competences: NodeRecord[] }>();
  const areaOf = new Map<string, string>();
  for (const node of depthFirst(nodes)) {
    if (!competenceIds.has(node.id)) {
      continue;
    }
    const root = rootOf(node);
    const area = areas.get(root.id) ?? { node: root, competences: [] };
    area.competences.push(node);
    areas.set(root.id, area);
    areaOf.set(node.id, root.id);
  }
  return { scale, areas: [...areas.values()], competenceIds, areaOf };
}

/** Creates the respondent use cases: the questionnaire behind a link, autosave, submit, my list. */
export function createRespondService(deps: {
  db: Kysely<Database>;
  clock: Clock;
  config: Partial<Pick<Config, 'publicUrl'>>;
}): RespondService {
  const { db, clock } = deps;
  // Published versions never change, so their tree is read once per process.
  const publishedFrameworks = new Map<string, { scale: Scale; nodes: NodeRecord[] }>();

  async function loadFramework(
    trx: Executor,
    campaign: CampaignRecord,
  ): Promise<CampaignFramework> {
    let cached = publishedFrameworks.get(campaign.frameworkVersionId);
    if (!cached) {
      const version = await findVisibleVersion(
        trx,
        campaign.organisationId,
        campaign.frameworkVersionId,
      );
      if (!version) {
        throw new NotFoundError('framework_version');
      }
      const nodes = (await listNodes(trx, version.id)).map(toNodeRecord);
      cached = { scale: version.scale as Scale, nodes };
      if (version.status === 'published') {
        publishedFrameworks.set(version.id, cached);
      }
    }
    return campaignFramework(cached.scale, cached.nodes, campaign.nodeIds);
  }

  async function open(trx: Executor, token: string, lock: boolean): Promise<Opened> {
    const invitation = await findInvitationByTokenHash(trx, hashToken(token), { lock });
    if (!invitation) {
      throw new NotFoundError('invitation');
    }
    const campaign = await findCampaign(trx, invitation.campaignId);
    if (!campaign) {
      throw new NotFoundError('invitation');
    }
    if (campaign.anonymity === 'anonymous' && invitation.submittedAt !== null) {
      throw new ResponseAnonymisedError();
    }
    return { invitation, campaign, status: campaignStatus(campaign, clock.now()) };
  }

  async function pickLocale(
    trx: Executor,
    opened: Opened,
    requested: Locale | undefined,
  ): Promise<{ locale: Locale; subjectName: string | null }> {
    const languages = opened.campaign.languages.filter(isLocale);
    const people = await findPeopleNames(trx, opened.invitation.organisationId, [
      opened.invitation.respondentPersonId,
      opened.invitation.subjectPersonId,
    ]);
    const own = people.get(opened.invitation.respondentPersonId)?.locale;
    const locale =
      requested !== undefined && languages.includes(requested)
        ? requested
        : isLocale(own) && languages.includes(own)
          ? own
          : (languages[0] ?? 'da');
    const subjectName =
      opened.invitation.kind === 'manager'
        ? (people.get(opened.invitation.subjectPersonId)?.name ?? null)
        : null;
    return { locale, subjectName };
  }

  async function ownResult(
    trx: Executor,
    organisationId: string,
    framework: CampaignFramework,
    ratings: readonly RatingInput[],
    profileIds: readonly string[],
    locale: Locale,
  ): Promise<OwnResult> {
    const targets = await highestTargets(trx, organisationId, profileIds);
    const profiles = await findProfileNames(trx, organisationId, profileIds);
    const byNode = new Map(ratings.map((rating) => [rating.nodeId, rating]));
    const competences: OwnResult['competences'] = [];
    const areas: OwnResult['areas'] = [];
    for (const area of framework.areas) {
      const levels: number[] = [];
      const areaTargets: number[] = [];
      for (const competence of area.competences) {
        const rating = byNode.get(competence.id);
        const level = rating?.level ?? null;
        const target = targets.get(competence.id) ?? null;
        if (level !== null) {
          levels.push(level);
        }
        if (target !== null) {
          areaTargets.push(target);
        }
        competences.push({
          nodeId: competence.id,
          areaId: area.node.id,
          level,
          isNotApplicable: rating?.isNotApplicable ?? false,
          target,
        });
      }
      areas.push({
        areaId: area.node.id,
        name: resolveText(area.node.name, locale),
        average: average(levels),
        targetAverage: average(areaTargets),
      });
    }
    return {
      profiles: profiles.map((profile) => ({
        id: profile.id,
        name: resolveText(profile.name, locale),
      })),
      competences,
      areas,
    };
  }

  async function questionnaire(
    trx: Executor,
    opened: Opened,
    framework: CampaignFramework,
    state: { response: ResponseRecord | undefined; ratings: RatingInput[] },
    requested: Locale | undefined,
    result: OwnResult | null,
  ): Promise<Questionnaire> {
    const { campaign, invitation } = opened;
    const { locale, subjectName } = await pickLocale(trx, opened, requested);
    const text = (value: LocalizedText | null | undefined): string => resolveText(value, locale);
    const answers = state.ratings
      .filter((rating) => framework.competenceIds.has(rating.nodeId))
      .sort((a, b) => a.nodeId.localeCompare(b.nodeId));
    const unanswered = missingAnswers(answers, framework.competenceIds).length;
    const submitted = state.response?.status === 'submitted';
    const computed =
      result ??
      (submitted && state.response
        ? await ownResult(
            trx,
            invitation.organisationId,
            framework,
            answers,
            state.response.profileIds,
            locale,
          )
        : null);
    return {
      campaign: {
        id: campaign.id,
        name: text(campaign.name),
        closesAt: campaign.closesAt.toISOString(),
        anonymity: campaign.anonymity,
        languages: campaign.languages.filter(isLocale),
      },
      locale,
      kind: invitation.kind,
      subject: subjectName === null ? null : { name: subjectName },
      scale: {
        levels: framework.scale.levels.map((level) => ({
          value: level.value,
          label: text(level.label),
          descriptor: level.descriptor ? text(level.descriptor) : null,
        })),
        notApplicable: { label: text(framework.scale.notApplicable.label) },
      },
      areas: framework.areas.map((area) => ({
        id: area.node.id,
        code: area.node.code,
        name: text(area.node.name),
        colour: area.node.colour,
        competences: area.competences.map((competence) => ({
          id: competence.id,
          code: competence.code,
          name: text(competence.name),
          description: competence.description ? text(competence.description) : null,
          levelDescriptors: framework.scale.levels.map((level) => {
            const own = competence.levelDescriptors?.[String(level.value)];
            const descriptor = own ?? level.descriptor;
            return { value: level.value, descriptor: descriptor ? text(descriptor) : null };
          }),
        })),
      })),
      answers: answers.map((rating) => ({
        nodeId: rating.nodeId,
        level: rating.level,
        isNotApplicable: rating.isNotApplicable,
        wantsToDevelop: rating.wantsToDevelop,
        comment: rating.comment,
      })),
      status: submitted ? 'submitted' : 'draft',
      revision: state.response?.revision ?? 0,
      progress: {
        answered: framework.competenceIds.size - unanswered,
        total: framework.competenceIds.size,
      },
      canEdit: opened.status === 'open' && !(submitted && campaign.anonymity === 'anonymous'),
      canEditAfterSubmit: campaign.anonymity !== 'anonymous',
      submittedAt: state.response?.submittedAt?.toISOString() ?? null,
      result: computed,
    };
  }

  /**
   * Saves answers under the invitation's row lock: validated all or nothing, a blank answer
   * deletes it, and an unchanged answer writes nothing. When `submit` is set (or the response
   * is already submitted) every competence must be answered.
   */
  async function save(
    trx: Executor,
    opened: Opened,
    ratings: readonly RatingInput[],
    options: { submit: boolean; revision?: number | undefined; locale: Locale | undefined },
  ): Promise<Questionnaire> {
    const { invitation, campaign } = opened;
    assertAcceptsAnswers(opened.status);
    const framework = await loadFramework(trx, campaign);
    const issues = findRatingIssues(ratings, framework.competenceIds, framework.scale);
    if (issues.length > 0) {
      throw new ValidationError('invalid_answers', 'Some answers are not valid', issues);
    }
    let response = await findResponseForInvitation(trx, invitation.id);
    if (options.revision !== undefined && options.revision !== (response?.revision ?? 0)) {
      throw new ConflictError(
        'stale_revision',
        'These answers were changed elsewhere (another device or tab); reload them first',
      );
    }
    const existing = response ? await listRatings(trx, response.id) : [];
    const current = new Map(existing.map((rating) => [rating.nodeId, rating]));
    const normalised = ratings.map((rating) => ({
      ...rating,
      comment: rating.comment === '' ? null : rating.comment,
    }));
    const changes = normalised.filter((rating) => {
      const before = current.get(rating.nodeId);
      return before ? !sameRating(before, rating) : !isBlank(rating);
    });
    const firstSubmit = options.submit && response?.status !== 'submitted';
    const now = clock.now();
    if (changes.length === 0 && !firstSubmit) {
      return questionnaire(
        trx,
        opened,
        framework,
        { response, ratings: existing },
        options.locale,
        null,
      );
    }
    if (!response) {
      const assignments = await listAssignmentsForPeople(trx, invitation.organisationId, [
        invitation.subjectPersonId,
      ]);
      response = await insertDraftResponse(trx, {
        organisationId: invitation.organisationId,
        campaignId: campaign.id,
        invitationId: invitation.id,
        kind: invitation.kind,
        subjectPersonId: invitation.subjectPersonId,
        unitId: invitation.unitId,
        profileIds: [...new Set(assignments.map((assignment) => assignment.profileId))],
        now,
      });
    }
    const toDelete = changes.filter(isBlank).map((rating) => rating.nodeId);
    await upsertRatings(
      trx,
      invitation.organisationId,
      response.id,
      changes.filter((rating) => !isBlank(rating)),
    );
    await deleteRatings(trx, response.id, toDelete);
    for (const rating of changes) {
      if (isBlank(rating)) {
        current.delete(rating.nodeId);
      } else {
        current.set(rating.nodeId, rating);
      }
    }
    const merged = [...current.values()];
    if (options.submit || response.status === 'submitted') {
      const missing = missingAnswers(merged, framework.competenceIds);
      if (missing.length > 0) {
        throw new ValidationError(
          'answers_missing',
          `${missing.length} competences are not answered yet`,
          missing.map((nodeId) => ({
            code: 'answer_missing',
            message: 'Give a level or "not relevant / don’t know"',
            identifier: nodeId,
          })),
        );
      }
    }
    await touchResponse(trx, response.id, { now, ...(firstSubmit ? { submittedAt: now } : {}) });
    await markInvitationStarted(trx, invitation.id, now);
    const saved: ResponseRecord = {
      ...response,
      revision: response.revision + 1,
      ...(firstSubmit ? { status: 'submitted' as const, submittedAt: now } : {}),
    };
    let result: OwnResult | null = null;
    if (firstSubmit) {
      await markInvitationSubmitted(trx, invitation.id, now);
      if (campaign.anonymity === 'anonymous') {
        const { locale } = await pickLocale(trx, opened, options.locale);
        result = await ownResult(
          trx,
          invitation.organisationId,
          framework,
          merged,
          saved.profileIds,
          locale,
        );
        await anonymiseResponse(trx, response.id, startOfDay(now));
        saved.submittedAt = startOfDay(now);
      }
    }
    return questionnaire(
      trx,
      opened,
      framework,
      { response: saved, ratings: merged },
      options.locale,
      result,
    );
  }

  return {
    async getQuestionnaire(token, locale) {
      const opened = await open(db, token, false);
      if (opened.status !== 'closed') {
        assertAcceptsAnswers(opened.status);
      }
      const framework = await loadFramework(db, opened.campaign);
      const response = await findResponseForInvitation(db, opened.invitation.id);
      const ratings = response ? await listRatings(db, response.id) : [];
      return questionnaire(db, opened, framework, { response, ratings }, locale, null);
    },

    async saveAnswers(token, input, locale) {
      return db.transaction().execute(async (trx) => {
        const opened = await open(trx, token, true);
        return save(trx, opened, input.ratings, {
          submit: false,
          revision: input.revision,
          locale,
        });
      });
    },

    async submit(token, input, locale) {
      return db.transaction().execute(async (trx) => {
        const opened = await open(trx, token, true);
        return save(trx, opened, input.ratings ?? [], { submit: true, locale });
      });
    },

    async listMyAssessments(actor, locale) {
      return db.transaction().execute(async (trx) => {
        const personId = await findPersonIdForUser(trx, actor.organisationId, actor.userId);
        if (personId === null) {
          return [];
        }
        const now = clock.now();
        const rows = (
          await listInvitationsOfRespondent(trx, actor.organisationId, personId)
        ).filter((row) => campaignStatus(row.campaign, now) === 'open');
        const items: MyAssessment[] = [];
        for (const row of rows) {
          const isSubmitted = row.submittedAt !== null || row.responseStatus === 'submitted';
          let link: string | null = null;
          if (!(isSubmitted && row.campaign.anonymity === 'anonymous')) {
            const token = newToken();
            await replaceInvitationToken(trx, row.invitationId, hashToken(token), now);
            link = `/r/${token}`;
          }
          const languages = row.campaign.languages.filter(isLocale);
          const shown =
            locale !== undefined && languages.includes(locale) ? locale : (languages[0] ?? 'da');
          items.push({
            invitationId: row.invitationId,
            campaign: {
              id: row.campaign.id,
              name: resolveText(row.campaign.name, shown),
              closesAt: row.campaign.closesAt.toISOString(),
              anonymity: row.campaign.anonymity,
            },
            kind: row.kind,
            subject: row.subject,
            status: isSubmitted ? 'submitted' : row.startedAt !== null ? 'started' : 'not_started',
            link,
          });
        }
        return items;
      });
    },
  };
}
