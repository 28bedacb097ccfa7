import type { TFunction } from 'i18next';
import { isApiError } from '../../lib/api-client';
import { problemMessage } from '../../lib/problem-messages';

/** Problem codes of the overview endpoints with a sentence of their own. */
const OVERVIEW_PROBLEMS = [
  'overview_forbidden',
  'campaign_not_found',
  'org_unit_not_found',
] as const;
type OverviewProblem = (typeof OVERVIEW_PROBLEMS)[number];

function isOverviewProblem(code: string): code is OverviewProblem {
  return (OVERVIEW_PROBLEMS as readonly string[]).includes(code);
}

/** The sentence for a failed overview call in the reader's language. */
export function overviewProblemMessage(error: unknown, t: TFunction): string {
  if (isApiError(error) && isOverviewProblem(error.code)) {
    return t(`overview.problems.${error.code}`);
  }
  return problemMessage(error, t);
}
