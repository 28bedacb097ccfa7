import { rebuildOrganisationRollups } from '../repositories/rollups.repository.js';
import { createRollupChanges, type RollupChanges } from './rollup-changes.js';
import { randomUUID } from 'node:crypto';
import {
  assertCanManageOrganisation,
  auditUserId,
  checkColumnMapping,
  NotFoundError,
  ConflictError,
  planPeopleImport,
  planUnitsImport,
  suggestColumnMapping,
  toTabular,
  ValidationError,
  type Actor,
  type ColumnMapping,
  type CreateImportInput,
  type ImportJob,
  type ImportKind,
  type ImportPreview,
  type Issue,
  type PeopleImportPlan,
  type PersonChange,
  type UnitChange,
  type TabularFile,
  type UnitsImportPlan,
} from '@evne/core';
import { sql, type Kysely } from 'kysely';
import type { Clock } from '../adapters/clock.js';
import { parseCsvRows, parseXlsxRows } from '../adapters/tabular-files.js';
import type { Database, Executor } from '../db/database.js';
import { recordAuditEvent } from '../repositories/audit.repository.js';
import {
  applyPeoplePlan,
  applyUnitsPlan,
  findRememberedMapping,
  loadExistingPeople,
  loadExistingUnits,
  rememberMapping,
  type ProgressListener,
} from '../repositories/org-import.repository.js';

/** How many changes and problems of each kind a dry run lists (the counts are always complete). */
const SAMPLE = 200;
/** Imports are kept in memory for this long after their last use. */
const JOB_TTL_MS = 60 * 60 * 1000;

interface Job {
  id: string;
  organisationId: string;
  kind: ImportKind;
  fileName: string;
  file: TabularFile;
  mapping: ColumnMapping;
  isFullImport: boolean;
  status: ImportJob['status'];
  issues: Issue[];
  preview: ImportPreview | null;
  progress: ImportJob['progress'];
  error: string | null;
  touchedAt: number;
  done: Promise<void>;
}

export interface OrgImportService {
  /** Reads the file and dry-runs it; nothing is saved. */
  create(actor: Actor, input: CreateImportInput): Promise<ImportJob>;
  get(actor: Actor, importId: string): ImportJob;
  replan(
    actor: Actor,
    importId: string,
    input: { mapping: ColumnMapping; isFullImport: boolean },
  ): Promise<ImportJob>;
  /** Starts applying in one transaction and returns at once; poll `get` for progress. */
  apply(actor: Actor, importId: string): ImportJob;
  /** Resolves when the import has finished applying (for the CLI and tests). */
  whenApplied(actor: Actor, importId: string): Promise<ImportJob>;
  /** Apply and wait, reporting progress: the CLI's path. */
  applyAndWait(actor: Actor, importId: string, onProgress?: ProgressListener): Promise<ImportJob>;
}

function sample<
  T extends { line?: number; fields?: Record<string, [string | null, string | null]> },
>(items: readonly T[], key: (item: T) => string, name: (item: T) => string) {
  return {
    count: items.length,
    sample: items.slice(0, SAMPLE).map((item) => ({
      key: key(item),
      name: name(item),
      ...(item.line !== undefined ? { line: item.line } : {}),
      ...(item.fields ? { fields: item.fields } : {}),
    })),
  };
}

/** Units are keyed by code, people by employee number. */
function changeKey(change: UnitChange | PersonChange): string {
  return 'code' in change ? change.code : change.employeeNumber;
}

function previewOf(plan: UnitsImportPlan | PeopleImportPlan): ImportPreview {
  const list = (items: readonly (UnitChange | PersonChange)[]) =>
    sample(items, changeKey, (item) => item.name);
  return {
    added: list(plan.added),
    changed: list(plan.changed),
    moved: list(plan.moved),
    deactivated: list(plan.deactivated),
    reactivated: list(plan.reactivated),
    unchanged: plan.unchanged,
    rowCount: plan.rowCount,
  };
}

/**
 * The remembered mapping where the file still has its columns, completed by guesses for the
 * fields it does not cover (with columns it does not use).
 */
