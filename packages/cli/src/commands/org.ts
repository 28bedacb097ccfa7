import { readFileSync } from 'node:fs';
import path from 'node:path';
import { ImportKindSchema, ValidationError, type ImportJob, type Issue } from '@evne/core';
import { decodeText } from '@evne/server';
import { CliError, systemActor, withContext, type CommandIo } from './context.js';
import { formatIssue } from './frameworks.js';

function describePreview(job: ImportJob): string[] {
  const preview = job.preview;
  if (!preview) {
    return [];
  }
  return [
    `  rows:        ${preview.rowCount}`,
    `  added:       ${preview.added.count}`,
    `  changed:     ${preview.changed.count}`,
    `  moved:       ${preview.moved.count}`,
    `  deactivated: ${preview.deactivated.count}`,
    `  reactivated: ${preview.reactivated.count}`,
    `  unchanged:   ${preview.unchanged}`,
  ];
}

/** `evne org import FILE`: dry run, then (with --apply) apply in one transaction with progress. */
export async function importOrganisationFile(
  io: CommandIo & { progress?: (line: string, isFinal: boolean) => void },
  file: string,
  options: { org: string; kind: string; full?: boolean; apply?: boolean; mapping?: string },
): Promise<void> {
  const kind = ImportKindSchema.parse(options.kind);
  let bytes: Buffer;
  try {
    bytes = readFileSync(file);
  } catch {
    throw new CliError(`Cannot read ${file}`);
  }
  const isXlsx = path.extname(file).toLowerCase() === '.xlsx';
  let mapping: Record<string, string> | undefined;
  if (options.mapping !== undefined) {
    try {
      mapping = JSON.parse(options.mapping) as Record<string, string>;
    } catch {
      throw new CliError('--mapping must be JSON, e.g. {"employeeNumber":"Lønnr","name":"Navn"}');
    }
  }
  await withContext(io, async ({ database, services, out }) => {
    const actor = await systemActor(database, options.org);
    const job = await services.organisation.imports.create(actor, {
      kind,
      format: isXlsx ? 'xlsx' : 'csv',
      fileName: path.basename(file),
      content: isXlsx ? bytes.toString('base64') : decodeText(bytes),
      isFullImport: options.full === true,
      ...(mapping ? { mapping } : {}),
    });
    out(`${path.basename(file)}: ${kind}, ${options.full === true ? 'full' : 'partial'} import`);
    out(
      `  columns: ${Object.entries(job.mapping)
        .map(([field, header]) => `${field}=${header}`)
        .join(', ')}`,
    );
    if (job.status !== 'ready') {
      const issues = job.issues as Issue[];
      throw new ValidationError(
        'import_invalid',
        [
          `${file} cannot be imported; nothing was saved (${job.issueCount} problem${job.issueCount === 1 ? '' : 's'}):`,
          ...issues.map((issue) => `  ${formatIssue(issue, path.basename(file))}`),
          ...(job.issueCount > issues.length
            ? [`  … and ${job.issueCount - issues.length} more`]
            : []),
        ].join('\n'),
        issues,
      );
    }
    for (const line of describePreview(job)) {
      out(line);
    }
    if (options.apply !== true) {
      out('Dry run only: nothing was saved. Run again with --apply to apply it.');
      return;
    }
    let lastShown = -1;
    const result = await services.organisation.imports.applyAndWait(actor, job.id, (progress) => {
      const percent =
        progress.total === 0 ? 100 : Math.floor((progress.done / progress.total) * 100);
      if (percent !== lastShown && (percent % 10 === 0 || io.progress)) {
        lastShown = percent;
        const line = `  applying: ${progress.done} / ${progress.total} (${percent}%) ${progress.phase}`;
        if (io.progress) {
          io.progress(line, percent === 100);
        } else {
          out(line);
        }
      }
    });
    if (result.status !== 'applied') {
      throw new CliError(
        `The import failed and nothing was saved: ${result.error ?? 'unknown error'}`,
      );
    }
    out('Applied.');
  });
}
