import { describe, expect, it } from 'vitest';
import {
  applyChange,
  blankDraft,
  isAnswered,
  progressOf,
  resumeStep,
  toInput,
  unansweredCompetences,
  type Draft,
} from './answers';

const competence = (id: string) => ({
  id,
  code: id,
  name: `Competence ${id}`,
  description: null,
  levelDescriptors: [],
});
const questionnaire = {
  areas: [
    {
      id: 'a',
      code: 'A',
      name: 'A',
      colour: null,
      competences: [competence('1'), competence('2')],
    },
    { id: 'b', code: 'B', name: 'B', colour: null, competences: [competence('3')] },
  ],
};
const answered = (id: string, level: number | null = 2): Draft => ({
  ...blankDraft(id),
  level,
  isNotApplicable: level === null,
});

describe('respondent answers', () => {
  it('counts a level or "not relevant" as an answer, a wish alone not', () => {
    expect(isAnswered(answered('1'))).toBe(true);
    expect(isAnswered(answered('1', null))).toBe(true);
    expect(isAnswered({ ...blankDraft('1'), wantsToDevelop: true })).toBe(false);
    expect(isAnswered(undefined)).toBe(false);
  });

  it('resumes at the first area with an unanswered competence, else at the review', () => {
    expect(resumeStep(questionnaire, new Map())).toBe(0);
    const firstDone = new Map([
      ['1', answered('1')],
      ['2', answered('2', null)],
    ]);
    expect(resumeStep(questionnaire, firstDone)).toBe(1);
    expect(resumeStep(questionnaire, new Map([...firstDone, ['3', answered('3')]]))).toBe(2);
  });

  it('counts progress and lists what is missing', () => {
    const drafts = new Map([['2', answered('2')]]);
    expect(progressOf(questionnaire, drafts)).toEqual({ answered: 1, total: 3 });
    expect(unansweredCompetences(questionnaire, drafts).map((item) => item.id)).toEqual(['1', '3']);
  });

  it('keeps a level and "not relevant" exclusive', () => {
    const notApplicable = applyChange(answered('1', 3), { isNotApplicable: true });
    expect(notApplicable).toMatchObject({ level: null, isNotApplicable: true });
    expect(applyChange(notApplicable, { level: 4 })).toMatchObject({
      level: 4,
      isNotApplicable: false,
    });
  });

  it('sends a blank comment as none', () => {
    expect(toInput({ ...answered('1'), comment: '  ' }).comment).toBeNull();
    expect(toInput({ ...answered('1'), comment: ' Yes ' }).comment).toBe('Yes');
  });
});
