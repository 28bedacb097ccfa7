// Browser journey through the built web app against the real server (in-process, fresh PGlite).
// Needs `npm run build -w @evne/web` first; `npm run test:e2e` does both.
import { readFileSync } from 'node:fs';
import path from 'node:path';
import type { Page } from 'playwright-core';
import { describe, expect, it } from 'vitest';
import { seriousViolations, WEB_DIR, useEvneInBrowser, signInAsDemoAdmin } from './harness';

interface SeedNode {
  code: string;
  parent: string | null;
  name: { da?: string; nb?: string; en?: string };
}

// The names the wheel must show come from the shipped file itself, not from copies in this test.
const dkStateModel = JSON.parse(
  readFileSync(path.resolve(WEB_DIR, '../server/seed/frameworks/dk-state-model.json'), 'utf8'),
) as { name: { da: string; nb: string }; nodes: SeedNode[] };
const areas = dkStateModel.nodes.filter((node) => node.parent === null);
const subcategoriesOf = (code: string) => dkStateModel.nodes.filter((node) => node.parent === code);
const daName = (node: SeedNode) => node.name.da ?? node.name.nb ?? node.name.en ?? '';
const nbName = (node: SeedNode) => node.name.nb ?? node.name.da ?? node.name.en ?? '';
const areaByCode = (code: string): SeedNode => {
  const area = areas.find((node) => node.code === code);
  if (!area) {
    throw new Error(`The shipped DK state model has no area ${code}`);
  }
  return area;
};

/** Chart labels wrap over several SVG text lines, so compare without whitespace. */
const squash = (text: string) => text.replace(/\s+/g, '');

async function svgText(page: Page): Promise<string> {
  return squash((await page.locator('.sunburst-chart svg').textContent()) ?? '');
}

/** Waits until the chart has finished animating (it is aria-busy while a drill moves the segments). */
async function chartSettled(page: Page): Promise<void> {
  await page.locator('.sunburst-chart[aria-busy="false"]').waitFor();
}

/** Opens the DK state model from the library, in Danish or Norwegian. */
async function openStateModel(page: Page): Promise<void> {
  const name = new RegExp(`^(${dkStateModel.name.da}|${dkStateModel.name.nb})$`);
  await page.getByRole('link', { name }).click();
  await page.getByRole('heading', { level: 1, name }).waitFor();
  await page.locator('.sunburst-chart svg text').first().waitFor();
}

