import {
  GoneError,
  assertAcceptsAnswers,
  campaignStatus,
  ConflictError,
  findRatingIssues,
  LOCALES,
  missingAnswers,
  NotFoundError,
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
  type SaveResult,
  type SubmitAnswersInput,
} from '@evne/core';
import type { Kysely } from 'kysely';
import type { Clock } from '../adapters/clock.js';
import { hashToken, newToken } from '../adapters/tokens.js';
import type { Config } from '../config/config.js';
import type { Database, Executor } from '../db/database.js';
import { findPersonIdForUser } from '../repositories/people.repository.js';
import { listAssignmentsForPeople } from '../repositories/profile-assignments.repository.js';
import {
  highestTargets,
  insertDraftResponse,
  listInvitationsOfRespondent,
  profilesWithTargets,
  readLink,
  replaceInvitationToken,
  saveChanges,
  type CampaignRecord,
  type LinkRecord,
  type ResponseRecord,
} from '../repositories/responses.repository.js';
import { rollupDeltas } from '../repositories/rollup-deltas.js';
import { createFrameworkLoader, type CampaignFramework } from './campaign-framework.js';
import { createRollupChanges, type RollupChanges } from './rollup-changes.js';

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
  saveAnswers(token: string, input: SaveAnswersInput): Promise<SaveResult>;
  submit(token: string, input: SubmitAnswersInput, locale?: Locale): Promise<Questionnaire>;
  listMyAssessments(actor: Actor, locale?: Locale): Promise<MyAssessment[]>;
}

interface Opened extends LinkRecord {
  status: CampaignStatus;
}

/** How often a save is tried again when another save of the same link came in between. */
const SAVE_ATTEMPTS = 5;

