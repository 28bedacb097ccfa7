// The respondent's journey on a phone: a personal link, autosave, resume, submit, own wheel.
// Needs `npm run build -w @evne/web` first; `npm run test:e2e` does both.
import { mkdir } from 'node:fs/promises';
import path from 'node:path';
import type { Page } from 'playwright-core';
import { beforeAll, describe, expect, it } from 'vitest';
import { ADMIN_EMAIL, ADMIN_PASSWORD, seriousViolations, useEvneInBrowser } from './harness';

const SHOTS_DIR = '/tmp/evne-shots-respond';

const CAMPAIGN_NAME = {
  da: 'Kortlægning af digitale kompetencer',
  nb: 'Kartlegging av digitale kompetanser',
  en: 'Digital competence mapping',
};

async function shot(page: Page, name: string): Promise<void> {
  await page.screenshot({ path: path.join(SHOTS_DIR, `${name}.png`), fullPage: true });
}

async function hasHorizontalScroll(page: Page): Promise<boolean> {
  return page.evaluate(
    () => document.documentElement.scrollWidth > document.documentElement.clientWidth,
  );
}

/** The admin's side, through the HTTP API with the session cookie and CSRF token. */
class AdminApi {
  private cookie = '';
  private csrf = '';

  constructor(private readonly baseUrl: string) {}

  async signIn(): Promise<void> {
    const response = await fetch(`${this.baseUrl}/api/v1/auth/login`, {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify({ email: ADMIN_EMAIL, password: ADMIN_PASSWORD }),
    });
    expect(response.status).toBe(200);
    this.cookie = response.headers
      .getSetCookie()
      .map((line) => line.split(';')[0])
      .join('; ');
    this.csrf = ((await response.json()) as { csrfToken: string }).csrfToken;
  }

  async call<T>(method: string, apiPath: string, body?: unknown): Promise<T> {
    const response = await fetch(`${this.baseUrl}${apiPath}`, {
      method,
      headers: {
        cookie: this.cookie,
        'x-csrf-token': this.csrf,
        ...(body !== undefined ? { 'content-type': 'application/json' } : {}),
      },
      ...(body !== undefined ? { body: JSON.stringify(body) } : {}),
    });
    if (!response.ok) {
      throw new Error(`${method} ${apiPath}: ${response.status} ${await response.text()}`);
    }
    return (await response.json()) as T;
  }
}

interface QuestionnaireJson {
  status: string;
  submittedAt: string | null;
  revision: number;
  progress: { answered: number; total: number };
  areas: { name: string; competences: { id: string; name: string }[] }[];
}

/** A public call on a personal link (no cookie), as the respondent's device makes it. */
async function respond(
  baseUrl: string,
  token: string,
  method = 'GET',
  suffix = '',
): Promise<{ status: number; body: QuestionnaireJson }> {
  const response = await fetch(`${baseUrl}/api/v1/respond/${token}${suffix}`, {
    method,
    headers: method === 'GET' ? {} : { 'content-type': 'application/json' },
    ...(method === 'GET' ? {} : { body: '{}' }),
  });
  return { status: response.status, body: (await response.json()) as QuestionnaireJson };
}

