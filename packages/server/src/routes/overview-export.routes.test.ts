// The overview's downloads (XLSX, CSV, PDF) against hand-computed figures: they show what the
// screen shows and nothing more, a hidden figure reads "< k" and never a number, and they follow
// the overview's access rules.
import type { CampaignOverview } from '@evne/core';
import { parse } from 'csv-parse/sync';
import ExcelJS from 'exceljs';
import type { LightMyRequestResponse } from 'fastify';
import { getDocument } from 'pdfjs-dist/legacy/build/pdf.mjs';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { buildPerson, testClock } from '../../test/campaign-factories.js';
import { buildSignedInUser, withShippedFrameworks } from '../../test/factories.js';
import {
  buildOverviewWorld,
  OVERVIEW_K as K,
  type OverviewWorld,
} from '../../test/overview-factories.js';
import { buildTestApp, type TestApp, type TestClient } from '../../test/test-app.js';

const clock = testClock();
let t: TestApp;
let w: OverviewWorld;
beforeAll(async () => {
  t = await buildTestApp({ clock });
  await withShippedFrameworks(t);
  w = await buildOverviewWorld(t, clock);
});
afterAll(async () => {
  await t.close();
});

const HIDDEN = `< ${K}`;

async function download(
  client: TestClient,
  format: 'xlsx' | 'csv' | 'pdf',
  query = '',
): Promise<LightMyRequestResponse> {
  const response = await client.get(
    `/api/v1/campaigns/${w.campaignId}/overview/export.${format}${query}`,
  );
  expect(response.statusCode, response.body).toBe(200);
  expect(response.headers['cache-control']).toBe('no-store');
  return response;
}

async function overview(client: TestClient, query = ''): Promise<CampaignOverview> {
  const response = await client.get(`/api/v1/campaigns/${w.campaignId}/overview${query}`);
  expect(response.statusCode, response.body).toBe(200);
  return response.json() as CampaignOverview;
}

async function workbookOf(response: LightMyRequestResponse): Promise<ExcelJS.Workbook> {
  const workbook = new ExcelJS.Workbook();
  await workbook.xlsx.load(response.rawPayload as unknown as ArrayBuffer);
  return workbook;
}

/**
 * Every cell of every sheet, by sheet and row, as read (numbers stay numbers; an empty cell
 * before the row's last is null).
 */
function everyRow(workbook: ExcelJS.Workbook): { sheet: string; cells: unknown[] }[] {
  const rows: { sheet: string; cells: unknown[] }[] = [];
  for (const sheet of workbook.worksheets) {
    sheet.eachRow({ includeEmpty: false }, (row) => {
      const cells: unknown[] = [];
      row.eachCell({ includeEmpty: true }, (cell) => cells.push(cell.value));
      rows.push({ sheet: sheet.name, cells });
    });
  }
  return rows;
}

/** Every number anywhere in an overview answer. */
function numbersOf(value: unknown, into = new Set<number>()): Set<number> {
  if (typeof value === 'number') {
    into.add(value);
  } else if (Array.isArray(value)) {
    value.forEach((item) => numbersOf(item, into));
  } else if (value !== null && typeof value === 'object') {
    Object.values(value).forEach((item) => numbersOf(item, into));
  }
  return into;
}

async function pdfText(bytes: Buffer): Promise<string> {
  const pdf = await getDocument({ data: new Uint8Array(bytes), disableFontFace: true }).promise;
  const pages: string[] = [];
  for (let number = 1; number <= pdf.numPages; number += 1) {
    const content = await (await pdf.getPage(number)).getTextContent();
    pages.push(
      content.items
        .map((item) => ('str' in item ? `${item.str}${item.hasEOL ? '\n' : ''}` : ''))
        .join(''),
    );
  }
  await pdf.destroy();
  return pages.join('\n');
}

const codeOf = async (nodeId: string): Promise<string> => {
  const root = await overview(w.admin);
  const code = root.areas
    .flatMap((area) => area.competences)
    .find((competence) => competence.id === nodeId)?.code;
  expect(code).toBeDefined();
  return code ?? '';
};

