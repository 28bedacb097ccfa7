import { createInstance, type TFunction } from 'i18next';
import { beforeAll, describe, expect, it } from 'vitest';
import en from '../locales/en.json';
import { ApiError } from './api-client';
import { issueLocation, issueMessage, problemMessage } from './problem-messages';

let t: TFunction;

beforeAll(async () => {
  const i18n = createInstance();
  await i18n.init({
    lng: 'en',
    resources: { en: { translation: en } },
    interpolation: { escapeValue: false },
  });
  t = i18n.t;
});

const problem = (code: string, detail?: string) =>
  new ApiError(400, {
    type: 'x',
    title: 'Error',
    status: 400,
    code,
    ...(detail !== undefined ? { detail } : {}),
  });

describe('problem messages', () => {
  it('translates known problem codes', () => {
    expect(problemMessage(problem('invalid_credentials'), t)).toBe(
      'The email address or password is wrong.',
    );
  });

  it("falls back to the server's own words for unknown codes", () => {
    expect(problemMessage(problem('something_new', 'Something new went wrong'), t)).toBe(
      'Something new went wrong',
    );
  });

  it('names the details of an issue when the server sent them, and stays generic otherwise', () => {
    expect(issueMessage({ code: 'duplicate_code', message: 'x', params: { code: 'A1' } }, t)).toBe(
      'The code “A1” is used more than once.',
    );
    expect(issueMessage({ code: 'duplicate_code', message: 'x' }, t)).toBe(
      'A code is used more than once.',
    );
    expect(issueMessage({ code: 'brand_new', message: 'Server text' }, t)).toBe('Server text');
  });

  it('says where an issue is: line and column, JSON path or CASE identifier', () => {
    expect(issueLocation({ code: 'invalid_json', message: 'x', line: 3, column: '7' }, t)).toBe(
      'line 3, column 7',
    );
    expect(issueLocation({ code: 'cycle', message: 'x', path: '$.nodes[2].parent' }, t)).toBe(
      'JSON path $.nodes[2].parent',
    );
    expect(issueLocation({ code: 'unknown_parent', message: 'x', identifier: 'abc-123' }, t)).toBe(
      'CASE identifier abc-123',
    );
    expect(issueLocation({ code: 'cycle', message: 'x' }, t)).toBeUndefined();
  });

  it('names import problems and can put a field into words', () => {
    expect(
      issueMessage(
        {
          code: 'duplicate_employee_number',
          message: 'x',
          params: { employeeNumber: '1001', firstLine: 2 },
        },
        t,
      ),
    ).toBe('Employee number “1001” appears twice (also on line 2).');
    expect(
      issueMessage(
        { code: 'mapping_missing_field', message: 'x', params: { field: 'employeeNumber' } },
        t,
        (name, value) => (name === 'field' ? 'Employee number' : value),
      ),
    ).toBe('Choose the column that holds “Employee number”.');
    expect(problemMessage(problem('import_not_ready'), t)).toBe(
      'The import cannot be applied yet. Fix the problems in the dry run first.',
    );
  });
});