describe('the respondent on a phone', () => {
  const suite = useEvneInBrowser('evne-e2e-');
  const newPage = suite.newPage;

  beforeAll(async () => {
    await mkdir(SHOTS_DIR, { recursive: true });
  });

  /** Sets up an open, identified self-assessment for the demo unit and returns one person's link. */
  async function campaignWithLink(admin: AdminApi): Promise<{ campaignId: string; link: string }> {
    const frameworks = await admin.call<{
      items: { key: string; versions: { id: string; status: string }[] }[];
    }>('GET', '/api/v1/frameworks');
    const model = frameworks.items.find((item) => item.key === 'dk-state-model');
    const version = model?.versions.find((item) => item.status === 'published');
    expect(version).toBeDefined();
    const units = await admin.call<{ items: { id: string; code: string }[] }>(
      'GET',
      '/api/v1/org-units',
    );
    const unit = units.items.find((item) => item.code === 'SOF-ÆLD-HJN');
    expect(unit).toBeDefined();
    const now = Date.now();
    const campaign = await admin.call<{ id: string }>('POST', '/api/v1/campaigns', {
      name: CAMPAIGN_NAME,
      frameworkVersionId: version?.id,
      audience: { unitIds: [unit?.id], includeSubunits: true },
      opensAt: new Date(now - 60_000).toISOString(),
      closesAt: new Date(now + 7 * 24 * 3600_000).toISOString(),
      modes: ['self'],
      languages: ['da', 'nb', 'en'],
      anonymity: 'identified',
    });
    await admin.call('POST', `/api/v1/campaigns/${campaign.id}/schedule`);
    const sent = await admin.call<{ linksCsv: string | null }>(
      'POST',
      `/api/v1/campaigns/${campaign.id}/invitations/send`,
    );
    const links = [...(sent.linksCsv ?? '').matchAll(/\/r\/([A-Za-z0-9_-]+)/g)].map(
      (match) => match[0],
    );
    expect(links.length).toBeGreaterThan(0);
    return { campaignId: campaign.id, link: links[0] ?? '' };
  }

  it('answers two areas, resumes after a reload, submits once and sees the own wheel', async () => {
    const admin = new AdminApi(suite.baseUrl());
    await admin.signIn();
    const { campaignId, link } = await campaignWithLink(admin);
    const token = link.slice('/r/'.length);
    const before = await respond(suite.baseUrl(), token);
    expect(before.status).toBe(200);
    const areas = before.body.areas;
    expect(areas.length).toBeGreaterThanOrEqual(3);

    const page = await newPage({ width: 390, height: 844 });
    await page.goto(`${suite.baseUrl()}${link}`);
    await page.getByRole('heading', { level: 1, name: CAMPAIGN_NAME.da }).waitFor();
    await page.getByRole('heading', { level: 2, name: /Område 1 af/ }).waitFor();
    await expect(page.getByText(/Dine svar gemmes med dit navn/).isVisible()).resolves.toBe(true);
    expect(await seriousViolations(page)).toEqual([]);
    expect(await hasHorizontalScroll(page)).toBe(false);
    await shot(page, '01-first-area-390');

    const competences = page.locator('.competence');
    // Area 1: the first competence by keyboard (Space picks level 1, ArrowDown moves to 2).
    const firstRadio = competences.first().getByRole('radio').first();
    await firstRadio.focus();
    await page.keyboard.press('Space');
    await page.keyboard.press('ArrowDown');
    await expect(competences.first().getByRole('radio').nth(1).isChecked()).resolves.toBe(true);
    await competences
      .first()
      .getByRole('checkbox', { name: /Jeg vil gerne udvikle mig i dette/ })
      .check();
    await competences
      .first()
      .getByRole('button', { name: /Tilføj kommentar/ })
      .click();
    await competences.first().getByRole('textbox').fill('Vil gerne lære mere om datadeling.');
    const firstCount = areas[0]?.competences.length ?? 0;
    for (let index = 1; index < firstCount; index += 1) {
      await competences.nth(index).getByRole('radio').nth(2).check();
    }
    await page.getByRole('button', { name: 'Næste' }).click();
    const secondHeading = page.getByRole('heading', { level: 2, name: /Område 2 af/ });
    await secondHeading.waitFor();
    await expect(secondHeading.evaluate((node) => node === document.activeElement)).resolves.toBe(
      true,
    );
    const secondCount = areas[1]?.competences.length ?? 0;
    for (let index = 0; index < secondCount; index += 1) {
      const radios = competences.nth(index).getByRole('radio');
      if (index === 0) {
        await competences
          .nth(index)
          .getByRole('radio', { name: /Ikke relevant/ })
          .check();
      } else {
        await radios.nth(3).check();
      }
    }
    await page.locator('.save-status[data-state="saved"]', { hasText: 'Gemt' }).waitFor();
    await shot(page, '02-second-area-saved-390');

    // Reload: the answers are kept and the page resumes at the first area left to answer.
    await page.reload();
    await page.getByRole('heading', { level: 2, name: /Område 3 af/ }).waitFor();
    await page
      .getByText(
        `${firstCount + secondCount} af ${before.body.progress.total} kompetencer besvaret`,
      )
      .waitFor();
    await page.getByRole('navigation', { name: 'Områder' }).getByRole('button').first().click();
    await page.getByRole('heading', { level: 2, name: /Område 1 af/ }).waitFor();
    await expect(competences.first().getByRole('radio').nth(1).isChecked()).resolves.toBe(true);
    await expect(
      competences
        .first()
        .getByRole('checkbox', { name: /udvikle mig/ })
        .isChecked(),
    ).resolves.toBe(true);
    await expect(competences.first().getByRole('textbox').inputValue()).resolves.toBe(
      'Vil gerne lære mere om datadeling.',
    );
    await page.getByRole('navigation', { name: 'Områder' }).getByRole('button').nth(1).click();
    await expect(
      competences
        .first()
        .getByRole('radio', { name: /Ikke relevant/ })
        .isChecked(),
    ).resolves.toBe(true);
    await page.getByRole('navigation', { name: 'Områder' }).getByRole('button').nth(2).click();

    // The rest of the areas.
    for (let areaIndex = 2; areaIndex < areas.length; areaIndex += 1) {
      await page
        .getByRole('heading', { level: 2, name: new RegExp(`Område ${areaIndex + 1} af`) })
        .waitFor();
      const count = areas[areaIndex]?.competences.length ?? 0;
      for (let index = 0; index < count; index += 1) {
        await competences
          .nth(index)
          .getByRole('radio')
          .nth((index + areaIndex) % 4)
          .check();
      }
      await page
        .getByRole('button', {
          name: areaIndex === areas.length - 1 ? 'Gennemse og indsend' : 'Næste',
        })
        .click();
    }
    await page.getByRole('heading', { level: 2, name: 'Gennemse og indsend' }).waitFor();
    await page.getByText('Du har besvaret alle kompetencer.').waitFor();
    expect(await seriousViolations(page)).toEqual([]);
    await shot(page, '03-review-390');

    // A double click stores one response.
    await page.getByRole('button', { name: 'Indsend vurdering' }).dblclick();
    await page.getByRole('heading', { level: 2, name: 'Dit resultat' }).waitFor();
    await page.locator('.own-result .sunburst-chart svg path').first().waitFor();
    const table = page.getByRole('table', { name: /Dit niveau og målet/ });
    await expect(table.getByRole('row').count()).resolves.toBe(
      1 + areas.length + before.body.progress.total,
    );
    await page.getByText(/Du kan ændre dine svar indtil/).waitFor();
    await page.locator('.sunburst-chart[aria-busy="false"]').waitFor();
    expect(await seriousViolations(page)).toEqual([]);
    expect(await hasHorizontalScroll(page)).toBe(false);
    await shot(page, '04-result-390');

    // One response: the link answers "submitted", a retried submit changes nothing.
    const after = await respond(suite.baseUrl(), token);
    expect(after.body.status).toBe('submitted');
    expect(after.body.progress.answered).toBe(before.body.progress.total);
    const retried = await respond(suite.baseUrl(), token, 'POST', '/submit');
    expect(retried.status).toBe(200);
    expect(retried.body.submittedAt).toBe(after.body.submittedAt);
    expect(retried.body.revision).toBe(after.body.revision);
    const report = await admin.call<{ totals: { submitted: number | null } }>(
      'GET',
      `/api/v1/campaigns/${campaignId}/status`,
    );
    if (report.totals.submitted !== null) {
      expect(report.totals.submitted).toBe(1);
    }

    // Reopened (on a wide screen): straight to the result, with a way back to the answers.
    const desktop = await newPage({ width: 1280, height: 900 });
    await desktop.goto(`${suite.baseUrl()}${link}`);
    await desktop.getByRole('heading', { level: 2, name: 'Dit resultat' }).waitFor();
    await desktop.locator('.sunburst-chart[aria-busy="false"]').waitFor();
    await shot(desktop, '05-result-desktop');
    await desktop.getByRole('button', { name: 'Ret mine svar' }).click();
    await desktop.getByRole('heading', { level: 2, name: /Område 1 af/ }).waitFor();
    await shot(desktop, '06-questions-desktop');
  });

  it('explains a link that no longer works', async () => {
    const page = await newPage({ width: 390, height: 844 });
    await page.goto(`${suite.baseUrl()}/r/not-a-real-token`);
    await page.getByRole('heading', { level: 1, name: 'Linket virker ikke længere' }).waitFor();
    await page.getByRole('link', { name: 'Log ind og åbn Mine vurderinger' }).waitFor();
    expect(await seriousViolations(page)).toEqual([]);
    await shot(page, '07-unknown-link-390');
  });
});
