import type { Questionnaire, RatingInput } from '@evne/core';

/** One answer as the page keeps it: the same shape the server takes. */
export type Draft = RatingInput;

export type Drafts = ReadonlyMap<string, Draft>;

export function blankDraft(nodeId: string): Draft {
  return { nodeId, level: null, isNotApplicable: false, wantsToDevelop: false, comment: null };
}

/** The saved answers, by competence. */
export function draftsFrom(questionnaire: Questionnaire): Map<string, Draft> {
  return new Map(
    questionnaire.answers.map((answer) => [
      answer.nodeId,
      {
        nodeId: answer.nodeId,
        level: answer.level,
        isNotApplicable: answer.isNotApplicable,
        wantsToDevelop: answer.wantsToDevelop,
        comment: answer.comment,
      },
    ]),
  );
}

/** A competence counts as answered with a level or "not relevant / don't know". */
export function isAnswered(draft: Draft | undefined): boolean {
  return draft !== undefined && (draft.level !== null || draft.isNotApplicable);
}

/** Answered and total competences. */
export function progressOf(
  questionnaire: Pick<Questionnaire, 'areas'>,
  drafts: Drafts,
): { answered: number; total: number } {
  let answered = 0;
  let total = 0;
  for (const area of questionnaire.areas) {
    for (const competence of area.competences) {
      total += 1;
      if (isAnswered(drafts.get(competence.id))) {
        answered += 1;
      }
    }
  }
  return { answered, total };
}

/** The competences still without an answer, in questionnaire order. */
export function unansweredCompetences(
  questionnaire: Pick<Questionnaire, 'areas'>,
  drafts: Drafts,
): { areaIndex: number; id: string; name: string; code: string }[] {
  return questionnaire.areas.flatMap((area, areaIndex) =>
    area.competences
      .filter((competence) => !isAnswered(drafts.get(competence.id)))
      .map((competence) => ({
        areaIndex,
        id: competence.id,
        name: competence.name,
        code: competence.code,
      })),
  );
}

/**
 * Where to resume: the first area with an unanswered competence, or the review step (index
 * `areas.length`) when everything is answered.
 */
export function resumeStep(questionnaire: Pick<Questionnaire, 'areas'>, drafts: Drafts): number {
  const index = questionnaire.areas.findIndex((area) =>
    area.competences.some((competence) => !isAnswered(drafts.get(competence.id))),
  );
  return index < 0 ? questionnaire.areas.length : index;
}

/** The answer with one change applied; choosing a level clears "not relevant" and back. */
export function applyChange(draft: Draft, change: Partial<Omit<Draft, 'nodeId'>>): Draft {
  const next = { ...draft, ...change };
  if (change.level !== undefined && change.level !== null) {
    next.isNotApplicable = false;
  }
  if (change.isNotApplicable === true) {
    next.level = null;
  }
  return next;
}

/** The answer as sent: an empty comment is no comment. */
export function toInput(draft: Draft): RatingInput {
  const comment = draft.comment?.trim() ?? '';
  return { ...draft, comment: comment === '' ? null : comment };
}
