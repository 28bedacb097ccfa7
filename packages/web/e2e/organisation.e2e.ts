// Browser journey through the organisation pages, the HR import wizard and the role-profile
// editor, against the real server (in-process, fresh PGlite with the demo organisation).
// Needs `npm run build -w @evne/web` first; `npm run test:e2e` does both.
import { mkdirSync } from 'node:fs';
import path from 'node:path';
import type { Page } from 'playwright-core';
import { describe, expect, it } from 'vitest';
import { seriousViolations, useEvneInBrowser, signInAsDemoAdmin, fetchJson } from './harness';

/** Set EVNE_E2E_SHOTS=1 to keep screenshots of each step in /tmp/evne-shots-org. */
const SHOTS_DIR = process.env.EVNE_E2E_SHOTS ? '/tmp/evne-shots-org' : undefined;

async function shot(page: Page, name: string): Promise<void> {
  if (SHOTS_DIR) {
    mkdirSync(SHOTS_DIR, { recursive: true });
    await page.screenshot({ path: path.join(SHOTS_DIR, `${name}.png`), fullPage: true });
  }
}

async function pageScrollWidth(page: Page): Promise<number> {
  return page.evaluate(() => document.documentElement.scrollWidth);
}

interface UnitJson {
  id: string;
  code: string;
  name: string;
  manager: { id: string; name: string } | null;
}
interface PersonJson {
  id: string;
  employeeNumber: string;
  name: string;
  email: string | null;
  jobTitle: string | null;
  unit: { id: string; code: string } | null;
  manager: { id: string; name: string } | null;
}

function mainNav(page: Page) {
  return page.getByRole('navigation', { name: 'Hovedmenu' });
}

