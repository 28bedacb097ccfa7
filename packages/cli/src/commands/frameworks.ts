import { readFileSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import {
  ImportFormatSchema,
  resolveText,
  ValidationError,
  type ImportFormat,
  type Issue,
} from '@evne/core';
import { decodeText, exportFrameworkFile, parseFrameworkFile } from '@evne/server';
import { CliError, systemActor, withContext, type CommandIo } from './context.js';

export function formatIssue(issue: Issue, file: string): string {
  const where = [
    issue.line !== undefined ? `line ${issue.line}` : undefined,
    issue.column !== undefined ? `column ${issue.column}` : undefined,
    issue.path,
    issue.identifier !== undefined ? `CASE identifier ${issue.identifier}` : undefined,
  ]
    .filter(Boolean)
    .join(', ');
  return `${file}${where ? ` (${where})` : ''}: ${issue.message} [${issue.code}]`;
}

function detectFormat(file: string, content: Buffer): ImportFormat {
  const extension = path.extname(file).toLowerCase();
  if (extension === '.xlsx') {
    return 'xlsx';
  }
  if (extension === '.csv' || extension === '.tsv' || extension === '.txt') {
    return 'csv';
  }
  const head = content.subarray(0, 4000).toString('utf8');
  return head.includes('"CFDocument"') ? 'case' : 'json';
}

export async function importFramework(
  io: CommandIo,
  file: string,
  options: { org: string; format?: string; publish?: boolean; key?: string },
): Promise<void> {
  let bytes: Buffer;
  try {
    bytes = readFileSync(file);
  } catch {
    throw new CliError(`Cannot read ${file}`);
  }
  const format = options.format
    ? ImportFormatSchema.parse(options.format)
    : detectFormat(file, bytes);
  const content = format === 'xlsx' ? bytes.toString('base64') : decodeText(bytes);
  await withContext(io, async ({ database, services, out }) => {
    const parsed = await parseFrameworkFile({
      format,
      content,
      fileName: path.basename(file),
      ...(options.key ? { key: options.key } : {}),
    });
    if (!parsed.ok) {
      throw new ValidationError(
        'framework_import_invalid',
        [
          `${file} was not imported; nothing was saved:`,
          ...parsed.issues.map((issue) => `  ${formatIssue(issue, file)}`),
        ].join('\n'),
        parsed.issues,
      );
    }
    const actor = await systemActor(database, options.org);
    const result = await services.frameworks.importDocument(actor, parsed.value, {
      publish: options.publish === true,
    });
    out(
      result.unchanged
        ? `Unchanged: "${resolveText(parsed.value.name, 'en')}" is already there (version ${result.versionId}).`
        : `Imported "${resolveText(parsed.value.name, 'en')}" with ${result.nodeCount} nodes as a ${result.status} version ${result.versionId}.`,
    );
  });
}

export async function exportFramework(
  io: CommandIo,
  id: string,
  options: { format: string; org?: string; out?: string },
): Promise<void> {
  const format = ImportFormatSchema.parse(options.format);
  await withContext(io, async ({ database, services, out }) => {
    const actor = await systemActor(database, options.org);
    let versionId = id;
    const frameworks = await services.frameworks.list(actor);
    const framework = frameworks.find((candidate) => candidate.id === id || candidate.key === id);
    if (framework) {
      const published = [...framework.versions]
        .reverse()
        .find((version) => version.status === 'published');
      const chosen = published ?? framework.versions[framework.versions.length - 1];
      if (!chosen) {
        throw new CliError(`Framework ${id} has no version`);
      }
      versionId = chosen.id;
    }
    const version = await services.frameworks.getVersion(actor, versionId).catch(() => {
      throw new CliError(
        `No framework or version "${id}"${options.org ? ` in ${options.org}` : ' among the shipped frameworks (use --org)'}`,
      );
    });
    const document = await services.frameworks.exportDocument(actor, version.id);
    const file = await exportFrameworkFile(document, format, {
      versionId: version.id,
      versionNumber: version.number,
      baseUri: 'urn:evne',
      now: new Date(),
    });
    if (options.out) {
      writeFileSync(options.out, file.body);
      out(`Wrote ${options.out}`);
    } else if (format === 'xlsx') {
      throw new CliError('XLSX is binary: give --out FILE');
    } else {
      process.stdout.write(file.body);
    }
  });
}

export async function listFrameworks(io: CommandIo, options: { org?: string }): Promise<void> {
  await withContext(io, async ({ database, services, out }) => {
    const actor = await systemActor(database, options.org);
    for (const framework of await services.frameworks.list(actor)) {
      const latest = framework.versions[framework.versions.length - 1];
      out(
        `${framework.id}  ${framework.key.padEnd(24)} v${latest?.number ?? '-'} ${latest?.status ?? ''}  ${resolveText(framework.name, 'en')}`,
      );
    }
  });
}
