import type { Problem } from '@evne/core';
import type { TFunction } from 'i18next';
import { isApiError } from './api-client';

type Issue = NonNullable<Problem['issues']>[number];

/** Problem codes with a translation; anything else falls back to the server's own words. */
const PROBLEM_CODES = [
  'invalid_credentials',
  'unauthenticated',
  'csrf_token_invalid',
  'too_many_requests',
  'admin_only',
  'forbidden',
  'framework_shipped_read_only',
  'framework_import_invalid',
  'framework_invalid',
  'framework_version_published',
  'framework_draft_exists',
  'framework_not_published',
  'framework_key_taken',
  'framework_not_found',
  'framework_version_not_found',
  'framework_node_not_found',
  'duplicate_code',
  'unknown_parent',
  'cycle',
  'invalid_scale',
  'unknown_level',
  'invalid_request',
  'payload_too_large',
  'network_error',
  'invalid_response',
  'internal_error',
] as const;
type ProblemCode = (typeof PROBLEM_CODES)[number];

function isKnownProblem(code: string): code is ProblemCode {
  return (PROBLEM_CODES as readonly string[]).includes(code);
}

/** A sentence for a failed call: the translated code, or the server's detail, or a generic line. */
export function problemMessage(error: unknown, t: TFunction): string {
  if (isApiError(error)) {
    const { code, detail } = error.problem;
    if (isKnownProblem(code)) {
      return t(`problems.${code}`);
    }
    return detail ?? t('problems.generic');
  }
  return t('problems.generic');
}

const ISSUE_CODES = [
  'duplicate_code',
  'unknown_parent',
  'cycle',
  'empty_scale',
  'level_out_of_order',
  'missing_field',
  'invalid_json',
  'invalid_csv',
  'invalid_xlsx',
  'unknown_level',
  'empty_framework',
  'missing_column',
  'missing_header',
  'unknown_column',
  'duplicate_column',
  'duplicate_identifier',
  'multiple_parents',
  'missing_document',
  'invalid_package',
] as const;
type IssueCode = (typeof ISSUE_CODES)[number];

function isKnownIssue(code: string): code is IssueCode {
  return (ISSUE_CODES as readonly string[]).includes(code);
}

/** Issue codes whose detailed sentence names things; they need these params from the server. */
const DETAILED_ISSUES = {
  duplicate_code: ['code'],
  unknown_parent: ['code', 'parent'],
  cycle: ['code'],
  level_out_of_order: ['value', 'previous'],
  unknown_level: ['level'],
} as const satisfies Partial<Record<IssueCode, readonly string[]>>;

function hasDetail(code: IssueCode): code is keyof typeof DETAILED_ISSUES {
  return code in DETAILED_ISSUES;
}

/**
 * One issue in the reader's language: a detailed sentence when the server sent the params it
 * names, else a generic one; unknown codes keep the server's (English) message.
 */
export function issueMessage(issue: Issue, t: TFunction): string {
  if (!isKnownIssue(issue.code)) {
    return issue.message;
  }
  const code = issue.code;
  const params = issue.params ?? {};
  if (hasDetail(code) && DETAILED_ISSUES[code].every((name) => params[name] !== undefined)) {
    return t(`issues.detailed.${code}`, params);
  }
  return t(`issues.generic.${code}`);
}

/** Where an issue is: line and column, a JSON path, or a CASE identifier (any that are known). */
export function issueLocation(issue: Issue, t: TFunction): string | undefined {
  const parts: string[] = [];
  if (issue.line !== undefined) {
    parts.push(
      issue.column !== undefined
        ? t('issues.location.lineColumn', { line: issue.line, column: issue.column })
        : t('issues.location.line', { line: issue.line }),
    );
  } else if (issue.column !== undefined) {
    parts.push(t('issues.location.column', { column: issue.column }));
  }
  if (issue.path !== undefined) {
    parts.push(t('issues.location.path', { path: issue.path }));
  }
  if (issue.identifier !== undefined) {
    parts.push(t('issues.location.identifier', { identifier: issue.identifier }));
  }
  return parts.length > 0 ? parts.join(', ') : undefined;
}
