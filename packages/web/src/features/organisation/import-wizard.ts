import {
  PEOPLE_FIELDS,
  REQUIRED_FIELDS,
  UNIT_FIELDS,
  type ImportJob,
  type ImportKind,
} from '@evne/core';

export type WizardStep = 'upload' | 'mapping' | 'preview' | 'apply';

export const WIZARD_STEPS: readonly WizardStep[] = ['upload', 'mapping', 'preview', 'apply'];

/** Which step a job is at: choose columns, read the dry run, or follow the apply. */
export function stepFor(job: ImportJob, wantsMapping: boolean): WizardStep {
  if (job.status === 'applying' || job.status === 'applied' || job.status === 'failed') {
    return 'apply';
  }
  if (job.status === 'needs_mapping' || wantsMapping) {
    return 'mapping';
  }
  return 'preview';
}

/** The fields a file of this kind can fill, required first as the contract lists them. */
export function fieldsFor(kind: ImportKind): { field: string; isRequired: boolean }[] {
  const fields: readonly string[] = kind === 'units' ? UNIT_FIELDS : PEOPLE_FIELDS;
  return fields.map((field) => ({ field, isRequired: REQUIRED_FIELDS[kind].includes(field) }));
}

/** How far an apply has come, 0–100; 100 only once the job says it is applied. */
export function progressPercent(job: ImportJob): number {
  if (job.status === 'applied') {
    return 100;
  }
  if (job.status !== 'applying' || !job.progress || job.progress.total <= 0) {
    return 0;
  }
  const share = Math.floor((job.progress.done / job.progress.total) * 100);
  return Math.max(0, Math.min(99, share));
}

export const PROGRESS_MILESTONES = [25, 50, 75, 100] as const;

/** The highest milestone reached that has not been announced yet, if any. */
export function nextMilestone(percent: number, announced: number): number | undefined {
  const reached = PROGRESS_MILESTONES.filter((mark) => mark <= percent && mark > announced);
  return reached.at(-1);
}

/** The format to send a file as: XLSX by its name, anything else as CSV text. */
export function formatOf(fileName: string): 'csv' | 'xlsx' {
  return /\.xlsx$/i.test(fileName) ? 'xlsx' : 'csv';
}

/** Only the fields with a column chosen. */
export function cleanMapping(mapping: Record<string, string>): Record<string, string> {
  return Object.fromEntries(Object.entries(mapping).filter(([, column]) => column !== ''));
}