/** A response's answers as one save left them. */
interface Saved {
  response: ResponseRecord | undefined;
  ratings: RatingInput[];
  /** The own result computed before an anonymous response was cut loose. */
  result: OwnResult | null;
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

/** Creates the respondent use cases: the questionnaire behind a link, autosave, submit, my list. */
export function createRespondService(deps: {
  db: Kysely<Database>;
  clock: Clock;
  config: Partial<Pick<Config, 'publicUrl'>>;
  rollupChanges?: RollupChanges;
}): RespondService {
  const { db, clock } = deps;
  const rollupChanges = deps.rollupChanges ?? createRollupChanges();
  const loadFramework = createFrameworkLoader();

  async function open(executor: Executor, token: string): Promise<Opened> {
    const opened = await readLink(executor, hashToken(token));
    if (!opened) {
      throw new NotFoundError('invitation');
    }
    if (opened.campaign.anonymity === 'anonymous' && opened.invitation.submittedAt !== null) {
      throw new ResponseAnonymisedError();
    }
    return { ...opened, status: campaignStatus(opened.campaign, clock.now()) };
  }

  /** The language asked for if the campaign offers it, else the person's own, else the first. */
  function pickLocale(opened: Opened, requested: Locale | undefined): Locale {
    const languages = opened.campaign.languages.filter(isLocale);
    const own = opened.respondentLocale;
    return requested !== undefined && languages.includes(requested)
      ? requested
      : isLocale(own) && languages.includes(own)
        ? own
        : (languages[0] ?? 'da');
  }

  async function ownResult(
    trx: Executor,
    organisationId: string,
    framework: CampaignFramework,
    ratings: readonly RatingInput[],
    profileIds: readonly string[],
    locale: Locale,
  ): Promise<OwnResult> {
    const { profiles, targets } = await profilesWithTargets(trx, organisationId, profileIds);
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

  // The questionnaire's texts depend only on the framework version, the competences and the
  // language; they are built once per process and shared by every link of a campaign.
  const texts = new Map<string, Pick<Questionnaire, 'scale' | 'areas'>>();

  function questionnaireTexts(
    campaign: CampaignRecord,
    framework: CampaignFramework,
    locale: Locale,
  ): Pick<Questionnaire, 'scale' | 'areas'> {
    const key = `${campaign.frameworkVersionId}|${campaign.nodeIds?.join(',') ?? '*'}|${locale}`;
    const cached = texts.get(key);
    if (cached && loadFramework.isCached(campaign.frameworkVersionId)) {
      return cached;
    }
    const text = (value: LocalizedText | null | undefined): string => resolveText(value, locale);
    const built: Pick<Questionnaire, 'scale' | 'areas'> = {
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
    };
    if (texts.size >= 500) {
      texts.clear();
    }
    texts.set(key, built);
    return built;
  }

  /** The saved state of a response, as an autosave answers it. */
  function saveResult(framework: CampaignFramework, saved: Saved): SaveResult {
    const answers = saved.ratings
      .filter((rating) => framework.competenceIds.has(rating.nodeId))
      .sort((a, b) => a.nodeId.localeCompare(b.nodeId));
    const unanswered = missingAnswers(answers, framework.competenceIds).length;
    return {
      answers: answers.map((rating) => ({
        nodeId: rating.nodeId,
        level: rating.level,
        isNotApplicable: rating.isNotApplicable,
        wantsToDevelop: rating.wantsToDevelop,
        comment: rating.comment,
      })),
      status: saved.response?.status === 'submitted' ? 'submitted' : 'draft',
      revision: saved.response?.revision ?? 0,
      progress: {
        answered: framework.competenceIds.size - unanswered,
        total: framework.competenceIds.size,
      },
      submittedAt: saved.response?.submittedAt?.toISOString() ?? null,
    };
  }

  async function questionnaire(
    trx: Executor,
    opened: Opened,
    framework: CampaignFramework,
    saved: Saved,
    requested: Locale | undefined,
  ): Promise<Questionnaire> {
    const { campaign, invitation } = opened;
    const locale = pickLocale(opened, requested);
    const state = saveResult(framework, saved);
    const submitted = state.status === 'submitted';
    const result =
      saved.result ??
      (submitted && saved.response
        ? await ownResult(
            trx,
            invitation.organisationId,
            framework,
            state.answers,
            saved.response.profileIds,
            locale,
          )
        : null);
    return {
      campaign: {
        id: campaign.id,
        name: resolveText(campaign.name, locale),
        closesAt: campaign.closesAt.toISOString(),
        anonymity: campaign.anonymity,
        languages: campaign.languages.filter(isLocale),
      },
      locale,
      kind: invitation.kind,
      subject:
        invitation.kind === 'manager' && opened.subjectName !== null
          ? { name: opened.subjectName }
          : null,
      ...questionnaireTexts(campaign, framework, locale),
      ...state,
      canEdit: opened.status === 'open' && !(submitted && campaign.anonymity === 'anonymous'),
      canEditAfterSubmit: campaign.anonymity !== 'anonymous',
      result,
    };
  }

  /**
   * One attempt at a save: validated all or nothing, a blank answer deletes it, an unchanged
   * answer writes nothing. When `submit` is set (or the response is already submitted) every
   * competence must be answered. The write is one statement gated on the revision this attempt
   * read; undefined means another save of the same link came in between.
   */
  async function trySave(
    token: string,
    ratings: readonly RatingInput[],
    options: { submit: boolean; revision?: number | undefined; locale: Locale | undefined },
  ): Promise<{ opened: Opened; framework: CampaignFramework; saved: Saved } | undefined> {
    const opened = await open(db, token);
    const { invitation, campaign } = opened;
    assertAcceptsAnswers(opened.status);
    const framework = await loadFramework(db, campaign);
    const issues = findRatingIssues(ratings, framework.competenceIds, framework.scale);
    if (issues.length > 0) {
      throw new ValidationError('invalid_answers', 'Some answers are not valid', issues);
    }
    let response = opened.response;
    const expectedRevision = response?.revision ?? 0;
    if (options.revision !== undefined && options.revision !== expectedRevision) {
      throw new ConflictError(
        'stale_revision',
        'These answers were changed elsewhere (another device or tab); reload them first',
      );
    }
    const current = new Map<string, RatingInput>(
      opened.ratings.map((rating) => [rating.nodeId, rating]),
    );
    const normalised = ratings.map((rating) => ({
      ...rating,
      comment: rating.comment === '' ? null : rating.comment,
    }));
    const changes = normalised.filter((rating) => {
      const before = current.get(rating.nodeId);
      return before ? !sameRating(before, rating) : !isBlank(rating);
    });
    const firstSubmit = options.submit && response?.status !== 'submitted';
    if (changes.length === 0 && !firstSubmit) {
      return { opened, framework, saved: { response, ratings: opened.ratings, result: null } };
    }
    for (const rating of changes) {
      if (isBlank(rating)) {
        current.delete(rating.nodeId);
      } else {
        current.set(rating.nodeId, rating);
      }
    }
    const merged = [...current.values()];
    if (options.submit || response?.status === 'submitted') {
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
    const now = clock.now();
    const anonymise = firstSubmit && campaign.anonymity === 'anonymous';
    const submittedBefore = response?.status === 'submitted';
    const write = (executor: Executor, responseId: string, targets: Map<string, number>) => {
      const upserts = changes
        .filter((rating) => !isBlank(rating))
        .map((rating) => ({ ...rating, target: targets.get(rating.nodeId) ?? null }));
      const after = new Map(opened.ratings.map((rating) => [rating.nodeId, rating]));
      for (const rating of changes) {
        after.delete(rating.nodeId);
      }
      for (const rating of upserts) {
        after.set(rating.nodeId, rating);
      }
      return saveChanges(executor, {
        organisationId: invitation.organisationId,
        responseId,
        expectedRevision,
        invitationId: invitation.id,
        campaignId: campaign.id,
        kind: invitation.kind,
        upserts,
        deletes: changes.filter(isBlank).map((rating) => rating.nodeId),
        rollups: rollupDeltas({
          unitIds: opened.unitPath,
          profileIds: response?.profileIds ?? [],
          before: submittedBefore ? opened.ratings : null,
          after: submittedBefore || firstSubmit ? [...after.values()] : null,
        }),
        now,
        submittedAt: firstSubmit ? now : undefined,
        anonymiseOn: anonymise ? startOfDay(now) : undefined,
      });
    };
    // Only a submitted (or now submitting) response counts in the rollups.
    const guard = <T>(work: () => Promise<T>): Promise<T> =>
      submittedBefore || firstSubmit ? rollupChanges.writing(campaign.id, work) : work();
    let revision: number | undefined;
    if (response) {
      const responseId = response.id;
      revision = await guard(() => write(db, responseId, opened.targets));
    } else {
      // The first save creates the response and writes it in one transaction, so that no empty
      // response is left behind; a first save that loses a race writes nothing and starts over.
      const created = await guard(() =>
        db.transaction().execute(async (trx) => {
          const assignments = await listAssignmentsForPeople(trx, invitation.organisationId, [
            invitation.subjectPersonId,
          ]);
          const profileIds = [...new Set(assignments.map((assignment) => assignment.profileId))];
          const inserted = await insertDraftResponse(trx, {
            organisationId: invitation.organisationId,
            campaignId: campaign.id,
            invitationId: invitation.id,
            kind: invitation.kind,
            subjectPersonId: invitation.subjectPersonId,
            unitId: invitation.unitId,
            profileIds,
            now,
          });
          if (!inserted) {
            return undefined;
          }
          response = inserted;
          const targets = await highestTargets(trx, invitation.organisationId, profileIds);
          return { response: inserted, revision: await write(trx, inserted.id, targets) };
        }),
      );
      response = created?.response;
      revision = created?.revision;
    }
    if (response === undefined || revision === undefined) {
      return undefined;
    }
    const saved: ResponseRecord = {
      ...response,
      revision,
      ...(firstSubmit ? { status: 'submitted' as const, submittedAt: now } : {}),
    };
    let result: OwnResult | null = null;
    if (anonymise) {
      // The response can no longer be found from the link: its result is computed now, once.
      saved.submittedAt = startOfDay(now);
      result = await ownResult(
        db,
        invitation.organisationId,
        framework,
        merged,
        saved.profileIds,
        pickLocale(opened, options.locale),
      );
    }
    return { opened, framework, saved: { response: saved, ratings: merged, result } };
  }

  /**
   * Saves without holding a lock across round trips: read, validate, write in one gated
   * statement; if another save of the same link came in between, it starts over (a client that
   * sent the revision it saw gets 409 stale_revision instead).
   */
  async function save(
    token: string,
    ratings: readonly RatingInput[],
    options: { submit: boolean; revision?: number | undefined; locale: Locale | undefined },
  ): Promise<{ opened: Opened; framework: CampaignFramework; saved: Saved }> {
    for (let attempt = 1; ; attempt += 1) {
      const done = await trySave(token, ratings, options);
      if (done) {
        return done;
      }
      if (options.revision !== undefined || attempt >= SAVE_ATTEMPTS) {
        throw new ConflictError(
          'stale_revision',
          'These answers were changed elsewhere (another device or tab); reload them first',
        );
      }
    }
  }

  return {
    async getQuestionnaire(token, locale) {
      const opened = await open(db, token);
      if (opened.status !== 'closed') {
        assertAcceptsAnswers(opened.status);
      }
      const framework = await loadFramework(db, opened.campaign);
      return questionnaire(
        db,
        opened,
        framework,
        { response: opened.response, ratings: opened.ratings, result: null },
        locale,
      );
    },

    async saveAnswers(token, input) {
      const { framework, saved } = await save(token, input.ratings, {
        submit: false,
        revision: input.revision,
        locale: undefined,
      });
      return saveResult(framework, saved);
    },

    async submit(token, input, locale) {
      const { opened, framework, saved } = await save(token, input.ratings ?? [], {
        submit: true,
        locale,
      });
      return questionnaire(db, opened, framework, saved, locale);
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
