import type { ImportJob } from '@evne/core';
import { describe, expect, it } from 'vitest';
import {
  cleanMapping,
  fieldsFor,
  formatOf,
  nextMilestone,
  progressPercent,
  stepFor,
} from './import-wizard';

function job(overrides: Partial<ImportJob>): ImportJob {
  return {
    id: '00000000-0000-4000-8000-000000000001',
    kind: 'people',
    fileName: 'people.csv',
    isFullImport: false,
    headers: [],
    mapping: {},
    status: 'ready',
    issues: [],
    issueCount: 0,
    preview: null,
    progress: null,
    error: null,
    ...overrides,
  };
}

describe('the import wizard', () => {
  it('goes to the step the job is at', () => {
    expect(stepFor(job({ status: 'needs_mapping' }), false)).toBe('mapping');
    expect(stepFor(job({ status: 'ready' }), false)).toBe('preview');
    expect(stepFor(job({ status: 'invalid' }), false)).toBe('preview');
    expect(stepFor(job({ status: 'ready' }), true)).toBe('mapping');
    expect(stepFor(job({ status: 'applying' }), true)).toBe('apply');
    expect(stepFor(job({ status: 'applied' }), false)).toBe('apply');
    expect(stepFor(job({ status: 'failed' }), false)).toBe('apply');
  });

  it('marks the required fields of each kind', () => {
    expect(
      fieldsFor('people')
        .filter((f) => f.isRequired)
        .map((f) => f.field),
    ).toEqual(['employeeNumber', 'name']);
    expect(fieldsFor('units').map((f) => f.field)).toEqual([
      'code',
      'name',
      'parentCode',
      'managerEmployeeNumber',
    ]);
  });

  it('reports progress below 100 % until the job is applied', () => {
    expect(progressPercent(job({ status: 'ready' }))).toBe(0);
    expect(
      progressPercent(
        job({ status: 'applying', progress: { phase: 'people', done: 1, total: 4 } }),
      ),
    ).toBe(25);
    expect(
      progressPercent(job({ status: 'applying', progress: { phase: 'done', done: 4, total: 4 } })),
    ).toBe(99);
    expect(
      progressPercent(job({ status: 'applying', progress: { phase: 'x', done: 0, total: 0 } })),
    ).toBe(0);
    expect(progressPercent(job({ status: 'applied' }))).toBe(100);
  });

  it('announces each milestone once, skipping to the highest one reached', () => {
    expect(nextMilestone(10, 0)).toBeUndefined();
    expect(nextMilestone(30, 0)).toBe(25);
    expect(nextMilestone(30, 25)).toBeUndefined();
    expect(nextMilestone(80, 25)).toBe(75);
    expect(nextMilestone(100, 75)).toBe(100);
  });

  it('sends .xlsx files as XLSX and anything else as CSV, with only chosen columns', () => {
    expect(formatOf('Medarbejdere.XLSX')).toBe('xlsx');
    expect(formatOf('people.csv')).toBe('csv');
    expect(formatOf('export.txt')).toBe('csv');
    expect(cleanMapping({ name: 'Navn', email: '' })).toEqual({ name: 'Navn' });
  });
});
