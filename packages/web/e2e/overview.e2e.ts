// The overview in the browser: the demo organisation's closed campaign, the root unit's wheel
// and tables, a drill into a division through the heatmap, a small team's hidden cells, the
// manager assessment, the heatmap's second measure, reload and back, a phone's width, and the
// XLSX and PDF downloads of what is shown.
// Needs `npm run build -w @evne/web` first; `npm run test:e2e` does both.
import { mkdir, readFile } from 'node:fs/promises';
import path from 'node:path';
import ExcelJS from 'exceljs';
import { getDocument } from 'pdfjs-dist/legacy/build/pdf.mjs';
import type { Page } from 'playwright-core';
import { beforeAll, describe, expect, it } from 'vitest';
import { seriousViolations, useEvneInBrowser, signInAsDemoAdmin, fetchJson } from './harness';

const SHOTS_DIR = '/tmp/evne-shots-overview';
const CAMPAIGN = 'Kortlægning af digitale kompetencer 2026';
const HEATMAP = 'Gennemsnitligt niveau pr. enhed og kompetence';

interface Unit {
  id: string;
  code: string;
  name: string;
  hasChildren: boolean;
}
interface Group {
  status: 'shown' | 'fewer_than_k' | 'suppressed';
  count: number | null;
}
interface Overview {
  threshold: number;
  unit: Unit;
  respondents: Group;
  areas: {
    code: string;
    name: string;
    competences: { id: string; code: string; name: string }[];
  }[];
  competences: { nodeId: string; status: Group['status']; average: number | null }[];
  children: {
    unit: Unit;
    respondents: Group;
    cells: { nodeId: string; status: Group['status']; meetingTargetShare: number | null }[];
  }[];
}

/** Waits until the figures asked for are on screen and the wheel has stopped moving. */
async function settled(page: Page): Promise<void> {
  await page.locator('.overview-page[aria-busy="false"]').waitFor();
  await page.locator('.sunburst-chart[aria-busy="false"]').waitFor();
}

async function downloaded(page: Page, name: string): Promise<Buffer> {
  const [file] = await Promise.all([
    page.waitForEvent('download'),
    page.locator('.overview-exports').getByRole('link', { name }).click(),
  ]);
  return readFile(await file.path());
}

async function pdfText(bytes: Buffer): Promise<string> {
  const pdf = await getDocument({ data: new Uint8Array(bytes), disableFontFace: true }).promise;
  const pages: string[] = [];
  for (let number = 1; number <= pdf.numPages; number += 1) {
    const content = await (await pdf.getPage(number)).getTextContent();
    pages.push(content.items.map((item) => ('str' in item ? item.str : '')).join(' '));
  }
  await pdf.destroy();
  return pages.join('\n');
}

async function shot(page: Page, name: string): Promise<void> {
  await settled(page);
  await page.screenshot({ path: path.join(SHOTS_DIR, `${name}.png`), fullPage: true });
}

async function hasHorizontalScroll(page: Page): Promise<boolean> {
  return page.evaluate(
    () => document.documentElement.scrollWidth > document.documentElement.clientWidth,
  );
}

const decimal = (value: number) =>
  new Intl.NumberFormat('da-DK', { minimumFractionDigits: 1, maximumFractionDigits: 1 }).format(
    value,
  );

/** Chooses an option of a toggle group the way a reader does: by its label. */
async function choose(page: Page, name: string): Promise<void> {
  await page.locator('label', { has: page.getByRole('radio', { name, exact: true }) }).click();
}

async function isFocused(page: Page, name: string): Promise<boolean> {
  return page
    .getByRole('heading', { level: 1, name })
    .evaluate((node) => node === document.activeElement);
}