describe('competence frameworks in the browser', () => {
  const suite = useEvneInBrowser('evne-e2e-');
  const newPage = suite.newPage;

  it('shows the DK state model as a wheel that drills in and out, in Danish and Norwegian, without serious axe violations', async () => {
    const page = await newPage({ width: 1280, height: 900 });
    await signInAsDemoAdmin(page, suite.baseUrl());
    await openStateModel(page);
    await page
      .getByRole('navigation', { name: 'Hovedmenu' })
      .getByRole('link', { name: 'Kompetencemodeller' })
      .waitFor();
    expect(await page.locator('html').getAttribute('lang')).toBe('da');

    // The accessible twin of the wheel lists the four areas; the SVG draws all four names.
    const areaList = page.getByRole('list', { name: 'Områder' });
    await expect.poll(() => areaList.getByRole('button').count()).toBe(4);
    expect(areas).toHaveLength(4);
    const wheelText = await svgText(page);
    for (const area of areas) {
      expect(wheelText).toContain(squash(daName(area)));
    }
    await expect
      .poll(() =>
        page
          .getByRole('img', {
            name: /Kompetencehjul for Model for digitale kompetencer i staten med 4 områder/,
          })
          .count(),
      )
      .toBe(1);

    // Drill in with the keyboard route: the area's sub-categories become the listed segments.
    const a2 = areaByCode('A2');
    await areaList.getByRole('button', { name: new RegExp(`^A2 ${daName(a2)}`) }).click();
    const a2List = page.getByRole('list', { name: `Underkategorier i A2 ${daName(a2)}` });
    const a2Subcategories = subcategoriesOf('A2');
    await expect.poll(() => a2List.getByRole('button').count()).toBe(a2Subcategories.length);
    const listed = await a2List.getByRole('button').allTextContents();
    a2Subcategories.forEach((subcategory, index) => {
      expect(listed[index]).toContain(`${subcategory.code} ${daName(subcategory)}`);
    });
    await expect
      .poll(() => page.evaluate(() => document.activeElement?.textContent ?? ''))
      .toContain('Underkategorier i A2');
    await expect
      .poll(async () => svgText(page))
      .toContain(squash(daName(a2Subcategories[0] ?? a2)));
    expect(await svgText(page)).not.toContain(squash(daName(areaByCode('A1'))));
    await expect
      .poll(() => page.getByRole('navigation', { name: 'Hvor du er i hjulet' }).textContent())
      .toContain(`A2 ${daName(a2)}`);

    // Escape drills out again.
    await page.keyboard.press('Escape');
    await expect
      .poll(() => page.getByRole('list', { name: 'Områder' }).getByRole('button').count())
      .toBe(4);

    // A click on an area's segment in the SVG drills in too, and the centre drills out.
    const a3 = areaByCode('A3');
    const firstWords = daName(a3).split(' ').slice(0, 2).join(' ');
    await chartSettled(page);
    await page
      .locator('.sunburst-chart svg text')
      .filter({ hasText: new RegExp(`^${firstWords}`) })
      .first()
      .click();
    await expect
      .poll(() =>
        page
          .getByRole('list', { name: `Underkategorier i A3 ${daName(a3)}` })
          .getByRole('button')
          .count(),
      )
      .toBe(subcategoriesOf('A3').length);
    await chartSettled(page);
    await page.locator('.sunburst-chart svg text').filter({ hasText: 'Tilbage' }).click();
    await expect
      .poll(() => page.getByRole('list', { name: 'Områder' }).getByRole('button').count())
      .toBe(4);

    // Norwegian: the UI labels and the wheel's names change, and <html lang> follows.
    expect(squash(daName(a3))).not.toBe(squash(nbName(a3)));
    await page.getByLabel('Sprog').selectOption('nb');
    await page
      .getByRole('navigation', { name: 'Hovedmeny' })
      .getByRole('link', { name: 'Kompetansemodeller' })
      .waitFor();
    await page.getByLabel('Språk').waitFor();
    await page.getByRole('heading', { level: 1, name: dkStateModel.name.nb }).waitFor();
    await page.getByRole('tab', { name: 'Tabell' }).waitFor();
    expect(await page.locator('html').getAttribute('lang')).toBe('nb');
    await expect
      .poll(() => page.getByRole('list', { name: 'Områder' }).getByRole('button').count())
      .toBe(4);
    await expect.poll(async () => svgText(page)).toContain(squash(nbName(a3)));
    expect(await svgText(page)).not.toContain(squash(daName(a3)));

    // The choice is remembered for the signed-in user on the server.
    const storedLocale = await page.evaluate(async () => {
      const response = await fetch('/api/v1/auth/session');
      return ((await response.json()) as { user: { locale: string | null } }).user.locale;
    });
    expect(storedLocale).toBe('nb');

    expect(await seriousViolations(page)).toEqual([]);
    await page.getByRole('tab', { name: 'Tabell' }).click();
    await page.getByRole('table').first().waitFor();
    expect(await seriousViolations(page)).toEqual([]);
  });

  it('fits a 360 px wide screen without horizontal scrolling, and the sign-in page passes axe', async () => {
    const page = await newPage({ width: 360, height: 740 });
    await page.goto(`${suite.baseUrl()}/sign-in`);
    await page.getByRole('heading', { level: 1, name: 'Log ind' }).waitFor();
    expect(await seriousViolations(page)).toEqual([]);

    await signInAsDemoAdmin(page, suite.baseUrl());
    expect(await page.evaluate(() => document.documentElement.scrollWidth)).toBeLessThanOrEqual(
      360,
    );
    await openStateModel(page);
    expect(await page.evaluate(() => document.documentElement.scrollWidth)).toBeLessThanOrEqual(
      360,
    );
    await page.getByRole('tab', { name: /^Tabell?$/ }).click();
    await page.getByRole('table').first().waitFor();
    expect(await page.evaluate(() => document.documentElement.scrollWidth)).toBeLessThanOrEqual(
      360,
    );
  });
});