describe('overview exports', () => {
  it('XLSX: the root with hand-computed figures as numbers, bold frozen headers and the rule', async () => {
    const response = await download(w.admin, 'xlsx', '?locale=en');
    expect(response.headers['content-type']).toBe(
      'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet',
    );
    const disposition = String(response.headers['content-disposition']);
    expect(disposition).toMatch(/^attachment; filename="mapping-2026-kommunen\.xlsx"; filename\*=/);
    const workbook = await workbookOf(response);
    expect(workbook.worksheets.map((sheet) => sheet.name)).toEqual([
      'Overview',
      'Competences',
      'Heatmap',
      'Gaps and coverage',
    ]);
    const summary = workbook.getWorksheet('Overview');
    const summaryRows = new Map(
      everyRow(workbook)
        .filter((row) => row.sheet === 'Overview')
        .map((row) => [row.cells[0], row.cells[1]]),
    );
    expect(summaryRows.get('Campaign')).toBe('Mapping 2026');
    expect(summaryRows.get('Unit')).toBe('Kommunen');
    expect(summaryRows.get('Assessment')).toBe('Self-assessment');
    expect(summaryRows.get('Respondents')).toBe(11);
    expect(summaryRows.get('Anonymity threshold (k)')).toBe(K);
    expect(String(summaryRows.get('Anonymity rule'))).toContain(
      `Figures are shown only for groups of at least ${K} people`,
    );
    expect(summary?.getCell('A1').value).toBe('Competence overview');

    const c1 = await codeOf(w.c1);
    const competences = workbook.getWorksheet('Competences');
    expect(competences?.getRow(1).font?.bold).toBe(true);
    expect(competences?.views[0]).toMatchObject({ state: 'frozen', ySplit: 1 });
    const header = (competences?.getRow(1).values as unknown[]).slice(1);
    expect(header.slice(0, 6)).toEqual([
      'Area',
      'Code',
      'Competence',
      'Average',
      'Gave a level',
      'Not relevant',
    ]);
    const row = everyRow(workbook).find(
      (entry) => entry.sheet === 'Competences' && entry.cells[1] === c1,
    );
    const at = (title: string) => header.indexOf(title);
    expect(row?.cells[at('Average')]).toBe(2.73);
    expect(row?.cells[at('Gave a level')]).toBe(11);
    expect(row?.cells[at('Meeting target')]).toBe(0);
    expect(row?.cells[at('Levels missing in total')]).toBe(5);
    expect(row?.cells[at('At level 3 or higher')]).toBe(4);
    const levels = header.filter((title) => String(title).startsWith('Level '));
    expect(levels).toHaveLength(5);
    expect(levels.map((title) => row?.cells[at(String(title))])).toEqual([1, 6, 1, 1, 2]);
    const averageCell = competences
      ?.getRow(1 + (competences.getColumn(2).values as unknown[]).indexOf(c1))
      .getCell(at('Average') + 1);
    expect(averageCell?.numFmt).toBe('0.00');

    const heatmap = everyRow(workbook).filter((entry) => entry.sheet === 'Heatmap');
    const heatHeader = heatmap[0]?.cells ?? [];
    expect(heatHeader.slice(0, 2)).toEqual(['Unit', 'Respondents']);
    const a = heatmap.find((entry) => entry.cells[0] === 'A');
    expect(a?.cells[1]).toBe(6);
    expect(a?.cells[heatHeader.indexOf(c1)]).toBe(3.33);
    const gaps = everyRow(workbook).filter((entry) => entry.sheet === 'Gaps and coverage');
    expect(gaps[1]?.cells.slice(0, 3)).toEqual([1, expect.any(String), c1]);
    expect(gaps[1]?.cells[4]).toBe(5);
  });

  it('XLSX: the small team and its sibling read "< k" in every cell, and no figure of theirs appears anywhere', async () => {
    const query = `?unitId=${w.units.a}&locale=en`;
    const workbook = await workbookOf(await download(w.admin, 'xlsx', query));
    const rows = everyRow(workbook);
    const teams = rows.filter((row) => row.cells[0] === 'A1' || row.cells[0] === 'A2');
    expect(teams.map((row) => row.cells[0])).toEqual(['A1', 'A2']);
    for (const team of teams) {
      // Name, respondents and both competences: hidden, never 0 or blank.
      expect(team.cells).toEqual([team.cells[0], HIDDEN, HIDDEN, HIDDEN]);
    }
    // A1's average in c1 (2.5) would give A2's answers: A's 3.33 × 6 minus A1's 2.5 × 4.
    const numbers = rows.flatMap((row) => row.cells.filter((cell) => typeof cell === 'number'));
    expect(numbers).not.toContain(2.5);
    // Every number in the workbook is one the screen shows for the same query.
    const screen = numbersOf(await overview(w.admin, query));
    expect(numbers.length).toBeGreaterThan(10);
    for (const value of numbers) {
      expect(screen.has(value), String(value)).toBe(true);
    }
    // The whole of A is shown.
    const total = rows.find((row) => row.sheet === 'Heatmap' && row.cells[0] === 'A in all');
    expect(total?.cells.slice(1)).toEqual([6, 3.33, 2.6]);
  });

  it('XLSX: a unit below k shows no figure at all', async () => {
    const workbook = await workbookOf(
      await download(w.admin, 'xlsx', `?unitId=${w.units.a2}&locale=en`),
    );
    const rows = everyRow(workbook);
    const competences = rows.filter((row) => row.sheet === 'Competences').slice(1);
    expect(competences.length).toBeGreaterThan(0);
    for (const row of competences.filter((entry) => entry.cells.length > 1)) {
      expect(row.cells.slice(3).every((cell) => cell === HIDDEN)).toBe(true);
    }
    const summary = new Map(
      rows.filter((row) => row.sheet === 'Overview').map((row) => [row.cells[0], row.cells[1]]),
    );
    expect(summary.get('Respondents')).toBe(`fewer than ${K}`);
    // Outside the summary, the only numbers are how many competences are shown (0) and exist.
    const numbers = rows
      .filter((row) => row.sheet !== 'Overview')
      .flatMap((row) => row.cells.filter((cell) => typeof cell === 'number'));
    expect(numbers).toEqual([0, 2]);
  });

  it('CSV: the figures per competence, semicolons and BOM, hidden figures as "< k"', async () => {
    const c1 = await codeOf(w.c1);
    const c2 = await codeOf(w.c2);
    const english = await download(w.admin, 'csv', '?locale=en');
    expect(english.headers['content-type']).toBe('text/csv; charset=utf-8');
    expect(String(english.headers['content-disposition'])).toContain(
      'filename="mapping-2026-kommunen.csv"',
    );
    expect(english.rawPayload.subarray(0, 3)).toEqual(Buffer.from([0xef, 0xbb, 0xbf]));
    const rows = parse(english.rawPayload, { bom: true, delimiter: ';' }) as string[][];
    const header = rows[0] ?? [];
    expect(header.slice(0, 4)).toEqual(['Area', 'Code', 'Competence', 'Average']);
    expect(header).toContain('Meeting target (%)');
    const row = rows.find((entry) => entry[1] === c1) ?? [];
    expect(row[header.indexOf('Average')]).toBe('2.73');
    expect(row[header.indexOf('Gave a level')]).toBe('11');
    expect(row[header.indexOf('Meeting target (%)')]).toBe('0');
    expect(rows.find((entry) => entry[1] === c2)?.[header.indexOf('Average')]).toBe('3.3');

    // Danish: decimal comma, Danish headers, the campaign's Danish name in the file name.
    const danish = await download(w.admin, 'csv', '?locale=da');
    expect(String(danish.headers['content-disposition'])).toContain(
      'filename="kortlaegning-2026-kommunen.csv"',
    );
    expect(String(danish.headers['content-disposition'])).toContain(
      "filename*=UTF-8''Kortl%C3%A6gning%202026%20-%20Kommunen.csv",
    );
    const danishRows = parse(danish.rawPayload, { bom: true, delimiter: ';' }) as string[][];
    expect(danishRows[0]?.slice(0, 4)).toEqual(['Område', 'Kode', 'Kompetence', 'Gennemsnit']);
    expect(danishRows.find((entry) => entry[1] === c1)?.[3]).toBe('2,73');

    // The team of two: every figure hidden, nothing that reads as a number.
    const small = await download(w.admin, 'csv', `?unitId=${w.units.a2}&locale=en`);
    const smallRows = (parse(small.rawPayload, { bom: true, delimiter: ';' }) as string[][]).slice(
      1,
    );
    expect(smallRows.map((entry) => entry[1])).toEqual([c1, c2]);
    for (const entry of smallRows) {
      expect(entry.slice(3).every((cell) => cell === HIDDEN)).toBe(true);
    }
  });

  it('PDF: a report with the campaign, the figures, the heatmap and the anonymity rule, in three languages', async () => {
    const english = await download(w.admin, 'pdf', '?locale=en');
    expect(english.headers['content-type']).toBe('application/pdf');
    expect(String(english.headers['content-disposition'])).toContain(
      'filename="mapping-2026-kommunen.pdf"',
    );
    expect(english.rawPayload.subarray(0, 5).toString('latin1')).toBe('%PDF-');
    const text = await pdfText(english.rawPayload);
    expect(text).toContain('Competence overview');
    expect(text).toContain('Mapping 2026');
    expect(text).toContain('2.73');
    expect(text).toContain('3.33');
    expect(text.replace(/\s+/g, ' ')).toContain(
      `Figures are shown only for groups of at least ${K} people`,
    );
    expect(text.replace(/\s+/g, ' ')).toContain('hidden to prevent subtraction');
    expect(text).toContain('The units under Kommunen');
    expect(text).toContain('Largest gaps against role profiles');
    expect(text).toContain('5 levels missing');

    const danish = await pdfText((await download(w.admin, 'pdf', '?locale=da')).rawPayload);
    expect(danish).toContain('Kortlægning 2026');
    expect(danish).toContain('Kompetenceoverblik');
    expect(danish).toContain('2,73');
    expect(danish).toContain('Dækning');
    expect(danish.replace(/\s+/g, ' ')).toContain(
      `Tal vises kun for grupper på mindst ${K} personer`,
    );
    const norwegian = await pdfText((await download(w.admin, 'pdf', '?locale=nb')).rawPayload);
    expect(norwegian).toContain('Kompetanseoversikt');
    expect(norwegian.replace(/\s+/g, ' ')).toContain(
      `Tall vises bare for grupper på minst ${K} personer`,
    );

    // Under A, the two teams' figures are hidden: "< k", and neither of their averages.
    const a = await pdfText(
      (await download(w.admin, 'pdf', `?unitId=${w.units.a}&locale=en`)).rawPayload,
    );
    expect(a).toContain(HIDDEN);
    expect(a).toContain('3.33');
    expect(a).not.toContain('2.50');
    expect(a).not.toContain('5.00');
  });

  it('follows the overview access rules: managers for their units, employees 403, other organisations 404', async () => {
    const db = t.database.db;
    const organisation = await db
      .selectFrom('organisations')
      .selectAll()
      .where('id', '=', w.organisationId)
      .executeTakeFirstOrThrow();
    const record = { ...organisation, anonymityThreshold: K, isDemo: false } as never;
    const manager = await buildSignedInUser(t, { role: 'manager', organisation: record });
    const person = await buildPerson(db, w.organisationId, { userId: manager.userId });
    await db
      .updateTable('org_units')
      .set({ manager_person_id: person.id })
      .where('id', '=', w.units.a)
      .execute();
    const employee = await buildSignedInUser(t, { role: 'employee', organisation: record });
    const stranger = await buildSignedInUser(t, { role: 'admin' });
    for (const format of ['xlsx', 'csv', 'pdf'] as const) {
      const url = `/api/v1/campaigns/${w.campaignId}/overview/export.${format}`;
      const own = await manager.client.get(url);
      expect(own.statusCode, own.body).toBe(200);
      expect(String(own.headers['content-disposition'])).toContain(`-a.${format}"`);
      expect((await manager.client.get(`${url}?unitId=${w.units.b}`)).statusCode).toBe(404);
      const forbidden = await employee.client.get(url);
      expect(forbidden.statusCode).toBe(403);
      expect(forbidden.headers['content-type']).toContain('application/problem+json');
      expect((await stranger.client.get(url)).statusCode).toBe(404);
      expect((await t.app.inject({ method: 'GET', url })).statusCode).toBe(401);
    }
  });
});