describe('the organisation, the HR import and role profiles in the browser', () => {
  const suite = useEvneInBrowser('evne-e2e-org-');
  const newPage = suite.newPage;
  let newPersonPath = '';

  it('imports people, finds a new person in the tree, gives a profile by hand and edits a profile with a live wheel', async () => {
    const page = await newPage({ width: 1280, height: 900 });
    await signInAsDemoAdmin(page, suite.baseUrl());

    // A real person of Hjemmeplejen Nord (not its leader), read from the API, gets a new job title.
    const units = (await fetchJson<{ items: UnitJson[] }>(page, '/api/v1/org-units')).items;
    const north = units.find((unit) => unit.code === 'SOF-ÆLD-HJN');
    expect(north?.manager).toBeTruthy();
    const staff = (
      await fetchJson<{ items: PersonJson[] }>(
        page,
        `/api/v1/people?unitId=${north?.id ?? ''}&includeSubunits=false`,
      )
    ).items.filter((person) => person.id !== north?.manager?.id);
    const existing = staff[0];
    if (!existing?.manager || !north?.manager) {
      throw new Error('The demo organisation has no staff with a manager in Hjemmeplejen Nord');
    }
    const leader = await fetchJson<PersonJson>(page, `/api/v1/people/${north.manager.id}`);
    const existingManager = await fetchJson<PersonJson>(
      page,
      `/api/v1/people/${existing.manager.id}`,
    );
    const newTitle = `${existing.jobTitle ?? 'Medarbejder'} og teamkoordinator`;
    const newPeople = [
      { number: 'E2E-9001', name: 'Åse Ærbø Søndergård', email: 'aase.aerboe@demo.evne.local' },
      { number: 'E2E-9002', name: 'Bjørn Østergård Ærø', email: 'bjoern.oe@demo.evne.local' },
    ];
    const csv = [
      'Medarbejdernummer;Navn;E-mail;Enhed;Leder;Stilling',
      ...newPeople.map(
        (person) =>
          `${person.number};${person.name};${person.email};SOF-ÆLD-HJN;${leader.employeeNumber};Social- og sundhedshjælper`,
      ),
      `${existing.employeeNumber};${existing.name};${existing.email ?? ''};SOF-ÆLD-HJN;${existingManager.employeeNumber};${newTitle}`,
    ].join('\r\n');

    // 1. The import wizard: upload, dry run, apply.
    await mainNav(page).getByRole('link', { name: 'Organisation' }).click();
    await page.getByRole('heading', { level: 1, name: 'Organisation' }).waitFor();
    await page.getByRole('link', { name: 'Importér enheder eller medarbejdere' }).click();
    await page
      .getByRole('heading', { level: 1, name: 'Importér enheder eller medarbejdere' })
      .waitFor();
    expect(await page.getByRole('radio', { name: 'Medarbejdere' }).isChecked()).toBe(true);
    expect(await page.getByRole('checkbox', { name: /^Fuld import/ }).isChecked()).toBe(false);
    await page.getByLabel('Fil', { exact: true }).setInputFiles({
      name: 'medarbejdere.csv',
      mimeType: 'text/csv',
      buffer: Buffer.concat([Buffer.from([0xef, 0xbb, 0xbf]), Buffer.from(csv, 'utf8')]),
    });
    await page.getByRole('button', { name: 'Upload og lav en prøvekørsel' }).click();
    await page.getByRole('heading', { level: 2, name: 'Trin 3 af 4: Prøvekørsel' }).waitFor();

    const summary = page.getByRole('list', { name: 'Oversigt over prøvekørslen' });
    const summaryItems = await summary.getByRole('listitem').allTextContents();
    expect(summaryItems).toContain('2 nye');
    expect(summaryItems).toContain('1 ændret');
    expect(summaryItems).toContain('0 flyttede');
    const added = page.getByRole('region', { name: 'Nye (2)' });
    await expect.poll(() => added.textContent()).toContain('Åse Ærbø Søndergård');
    expect(await added.textContent()).toContain('Bjørn Østergård Ærø');
    const changed = page.getByRole('region', { name: 'Ændrede (1)' });
    const changedText = (await changed.textContent()) ?? '';
    expect(changedText).toContain(existing.name);
    expect(changedText).toContain(`Stilling:`);
    expect(changedText).toContain(newTitle);
    await shot(page, 'e2e-1-import-preview');
    expect(await seriousViolations(page, 'the import preview')).toEqual([]);

    await page.getByRole('button', { name: 'Gennemfør importen' }).click();
    await page.getByRole('heading', { level: 3, name: 'Importen er gennemført' }).waitFor();
    const progress = page.getByRole('progressbar', { name: 'Importens fremdrift' });
    expect(await progress.getAttribute('value')).toBe('100');
    const result = await page
      .getByRole('list', { name: 'Det blev importeret' })
      .getByRole('listitem')
      .allTextContents();
    expect(result).toContain('2 tilføjet');
    expect(result).toContain('1 ændret');
    await shot(page, 'e2e-2-import-done');

    // 2. The tree: search opens the way down to Hjemmeplejen Nord; the new person is there.
    await page.getByRole('link', { name: 'Åbn enhedstræet' }).click();
    await page.getByRole('heading', { level: 1, name: 'Organisation' }).waitFor();
    const tree = page.getByRole('list', { name: 'Enheder' });
    expect(await tree.getByRole('link', { name: 'Hjemmeplejen Nord' }).count()).toBe(0);
    await page.getByLabel('Find en enhed').fill('Hjemmeplejen Nord');
    await tree.getByRole('link', { name: 'Hjemmeplejen Nord' }).waitFor();
    expect(
      await page
        .getByRole('button', { name: 'Underenheder til Ældreområdet' })
        .getAttribute('aria-expanded'),
    ).toBe('true');
    await shot(page, 'e2e-3-tree');
    expect(await seriousViolations(page, 'the unit tree')).toEqual([]);
    await tree.getByRole('link', { name: 'Hjemmeplejen Nord' }).click();
    await page.getByRole('heading', { level: 1, name: 'Hjemmeplejen Nord' }).waitFor();
    const newcomer = newPeople[0]?.name ?? '';
    await page.getByRole('table', { name: 'Medarbejdere i Hjemmeplejen Nord' }).waitFor();
    await page.getByRole('link', { name: newcomer }).click();
    await page.getByRole('heading', { level: 1, name: newcomer }).waitFor();
    newPersonPath = new URL(page.url()).pathname;

    // The rule-given profile is listed with its source; another is given by hand.
    const profiles = page.getByRole('table', { name: `Kompetenceprofiler for ${newcomer}` });
    const everyone = profiles.getByRole('row').filter({ hasText: 'Alle medarbejdere' });
    await expect.poll(() => everyone.textContent()).toContain('Via regel for enhed');
    expect(await profiles.getByRole('row').filter({ hasText: 'Sagsbehandler' }).count()).toBe(0);
    await page
      .getByLabel('Tildel en kompetenceprofil manuelt')
      .selectOption({ label: 'Sagsbehandler' });
    await page.getByRole('button', { name: 'Tildel profilen' }).click();
    const caseWorker = profiles.getByRole('row').filter({ hasText: 'Sagsbehandler' });
    await expect.poll(() => caseWorker.textContent()).toContain('Tildelt manuelt');
    expect(await everyone.textContent()).toContain('Via regel for enhed');
    await shot(page, 'e2e-4-person');
    expect(await seriousViolations(page, 'the person page')).toEqual([]);

    // 3. A role profile's editor: the wheel's summary follows a changed select before saving.
    await mainNav(page).getByRole('link', { name: 'Kompetenceprofiler' }).click();
    await page.getByRole('heading', { level: 1, name: 'Kompetenceprofiler' }).waitFor();
    await page.getByRole('link', { name: 'Leder', exact: true }).click();
    await page.getByRole('heading', { level: 1, name: 'Leder' }).waitFor();
    await page.locator('.sunburst-chart svg path').first().waitFor();
    const wheelSummary = page.getByRole('list', { name: 'Oversigt over målniveauerne' });
    const before = await wheelSummary.textContent();
    const firstTarget = page.getByRole('combobox', { name: /^Målniveau for / }).first();
    const oldValue = await firstTarget.inputValue();
    const newValue = oldValue === '1' ? '5' : '1';
    await firstTarget.selectOption(newValue);
    await expect.poll(() => wheelSummary.textContent()).not.toBe(before);
    const after = await wheelSummary.textContent();
    await expect
      .poll(() =>
        page.getByRole('img', { name: /farvet efter målniveau/ }).getAttribute('aria-label'),
      )
      .toContain(newValue === '1' ? '1 – ' : '5 – ');
    expect(await page.getByText('Ændringer er ikke gemt').count()).toBe(1);
    await shot(page, 'e2e-5-profile-editor');
    expect(await seriousViolations(page, 'the profile editor')).toEqual([]);

    await page.getByRole('button', { name: 'Gem målniveauerne' }).click();
    await expect.poll(() => page.getByText('Ændringer er ikke gemt').count()).toBe(0);
    await page.reload();
    await page.getByRole('heading', { level: 1, name: 'Leder' }).waitFor();
    await expect
      .poll(() =>
        page
          .getByRole('combobox', { name: /^Målniveau for / })
          .first()
          .inputValue(),
      )
      .toBe(newValue);
    await expect
      .poll(() => page.getByRole('list', { name: 'Oversigt over målniveauerne' }).textContent())
      .toBe(after);

    // 5. The people list.
    await mainNav(page).getByRole('link', { name: 'Medarbejdere' }).click();
    await page.getByRole('heading', { level: 1, name: 'Medarbejdere' }).waitFor();
    await page.getByRole('table', { name: 'Medarbejdere' }).waitFor();
    expect(await page.getByText(/^Viser 1–50 af 70 medarbejdere\.$/).count()).toBe(1);
    await page.getByLabel('Søg', { exact: true }).fill('Ærbø');
    await expect
      .poll(() => page.getByRole('table', { name: 'Medarbejdere' }).getByRole('row').count())
      .toBe(2);
    await page.getByLabel('Søg', { exact: true }).fill('');
    await expect.poll(() => page.getByText(/af 70 medarbejdere/).count()).toBe(1);
    await shot(page, 'e2e-6-people');
    expect(await seriousViolations(page, 'the people list')).toEqual([]);
  });

  it('fits the people list and a person page on a 360 px wide screen', async () => {
    const page = await newPage({ width: 360, height: 740 });
    await signInAsDemoAdmin(page, suite.baseUrl());
    await page.goto(`${suite.baseUrl()}/people`);
    await page.getByRole('table', { name: 'Medarbejdere' }).waitFor();
    await shot(page, 'e2e-7-people-360');
    expect(await pageScrollWidth(page)).toBeLessThanOrEqual(360);

    expect(newPersonPath).toMatch(/^\/people\//);
    await page.goto(`${suite.baseUrl()}${newPersonPath}`);
    await page.getByRole('heading', { level: 1, name: 'Åse Ærbø Søndergård' }).waitFor();
    await page.getByRole('table', { name: /^Kompetenceprofiler for/ }).waitFor();
    await shot(page, 'e2e-8-person-360');
    expect(await pageScrollWidth(page)).toBeLessThanOrEqual(360);
  });
});
