import type { Problem } from '@evne/core';
import type { TFunction } from 'i18next';
import { isApiError } from '../../lib/api-client';
import { issueMessage, problemMessage } from '../../lib/problem-messages';
import { fieldOfPath, type CampaignField } from './campaign-form';

type Issue = NonNullable<Problem['issues']>[number];

/** Problem codes of the campaign endpoints, with their own sentence. */
const CAMPAIGN_PROBLEMS = [
  'invalid_campaign_window',
  'invalid_campaign',
  'empty_audience',
  'campaign_not_found',
  'campaign_not_draft',
  'campaign_not_scheduled',
  'campaign_not_open',
  'campaign_closed',
  'campaign_draft_locked',
  'campaign_scheduled_locked',
  'campaign_open_locked',
  'campaign_closed_locked',
  'closes_in_past',
  'framework_version_not_published',
  'framework_version_not_found',
  'invalid_request',
] as const;
type CampaignProblem = (typeof CAMPAIGN_PROBLEMS)[number];

const CAMPAIGN_ISSUES = [
  'closes_before_opening',
  'closes_in_past',
  'unknown_competence',
  'unknown_unit',
  'unknown_role_profile',
  'unknown_person',
  'empty_audience',
  'invalid_value',
] as const;
type CampaignIssue = (typeof CAMPAIGN_ISSUES)[number];

const isIn = <T extends string>(list: readonly T[], code: string): code is T =>
  (list as readonly string[]).includes(code);

/** A sentence for a failed campaign call, in the reader's language. */
export function campaignProblemMessage(error: unknown, t: TFunction): string {
  if (isApiError(error) && isIn<CampaignProblem>(CAMPAIGN_PROBLEMS, error.problem.code)) {
    return t(`campaigns.problems.${error.problem.code}`);
  }
  return problemMessage(error, t);
}

/** One issue of a campaign call, in the reader's language. */
export function campaignIssueMessage(issue: Issue, t: TFunction): string {
  if (isIn<CampaignIssue>(CAMPAIGN_ISSUES, issue.code)) {
    return t(`campaigns.issues.${issue.code}`);
  }
  return issueMessage(issue, t);
}

/** A located problem: the field it is about (if the form has it) and what is wrong. */
export interface LocatedProblem {
  field: CampaignField | undefined;
  message: string;
}

/** The issues of a failed call, each placed at its form field where the path names one. */
export function locatedProblems(error: unknown, t: TFunction): LocatedProblem[] {
  if (!isApiError(error)) {
    return [];
  }
  return (error.problem.issues ?? []).map((issue) => ({
    field: fieldOfPath(issue.path),
    message: campaignIssueMessage(issue, t),
  }));
}
