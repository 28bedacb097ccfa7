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
  'import_not_ready',
  'import_not_found',
  'import_already_applied',
  'import_file_unreadable',
  'import_invalid',
  'invalid_targets',
  'no_lineage',
  'profile_rule_exists',
  'profile_rule_not_found',
  'role_profile_not_found',
  'framework_version_not_published',
  'copy_from_other_version',
  'org_unit_not_found',
  'person_not_found',
  'duplicate_unit_code',
  'unit_cycle',
  'manager_cycle',
  'invitation_not_found',
  'campaign_not_open',
  'campaign_closed',
  'stale_revision',
  'response_anonymised',
  'invalid_answers',
  'answers_missing',
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
  'empty_file',
  'missing_employee_number',
  'duplicate_employee_number',
  'missing_name',
  'invalid_email',
  'unknown_unit',
  'invalid_locale',
  'unknown_manager',
  'manager_cycle',
  'missing_unit_code',
  'duplicate_unit_code',
  'unknown_parent_unit',
  'unit_cycle',
  'mapping_missing_field',
  'mapping_unknown_column',
  'mapping_unknown_field',
  'not_a_rated_competence',
  'duplicate_target',
  'copy_from_other_version',
  'answer_missing',
  'unknown_competence',
  'duplicate_rating',
  'level_not_on_scale',
  'level_and_not_applicable',
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
  duplicate_employee_number: ['employeeNumber', 'firstLine'],
  invalid_email: ['email'],
  unknown_unit: ['code'],
  unknown_manager: ['employeeNumber'],
  manager_cycle: ['employeeNumber', 'length'],
  duplicate_unit_code: ['code', 'firstLine'],
  unknown_parent_unit: ['code'],
  unit_cycle: ['code'],
  mapping_missing_field: ['field'],
  mapping_unknown_column: ['field', 'column'],
} as const satisfies Partial<Record<IssueCode, readonly string[]>>;

function hasDetail(code: IssueCode): code is keyof typeof DETAILED_ISSUES {
  return code in DETAILED_ISSUES;
}

/** Turns a param into words (e.g. an import field's key into its translated name). */
export type ParamFormatter = (name: string, value: string | number) => string | number;

/**
 * One issue in the reader's language: a detailed sentence when the server sent the params it
 * names, else a generic one; unknown codes keep the server's (English) message.
 */
export function issueMessage(issue: Issue, t: TFunction, formatParam?: ParamFormatter): string {
  if (!isKnownIssue(issue.code)) {
    return issue.message;
  }
  const code = issue.code;
  const params = issue.params ?? {};
  if (hasDetail(code) && DETAILED_ISSUES[code].every((name) => params[name] !== undefined)) {
    const shown = formatParam
      ? Object.fromEntries(
          Object.entries(params).map(([name, value]) => [name, formatParam(name, value)]),
        )
      : params;
    return t(`issues.detailed.${code}`, shown);
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