function mergeMappings(
  remembered: ColumnMapping | undefined,
  suggested: ColumnMapping,
  headers: readonly string[],
): ColumnMapping {
  const kept = Object.fromEntries(
    Object.entries(remembered ?? {}).filter(([, header]) => headers.includes(header)),
  );
  const used = new Set(Object.values(kept));
  for (const [field, header] of Object.entries(suggested)) {
    if (kept[field] === undefined && !used.has(header)) {
      kept[field] = header;
      used.add(header);
    }
  }
  return kept;
}

export function createOrgImportService(deps: {
  db: Kysely<Database>;
  clock: Clock;
  rollupChanges?: RollupChanges;
}): OrgImportService {
  const { db, clock } = deps;
  const rollupChanges = deps.rollupChanges ?? createRollupChanges();
  const jobs = new Map<string, Job>();

  function sweep(): void {
    const now = Date.now();
    for (const [id, job] of jobs) {
      if (job.status !== 'applying' && now - job.touchedAt > JOB_TTL_MS) {
        jobs.delete(id);
      }
    }
  }

  function view(job: Job): ImportJob {
    return {
      id: job.id,
      kind: job.kind,
      fileName: job.fileName,
      isFullImport: job.isFullImport,
      headers: job.file.headers,
      mapping: job.mapping,
      status: job.status,
      issues: job.issues.slice(0, SAMPLE),
      issueCount: job.issues.length,
      preview: job.preview,
      progress: job.progress,
      error: job.error,
    };
  }

  function find(actor: Actor, importId: string): Job {
    assertCanManageOrganisation(actor);
    const job = jobs.get(importId);
    if (!job || job.organisationId !== actor.organisationId) {
      throw new NotFoundError('import');
    }
    job.touchedAt = Date.now();
    return job;
  }

  async function plan(trx: Executor, job: Job): Promise<UnitsImportPlan | PeopleImportPlan> {
    if (job.kind === 'units') {
      const [existing, people] = [
        await loadExistingUnits(trx, job.organisationId),
        await loadExistingPeople(trx, job.organisationId),
      ];
      return planUnitsImport({
        file: job.file,
        mapping: job.mapping,
        existing,
        people: new Map(
          people
            .filter((person) => person.isActive)
            .map((person) => [person.employeeNumber, person.id]),
        ),
        isFullImport: job.isFullImport,
      });
    }
    const [existing, units] = [
      await loadExistingPeople(trx, job.organisationId),
      await loadExistingUnits(trx, job.organisationId),
    ];
    return planPeopleImport({
      file: job.file,
      mapping: job.mapping,
      existing,
      units: new Map(units.filter((unit) => unit.isActive).map((unit) => [unit.code, unit.id])),
      isFullImport: job.isFullImport,
    });
  }

  async function dryRun(job: Job): Promise<void> {
    const mappingIssues = checkColumnMapping(job.kind, job.file.headers, job.mapping);
    if (job.file.headers.length === 0) {
      mappingIssues.unshift({ code: 'empty_file', message: 'The file has no header row', line: 1 });
    }
    if (mappingIssues.length > 0) {
      job.status = 'needs_mapping';
      job.issues = mappingIssues;
      job.preview = null;
      return;
    }
    const result = await plan(db, job);
    job.issues = result.issues;
    job.preview = previewOf(result);
    job.status = result.issues.length > 0 ? 'invalid' : 'ready';
  }

  async function run(job: Job, actor: Actor, onProgress?: ProgressListener): Promise<void> {
    const report: ProgressListener = (progress) => {
      job.progress = progress;
      onProgress?.(progress);
    };
    try {
      // A units import may move units, which recounts every campaign's rollups.
      const write = <T>(work: () => Promise<T>) =>
        job.kind === 'units' ? rollupChanges.writing(null, work) : work();
      await write(() =>
        db.transaction().execute(async (trx) => {
          // Plan again inside the transaction: the organisation may have changed since the dry run.
          const result = await plan(trx, job);
          if (result.issues.length > 0) {
            throw new ValidationError(
              'import_invalid',
              'The file no longer applies cleanly',
              result.issues,
            );
          }
          const now = clock.now();
          if (result.kind === 'units') {
            const people = await loadExistingPeople(trx, job.organisationId);
            await applyUnitsPlan(
              trx,
              job.organisationId,
              result,
              await loadExistingUnits(trx, job.organisationId),
              new Map(
                people
                  .filter((person) => person.isActive)
                  .map((person) => [person.employeeNumber, person.id]),
              ),
              now,
              report,
            );
            if (result.moved.length > 0) {
              // Rollups count each response in its unit's ancestors: they follow the new tree.
              await rebuildOrganisationRollups(trx, job.organisationId);
            }
          } else {
            const units = await loadExistingUnits(trx, job.organisationId);
            await applyPeoplePlan(
              trx,
              job.organisationId,
              result,
              await loadExistingPeople(trx, job.organisationId),
              new Map(units.filter((unit) => unit.isActive).map((unit) => [unit.code, unit.id])),
              now,
              report,
            );
          }
          await rememberMapping(trx, job.organisationId, job.kind, job.mapping);
          job.preview = previewOf(result);
          await recordAuditEvent(trx, {
            organisationId: job.organisationId,
            actorUserId: auditUserId(actor),
            action: `org_import.${job.kind}.applied`,
            subjectType: 'import',
            subjectId: job.id,
            data: {
              fileName: job.fileName,
              isFullImport: job.isFullImport,
              added: result.added.length,
              changed: result.changed.length,
              moved: result.moved.length,
              deactivated: result.deactivated.length,
              reactivated: result.reactivated.length,
            },
          });
        }),
      );
      // Planner statistics go stale after a bulk load on engines without autovacuum.
      await sql`analyze org_units, org_unit_closure, people`.execute(db).catch(() => undefined);
      job.status = 'applied';
    } catch (error) {
      job.status = 'failed';
      job.error = error instanceof Error ? error.message : String(error);
      if (error instanceof ValidationError) {
        job.issues = error.issues;
      }
    }
  }

  return {
    async create(actor, input) {
      assertCanManageOrganisation(actor);
      sweep();
      const rows =
        input.format === 'csv'
          ? parseCsvRows(input.content.replace(/^\ufeff/, ''))
          : await parseXlsxRows(Buffer.from(input.content, 'base64'));
      if (!rows.ok) {
        throw new ValidationError(
          'import_file_unreadable',
          'The file could not be read',
          rows.issues,
        );
      }
      const file = toTabular(rows.value);
      const remembered = await findRememberedMapping(db, actor.organisationId, input.kind);
      const mapping =
        input.mapping ??
        mergeMappings(remembered, suggestColumnMapping(input.kind, file.headers), file.headers);
      const job: Job = {
        id: randomUUID(),
        organisationId: actor.organisationId,
        kind: input.kind,
        fileName: input.fileName,
        file,
        mapping,
        isFullImport: input.isFullImport,
        status: 'needs_mapping',
        issues: [],
        preview: null,
        progress: null,
        error: null,
        touchedAt: Date.now(),
        done: Promise.resolve(),
      };
      await dryRun(job);
      jobs.set(job.id, job);
      return view(job);
    },

    get(actor, importId) {
      return view(find(actor, importId));
    },

    async replan(actor, importId, input) {
      const job = find(actor, importId);
      if (job.status === 'applying' || job.status === 'applied') {
        throw new ConflictError(
          'import_already_applied',
          'This import has been applied; upload the file again',
        );
      }
      job.mapping = input.mapping;
      job.isFullImport = input.isFullImport;
      await dryRun(job);
      return view(job);
    },

    apply(actor, importId) {
      const job = find(actor, importId);
      if (job.status === 'applied' || job.status === 'applying') {
        // Applying twice (a double click, a retry) applies once.
        return view(job);
      }
      if (job.status !== 'ready') {
        throw new ConflictError(
          'import_not_ready',
          'Fix the problems in the dry run before applying',
        );
      }
      job.status = 'applying';
      job.progress = { phase: 'starting', done: 0, total: 1 };
      job.done = run(job, actor);
      return view(job);
    },

    async whenApplied(actor, importId) {
      const job = find(actor, importId);
      await job.done;
      return view(job);
    },

    async applyAndWait(actor, importId, onProgress) {
      const job = find(actor, importId);
      if (job.status !== 'ready') {
        throw new ConflictError(
          'import_not_ready',
          'Fix the problems in the dry run before applying',
        );
      }
      job.status = 'applying';
      job.done = run(job, actor, onProgress);
      await job.done;
      return view(job);
    },
  };
}
