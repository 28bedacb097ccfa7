import type { TFunction } from 'i18next';
import { describe, expect, it } from 'vitest';
import { ApiError } from '../../lib/api-client';
import { campaignProblemMessage, locatedProblems } from './campaign-problems';

// The key itself stands in for its translation.
const t = ((key: string) => key) as unknown as TFunction;

function problem(code: string, issues?: { code: string; message: string; path?: string }[]) {
  return new ApiError(422, {
    type: 'about:blank',
    title: 'Unprocessable content',
    status: 422,
    code,
    ...(issues ? { issues } : {}),
  });
}

describe('campaign problems', () => {
  it('translates the campaign codes and falls back to the shared ones', () => {
    expect(campaignProblemMessage(problem('invalid_campaign_window'), t)).toBe(
      'campaigns.problems.invalid_campaign_window',
    );
    expect(campaignProblemMessage(problem('admin_only'), t)).toBe('problems.admin_only');
    expect(campaignProblemMessage(new Error('boom'), t)).toBe('problems.generic');
  });

  it('places each issue at its field, in the reader’s words', () => {
    const error = problem('invalid_campaign_window', [
      {
        code: 'closes_before_opening',
        message: 'The campaign must close after it opens',
        path: 'closesAt',
      },
      { code: 'unknown_unit', message: 'Not found', path: 'audience.unitIds[1]' },
      { code: 'something_new', message: 'A new kind of problem' },
    ]);
    expect(locatedProblems(error, t)).toEqual([
      { field: 'closesAt', message: 'campaigns.issues.closes_before_opening' },
      { field: 'unitIds', message: 'campaigns.issues.unknown_unit' },
      { field: undefined, message: 'A new kind of problem' },
    ]);
    expect(locatedProblems(new Error('boom'), t)).toEqual([]);
  });
});