describe('the overview in the browser', () => {
  const suite = useEvneInBrowser('evne-e2e-overview-');

  beforeAll(async () => {
    await mkdir(SHOTS_DIR, { recursive: true });
  });

  it('shows the demo campaign, drills into a division, hides small teams and fits a phone', async () => {
    const page = await suite.newPage({ width: 1280, height: 900 });
    await signInAsDemoAdmin(page, suite.baseUrl());

    // What the server will show, so that the journey does not depend on the random answers.
    const campaigns = await fetchJson<{ items: { id: string; name: string }[] }>(
      page,
      '/api/v1/overview/campaigns',
    );
    const campaign = campaigns.items.find((item) => item.name === CAMPAIGN);
    if (!campaign) {
      throw new Error('The demo organisation has no overview campaign');
    }
    const overviewOf = (query: string) =>
      fetchJson<Overview>(page, `/api/v1/campaigns/${campaign.id}/overview?${query}`);
    const root = await overviewOf('');
    expect(root.threshold).toBe(5);
    // A division with a child whose figures are held back because fewer than k answered.
    let division: Unit | undefined;
    let smallTeam: Overview['children'][number] | undefined;
    for (const child of root.children) {
      if (!child.unit.hasChildren || child.respondents.status !== 'shown') {
        continue;
      }
      const below = await overviewOf(`unitId=${child.unit.id}`);
      smallTeam = below.children.find((item) =>
        item.cells.some((cell) => cell.status === 'fewer_than_k'),
      );
      if (smallTeam) {
        division = child.unit;
        break;
      }
    }
    if (!division || !smallTeam) {
      throw new Error('The demo organisation has no division with a small team');
    }

    // 1. The menu leads to the newest campaign's overview of the whole organisation.
    await page
      .getByRole('navigation', { name: 'Hovedmenu' })
      .getByRole('link', { name: 'Overblik' })
      .click();
    await page.waitForURL(new RegExp(`/overview/${campaign.id}$`));
    const rootHeading = `Overblik: ${root.unit.name}`;
    await page.getByRole('heading', { level: 1, name: rootHeading }).waitFor();
    expect(await page.getByLabel('Kampagne', { exact: true }).inputValue()).toBe(campaign.id);
    await page
      .locator('.overview-facts')
      .getByText(`${root.respondents.count} har svaret`)
      .waitFor();
    await page.getByText(/^Tal vises kun for grupper på mindst 5 personer\./).waitFor();

    // The wheel's table: a number for the first competence, as the server computed it.
    const firstArea = root.areas[0];
    const firstCompetence = firstArea?.competences[0];
    const firstFigure = root.competences.find((item) => item.nodeId === firstCompetence?.id);
    if (!firstArea || !firstCompetence || firstFigure?.average == null) {
      throw new Error('The root unit shows no figure for the first competence');
    }
    const areaTable = page.getByRole('table', {
      name: `Tal for ${firstArea.code} ${firstArea.name}`,
    });
    const firstRow = areaTable
      .getByRole('row')
      .filter({ has: page.getByRole('rowheader', { name: firstCompetence.code }) });
    expect((await firstRow.getByRole('cell').first().textContent())?.trim()).toBe(
      decimal(firstFigure.average),
    );
    // The keyboard twin of the wheel: focusing a competence shows its distribution.
    const listButton = page.getByRole('button', {
      name: new RegExp(`^${firstCompetence.code.replace(/\./g, '\\.')} `),
    });
    await listButton.focus();
    await page
      .locator('.overview-details')
      .getByRole('heading', { name: `${firstCompetence.code} ${firstCompetence.name}` })
      .waitFor();
    expect(
      await page
        .locator('.overview-details')
        .getByRole('list', { name: 'Personer pr. niveau' })
        .getByRole('listitem')
        .count(),
    ).toBe(5);
    await shot(page, '01-root');
    expect(await seriousViolations(page, 'the root overview')).toEqual([]);

    // The downloads of what is shown: the workbook and the report open and hold the figures.
    const workbook = new ExcelJS.Workbook();
    const xlsx = await downloaded(page, 'Excel (XLSX)');
    await workbook.xlsx.load(
      xlsx.buffer.slice(xlsx.byteOffset, xlsx.byteOffset + xlsx.byteLength) as ArrayBuffer,
    );
    const numbers: number[] = [];
    workbook.eachSheet((sheet) => {
      sheet.eachRow((row) => {
        row.eachCell((cell) => {
          if (typeof cell.value === 'number') {
            numbers.push(cell.value);
          }
        });
      });
    });
    expect(numbers).toContain(firstFigure.average);
    const report = await downloaded(page, 'PDF-rapport');
    expect(report.subarray(0, 5).toString()).toBe('%PDF-');
    const text = await pdfText(report);
    expect(text).toContain(CAMPAIGN);
    expect(text).toContain(decimal(firstFigure.average));

    // 2. The heatmap: the root first, then each division; hidden divisions say so.
    const heatmap = page.getByRole('table', { name: HEATMAP });
    const rowHeaders = await heatmap.getByRole('rowheader').allTextContents();
    expect(rowHeaders[0]).toMatch(new RegExp(`^${root.unit.name} i alt`));
    expect(rowHeaders).toHaveLength(root.children.length + 1);

    // 3. Drill into the division through its row: the heading takes focus, the URL holds it.
    await heatmap.getByRole('link', { name: division.name, exact: true }).click();
    const divisionHeading = `Overblik: ${division.name}`;
    await page.getByRole('heading', { level: 1, name: divisionHeading }).waitFor();
    await expect.poll(() => isFocused(page, divisionHeading)).toBe(true);
    expect(new URL(page.url()).searchParams.get('unit')).toBe(division.id);
    await page
      .getByRole('navigation', { name: 'Hvor enheden ligger' })
      .getByRole('link', { name: root.unit.name })
      .waitFor();

    // 4. The small team's cells read "< 5" on screen and "færre end 5" to a screen reader.
    const teamRow = heatmap
      .getByRole('row')
      .filter({ has: page.getByRole('link', { name: smallTeam.unit.name, exact: true }) });
    const fewer = smallTeam.cells.filter((cell) => cell.status === 'fewer_than_k').length;
    expect(await teamRow.getByRole('cell', { name: 'færre end 5', exact: true }).count()).toBe(
      fewer,
    );
    expect(await teamRow.getByRole('cell').filter({ hasText: '< 5' }).count()).toBe(fewer);
    await page.getByText('færre end 5 personer bag tallet').waitFor();
    await shot(page, '02-division');
    expect(await seriousViolations(page, 'the division overview')).toEqual([]);

    // 5. Reload keeps the unit; back returns to the whole organisation.
    await page.reload();
    await page.getByRole('heading', { level: 1, name: divisionHeading }).waitFor();
    await page.goBack();
    await page.getByRole('heading', { level: 1, name: rootHeading }).waitFor();
    await page.goForward();
    await page.getByRole('heading', { level: 1, name: divisionHeading }).waitFor();

    // 6. The manager assessment: a new address, the figures of the other rater kind.
    const managerView = await overviewOf(`unitId=${division.id}&kind=manager`);
    await choose(page, 'Ledervurdering');
    await page.waitForURL(/kind=manager/);
    const respondents =
      managerView.respondents.status === 'shown'
        ? `${managerView.respondents.count} har svaret`
        : managerView.respondents.status === 'fewer_than_k'
          ? 'Færre end 5 har svaret'
          : 'Antallet, der har svaret, er skjult for at beskytte små grupper';
    await page.locator('.overview-facts').getByText(respondents).waitFor();
    await page.locator('.overview-facts').getByText('Ledervurdering').waitFor();
    expect(await page.getByRole('radio', { name: 'Ledervurdering' }).isChecked()).toBe(true);
    await shot(page, '03-manager');
    expect(await seriousViolations(page, 'the manager assessment')).toEqual([]);

    // 7. The heatmap's second measure: the share meeting their target, as percentages.
    await choose(page, 'Andel, der når målet');
    await page.waitForURL(/show=target/);
    const shareTable = page.getByRole('table', {
      name: 'Andel, der når målet pr. enhed og kompetence',
    });
    await shareTable.waitFor();
    expect(
      await shareTable
        .getByRole('cell')
        .filter({ hasText: /\d+\s%/ })
        .count(),
    ).toBeGreaterThan(0);

    // 8. On a phone: no page-wide horizontal scroll; the heatmap scrolls in its own region.
    await page.setViewportSize({ width: 390, height: 844 });
    await page.reload();
    await page.getByRole('heading', { level: 1, name: divisionHeading }).waitFor();
    await page.waitForLoadState('networkidle');
    expect(await hasHorizontalScroll(page)).toBe(false);
    const region = page.getByRole('region', {
      name: 'Andel, der når målet pr. enhed og kompetence',
    });
    expect(await region.getAttribute('tabindex')).toBe('0');
    expect(await region.evaluate((node) => node.scrollWidth > node.clientWidth)).toBe(true);
    await shot(page, '04-phone-division');
    expect(await seriousViolations(page, 'the overview on a phone')).toEqual([]);

    await page.goto(`${suite.baseUrl()}/overview`);
    await page.waitForURL(new RegExp(`/overview/${campaign.id}$`));
    await page.getByRole('heading', { level: 1, name: rootHeading }).waitFor();
    await page.waitForLoadState('networkidle');
    expect(await hasHorizontalScroll(page)).toBe(false);
    await shot(page, '05-phone-root');
  });
});
