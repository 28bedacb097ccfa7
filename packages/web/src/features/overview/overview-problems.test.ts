import type { TFunction } from 'i18next';
import { describe, expect, it } from 'vitest';
import { ApiError } from '../../lib/api-client';
import { overviewProblemMessage } from './overview-problems';

const t = ((key: string) => `t:${key}`) as unknown as TFunction;

function apiError(code: string, detail?: string): ApiError {
  return new ApiError(403, {
    type: 'about:blank',
    title: 'Error',
    status: 403,
    code,
    ...(detail !== undefined ? { detail } : {}),
  });
}

describe('overviewProblemMessage', () => {
  it('has its own sentence for the overview problems', () => {
    expect(overviewProblemMessage(apiError('overview_forbidden'), t)).toBe(
      't:overview.problems.overview_forbidden',
    );
    expect(overviewProblemMessage(apiError('campaign_not_found'), t)).toBe(
      't:overview.problems.campaign_not_found',
    );
    expect(overviewProblemMessage(apiError('org_unit_not_found'), t)).toBe(
      't:overview.problems.org_unit_not_found',
    );
  });

  it('leaves other problems to the shared messages', () => {
    expect(overviewProblemMessage(apiError('network_error'), t)).toBe('t:problems.network_error');
    expect(overviewProblemMessage(new Error('boom'), t)).toBe('t:problems.generic');
  });
});
